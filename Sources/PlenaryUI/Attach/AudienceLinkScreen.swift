import PlenaryEngine
import PlenaryStorage

/// What the projector shows while it has no room to draw: connecting, or "Reconnecting…" with the reason, so the
/// audience never sees a stale countdown presented as live.
public enum AudienceLinkScreen {
    public static func render(reconnecting reason: String?, size: TerminalSize, glyphs: Glyphs) -> CellGrid {
        var grid = CellGrid(size: size)
        let lines = reason.map { ["Reconnecting…", "", glyphs.text($0), "", "This screen comes back by itself."] }
            ?? ["Connecting to the host…"]
        let styles: [StyleRole] = reason == nil ? [.dim] : [.title, .normal, .dim, .normal, .dim]
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < size.rows {
            let clipped = glyphs.text(line).truncated(toWidth: max(0, size.columns - 2), ellipsis: glyphs.ellipsis)
            grid.put(clipped, x: max(0, (size.columns - clipped.terminalWidth) / 2), y: top + offset, style: styles[offset])
        }
        return grid
    }
}
