import Foundation
import Glibc
import Testing
@testable import PlenaryEngine
@testable import PlenarySessionFile
@testable import PlenaryStorage

/// One test per class of error, with the exact message (file:line:column: path: message).
struct SessionFileErrorTests {
    /// Every error description, or [] when the file is valid.
    static func errors(_ yaml: String) -> [String] {
        switch SessionFile.parse(yaml: yaml, file: "t.yaml") {
        case .success: return []
        case .failure(let errors): return errors.errors.map(\.description)
        }
    }

    static let slotKeys = "id, start, duration, title, kind, speakers, tbc, notes, fixed, min_duration, track, polls, groups, qa"

    // MARK: Unknown keys

    @Test func unknownKeyAtTheRoot() {
        let yaml = """
            plenary: 1
            title: T
            titel: X
            agenda:
              - {title: A, duration: 5}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:3:1: titel: unknown key, did you mean "title"? (expected one of: plenary, title, subtitle, date, timezone, language, venue, organisers, moderator, end, admission, voter_pin, how_to_vote, qa, agenda, polls, templates, groups)"#,
        ])
    }

    /// The commonest YAML slips get plain words and the fix, not libyaml's "mapping values are not allowed in
    /// this context" or "found a tab character that violates indentation".
    @Test func anUnquotedColonInAValueSaysToQuoteIt() {
        let yaml = """
            plenary: 1
            title: Workshop: the future of clusters
            agenda:
              - {title: A, duration: 5}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:2:16: syntax error: ": " inside a value starts a new key: put the value in quotes, like title: "Workshop: the future of clusters""#,
        ])
        let inASlot = """
            plenary: 1
            title: T
            agenda:
              - title: Keynote: "Regions" today
                duration: 5
            """
        #expect(Self.errors(inASlot) == [
            #"t.yaml:4:19: syntax error: ": " inside a value starts a new key: put the value in quotes, like title: "Keynote: \"Regions\" today""#,
        ])
    }

    @Test func aTabInTheIndentationSaysSo() {
        let yaml = "plenary: 1\ntitle: T\nagenda:\n  - title: A\n\tduration: 5\n"
        #expect(Self.errors(yaml) == [
            "t.yaml:5:1: syntax error: a tab in the indentation: YAML indents with spaces only (replace the tab with spaces)",
        ])
    }

    /// Lengths as people write them in an agenda are read, not refused; `9:00` stays a time (scalars are read as
    /// written, never as YAML 1.1 sexagesimal numbers).
    @Test func lengthsWithUnitWordsAndShortTimesAreRead() throws {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, start: 9:00, duration: 30min}
              - {title: B, duration: 30 mins}
              - {title: C, duration: 1 hour 30 min}
              - {title: D, duration: 2 hrs}
              - {title: E, duration: 45 apples}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:8:26: agenda[4].duration: expected minutes (like 45) or a length like "1h30", found "45 apples""#,
        ])
        let valid = try SessionFile.parse(yaml: yaml.replacingOccurrences(of: "45 apples", with: "45"), file: "t.yaml").get()
        #expect(valid.agenda.map(\.durationMinutes) == [30, 30, 90, 120, 45])
        #expect(valid.agenda[0].start == TimeOfDay(minutes: 9 * 60))
    }

    /// A bad `fixed` value or an unreadable duration no longer hides the agenda's other timing problems: every
    /// one is reported in one pass, in file order, and nothing is said about times an unreadable value hides.
    @Test func timingProblemsAreAllReportedDespiteUnreadableValues() {
        let yaml = """
            plenary: 1
            title: Several problems
            agenda:
              - title: Welcome
                start: "09:00"
                duration: 30
              - title: Talk
              - title: Coffee
                duration: 15
              - title: Lunch
                fixed: maybe
                start: "12:00"
                duration: 60
              - title: Panel
                start: "12:30"
                duration: 45
              - title: Wrap-up
                duration: soon
              - title: Drinks
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:7:5: agenda[1].duration: needs a duration: the next slot has no start time",
            #"t.yaml:11:12: agenda[3].fixed: expected true or false, found "maybe""#,
            "t.yaml:15:5: agenda[4].start: starts at 12:30 but the previous slot runs until 13:00 (30 min overlap)",
            #"t.yaml:18:15: agenda[5].duration: expected minutes (like 45) or a length like "1h30", found "soon""#,
            "t.yaml:19:5: agenda[6].duration: needs a duration: the next slot has no start time (or give the session an `end` time)",
        ])
    }

    @Test func unknownKeyInASlotAndEveryOtherErrorInTheSamePass() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - title: A
                duraton: 5
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:4:5: agenda[0].duration: needs a duration: the next slot has no start time (or give the session an `end` time)",
            #"t.yaml:5:5: agenda[0].duraton: unknown key, did you mean "duration"? (expected one of: \#(Self.slotKeys))"#,
        ])
    }

    @Test func unknownKeyInAPoll() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5}
            polls:
              - id: p
                question: Q
                type: open
                max_lenght: 40
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:9:5: polls[0].max_lenght: unknown key, did you mean "max_length"? (expected one of: id, question, type, options, max_picks, max_per_option, scale, max_length, points, admission, live_results)"#,
        ])
    }

    @Test func unknownKeyInATemplateField() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5}
            templates:
              - id: notes
                name: Notes
                fields:
                  - {id: text, label: Text, kind: long}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:9:33: templates[0].fields[0].kind: unknown key (expected one of: id, label, type, required, choices, help)"#,
        ])
    }

    // MARK: Duplicate keys

    @Test func duplicateKeyIsReportedAtTheSecondOccurrence() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - title: A
                duration: 5
                title: B
            """
        #expect(Self.errors(yaml) == [#"t.yaml:6:5: agenda[0].title: duplicate key (first at line 4)"#])
    }

    @Test func everyDuplicateKeyIsReportedAndTheRestIsStillChecked() {
        // Root and flow-mapping duplicates; the error after the flow duplicate keeps its real column.
        let yaml = """
            plenary: 1
            title: T
            title: U
            agenda:
              - {title: A, title: C, duration: x}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:3:1: title: duplicate key (first at line 2)"#,
            #"t.yaml:5:16: agenda[0].title: duplicate key (first at line 5)"#,
            #"t.yaml:5:36: agenda[0].duration: expected minutes (like 45) or a length like "1h30", found "x""#,
        ])
    }

    /// Every scalar is read as its text, keys too: `1` and `"1"` are the same key here, although YAML's core
    /// schema would type the plain one as a number (Yams' resolver is not used; see `SessionFile`).
    @Test func aKeyWrittenPlainAndQuotedIsOneDuplicatedKey() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5}
            1: x
            "1": y
            """
        #expect(Self.errors(yaml).contains { $0.contains("duplicate key") })
    }

    // MARK: Types and required keys

    @Test func wrongTypes() {
        let yaml = """
            plenary: one
            title: [T]
            organisers: CTA
            agenda:
              - {title: A, duration: 5, tbc: yes, speakers: {name: X}}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:1:10: plenary: expected an integer, found "one""#,
            "t.yaml:2:8: title: expected a string, found a list",
            #"t.yaml:3:13: organisers: expected a list, found "CTA""#,
            #"t.yaml:5:34: agenda[0].tbc: expected true or false, found "yes""#,
            "t.yaml:5:49: agenda[0].speakers: expected a list, found a mapping",
        ])
    }

    @Test func missingRequiredKeysPointAtTheMapping() {
        let yaml = """
            plenary: 1
            agenda:
              - {duration: 5}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:1:1: missing required key "title""#,
            #"t.yaml:3:5: agenda[0]: missing required key "title""#,
        ])
    }

    @Test func versionEmptyTitleAndEmptyAgenda() {
        let yaml = """
            plenary: 2
            title: ""
            agenda: []
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:1:10: plenary: unsupported format version 2 (this version of Plenary reads version 1)",
            "t.yaml:2:8: title: must not be empty",
            "t.yaml:3:9: agenda: the agenda needs at least one slot",
        ])
    }

    @Test func theRootMustBeAMapping() {
        #expect(Self.errors("- a\n- b\n") == ["t.yaml:1:1: expected a mapping, found a list"])
    }

    // MARK: Times, durations, dates, zones

    @Test func badTimes() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, start: 25:00, duration: 5}
              - {title: B, start: 12.30, duration: 5}
              - {title: C, start: noon, duration: 5}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:4:23: agenda[0].start: "25:00" is not a time of day (00:00 to 23:59)"#,
            #"t.yaml:5:23: agenda[1].start: "12.30" is not a time: write 12:30"#,
            #"t.yaml:6:23: agenda[2].start: expected a time like 09:30, found "noon""#,
        ])
    }

    @Test func badDurations() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 0}
              - {title: B, duration: 1h75}
              - {title: C, duration: 1.5}
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:4:26: agenda[0].duration: must be more than 0 minutes",
            #"t.yaml:5:26: agenda[1].duration: expected minutes (like 45) or a length like "1h30", found "1h75""#,
            #"t.yaml:6:26: agenda[2].duration: expected minutes (like 45) or a length like "1h30", found "1.5""#,
        ])
    }

    @Test func durationFormats() throws {
        for (text, minutes) in [("45", 45), ("90m", 90), ("1h", 60), ("1h30", 90), ("1h30m", 90), ("2h05", 125)] {
            let yaml = "plenary: 1\ntitle: T\nagenda:\n  - {title: A, duration: \(text)}\n"
            let session = try SessionFile.parse(yaml: yaml, file: "t.yaml").get()
            #expect(session.agenda[0].durationMinutes == minutes, "\(text)")
        }
    }

    @Test func badDate() {
        let yaml = """
            plenary: 1
            title: T
            date: 2025-02-30
            agenda:
              - {title: A, duration: 5}
            """
        #expect(Self.errors(yaml) == [#"t.yaml:3:7: date: "2025-02-30" is not a real date"#])
        #expect(Self.errors(yaml.replacingOccurrences(of: "2025-02-30", with: "11 March")) == [
            #"t.yaml:3:7: date: expected a date like 2025-03-11, found "11 March""#,
        ])
        #expect(Self.errors(yaml.replacingOccurrences(of: "2025-02-30", with: "2024-02-29")) == [])
    }

    @Test func badTimeZone() {
        let yaml = """
            plenary: 1
            title: T
            timezone: Europe/Madird
            agenda:
              - {title: A, duration: 5}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:3:11: timezone: unknown time zone "Europe/Madird" (expected an IANA name like Europe/Madrid)"#,
        ])
    }

    // MARK: Ids and references

    @Test func undefinedPollGroupAndTemplateReferences() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5, polls: [p2], groups: [g1]}
            polls:
              - {id: p1, question: Q, type: open}
            groups:
              - {id: g2, name: G, templates: [swot]}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:4:37: agenda[0].polls[0]: unknown poll "p2" (defined polls: p1)"#,
            #"t.yaml:4:51: agenda[0].groups[0]: unknown group "g1" (defined groups: g2)"#,
            #"t.yaml:8:35: groups[0].templates[0]: unknown template "swot" (no templates are defined)"#,
        ])
    }

    @Test func duplicateIdsPointAtTheSecond() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {id: intro, title: A, duration: 5}
              - {id: intro, title: B, duration: 5}
              - {id: slot-4, title: C, duration: 5}
              - {title: D, duration: 5}
            polls:
              - {id: p1, question: Q, type: open}
              - {id: p1, question: R, type: open}
            templates:
              - id: t
                name: N
                fields:
                  - {id: f, label: L}
                  - {id: f, label: M}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:5:10: agenda[1].id: duplicate slot id "intro" (first at line 4)"#,
            #"t.yaml:7:5: agenda[3]: this slot's default id "slot-4" is already used (first at line 6); give the slot an id"#,
            #"t.yaml:10:10: polls[1].id: duplicate poll id "p1" (first at line 9)"#,
            #"t.yaml:16:14: templates[0].fields[1].id: duplicate field id "f" (first at line 15)"#,
        ])
    }

    @Test func idsAreLowerCase() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {id: Wrap Up, title: A, duration: 5}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:4:10: agenda[0].id: "Wrap Up" is not a valid id (use lower-case letters, digits, "-" and "_", like "wrap-up")"#,
        ])
    }

    // MARK: Planned times (PlannedAgenda)

    @Test func overlappingSlots() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, start: "10:00", duration: 30}
              - {title: B, start: "10:15", duration: 5}
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:5:16: agenda[1].start: starts at 10:15 but the previous slot runs until 10:30 (15 min overlap)",
        ])
    }

    @Test func overlappingFixedSlots() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - title: Lunch
                start: "12:00"
                duration: 1h
                fixed: true
              - title: Keynote
                start: "12:45"
                duration: 30
                fixed: true
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:9:5: agenda[1].start: fixed slot starts at 12:45 but the previous fixed slot runs until 13:00 (15 min overlap)",
        ])
    }

    @Test func slotWithoutDurationAndNoNextStart() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A}
              - {title: B, duration: 5}
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:4:5: agenda[0].duration: needs a duration: the next slot has no start time",
        ])
    }

    @Test func slotsBeforeTheFirstStartArePlacedBackwards() throws {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: Registration, duration: 30}
              - {title: Welcome, start: "10:00", duration: 10}
            """
        let session = try SessionFile.parse(yaml: yaml, file: "t.yaml").get()
        let plan = try PlannedAgenda.plan(session).get()
        #expect(plan.entries.map(\.startMinute) == [9 * 60 + 30, 10 * 60])

        let unplaceable = yaml.replacingOccurrences(of: "{title: Registration, duration: 30}", with: "{title: Registration}")
        #expect(Self.errors(unplaceable) == [
            "t.yaml:4:5: agenda[0].duration: needs a duration (or a start time): it is placed backwards from the first start time, 10:00",
        ])
    }

    @Test func aSlotCannotHaveNoTime() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, start: "10:00"}
              - {title: B, start: "10:00", duration: 5}
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:4:5: agenda[0].duration: has no time: the next slot starts when this one does (10:00)",
        ])
    }

    @Test func minDurationWithoutFixed() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 10, min_duration: 5}
              - {title: B, duration: 10, fixed: true, min_duration: 15}
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:4:30: agenda[0].min_duration: min_duration only applies to a fixed slot (add fixed: true)",
            "t.yaml:5:57: agenda[1].min_duration: min_duration (15 min) is longer than the slot (10 min)",
        ])
    }

    @Test func endNeedsAnAnchoredAgenda() {
        let yaml = """
            plenary: 1
            title: T
            end: "15:00"
            agenda:
              - {title: A, duration: 5}
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:3:6: end: needs an agenda with start times (no slot has a start, so the agenda floats)",
        ])
    }

    // MARK: Polls and templates

    @Test func optionsOnAScalePoll() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5}
            polls:
              - id: readiness
                question: How ready?
                type: scale
                options: [Low, High]
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:9:5: polls[0].options: a scale poll takes no options (set its range with scale: {min: 1, max: 5})",
        ])
    }

    @Test func pollRules() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5}
            polls:
              - {id: a, question: Q, type: single, options: [Only]}
              - {id: b, question: Q, type: multiple, options: [x, y, x], max_picks: 5}
              - {id: c, question: Q, type: scale, scale: {min: 5, max: 1}}
              - {id: d, question: Q, type: open, max_length: 5000, points: 10}
              - {id: e, question: Q, type: vote}
            """
        #expect(Self.errors(yaml) == [
            "t.yaml:6:49: polls[0].options: a single-choice poll needs at least 2 options, found 1",
            #"t.yaml:7:58: polls[1].options[2]: duplicate option "x" (first at line 7)"#,
            "t.yaml:7:73: polls[1].max_picks: must be between 1 and 3 (the number of options), found 5",
            "t.yaml:8:60: polls[2].scale.max: max (1) must be greater than min (5)",
            "t.yaml:9:50: polls[3].max_length: must be between 1 and 2000 characters, found 5000",
            "t.yaml:9:56: polls[3].points: points only applies to an allocation poll",
            #"t.yaml:10:32: polls[4].type: unknown type "vote" (expected one of: single, multiple, scale, open, ranking, allocation)"#,
        ])
    }

    @Test func choiceFields() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5}
            templates:
              - id: challenge
                name: Challenge
                fields:
                  - {id: category, label: Category, type: choice}
                  - {id: title, label: Title, choices: [a, b]}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:9:9: templates[0].fields[0]: missing required key "choices" (a choice field needs at least 2)"#,
            "t.yaml:10:35: templates[0].fields[1].choices: choices only apply to a field of type choice",
        ])
    }

    // MARK: The text itself

    @Test func emptyFile() {
        #expect(Self.errors("") == ["t.yaml:1:1: empty session file"])
        #expect(Self.errors("# just a comment\n\n") == ["t.yaml:1:1: empty session file"])
    }

    @Test func syntaxError() {
        let yaml = """
            plenary: 1
            title: [T
            """
        #expect(Self.errors(yaml) == [#"t.yaml:3:1: syntax error: did not find expected ',' or ']'"#])
    }

    @Test func secondDocumentIsRefused() {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5}
            ---
            plenary: 1
            """
        #expect(Self.errors(yaml) == ["t.yaml:5:1: syntax error: found a second document (a session file holds exactly one)"])
    }

    @Test func trailingGarbageIsRefused() {
        let yaml = "plenary: 1\ntitle: T\nagenda:\n  - {title: A, duration: 5}\n]\n"
        #expect(Self.errors(yaml) == ["t.yaml:5:1: syntax error: did not find expected key"])
    }

    @Test func aliasesAreRefused() {
        let yaml = """
            plenary: 1
            title: &t T
            subtitle: *t
            agenda:
              - {title: A, duration: 5}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:2:8: anchors are not allowed in a session file (found "&t")"#,
            #"t.yaml:3:11: aliases are not allowed in a session file (found "*t"); write the value out in full"#,
        ])
    }

    @Test(.timeLimit(.minutes(1))) func billionLaughsIsRefusedQuickly() {
        var yaml = "plenary: 1\ntitle: T\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "lol\(level): &a\(level) [\(refs)]\n"
        }
        yaml += "agenda: *a9\n"
        let errors = Self.errors(yaml)
        #expect(errors.count == 101)
        #expect(errors.last == #"t.yaml:13:9: aliases are not allowed in a session file (found "*a9"); write the value out in full"#)
    }

    @Test func tenThousandLevelsOfNestingAreRefusedWithoutCrashing() {
        let flow = "plenary: 1\ntitle: T\nagenda: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        #expect(Self.errors(flow) == ["t.yaml:3:72: nesting is too deep (more than 64 levels)"])

        let dashes = "plenary: 1\ntitle: T\nagenda:\n  " + String(repeating: "- ", count: 10_000) + "x\n"
        #expect(Self.errors(dashes) == ["t.yaml:4:127: nesting is too deep (more than 64 levels)"])

        var indented = "plenary: 1\ntitle: T\nagenda:\n"
        for level in 1...1_000 { indented += String(repeating: " ", count: level) + "k:\n" }
        #expect(Self.errors(indented) == ["t.yaml:67:65: nesting is too deep (more than 64 levels)"])
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let yaml = "\u{FEFF}plenary: 1\ntitle: T\nagenda:\n  - {title: A, duration: 5}\n"
        let session = try SessionFile.parse(yaml: yaml, file: "t.yaml").get()
        #expect(session.title == "T")
        // Columns on line 1 are not shifted by the mark.
        #expect(Self.errors("\u{FEFF}plenary: 3\ntitle: T\nagenda:\n  - {title: A, duration: 5}\n") == [
            "t.yaml:1:10: plenary: unsupported format version 3 (this version of Plenary reads version 1)",
        ])
    }

    @Test func controlCharactersAreASyntaxError() {
        #expect(Self.errors("plenary: 1\ntitle: T\u{7}\n") == ["t.yaml:2:9: syntax error: control characters are not allowed"])
    }

    // MARK: load(path:)

    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("plenary-session-\(UUID().uuidString).yaml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func loadErrors(_ path: String) -> [String] {
        switch SessionFile.load(path: path) {
        case .success: return []
        case .failure(let errors): return errors.errors.map(\.description)
        }
    }

    @Test func invalidUTF8IsRefusedByLoad() throws {
        let path = try Self.temporaryFile(Array("plenary: 1\ntitle: Caf".utf8) + [0xE9] + Array("\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Self.loadErrors(path) == [
            "\(path):2:11: not valid UTF-8 text (byte 0xE9); save the file as UTF-8",
        ])
    }

    @Test func utf16IsNamedAsSuch() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("plenary: 1\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Self.bytesErrors(utf16) == ["u.yaml:1:1: the file is UTF-16 text; save it as UTF-8"])
    }

    @Test func nulBytesAreASyntaxErrorWithAPosition() {
        #expect(Self.bytesErrors(Array("plenary: 1\ntitle: T\0\n".utf8)) == ["u.yaml:2:9: syntax error: control characters are not allowed"])
    }

    @Test func fifosAndDevicesAreRefusedWithoutReading() throws {
        // A named pipe with no writer would block a read forever; /dev/zero never ends.
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("plenary-fifo-\(UUID().uuidString).yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        #expect(Self.loadErrors(fifo) == ["\(fifo):1:1: is not a regular file"])
        #expect(Self.loadErrors("/dev/zero") == ["/dev/zero:1:1: is not a regular file"])
    }

    static func bytesErrors(_ bytes: [UInt8]) -> [String] {
        switch SessionFile.parse(bytes: bytes, file: "u.yaml") {
        case .success: return []
        case .failure(let errors): return errors.errors.map(\.description)
        }
    }

    @Test func loadRefusesDirectoriesMissingAndHugeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(Self.loadErrors(folder) == ["\(folder):1:1: is a directory, not a session file"])
        #expect(Self.loadErrors("/nonexistent/plenary.yaml") == ["/nonexistent/plenary.yaml:1:1: no such file"])

        let huge = try Self.temporaryFile(Array(repeating: UInt8(ascii: "#"), count: 6 * 1024 * 1024))
        defer { try? FileManager.default.removeItem(atPath: huge) }
        #expect(Self.loadErrors(huge) == ["\(huge):1:1: file is too large (6.0 MB; a session file may be at most 5 MB)"])
    }

    @Test func loadUsesThePathInMessages() throws {
        let path = try Self.temporaryFile(Array("plenary: 1\ntitle: T\nagenda:\n  - {title: A, start: 9.30, duration: 5}\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Self.loadErrors(path) == [#"\#(path):4:23: agenda[0].start: "9.30" is not a time: write 09:30"#])
    }

    @Test func errorsDescribeThemselves() {
        let rooted = SessionFileError(file: "f.yaml", line: 1, column: 1, path: "", message: "empty session file")
        let nested = SessionFileError(file: "f.yaml", line: 4, column: 12, path: "agenda[3].start", message: "bad")
        #expect(rooted.description == "f.yaml:1:1: empty session file")
        #expect(nested.description == "f.yaml:4:12: agenda[3].start: bad")
        #expect(SessionFileErrors(errors: [rooted, nested]).description == "f.yaml:1:1: empty session file\nf.yaml:4:12: agenda[3].start: bad")
    }
}
