/// A poll during the workshop: its definition, where it is in its life, and its rounds of ballots.
public struct PollState: Sendable, Equatable, Identifiable {
    public var definition: PollDefinition
    public var status: Status
    /// Results are shown to the room only after the moderator reveals them (or with live results).
    public var revealed: Bool
    /// Never empty: the last round is the one taking ballots.
    public var rounds: [PollRound]
    /// Created during the workshop rather than declared in the session file.
    public var isAdHoc: Bool
    /// For an ad-hoc poll, the agenda slot that was current when it was made (nil once the workshop had ended):
    /// the results and the report place it there. Not in the journal's `create` record but worked out when the
    /// record is applied, so a journal written before this field replays to the same slot.
    public var createdInSlot: String?

    public enum Status: String, Sendable, Equatable, Codable {
        case draft
        case open
        case closed
    }

    public init(definition: PollDefinition, isAdHoc: Bool = false, createdInSlot: String? = nil) {
        self.definition = definition
        self.status = .draft
        self.revealed = false
        self.rounds = [PollRound(tallying: definition)]
        self.isAdHoc = isAdHoc
        self.createdInSlot = createdInSlot
    }

    public var id: String { definition.id }
    public var currentRound: PollRound { rounds[rounds.count - 1] }
    /// Whether the screen may show the tally now.
    public var showsResults: Bool { revealed || definition.liveResults }
    public var ballotCount: Int { PollTally.ballotCount(of: currentRound, for: definition) }
    /// Hands raised in the current round's show of hands (counted apart from ballots).
    public var handCount: Int { PollTally.handCount(of: currentRound, for: definition) }

    /// Adds a ballot to the round taking ballots, in place, keeping its running tally.
    mutating func appendToCurrentRound(_ ballot: Ballot) {
        rounds[rounds.count - 1].append(ballot, for: definition)
    }

    /// Closes the current round's books and opens an empty one, results hidden again.
    mutating func startNewRound() {
        rounds.append(PollRound(tallying: definition))
        status = .open
        revealed = false
    }
}
