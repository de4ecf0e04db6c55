import Crypto

/// Salted, stretched SHA-256 for the moderator PIN and voting codes: what is stored can be checked against,
/// never read back. Text form: `sha256:<rounds>:<salt hex>:<hash hex>`.
public struct SecretHash: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var rounds: Int
    public var salt: [UInt8]
    public var digest: [UInt8]

    /// Stretching makes guessing a PIN from a stolen session file slow (about a second a guess in a debug
    /// build, still tens of milliseconds optimised); codes use fewer rounds.
    public static let pinRounds = 200_000
    /// Six characters at least: with four digits even a slow hash falls to a laptop in minutes.
    public static let pinMinimumLength = 6
    /// The longest PIN any prompt accepts; `plenary pin` refuses longer ones, so a PIN can always be typed back.
    public static let pinMaximumLength = 64

    public init(rounds: Int, salt: [UInt8], digest: [UInt8]) {
        self.rounds = rounds
        self.salt = salt
        self.digest = digest
    }

    /// Hashes `secret` with `salt` (callers draw the salt from a random source).
    public init(secret: String, salt: [UInt8], rounds: Int) {
        self.rounds = rounds
        self.salt = salt
        self.digest = Self.stretch(secret, salt: salt, rounds: rounds)
    }

    public func matches(_ secret: String) -> Bool {
        let candidate = Self.stretch(secret, salt: salt, rounds: rounds)
        // Compare every byte so timing says nothing about how much matched.
        guard candidate.count == digest.count else { return false }
        return zip(candidate, digest).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func stretch(_ secret: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        var value = Array(SHA256.hash(data: salt + Array(secret.utf8)))
        for _ in 1..<max(1, rounds) {
            value = Array(SHA256.hash(data: value + salt))
        }
        return value
    }

    public var description: String {
        "sha256:\(rounds):\(Self.hex(salt)):\(Self.hex(digest))"
    }

    /// Reads the text form; nil when it is not one.
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "sha256", let rounds = Int(parts[1]), rounds >= 1, rounds <= 10_000_000,
              let salt = Self.bytes(hex: parts[2]), salt.count >= 8,
              let digest = Self.bytes(hex: parts[3]), digest.count == 32 else { return nil }
        self.init(rounds: rounds, salt: salt, digest: digest)
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    static func bytes<Text: StringProtocol>(hex: Text) -> [UInt8]? {
        let characters = Array(hex)
        guard characters.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        for index in stride(from: 0, to: characters.count, by: 2) {
            guard let byte = UInt8(String(characters[index...index + 1]), radix: 16) else { return nil }
            result.append(byte)
        }
        return result
    }
}
