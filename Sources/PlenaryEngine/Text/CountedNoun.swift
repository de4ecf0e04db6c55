/// "1 ballot", "3 ballots": a count with its noun agreeing, for every message that counts something.
public enum CountedNoun {
    /// - Parameter plural: for nouns whose plural is not `noun + "s"` ("entry" → "entries").
    public static func phrase(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(value) \(value == 1 ? noun : plural ?? noun + "s")"
    }

    /// "12 ballots + 22 hands": a show of hands is counted apart from ballots wherever a poll's count is shown
    /// (decision 78); "12 ballots" when no hand was raised.
    public static func ballotsAndHands(ballots: Int, hands: Int) -> String {
        hands > 0 ? phrase(ballots, "ballot") + " + " + phrase(hands, "hand") : phrase(ballots, "ballot")
    }
}
