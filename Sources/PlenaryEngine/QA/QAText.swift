/// What a submission's text and name may be (TextPolicy, decision 53): one line, controls and escape sequences
/// dropped, spaces trimmed; empty or too long is refused with a message that says how long it may be.
public enum QAText {
    /// A name longer than this is refused: it is a name, not a second question.
    public static let nameLimit = 60

    /// The cleaned text, or why it is refused.
    public static func cleanedText(_ raw: String, for definition: QABoardDefinition) -> Result<String, QARefusal> {
        let text = TextPolicy.cleaned(raw, for: .line).trimmingWhitespace
        let noun = definition.kind.itemNoun
        if text.isEmpty { return .failure(QARefusal("Your \(noun) is empty.")) }
        if text.count > definition.maxLength {
            return .failure(QARefusal("Your \(noun) has \(text.count) characters; at most \(definition.maxLength) fit."))
        }
        return .success(text)
    }

    /// The cleaned name (nil when none, or the board takes none), or why it is refused.
    public static func cleanedName(_ raw: String?, for definition: QABoardDefinition) -> Result<String?, QARefusal> {
        guard definition.names == .optional, let raw else { return .success(nil) }
        let name = TextPolicy.cleaned(raw, for: .line).trimmingWhitespace
        if name.isEmpty { return .success(nil) }
        if name.count > nameLimit { return .failure(QARefusal("A name has at most \(nameLimit) characters.")) }
        return .success(name)
    }
}

/// Why a participant's submission or upvote was not taken, in words for that participant.
public struct QARefusal: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
