import Foundation

/// Reads and writes the codes files. The used set is written sorted, so nothing in it tells which code
/// voted when, or next to which ballot.
public enum UsedCodesFile {
    private struct Used: Codable {
        var format: Int
        var used: [String: [String]]
    }

    private struct Sheet: Codable {
        var format: Int
        var salt: String
        var hashes: [String]
    }

    public static func encode(_ used: [String: Set<String>]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let value = Used(format: 1, used: used.mapValues { $0.sorted() })
        return Array((try? encoder.encode(value)) ?? Data())
    }

    public static func decodeUsed(_ bytes: [UInt8]) -> [String: Set<String>]? {
        (try? JSONDecoder().decode(Used.self, from: Data(bytes)))?.used.mapValues(Set.init)
    }

    /// The code sheet's hashes, as `plenary codes` writes them.
    public static func encodeSheet(_ book: CodeBook) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let value = Sheet(format: 1, salt: SecretHash.hex(book.salt), hashes: book.hashes.sorted())
        return Array((try? encoder.encode(value)) ?? Data())
    }

    public static func decodeSheet(_ bytes: [UInt8]) -> CodeBook? {
        guard let sheet = try? JSONDecoder().decode(Sheet.self, from: Data(bytes)),
              let salt = SecretHash.bytes(hex: sheet.salt) else { return nil }
        return CodeBook(salt: salt, hashes: Set(sheet.hashes))
    }
}
