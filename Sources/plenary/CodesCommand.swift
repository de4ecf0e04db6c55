import ArgumentParser
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage

struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "Print a sheet of one-time voting codes for polls with `admission: codes`.",
        discussion: """
            Prints the codes to hand out (cut along the lines) and keeps only their hashes, in \
            <session>.codes.json next to the session file. Each code admits one ballot per poll. \
            Making a new sheet replaces the old one, so it asks for --replace.

            Examples:
              plenary codes sevilla.yaml --count 60 > codes.txt    # print it, cut it up
              plenary codes sevilla.yaml --count 80 --replace      # old codes stop working
            """
    )

    @Argument(help: "The session file the codes are for.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(name: .long, help: "How many codes (1 to 10000).")
    var count: Int

    @Flag(name: .long, help: "Replace an existing sheet (its codes stop working).")
    var replace = false

    func validate() throws {
        guard (1...10_000).contains(count) else { throw ValidationError("--count must be between 1 and 10000") }
    }

    func run() throws {
        let session: Session
        switch SessionFile.load(path: file) {
        case .success(let value): session = value
        case .failure(let errors):
            for error in errors.errors { StandardError.write(error.description) }
            throw ExitCode(1)
        }
        let files = WorkshopFiles(sessionPath: file)
        let fileSystem = PosixFileSystem()
        if fileSystem.exists(files.codesPath), !replace {
            StandardError.write("plenary: \(files.codesPath) exists: the codes already handed out would stop working. Use --replace to make a new sheet anyway.")
            throw ExitCode(1)
        }
        let codes = CodeBook.codes(count: count) { WorkshopRunner.systemRandomBytes(1)[0] }
        var book = CodeBook(salt: WorkshopRunner.systemRandomBytes(16), hashes: [])
        book.hashes = Set(codes.map { book.hash(of: $0) })
        do {
            try fileSystem.replaceAtomically(files.codesPath, with: UsedCodesFile.encodeSheet(book))
        } catch {
            StandardError.write("plenary: \(error)")
            throw ExitCode(1)
        }
        let usesCodes = session.polls.filter { $0.admission == .codes }.map(\.id)
        print(CodeSheet.render(codes: codes, title: session.title, polls: usesCodes))
        StandardError.write("Kept \(codes.count) code hashes in \(files.codesPath) (the codes themselves are not stored).")
        if usesCodes.isEmpty {
            StandardError.write("Note: no poll in \(file) has `admission: codes` yet; these codes are only asked for on such polls.")
        }
    }
}
