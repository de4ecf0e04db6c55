import Foundation

/// Moves a test makes again and again on Plenary's moderator screen.
extension TmuxPane {
    /// Opens the poll at `position` in the poll list (the current slot's polls come first) and opens it for ballots.
    func openPoll(at position: Int, showing text: String = "POLL ·") throws {
        try sendText("P")
        try waitFor("Polls ")
        try sendKeys("Home")
        for _ in 0..<position { try sendKeys("Down") }
        try sendKeys("Enter")
        try waitFor(text)
        try sendText("o")
        try waitFor("OPEN")
    }

    /// Opens the polls at these positions of the poll list, one after the other, and goes back to the agenda.
    func openPollsFromTheAgenda(at positions: [Int]) throws {
        for position in positions {
            try openPoll(at: position)
            try sendKeys("Escape")
            try waitFor("AGENDA")
        }
    }

    /// `v` on the agenda with no PIN set yet: types the new PIN twice and waits for the voters' privacy screen.
    func handToVoters(settingPIN pin: String) throws {
        try sendText("v")
        try waitFor("Moderator PIN for voter mode")
        try sendText(pin)
        try sendKeys("Enter")
        try waitFor("Type the same PIN again")
        try sendText(pin)
        try sendKeys("Enter")
        try waitFor("Press Enter to vote")
    }

    /// Quits with confirmation and returns the exit status.
    func quitPlenary() throws -> Int32 {
        try sendText("q")
        try waitFor("Quit Plenary?")
        try sendText("y")
        return try waitForExit()
    }

    /// Pastes `text` as a terminal does (tmux `paste-buffer -p`: line breaks as CR, and bracketed when the
    /// program asked for bracketed paste).
    func paste(_ text: String) throws {
        let file = directory + "/paste-\(UUID().uuidString)"
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try tmuxCommand(["load-buffer", "-b", "input", file])
        try tmuxCommand(["paste-buffer", "-p", "-d", "-b", "input", "-t", "t"])
    }
}
