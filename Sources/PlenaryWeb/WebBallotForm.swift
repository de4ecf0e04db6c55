import PlenaryEngine

/// A poll form as the phone posts it (`application/x-www-form-urlencoded`), before anything is trusted. Turned into
/// a `Ballot` here only as far as its shape goes; whether the ballot is complete and within the poll's rules is
/// decided by the core's `BallotValidation` on the host's loop, exactly as for a terminal's ballot.
public struct WebBallotForm: Decodable, Sendable, Equatable {
    public var poll: String
    public var csrf: String
    /// single: the chosen option's index.
    public var choice: Int?
    /// multiple: the chosen options' indices.
    public var picks: [Int]?
    /// scale: the value picked.
    public var value: Int?
    /// open: the answer.
    public var text: String?
    /// ranking without JavaScript: for each option, in the poll's order, the position chosen for it (1 = first).
    public var positions: [Int]?
    /// allocation: points per option, in the poll's order.
    public var points: [Int]?
    /// The one-time voting code, when the poll admits by code.
    public var code: String?

    public init(poll: String, csrf: String, choice: Int? = nil, picks: [Int]? = nil, value: Int? = nil, text: String? = nil,
                positions: [Int]? = nil, points: [Int]? = nil, code: String? = nil) {
        self.poll = poll
        self.csrf = csrf
        self.choice = choice
        self.picks = picks
        self.value = value
        self.text = text
        self.positions = positions
        self.points = points
        self.code = code
    }

    /// The ballot the form asks for on a poll of `type` with `optionCount` options, or what the person must fix
    /// (the words the page shows). Nothing is clamped or guessed: a form that does not say is refused.
    public func ballot(for type: PollType, optionCount: Int) -> Result<Ballot, Refusal> {
        switch type {
        case .single:
            guard let choice else { return .failure(Refusal("Choose one answer, then send.")) }
            return .success(.single(option: choice))
        case .multiple:
            let chosen = Array(Set(picks ?? [])).sorted()
            guard !chosen.isEmpty else { return .failure(Refusal("Choose at least one answer, then send.")) }
            return .success(.multiple(options: chosen))
        case .scale:
            guard let value else { return .failure(Refusal("Choose a value on the scale, then send.")) }
            return .success(.scale(value: value))
        case .open:
            let answer = text ?? ""
            guard !answer.allSatisfy(\.isWhitespace) else { return .failure(Refusal("Write your answer, then send.")) }
            return .success(.open(text: answer))
        case .ranking:
            return Self.order(from: positions ?? [], optionCount: optionCount).map { .ranking(order: $0) }
        case .allocation:
            guard let points, points.count == optionCount else {
                return .failure(Refusal("Give points to every answer (0 is fine), then send."))
            }
            return .success(.allocation(points: points))
        }
    }

    /// Positions per option (option i is at positions[i]) → options in order of preference. Each position once.
    static func order(from positions: [Int], optionCount: Int) -> Result<[Int], Refusal> {
        guard positions.count == optionCount else { return .failure(Refusal("Give every answer a place, then send.")) }
        guard Set(positions) == Set(1...max(1, optionCount)) else {
            return .failure(Refusal("Each place can be given once: give every answer a different place."))
        }
        return .success(positions.enumerated().sorted { $0.element < $1.element }.map(\.offset))
    }

    public struct Refusal: Error, Equatable, Sendable {
        public let message: String
        init(_ message: String) { self.message = message }
    }
}
