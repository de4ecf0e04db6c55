import ArgumentParser

/// A mistake in how a subcommand was called that only shows once its files are read (an unknown `--group`,
/// a PIN too short). Thrown from `run()`, a plain `ValidationError` would be reported by the root command,
/// with "Usage: plenary <subcommand>"; this prints the subcommand's own usage, as a parse error does.
enum UsageError {
    /// Writes the message, the subcommand's usage and where its help is, and returns the exit code to throw
    /// (64, as argument-parser uses for its own usage errors).
    static func report(_ message: String, for command: ParsableCommand.Type) -> ExitCode {
        let name = command.configuration.commandName ?? "\(command)"
        StandardError.write("""
            Error: \(message)
            Usage: \(Plenary.usageString(for: command))
              See 'plenary \(name) --help' for more information.
            """)
        return ExitCode.validationFailure
    }
}
