import PlenaryEngine

/// The poll proposed from the marked entries, over the group screen: the question as it will be asked (open to
/// rewording), a dot vote's dots, and the options it will offer. The field the keys act on is highlighted.
enum ShortlistPollView {
    static func draw(_ draft: ShortlistPollDraft, into grid: inout CellGrid, glyphs: Glyphs) {
        let kind = switch draft.proposal.type {
        case .ranking: "A ranking"
        case .allocation: "A 100-point allocation"
        default: "A dot vote"
        }
        let title = "\(kind) from \(CountedNoun.phrase(draft.proposal.options.count, "marked entry", plural: "marked entries"))"
        let frame = DialogBox.frame(into: &grid, width: 72, height: draft.isDotVote ? 11 : 8, title: title, glyphs: glyphs)
        var y = frame.innerY
        let label = "Question (as the room will read it):"
        if draft.field == .question { grid.fill(style: .selected, x: frame.innerX - 1, y: y, width: frame.innerWidth + 2) }
        grid.putClipped(label, x: frame.innerX, y: y, style: draft.field == .question ? .selected : .title,
                        width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        BallotFormView.drawText(draft.question, into: &grid, x: frame.innerX, y: y + 1, width: frame.innerWidth, glyphs: glyphs)
        y += 4
        if draft.isDotVote {
            for (field, name, value) in [(ShortlistPollDraft.Field.dots, "Dots each person has", draft.dots),
                                         (.perItem, "Most dots on one item", draft.perItem)] {
                let focused = draft.field == field
                let text = name.padded(toWidth: 24, ellipsis: glyphs.ellipsis) + "\(glyphs.leftArrow) \(value) \(glyphs.rightArrow)"
                if focused { grid.fill(style: .selected, x: frame.innerX - 1, y: y, width: frame.innerWidth + 2) }
                grid.putClipped(text, x: frame.innerX, y: y, style: focused ? .selected : .normal, width: frame.innerWidth,
                                ellipsis: glyphs.ellipsis)
                y += 1
            }
            y += 1
        }
        let options = "Options: " + draft.proposal.options.joined(separator: " \(glyphs.middleDot) ")
        grid.putClipped(options, x: frame.innerX, y: y, style: .dim, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        let hint = draft.isDotVote ? "Enter open it   Tab next field   ← → change   Esc cancel" : "Enter open it   Esc cancel"
        grid.putClipped(glyphs.keyLabel(hint), x: frame.innerX, y: frame.y + frame.height - 2, style: .key,
                        width: frame.innerWidth, ellipsis: glyphs.ellipsis)
    }
}
