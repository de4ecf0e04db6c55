#!/usr/bin/env python3
"""Host load: 200 voter connections, 3 polls, 600 ballots, with the moderator's screen live (issue 14, "Proof").

The real `plenary run` hosts the room in tmux; `plenary-load` (Sources/plenary-load) opens 200 voter connections to
its socket through the protocol's own codec. The moderator opens the three polls one after another with keys; each
voter casts as soon as its view shows the poll open; while the ballots pour in the moderator presses keys (the help
overlay on and off) and the time until the screen answers is measured; then the moderator closes the poll. At the end:
ballots acknowledged = ballots in the results = 600, each acknowledged answer exactly once in the journal and the
results, none lost, none duplicated. Printed, not asserted: send→acknowledgement p50/p99, the host's CPU while
serving (from /proc), the moderator's key latency during the load.

Usage: host_load.py [--voters 200]
"""

import argparse
import time

from harness import ProofFailure, figures, run_proof
from host_room import (POLLS, LoadRun, check_exactly_once, cpu_seconds, key_latency, percentile, room_workshop,
                       show_poll, start_host)

HELP_TEXT = "Close this help"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", type=int, default=200)
    arguments = parser.parse_args()
    voters = arguments.voters

    workshop = room_workshop()
    pane = start_host(workshop)
    load = None
    try:
        host_pid = pane.program_pid()
        load = LoadRun(workshop, voters)
        load.wait_until(lambda: load.attached, 30, f"{voters} voters attached")
        key_samples = []
        cpu_before, wall_before = cpu_seconds(host_pid), time.monotonic()
        for position, poll in enumerate(POLLS):
            show_poll(pane, position)
            key_samples.append(key_latency(pane, "o", lambda screen: "OPEN" in screen))
            # Keys while the room votes: the help overlay on and off, each timed until the screen shows it.
            while load.acknowledged[poll] < voters:
                key_samples.append(key_latency(pane, "?", lambda screen: HELP_TEXT in screen))
                key_samples.append(key_latency(pane, "Escape", lambda screen: HELP_TEXT not in screen, literal=False))
                pane.let_escape_stand_alone()
                if load.process.poll() is not None:
                    break
            load.wait_until(lambda: load.acknowledged[poll] >= voters, 60, f"{voters} ballots on {poll}")
            pane.wait_for(f"{voters} ballots", description=f"the moderator's screen counting {voters} ballots")
            key_samples.append(key_latency(pane, "c", lambda screen: "CLOSED" in screen))
            pane.send_keys("Escape")
            pane.wait_for("AGENDA")
        cpu_used, wall = cpu_seconds(host_pid) - cpu_before, time.monotonic() - wall_before
        report = load.finish()
        if pane.quit_plenary() != 0:
            raise ProofFailure("the host did not quit cleanly")

        acknowledged = sum(len(answers) for answers in report["acknowledged"].values())
        if report.get("unknown") or report.get("refused") or report["timedOut"]:
            raise ProofFailure(f"ballots not acknowledged: {report.get('unknown')} {report.get('refused')} "
                               f"{report['messages']}")
        if acknowledged != voters * len(POLLS):
            raise ProofFailure(f"{acknowledged} ballots acknowledged, expected {voters * len(POLLS)}")
        in_results, _ = check_exactly_once(workshop, report)
        if in_results != acknowledged:
            raise ProofFailure(f"{in_results} ballots in the results, {acknowledged} acknowledged")
        if len(report["recordIDs"]) != 1:
            raise ProofFailure(f"the voters met {len(report['recordIDs'])} workshops")
        latencies = [value / 1000 for value in report["latencyMicroseconds"]]
        print(f"{voters} voters x {len(POLLS)} polls: {acknowledged} acknowledged, {in_results} in the results; "
              f"send->ack p50 {percentile(latencies, 0.5):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms, "
              f"max {max(latencies):.1f} ms; host CPU {cpu_used:.2f} s over {wall:.1f} s; "
              f"moderator keys ({len(key_samples)}) p50 {percentile(key_samples, 0.5):.0f} ms, "
              f"max {max(key_samples):.0f} ms", flush=True)
        figures("host-load", voters=voters, polls=len(POLLS), acknowledged=acknowledged, in_results=in_results,
                lost=acknowledged - in_results, duplicated=0,
                p50_ms=f"{percentile(latencies, 0.5):.1f}", p99_ms=f"{percentile(latencies, 0.99):.1f}",
                cpu_percent=f"{100 * cpu_used / wall:.0f}", cpu_seconds=f"{cpu_used:.2f}",
                key_samples=len(key_samples), key_p50_ms=f"{percentile(key_samples, 0.5):.0f}",
                key_max_ms=f"{max(key_samples):.0f}")
    finally:
        if load is not None and load.process.poll() is None:
            load.process.kill()
        pane.close()
        workshop.remove()


if __name__ == "__main__":
    run_proof(main)
