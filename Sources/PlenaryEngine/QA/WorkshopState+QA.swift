extension WorkshopState {
    public func qaBoard(_ id: String) -> QABoardState? { qa.first { $0.id == id } }

    /// The board of the slot on now, else the workshop's, else the first: what `Q` opens and the room sees.
    public var boardForCurrentSlot: String? {
        let slotID = session.agenda.indices.contains(currentIndex) ? currentSlot.id : nil
        if let slotID, let board = qa.first(where: { $0.definition.slotID == slotID }) { return board.id }
        if let board = qa.first(where: { $0.id == QABoardDefinition.workshopID }) { return board.id }
        return qa.first?.id
    }
}
