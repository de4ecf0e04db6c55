#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing
import PlenaryEngine
import PlenaryHost
import PlenaryProtocol
@testable import PlenaryWeb

/// The gateway's side of the socket pair (decision 94): what the pages read follows the host's messages, a phone's
/// request crosses with an id and is answered by that id's outcome, and a gone host refuses what was waiting.
@Suite struct RemoteWebRoomTests {
    static let phone = "0123456789abcdef0123456789abcdef"

    struct Pair {
        let room: RemoteWebRoom
        let host: Int32
        var hostFrames: SocketPairFrames
    }

    func withPair(_ body: (inout Pair) throws -> Void) throws {
        var ends: [Int32] = [-1, -1]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        var pair = Pair(room: RemoteWebRoom(descriptor: ends[1]), host: ends[0],
                        hostFrames: SocketPairFrames(descriptor: ends[0], limit: ProtocolLimits.clientMessageLimit))
        try body(&pair)
    }

    @Test func theRoomAndMarksFollowTheHostAndAnOlderRoomIsIgnored() throws {
        try withPair { pair in
            pair.room.apply(.room(WebRoom(view: nil, rounds: ["format": 2], version: 5)))
            #expect(pair.room.currentRoom.version == 5 && pair.room.changes.version == 5)
            pair.room.apply(.room(WebRoom(view: nil, rounds: [:], version: 4)))
            #expect(pair.room.currentRoom.rounds == ["format": 2])
            pair.room.apply(.marks(device: Self.phone, ballots: ["format#2"], upvotes: ["workshop 3", "workshop 12"]))
            #expect(pair.room.hasVoted(device: Self.phone, poll: "format", round: 2))
            #expect(!pair.room.hasVoted(device: Self.phone, poll: "format", round: 1))
            #expect(pair.room.upvoted(device: Self.phone, board: "workshop") == [3, 12])
            #expect(pair.room.upvoted(device: Self.phone, board: "work").isEmpty)
        }
    }

    @Test func aRequestCrossesWithAnIdAndItsOutcomeAnswersIt() throws {
        try withPair { pair in
            let answer = Mutex<WebOutcome?>(nil)
            let request = WebRequest.ballot(.init(device: Self.phone, poll: "format", ballot: .single(option: 0), code: nil))
            pair.room.submit(request) { outcome in answer.withLock { $0 = outcome } }
            guard case .frame(let body) = pair.hostFrames.next(until: .now.advanced(by: .seconds(10))) else {
                Issue.record("the request did not reach the host")
                return
            }
            let sent = try MessageCodec.decodeGatewayToHostMessage(body)
            #expect(sent == .request(id: 1, request))
            #expect(answer.withLock { $0 } == nil, "no answer before the host's")
            pair.room.apply(.outcome(id: 2, .recorded))
            #expect(answer.withLock { $0 } == nil, "another id's outcome is not this request's")
            pair.room.apply(.outcome(id: 1, .refusedCode("Wrong code.")))
            #expect(answer.withLock { $0 } == .refusedCode("Wrong code."))
        }
    }

    @Test func whenTheHostIsGoneWaitingRequestsAreRefusedAndTheGatewayIsTold() async throws {
        var ends: [Int32] = [-1, -1]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        defer { close(ends[1]) }
        let room = RemoteWebRoom(descriptor: ends[1])
        let answer = Mutex<WebOutcome?>(nil)
        room.submit(.board(.init(device: Self.phone, request: .upvote(board: "workshop", item: 1)))) { outcome in
            answer.withLock { $0 = outcome }
        }
        await withCheckedContinuation { (gone: CheckedContinuation<Void, Never>) in
            room.follow(SocketPairFrames(descriptor: ends[1], limit: ProtocolLimits.hostMessageLimit), hostGone: { gone.resume() })
            close(ends[0])
        }
        #expect(answer.withLock { $0 } == .refused(RemoteWebRoom.hostGoneMessage))
        let late = Mutex<WebOutcome?>(nil)
        room.submit(.board(.init(device: Self.phone, request: .upvote(board: "workshop", item: 2)))) { outcome in
            late.withLock { $0 = outcome }
        }
        #expect(late.withLock { $0 } == .refused(RemoteWebRoom.hostGoneMessage))
    }
}
