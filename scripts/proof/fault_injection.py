#!/usr/bin/env python3
"""I/O error injection: every failing fsync, fdatasync and journal write, one at a time, over a scripted session.

A clean traced run counts the calls; then for each family and each N, the same session runs under
`strace -e inject=SYSCALL:error=ERR:when=N`, so exactly the N-th call fails:
  fsync EIO (snapshot temp files and folders), fdatasync EIO and ENOSPC (journal), write ENOSPC (journal,
  selected with -P so terminal writes are not counted).
The session: start the workshop, open the open-text poll, cast three ballots with unique words, quit.

Each run must: never crash (exit 0 after q y, or 1 with a clear message when the journal cannot even be
created); show the error on screen ("NOT RECORDED", "Results not saved", "Results written but not synced");
acknowledge nothing after a journal failure (read-only: a further ballot is refused); leave the previous
results file byte-identical when a snapshot could not be written; leave no temp file once the write in flight is
over. Snapshots are coalesced and written by another thread (decision 60), so how many fsyncs a run makes depends
on its timing: an N-th call that a run never reaches is counted as "not reached", not as a silent failure. A clean restart then
finds exactly the acknowledged ballots in the journal and the results, once each, and none of the refused.
A last run injects the failure into a voter's ballot: the voter screen says the vote was not recorded.
"""

import collections
import os
import re
import time

from harness import Pane, ProofFailure, Workshop, figures, pin_hash, plenary_executable, require_tool, run_proof

POLL_POSITION = 3   # the open-text poll in the demo's poll list
BANNERS = {
    "NOT RECORDED": "journal",
    "Results not saved": "results",
    "Results written but not synced": "results-unsynced",
}
PIN = "975319"


class ScriptedSession:
    """The moderator's session, action by action, telling acknowledged actions from refused ones."""

    def __init__(self, pane, workshop):
        self.pane, self.workshop = pane, workshop
        self.acknowledged, self.refused = [], []
        self.failures = set()
        self.previous_results = None

    def banner(self, screen):
        return next((kind for text, kind in BANNERS.items() if text in screen), None)

    def settle(self, condition, description):
        """Waits for the action's effect, or for the journal's banner (read-only: the action is refused); returns
        that screen. A snapshot banner alone does not end the wait: it can stay up from an earlier action."""
        return self.pane.wait_for_settled(lambda screen: condition(screen) or "NOT RECORDED" in screen,
                                          description=description)

    def note_results_before(self):
        try:
            with open(self.workshop.results, "rb") as file:
                self.previous_results = file.read()
        except FileNotFoundError:
            self.previous_results = None

    def check_banner(self, screen, action):
        kind = self.banner(screen)
        if kind is None:
            return None
        self.failures.add(kind)
        if kind == "results":
            # A failed snapshot: the previous file is untouched, byte for byte (or still absent).
            try:
                with open(self.workshop.results, "rb") as file:
                    current = file.read()
            except FileNotFoundError:
                current = None
            if current != self.previous_results:
                raise ProofFailure(f"after a failed snapshot ({action}) the results file changed")
        if kind == "results-unsynced":
            self.workshop.results_json()
        # A temp file may belong to a write still in flight on the writer thread: it must be gone soon after.
        deadline = time.monotonic() + 3
        while self.workshop.litter():
            if time.monotonic() > deadline:
                raise ProofFailure(f"a failed snapshot left {self.workshop.litter()}")
            time.sleep(0.01)
        return kind

    def start_workshop(self):
        self.note_results_before()
        self.pane.send_keys("Space")
        screen = self.settle(lambda s: "NOW · " in s, "the workshop to start")
        kind = self.check_banner(screen, "start")
        started = "NOW · " in screen
        if kind == "journal" and started:
            raise ProofFailure("the workshop shows as started although its journal record failed")
        return started

    def open_poll(self):
        self.pane.show_poll(POLL_POSITION)
        self.note_results_before()
        self.pane.send_text("o")
        screen = self.settle(lambda s: "OPEN" in s.split("\n")[3], "the poll to open")
        kind = self.check_banner(screen, "open")
        is_open = "OPEN" in screen.split("\n")[3]
        if kind == "journal" and is_open:
            raise ProofFailure("the poll shows as open although its journal record failed")
        return is_open

    @staticmethod
    def ballots_shown(screen):
        match = re.search(r"(\d+) ballots?\s*$", screen.split("\n")[3])
        return int(match.group(1)) if match else 0

    def cast(self, word):
        before = self.ballots_shown(self.pane.capture())
        self.pane.send_text("b")
        self.pane.wait_for("ENTER A BALLOT")
        self.note_results_before()
        self.pane.send_text(word)
        self.pane.send_keys("Enter")
        screen = self.settle(lambda s: self.ballots_shown(s) == before + 1, f"ballot {word}")
        kind = self.check_banner(screen, f"ballot {word}")
        if self.ballots_shown(screen) == before + 1:
            if kind == "journal":
                raise ProofFailure(f"ballot {word} was counted on screen although its journal record failed")
            self.acknowledged.append(word)
        else:
            self.refused.append(word)
            if "ENTER A BALLOT" in screen:
                self.pane.send_keys("Escape")   # the refused ballot's form stays open
                self.pane.wait_for(lambda s: "ENTER A BALLOT" not in s, description="the ballot form to close")

    def quit(self):
        """Quits; the last snapshot is written on the way out, and a failure then is printed after the screen."""
        self.pane.send_keys("Escape")
        self.pane.wait_for("AGENDA")
        status = self.pane.quit_plenary()
        # A snapshot may be written on the way out, so "previous" is not known here: the file must parse.
        self.previous_results = None
        screen = self.pane.capture()
        if self.banner(screen):
            self.failures.add(self.banner(screen))
            self.workshop.results_json()
        return status


def count_calls(plenary, syscall, path=None):
    """How many times the clean session makes `syscall` (on `path` only, if given)."""
    workshop = Workshop("demo.yaml")
    trace = os.path.join(workshop.folder, "count.log")
    wrapper = ["strace", "-f", "-qq", "-e", "signal=none", "-o", trace, "-e", f"trace={syscall}"]
    if path:
        wrapper += ["-P", os.path.join(workshop.folder, os.path.basename(path))]
    run_session(plenary, workshop, wrapper)
    with open(trace) as file:
        count = sum(1 for line in file if re.match(rf"^\d+\s+{syscall}\(", line))
    workshop.remove()
    return count


def run_session(plenary, workshop, wrapper):
    """One scripted session under `wrapper`; returns the ScriptedSession, or None when the start was refused."""
    pane = Pane([plenary, "run", workshop.session], wrapper=wrapper)
    try:
        screen = pane.wait_for(lambda s: "Press Space" in s or "EXIT:" in s, description="the first screen")
        if "EXIT:" in screen:
            status = pane.wait_for_exit()
            if status != 1 or "cannot open the workshop files" not in screen:
                raise ProofFailure(f"a refused start must exit 1 with a clear message, got {status}:\n{screen}")
            return None
        session = ScriptedSession(pane, workshop)
        session.check_banner(screen, "start-up")   # previous_results is None: a failed first snapshot leaves no file
        session.start_workshop()
        if session.open_poll():
            for number in range(3):
                session.cast(f"word{number}{os.getpid() % 1000}")
        status = session.quit()
        if status != 0:
            raise ProofFailure(f"quit exited {status}")
        return session
    finally:
        pane.close()


def verify_restart(plenary, workshop, session):
    """A clean start finds exactly the acknowledged ballots, once each."""
    pane = Pane([plenary, "run", workshop.session])
    try:
        pane.wait_for("AGENDA")
        if pane.quit_plenary() != 0:
            raise ProofFailure("the clean restart did not quit cleanly")
    finally:
        pane.close()
    casts = collections.Counter()
    for record in workshop.journal_records():
        cast = record.get("command", {}).get("poll", {}).get("action", {}).get("cast")
        if cast:
            casts[cast["ballot"]["open"]["text"]] += 1
    results = workshop.results_json()
    poll = next(p for p in results["polls"] if p["id"] == "one-word")
    answers = collections.Counter(poll["rounds"][0].get("answers") or []) if poll["rounds"] else collections.Counter()
    for word in session.acknowledged:
        if casts[word] != 1 or answers[word] != 1:
            raise ProofFailure(f"acknowledged ballot {word}: {casts[word]} in the journal, {answers[word]} in the results")
    for word in session.refused:
        if casts[word] or answers[word]:
            raise ProofFailure(f"ballot {word} was refused on screen but is in the journal or results after a restart")
    return len(session.acknowledged) + len(session.refused)


def injection_reached(trace):
    """True when the run made the N-th call, so the fault was injected."""
    with open(trace) as file:
        return "(INJECTED)" in file.read()


def snapshot_repaired_unseen(trace, results):
    """True when the trace shows the injected failure followed by a successful rename onto the results file."""
    with open(trace) as file:
        lines = file.read().split("\n")
    failed = next((n for n, line in enumerate(lines) if "(INJECTED)" in line), None)
    return failed is not None and any(
        line.split(None, 1)[1].startswith("rename(") and f'"{results}") = 0' in line for line in lines[failed + 1:] if line)


def voter_ballot_failure(plenary):
    """fdatasync fails on a voter's ballot: the voter is told, and the ballot is not there after a restart."""
    workshop = Workshop("demo.yaml")
    pane = Pane([plenary, "run", workshop.session])
    try:
        pane.wait_for("Press Space")
        ScriptedSession(pane, workshop).open_poll()
        pane.send_keys("Escape")
        pane.wait_for("AGENDA")
        pane.quit_plenary()
    finally:
        pane.close()
    pane = Pane([plenary, "run", workshop.session, "--voter", "--pin-hash", pin_hash(plenary, PIN)],
                wrapper=["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=fdatasync",
                         "-e", "inject=fdatasync:error=EIO:when=1"])
    try:
        pane.wait_for("Press Enter to vote")
        pane.send_keys("Enter")
        pane.wait_for("One word for what")
        pane.send_text("unrecorded")
        pane.send_keys("Enter")
        pane.wait_for("Please check your answer")
        time.sleep(0.8)
        pane.send_keys("Enter")
        screen = pane.wait_for("Your vote could not be recorded. Please tell the moderator.")
        if "Your vote is recorded." in screen:
            raise ProofFailure("the voter was told the vote is recorded although its journal record failed")
    finally:
        pane.close()
    verify_restart(plenary, workshop, ScriptedSession(None, workshop))
    records = [r for r in workshop.journal_records() if "cast" in r.get("command", {}).get("poll", {}).get("action", {})]
    workshop.remove()
    if records:
        raise ProofFailure("the voter's failed ballot is in the journal after a restart")


def main():
    require_tool("strace")
    plenary = plenary_executable()
    families = [
        ("fsync", "EIO", None),
        ("fdatasync", "EIO", None),
        ("fdatasync", "ENOSPC", None),
        ("write", "ENOSPC", "demo.journal.jsonl"),
    ]
    injected, ballots_checked = collections.Counter(), 0
    seen = collections.Counter()
    for syscall, error, path in families:
        calls = count_calls(plenary, syscall, path)
        if calls == 0:
            raise ProofFailure(f"the clean session makes no {syscall} call")
        for number in range(1, calls + 1):
            workshop = Workshop("demo.yaml")
            trace = os.path.join(workshop.folder, "inject.log")
            wrapper = ["strace", "-f", "-qq", "-e", "signal=none", "-o", trace, "-e", f"trace={syscall},rename",
                       "-e", f"inject={syscall}:error={error}:when={number}"]
            if path:
                wrapper += ["-P", os.path.join(workshop.folder, path)]
            session = run_session(plenary, workshop, wrapper)
            injected[f"{syscall} {error}"] += 1
            if session is None:
                seen["refused start"] += 1
            elif not injection_reached(trace):
                seen["not reached"] += 1
                ballots_checked += verify_restart(plenary, workshop, session)
            else:
                if workshop.litter():
                    raise ProofFailure(f"{syscall} {error} at call {number}: the run left {workshop.litter()}")
                if not session.failures:
                    # Only a snapshot failure that the next snapshot repaired before the screen was read may go
                    # unseen; the restart then checks the results are current.
                    if not snapshot_repaired_unseen(trace, workshop.results):
                        raise ProofFailure(f"{syscall} {error} at call {number}: no error was shown on screen")
                    seen["repaired before shown"] += 1
                seen.update(session.failures)   # runs in which each kind of banner was shown
                ballots_checked += verify_restart(plenary, workshop, session)
            workshop.remove()
        print(f"  {syscall} {error}: {calls} calls, each failed once", flush=True)
    voter_ballot_failure(plenary)
    injected["fdatasync EIO (voter)"] += 1
    total = sum(injected.values())
    print(f"faults injected: {total} ({', '.join(f'{k}: {v}' for k, v in injected.items())})")
    print(f"shown: {dict(seen)}; ballots checked after restart: {ballots_checked}")
    figures("fault-injection", faults=total, ballots_checked=ballots_checked,
            journal_failures=seen["journal"], snapshot_failures=seen["results"] + seen["results-unsynced"],
            refused_starts=seen["refused start"], not_reached=seen["not reached"])


if __name__ == "__main__":
    run_proof(main)
