import PlenaryEngine

/// Reads the session header and the moderator's everyday commands straight from their bytes: a step, a pause, a
/// jump, a minute more or less, a poll opened, closed, revealed or given a new round.
///
/// A resume read these through `JSONDecoder`, and its first use in a run cost 0.45 ms of a 4 ms way to the first
/// frame (its generic containers are reached by demangling their names, in Foundation's prebuilt code), for a
/// journal of three records (decision 109). Like `BallotRecordDecoder`, this reads exactly the layout
/// `JournalCodec.encode` writes (sorted keys, no spaces, strings without escapes) and answers nil for anything else,
/// which the general decoder then reads as before: what it accepts it reads to the value `JSONDecoder` gives.
enum EverydayRecordDecoder {
    static func decode(_ body: ArraySlice<UInt8>) -> JournalRecord? {
        body.withContiguousStorageIfAvailable { bytes in
            var headerCursor = JournalBodyCursor(bytes: bytes)
            if let header = header(&headerCursor) { return headerCursor.isAtEnd ? header : nil }
            var commandCursor = JournalBodyCursor(bytes: bytes)
            let record = command(&commandCursor)
            return commandCursor.isAtEnd ? record : nil
        } ?? nil
    }

    /// `{"header":{"createdAt":…,"format":…,"record":"…","slots":[…],"title":"…"},"type":"header"}`, `record`
    /// left out by journals written before merging existed.
    private static func header(_ cursor: inout JournalBodyCursor) -> JournalRecord? {
        guard cursor.skip(literal: headerCreatedAtKey), let createdAt = cursor.integer(),
              cursor.skip(literal: formatKey), let format = cursor.integer()
        else { return nil }
        var record: String?
        if cursor.skip(literal: recordKey) {
            guard let value = cursor.string() else { return nil }
            record = value
        }
        guard cursor.skip(literal: slotsKey), let slots = cursor.strings(),
              cursor.skip(literal: titleKey), let title = cursor.string(),
              cursor.skip(literal: headerType)
        else { return nil }
        return .header(JournalHeader(format: format, title: title, slots: slots,
                                     createdAt: Instant(milliseconds: Int64(createdAt)), record: record))
    }

    /// `{"actionEnd":…,"at":…,"command":{…},"seq":…,"type":"command"}`, `actionEnd` only on an action's first record.
    private static func command(_ cursor: inout JournalBodyCursor) -> JournalRecord? {
        guard let (actionEnd, at) = cursor.commandOpening(),
              cursor.skip(literal: commandKey), let command = workshopCommand(&cursor),
              let seq = cursor.commandClosing()
        else { return nil }
        return .command(seq: seq, at: Instant(milliseconds: Int64(at)), command: command, actionEnd: actionEnd)
    }

    private static func workshopCommand(_ cursor: inout JournalBodyCursor) -> WorkshopCommand? {
        for (literal, command) in commandsWithoutValues where cursor.skip(literal: literal) { return command }
        if cursor.skip(literal: jumpKey) {
            guard let slot = cursor.integer(), cursor.skip(literal: closeTwo) else { return nil }
            return .jump(slot: slot)
        }
        if cursor.skip(literal: adjustKey) {
            guard let seconds = cursor.integer(), cursor.skip(literal: slotKey), let slot = cursor.integer(),
                  cursor.skip(literal: closeTwo)
            else { return nil }
            return .adjust(slot: slot, seconds: seconds)
        }
        guard cursor.skip(literal: pollActionKey), let poll = pollCommand(&cursor), cursor.skip(literal: closeTwo)
        else { return nil }
        return .poll(poll)
    }

    /// `{"open":{"poll":"…"}}`, `close`, `newRound`, and `{"reveal":{"poll":"…","shown":true}}`.
    private static func pollCommand(_ cursor: inout JournalBodyCursor) -> PollCommand? {
        for (literal, make) in pollCommandsByName where cursor.skip(literal: literal) {
            guard let poll = cursor.string(), cursor.skip(literal: closeTwo) else { return nil }
            return make(poll)
        }
        guard cursor.skip(literal: revealKey), let poll = cursor.string(), cursor.skip(literal: shownKey),
              let shown = cursor.boolean(), cursor.skip(literal: closeTwo)
        else { return nil }
        return .reveal(poll: poll, shown: shown)
    }

    private static let headerCreatedAtKey = Array(#"{"header":{"createdAt":"#.utf8)
    private static let formatKey = Array(#","format":"#.utf8)
    private static let recordKey = Array(#","record":"#.utf8)
    private static let slotsKey = Array(#","slots":"#.utf8)
    private static let titleKey = Array(#","title":"#.utf8)
    private static let headerType = Array(#"},"type":"header"}"#.utf8)
    private static let commandKey = Array(#","command":"#.utf8)
    private static let commandsWithoutValues: [([UInt8], WorkshopCommand)] = [
        (Array(#"{"start":{}}"#.utf8), .start), (Array(#"{"pause":{}}"#.utf8), .pause),
        (Array(#"{"resume":{}}"#.utf8), .resume), (Array(#"{"next":{}}"#.utf8), .next),
        (Array(#"{"previous":{}}"#.utf8), .previous), (Array(#"{"end":{}}"#.utf8), .end),
        (Array(#"{"reopen":{}}"#.utf8), .reopen),
    ]
    private static let jumpKey = Array(#"{"jump":{"slot":"#.utf8)
    private static let adjustKey = Array(#"{"adjust":{"seconds":"#.utf8)
    private static let slotKey = Array(#","slot":"#.utf8)
    private static let closeTwo = Array("}}".utf8)
    private static let pollActionKey = Array(#"{"poll":{"action":"#.utf8)
    private static let pollCommandsByName: [([UInt8], @Sendable (String) -> PollCommand)] = [
        (Array(#"{"open":{"poll":"#.utf8), { .open(poll: $0) }),
        (Array(#"{"close":{"poll":"#.utf8), { .close(poll: $0) }),
        (Array(#"{"newRound":{"poll":"#.utf8), { .newRound(poll: $0) }),
    ]
    private static let revealKey = Array(#"{"reveal":{"poll":"#.utf8)
    private static let shownKey = Array(#","shown":"#.utf8)
}
