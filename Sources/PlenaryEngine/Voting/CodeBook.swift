/// One-time voting codes: only their hashes are kept, and which were used is a set per poll, never linked to a
/// ballot (see docs/DECISIONS.md).
///
/// A code is 12 characters from 25 that cannot be mistaken for each other (25^12, about 2^55.7), printed as three
/// groups of four. The sheet's hashes are PBKDF2-SHA256 under one salt; docs/ballot-secrecy.md has the estimate
/// of what guessing them back from `<session>.codes.json` costs.
public struct CodeBook: Sendable, Equatable {
    /// One salt for the whole sheet, so a typed code can be looked up by hash.
    public var salt: [UInt8]
    /// PBKDF2 iterations the sheet's hashes were made with (at least `minimumIterations`).
    public var iterations: Int
    public var hashes: Set<String>
    /// Hashes already used, per poll round ("poll#round": see `ballotKey`), so a new round admits every code again.
    public var used: [String: Set<String>]

    /// About 5 ms a code here: a check on Enter is not felt, and a sheet of 10,000 codes takes under a minute.
    public static let iterations = 10_000
    /// A sheet file asking for less is refused: the estimate in docs/ballot-secrecy.md rests on it.
    public static let minimumIterations = iterations
    /// Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
    public static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")
    public static let groupLength = 4
    public static let groupCount = 3
    public static let codeLength = groupLength * groupCount

    public init(salt: [UInt8], iterations: Int = CodeBook.iterations, hashes: Set<String>, used: [String: Set<String>] = [:]) {
        self.salt = salt
        self.iterations = iterations
        self.hashes = hashes
        self.used = used
    }

    /// Upper-cases and drops spaces and dashes, so "acde fghj-kmnp" and "ACDEFGHJKMNP" are the same code.
    public static func normalize(_ code: String) -> String {
        String(code.uppercased().filter { !$0.isWhitespace && $0 != "-" })
    }

    /// The code as printed and shown: groups of four joined by dashes ("ACDE-FGHJ-KMNP").
    public static func grouped(_ code: String) -> String {
        let characters = Array(normalize(code))
        return stride(from: 0, to: characters.count, by: groupLength).map {
            String(characters[$0..<min(characters.count, $0 + groupLength)])
        }.joined(separator: "-")
    }

    public func hash(of code: String) -> String {
        SecretHash.hex(SecretHash.derive(Self.normalize(code), salt: salt, iterations: iterations))
    }

    /// The key a round's used set is kept under.
    public static func ballotKey(poll: String, round: Int) -> String { "\(poll)#\(round)" }

    /// The typed code's hash when it is on this sheet, or why it is not. Hashes at most once (a few ms).
    public func lookUp(_ code: String) -> Result<String, CodeRefusal> {
        if let problem = Self.formatProblem(code) { return .failure(problem) }
        let normalized = Self.normalize(code)
        let key = hash(of: normalized)
        guard hashes.contains(key) else { return .failure(CodeRefusal(message: "This code is not valid. Check it and type it again.")) }
        return .success(key)
    }

    /// Why the typed text cannot be a code at all, without the sheet: an attached kiosk says it before sending.
    public static func formatProblem(_ code: String) -> CodeRefusal? {
        let normalized = normalize(code)
        guard normalized.count == codeLength, normalized.allSatisfy(alphabet.contains) else {
            return CodeRefusal(message: "A code has \(codeLength) letters and digits (\(groupCount) groups of \(groupLength)), as printed on your slip.")
        }
        return nil
    }

    /// The ballot keys (poll rounds) among `keys` the code with this hash has not voted on yet.
    public func unused(hash key: String, among keys: [String]) -> [String] {
        keys.filter { used[$0]?.contains(key) != true }
    }

    /// Renders a new sheet's codes from random bytes (one byte per character, rejection-sampled for evenness).
    public static func codes(count: Int, randomBytes: () -> UInt8) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        let limit = UInt8(256 - 256 % alphabet.count)
        while result.count < count {
            var code = ""
            while code.count < codeLength {
                let byte = randomBytes()
                if byte < limit { code.append(alphabet[Int(byte) % alphabet.count]) }
            }
            if seen.insert(code).inserted { result.append(code) }
        }
        return result
    }
}

/// Why a typed code admits nobody, as the voter screen says it.
public struct CodeRefusal: Error, Sendable, Equatable {
    public let message: String
}
