/// One-time voting codes: only their hashes are kept, and which were used is a set per poll, never linked to a
/// ballot (see docs/DECISIONS.md).
public struct CodeBook: Sendable, Equatable {
    /// One salt for the whole sheet, so a typed code can be looked up by hash.
    public var salt: [UInt8]
    public var hashes: Set<String>
    /// Hashes already used, per poll id.
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

    /// Why `code` cannot vote on `polls`, or nil when it may.
    public func problem(with code: String, polls: [String]) -> String? {
        let normalized = Self.normalize(code)
        guard normalized.count == Self.codeLength, normalized.allSatisfy(Self.alphabet.contains) else {
            return "A code has \(Self.codeLength) letters and digits, as printed on your slip."
        }
        let key = hash(of: normalized)
        guard hashes.contains(key) else { return "This code is not valid. Check it and type it again." }
        if polls.contains(where: { used[$0]?.contains(key) == true }) {
            return "This code has already been used for this poll."
        }
        return nil
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
