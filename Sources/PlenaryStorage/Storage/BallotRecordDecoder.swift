import PlenaryEngine

/// Reads a ballot record straight from its bytes, for the one record that grows with the workshop.
///
/// A resume of a hundred thousand ballots spends most of its time in `JSONDecoder`, which builds a container per
/// nested object for every line. A ballot's body is always laid out the same way by `JournalCodec.encode` (sorted
/// keys, no spaces): `{"actionEnd":…,"at":…,"command":{"poll":{"action":{"cast":{"ballot":{…},"poll":"…"}}}},
/// "seq":…,"type":"command"}`. This reads exactly that layout and nothing else: any other byte (a space, an
/// escape, another key, a number written another way, text that is not UTF-8) answers nil, and the general decoder
/// reads the line as before. So what it accepts it reads to the value `JSONDecoder` gives, and the journal format
/// does not change (decision 61).
enum BallotRecordDecoder {
    static func decode(_ body: ArraySlice<UInt8>) -> JournalRecord? {
        body.withContiguousStorageIfAvailable { bytes in
            var cursor = JournalBodyCursor(bytes: bytes)
            return record(&cursor)
        } ?? nil
    }

    private static func record(_ cursor: inout JournalBodyCursor) -> JournalRecord? {
        guard let (actionEnd, at) = cursor.commandOpening(),
              cursor.skip(literal: castBallotKeys), let ballot = ballot(&cursor),
              cursor.skip(literal: pollKey), let poll = cursor.string(),
              cursor.skip(literal: closeCast), let seq = cursor.commandClosing(), cursor.isAtEnd
        else { return nil }
        return .command(seq: seq, at: Instant(milliseconds: Int64(at)), command: .poll(.cast(poll: poll, ballot: ballot)),
                        actionEnd: actionEnd)
    }

    /// `{"single":{"option":2}}` and the other five shapes `Ballot`'s synthesised coding writes.
    private static func ballot(_ cursor: inout JournalBodyCursor) -> Ballot? {
        let result: Ballot
        if cursor.skip(literal: singleKey), let option = cursor.integer() {
            result = .single(option: option)
        } else if cursor.skip(literal: openKey), let text = cursor.string() {
            result = .open(text: text)
        } else if cursor.skip(literal: scaleKey), let value = cursor.integer() {
            result = .scale(value: value)
        } else if cursor.skip(literal: multipleKey), let options = cursor.integers() {
            result = .multiple(options: options)
        } else if cursor.skip(literal: rankingKey), let order = cursor.integers() {
            result = .ranking(order: order)
        } else if cursor.skip(literal: allocationKey), let points = cursor.integers() {
            result = .allocation(points: points)
        } else {
            return nil
        }
        return cursor.skip(literal: closeBallot) ? result : nil
    }

    private static let castBallotKeys = Array(#","command":{"poll":{"action":{"cast":{"ballot":"#.utf8)
    private static let pollKey = Array(#","poll":"#.utf8)
    private static let closeCast = Array("}}}}".utf8)
    private static let singleKey = Array(#"{"single":{"option":"#.utf8)
    private static let openKey = Array(#"{"open":{"text":"#.utf8)
    private static let scaleKey = Array(#"{"scale":{"value":"#.utf8)
    private static let multipleKey = Array(#"{"multiple":{"options":"#.utf8)
    private static let rankingKey = Array(#"{"ranking":{"order":"#.utf8)
    private static let allocationKey = Array(#"{"allocation":{"points":"#.utf8)
    private static let closeBallot = Array("}}".utf8)
}
