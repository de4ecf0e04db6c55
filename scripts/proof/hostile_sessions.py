#!/usr/bin/env python3
"""Hostile session files through the real `plenary validate`: a clear FILE:LINE:COL error or a clean refusal.

Each file is made here (nothing large is kept in the repository). For each: the exit status is 1 (never a
signal, never a hang: 60 s and it is killed and failed), every error line is `FILE:LINE:COL: …`, and the
expected words are in it. A valid file with a byte-order mark, and a 3.4 MB one with 70,000 slots, must pass
(linear work, no limit hit). Times are printed, not asserted.
"""

import os
import re
import shutil
import subprocess
import tempfile
import time

from harness import ProofFailure, figures, plenary_executable, run_proof

VALID = "plenary: 1\ntitle: T\nagenda:\n  - {title: A, duration: 5}\n"
SLOT = "  - {title: A slot among very many, duration: 5}\n"


def cases(folder):
    """(name, file contents or a path maker, expected exit status, expected words, expected line:col or None)."""
    nested_flow = "plenary: 1\ntitle: T\nagenda: " + "[" * 10_000 + "]" * 10_000 + "\n"
    nested_block = "plenary: 1\ntitle: T\nagenda:\n  " + "- " * 10_000 + "x\n"
    laughs = "plenary: 1\ntitle: T\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"lol{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 10)) + "agenda: *a9\n"

    def fifo():
        path = os.path.join(folder, "fifo.yaml")
        os.mkfifo(path)
        return path

    return [
        ("trailing garbage", VALID + "]\n", 1, "syntax error", "5:1"),
        ("a second document", VALID + "---\nplenary: 1\n", 1, "second document", "5:1"),
        ("byte-order mark (valid)", "\ufeff" + VALID, 0, "ok (1 slot", None),
        ("UTF-16", b"\xff\xfe" + VALID.encode("utf-16-le"), 1, "UTF-16", "1:1"),
        ("invalid UTF-8", b"plenary: 1\ntitle: Caf\xe9\n", 1, "not valid UTF-8 text (byte 0xE9)", "2:11"),
        ("NUL byte", b"plenary: 1\ntitle: T\x00\n", 1, "control characters", "2:9"),
        ("10,000 nested brackets", nested_flow, 1, "nesting is too deep", "3:"),
        ("10,000 nested block lists", nested_block, 1, "nesting is too deep", "4:"),
        ("billion laughs", laughs, 1, "aliases are not allowed", None),
        ("duplicate keys", "plenary: 1\ntitle: A\ntitle: B\nagenda:\n  - {title: X, duration: 5}\n", 1,
         "duplicate key (first at line 2)", "3:1"),
        ("wrong types", "plenary: 1\ntitle: [T]\nagenda: 5\n", 1, "title", "2:8"),
        ("unknown keys", VALID + "colour: blue\n", 1, "unknown key", "5:1"),
        ("empty file", "", 1, "empty session file", "1:1"),
        ("50 MB file", "plenary: 1\ntitle: T\nagenda:\n" + SLOT * (50 * 1024 * 1024 // len(SLOT) + 1), 1,
         "file is too large", "1:1"),
        ("3.4 MB, 70,000 slots (valid)", "plenary: 1\ntitle: T\nagenda:\n" + SLOT * 70_000, 0, "ok (70000 slots", None),
        ("a named pipe (would block)", fifo, 1, "is not a regular file", "1:1"),
        ("/dev/zero (never ends)", lambda: "/dev/zero", 1, "is not a regular file", "1:1"),
        ("a directory", lambda: folder, 1, "is a directory", "1:1"),
    ]


def main():
    plenary = plenary_executable()
    folder = tempfile.mkdtemp(prefix="plenary-hostile-")
    checked = 0
    try:
        for number, (name, contents, status, words, position) in enumerate(cases(folder)):
            if callable(contents):
                path = contents()
            else:
                path = os.path.join(folder, f"case{number}.yaml")
                with open(path, "wb") as file:
                    file.write(contents if isinstance(contents, bytes) else contents.encode("utf-8"))
            started = time.monotonic()
            try:
                result = subprocess.run([plenary, "validate", path], capture_output=True, text=True,
                                        errors="replace", timeout=60)
            except subprocess.TimeoutExpired:
                raise ProofFailure(f"{name}: plenary validate did not finish within 60 s")
            elapsed = time.monotonic() - started
            output = result.stdout + result.stderr
            if result.returncode != status:
                raise ProofFailure(f"{name}: exit status {result.returncode}, expected {status}:\n{output[:2000]}")
            if words not in output:
                raise ProofFailure(f"{name}: expected {words!r} in:\n{output[:2000]}")
            if status != 0:
                errors = [line for line in result.stderr.splitlines() if not line.endswith("has problems")]
                pattern = re.compile(re.escape(path) + r":\d+:\d+: \S")
                if not errors or not all(pattern.match(line) for line in errors):
                    raise ProofFailure(f"{name}: not every error is FILE:LINE:COL: …:\n{result.stderr[:2000]}")
                if position and not errors[0].startswith(f"{path}:{position}"):
                    raise ProofFailure(f"{name}: expected the first error at {position}:\n{errors[0]}")
            size = os.path.getsize(path) if os.path.isfile(path) else 0
            first = output.strip().splitlines()[0].replace(path, "FILE")
            print(f"  {name:32} {size / 1e6:6.1f} MB  {elapsed * 1000:7.0f} ms  {first[:90]}", flush=True)
            checked += 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"hostile session files: {checked} cases, each refused with FILE:LINE:COL or accepted as it should be")
    figures("hostile-sessions", cases=checked)


if __name__ == "__main__":
    run_proof(main)
