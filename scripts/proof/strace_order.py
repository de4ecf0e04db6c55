#!/usr/bin/env python3
"""strace ordering: the disk has a record before the screen says so, and snapshots follow the durable recipe.

Runs a scripted moderator session (start, open a poll, three ballots, two working-group entries made into a poll,
quit) under `strace -f -y -e trace=openat,read,write,fsync,fdatasync,rename,close` and reads the trace:

- Journal: opened O_APPEND, its folder fsynced when created. Every record write is followed by fdatasync of the
  journal before any write to the terminal, and nothing was written to the terminal between reading the key
  that caused the record and that fdatasync. Each "Ballot recorded: N" reaches the terminal after the
  fdatasync of the N-th ballot's record.
- Key path (decision 60): from reading a key to drawing its acknowledgement, the thread that journals it makes one
  sync call, the journal's fdatasync, and touches neither the results file nor its temp file: the snapshot is
  written by another thread, coalesced (fewer snapshots than recorded actions).
- Snapshot: every rename onto the results file is preceded by openat(temp, O_CREAT|O_EXCL), complete writes,
  fsync and close of that temp file, and followed (on the same thread) by openat(folder, O_DIRECTORY) and fsync of
  the folder; the record it reflects was fdatasynced before the temp file was opened.
- An action of several records (the poll made from the two entries: create and open): one write holding both,
  one fdatasync, and no snapshot before its acknowledgement is drawn.
- Group commit (decision 92): `plenary run --web` while 60 phones (web_load.py's clients) vote at once. Every
  journal write is followed by its fdatasync before the next journal write; some writes hold several phones' ballots
  (one sync for the group); and no "Recorded" page reaches a phone's socket before as many ballots as have been
  answered "Recorded" so far are fdatasynced.
"""

import os
import re

from harness import Pane, ProofFailure, Workshop, figures, plenary_executable, require_tool, run_proof
from host_room import POLLS, room_workshop, show_poll
from web_load import RECORDED, WebLoad, free_port, start_web_host

WEB_PHONES = 60

LINE = re.compile(r"^(\d+)\s+(\w+)\((.*)\)\s+=\s+(-?\d+)(.*)$")
FIRST_FD = re.compile(r"^(\d+)<([^>]*)>")


class Call:
    def __init__(self, index, name, arguments, result, pid):
        self.index, self.name, self.arguments, self.result, self.pid = index, name, arguments, result, pid
        match = FIRST_FD.match(arguments)
        self.fd_path = match.group(2) if match else None

    def string_argument(self, position=0):
        """The n-th quoted string argument, strace-escaped."""
        return re.findall(r'"((?:[^"\\]|\\.)*)"', self.arguments)[position]

    def __repr__(self):
        return f"#{self.index} {self.name}({self.arguments[:120]}) = {self.result}"


def parse_trace(path):
    """Completed system calls in order; `<unfinished ...>` halves are joined with their `resumed` halves."""
    calls, pending = [], {}
    with open(path, errors="replace") as file:
        for raw in file:
            raw = raw.rstrip("\n")
            pid = raw.split(" ", 1)[0]
            if raw.endswith("<unfinished ...>"):
                pending[pid] = raw[: -len("<unfinished ...>")].rstrip()
                continue
            resumed = re.match(r"^(\d+)\s+<\.\.\. \w+ resumed>(.*)$", raw)
            if resumed:
                raw = pending.pop(pid, "") + resumed.group(2)
            match = LINE.match(raw)
            if match:
                calls.append(Call(len(calls), match.group(2), match.group(3), int(match.group(4)), match.group(1)))
    return calls


def scripted_session(plenary, workshop, trace):
    pane = Pane([plenary, "run", workshop.session],
                wrapper=["strace", "-f", "-qq", "-y", "-s", "65536", "-e", "signal=none", "-o", trace,
                         "-e", "trace=openat,read,write,fsync,fdatasync,rename,close"])
    try:
        pane.wait_for("Press Space")
        pane.send_keys("Space")
        pane.wait_for("1 action recorded")
        pane.show_poll(0)
        pane.send_text("o")
        pane.wait_for("OPEN")
        for number, choice in enumerate(["2", "3", "1"], start=1):
            pane.send_text("b")
            pane.wait_for("ENTER A BALLOT")
            pane.send_keys(choice, "Enter")
            pane.wait_for(f"Ballot recorded: {number} in this round.")
        pane.send_keys("Escape")
        pane.wait_for("AGENDA")
        pane.send_text("w")
        pane.wait_for("Working groups")
        pane.send_keys("Enter")
        pane.wait_for("Add: 1")
        pane.send_text("1")
        pane.wait_for("ACTION CONCEPT")
        pane.send_text("traced note")
        pane.send_keys("Escape")
        pane.wait_for("[Action concept] traced note")
        # A poll made from two marked entries: one action that records two commands (create, open).
        pane.send_text("1")
        pane.wait_for("ACTION CONCEPT")
        pane.send_text("second note")
        pane.send_keys("Escape")
        pane.wait_for("[Action concept] second note")
        pane.send_text("s")
        pane.send_keys("Up")
        pane.send_text("s")
        pane.send_text("R")
        # The poll is proposed first (its question can be reworded); Enter makes and opens it.
        pane.wait_for("A ranking from 2 marked entries")
        pane.send_keys("Enter")
        pane.wait_for("Poll made from 2 entries and opened")
        # Esc on the poll goes back to the agenda.
        pane.send_keys("Escape")
        pane.wait_for_settled(lambda s: "Enter open" not in s and "AGENDA" in s, description="the agenda")
        if pane.quit_plenary() != 0:
            raise ProofFailure("the traced session did not quit cleanly")
    finally:
        pane.close()


def is_terminal(call):
    return call.fd_path is not None and call.fd_path.startswith("/dev/pts/")


def check_journal(calls, journal):
    """Returns (records checked, acknowledgements checked)."""
    opens = [c for c in calls if c.name == "openat" and f'"{journal}"' in c.arguments and "O_WRONLY" in c.arguments]
    if not opens or any("O_APPEND" not in c.arguments for c in opens):
        raise ProofFailure(f"the journal is not opened with O_APPEND: {opens}")
    folder = os.path.dirname(journal)
    creation = opens[0].index
    records = [c for c in calls if c.name == "write" and c.fd_path == journal]
    if not records:
        raise ProofFailure("nothing was written to the journal")
    # A new journal's header acknowledges nothing: it is written without waiting, the first frame is drawn, and
    # then the folder and the header are synced (decision 104), before the first key is read and before any
    # other record or results file.
    header = records[0]
    first_key = next((c for c in calls[header.index:] if c.name == "read" and is_terminal(c)), None)
    deadline = min(c.index for c in [first_key, *records[1:2]] if c is not None) if (first_key or records[1:]) else len(calls)
    if not any(c.name == "fsync" and c.fd_path == folder and creation < c.index < deadline for c in calls):
        raise ProofFailure("the folder is not fsynced after the journal is created, before its first key or record")
    header_sync = next((c for c in calls[header.index + 1:] if c.name == "fdatasync" and c.fd_path == journal), None)
    if header_sync is None or header_sync.result != 0 or header_sync.index > deadline:
        raise ProofFailure(f"the journal's header is not synced before the first key or record: {header_sync}")
    renames = [c for c in calls if c.name == "rename" and c.fd_path is None and "results" in c.arguments]
    if renames and renames[0].index < header_sync.index:
        raise ProofFailure(f"a results file was renamed into place before the journal's header was synced: {renames[0]}")

    synced_at = []
    for write in records[1:]:
        if write.result != int(write.arguments.rsplit(",", 1)[1]):
            raise ProofFailure(f"a short journal write: {write}")
        sync = next((c for c in calls[write.index + 1:] if c.name == "fdatasync" and c.fd_path == journal), None)
        if sync is None or sync.result != 0:
            raise ProofFailure(f"no successful fdatasync after journal write {write}")
        between = [c for c in calls[write.index + 1:sync.index]
                   if (c.name == "write" and (is_terminal(c) or c.fd_path == journal))]
        if between:
            raise ProofFailure(f"written before the journal record was synced: {between[0]}")
        key = next((c for c in reversed(calls[:write.index]) if c.name == "read" and is_terminal(c)), None)
        if key is not None:
            early = [c for c in calls[key.index + 1:write.index] if c.name == "write" and is_terminal(c)]
            if early:
                raise ProofFailure(f"the screen changed between reading the key and journaling it: {early[0]}")
        synced_at.append((write, sync))

    # ncurses writes only what changed, so the full words reach the terminal for the first ballot only; later
    # acknowledgements are the first terminal write after their record, which the loop above puts after fdatasync.
    ballots = [(w, s) for w, s in synced_at if r'\"cast\"' in w.arguments]
    if len(ballots) != 3:
        raise ProofFailure(f"expected 3 ballot records in the trace, found {len(ballots)}")
    first_write, first_sync = ballots[0]
    shown = next((c for c in calls if c.name == "write" and is_terminal(c) and "Ballot recorded: 1 in this round." in c.arguments), None)
    if shown is None or shown.index < first_sync.index:
        raise ProofFailure(f"'Ballot recorded: 1' was shown at {shown} before its fdatasync #{first_sync.index}")
    acknowledged = 0
    for write, sync in ballots:
        drawn = next((c for c in calls[write.index:] if c.name == "write" and is_terminal(c)), None)
        if drawn is None or drawn.index < sync.index:
            raise ProofFailure(f"ballot {write} was acknowledged before its fdatasync")
        acknowledged += 1
    return len(records), acknowledged, synced_at


def check_snapshots(calls, results, synced_records):
    folder = os.path.dirname(results)
    renames = [c for c in calls if c.name == "rename" and c.arguments.endswith(f'"{results}"')]
    if not renames:
        raise ProofFailure("no snapshot was renamed onto the results file")
    for rename in renames:
        if rename.result != 0:
            raise ProofFailure(f"a failed rename in a fault-free run: {rename}")
        temporary = rename.string_argument(0)
        opened = next((c for c in reversed(calls[:rename.index]) if c.name == "openat" and f'"{temporary}"' in c.arguments), None)
        if opened is None or "O_CREAT" not in opened.arguments or "O_EXCL" not in opened.arguments or opened.result < 0:
            raise ProofFailure(f"the temp file is not created with O_CREAT|O_EXCL before {rename}: {opened}")
        steps = [c for c in calls[opened.index + 1:rename.index] if c.fd_path == temporary]
        names = [c.name for c in steps]
        if not names or names[-2:] != ["fsync", "close"] or any(n != "write" for n in names[:-2]) or len(names) < 3:
            raise ProofFailure(f"temp file steps before the rename are {names}, expected write…, fsync, close")
        if any(c.result < 0 for c in steps):
            raise ProofFailure(f"a failing step in a fault-free run: {steps}")
        same_thread = [c for c in calls[rename.index + 1:] if c.pid == rename.pid][:3]
        after = [c for c in same_thread if c.fd_path == folder or f'"{folder}"' in c.arguments]
        if [c.name for c in after[:2]] != ["openat", "fsync"] or "O_DIRECTORY" not in after[0].arguments:
            raise ProofFailure(f"the folder is not opened and fsynced right after {rename}: {after}")
        # The record this snapshot reflects (the last journal write before it) was already synced.
        previous = [(w, s) for w, s in synced_records if w.index < opened.index]
        if previous and previous[-1][1].index > opened.index:
            raise ProofFailure(f"snapshot {temporary} started before the journal record was synced")
    return len(renames)


def check_multi_record_action(calls, journal, results):
    """The poll made from entries: its records (create, open, the marks cleared) in one journal write, one fdatasync, then one snapshot."""
    writes = [c for c in calls if c.name == "write" and c.fd_path == journal and r'\"actionEnd\"' in c.arguments]
    if len(writes) != 1 or writes[0].arguments.count(r'\"actionEnd\"') < 2:
        raise ProofFailure(f"expected one journal write holding the poll's records, found {writes}")
    write = writes[0]
    if r'\"create\"' not in write.arguments or r'\"open\"' not in write.arguments:
        raise ProofFailure(f"the poll's write does not hold both create and open: {write}")
    following = [c for c in calls[write.index + 1:] if c.fd_path == journal and c.name in ("write", "fdatasync")]
    if not following or following[0].name != "fdatasync" or following[0].result != 0:
        raise ProofFailure(f"the poll's write is not followed by one fdatasync: {following[:2]}")
    # Until its acknowledgement is drawn: no snapshot on the way.
    drawn = next((c.index for c in calls[following[0].index:] if c.name == "write" and is_terminal(c)), len(calls))
    snapshots = [c for c in calls[write.index:drawn] if c.pid == write.pid and c.name == "rename"
                 and c.arguments.endswith(f'"{results}"')]
    if snapshots:
        raise ProofFailure(f"the poll's action wrote the results before its acknowledgement: {snapshots}")
    return 1


def check_key_path(calls, journal, results, synced_records):
    """From each recorded key to its acknowledgement, the journaling thread syncs once (the journal) and leaves the
    results file to the writer thread. Returns (actions checked, threads that wrote snapshots)."""
    checked = 0
    for write, sync in synced_records:
        key = next((c for c in reversed(calls[:write.index]) if c.name == "read" and is_terminal(c)), None)
        if key is None:
            continue  # the journal's header and the records made at start-up: no key behind them
        drawn = next((c for c in calls[sync.index:] if c.name == "write" and is_terminal(c)), None)
        if drawn is None:
            raise ProofFailure(f"nothing drawn after the record {write}")
        span = [c for c in calls[key.index:drawn.index + 1] if c.pid == write.pid]
        syncs = [c for c in span if c.name in ("fsync", "fdatasync")]
        if [c.fd_path for c in syncs] != [journal]:
            raise ProofFailure(f"the key path of {write} syncs {[(c.name, c.fd_path) for c in syncs]}, expected only the journal")
        touched = [c for c in span if results in c.arguments]
        if touched:
            raise ProofFailure(f"the key path of {write} touches the results file: {touched[0]}")
        checked += 1
    writers = {c.pid for c in calls if c.name == "rename" and c.arguments.endswith(f'"{results}"')}
    if any(write.pid in writers for write, _ in synced_records):
        raise ProofFailure("the journaling thread also renames the results file (expected the writer thread only)")
    return checked, len(writers)


def web_group_commit(plenary):
    """Phones voting at once on a traced host: returns (ballots, journal writes holding them, the largest group)."""
    workshop = room_workshop()
    trace = os.path.join(workshop.folder, "strace-web.log")
    port = free_port()
    pane, code = start_web_host(workshop, port, wrapper=[
        "strace", "-f", "-qq", "-y", "-s", "65536", "-e", "signal=none", "-o", trace,
        "-e", "trace=write,writev,sendmsg,fdatasync"])
    try:
        show_poll(pane, 0)
        pane.send_text("o")
        pane.wait_for("OPEN")
        load = WebLoad(port, code, WEB_PHONES, POLLS[:1])
        load.wait_until(lambda: load.joined == WEB_PHONES, 60, f"{WEB_PHONES} phones joined")
        load.open(POLLS[0])
        load.wait_until(lambda: load.count(POLLS[0]) >= WEB_PHONES, 60, f"{WEB_PHONES} ballots")
        load.finish()
        pane.wait_for(f"{WEB_PHONES} ballots")
        pane.send_keys("Escape")
        pane.wait_for("AGENDA")
        if pane.quit_plenary() != 0:
            raise ProofFailure("the traced web host did not quit cleanly")
    finally:
        pane.close()
    calls = parse_trace(trace)
    journal = workshop.journal
    workshop.remove()
    unsynced, synced, answered, groups = 0, 0, 0, []
    for call in calls:
        if call.name == "write" and call.fd_path == journal:
            if unsynced:
                raise ProofFailure(f"journal write {call} before the previous one was fdatasynced")
            ballots = call.arguments.count('\\"cast\\"')
            unsynced = ballots or -1
            if ballots:
                groups.append(ballots)
        elif call.name == "fdatasync" and call.fd_path == journal and call.result == 0:
            synced += max(unsynced, 0)
            unsynced = 0
        elif call.name in ("write", "writev", "sendmsg") and RECORDED.decode() in call.arguments:
            answered += 1
            if answered > synced:
                raise ProofFailure(f"'Recorded' page #{answered} sent at {call} with only {synced} ballots fdatasynced")
    if answered != WEB_PHONES or sum(groups) != WEB_PHONES:
        raise ProofFailure(f"{answered} 'Recorded' pages and {sum(groups)} ballots in the journal for {WEB_PHONES} phones")
    if max(groups) < 2:
        raise ProofFailure(f"no journal write held more than one ballot ({len(groups)} writes): no group commit seen")
    return sum(groups), len(groups), max(groups)


def main():
    require_tool("strace")
    plenary = plenary_executable()
    workshop = Workshop("demo.yaml")
    trace = os.path.join(workshop.folder, "strace.log")
    scripted_session(plenary, workshop, trace)
    calls = parse_trace(trace)
    records, acknowledged, synced = check_journal(calls, workshop.journal)
    snapshots = check_snapshots(calls, workshop.results, synced)
    multi = check_multi_record_action(calls, workshop.journal, workshop.results)
    keyed, writer_threads = check_key_path(calls, workshop.journal, workshop.results, synced)
    if snapshots >= keyed:
        raise ProofFailure(f"{snapshots} snapshots for {keyed} recorded keys: the writes are not coalesced")
    print(f"checked {len(calls)} traced system calls:")
    print(f"  {records} journal writes (header included): each fdatasynced before any terminal write, "
          f"nothing drawn between the key and its record")
    print(f"  {acknowledged} 'Ballot recorded' acknowledgements written after their record's fdatasync")
    print(f"  {keyed} recorded keys: one sync (the journal's fdatasync) between the key and its acknowledgement, "
          f"no results file on that thread")
    print(f"  {snapshots} snapshot writes for those {keyed} keys, on {writer_threads} writer thread(s): "
          f"openat(O_CREAT|O_EXCL) → write → fsync → close → rename → fsync(folder)")
    print(f"  {multi} action of two records (a poll made from entries): one write, one fdatasync, no snapshot before it is shown")
    workshop.remove()
    web_ballots, web_writes, largest = web_group_commit(plenary)
    print(f"  {web_ballots} phones' ballots in {web_writes} journal writes (up to {largest} in one), each write "
          f"fdatasynced before the next; no 'Recorded' page sent before its ballot's fdatasync")
    figures("strace-order", syscalls=len(calls), journal_records=records, acknowledgements=acknowledged,
            snapshots=snapshots, multi_record_actions=multi, keyed_actions=keyed, web_ballots=web_ballots,
            web_writes=web_writes, web_largest_group=largest)


if __name__ == "__main__":
    run_proof(main)
