import Crypto
import _CryptoExtras

/// PBKDF2-HMAC-SHA256 of a secret (the moderator PIN, a voting code) with a salt: what is stored can be checked
/// against, never read back. Text form (the PIN's, in a session file): `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`.
public struct SecretHash: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let iterations: Int
    public let salt: [UInt8]
    public let digest: [UInt8]

    /// The text form's first field: names the function and is the format's version.
    public static let scheme = "pbkdf2-sha256"
    /// OWASP's figure for PBKDF2-HMAC-SHA256 (2023): a guess costs 600,000 HMACs, so a six-character PIN taken
    /// from a session file holds out for days on a laptop instead of seconds. Checking one takes about 0.3 s.
    public static let pinIterations = 600_000
    /// A session file or `--pin-hash` can ask for more work, never less: an edited file must not weaken the PIN.
    public static let minimumPINIterations = pinIterations
    /// Above this a check would freeze the voter terminal for minutes.
    public static let maximumIterations = 10_000_000
    /// Six characters at least: with four digits even a slow hash falls to a laptop in minutes.
    public static let pinMinimumLength = 6
    /// The longest PIN any prompt accepts; `plenary pin` refuses longer ones, so a PIN can always be typed back.
    public static let pinMaximumLength = 64

    /// A new moderator PIN's hash, always with the full work factor.
    public static func pin(_ pin: String, salt: [UInt8]) -> SecretHash {
        SecretHash(deriving: pin, salt: salt, iterations: pinIterations)
    }

    /// For tests only: a lower work factor keeps the suites fast. Nothing read from a file reaches this with
    /// fewer than `minimumPINIterations` (`parse` refuses it).
    @_spi(Testing) public init(testingSecret secret: String, salt: [UInt8], iterations: Int) {
        self.init(deriving: secret, salt: salt, iterations: iterations)
    }

    init(deriving secret: String, salt: [UInt8], iterations: Int) {
        self.init(iterations: iterations, salt: salt, digest: Self.derive(secret, salt: salt, iterations: iterations))
    }

    private init(iterations: Int, salt: [UInt8], digest: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.digest = digest
    }

    public func matches(_ secret: String) -> Bool {
        let candidate = Self.derive(secret, salt: salt, iterations: iterations)
        // Compare every byte so timing says nothing about how much matched.
        guard candidate.count == digest.count else { return false }
        return zip(candidate, digest).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func derive(_ secret: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        // The unchecked entry point only because tests use fewer rounds than the library's floor; every hash read
        // from a file has been checked against `minimumPINIterations` (or the code sheet's own floor) first.
        guard let key = try? KDF.Insecure.PBKDF2.deriveKey(from: Array(secret.utf8), salt: salt, using: .sha256,
                                                          outputByteCount: 32, unsafeUncheckedRounds: iterations)
        else { return [] }
        return key.withUnsafeBytes { Array($0) }
    }

    public var description: String {
        "\(Self.scheme)$\(iterations)$\(Self.hex(salt))$\(Self.hex(digest))"
    }

    /// Reads the text form; nil when it is not one, or too weak (see `parse` for why).
    public init?(text: String) {
        guard case .success(let hash) = Self.parse(text) else { return nil }
        self = hash
    }

    /// Reads a PIN hash from a session file or `--pin-hash`, or says why it is refused and how to make a good one.
    public static func parse(_ text: String) -> Result<SecretHash, PINHashProblem> {
        if text.hasPrefix("sha256:") {
            return .failure(PINHashProblem(message: "an old PIN hash (iterated SHA-256), no longer accepted: make a new one with `plenary pin`"))
        }
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let iterations = Int(parts[1]),
              let salt = bytes(hex: parts[2]), salt.count >= 16,
              let digest = bytes(hex: parts[3]), digest.count == 32 else {
            return .failure(PINHashProblem(message: "not a PIN hash (expected the line `plenary pin` prints, like \(scheme)$\(pinIterations)$<salt>$<hash>)"))
        }
        guard iterations >= minimumPINIterations else {
            return .failure(PINHashProblem(message: "a PIN hash with \(iterations) iterations is too weak (at least \(minimumPINIterations)): make a new one with `plenary pin`"))
        }
        guard iterations <= maximumIterations else {
            return .failure(PINHashProblem(message: "a PIN hash with \(iterations) iterations would take minutes to check (at most \(maximumIterations)): make a new one with `plenary pin`"))
        }
        return .success(SecretHash(iterations: iterations, salt: salt, digest: digest))
    }

    /// Lower-case, two digits a byte. Written into the string's storage directly: a start names its journal record
    /// with this before the first frame, where `joined()` and `String(_:radix:)` each cost 0.1–0.2 ms the first time a
    /// process calls them (decision 109).
    public static func hex(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { text in
            for index in bytes.indices {
                text[2 * index] = hexDigits[Int(bytes[index] >> 4)]
                text[2 * index + 1] = hexDigits[Int(bytes[index] & 0x0F)]
            }
            return bytes.count * 2
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

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

/// Why a PIN hash from a file was refused, as a sentence fragment for `FILE:LINE:COL: voter_pin: …`.
public struct PINHashProblem: Error, Sendable, Equatable {
    public let message: String
}
