"""What the host proofs (host_load.py, host_faults.py) share: a session of three open-text polls, the real
`plenary run` host in tmux, the `plenary-load` room of voter connections, and the checks of its report against the
journal and the results file.

Every ballot is an open-text answer naming its voter and poll (`v17p2`): that identity exists only in the load
client's bookkeeping and in the answer's text, never in the protocol or the journal (docs/ballot-secrecy.md), and it
lets the proof count each acknowledged ballot in the journal and the results: exactly once.
"""

import collections
import json
import os
import subprocess
import threading
import time

from harness import REPOSITORY, Pane, ProofFailure, Workshop, plenary_executable

POLLS = ["first", "second", "third"]

SESSION = """plenary: 1
title: Host load proof
language: en
agenda:
  - id: votes
    title: Three polls for the whole room
    kind: poll
    duration: 30
    polls: [first, second, third]
polls:
  - id: first
    question: First question of the load proof
    type: open
    max_length: 40
  - id: second
    question: Second question of the load proof
    type: open
    max_length: 40
  - id: third
    question: Third question of the load proof
    type: open
    max_length: 40
"""


def load_executable():
    """plenary-load, built beside the plenary binary the proof drives."""
    path = os.path.join(os.path.dirname(plenary_executable()), "plenary-load")
    if not os.access(path, os.X_OK):
        raise ProofFailure(f"{path} is not built; run `swift build` (scripts/prove does)")
    return path


def room_workshop():
    """A fresh 0700 folder (the host keeps its socket there) holding the three-poll session."""
    workshop = Workshop("demo.yaml")
    os.remove(workshop.session)
    workshop.session = os.path.join(workshop.folder, "room.yaml")
    workshop.journal = os.path.join(workshop.folder, "room.journal.jsonl")
    workshop.results = os.path.join(workshop.folder, "room.results.json")
    workshop.socket = os.path.join(workshop.folder, "room.sock")
    with open(workshop.session, "w") as file:
        file.write(SESSION)
    return workshop


def start_host(workshop):
    """`plenary run` on the room session in its own tmux; returns the pane once the agenda and the socket are up."""
    pane = Pane([plenary_executable(), "run", workshop.session], columns=100, rows=30)
    pane.wait_for("AGENDA", timeout=15)
    deadline = time.monotonic() + 10
    while not os.path.exists(workshop.socket):
        if time.monotonic() > deadline:
            raise ProofFailure(f"the host did not create {workshop.socket}")
        time.sleep(0.01)
    return pane


def show_poll(pane, position):
    """From the agenda (or a poll) to the poll at `position` in the poll list."""
    pane.send_text("P")
    pane.wait_for("Polls ")
    pane.send_keys("Home", *["Down"] * position, "Enter")
    return pane.wait_for(POLL_QUESTIONS[position])


POLL_QUESTIONS = ["First question", "Second question", "Third question"]


def key_latency(pane, key, check, literal=True):
    """Milliseconds from handing `key` to tmux until the moderator's screen satisfies `check`."""
    started = time.monotonic()
    if literal:
        pane.tmux_command("send-keys", "-t", "t", "-l", "--", key)
    else:
        pane.tmux_command("send-keys", "-t", "t", key)
    deadline = started + 30
    while not check(pane.capture()):
        if time.monotonic() > deadline:
            raise ProofFailure(f"the moderator's key {key!r} had no effect within 30 s:\n{pane.capture()}")
    return (time.monotonic() - started) * 1000


def cpu_seconds(pid):
    """User + system CPU of a process so far, from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


class LoadRun:
    """plenary-load in the background; follows its `ack POLL COUNT` lines."""

    def __init__(self, workshop, voters, rate=0, seconds=150, extra=()):
        self.report_path = os.path.join(workshop.folder, "load-report.json")
        self.acknowledged = collections.Counter()
        self.attached = False
        self.lines = []
        self.process = subprocess.Popen(
            [load_executable(), "--socket", workshop.socket, "--voters", str(voters), "--polls", ",".join(POLLS),
             "--report", self.report_path, "--rate", str(rate), "--seconds", str(seconds), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPOSITORY)
        self.reader = threading.Thread(target=self._follow, daemon=True)
        self.reader.start()

    def _follow(self):
        for line in self.process.stdout:
            words = line.split()
            if len(words) == 3 and words[0] == "ack":
                self.acknowledged[words[1]] = int(words[2])
            elif words[:1] == ["attached"]:
                self.attached = True
            else:
                self.lines.append(line)

    def wait_until(self, condition, timeout, what):
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process.poll() is not None and not condition():
                raise ProofFailure(f"plenary-load ended while waiting for {what}: {self.process.stderr.read()}")
            if time.monotonic() > deadline:
                raise ProofFailure(f"timed out after {timeout} s waiting for {what} (acknowledged: {dict(self.acknowledged)})")
            time.sleep(0.01)

    def finish(self, timeout=120):
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise ProofFailure("plenary-load did not finish")
        self.reader.join(timeout=5)
        if status != 0:
            raise ProofFailure(f"plenary-load failed ({status}): {self.process.stderr.read()}")
        with open(self.report_path) as file:
            return json.load(file)


def percentile(values, fraction):
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def journal_ballots(workshop):
    """(poll, answer text) → how many cast records hold it, from the journal's intact records."""
    journal = collections.Counter()
    for record in workshop.journal_records():
        cast = record.get("command", {}).get("poll", {}).get("action", {}).get("cast")
        if cast is not None:
            text = json.dumps(cast, ensure_ascii=False)
            start = text.find('"text": "')
            if start >= 0:
                journal[(cast.get("poll"), text[start + 9:text.index('"', start + 9)])] += 1
    return journal


def results_ballots(workshop):
    """(poll, answer) → how many times the results file lists it, and its total ballot count."""
    answers = collections.Counter()
    counted = 0
    for poll in workshop.results_json()["polls"]:
        for round_ in poll["rounds"]:
            counted += round_["ballotCount"]
            for answer in round_.get("answers") or []:
                answers[(poll["id"], answer)] += 1
    return answers, counted


def wait_for_results(workshop, timeout=5.0):
    """The results snapshot is written off the key path, coalesced (decision 60): wait until it shows every ballot
    the journal holds."""
    deadline = time.monotonic() + timeout
    while True:
        held = sum(journal_ballots(workshop).values())
        _, counted = results_ballots(workshop)
        if counted == held:
            return
        if time.monotonic() > deadline:
            raise ProofFailure(f"the results file shows {counted} ballots {timeout} s later, the journal holds {held}")
        time.sleep(0.02)


def check_exactly_once(workshop, report):
    """Every acknowledged answer is in the journal and the results exactly once; an answer whose acknowledgement was
    cut off by a kill is there at most once; nothing else is there. Returns (in results, unknown recorded)."""
    wait_for_results(workshop)
    journal = journal_ballots(workshop)
    answers, counted = results_ballots(workshop)
    if counted != sum(journal.values()):
        raise ProofFailure(f"the results count {counted} ballots, the journal holds {sum(journal.values())}")
    acknowledged = {(poll, answer) for poll, answers_ in report["acknowledged"].items() for answer in answers_}
    unknown = {(poll, answer) for poll, answers_ in report.get("unknown", {}).items() for answer in answers_}
    for key in acknowledged:
        if journal[key] != 1 or answers[key] != 1:
            raise ProofFailure(f"acknowledged ballot {key}: {journal[key]} in the journal, {answers[key]} in the "
                               f"results (expected exactly 1)")
    for key, count in list(journal.items()) + list(answers.items()):
        if count > 1:
            raise ProofFailure(f"ballot {key} is recorded {count} times")
        if key not in acknowledged and key not in unknown:
            raise ProofFailure(f"ballot {key} is recorded but was never sent")
    recorded_unknown = sum(1 for key in unknown if journal[key] == 1)
    return sum(answers.values()), recorded_unknown
