import Crypto
import Dispatch
import Hummingbird
import Logging
import NIOCore
import Synchronization
import PlenaryEngine
import PlenaryHost
import PlenaryProtocol

/// The phones' voting page (issue 17), served by Hummingbird in the `plenary-web` gateway process (decision 94). It
/// decides nothing about the workshop: pages are drawn from the voter view the host's loop publishes (`WebRoomSource`:
/// the host across a socket pair, or its `WebInbox` in tests), and each ballot is handed to that loop, which answers
/// once the journal holding it is fdatasynced. Nothing here can reach a
/// moderator action: the only request it forwards is a voter's ballot.
public final class WebServer: Sendable {
    public static let maximumBodyBytes = 16 * 1024
    static let deviceCookie = "plenary_device"
    static let roomCookie = "plenary_room"

    private let inbox: any WebRoomSource
    /// Shown on the projector; a phone joins with it (typed, or in the QR code's address).
    public let roomCode: String
    /// Signs each phone's form token, so a page from elsewhere cannot post a ballot for it.
    private let formKey: [UInt8]
    private let rateLimit = WebRateLimit()
    private let task = Mutex<Task<Void, Never>?>(nil)

    public init(source inbox: any WebRoomSource, roomCode: String,
                formKey: [UInt8] = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }) {
        self.inbox = inbox
        self.roomCode = roomCode
        self.formKey = formKey
    }

    public enum StartError: Error, CustomStringConvertible {
        case failed(String)
        public var description: String {
            switch self { case .failed(let reason): reason }
        }
    }

    /// Binds and starts serving; returns the port bound (useful with port 0), or throws why it could not (the port is
    /// taken, the address is not this machine's) before the moderator's screen starts.
    public func start(host: String, port: Int) throws(StartError) -> Int {
        let bound = Mutex<Result<Int, StartError>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        let application = Application(
            router: makeRouter(),
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: "Plenary"),
            onServerRunning: { channel in
                bound.withLock { $0 = .success(channel.localAddress?.port ?? port) }
                ready.signal()
            },
            logger: Self.quietLogger
        )
        let running = Task {
            do {
                try await application.run()
            } catch {
                let first = bound.withLock { result -> Bool in
                    guard result == nil else { return false }
                    result = .failure(.failed("cannot serve the voting page on \(host):\(port): \(error)"))
                    return true
                }
                if first { ready.signal() }
            }
        }
        task.withLock { $0 = running }
        if ready.wait(timeout: .now() + .seconds(10)) == .timedOut {
            running.cancel()
            throw .failed("the voting page did not start within 10 seconds on \(host):\(port)")
        }
        switch bound.withLock({ $0 }) {
        case .success(let port)?: return port
        case .failure(let error)?: throw error
        case nil: throw .failed("the voting page did not start on \(host):\(port)")
        }
    }

    public func stop() {
        task.withLock { $0?.cancel() }
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "plenary.web")
        // The screen is curses: nothing may print to the terminal while it runs.
        logger.logLevel = .critical
        return logger
    }

    // MARK: - Routes

    private func makeRouter() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: WebSecurityHeaders())
        router.get("/") { request, _ in self.home(request) }
        router.get("/join") { request, _ in self.join(request, code: request.uri.queryParameters["room"].map(String.init)) }
        router.post("/join") { request, context in
            var request = request
            let form = try await self.form(&request, context: context, as: JoinForm.self)
            return self.join(request, code: form?.room)
        }
        router.get("/polls") { request, _ in self.polls(request) }
        router.post("/vote") { request, context in try await self.vote(request, context: context) }
        router.post("/board") { request, context in try await self.board(request, context: context) }
        router.get("/events") { request, _ in self.events(request) }
        router.get("/plenary.css") { _, _ in Self.asset(WebPages.style, type: "text/css; charset=utf-8") }
        router.get("/plenary.js") { _, _ in Self.asset(WebPages.script, type: "text/javascript; charset=utf-8") }
        return router
    }

    struct JoinForm: Decodable { var room: String? }

    private func title() -> String { inbox.currentRoom.view?.title ?? "Plenary" }

    private func home(_ request: Request) -> Response {
        isJoined(request) ? Self.redirect(to: "/polls") : Self.html(WebPages.join(title: title()))
    }

    private func join(_ request: Request, code: String?) -> Response {
        guard let code else { return Self.html(WebPages.join(title: title())) }
        guard code.trimmingCharacters(in: .whitespaces) == roomCode else {
            return Self.html(WebPages.join(title: title(), problem: "That is not this room's code. Look at the screen and try again."),
                             status: .forbidden)
        }
        var response = Self.redirect(to: "/polls")
        let device = Self.deviceToken(of: request) ?? Self.newDeviceToken()
        response.setCookie(Cookie(name: Self.deviceCookie, value: device, path: "/", httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(name: Self.roomCookie, value: roomCode, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    private func polls(_ request: Request, message: WebPages.Message? = nil, status: HTTPResponse.Status = .ok) -> Response {
        guard isJoined(request), let device = Self.deviceToken(of: request) else { return Self.redirect(to: "/") }
        let room = inbox.currentRoom
        let upvoted = room.view?.qa.map { inbox.upvoted(device: device, board: $0.id) } ?? []
        let page = WebPages.polls(room: room, csrf: formToken(for: device), voted: { poll, round in
            self.inbox.hasVoted(device: device, poll: poll.id, round: round)
        }, upvoted: upvoted, message: message)
        return Self.html(page, status: status)
    }

    private func vote(_ request: Request, context: WebRequestContext) async throws -> Response {
        let device: String, form: WebBallotForm
        switch try await admitted(request, context: context, as: WebBallotForm.self) {
        case .success(let posted): (device, form) = posted
        case .failure(let refusal): return refusal.response
        }
        guard let poll = inbox.currentRoom.view?.polls.first(where: { $0.id == form.poll && $0.isOpen }) else {
            return polls(request, message: .init("This poll has closed; your answer was not counted.", isProblem: true), status: .conflict)
        }
        let ballot: Ballot
        switch form.ballot(for: poll.type, optionCount: poll.options.count) {
        case .success(let made): ballot = made
        case .failure(let refusal): return polls(request, message: .init(refusal.message, isProblem: true), status: .unprocessableContent)
        }
        let outcome = await withCheckedContinuation { continuation in
            inbox.submit(.ballot(.init(device: device, poll: poll.id, ballot: ballot, code: form.code))) { continuation.resume(returning: $0) }
        }
        switch outcome {
        case .recorded:
            return polls(request, message: .init("Recorded. Thank you: your answer is counted.", isProblem: false))
        case .refused(let message), .refusedCode(let message):
            return polls(request, message: .init(message, isProblem: true), status: .conflict)
        }
    }

    /// A question or idea, or an upvote, on the room's board: the same gate as a ballot (joined, rate, form token),
    /// then the host's loop judges it as this phone's and answers once it is on disk.
    private func board(_ request: Request, context: WebRequestContext) async throws -> Response {
        let device: String, form: WebBoardForm
        switch try await admitted(request, context: context, as: WebBoardForm.self) {
        case .success(let posted): (device, form) = posted
        case .failure(let refusal): return refusal.response
        }
        guard let board = inbox.currentRoom.view?.qa, board.id == form.board else {
            return polls(request, message: .init("This board has closed.", isProblem: true), status: .conflict)
        }
        let asked: QARequest
        switch form.request() {
        case .success(let made): asked = made
        case .failure(let refusal): return polls(request, message: .init(refusal.message, isProblem: true), status: .unprocessableContent)
        }
        let outcome = await withCheckedContinuation { continuation in
            inbox.submit(.board(.init(device: device, request: asked))) { continuation.resume(returning: $0) }
        }
        switch outcome {
        case .recorded:
            let noun = board.kind.itemNoun
            let words: String
            switch asked {
            case .submit: words = board.premoderation ? "Sent: your \(noun) shows on the board once the moderator approves it."
                                                      : "Sent: your \(noun) is on the board."
            case .upvote: words = "Upvoted."
            case .withdraw: words = "Your upvote is taken back."
            }
            return polls(request, message: .init(words, isProblem: false))
        case .refused(let message), .refusedCode(let message):
            return polls(request, message: .init(message, isProblem: true), status: .conflict)
        }
    }

    /// Server-Sent Events: one message whenever the room's view changes (the page reloads to show it), for up to ten
    /// minutes, after which the browser reconnects by itself. The stream waits on the inbox's change signal, so an
    /// idle page costs no work until the room changes (decision 90).
    private func events(_ request: Request) -> Response {
        guard isJoined(request) else { return Response(status: .forbidden) }
        let changes = inbox.changes
        let body = ResponseBody { writer in
            let deadline = ContinuousClock.now.advanced(by: .seconds(600))
            var seen: UInt64?
            while let version = await Self.nextVersion(of: changes, after: seen, until: deadline) {
                seen = version
                try await writer.write(ByteBuffer(string: "data: \(version)\n\n"))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    /// The room's next version, or nil at the stream's deadline (one parked timer, not a polling loop).
    private static func nextVersion(of changes: RoomVersionSignal, after seen: UInt64?,
                                    until deadline: ContinuousClock.Instant) async -> UInt64? {
        await withTaskGroup(of: UInt64?.self) { group in
            group.addTask { await changes.next(after: seen) }
            group.addTask { try? await Task.sleep(until: deadline, clock: .continuous); return nil }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    // MARK: - Helpers

    /// A page to answer with instead of going on.
    struct Refused: Error {
        var response: Response
    }

    /// Every post's gate, before its own checks: a joined phone, within the address's rate, a readable form within
    /// the size cap, and the form token this phone was given (so a page from elsewhere cannot post for it).
    private func admitted<Form: WebPostedForm>(_ request: Request, context: WebRequestContext,
                                               as type: Form.Type) async throws -> Result<(String, Form), Refused> {
        guard isJoined(request), let device = Self.deviceToken(of: request) else { return .failure(Refused(response: Self.redirect(to: "/"))) }
        let address = context.remoteAddress?.ipAddress ?? "?"
        guard rateLimit.allow(address, atMilliseconds: Self.nowMilliseconds()) else {
            return .failure(Refused(response: polls(request, message: .init(
                "Too many answers from this network address at once. Wait a few seconds and send again.", isProblem: true),
                status: .tooManyRequests)))
        }
        var request = request
        guard let form = try await self.form(&request, context: context, as: type) else {
            return .failure(Refused(response: polls(request, message: .init("The form could not be read. Please send it again.", isProblem: true),
                                                    status: .badRequest)))
        }
        guard Self.constantTimeEqual(form.csrf, formToken(for: device)) else {
            return .failure(Refused(response: polls(request, message: .init("This form is out of date. Please send it again.", isProblem: true),
                                                    status: .forbidden)))
        }
        return .success((device, form))
    }

    private func form<Form: Decodable>(_ request: inout Request, context: WebRequestContext, as type: Form.Type) async throws -> Form? {
        let buffer = try await request.collectBody(upTo: Self.maximumBodyBytes)
        return try? URLEncodedFormDecoder().decode(type, from: String(buffer: buffer))
    }

    private func isJoined(_ request: Request) -> Bool {
        request.cookies[Self.roomCookie]?.value == roomCode && Self.deviceToken(of: request) != nil
    }

    static func deviceToken(of request: Request) -> String? {
        guard let value = request.cookies[deviceCookie]?.value, value.count == 32,
              value.allSatisfy({ $0.isHexDigit }) else { return nil }
        return value
    }

    static func newDeviceToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = generator.next() as UInt32
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    func formToken(for device: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(device.utf8), using: SymmetricKey(data: formKey))
        return code.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static let startedAt = ContinuousClock.now

    /// Monotonic milliseconds, for the rate limit only (the workshop's time is the host's clock).
    static func nowMilliseconds() -> Int64 {
        let elapsed = startedAt.duration(to: .now).components
        return elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303: after a post, the browser fetches the page with GET, so reloading never posts twice.
    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }
}
