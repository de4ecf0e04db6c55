#!/usr/bin/env python3
"""Disk full, for real: the workshop's folder is a 2 MiB tmpfs that a filler file fills up mid-session.

First the filler leaves two pages free: the results snapshot (several pages) no longer fits but journal records
(a few hundred bytes) still do, so ballots go on being acknowledged under a "Results not saved" banner, and the
results file stays byte-identical. Then the journal runs out too: "NOT RECORDED", read-only, further ballots
refused, the screen still answers and quits cleanly (saying what failed). With the filler removed, a restart
finds every acknowledged ballot exactly once and none of the refused. Needs root (mount -t tmpfs), as CI has.
"""

import errno
import os
import subprocess
import tempfile
import time

from fault_injection import ScriptedSession, verify_restart
from harness import Pane, ProofFailure, Workshop, figures, plenary_executable, run_proof

PAGE = 4096


def fill(path, keep_free_pages):
    """Writes `path` until the file system is full to the page, then gives back `keep_free_pages` pages."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        for size in (64 * PAGE, PAGE):
            while True:
                try:
                    os.write(descriptor, b"\0" * size)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(descriptor)
    length = os.path.getsize(path)
    os.truncate(path, max(0, length - (length % PAGE) - keep_free_pages * PAGE))


def wait_until_snapshots_settle(workshop, quiet_seconds=1.5, timeout=15.0):
    """Until no snapshot is pending or in flight: the results file has not changed for longer than the writer's
    interval and no temp file exists. Filling the disk while a snapshot's temp file holds pages (or racing the
    next ballot's journal append against it) would make which of the two fails first a matter of timing."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while True:
        try:
            stamp = (os.stat(workshop.results).st_mtime_ns, tuple(workshop.litter()))
        except FileNotFoundError:
            stamp = (None, tuple(workshop.litter()))
        now = time.monotonic()
        if stamp != last:
            last, since = stamp, now
        elif not stamp[1] and now - since >= quiet_seconds:
            return
        if now >= deadline:
            raise ProofFailure(f"the results snapshots did not settle within {timeout} s")
        time.sleep(0.05)


def wait_for_banner(session, timeout=3.0):
    """After a ballot on the tight disk, waits (briefly) for that ballot's snapshot to fail and say so, so the next
    ballot's journal append never races a snapshot's temp file for the last free pages."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = session.pane.capture()
        if session.banner(screen):
            session.check_banner(screen, "snapshot after a ballot")
            return
        time.sleep(0.05)


def unmount(mount_point):
    """The killed program may hold the folder a moment longer: retry, then detach lazily."""
    for _ in range(50):
        if subprocess.run(["umount", mount_point], capture_output=True).returncode == 0:
            os.rmdir(mount_point)
            return
        time.sleep(0.1)
    subprocess.run(["umount", "-l", mount_point], check=False)
    os.rmdir(mount_point)


def main():
    plenary = plenary_executable()
    mount_point = tempfile.mkdtemp(prefix="plenary-full-")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", mount_point],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        os.rmdir(mount_point)
        raise ProofFailure(f"cannot mount a tmpfs (needs root): {mounted.stderr.strip()}")
    try:
        workshop = Workshop("demo.yaml", folder=mount_point)
        filler = os.path.join(mount_point, "filler")
        pane = Pane([plenary, "run", workshop.session])
        try:
            pane.wait_for("Press Space")
            session = ScriptedSession(pane, workshop)
            if not session.open_poll():
                raise ProofFailure("the poll did not open on an empty disk")
            session.cast("roomy1")
            session.cast("roomy2")
            if session.failures:
                raise ProofFailure(f"errors before the disk was full: {session.failures}")

            wait_until_snapshots_settle(workshop)
            fill(filler, keep_free_pages=2)
            number = 0
            while "journal" not in session.failures:
                number += 1
                if number > 200:
                    raise ProofFailure("200 ballots on a full disk and the journal never failed")
                session.cast(f"tight{number}")
                if "results" not in session.failures:
                    wait_for_banner(session)
            if "results" not in session.failures:
                raise ProofFailure("the snapshot never failed before the journal did")
            acknowledged_while_full = sum(1 for word in session.acknowledged if word.startswith("tight"))
            if acknowledged_while_full == 0:
                raise ProofFailure("no ballot was acknowledged while only the snapshot failed")

            # Read-only: the screen still answers, the next ballot is refused.
            session.cast("refused-after")
            if "refused-after" not in session.refused:
                raise ProofFailure("a ballot was acknowledged after the journal failed")
            if session.quit() != 0:
                raise ProofFailure("quitting read-only did not exit 0")
            after = pane.capture()
            if "NOT RECORDED" not in after:
                raise ProofFailure(f"the journal failure was not repeated after the screen closed:\n{after}")
        finally:
            pane.close()

        os.unlink(filler)
        checked = verify_restart(plenary, workshop, session)
        print(f"disk full: {acknowledged_while_full} ballots acknowledged while snapshots failed "
              f"(results file unchanged), then the journal failed; read-only, "
              f"{len(session.refused)} ballot(s) refused; {checked} ballots checked after restart")
        figures("disk-full", acknowledged_while_full=acknowledged_while_full, refused=len(session.refused),
                ballots_checked=checked)
    finally:
        unmount(mount_point)


if __name__ == "__main__":
    run_proof(main)
