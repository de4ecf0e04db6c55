import Testing
import PlenaryEngine
import PlenaryProtocol
import PlenaryTestSupport

/// The messages between the host and its web gateway (decision 94) survive the wire, in the terminals' framing.
@Suite struct WebGatewayMessageTests {
    static let device = "0123456789abcdef0123456789abcdef"

    @Test(arguments: [
        GatewayToHostMessage.listening(port: 8080),
        .failed(reason: "cannot serve the voting page on 127.0.0.1:8080: Address already in use"),
        .request(id: 1, .ballot(.init(device: device, poll: "format", ballot: .single(option: 1), code: nil))),
        .request(id: 2, .ballot(.init(device: device, poll: "ideas", ballot: .open(text: "Más \"ideas\"\n"), code: "ACDE-FGHJ-KMNP"))),
        .request(id: 3, .ballot(.init(device: device, poll: "rank", ballot: .ranking(order: [2, 0, 1]), code: nil))),
        .request(id: 4, .board(.init(device: device, request: .submit(board: "workshop", text: "Who funds it?", name: "Ana")))),
        .request(id: 5, .board(.init(device: device, request: .submit(board: "panel", text: "Anonymous", name: nil)))),
        .request(id: 6, .board(.init(device: device, request: .upvote(board: "workshop", item: 3)))),
        .request(id: 7, .board(.init(device: device, request: .withdraw(board: "workshop", item: 3)))),
    ])
    func everyGatewayMessageSurvivesTheWire(message: GatewayToHostMessage) throws {
        var decoder = FrameDecoder(limit: ProtocolLimits.clientMessageLimit)
        let frames = decoder.feed(try MessageCodec.encode(message))
        #expect(frames.count == 1)
        #expect(try MessageCodec.decodeGatewayToHostMessage(frames[0]) == message)
    }

    @Test func everyHostMessageSurvivesTheWire() throws {
        let room = WebRoom(view: nil, rounds: ["format": 2], version: 41)
        let messages: [HostToGatewayMessage] = [
            .start(host: "0.0.0.0", port: 0, roomCode: "4821"),
            .outcome(id: 1, .recorded),
            .outcome(id: 2, .refused("This poll has closed.")),
            .outcome(id: 3, .refusedCode("That code is not valid.")),
            .room(room),
            .room(WebRoom()),
            .marks(device: Self.device, ballots: ["format#1", "format#2"], upvotes: ["workshop 3"]),
            .marks(device: Self.device, ballots: [], upvotes: []),
        ]
        for message in messages {
            var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
            let frames = decoder.feed(try MessageCodec.encode(message))
            #expect(frames.count == 1)
            #expect(try MessageCodec.decodeHostToGatewayMessage(frames[0]) == message)
        }
    }

    @Test func aRoomWithTheVotersViewSurvivesTheWire() throws {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Which format?", type: .single, options: ["Panel", "Café"])]
        let view = RoomView(of: try Fixtures.state(session, now: Fixtures.at(12, 0)), for: .voter)
        let message = HostToGatewayMessage.room(WebRoom(view: view, rounds: ["format": 1], version: 3))
        let body = Array(try MessageCodec.encode(message).dropFirst(ProtocolLimits.prefixLength))
        #expect(try MessageCodec.decodeHostToGatewayMessage(body) == message)
    }

    @Test func theWireFormIsSortedAndReadable() throws {
        func text(_ framed: [UInt8]) -> String { String(decoding: framed.dropFirst(ProtocolLimits.prefixLength), as: UTF8.self) }
        #expect(text(try MessageCodec.encode(HostToGatewayMessage.outcome(id: 7, .refusedCode("Wrong code."))))
                == #"{"id":7,"message":"Wrong code.","outcome":"refused-code","type":"outcome"}"#)
        #expect(text(try MessageCodec.encode(HostToGatewayMessage.marks(device: "d", ballots: ["b#1", "a#2"], upvotes: [])))
                == #"{"ballots":["a#2","b#1"],"device":"d","type":"marks","upvotes":[]}"#)
        #expect(text(try MessageCodec.encode(GatewayToHostMessage.request(id: 2, .board(.init(device: "d", request: .upvote(board: "w", item: 1))))))
                == #"{"action":"upvote","board":"w","device":"d","id":2,"item":1,"kind":"board","type":"request"}"#)
    }

    @Test func aWrongMessageIsNamedPrecisely() {
        #expect(throws: ProtocolError.unknownType("shout")) { try MessageCodec.decodeGatewayToHostMessage(Array(#"{"type":"shout"}"#.utf8)) }
        #expect(throws: ProtocolError.malformed(type: "request", field: "kind")) {
            try MessageCodec.decodeGatewayToHostMessage(Array(#"{"type":"request","id":1,"device":"d","kind":"moderator"}"#.utf8))
        }
        #expect(throws: ProtocolError.malformed(type: "outcome", field: "outcome")) {
            try MessageCodec.decodeHostToGatewayMessage(Array(#"{"type":"outcome","id":1,"outcome":"maybe"}"#.utf8))
        }
        #expect(throws: ProtocolError.malformed(type: "listening", field: "port")) {
            try MessageCodec.decodeGatewayToHostMessage(Array(#"{"type":"listening"}"#.utf8))
        }
    }
}
