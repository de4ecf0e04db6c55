import FoundationEssentials

/// Reads and writes the codes files. The used set is written sorted, so nothing in it tells which code
/// voted when, or next to which ballot.
public enum UsedCodesFile {
    private struct Used: Codable {
        var format: Int
        var used: [String: [String]]
    }

    private struct Sheet: Codable {
        var format: Int
        /// Format 2 on: the function and its work factor (format 1 was 6-character codes under 1,000 SHA-256s).
        var kdf: String?
        var iterations: Int?
        var salt: String
        var hashes: [String]
    }

    /// The sheet format `plenary codes` writes; older ones are refused (`SheetProblem.outdated`).
    public static let sheetFormat = 2

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
        let value = Sheet(format: sheetFormat, kdf: SecretHash.scheme, iterations: book.iterations,
                          salt: SecretHash.hex(book.salt), hashes: book.hashes.sorted())
        return Array((try? encoder.encode(value)) ?? Data())
    }

    public enum SheetProblem: Error, Equatable {
        /// Not a code sheet at all.
        case unreadable
        /// Made by an older Plenary, or with less work than `CodeBook.minimumIterations`: its codes can be
        /// guessed back from the file, so a new sheet must be printed.
        case outdated
    }

    public static func decodeSheet(_ bytes: [UInt8]) -> Result<CodeBook, SheetProblem> {
        guard let sheet = try? JSONDecoder().decode(Sheet.self, from: Data(bytes)) else { return .failure(.unreadable) }
        guard sheet.format == sheetFormat, sheet.kdf == SecretHash.scheme, let iterations = sheet.iterations,
              iterations >= CodeBook.minimumIterations else { return .failure(.outdated) }
        guard iterations <= SecretHash.maximumIterations, let salt = SecretHash.bytes(hex: sheet.salt), salt.count >= 16
        else { return .failure(.unreadable) }
        return .success(CodeBook(salt: salt, iterations: iterations, hashes: Set(sheet.hashes)))
    }
}
