import Testing
import PlenaryEngine
import PlenaryProtocol

/// Messages to bytes and back, and a precise error for every way a message can be wrong.
@Suite struct MessageCodecTests {
    func body(_ framed: [UInt8]) -> [UInt8] { Array(framed.dropFirst(ProtocolLimits.prefixLength)) }
    func client(_ json: String) throws(ProtocolError) -> ClientMessage { try MessageCodec.decodeClientMessage(Array(json.utf8)) }

    @Test(arguments: [
        ClientMessage.hello(ClientHello(role: .voter)),
        .hello(ClientHello(role: .audience)),
        .hello(ClientHello(role: .group("wg1"))),
        .hello(ClientHello(role: .moderator, pin: "2468-secret")),
        .request(id: 1, .castBallot(poll: "format", ballot: .single(option: 1), code: nil)),
        .request(id: 2, .castBallot(poll: "ideas", ballot: .open(text: "Más \"ideas\"\n\u{1b}[2J"), code: "ACDE-FGHJ-KMNP")),
        .request(id: 3, .castBallot(poll: "rank", ballot: .ranking(order: [2, 0, 1]), code: nil)),
        .request(id: 4, .group(.setField(group: "wg1", entry: "wg1-1", field: "theme", text: "Ports"))),
        .request(id: 5, .moderator(.poll(.reveal(poll: "format", shown: true)))),
        .request(id: 6, .moderator(.next)),
        .hello(ClientHello(role: .moderator, pin: "2468", screen: ScreenSize(columns: 120, rows: 40))),
        .hello(ClientHello(role: .group("wg1"), screen: ScreenSize(columns: 80, rows: 24), ascii: true)),
        .screen(.key("c:n")),
        .screen(.key("paste:two\nlines")),
        .screen(.resize(ScreenSize(columns: 100, rows: 30))),
        .request(id: 8, .qa(.submit(board: "workshop", text: "Who funds it?", name: "Ana"))),
        .request(id: 9, .qa(.submit(board: "panel", text: "Anonymous", name: nil))),
        .request(id: 10, .qa(.upvote(board: "workshop", item: 3))),
        .request(id: 11, .qa(.withdraw(board: "workshop", item: 3))),
    ])
    func everyClientMessageSurvivesTheWire(message: ClientMessage) throws {
        let framed = try MessageCodec.encode(message)
        var decoder = FrameDecoder(limit: ProtocolLimits.clientMessageLimit)
        let frames = decoder.feed(framed)
        #expect(frames.count == 1)
        #expect(try MessageCodec.decodeClientMessage(frames[0]) == message)
    }

    @Test func theWireFormIsTheDocumentedOne() throws {
        let cast = String(decoding: body(try MessageCodec.encode(.request(id: 7, .castBallot(poll: "format", ballot: .single(option: 1), code: nil)))), as: UTF8.self)
        #expect(cast == #"{"ballot":{"single":{"option":1}},"id":7,"poll":"format","type":"cast"}"#)
        let hello = String(decoding: body(try MessageCodec.encode(.hello(ClientHello(role: .group("wg1"))))), as: UTF8.self)
        #expect(hello == #"{"group":"wg1","protocol":"plenary","role":"group","type":"hello","version":1}"#)
        let upvote = String(decoding: body(try MessageCodec.encode(.request(id: 8, .qa(.upvote(board: "workshop", item: 3))))), as: UTF8.self)
        #expect(upvote == #"{"action":"upvote","board":"workshop","id":8,"item":3,"type":"qa"}"#)
        let ack = String(decoding: body(try MessageCodec.encode(HostMessage.acknowledged(id: 7))), as: UTF8.self)
        #expect(ack == #"{"id":7,"type":"ack"}"#)
    }

    @Test func aModeratorScreensMessagesHaveTheDocumentedWireForm() throws {
        func text(_ message: ClientMessage) throws -> String { String(decoding: body(try MessageCodec.encode(message)), as: UTF8.self) }
        #expect(try text(.screen(.key("c:n"))) == #"{"key":"c:n","type":"key"}"#)
        #expect(try text(.screen(.resize(ScreenSize(columns: 100, rows: 30)))) == #"{"columns":100,"rows":30,"type":"resize"}"#)
        #expect(try text(.hello(ClientHello(role: .moderator, pin: "2468", screen: ScreenSize(columns: 100, rows: 30))))
            == #"{"columns":100,"pin":"2468","protocol":"plenary","role":"moderator","rows":30,"type":"hello","version":1}"#)
        let frame = String(decoding: body(try MessageCodec.encode(HostMessage.screen(ScreenFrame(columns: 2, rows: 1, cells: [["o", "k"]], styles: ["ag"])))), as: UTF8.self)
        #expect(frame == #"{"screen":{"cells":[["o","k"]],"columns":2,"rows":1,"styles":["ag"]},"type":"screen"}"#)
    }

    /// A screen size from the wire is clamped: a client cannot make the host draw a screen larger than any terminal.
    @Test func aScreenSizeIsClampedToWhatATerminalCanBe() throws {
        #expect(try client(#"{"type":"resize","columns":100000,"rows":-5}"#) == .screen(.resize(ScreenSize(columns: 400, rows: 1))))
        #expect(throws: ProtocolError.malformed(type: "resize", field: "rows")) { try client(#"{"type":"resize","columns":80}"#) }
        #expect(ScreenFrame(columns: 2, rows: 1, cells: [["a"]], styles: ["aa"]).isConsistent == false)
    }

    @Test func everyHostMessageSurvivesTheWire() throws {
        let messages: [HostMessage] = [
            .welcome(HostWelcome(title: "Sevilla", recordID: "r-1", role: "voter")),
            .refused(reason: "Wrong moderator PIN."),
            .acknowledged(id: 9),
            .refusal(id: 10, message: "This poll has closed; your answer was not counted."),
            .stopping(reason: "The host is stopping.", reconnect: true),
            .protocolError(message: "A message was not valid JSON."),
            .screen(ScreenFrame(columns: 3, rows: 2, cells: [["a", "界", ""], [" ", "é", "?"]], styles: ["aab", "ddd"])),
        ]
        for message in messages {
            #expect(try MessageCodec.decodeHostMessage(body(try MessageCodec.encode(message))) == message)
        }
    }

    /// A code refusal is a refusal with `"about": "code"`, so an older client still shows its message; an `about`
    /// this client does not know leaves a plain refusal, never a decoding error.
    @Test func aCodeRefusalIsARefusalAboutTheCodeAndAnUnknownAboutIsAPlainRefusal() throws {
        let refused = HostMessage.codeRefusal(id: 4, message: "This code has already been used for this poll.")
        let wire = String(decoding: body(try MessageCodec.encode(refused)), as: UTF8.self)
        #expect(wire == #"{"about":"code","id":4,"message":"This code has already been used for this poll.","type":"refusal"}"#)
        #expect(try MessageCodec.decodeHostMessage(Array(wire.utf8)) == refused)
        let plain = String(decoding: body(try MessageCodec.encode(HostMessage.refusal(id: 5, message: "Closed."))), as: UTF8.self)
        #expect(!plain.contains("about"), "a plain refusal says nothing about its reason")
        #expect(try MessageCodec.decodeHostMessage(Array(#"{"type":"refusal","id":6,"message":"Later.","about":"quorum"}"#.utf8))
                == .refusal(id: 6, message: "Later."))
    }

    @Test func aHelloOfAnotherVersionIsRefusedWithBothVersions() throws {
        #expect(throws: ProtocolError.unsupportedVersion(2)) {
            try client(#"{"type":"hello","protocol":"plenary","version":2,"role":"voter","whatever":[1,2]}"#)
        }
        #expect(ProtocolError.unsupportedVersion(2).message.contains("version 1") && ProtocolError.unsupportedVersion(2).message.contains("version 2"))
        // The refusal carries the host's version, whatever else the client can read.
        let refused = String(decoding: body(try MessageCodec.encode(HostMessage.refused(reason: "x"))), as: UTF8.self)
        #expect(refused.contains(#""version":1"#))
        #expect(throws: ProtocolError.unsupportedVersion(3)) {
            try MessageCodec.decodeHostMessage(Array(#"{"type":"welcome","welcome":{"version":3,"title":"t","recordID":"r","role":"voter"}}"#.utf8))
        }
    }

    @Test func anUnknownRoleIsNamedSafely() throws {
        #expect(throws: ProtocolError.unknownRole("king")) {
            try client(#"{"type":"hello","protocol":"plenary","version":1,"role":"king"}"#)
        }
        let hostile = "\u{1b}]0;pwned\u{07}" + String(repeating: "A", count: 100)
        let message = ProtocolError.unknownRole(hostile).message
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(message.count < 200)
        #expect(throws: ProtocolError.malformed(type: "hello", field: "group")) {
            try client(#"{"type":"hello","protocol":"plenary","version":1,"role":"group"}"#)
        }
        #expect(throws: ProtocolError.malformed(type: "hello", field: "group")) {
            try client(#"{"type":"hello","protocol":"plenary","version":1,"role":"group","group":""}"#)
        }
    }

    @Test func anotherProgramsHelloIsRefused() {
        #expect(throws: ProtocolError.malformed(type: "hello", field: "protocol")) {
            try client(#"{"type":"hello","version":1,"role":"voter"}"#)
        }
        #expect(throws: ProtocolError.malformed(type: "hello", field: "protocol")) {
            try client(#"{"type":"hello","protocol":"tmux","version":1,"role":"voter"}"#)
        }
    }

    @Test func anUnknownTypeIsNamed() {
        #expect(throws: ProtocolError.unknownType("dance")) { try client(#"{"type":"dance"}"#) }
        #expect(throws: ProtocolError.unknownType("")) { try client(#"{"poll":"format"}"#) }
        #expect(throws: ProtocolError.unknownType("selfie")) { try MessageCodec.decodeHostMessage(Array(#"{"type":"selfie"}"#.utf8)) }
    }

    @Test func bytesThatAreNotUTF8OrNotJSONAreSaidToBe() {
        #expect(throws: ProtocolError.notUTF8) { try MessageCodec.decodeClientMessage([0x7B, 0xFF, 0xFE, 0x7D]) }
        #expect(throws: ProtocolError.notUTF8) { try MessageCodec.decodeClientMessage([0xC3]) }
        #expect(throws: ProtocolError.notJSON) { try client("hello") }
        #expect(throws: ProtocolError.notJSON) { try client(#"{"type":"cast","id":1"#) }
        #expect(throws: ProtocolError.notJSON) { try client("\u{0}\u{1}\u{2}") }
    }

    @Test func aMessageWithAMissingOrWrongFieldNamesTheField() {
        #expect(throws: ProtocolError.malformed(type: "cast", field: "ballot")) { try client(#"{"type":"cast","id":1,"poll":"format"}"#) }
        #expect(throws: ProtocolError.malformed(type: "cast", field: "id")) { try client(#"{"type":"cast","id":"one","poll":"p","ballot":{"single":{"option":1}}}"#) }
        // Foundation does not name the field of a number that does not fit; the message still says what is wrong.
        #expect(throws: ProtocolError.malformed(type: "cast", field: "")) { try client(#"{"type":"cast","id":1e40,"poll":"p","ballot":{"single":{"option":1}}}"#) }
        #expect(throws: ProtocolError.malformed(type: "cast", field: "")) { try client(#"{"type":"cast","id":1.5,"poll":"p","ballot":{"single":{"option":1}}}"#) }
        guard case .malformed(type: "cast", _)? = Result(catching: { () throws(ProtocolError) in
            try client(#"{"type":"cast","id":1,"poll":"p","ballot":{"teleport":{}}}"#)
        }).failure else { Issue.record("an unknown ballot kind was accepted"); return }
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
