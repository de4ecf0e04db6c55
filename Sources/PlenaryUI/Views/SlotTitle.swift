import PlenaryEngine

extension Slot {
    /// The title as lists show it: "TBC · " in front, so truncation never hides that it is unconfirmed.
    func displayTitle(_ glyphs: Glyphs) -> String {
        (tbc ? "TBC \(glyphs.middleDot) " : "") + title
    }
}
