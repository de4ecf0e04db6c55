#!/usr/bin/env python3
"""Kill loop: nothing shown as recorded is ever lost, and nothing is recorded twice.

Drives the real binary in tmux on a copy of the demo session, in three roles in turn: the moderator typing
ballots into the open-text poll, the locked voter screen (--voter), and a facilitator adding working-group
entries (--group). Every ballot and note carries a unique word. In each cycle some actions are completed and
their acknowledgement is seen on screen ("Ballot recorded: N", "Your vote is recorded.", the entry in the
group's list); then one more is started and the program is killed with SIGKILL a random few milliseconds later
(sometimes before it has even drawn, while it replays the journal and writes the snapshot).

The results snapshot is written off the key path, coalesced (at most once a second, soon after the room goes
quiet, on quit; decision 60), so it may lag the journal. After every kill: the journal holds every acknowledged
record (its checksums verified here), and the results file parses and shows a state the journal already held (no
more actions, ballots or answers than the journal: a prefix of it, never torn). After every restart the results
file catches up with the journal within a deadline (the time it took is a figure); then each acknowledged ballot
is in the journal and the results exactly once, each acknowledged note is exactly one entry, the in-flight action
is there at most once, and the ballot count matches the journal. A results temp file left behind shows a kill that
landed inside a snapshot write; some cycles aim the kill there (strace holds the writer thread in its fsync or
rename). Others aim it inside a ballot's journal sync: strace holds every fdatasync 300 ms, and the screen must not say
the ballot is recorded before the program is killed in it (decision 103).

Usage: kill_loop.py [--kills N] [--seed S]
"""

import argparse
import collections
import json
import os
import random
import signal
import time

from harness import Pane, ProofFailure, Workshop, figures, pin_hash, plenary_executable, require_tool, run_proof

POLL_ID = "one-word"
POLL_POSITION = 3          # the open-text poll's place in the demo's poll list
GROUP_ID = "wg-policy"
PIN = "975319"
REVIEW_PAUSE = 0.8         # the voter review takes Enter only after it has been on screen a moment


class KillLoop:
    def __init__(self, kills, seed):
        self.kills_wanted = kills
        self.random = random.Random(seed)
        self.plenary = plenary_executable()
        self.strace = require_tool("strace")
        self.workshop = Workshop("demo.yaml")
        self.pin_hash = pin_hash(self.plenary, PIN)
        self.acknowledged_ballots = set()
        self.acknowledged_notes = set()
        self.in_flight = []           # words typed but not (yet) seen acknowledged: present at most once
        self.kills = 0
        self.kills_in_snapshot_write = 0
        self.kills_in_journal_sync = 0
        self.kills_before_first_frame = 0
        self.records_checked = 0
        self.lag_after_kill = []      # actions the results file lacked at each kill (it lags the journal by design)
        self.catch_up_seconds = []    # from the first frame after a restart until the results file caught up
        self.counter = 0
        self.pane = None

    def unique_word(self, kind):
        self.counter += 1
        return f"{kind}{self.counter}x{self.random.randrange(10**6)}"

    # MARK: one cycle

    def start(self, role, wrapper=None):
        command = [self.plenary, "run", self.workshop.session]
        if role == "voter":
            command += ["--voter", "--pin-hash", self.pin_hash]
        elif role == "facilitator":
            # A group terminal has files of its own by default; here it takes turns on the plenary's files.
            command += ["--group", GROUP_ID, "--results", self.workshop.results]
        self.pane = Pane(command, columns=100, rows=30, wrapper=wrapper)

    def first_frame(self, role):
        marker = {"moderator": "AGENDA", "voter": "Press Enter to vote", "facilitator": "Add: 1 Action concept"}[role]
        self.pane.wait_for(marker)

    def ballot_count(self):
        for poll in self.workshop.results_json()["polls"]:
            if poll["id"] == POLL_ID:
                return poll["rounds"][0]["ballotCount"] if poll["rounds"] else 0
        raise ProofFailure(f"poll {POLL_ID} missing from the results")

    def open_poll_screen(self):
        """From the agenda to the open-text poll's screen; opens the poll the first time."""
        screen = self.pane.show_poll(POLL_POSITION)
        if "OPEN" not in screen:
            self.pane.send_text("o")
            self.pane.wait_for("OPEN")

    def moderator_ballot(self, word, acknowledge):
        expected = self.ballot_count_now + 1
        self.pane.send_text("b")
        self.pane.wait_for("ENTER A BALLOT")
        self.pane.send_text(word)
        self.in_flight.append(word)
        self.pane.send_keys("Enter")
        if acknowledge:
            self.pane.wait_for(f"Ballot recorded: {expected} in this round.")
            self.acknowledge_ballot(word)

    def voter_ballot(self, word, acknowledge):
        self.pane.send_keys("Enter")
        self.pane.wait_for("One word for what")
        self.pane.send_text(word)
        self.pane.send_keys("Enter")
        self.pane.wait_for("Please check your answer")
        time.sleep(REVIEW_PAUSE)
        self.in_flight.append(word)
        self.pane.send_keys("Enter")
        if acknowledge:
            self.pane.wait_for("Your vote is recorded.")
            self.acknowledge_ballot(word)
            time.sleep(REVIEW_PAUSE)
            self.pane.send_keys("Enter")
            self.pane.wait_for("Press Enter to vote")

    def acknowledge_ballot(self, word):
        self.in_flight.remove(word)
        self.acknowledged_ballots.add(word)
        self.ballot_count_now += 1

    def facilitator_note(self, word, acknowledge):
        self.pane.send_text("1")
        self.pane.wait_for("ACTION CONCEPT")
        self.pane.send_text(word)
        self.in_flight.append(word)
        self.pane.send_keys("Escape")
        if acknowledge:
            self.pane.wait_for(f"[Action concept] {word}")
            self.in_flight.remove(word)
            self.acknowledged_notes.add(word)

    def aimed_cycle(self):
        """A kill inside a snapshot write, for certain: strace holds the program at the entry of the temp file's
        fsync or its rename for a moment; once the temp file exists, the program (strace's child) is killed."""
        syscall = self.random.choice(["fsync", "rename"])
        self.start("moderator", wrapper=[self.strace, "-f", "-qq", "-o", "/dev/null", "-e", f"trace={syscall}",
                                         "-e", f"inject={syscall}:delay_enter=300000"])
        self.first_frame("moderator")
        self.check_after_restart()
        self.ballot_count_now = self.ballot_count()
        self.open_poll_screen()
        self.moderator_ballot(self.unique_word("ballot"), acknowledge=False)
        deadline = time.monotonic() + 5
        while not self.workshop.litter():
            if time.monotonic() > deadline:
                raise ProofFailure("no snapshot temp file appeared after a ballot")
            time.sleep(0.005)
        os.kill(self.pane.traced_program_pid(), signal.SIGKILL)
        self.after_kill()

    def aimed_sync_cycle(self):
        """A kill while a ballot's record syncs (decision 103): strace holds every fdatasync 300 ms at its entry;
        150 ms after Enter the ballot must not show as recorded, and then the program is killed."""
        self.start("moderator", wrapper=[self.strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=fdatasync",
                                         "-e", "inject=fdatasync:delay_enter=300000"])
        self.first_frame("moderator")
        self.check_after_restart()
        self.ballot_count_now = self.ballot_count()
        self.open_poll_screen()
        recorded = f"Ballot recorded: {self.ballot_count_now + 1} in this round."
        self.moderator_ballot(self.unique_word("ballot"), acknowledge=False)
        time.sleep(0.15)
        if recorded in self.pane.capture():
            raise ProofFailure(f"'{recorded}' was shown while its record was still being synced")
        os.kill(self.pane.traced_program_pid(), signal.SIGKILL)
        self.kills_in_journal_sync += 1
        self.after_kill()

    def cycle(self, number):
        aim = self.random.random()
        if aim < 0.1:
            self.aimed_cycle()
            return
        if aim < 0.2:
            self.aimed_sync_cycle()
            return
        role = self.random.choice(["moderator", "moderator", "moderator", "facilitator", "voter"])
        self.start(role)
        if self.random.random() < 0.1:
            # Kill during start-up: journal replay and the first snapshot write.
            time.sleep(self.random.uniform(0, 0.05))
            self.kill()
            self.kills_before_first_frame += 1
            return
        self.first_frame(role)
        self.check_after_restart()
        self.ballot_count_now = self.ballot_count()
        if role == "moderator":
            self.open_poll_screen()
        action = {"moderator": self.moderator_ballot, "voter": self.voter_ballot,
                  "facilitator": self.facilitator_note}[role]
        kind = "note" if role == "facilitator" else "ballot"
        for _ in range(self.random.randrange(0, 3)):
            action(self.unique_word(kind), acknowledge=True)
        action(self.unique_word(kind), acknowledge=False)
        time.sleep(self.random.uniform(0, 0.02))
        self.kill()

    def kill(self):
        self.pane.kill(signal.SIGKILL)
        self.after_kill()

    def after_kill(self):
        status = self.pane.wait_for_exit()
        if status != 128 + signal.SIGKILL:
            raise ProofFailure(f"expected the program to die of SIGKILL (137), it exited {status}")
        self.kills += 1
        litter = self.workshop.litter()
        if litter:
            self.kills_in_snapshot_write += 1
            for name in litter:
                os.unlink(os.path.join(self.workshop.folder, name))
        self.pane.close()
        self.check_after_kill()

    # MARK: checks

    def journal_words(self):
        """The journal's records, and how many records name each ballot or note word."""
        records = self.workshop.journal_records()
        words = collections.Counter()
        tracked = self.acknowledged_ballots | self.acknowledged_notes | set(self.in_flight)
        for record in records:
            text = json.dumps(record.get("command", {}), ensure_ascii=False)
            for word in tracked:
                if f'"{word}"' in text:
                    words[word] += 1
        return records, words

    def check_after_kill(self):
        results = self.workshop.results_json()
        records, ballots = self.journal_words()
        for word in self.acknowledged_ballots:
            if ballots[word] != 1:
                raise ProofFailure(f"acknowledged ballot {word} is in the journal {ballots[word]} times after a kill")
        # The snapshot may lag the journal, but only ever shows a state the journal held: a prefix of it.
        commands = sum(1 for record in records if "command" in record)
        shown = results["workshop"]["recordedActions"]
        if shown > commands:
            raise ProofFailure(f"the results show {shown} actions, the journal holds only {commands}")
        poll = next(p for p in results["polls"] if p["id"] == POLL_ID)
        casts = sum(1 for record in records if "cast" in record.get("command", {}).get("poll", {}).get("action", {}))
        counted = poll["rounds"][0]["ballotCount"] if poll["rounds"] else 0
        if counted > casts:
            raise ProofFailure(f"the results count {counted} ballots, the journal holds only {casts}")
        for answer in (poll["rounds"][0].get("answers") or []) if poll["rounds"] else []:
            if answer in self.acknowledged_ballots or answer in self.in_flight:
                if ballots[answer] < 1:
                    raise ProofFailure(f"the results show {answer}, which is not in the journal")
        self.lag_after_kill.append(commands - shown)
        self.records_checked += len(records)

    def wait_for_results_to_catch_up(self):
        """After a restart the snapshot is written off the key path, soon after the first frame: wait for it to show
        every action in the (repaired) journal, with a deadline."""
        started = time.monotonic()
        deadline = started + 5
        while True:
            results = self.workshop.results_json()
            commands = sum(1 for record in self.workshop.journal_records() if "command" in record)
            if results["workshop"]["recordedActions"] == commands:
                self.catch_up_seconds.append(time.monotonic() - started)
                return
            if time.monotonic() > deadline:
                raise ProofFailure(f"the results file still shows {results['workshop']['recordedActions']} actions "
                                   f"5 s after a restart, the journal holds {commands}")
            time.sleep(0.01)

    def check_after_restart(self):
        self.wait_for_results_to_catch_up()
        results = self.workshop.results_json()
        records, journal_ballots = self.journal_words()
        poll = next(p for p in results["polls"] if p["id"] == POLL_ID)
        answers = collections.Counter(poll["rounds"][0].get("answers") or []) if poll["rounds"] else collections.Counter()
        casts = sum(1 for record in records if "cast" in record.get("command", {}).get("poll", {}).get("action", {}))
        count = poll["rounds"][0]["ballotCount"] if poll["rounds"] else 0
        if count != casts:
            raise ProofFailure(f"results count {count} ballots, the journal holds {casts}")
        notes = collections.Counter()
        for group in results["groups"]:
            for entry in group["entries"]:
                for field in entry["fields"]:
                    if field.get("text"):
                        notes[field["text"]] += 1
        for word in self.acknowledged_ballots:
            if answers[word] != 1 or journal_ballots[word] != 1:
                raise ProofFailure(f"acknowledged ballot {word}: {answers[word]} in the results, "
                                   f"{journal_ballots[word]} in the journal (expected exactly 1)")
        for word in self.acknowledged_notes:
            if notes[word] != 1:
                raise ProofFailure(f"acknowledged note {word} is {notes[word]} entries in the results (expected 1)")
        for word in self.in_flight:
            if answers[word] > 1 or journal_ballots[word] > 1 or notes[word] > 1:
                raise ProofFailure(f"unacknowledged {word} was recorded more than once")
            if answers[word] == 1 or notes[word] == 1:
                (self.acknowledged_notes if word.startswith("note") else self.acknowledged_ballots).add(word)
        self.in_flight = []
        self.records_checked += len(self.acknowledged_ballots) + len(self.acknowledged_notes)

    def run(self):
        started = time.monotonic()
        try:
            # The moderator opens the poll first, so a voter terminal has something to vote on.
            self.start("moderator")
            self.first_frame("moderator")
            self.open_poll_screen()
            self.pane.send_keys("Escape")
            self.pane.wait_for("AGENDA")
            if self.pane.quit_plenary() != 0:
                raise ProofFailure("the first clean quit failed")
            self.pane.close()
            for number in range(self.kills_wanted):
                self.cycle(number)
            # A last clean start: everything acknowledged is there, then quit normally.
            self.start("moderator")
            self.first_frame("moderator")
            self.check_after_restart()
            status = self.pane.quit_plenary()
            if status != 0:
                raise ProofFailure(f"the final clean quit exited {status}")
        finally:
            if self.pane:
                self.pane.close()
        elapsed = time.monotonic() - started
        lagging = sum(1 for lag in self.lag_after_kill if lag > 0)
        slowest = max(self.catch_up_seconds, default=0)
        print(f"kills survived: {self.kills} ({self.kills_before_first_frame} during start-up, "
              f"{self.kills_in_snapshot_write} inside a snapshot write, {self.kills_in_journal_sync} inside a "
              f"ballot's journal sync)")
        print(f"results file at the kill: behind the journal {lagging} times (by at most "
              f"{max(self.lag_after_kill, default=0)} actions), never ahead, always valid; caught up after each "
              f"restart within {slowest * 1000:.0f} ms")
        print(f"acknowledged: {len(self.acknowledged_ballots)} ballots, {len(self.acknowledged_notes)} notes; "
              f"records checked: {self.records_checked}; {elapsed:.1f} s")
        figures("kill-loop", kills=self.kills, snapshot_kills=self.kills_in_snapshot_write,
                sync_kills=self.kills_in_journal_sync,
                ballots=len(self.acknowledged_ballots), notes=len(self.acknowledged_notes),
                lagging_kills=lagging, catch_up_ms=round(slowest * 1000),
                records_checked=self.records_checked, seconds=round(elapsed, 1))
        self.workshop.remove()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    arguments = parser.parse_args()
    print(f"kill loop: {arguments.kills} kills, seed {arguments.seed}", flush=True)
    KillLoop(arguments.kills, arguments.seed).run()


if __name__ == "__main__":
    run_proof(main)
