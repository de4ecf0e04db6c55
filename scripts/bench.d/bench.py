"""Measures what one action costs Plenary, beside mdp and tpp, and how that cost grows with recorded ballots.

Run through scripts/bench, which installs mdp and tpp and builds the release binaries. Every program runs in the
same harness: a pseudo-terminal of 80x24 (TIOCSWINSZ), TERM=xterm-256color, LANG=C.UTF-8. A key's time is from
writing it to the last byte of output before a quiet gap (30 ms): the screen as settled. Keys are sent at least
60 ms before and 20 ms after a whole second of the wall clock, so Plenary's once-a-second clock redraw is never
counted as a key's answer. CPU time comes from
/proc/<pid>/task/*/schedstat (nanoseconds; /proc/<pid>/stat ticks are 10 ms, too coarse for idle figures), peak
RSS from VmHWM in /proc/<pid>/status.

Rounds are interleaved (Plenary, mdp, tpp, the fdatasync floor, in a rotating order) so that a busy moment of the
machine falls on all of them alike. Starts are measured again after the rounds, in trios close together (see
measure_starts). The scaling journals are written by plenary-bench-gen with Plenary's own
store, reducer and journal codec.
"""

import argparse
import contextlib
import json
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SESSION = os.path.join(REPOSITORY, "sessions", "widex-irm-hub-sevilla.yaml")
sys.path.insert(0, os.path.join(REPOSITORY, "scripts", "lib"))
import pty_spawn  # noqa: E402 (found through the path set just above)
COLUMNS, ROWS = 80, 24
QUIET_SECONDS = 0.030
# Seconds before and after a whole second of the wall clock in which no key is sent (see wait_out_clock_tick).
TICK_GUARD = (0.060, 0.020)
ENVIRONMENT = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
               "HOME": os.environ.get("HOME", "/")}
# xterm-256color's kcuf1 and kcub1: curses programs switch the keypad to application mode (smkx).
RIGHT, LEFT = b"\x1bOC", b"\x1bOD"


def wait_out_clock_tick():
    """Waits while the wall clock is within TICK_GUARD of a whole second.

    Plenary redraws its clock 5 ms after each whole second. A key sent 30 ms or less before that redraw would count
    the redraw as part of its own answer (the quiet gap would end after it): a 1 ms key measured as 25-30 ms, every
    thirtieth key, which is the clock's cost, not the key's (idle figures count the clock). Keys are therefore sent
    away from that moment, for every program alike (mdp and tpp have no clock and lose nothing by it).
    """
    before, after = TICK_GUARD
    phase = time.time() % 1.0
    if phase >= 1.0 - before:
        time.sleep(1.0 - phase + after)
    elif phase < after:
        time.sleep(after - phase)


class TimedOut(Exception):
    """A measurement ran past its limit; the table shows "> N s"."""


class PtyProgram:
    """One program on its own pseudo-terminal; everything it writes is read (and counted) as it comes."""

    def __init__(self, argv, cwd):
        self.started = time.monotonic()
        self.pid, self.fd = pty_spawn.spawn(argv, cwd, ENVIRONMENT, COLUMNS, ROWS)
        self.bytes_read = 0
        self.exited = False

    def _read_available(self, timeout):
        """Reads what arrives within `timeout` seconds; returns the byte count (0: nothing came) or None at EOF."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            self.exited = True
            return None
        self.bytes_read += len(data)
        return len(data)

    def settle(self, since, limit):
        """Waits for output, then for a quiet gap; returns (seconds from `since` to the last byte, bytes)."""
        deadline = since + limit
        count, last = 0, None
        while True:
            now = time.monotonic()
            if last is None:
                if now >= deadline:
                    raise TimedOut()
                wait = deadline - now
            else:
                wait = last + QUIET_SECONDS - now
                if wait <= 0:
                    return last - since, count
            got = self._read_available(min(wait, 0.5))
            if got is None:
                if last is None:
                    raise RuntimeError("the program exited before drawing")
                return last - since, count
            if got:
                count += got
                last = time.monotonic()

    def first_frame(self, limit):
        return self.settle(self.started, limit)

    def key(self, data, limit=10.0):
        """Sends `data`; returns (seconds to settled, bytes written in answer)."""
        wait_out_clock_tick()
        sent = time.monotonic()
        os.write(self.fd, data)
        return self.settle(sent, limit)

    def drain(self, seconds):
        """Reads for `seconds`; returns the bytes that came."""
        end = time.monotonic() + seconds
        count = 0
        while (left := end - time.monotonic()) > 0:
            got = self._read_available(left)
            if got is None:
                break
            count += got
        return count

    def cpu_seconds(self):
        total = 0
        try:
            for task in os.listdir(f"/proc/{self.pid}/task"):
                with open(f"/proc/{self.pid}/task/{task}/schedstat") as file:
                    total += int(file.read().split()[0])
        except OSError:
            pass
        return total / 1e9

    def idle(self, seconds):
        """(CPU ms per second, bytes per second) over `seconds` without input."""
        cpu = self.cpu_seconds()
        count = self.drain(seconds)
        return (self.cpu_seconds() - cpu) * 1000 / seconds, count / seconds

    def peak_rss_mb(self):
        with open(f"/proc/{self.pid}/status") as file:
            for line in file:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        """SIGTERM (every program here restores the terminal on it), SIGKILL after two seconds."""
        for sig, grace in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)):
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                break
            end = time.monotonic() + grace
            while time.monotonic() < end:
                self._read_available(0.05)
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    os.close(self.fd)
                    return
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


# --- the agenda as mdp and tpp slides ------------------------------------------------------------------------------

def agenda_slots(path):
    """{start, title, notes} of each agenda slot, by a line scan of the seed file's layout (no YAML package needed)."""
    slots, current = [], None
    with open(path, encoding="utf-8") as file:
        lines = file.read().splitlines()
    in_agenda, notes = False, None
    for line in lines:
        if line.startswith("agenda:"):
            in_agenda = True
            continue
        if in_agenda and line and not line.startswith(" "):
            break
        if not in_agenda:
            continue
        stripped = line.strip()
        if stripped.startswith("- id:"):
            current = {"start": "", "title": stripped[5:].strip(), "notes": []}
            slots.append(current)
            notes = None
        elif current is not None and stripped.startswith("start:"):
            current["start"] = stripped[6:].strip().strip('"')
        elif current is not None and stripped.startswith("title:"):
            current["title"] = stripped[6:].strip().strip('"')
        elif current is not None and stripped.startswith("notes:"):
            rest = stripped[6:].strip()
            notes = [] if rest in (">", "|") else None
            if notes is None:
                current["notes"].append(rest)
        elif notes is not None and line.startswith("      ") and stripped:
            current["notes"].append(stripped)
        elif stripped and not line.startswith("      "):
            notes = None
    return slots


def write_decks(folder):
    """The Sevilla agenda as a markdown deck (mdp) and a .tpp file: one slide per slot, its time, title and notes."""
    slots = agenda_slots(SESSION)
    markdown = ["%title: From S3 Benchmarking to Cluster-Led Action", "%author: WIDEX & IRM-HUB", ""]
    tpp = ["--title From S3 Benchmarking to Cluster-Led Action", "--author WIDEX & IRM-HUB", ""]
    for index, slot in enumerate(slots):
        text = " ".join(slot["notes"])
        if index:
            markdown.append("-------------------------------------------------")
        markdown += [f"# {slot['start']} {slot['title']}", "", text, ""]
        tpp += [f"--newpage slot{index}", f"--heading {slot['start']} {slot['title']}", "", text, ""]
    md_path, tpp_path = os.path.join(folder, "sevilla.md"), os.path.join(folder, "sevilla.tpp")
    with open(md_path, "w", encoding="utf-8") as file:
        file.write("\n".join(markdown) + "\n")
    with open(tpp_path, "w", encoding="utf-8") as file:
        file.write("\n".join(tpp) + "\n")
    return md_path, tpp_path, len(slots)


# --- figures -------------------------------------------------------------------------------------------------------

def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def median(values):
    return statistics.median(values) if values else float("nan")


def ms(seconds):
    """Milliseconds, two decimals below 0.1 s; seconds from 10 s on."""
    if seconds != seconds:
        return "—"
    if seconds >= 10:
        return f"{seconds:.1f} s"
    return f"{seconds * 1000:.2f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def ratio(a, b):
    return "—" if a != a or b != b or b == 0 else f"×{a / b:.1f}"


class Samples:
    """Named lists of figures for one program."""

    def __init__(self):
        self.values = {}

    def add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def extend(self, name, values):
        self.values.setdefault(name, []).extend(values)

    def __getitem__(self, name):
        return self.values.get(name, [])


# --- the side-by-side run ------------------------------------------------------------------------------------------

class Plenary:
    def __init__(self, executable, generator, scratch):
        self.executable, self.generator = os.path.abspath(executable), os.path.abspath(generator)
        self.scratch = scratch
        self.counter = 0

    def workshop(self, ballots=0, kind="single"):
        """A fresh folder with the Sevilla session and a journal of `ballots` ballots written by the generator."""
        self.counter += 1
        folder = os.path.join(self.scratch, f"plenary-{self.counter}")
        os.mkdir(folder)
        session = os.path.join(folder, "sevilla.yaml")
        shutil.copyfile(SESSION, session)
        results = os.path.join(folder, "sevilla.results.json")
        subprocess.run([self.generator, session, results, "--ballots", str(ballots), "--type", kind],
                       check=True, stdout=subprocess.DEVNULL)
        return folder, session, results

    def start(self, folder, session):
        return PtyProgram([self.executable, "run", session], folder)

    @contextlib.contextmanager
    def started_copy(self, template_folder, template_session):
        """Plenary started on a fresh copy of a workshop folder; stopped and the copy removed afterwards."""
        folder = os.path.join(self.scratch, f"copy-{time.monotonic_ns()}")
        shutil.copytree(template_folder, folder)
        program = self.start(folder, os.path.join(folder, os.path.basename(template_session)))
        try:
            yield program
        finally:
            program.stop()
            shutil.rmtree(folder, ignore_errors=True)


def fdatasync_floor(folder, count, pause):
    """Seconds per append of a 200-byte record + fdatasync, on the disk the workshops are on, each after `pause` s.

    A durable key's sync comes after at least a quiet gap (QUIET_SECONDS) since the one before; measured so, the
    floor is its physical limit. Back to back (pause 0) a virtual disk's sync is two to three times faster than after
    30 ms idle (0.14 against 0.40 ms here): a floor no key can reach, printed for reference only.
    """
    path = os.path.join(folder, "floor.jsonl")
    record = b"x" * 199 + b"\n"
    times = []
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for _ in range(count):
            if pause:
                time.sleep(pause)
            started = time.monotonic()
            os.write(descriptor, record)
            os.fdatasync(descriptor)
            times.append(time.monotonic() - started)
    finally:
        os.close(descriptor)
        os.unlink(path)
    return times


def compare(plenary, md_path, tpp_path, rounds, steps, idle_seconds, scratch):
    figures = {name: Samples() for name in ("plenary", "mdp", "tpp", "floor")}
    template_folder, template_session, _ = plenary.workshop(0)
    mdp, tpp = shutil.which("mdp"), shutil.which("tpp")
    # mdp -f: no colour fade-in, which would otherwise spend ~400 ms animating the first frame.

    decks = {"mdp": [mdp, "-f", md_path], "tpp": [tpp, tpp_path]}

    def run_plenary():
        with plenary.started_copy(template_folder, template_session) as program:
            measure_presenter(program, figures["plenary"], b"n", b"p", steps, idle_seconds)
            for index in range(steps):
                seconds, _ = program.key(b"+" if index % 2 == 0 else b"-")
                figures["plenary"].add("durable", seconds)
            figures["plenary"].add("rss", program.peak_rss_mb())

    def run_deck(name):
        program = PtyProgram(decks[name], scratch)
        try:
            measure_presenter(program, figures[name], RIGHT, LEFT, steps, idle_seconds)
            figures[name].add("rss", program.peak_rss_mb())
        finally:
            program.stop()

    runs = [run_plenary, lambda: run_deck("mdp"), lambda: run_deck("tpp"),
            lambda: figures["floor"].extend("durable", fdatasync_floor(scratch, steps, QUIET_SECONDS)),
            lambda: figures["floor"].extend("back-to-back", fdatasync_floor(scratch, 100, 0))]
    for round_index in range(rounds):
        for offset in range(len(runs)):
            runs[(round_index + offset) % len(runs)]()
        print(f"bench: side by side, round {round_index + 1} of {rounds} done", file=sys.stderr, flush=True)
    measure_starts(plenary, template_folder, template_session, decks, rounds * START_TRIOS_PER_ROUND, figures, scratch)
    return figures


# Starts measured in trios (Plenary, mdp, tpp in a rotating order, START_PAUSE apart) on top of the one start per
# round: ten starts a few seconds apart gave a median that moved by a millisecond from run to run on a shared
# virtual machine, whose busy spells fell on one program's start and not the other's.
START_TRIOS_PER_ROUND = 3
START_PAUSE = 0.3


def measure_starts(plenary, template_folder, template_session, decks, trios, figures, scratch):
    """`trios` x (start, first frame, SIGTERM) of Plenary and each deck program, close together, into
    figures[...]["start-trio"]; Plenary's start over mdp's within each trio into figures["plenary"]["start-trio-ratio"]."""

    def first_frame(program):
        seconds, _ = program.first_frame(30.0)
        return seconds

    def start_plenary():
        with plenary.started_copy(template_folder, template_session) as program:
            return first_frame(program)

    def start_deck(name):
        program = PtyProgram(decks[name], scratch)
        try:
            return first_frame(program)
        finally:
            program.stop()

    starts = [("plenary", start_plenary)] + [(name, lambda name=name: start_deck(name)) for name in decks]
    for trio in range(trios):
        seconds = {}
        for offset in range(len(starts)):
            name, start = starts[(trio + offset) % len(starts)]
            seconds[name] = start()
            figures[name].add("start-trio", seconds[name])
            time.sleep(START_PAUSE)
        figures["plenary"].add("start-trio-ratio", seconds["plenary"] / seconds["mdp"])
    print(f"bench: {trios} start trios done", file=sys.stderr, flush=True)


def measure_presenter(program, samples, forward, back, steps, idle_seconds):
    """First frame, `steps` alternating forward/back keys, then idle; into `samples`."""
    seconds, _ = program.first_frame(30.0)
    samples.add("start", seconds)
    program.drain(0.3)
    for index in range(steps):
        seconds, count = program.key(forward if index % 2 == 0 else back)
        samples.add("step", seconds)
        samples.add("step-bytes", count)
    program.drain(0.2)
    cpu, rate = program.idle(idle_seconds)
    samples.add("idle-cpu", cpu)
    samples.add("idle-bytes", rate)


def print_comparison(figures, rounds, steps):
    plenary, mdp, tpp, floor = (figures[name] for name in ("plenary", "mdp", "tpp", "floor"))
    print(f"\nSide by side: Sevilla agenda, {COLUMNS}x{ROWS} pty, TERM=xterm-256color, {rounds} interleaved rounds, "
          f"{steps} keys each (median of all; p99 over all keys; no key sent within 60 ms before a clock tick)")
    header = f"{'measure':<34}{'plenary':>12}{'mdp':>12}{'tpp':>12}{'pl/mdp':>9}{'pl/tpp':>9}"
    print(header)
    print("-" * len(header))

    def row(label, key, fn, formatter):
        values = [fn(program[key]) for program in (plenary, mdp, tpp)]
        print(f"{label:<34}" + "".join(f"{formatter(v):>12}" for v in values)
              + f"{ratio(values[0], values[1]):>9}{ratio(values[0], values[2]):>9}")

    trios = len(plenary["start-trio"])
    row(f"start -> first frame (p50 of {trios})", "start-trio", median, ms)
    row("  one per round, after idle (p50)", "start", median, ms)
    row("step -> settled p50 (n / ->)", "step", median, ms)
    row("step -> settled p99", "step", lambda v: percentile(v, 0.99), ms)
    row("bytes written per step (p50)", "step-bytes", median, lambda v: f"{v:.0f} B")
    row("idle CPU (ms per s)", "idle-cpu", median, lambda v: f"{v:.2f}")
    row("idle output (bytes per s)", "idle-bytes", median, lambda v: f"{v:.0f}")
    row("peak RSS (VmHWM)", "rss", max, lambda v: f"{v:.1f} MB")
    trio_ratios = plenary["start-trio-ratio"]
    print(f"\nStart in trios ({trios}, {START_PAUSE * 1000:.0f} ms apart, rotating order): plenary over mdp within each "
          f"trio p50 ×{median(trio_ratios):.2f} (p25 ×{percentile(trio_ratios, 0.25):.2f}, "
          f"p75 ×{percentile(trio_ratios, 0.75):.2f}); plenary p25/p75 {ms(percentile(plenary['start-trio'], 0.25))}/"
          f"{ms(percentile(plenary['start-trio'], 0.75))}, mdp {ms(percentile(mdp['start-trio'], 0.25))}/"
          f"{ms(percentile(mdp['start-trio'], 0.75))}")
    durable, sync = median(plenary["durable"]), median(floor["durable"])
    limit = sync + median(mdp["step"])
    print(f"\nDurable action (`+`/`-` key -> settled) against the disk's append+fdatasync floor (200 B, same folder, "
          f"one every {QUIET_SECONDS * 1000:.0f} ms as keys come):")
    print(f"  plenary `+` p50 {ms(durable)}, p99 {ms(percentile(plenary['durable'], 0.99))}; "
          f"fdatasync floor p50 {ms(sync)}, p99 {ms(percentile(floor['durable'], 0.99))} "
          f"(back to back: p50 {ms(median(floor['back-to-back']))})")
    print(f"  limit = floor + mdp step = {ms(limit)}: plenary {ratio(durable, limit)} that limit, "
          f"{ratio(durable, sync)} the bare floor")


# --- scaling -------------------------------------------------------------------------------------------------------

def timed_command(argv, cwd, limit):
    """Seconds `argv` took (output discarded); TimedOut past `limit`."""
    started = time.monotonic()
    try:
        subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=limit)
    except subprocess.TimeoutExpired:
        raise TimedOut()
    return time.monotonic() - started


def recorded_ballots(results_path, poll_id):
    """The poll's ballot count in the results file: what replay and the typed ballots really recorded."""
    try:
        with open(results_path, "rb") as file:
            polls = json.load(file)["polls"]
        return sum(r["ballotCount"] for p in polls if p["id"] == poll_id for r in p["rounds"])
    except (OSError, ValueError, KeyError):
        return None


def scale_one(plenary, size, kind, keys, idle_seconds, limit):
    """One resumed workshop of `size` ballots of `kind`: the figures of a scaling row (TimedOut where timed out)."""
    folder, session, results = plenary.workshop(size, kind)
    try:
        row = measure_resumed(plenary, folder, session, results, size, kind, keys, idle_seconds, limit)
        if not isinstance(row["resume"], TimedOut):
            for name, argv in (("report", [plenary.executable, "report", results]),
                               ("export", [plenary.executable, "export", results, "--csv", os.path.join(folder, "csv")])):
                try:
                    row[name] = timed_command(argv, folder, limit)
                except TimedOut:
                    row[name] = TimedOut()
        return row
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure_resumed(plenary, folder, session, results, size, kind, keys, idle_seconds, limit):
    """Resume, idle on the poll screen (results hidden), `keys` ballots, `keys` more with the results shown, `keys`
    steps (n and p in turn), peak RSS."""
    journal = results.replace(".results.json", ".journal.jsonl")
    row = {"journal": os.path.getsize(journal)}
    poll_index = 1 if kind == "single" else 2  # value-chain-gap, or the ad-hoc poll after the session's two
    started = time.time()
    program = plenary.start(folder, session)
    try:
        try:
            row["resume"], _ = program.first_frame(limit)
        except TimedOut:
            row["resume"] = TimedOut()
            return row
        # After the first frame the results file catches up with the journal off the key path (decision 60), a
        # one-off write of the whole snapshot: waited for here, so that "idle" below is the steady state.
        shown = time.monotonic()
        while not (os.path.exists(results) and os.path.getmtime(results) >= started):
            if time.monotonic() - shown > limit:
                raise TimedOut()
            program.drain(0.02)
        print(f"bench: {size} {kind}: results file caught up {(time.monotonic() - shown) * 1000:.0f} ms after the first frame",
              file=sys.stderr)
        program.drain(0.3)
        program.key(b"P", limit)
        for _ in range(poll_index):
            program.key(b"j", limit)
        program.key(b"\r", limit)
        program.drain(0.3)
        row["idle"], _ = program.idle(idle_seconds)
        ballots = []
        for index in range(keys):
            program.key(b"b", limit)
            program.key(b"2" if kind == "single" else f"bench answer {index}".encode(), limit)
            seconds, _ = program.key(b"\r", limit)
            ballots.append(seconds)
        row["ballot"] = ballots
        # The same with the results shown ("r"): each ballot redraws the bars, or the first answers A-Z.
        program.key(b"r", limit)
        shown_ballots = []
        for index in range(keys):
            program.key(b"b", limit)
            program.key(b"3" if kind == "single" else f"shown answer {index}".encode(), limit)
            seconds, _ = program.key(b"\r", limit)
            shown_ballots.append(seconds)
        row["shown"] = shown_ballots
        row["results"] = os.path.getsize(results)
        program.key(b"\x1b", limit)
        program.drain(0.2)
        steps = []
        for index in range(keys):
            seconds, _ = program.key(b"n" if index % 2 == 0 else b"p", limit)
            steps.append(seconds)
        row["step"] = steps
        row["rss"] = program.peak_rss_mb()
    except TimedOut:
        row.setdefault("ballot", TimedOut())
        row.setdefault("shown", TimedOut())
        row.setdefault("step", TimedOut())
    finally:
        program.stop()
    recorded = recorded_ballots(results, "value-chain-gap" if kind == "single" else "bench-open")
    if isinstance(row.get("shown"), list) and recorded != size + 2 * keys:
        print(f"bench: warning: {size} {kind}: the results count {recorded} ballots, expected {size + 2 * keys}",
              file=sys.stderr)
    return row


def print_scaling(rows, limit, keys):
    print(f"\nScaling: Sevilla session resumed with N recorded ballots (journal by plenary-bench-gen), "
          f"{keys} keys each; limit {limit:g} s per measurement")
    header = (f"{'ballots':>8} {'type':<7}{'journal':>9}{'resume':>10}{'ballot p50':>11}{'p99':>9}{'step p50':>10}"
              f"{'p99':>9}{'shown p50':>10}{'idle ms/s':>10}{'RSS':>8}{'results':>9}{'report':>9}{'export':>9}")
    print(header)
    print("-" * len(header))

    def cell(value, formatter):
        if isinstance(value, TimedOut):
            return f"> {limit:g} s"
        if value is None:
            return "—"
        return formatter(value)

    def size(value):
        return f"{value / 1e6:.1f} MB" if value >= 1e6 else f"{value / 1e3:.0f} kB"

    for (count, kind), row in rows:
        ballot, step = row.get("ballot"), row.get("step")
        p50 = lambda v: ms(median(v))
        p99 = lambda v: ms(percentile(v, 0.99))
        print(f"{count:>8} {kind:<7}{cell(row.get('journal'), size):>9}{cell(row.get('resume'), ms):>10}"
              f"{cell(ballot, p50):>11}{cell(ballot, p99):>9}{cell(step, p50):>10}{cell(step, p99):>9}"
              f"{cell(row.get('shown'), p50):>10}"
              f"{cell(row.get('idle'), lambda v: f'{v:.2f}'):>10}{cell(row.get('rss'), lambda v: f'{v:.0f} MB'):>8}"
              f"{cell(row.get('results'), size):>9}{cell(row.get('report'), ms):>9}{cell(row.get('export'), ms):>9}")
    base = {kind: row for (count, kind), row in rows if count == 0}
    print("Ratios to the same type at 0 ballots (resume, ballot p50, step p50, RSS):")
    for (count, kind), row in rows:
        if count == 0 or kind not in base:
            continue
        parts = []
        for name, fn in (("resume", lambda v: v), ("ballot", median), ("step", median), ("rss", lambda v: v)):
            value, zero = row.get(name), base[kind].get(name)
            if isinstance(value, (TimedOut, type(None))) or isinstance(zero, (TimedOut, type(None))):
                parts.append(f"{name} —")
            else:
                parts.append(f"{name} {ratio(fn(value), fn(zero))}")
        print(f"  {count:>7} {kind:<7}" + ", ".join(parts))


def versions():
    """One line naming what was measured: this checkout's commit and the Debian packages' versions."""
    commit = subprocess.run(["git", "-C", REPOSITORY, "log", "-1", "--format=%h %cs"], capture_output=True,
                            text=True).stdout.strip()
    packages = []
    for package in ("mdp", "tpp"):
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True,
                                 text=True).stdout.strip()
        packages.append(f"{package} {version or '?'}")
    return f"plenary {commit or '?'} (release), " + ", ".join(packages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plenary", required=True, help="the release plenary binary")
    parser.add_argument("--generator", required=True, help="the release plenary-bench-gen binary")
    parser.add_argument("--rounds", type=int, help="interleaved side-by-side rounds (default 10; 3 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a smoke test: 3 rounds, scaling at 0 and 1k only")
    parser.add_argument("--sizes", help="scaling sizes, comma-separated (default 0,1000,10000,100000)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per measurement (default 120)")
    arguments = parser.parse_args()
    quick = arguments.quick
    rounds = arguments.rounds or (3 if quick else 10)
    sizes = [int(s) for s in arguments.sizes.split(",")] if arguments.sizes else ([0, 1000] if quick else [0, 1000, 10000, 100000])
    steps, keys, idle_seconds = (10, 5, 1.0) if quick else (20, 10, 3.0)

    scratch = tempfile.mkdtemp(prefix="plenary-bench-")
    try:
        md_path, tpp_path, slides = write_decks(scratch)
        plenary = Plenary(arguments.plenary, arguments.generator, scratch)
        print(f"bench: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; {slides} slides; scratch {scratch}",
              file=sys.stderr, flush=True)
        figures = compare(plenary, md_path, tpp_path, rounds, steps, idle_seconds, scratch)
        rows = []
        for count in sizes:
            for kind in ("single", "open"):
                started = time.monotonic()
                rows.append(((count, kind), scale_one(plenary, count, kind, keys, idle_seconds, arguments.timeout)))
                print(f"bench: scaling {count} {kind} done in {time.monotonic() - started:.0f} s",
                      file=sys.stderr, flush=True)
        print(versions())
        print_comparison(figures, rounds, steps)
        print_scaling(rows, arguments.timeout, keys)
        print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
