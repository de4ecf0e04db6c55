/// One-time voting codes: only their hashes are kept, and which were used is a set per poll, never linked to a
/// ballot (see docs/DECISIONS.md).
public struct CodeBook: Sendable, Equatable {
    /// One salt for the whole sheet, so a typed code can be looked up by hash.
    public var salt: [UInt8]
    public var hashes: Set<String>
    /// Hashes already used, per poll round ("poll#round": see `ballotKey`), so a new round admits every code again.
    public var used: [String: Set<String>]

    public static let rounds = 1_000
    /// Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
    public static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")
    public static let codeLength = 6

    public init(salt: [UInt8], hashes: Set<String>, used: [String: Set<String>] = [:]) {
        self.salt = salt
        self.hashes = hashes
        self.used = used
    }

    /// Upper-cases and drops spaces and dashes, so "ab3-4kx" and "AB34KX" are the same code.
    public static func normalize(_ code: String) -> String {
        String(code.uppercased().filter { !$0.isWhitespace && $0 != "-" })
    }

    public func hash(of code: String) -> String {
        SecretHash.hex(SecretHash(secret: Self.normalize(code), salt: salt, rounds: Self.rounds).digest)
    }

    /// The key a round's used set is kept under.
    public static func ballotKey(poll: String, round: Int) -> String { "\(poll)#\(round)" }

    /// Why `code` is not a code from this sheet, or nil when it is.
    public func problem(with code: String) -> String? {
        let normalized = Self.normalize(code)
        guard normalized.count == Self.codeLength, normalized.allSatisfy(Self.alphabet.contains) else {
            return "A code has \(Self.codeLength) letters and digits, as printed on your slip."
        }
        guard hashes.contains(hash(of: normalized)) else { return "This code is not valid. Check it and type it again." }
        return nil
    }

    /// The ballot keys (poll rounds) among `keys` this code has not voted on yet.
    public func unused(_ code: String, among keys: [String]) -> [String] {
        let key = hash(of: code)
        return keys.filter { used[$0]?.contains(key) != true }
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
