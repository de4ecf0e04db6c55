"""What every proof script needs: the built binary, a private tmux pane running it, and the workshop files.

Mirrors the Swift end-to-end harness (Tests/PlenaryEndToEndTests/Support/TmuxPane.swift): one tmux server per
pane in its own temporary folder, the program's pid and exit status recorded by a wrapper shell, screens read
with capture-pane and polled with a deadline. A proof fails by raising ProofFailure; each script's main() turns
that into a message and exit status 1.
"""

import fcntl
import json
import os
import shlex
import shutil
import signal
import subprocess
import struct
import sys
import tempfile
import termios
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
POLL_SECONDS = 0.02


class ProofFailure(Exception):
    """A property the proof checks did not hold (or its tools are missing)."""


def require_tool(name):
    """The tool's path; fails loudly when it is not installed (CI installs it, see .ci/run)."""
    path = shutil.which(name)
    if path is None:
        raise ProofFailure(f"{name} is not installed; scripts/test installs it (apt-get install {name})")
    return path


def plenary_executable():
    """The debug binary of this checkout: $PLENARY if set, else .build*/debug/plenary, newest first."""
    if os.environ.get("PLENARY"):
        return os.environ["PLENARY"]
    candidates = []
    for entry in os.listdir(REPOSITORY):
        path = os.path.join(REPOSITORY, entry, "debug", "plenary")
        if entry.startswith(".build") and os.access(path, os.X_OK):
            candidates.append(path)
    if not candidates:
        raise ProofFailure("no built plenary found (.build*/debug/plenary); run `swift build` first or set PLENARY")
    return max(candidates, key=os.path.getmtime)


class Workshop:
    """A temporary folder holding a copy of a seed session; its journal and results land next to it."""

    def __init__(self, session_name="demo.yaml", folder=None):
        self.folder = folder or tempfile.mkdtemp(prefix="plenary-proof-")
        self.session = os.path.join(self.folder, session_name)
        shutil.copyfile(os.path.join(REPOSITORY, "sessions", session_name), self.session)
        stem = session_name.rsplit(".", 1)[0]
        self.journal = os.path.join(self.folder, stem + ".journal.jsonl")
        self.results = os.path.join(self.folder, stem + ".results.json")

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def results_json(self):
        """The results file parsed; fails when it is missing or not valid JSON (it must be, at every moment)."""
        try:
            with open(self.results, "rb") as file:
                return json.loads(file.read())
        except (OSError, ValueError) as error:
            raise ProofFailure(f"results file {self.results} does not parse: {error}")

    def journal_records(self):
        """The journal's intact records (checksum verified here, independently of the product's reader)."""
        return read_journal(self.journal)

    def litter(self):
        """Temporary files a killed snapshot write left behind."""
        return [name for name in os.listdir(self.folder) if ".tmp-" in name]


# CRC-32C (Castagnoli), reflected polynomial 0x82F63B78: the checksum the journal uses.
_CRC_TABLE = []
for _byte in range(256):
    _value = _byte
    for _ in range(8):
        _value = (_value >> 1) ^ 0x82F63B78 if _value & 1 else _value >> 1
    _CRC_TABLE.append(_value)


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc = _CRC_TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def read_journal(path):
    """Records of complete lines whose crc and len match; a torn last line is ignored, damage earlier fails."""
    with open(path, "rb") as file:
        data = file.read()
    lines = data.split(b"\n")
    complete, tail = lines[:-1], lines[-1]
    records = []
    for number, line in enumerate(complete, start=1):
        prefix = b'{"crc":"'
        try:
            crc = int(line[len(prefix):len(prefix) + 8], 16)
            length_start = line.index(b'"len":') + 6
            length_end = line.index(b",", length_start)
            length = int(line[length_start:length_end])
            body_start = line.index(b'"record":') + 9
        except ValueError:
            body_start, length, crc = 0, -1, -1
        body = line[body_start:body_start + length]
        intact = line.startswith(prefix) and len(body) == length and line[body_start + length:] == b"}" \
            and crc32c(body) == crc
        if not intact:
            if number == len(complete) and tail == b"":
                break  # a damaged last record: the product cuts it off, never acknowledged
            raise ProofFailure(f"{path}: line {number} is damaged but is not the last record")
        records.append(json.loads(body))
    return records


class Pane:
    """One program in a private tmux server, like the Swift TmuxPane."""

    def __init__(self, command, columns=100, rows=30, environment=None, cwd=None, wrapper=None):
        """`wrapper` (e.g. ["strace", "-o", log]) runs in front of the program, after the pid is recorded."""
        self.tmux = require_tool("tmux")
        self.directory = tempfile.mkdtemp(prefix="plenary-pane-", dir="/tmp")
        self.closed = False
        variables = {"LANG": "C.UTF-8", "TERM": "tmux-256color"}
        variables.update(environment or {})
        unset = [name for name in ("LC_ALL", "LC_CTYPE", "NO_COLOR", "TMUX", "TMUX_PANE") if name not in variables]
        program = ["exec", "env"] + sum((["-u", name] for name in unset), []) \
            + [f"{key}={value}" for key, value in sorted(variables.items())] + (wrapper or []) + list(command)
        inner = f"echo $$ > {shlex.quote(self.directory + '/pid')} && {shlex.join(program)}"
        pane_command = (f"trap : INT QUIT; /bin/sh -c {shlex.quote(inner)}; s=$?; echo EXIT:$s; "
                        f"echo $s > {shlex.quote(self.directory + '/exit-status')}; sleep 600")
        config = os.path.join(self.directory, "tmux.conf")
        with open(config, "w") as file:
            file.write("set -g status off\nset -g history-limit 0\nset -g remain-on-exit off\nset -s escape-time 0\n")
        started = subprocess.run(
            [self.tmux, "-u", "-S", self.socket, "-f", config, "new-session", "-d", "-s", "t",
             "-x", str(columns), "-y", str(rows), "-c", cwd or self.directory, pane_command,
             ";", "set-option", "-g", "window-size", "manual"],
            env=self._tmux_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if started.returncode != 0:
            self.close()
            raise ProofFailure(f"tmux new-session failed: {started.stderr}")

    @property
    def socket(self):
        return os.path.join(self.directory, "sock")

    @staticmethod
    def _tmux_environment():
        environment = dict(os.environ)
        for name in ("TMUX", "TMUX_PANE"):
            environment.pop(name, None)
        environment.update({"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "SHELL": "/bin/sh"})
        return environment

    def tmux_command(self, *arguments):
        result = subprocess.run([self.tmux, "-u", "-S", self.socket] + list(arguments),
                                env=self._tmux_environment(), capture_output=True, text=True, timeout=10)
        if result.returncode != 0:
            raise ProofFailure(f"tmux {' '.join(arguments)} failed: {result.stderr.strip()}")
        return result.stdout

    def capture(self):
        return self.tmux_command("capture-pane", "-p", "-t", "t")

    def wait_for(self, expected, timeout=10.0, description=None):
        """Polls until the screen contains `expected` (a string) or `expected(screen)` is true; returns the screen."""
        check = expected if callable(expected) else (lambda screen: expected in screen)
        deadline = time.monotonic() + timeout
        while True:
            screen = self.capture()
            if check(screen):
                return screen
            if time.monotonic() >= deadline:
                what = description or (f'"{expected}"' if isinstance(expected, str) else "a condition")
                raise ProofFailure(f"timed out after {timeout} s waiting for {what}; last screen:\n{framed(screen)}")
            time.sleep(POLL_SECONDS)

    def wait_for_settled(self, expected, timeout=10.0, description=None):
        """Like wait_for, then until two captures 40 ms apart agree: tmux may show a frame half drawn (rows are
        written top to bottom), and a check of the status line must see the whole frame."""
        screen = self.wait_for(expected, timeout, description)
        while True:
            time.sleep(0.04)
            again = self.capture()
            if again == screen:
                return screen
            screen = again

    def send_text(self, text):
        self.tmux_command("send-keys", "-t", "t", "-l", "--", text)

    def send_keys(self, *keys):
        self.tmux_command("send-keys", "-t", "t", *keys)
        if keys and keys[-1] == "Escape":
            self.let_escape_stand_alone()

    def let_escape_stand_alone(self):
        """A key reaching Plenary within its Esc delay (25 ms) after an Esc is Alt plus that key, as in any
        terminal program; a person's next key comes much later. So wait until the program has read the Esc
        (the pane terminal's input queue is empty), then longer than that delay."""
        time.sleep(0.03)
        tty = self.display("#{pane_tty}")
        descriptor = os.open(tty, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        try:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                unread = struct.unpack("i", fcntl.ioctl(descriptor, termios.FIONREAD, b"\0\0\0\0"))[0]
                if unread == 0:
                    break
                time.sleep(0.005)
        finally:
            os.close(descriptor)
        time.sleep(0.06)

    def resize(self, columns, rows):
        """Resizes and waits until tmux reports the size (back-to-back resizes are coalesced otherwise)."""
        self.tmux_command("resize-window", "-t", "t", "-x", str(columns), "-y", str(rows))
        expected = f"{columns}x{rows}"
        deadline = time.monotonic() + 5
        while self.display("#{pane_width}x#{pane_height}") != expected:
            if time.monotonic() >= deadline:
                raise ProofFailure(f"tmux did not resize the pane to {expected}")
            time.sleep(POLL_SECONDS)

    def display(self, format_string):
        return self.tmux_command("display-message", "-p", "-t", "t", format_string).strip()

    def program_pid(self, timeout=5.0):
        """The program's pid (the wrapper shell records its own and execs the program)."""
        deadline = time.monotonic() + timeout
        path = os.path.join(self.directory, "pid")
        while time.monotonic() < deadline:
            try:
                with open(path) as file:
                    text = file.read()
                if text.endswith("\n"):
                    return int(text)
            except OSError:
                pass
            time.sleep(POLL_SECONDS)
        raise ProofFailure("the program's pid was not recorded")

    def kill(self, signal_number):
        os.kill(self.program_pid(), signal_number)

    def traced_program_pid(self, timeout=5.0):
        """Under a wrapper such as strace, the program is the wrapper's child: its pid."""
        wrapper = self.program_pid()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with open(f"/proc/{wrapper}/task/{wrapper}/children") as file:
                    children = file.read().split()
                if children:
                    return int(children[0])
            except OSError:
                pass
            time.sleep(POLL_SECONDS)
        raise ProofFailure("the traced program's pid was not found")

    def exit_status(self):
        try:
            with open(os.path.join(self.directory, "exit-status")) as file:
                text = file.read()
            return int(text) if text.endswith("\n") else None
        except OSError:
            return None

    def wait_for_exit(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.exit_status()
            if status is not None:
                return status
            time.sleep(POLL_SECONDS)
        raise ProofFailure(f"the program did not exit within {timeout} s; last screen:\n{framed(self.capture())}")

    def show_poll(self, position):
        """From the agenda to the poll at `position` in the poll list (P, Home, Down…, Enter); returns that screen."""
        self.send_text("P")
        self.wait_for("Polls ")
        self.send_keys("Home", *["Down"] * position, "Enter")
        return self.wait_for("POLL ·")

    def quit_plenary(self):
        """q, then y at the confirmation; returns the exit status."""
        self.send_text("q")
        self.wait_for("Quit Plenary?")
        self.send_text("y")
        return self.wait_for_exit()

    def close(self):
        if self.closed:
            return
        self.closed = True
        subprocess.run([self.tmux, "-S", self.socket, "kill-server"], env=self._tmux_environment(),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.directory, ignore_errors=True)


def pin_hash(plenary, pin):
    """The `voter_pin` hash `plenary pin` prints for `pin`, for --pin-hash."""
    result = subprocess.run([plenary, "pin"], input=pin + "\n", capture_output=True, text=True)
    line = result.stdout.strip()
    if result.returncode != 0 or not line.startswith('voter_pin: "'):
        raise ProofFailure(f"plenary pin failed: {result.stderr}")
    return line[len('voter_pin: "'):-1]


def framed(screen):
    lines = screen.split("\n")
    return "  +" + "-" * 40 + "\n" + "\n".join(f"{n:2d}|{line}" for n, line in enumerate(lines)) + "\n  +" + "-" * 40


def figures(name, **values):
    """The machine-readable summary line scripts/prove collects: `FIGURES name key=value ...`."""
    print(f"FIGURES {name} " + " ".join(f"{key}={value}" for key, value in values.items()), flush=True)


def run_proof(main):
    """Runs a proof's main(); a ProofFailure becomes a message and exit status 1."""
    started = time.monotonic()
    try:
        main()
    except ProofFailure as failure:
        print(f"PROOF FAILED: {failure}", file=sys.stderr, flush=True)
        sys.exit(1)
    print(f"took {time.monotonic() - started:.1f} s", flush=True)


def signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
