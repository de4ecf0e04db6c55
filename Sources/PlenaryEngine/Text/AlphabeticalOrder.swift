import Foundation

/// The order people expect a list of answers in: "apple", "Äpfel", "banana", whatever their case and accents.
///
/// Answers are compared by a fold that drops case, accents and width (without any locale, so every machine
/// gives the same order), then by their exact text, so answers differing only in case or accents still have
/// one fixed order: the results file stays deterministic and never reflects the order people voted in.
public enum AlphabeticalOrder {
    public static func sorted(_ texts: [String]) -> [String] {
        texts.map { (key: folded($0), text: $0) }
            .sorted { a, b in a.key != b.key ? a.key < b.key : a.text < b.text }
            .map(\.text)
    }

    /// The text compared first: case, diacritics and full/half width folded away.
    public static func folded(_ text: String) -> String {
        asciiFolded(text) ?? text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The same fold for printable ASCII (nil for anything else), where it only lowers `A`–`Z`: most answers are
    /// plain ASCII, and Foundation's fold goes through NSString for each (issue 13: three quarters of a 100k-answer
    /// results snapshot was spent folding and sorting). `AlphabeticalOrderTests` checks it against Foundation.
    static func asciiFolded(_ text: String) -> String? {
        var text = text
        text.makeContiguousUTF8()
        let folded = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var needsLowering = false
            for byte in bytes {
                guard byte >= 0x20, byte <= 0x7E else { return nil }
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { needsLowering = true }
            }
            guard needsLowering else { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() {
                    buffer[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                return bytes.count
            }
        }
        return folded ?? nil
    }
}
