import PlenaryEngine
import PlenaryStorage

/// What `plenary attach --moderator` shows before it connects: the moderator PIN, masked, and why the last try
/// was refused. The PIN goes to the host, which checks it (the session's hash never leaves the host's side).
public enum ModeratorPINPrompt {
    public static func render(typedCount: Int, refusal: String?, size: TerminalSize, glyphs: Glyphs) -> CellGrid {
        var grid = CellGrid(size: size)
        let lines = ["Attach the moderator screen", "", "Moderator PIN: " + String(repeating: "*", count: typedCount) + "_",
                     "", refusal ?? "", "", "Enter: attach   Esc: leave"]
        let styles: [StyleRole] = [.title, .normal, .key, .normal, .alert, .normal, .dim]
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < size.rows {
            let clipped = glyphs.text(line).truncated(toWidth: max(0, size.columns - 2), ellipsis: glyphs.ellipsis)
            grid.put(clipped, x: max(0, (size.columns - clipped.terminalWidth) / 2), y: top + offset, style: styles[offset])
        }
        return grid
    }
}
