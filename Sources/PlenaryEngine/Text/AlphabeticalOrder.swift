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
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
