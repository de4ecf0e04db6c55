/// Reads a results file of an older schema in the current shape, so the report, the CSV files and merging have
/// one meaning for each field whatever version wrote the file. `schemaVersion` is left as the file says: it tells
/// what wrote the file (merging names it in its refusals).
extension ResultsSnapshot {
    func upgradedToCurrentSchema() -> ResultsSnapshot {
        guard schemaVersion < 4 else { return self }
        var upgraded = self
        for poll in upgraded.polls.indices where ["single", "multiple"].contains(upgraded.polls[poll].type) {
            let singleChoice = upgraded.polls[poll].type == "single"
            for round in upgraded.polls[poll].rounds.indices {
                upgraded.polls[poll].rounds[round] = Self.handsApart(upgraded.polls[poll].rounds[round], singleChoice: singleChoice)
            }
        }
        return upgraded
    }

    /// Before version 4 a round's `ballotCount` and its options' `count` took the show of hands in: the ballots are
    /// what is left once the hands (and the people they stand for) are taken out again.
    static func handsApart(_ round: RoundResult, singleChoice: Bool) -> RoundResult {
        var round = round
        let optionCount = round.options?.count ?? 0
        let hands = (round.handCounts ?? []).prefix(optionCount).map { max(0, $0) }
        if round.handCounts != nil {
            let voters = PollTally.handVoters(hands, singleChoice: singleChoice)
            round.combinedVoterCount = round.ballotCount
            round.ballotCount = max(0, round.ballotCount - voters)
            round.hands = hands.reduce(0, +)
        }
        if var options = round.options {
            for index in options.indices {
                let hand = round.handCounts == nil ? nil : index < hands.count ? hands[index] : 0
                options[index].hands = hand
                options[index].ballots = options[index].count.map { max(0, $0 - (hand ?? 0)) }
            }
            round.options = options
        }
        return round
    }
}
