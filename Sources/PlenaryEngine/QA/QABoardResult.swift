extension ResultsSnapshot {
    /// One Q&A or ideas board in the results file (schema version 4, issue 16): every item with its total upvotes
    /// and what the moderator did with it. Never who sent an upvote or when: the file holds totals, as for ballots.
    public struct QABoardResult: Codable, Sendable, Equatable {
        public var id: String
        /// The slot whose board it is; absent for the workshop's board.
        public var slot: String?
        public var kind: String
        public var title: String
        public var names: String
        public var premoderation: Bool
        public var maxLength: Int
        public var upvotes: Bool
        /// The item on the projector when the file was saved.
        public var highlighted: Int?
        public var counts: Counts
        /// In the order they were submitted (item `number`).
        public var items: [Item]

        public struct Counts: Codable, Sendable, Equatable {
            public var pending: Int
            public var approved: Int
            public var answered: Int
            public var hidden: Int
            /// Duplicates merged into another item.
            public var merged: Int
        }

        public struct Item: Codable, Sendable, Equatable {
            public var number: Int
            public var text: String
            public var name: String?
            /// `pending`, `approved` or `answered`.
            public var status: String
            public var hidden: Bool
            public var votes: Int
            /// The item this duplicate was merged into (its votes went there).
            public var mergedInto: Int?
            /// The moderator corrected the text (the journal keeps the original).
            public var edited: Bool
        }

        init(_ board: QABoardState) {
            let definition = board.definition
            id = definition.id
            slot = definition.slotID
            kind = definition.kind.rawValue
            title = definition.displayTitle
            names = definition.names.rawValue
            premoderation = definition.premoderation
            maxLength = definition.maxLength
            upvotes = definition.upvotes
            highlighted = board.highlighted
            let merged = board.items.count - board.counts.pending - board.counts.approved - board.counts.answered - board.counts.hidden
            counts = Counts(pending: board.counts.pending, approved: board.counts.approved, answered: board.counts.answered,
                            hidden: board.counts.hidden, merged: merged)
            items = board.items.map {
                Item(number: $0.number, text: $0.text, name: $0.name, status: $0.status.rawValue, hidden: $0.hidden,
                     votes: $0.votes, mergedInto: $0.mergedInto, edited: $0.edited)
            }
        }
    }
}
