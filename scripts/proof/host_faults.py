#!/usr/bin/env python3
"""Host faults: the workshop host killed under load, and clients that break the protocol (issue 14, "Proof").

Part 1, kill -9 under load: `plenary-load` runs 200 voters on three open polls, casting at a steady rate, while the
real `plenary run` host is killed with SIGKILL at a random moment, again and again (20 times) and restarted in a new
tmux each time; the voters reconnect by themselves. A ballot whose acknowledgement a kill cut off is *unknown* to its
voter and is not sent again (as `plenary attach` does). After the last restart: every acknowledged ballot is in the
journal and the results exactly once, every unknown one at most once, nothing else is there.

Part 2, hostile clients against a live host: a client killed mid-message, half-written frames, a 10 MB frame, garbage
bytes, a wrong role, a wrong version, an unknown group, a request before the hello, 1,000 idle connections (the
host's limit) and one more. Each gets a clear refusal or is dropped; after each, the moderator's key still answers;
at the end every acknowledged ballot is still there and a new voter still votes.

Usage: host_faults.py [--kills 20] [--seed S]
"""

import argparse
import json
import os
import random
import select
import signal
import socket
import struct
import subprocess
import sys
import time

from harness import ProofFailure, figures, run_proof
from host_room import (POLLS, LoadRun, check_exactly_once, key_latency, percentile, room_workshop, show_poll,
                       start_host)

VOTERS = 200
HELP_TEXT = "Close this help"
MAXIMUM_CLIENTS = 1000


def frame(value):
    body = value if isinstance(value, bytes) else json.dumps(value).encode()
    return struct.pack(">I", len(body)) + body


def hello(role="voter", version=1, **extra):
    return frame({"type": "hello", "protocol": "plenary", "version": version, "role": role, **extra})


def connect(path):
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    return client


def messages_until_closed(client, timeout=15.0):
    """The host's messages on this connection until it closes it; fails if it stays open past `timeout`."""
    data = b""
    deadline = time.monotonic() + timeout
    client.setblocking(False)
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ProofFailure(f"the host kept the connection open for {timeout} s (read {len(data)} bytes)")
        select.select([client], [], [], remaining)
        try:
            chunk = client.recv(1 << 16)
        except BlockingIOError:
            continue
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            break
        data += chunk
    client.close()
    found = []
    while len(data) >= 4:
        length = struct.unpack(">I", data[:4])[0]
        found.append(json.loads(data[4:4 + length]))
        data = data[4 + length:]
    return found


def moderator_still_answers(pane, samples):
    samples.append(key_latency(pane, "?", lambda screen: HELP_TEXT in screen))
    samples.append(key_latency(pane, "Escape", lambda screen: HELP_TEXT not in screen, literal=False))
    pane.let_escape_stand_alone()


def kill_under_load(workshop, kills, rng):
    pane = start_host(workshop)
    for position in range(len(POLLS)):
        show_poll(pane, position)
        pane.send_text("o")
        pane.wait_for("OPEN")
        pane.send_keys("Escape")
        pane.wait_for("AGENDA")
    # About 600 ballots over the kill cycles: every cycle has ballots in flight when the kill lands.
    load = LoadRun(workshop, VOTERS, rate=25, seconds=170)
    restart_ms = []
    acknowledged_at_kill = []
    try:
        for _ in range(kills):
            time.sleep(rng.uniform(0.3, 1.2))
            acknowledged_at_kill.append(sum(load.acknowledged.values()))
            pane.kill(signal.SIGKILL)
            pane.wait_for_exit()
            pane.close()
            started = time.monotonic()
            pane = start_host(workshop)
            restart_ms.append((time.monotonic() - started) * 1000)
        report = load.finish(timeout=180)
    except BaseException:
        if load.process.poll() is None:
            load.process.kill()
        pane.close()
        raise
    if report["timedOut"]:
        pane.close()
        raise ProofFailure(f"voters still waiting at the end: {report['messages']}")
    if len(report["recordIDs"]) != 1:
        pane.close()
        raise ProofFailure(f"the voters met {len(report['recordIDs'])} different workshops after restarts")
    return pane, report, restart_ms, acknowledged_at_kill


def hostile_clients(workshop, pane, key_samples):
    """Each case: what it sends, and what the host must answer. Returns the number of cases."""
    path = workshop.socket
    cases = 0

    def expect(messages, kind, words, case):
        nonlocal cases
        if not any(message.get("type") == kind and words in json.dumps(message) for message in messages):
            raise ProofFailure(f"{case}: expected a {kind} saying {words!r}, got {messages}")
        cases += 1
        moderator_still_answers(pane, key_samples)

    # Killed mid-message: a child process writes half a ballot, then gets SIGKILL.
    child = subprocess.Popen([sys.executable, "-c", (
        "import socket,struct,json,time,sys\n"
        "c=socket.socket(socket.AF_UNIX);c.connect(sys.argv[1])\n"
        "b=json.dumps({'type':'hello','protocol':'plenary','version':1,'role':'voter'}).encode()\n"
        "c.sendall(struct.pack('>I',len(b))+b)\n"
        "c.sendall(struct.pack('>I',200)+b'{\"type\":\"cast\",\"id\":1,\"poll\":')\n"
        "print('sent',flush=True);time.sleep(60)\n"), path], stdout=subprocess.PIPE, text=True)
    child.stdout.readline()
    child.kill()
    child.wait()
    cases += 1
    moderator_still_answers(pane, key_samples)

    client = connect(path)
    client.sendall(hello() + struct.pack(">I", 300) + b'{"type":"cast"')
    client.shutdown(socket.SHUT_WR)
    messages_until_closed(client)
    cases += 1
    moderator_still_answers(pane, key_samples)

    client = connect(path)
    client.sendall(b"\x00\x00")
    client.shutdown(socket.SHUT_WR)
    messages_until_closed(client)
    cases += 1

    # 10 MB: refused at its length prefix, before the body is read.
    client = connect(path)
    client.sendall(hello())
    client.setblocking(False)
    body = b"x" * (10 * 1024 * 1024)
    announced = struct.pack(">I", len(body))
    sent = client.send(announced + body[:1 << 16])
    messages = messages_until_closed(client)
    expect(messages, "protocol-error", "the limit is", "a 10 MB frame")

    client = connect(path)
    client.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
    expect(messages_until_closed(client), "protocol-error", "", "an HTTP request")

    client = connect(path)
    garbage = bytes(random.Random(7).randrange(256) for _ in range(60))
    client.sendall(struct.pack(">I", len(garbage)) + garbage)
    expect(messages_until_closed(client), "protocol-error", "", "garbage bytes in a frame")

    client = connect(path)
    client.sendall(hello(role="admin"))
    expect(messages_until_closed(client), "protocol-error", "admin", "a wrong role")

    client = connect(path)
    client.sendall(hello(version=99))
    expect(messages_until_closed(client), "protocol-error", "99", "a wrong version")

    client = connect(path)
    client.sendall(hello(role="group", group="wg-nobody"))
    expect(messages_until_closed(client), "refused", "working group", "an unknown group")

    client = connect(path)
    client.sendall(frame({"type": "cast", "id": 1, "poll": "first", "ballot": {"open": {"text": "sneaky"}}}))
    expect(messages_until_closed(client), "protocol-error", "", "a ballot before the hello")

    client = connect(path)
    client.sendall(hello(role="audience") + frame({"type": "cast", "id": 5, "poll": "first",
                                                    "ballot": {"open": {"text": "projector"}}}))
    client.settimeout(5)
    data = b""
    while b'"refusal"' not in data:
        chunk = client.recv(1 << 16)
        if not chunk:
            raise ProofFailure("the audience's ballot was not answered")
        data += chunk
    client.close()
    cases += 1

    # 1,000 idle connections (the host's limit), then one more.
    idle = []
    started = time.monotonic()
    for _ in range(MAXIMUM_CLIENTS):
        idle.append(connect(path))
    opened_ms = (time.monotonic() - started) * 1000
    moderator_still_answers(pane, key_samples)
    idle_key_ms = key_samples[-2]
    extra = connect(path)
    expect(messages_until_closed(extra, timeout=5), "refused", "", "connection 1,001")
    # The idle ones are dropped at the handshake's deadline, each told why.
    dropped = 0
    deadline = time.monotonic() + 20
    for client in idle:
        messages = messages_until_closed(client, timeout=max(0.5, deadline - time.monotonic()))
        if any("No hello" in json.dumps(message) for message in messages):
            dropped += 1
    if dropped != MAXIMUM_CLIENTS:
        raise ProofFailure(f"{MAXIMUM_CLIENTS - dropped} idle connections were closed without saying why")
    cases += 1
    return cases, opened_ms, idle_key_ms


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    print(f"seed {arguments.seed}", flush=True)

    workshop = room_workshop()
    pane = None
    try:
        pane, report, restart_ms, acknowledged_at_kill = kill_under_load(workshop, arguments.kills, rng)
        acknowledged = sum(len(answers) for answers in report["acknowledged"].values())
        unknown = sum(len(answers) for answers in report.get("unknown", {}).values())
        in_results, unknown_recorded = check_exactly_once(workshop, report)
        print(f"{arguments.kills} kills: {acknowledged} ballots acknowledged, all in the results once; {unknown} cut "
              f"off by a kill ({unknown_recorded} of them recorded); {report['reconnects']} reconnects; restart "
              f"p50 {percentile(restart_ms, 0.5):.0f} ms", flush=True)

        key_samples = []
        cases, opened_ms, idle_key_ms = hostile_clients(workshop, pane, key_samples)
        # Nothing lost, and the room still votes: ten new voters, three polls.
        after = LoadRun(workshop, 10, extra=("--first", "1000"), seconds=30)
        report_after = after.finish(timeout=60)
        if sum(len(answers) for answers in report_after["acknowledged"].values()) != 10 * len(POLLS):
            raise ProofFailure(f"voters after the hostile clients: {report_after}")
        pane.send_keys("Escape")
        if pane.quit_plenary() != 0:
            raise ProofFailure("the host did not quit cleanly")
        merged = {poll: report["acknowledged"].get(poll, []) + report_after["acknowledged"].get(poll, [])
                  for poll in POLLS}
        in_results, _ = check_exactly_once(workshop, {"acknowledged": merged, "unknown": report.get("unknown", {})})
        print(f"{cases} hostile clients refused or dropped; 1,000 idle connections opened in {opened_ms:.0f} ms, "
              f"moderator key with them attached {idle_key_ms:.0f} ms; keys p50 {percentile(key_samples, 0.5):.0f} ms "
              f"max {max(key_samples):.0f} ms; {in_results} ballots in the results at the end", flush=True)
        figures("host-faults", kills=arguments.kills, acknowledged=acknowledged, unknown=unknown,
                unknown_recorded=unknown_recorded, reconnects=report["reconnects"],
                restart_p50_ms=f"{percentile(restart_ms, 0.5):.0f}", hostile_cases=cases,
                idle=MAXIMUM_CLIENTS, idle_key_ms=f"{idle_key_ms:.0f}", key_max_ms=f"{max(key_samples):.0f}",
                in_results=in_results)
    finally:
        if pane is not None:
            pane.close()
        workshop.remove()


if __name__ == "__main__":
    run_proof(main)
