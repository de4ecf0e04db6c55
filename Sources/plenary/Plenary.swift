import ArgumentParser

@main
struct Plenary: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "plenary",
        abstract: "Run live workshops from one laptop, offline: agenda, timer, polls and working groups.",
        discussion: """
            Every action is written to a journal on disk before it shows on screen, and a results \
            file (JSON) is kept up to date next to the session file.
            """,
        version: version,
        subcommands: [RunCommand.self, ValidateCommand.self, MergeCommand.self, CodesCommand.self, PinCommand.self],
        defaultSubcommand: nil
    )
}
