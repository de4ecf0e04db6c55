import Foundation
import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// The results file with open answers written straight into the output is byte for byte what `JSONEncoder` writes
/// for the whole snapshot (decision 96).
@Suite struct AnswerSplicingEncoderTests {
    static let polls = [
        PollDefinition(id: "word", question: "One word", type: .open),
        PollDefinition(id: "one", question: "One?", type: .single, options: ["A", "B"]),
        PollDefinition(id: "idea", question: "Your idea", type: .open),
        PollDefinition(id: "none", question: "Nobody answers", type: .open),
    ]

    /// A snapshot of a workshop whose open polls have `answers` (two rounds of "idea"), `none` left without any.
    func snapshot(_ answers: [String]) throws -> ResultsSnapshot {
        var session = Fixtures.sevilla()
        session.polls = Self.polls
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        #expect(WorkshopReducer.apply(.start, to: &state, at: Fixtures.at(12, 0)) == nil)
        for poll in Self.polls {
            #expect(WorkshopReducer.apply(.poll(.open(poll: poll.id)), to: &state, at: Fixtures.at(12, 0)) == nil)
        }
        for answer in ["plain", "Second answer"] {
            #expect(WorkshopReducer.apply(.poll(.cast(poll: "word", ballot: .open(text: answer))), to: &state, at: Fixtures.at(12, 1)) == nil)
            #expect(WorkshopReducer.apply(.poll(.cast(poll: "idea", ballot: .open(text: answer))), to: &state, at: Fixtures.at(12, 1)) == nil)
        }
        #expect(WorkshopReducer.apply(.poll(.cast(poll: "one", ballot: .single(option: 1))), to: &state, at: Fixtures.at(12, 1)) == nil)
        #expect(WorkshopReducer.apply(.poll(.newRound(poll: "idea")), to: &state, at: Fixtures.at(12, 2)) == nil)
        #expect(WorkshopReducer.apply(.poll(.cast(poll: "idea", ballot: .open(text: "later"))), to: &state, at: Fixtures.at(12, 3)) == nil)
        var snapshot = ResultsSnapshot(state: state, sessionFile: "sevilla.yaml", generator: "test")
        // Text the reducer would have cleaned, set directly: the encoder must still match whatever it is given.
        snapshot.polls[0].rounds[0].answers = answers
        return snapshot
    }

    static let awkward = [
        "plain answer", "a \"quoted\" word", #"back\slash"#, "line\nbreak", "tab\there", "nul\u{0}inside", "bell\u{7}",
        "del\u{7F}", "a/slash", "</script>", "Ünïcödé", "e\u{301}", "日本語", "emoji 🇪🇺👩🏽‍🔬", "\u{2028}\u{2029}", "\u{FEFF}bom",
        "\u{202E}override", "", " ", "\u{0}plenary-answers\u{0}0\u{0}", "\u{0}plenary-answers\u{0}1\u{0}",
    ]

    @Test func theFileIsWhatTheEncoderWritesForTheWholeSnapshot() throws {
        let snapshot = try snapshot(Self.awkward)
        let spliced = snapshot.encoded()
        #expect(AnswerSplicingEncoder.spliced(snapshot) == spliced, "the answers were spliced in")
        #expect(spliced == AnswerSplicingEncoder.plain(snapshot))
        #expect(spliced.last == UInt8(ascii: "\n"))
        let decoded = try ResultsSnapshot.decode(spliced)
        #expect(decoded.polls[0].rounds[0].answers == Self.awkward)
        #expect(decoded.polls[2].rounds.map(\.answers) == [["plain", "Second answer"], ["later"]])
    }

    /// The results writer streams the file: many answers come in pieces of about 64 KB (never one piece of all
    /// of them), and the pieces together are the encoder's bytes.
    @Test func manyAnswersAreHandedOnInPiecesThatMakeUpTheSameBytes() throws {
        let answers = (0..<20_000).map { "answer number \($0) with a \"quote\" now and then" }
        let snapshot = try snapshot(answers)
        var pieces: [[UInt8]] = []
        snapshot.encode { piece in pieces.append(piece) }
        #expect(pieces.count > 10)
        #expect(pieces.allSatisfy { $0.count <= AnswerSplicingEncoder.pieceSize + 1024 })
        #expect(Array(pieces.joined()) == AnswerSplicingEncoder.plain(snapshot))
    }

    /// The results writer's snapshot leaves the answers in the rounds' tallies: its bytes are those of the snapshot
    /// that lists them, also when forged text forces the plain encoding and for a round without answers.
    @Test func answersLeftInTheTallyGiveTheSameFile() throws {
        var session = Fixtures.sevilla()
        session.polls = Self.polls
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        #expect(WorkshopReducer.apply(.start, to: &state, at: Fixtures.at(12, 0)) == nil)
        #expect(WorkshopReducer.apply(.poll(.open(poll: "idea")), to: &state, at: Fixtures.at(12, 0)) == nil)
        let answers = ["zebra crossing", "Apple", "\u{0}plenary-answers\u{0}0\u{0}", "a \"quote\"", "\u{e9}clair"]
        for answer in answers {
            #expect(WorkshopReducer.apply(.poll(.cast(poll: "idea", ballot: .open(text: answer))), to: &state, at: Fixtures.at(12, 1)) == nil)
        }
        #expect(WorkshopReducer.apply(.poll(.newRound(poll: "idea")), to: &state, at: Fixtures.at(12, 2)) == nil)
        for forged in [nil, "\u{0}plenary-answers\u{0}"] {
            var listed = ResultsSnapshot(state: state, sessionFile: "s.yaml", generator: "test")
            var inTally = ResultsSnapshot(state: state, sessionFile: "s.yaml", generator: "test", answersLeftInTally: true)
            if let forged {
                listed.polls[1].question = forged
                inTally.polls[1].question = forged
            }
            #expect(inTally.polls[2].rounds[0].answers == nil)
            #expect(inTally.encoded() == listed.encoded())
            let decoded = try ResultsSnapshot.decode(inTally.encoded())
            #expect(decoded.polls[2].rounds.map(\.answers) == listed.polls[2].rounds.map(\.answers))
            #expect(decoded.polls[2].rounds.map { $0.answers?.count } == [answers.count, 0])
        }
    }

    /// Text elsewhere in the snapshot forged to look like a placeholder cannot move answers: the snapshot is then
    /// encoded the plain way.
    @Test func textLookingLikeAPlaceholderStillGivesTheEncodersBytes() throws {
        for forged in ["\u{0}plenary-answers\u{0}0\u{0}", "\u{0}plenary-answers\u{0}1\u{0}", "\u{0}plenary-answers\u{0}"] {
            var snapshot = try snapshot(["\u{0}plenary-answers\u{0}1\u{0}", forged])
            #expect(AnswerSplicingEncoder.spliced(snapshot) == AnswerSplicingEncoder.plain(snapshot))
            snapshot.polls[1].question = forged
            #expect(AnswerSplicingEncoder.spliced(snapshot) == nil)
            #expect(snapshot.encoded() == AnswerSplicingEncoder.plain(snapshot))
            #expect(try ResultsSnapshot.decode(snapshot.encoded()).polls[1].question == forged)
        }
    }

    @Test func aSnapshotWithoutAnswersIsEncodedThePlainWay() throws {
        var snapshot = try snapshot([])
        for poll in snapshot.polls.indices {
            for round in snapshot.polls[poll].rounds.indices { snapshot.polls[poll].rounds[round].answers = nil }
        }
        #expect(snapshot.encoded() == AnswerSplicingEncoder.plain(snapshot))
    }

    /// Every ASCII character and samples of each Unicode plane, alone and in text: what is copied verbatim is what
    /// the encoder writes between the quotes.
    @Test func verbatimTextIsWhatTheEncoderWritesForIt() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var samples = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        samples += [0x80, 0x9F, 0xA0, 0xAD, 0xE9, 0x301, 0x7FF, 0x800, 0x2028, 0x2029, 0x202E, 0xD7FF, 0xE000, 0xFEFF,
                    0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF].map { String(UnicodeScalar($0)!) }
        samples += Self.awkward
        var verbatim = 0
        for sample in samples {
            for text in [sample, "a\(sample)b"] where AnswerSplicingEncoder.isVerbatim(text) {
                verbatim += 1
                let expected = Array("[\"".utf8) + Array(text.utf8) + Array("\"]".utf8)
                #expect(Array(try encoder.encode([text])) == expected, "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(verbatim > 150)
        for character in ["\"", "\\", "\n", "\u{0}", "\u{1F}", "\u{7F}"] {
            #expect(!AnswerSplicingEncoder.isVerbatim("x\(character)y"))
        }
    }
}
