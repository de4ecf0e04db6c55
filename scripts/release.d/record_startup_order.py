"""Records which functions of the plenary binary a moderator's run executes, for the release link's order.

Run through scripts/release.d/record-startup-order. It runs the given plenary under callgrind on a pseudo-terminal
(80x24), twice on one copy of the Sevilla session: a fresh start that steps through the agenda, nudges the clock,
opens a poll and votes, then quits; and a resume of that journal that steps and quits. Callgrind names every
function that ran; those of the plenary binary itself, one per line and sorted, are the symbol ordering file that
`lld --symbol-ordering-file` places first in `.text` (docs/DECISIONS.md, decision 100).
"""

import argparse
import os
import re
import select
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))
import pty_spawn  # noqa: E402 (found through the path set just above)

COLUMNS, ROWS = 80, 24
ENVIRONMENT = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
               "HOME": os.environ.get("HOME", "/")}
# Under callgrind a frame takes a few hundred milliseconds; the screen counts as settled after this much quiet.
QUIET_SECONDS = 0.8
RIGHT, LEFT = b"\x1bOC", b"\x1bOD"
FRESH_KEYS = [b"n", b"n", b"n", b"p", b"p", b"p", RIGHT, LEFT, b"+", b"-", b"+", b"-",
              b"P", b"j", b"\r", b"b", b"2", b"\r", b"r", b"b", b"3", b"\r", b"\x1b", b"n", b"p", b"q", b"y"]
RESUME_KEYS = [b"n", b"p", b"+", b"-", b"q", b"y"]


def settle(fd, limit):
    """Reads until output has come and then stopped for QUIET_SECONDS; False at end of file."""
    deadline = time.monotonic() + limit
    seen = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], QUIET_SECONDS)
        if not ready:
            if seen:
                return True
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            return False
        seen = True
    raise SystemExit(f"record-startup-order: plenary did not settle within {limit} s")


def run_under_callgrind(plenary, folder, keys, output, limit):
    argv = [shutil.which("valgrind") or "/usr/bin/valgrind", "--tool=callgrind", "--demangle=no", "--dump-instr=no",
            f"--callgrind-out-file={output}", plenary, "run", "sevilla.yaml"]
    pid, fd = pty_spawn.spawn(argv, folder, ENVIRONMENT, COLUMNS, ROWS)
    try:
        settle(fd, limit)
        for key in keys:
            os.write(fd, key)
            if not settle(fd, limit):
                break
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                if os.waitstatus_to_exitcode(status) != 0:
                    raise SystemExit(f"record-startup-order: plenary under callgrind exited with {status}")
                return
            settle_quietly(fd)
        raise SystemExit("record-startup-order: plenary did not quit")
    finally:
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)


def settle_quietly(fd):
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            os.read(fd, 65536)
        except OSError:
            pass


def executed_functions(callgrind_output, binary_name):
    """Names of the functions with a cost, in objects whose file name is `binary_name`."""
    objects, functions, names = {}, {}, set()
    current_object = None
    pattern = re.compile(r"^(ob|fn|cob|cfn)=\((\d+)\)(?: (.*))?$")
    with open(callgrind_output, encoding="utf-8", errors="replace") as file:
        for line in file:
            match = pattern.match(line.rstrip("\n"))
            if not match:
                continue
            kind, number, name = match.groups()
            table = objects if kind in ("ob", "cob") else functions
            if name is not None:
                table[number] = name
            if kind == "ob":
                current_object = objects[number]
            elif kind == "fn" and os.path.basename(current_object or "") == binary_name:
                function = functions[number]
                if not function.startswith("0x") and not function.startswith("("):
                    names.add(function)
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plenary", required=True, help="a release plenary without debug info (valgrind 3.19 reads no DWARF 5)")
    parser.add_argument("--session", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--timeout", type=float, default=120.0)
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="plenary-order-")
    try:
        shutil.copyfile(arguments.session, os.path.join(folder, "sevilla.yaml"))
        names = set()
        for index, keys in enumerate([FRESH_KEYS, RESUME_KEYS]):
            output = os.path.join(folder, f"callgrind.{index}.out")
            run_under_callgrind(os.path.abspath(arguments.plenary), folder, keys, output, arguments.timeout)
            found = executed_functions(output, os.path.basename(arguments.plenary))
            print(f"record-startup-order: run {index + 1}: {len(found)} functions", file=sys.stderr)
            names |= found
        if len(names) < 1000:
            raise SystemExit(f"record-startup-order: only {len(names)} functions recorded; is the binary stripped of symbols?")
        with open(arguments.output, "w", encoding="utf-8") as file:
            file.write("".join(name + "\n" for name in sorted(names)))
        print(f"record-startup-order: {len(names)} functions written to {arguments.output}", file=sys.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
