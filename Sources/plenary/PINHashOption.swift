import ArgumentParser
import PlenaryEngine

/// `--pin-hash` of `run` and `attach`: the hash itself, or the whole `voter_pin: "…"` line `plenary pin` prints,
/// since the help says to paste what it prints; a bad one is a usage error that says what is wrong with it.
enum PINHashOption {
    static func hash(from text: String) -> String {
        var hash = text.drop(while: \.isWhitespace)
        if hash.hasPrefix("voter_pin:") { hash = hash.dropFirst("voter_pin:".count).drop(while: \.isWhitespace) }
        while let last = hash.last, last.isWhitespace { hash = hash.dropLast() }
        if hash.count >= 2, let first = hash.first, first == hash.last, first == "\"" || first == "'" {
            hash = hash.dropFirst().dropLast()
        }
        return String(hash)
    }

    /// The parsed hash, or a usage error naming `--pin-hash` and the problem.
    static func parse<Command: ParsableCommand>(_ text: String, for command: Command.Type) throws -> (text: String, hash: SecretHash) {
        let cleaned = hash(from: text)
        switch SecretHash.parse(cleaned) {
        case .success(let hash): return (cleaned, hash)
        case .failure(let problem): throw UsageError.report("--pin-hash: \(problem.message)", for: command)
        }
    }
}
