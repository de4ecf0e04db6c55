#!/usr/bin/env python3
"""Resize storm: hundreds of random window sizes from 1x1 to 300x100 while ballots are cast and notes typed.

Two rounds on a copy of the demo: on the open-text poll's screen (typing `b`, a word, Enter between resizes)
and in a working-group entry form (typing words). Each resize waits until tmux reports the size, so none are
coalesced away, and the program must still be alive after each. Keys typed below the minimum size are
dropped by design, so what was recorded is read back, not assumed. At the end, at 100x30:

- the frame is whole: 30 rows, none wider than 100 columns, title on the first row, key hints on the last;
- the frame equals one drawn from scratch (after a resize to 80x24 and back), clock digits aside, so no
  stale cells survived the storm;
- the poll screen's ballot count equals the results file's and the journal's; the note's text on screen
  equals the text in the results file after a clean quit.

Usage: resize_storm.py [--resizes N] [--seed S]
"""

import argparse
import random
import re
import time
import unicodedata

from harness import Pane, ProofFailure, Workshop, figures, plenary_executable, run_proof

POLL_POSITION = 3


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def without_clock(screen):
    """The screen with digits masked: the clock and the slot timer move between two captures."""
    return re.sub(r"\d", "#", screen)


class Storm:
    def __init__(self, resizes, seed):
        self.random = random.Random(seed)
        self.resizes = resizes
        self.done = 0
        self.keys_sent = 0
        self.plenary = plenary_executable()
        self.workshop = Workshop("demo.yaml")
        self.pane = Pane([self.plenary, "run", self.workshop.session], columns=100, rows=30)
        self.pid = self.pane.program_pid()

    def random_size(self):
        # Half anywhere in range, half near the minimum (60x16), where layouts switch.
        if self.random.random() < 0.5:
            return self.random.randint(1, 300), self.random.randint(1, 100)
        return self.random.randint(50, 70), self.random.randint(12, 20)

    def resize_randomly(self, count, typing):
        for _ in range(count):
            columns, rows = self.random_size()
            self.pane.resize(columns, rows)
            for keys in typing():
                if isinstance(keys, str):
                    self.pane.send_text(keys)
                else:
                    self.pane.send_keys(*keys)
                self.keys_sent += 1
            self.done += 1
            if self.pane.exit_status() is not None:
                raise ProofFailure(f"the program exited during the storm at {columns}x{rows}:\n{self.pane.capture()}")

    def redrawn_at(self, columns, rows, *markers):
        """Resizes and waits for a frame drawn for that size, showing one of `markers`: the rule under the header
        spans the width and the key hints are on the last row (right after a resize the old frame can still show)."""
        self.pane.resize(columns, rows)

        def drawn(screen):
            lines = screen.rstrip("\n").split("\n")
            return (any(marker in screen for marker in markers) and len(lines) == rows
                    and lines[2] == "─" * columns and lines[-1].strip() != "")
        return self.pane.wait_for_settled(drawn, description=f"a {columns}x{rows} frame showing one of {markers}")

    def back_to_normal(self, *markers):
        return self.redrawn_at(100, 30, *markers)

    def ballot_keys(self):
        """Sometimes a whole ballot (b, word, Enter), sometimes nothing: keys land at whatever size it is."""
        if self.random.random() < 0.5:
            return []
        return ["b", f"storm{self.random.randrange(1000)}", ["Enter"]]

    def note_keys(self):
        if self.random.random() < 0.5:
            return []
        return [f"w{self.random.randrange(100)} "]

    def check_whole_frame(self, screen, rows, columns):
        lines = screen.rstrip("\n").split("\n")
        if len(lines) != rows:
            raise ProofFailure(f"{len(lines)} rows on a {columns}x{rows} screen:\n{screen}")
        if any(display_width(line) > columns for line in lines):
            raise ProofFailure(f"a row is wider than {columns} columns:\n{screen}")
        if "Plenary demo" not in lines[0] or "Esc" not in lines[-1]:
            raise ProofFailure(f"title or key hints missing after the storm:\n{screen}")

    def check_same_as_fresh(self, screen, marker):
        self.redrawn_at(80, 24, marker)
        fresh = self.back_to_normal(marker)
        if without_clock(fresh) != without_clock(screen):
            raise ProofFailure(f"the frame after the storm differs from one drawn afresh:\n{screen}\n---\n{fresh}")

    def run(self):
        started = time.monotonic()
        self.pane.wait_for("Press Space")
        # Round 1: the poll screen, casting ballots.
        self.pane.show_poll(POLL_POSITION)
        self.pane.send_text("o")
        self.pane.wait_for("OPEN")
        self.resize_randomly(self.resizes // 2, self.ballot_keys)
        screen = self.back_to_normal("POLL ·", "ENTER A BALLOT")
        if "ENTER A BALLOT" in screen:
            # The storm's last ballot form is still open (its Enter came below the minimum size): check the frame
            # here, then leave the ballot unsent.
            self.check_whole_frame(screen, 30, 100)
            self.check_same_as_fresh(screen, "ENTER A BALLOT")
            self.pane.send_keys("Escape")
            screen = self.pane.wait_for_settled(lambda s: "POLL ·" in s, description="the poll screen again")
        self.check_whole_frame(screen, 30, 100)
        self.check_same_as_fresh(screen, "POLL ·")
        shown = re.search(r"(\d+) ballots?", screen.split("\n")[3])
        ballots_on_screen = int(shown.group(1)) if shown else 0

        # Round 2: a working-group entry form, typing.
        self.pane.send_keys("Escape")
        self.pane.wait_for("AGENDA")
        self.pane.send_text("w")
        self.pane.wait_for("Working groups")
        self.pane.send_keys("Enter")
        self.pane.wait_for("Add: 1")
        self.pane.send_text("1")
        self.pane.wait_for("ACTION CONCEPT")
        self.resize_randomly(self.resizes - self.resizes // 2, self.note_keys)
        self.back_to_normal("ACTION CONCEPT")
        # The field is saved within two seconds of its first unsaved key; compare frames once it has been, so the
        # autosave does not land between the frame and the one drawn afresh.
        screen = self.pane.wait_for_settled(lambda s: "ACTION CONCEPT" in s and "saved" in s.split("\n")[3],
                                            description="the typed note saved")
        self.check_whole_frame(screen, 30, 100)
        self.check_same_as_fresh(screen, "ACTION CONCEPT")
        self.pane.send_keys("Escape")
        listing = self.pane.wait_for_settled("[Action concept]")
        note_on_screen = listing.split("[Action concept]", 1)[1].split("\n", 1)[0].strip()
        # Esc goes back to the list of groups, a second Esc to the agenda.
        self.pane.send_keys("Escape")
        self.pane.wait_for("Working groups")
        self.pane.send_keys("Escape")
        self.pane.wait_for_settled(lambda s: "Enter open" not in s and "AGENDA" in s, description="the agenda")
        if self.pane.quit_plenary() != 0:
            raise ProofFailure("quit after the storm did not exit 0")
        self.pane.close()

        results = self.workshop.results_json()
        poll = next(p for p in results["polls"] if p["id"] == "one-word")
        recorded = poll["rounds"][0]["ballotCount"]
        casts = sum(1 for r in self.workshop.journal_records()
                    if "cast" in r.get("command", {}).get("poll", {}).get("action", {}))
        if not ballots_on_screen == recorded == casts:
            raise ProofFailure(f"ballots: {ballots_on_screen} on screen, {recorded} in the results, {casts} in the journal")
        theme = results["groups"][0]["entries"][0]["fields"][0]["text"]
        # Which keys land at a usable size is up to timing: a storm may lose every ballot or every word by chance,
        # but not both (that would mean no key reached the program).
        if recorded == 0 and not theme:
            raise ProofFailure("the storm recorded no ballot and no text: the keys never reached the program")
        if not theme.startswith(note_on_screen.rstrip("…").rstrip()):
            raise ProofFailure(f"note on screen {note_on_screen!r}, in the results {theme!r}")
        elapsed = time.monotonic() - started
        print(f"resize storm: {self.done} resizes (1x1 to 300x100), {self.keys_sent} key sends; "
              f"{recorded} ballots and a {len(theme)}-character note recorded and shown alike; {elapsed:.1f} s")
        figures("resize-storm", resizes=self.done, keys=self.keys_sent, ballots=recorded, seconds=round(elapsed, 1))
        self.workshop.remove()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resizes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    arguments = parser.parse_args()
    print(f"resize storm: seed {arguments.seed}", flush=True)
    storm = Storm(arguments.resizes, arguments.seed)
    try:
        storm.run()
    finally:
        storm.pane.close()


if __name__ == "__main__":
    run_proof(main)
