/// "1 ballot", "3 ballots": a count with its noun agreeing, for every message that counts something.
public enum CountedNoun {
    /// - Parameter plural: for nouns whose plural is not `noun + "s"` ("entry" → "entries").
    public static func phrase(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(value) \(value == 1 ? noun : plural ?? noun + "s")"
    }
}
