#!/usr/bin/env python3
"""Web load: 500 phones vote on the host's page, 3 polls, 1,500 ballots; then kill -9 of the host mid-load (issue 17,
"Proof").

The real `plenary run --web 127.0.0.1:PORT` hosts the room in tmux (loopback only). 500 phones are asyncio clients
(standard library only: raw HTTP/1.1 on asyncio streams, one keep-alive connection each): each joins with the room
code the moderator's screen shows (cookie), loads the polls page (form token) and, as the moderator opens the three
polls one after another with keys, sends its answer to each. Each phone connects from its own loopback address
(127.66.x.y), as phones on a venue network do, so the host's per-address rate limit counts each phone alone. While
the ballots pour in the moderator toggles the help overlay and the time until the screen answers is measured.

Pass 1 runs the host with one fdatasync per ballot (PLENARY_PROOF_SYNC_EACH_BALLOT=1, read only by this proof), pass
2 as shipped, with group commit (decision 92): ballots that arrive together share one fdatasync. Both passes check:
ballots answered "Recorded" = ballots in the results = 1,500, each acknowledged answer exactly once in the journal and
the results, none lost, none duplicated. Printed for both: POST→"Recorded" p50/p99, requests/s, the host's peak RSS
and CPU and those of its page server `plenary-web` (decision 94), the moderator's key latency.

Pass 3: 500 phones vote on one poll and the host is killed with SIGKILL once about half have been answered. A ballot
whose answer the kill cut off is *unknown* to its phone (recorded at most once). The host is started again on the
same files: every ballot answered "Recorded" is in the journal and the results exactly once.

Usage: web_load.py [--phones 500] [--skip-before]
"""

import argparse
import os
import asyncio
import collections
import re
import signal
import socket
import threading
import time
import urllib.parse

from harness import Pane, ProofFailure, figures, plenary_executable, run_proof
from host_room import (POLLS, check_exactly_once, cpu_seconds, key_latency, percentile, room_workshop, show_poll)

HELP_TEXT = "Close this help"
RECORDED = b"Recorded. Thank you"
#: Bounds: every phone's whole run, and each request.
PHONE_SECONDS = 90
REQUEST_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_web_host(workshop, port, sync_each=False, wrapper=None):
    """`plenary run --web` on the room session in its own tmux; returns (pane, room code) once the page is up."""
    environment = {"PLENARY_PROOF_SYNC_EACH_BALLOT": "1"} if sync_each else {}
    pane = Pane([plenary_executable(), "run", workshop.session, "--web", f"127.0.0.1:{port}"], columns=160, rows=30,
                environment=environment, wrapper=wrapper)
    screen = pane.wait_for("room code", timeout=20)
    code = re.search(r"room code (\d{4})", screen)
    if code is None:
        pane.close()
        raise ProofFailure(f"no room code on the host's screen:\n{screen}")
    pane.wait_for("AGENDA")
    return pane, code.group(1)


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def gateway_pid(host_pid):
    """The host's `plenary-web` child (decision 94), which serves the pages; found in /proc."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as file:
                fields = file.read().rsplit(")", 1)[1].split()
            if int(fields[1]) == host_pid and os.readlink(f"/proc/{entry}/exe").endswith("/plenary-web"):
                return int(entry)
        except (OSError, IndexError, ValueError):
            continue
    raise ProofFailure(f"no plenary-web child of the host (pid {host_pid})")


class Phone:
    """One phone: a keep-alive HTTP/1.1 connection from its own loopback address, and its cookies."""

    def __init__(self, number, port):
        self.number, self.port = number, port
        self.address = f"127.66.{number // 250}.{number % 250 + 1}"
        self.cookies = {}
        self.reader = self.writer = None

    async def connect(self):
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port, local_addr=(self.address, 0))

    def close(self):
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None

    async def request(self, method, path, form=None, on_sent=None):
        """(status, headers, body); reconnects when the host closed the kept-alive connection."""
        if self.writer is None:
            await self.connect()
        body = urllib.parse.urlencode(form).encode() if form is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{name}={value}" for name, value in self.cookies.items()))
        if form is not None:
            lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        if on_sent is not None:
            on_sent()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split()[1])
        headers = collections.defaultdict(list)
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()].append(value.strip())
        if headers.get("transfer-encoding", [""])[0].lower() == "chunked":
            content = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                content += chunk[:-2]
        else:
            content = await self.reader.readexactly(int(headers.get("content-length", ["0"])[0]))
        for cookie in headers.get("set-cookie", []):
            name, value = cookie.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        if headers.get("connection", [""])[0].lower() == "close":
            self.close()
        return status, headers, content


class WebLoad:
    """The phones, run by an asyncio loop on a thread of its own while the proof drives the moderator's screen."""

    def __init__(self, port, code, phones, polls):
        self.port, self.code, self.phones, self.polls = port, code, phones, polls
        self.joined = 0
        self.acknowledged = collections.defaultdict(list)   # poll -> answers answered "Recorded"
        self.unknown = collections.defaultdict(list)        # poll -> answers sent whose answer never came
        self.refused = []
        self.latencies_ms = []
        self.requests = 0
        self.finished = False
        self.error = None
        self.loop = asyncio.new_event_loop()
        self.opened = {poll: asyncio.Event() for poll in polls}
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def count(self, poll):
        return len(self.acknowledged[poll])

    def open(self, poll):
        """Tells the phones the moderator opened `poll` (they load the page until its form is there)."""
        self.loop.call_soon_threadsafe(self.opened[poll].set)

    def _run(self):
        try:
            self.loop.run_until_complete(self._all())
        except BaseException as error:  # reported by wait/finish
            self.error = error
        finally:
            self.finished = True

    async def _all(self):
        await asyncio.gather(*(self._phone(number) for number in range(self.phones)))

    async def _phone(self, number):
        phone = Phone(number, self.port)
        try:
            await asyncio.wait_for(self._vote(phone), PHONE_SECONDS)
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError):
            pass  # the kill pass: a phone cut off; what it sent is counted as unknown below
        finally:
            phone.close()

    async def _timed(self, phone, method, path, form=None, on_sent=None):
        self.requests += 1
        return await asyncio.wait_for(phone.request(method, path, form, on_sent), REQUEST_SECONDS)

    async def _vote(self, phone):
        status, _, _ = await self._timed(phone, "GET", f"/join?room={self.code}")
        if status != 303 or "plenary_device" not in phone.cookies:
            raise ProofFailure(f"phone {phone.number} could not join: HTTP {status}")
        self.joined += 1
        for poll in self.polls:
            await self.opened[poll].wait()
            # The page as a phone loads it: until the moderator's open reaches the page (one loop turn at most).
            for _ in range(200):
                _, _, page = await self._timed(phone, "GET", "/polls")
                if f'name="poll" value="{poll}"'.encode() in page:
                    break
                await asyncio.sleep(0.05)
            else:
                raise ProofFailure(f"phone {phone.number} never saw poll {poll} open")
            csrf = re.search(rb'name="csrf" value="([0-9a-f]+)"', page).group(1).decode()
            answer = f"w{phone.number}{poll}"
            sent = []
            started = time.monotonic()
            try:
                status, _, page = await self._timed(phone, "POST", "/vote",
                                                    {"poll": poll, "csrf": csrf, "text": answer},
                                                    on_sent=lambda: sent.append(True))
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError):
                if sent:
                    self.unknown[poll].append(answer)
                raise
            if status == 200 and RECORDED in page:
                self.latencies_ms.append((time.monotonic() - started) * 1000)
                self.acknowledged[poll].append(answer)
            else:
                message = re.search(rb'class="message[^"]*"[^>]*>([^<]*)<', page)
                self.refused.append((poll, answer, status, message.group(1).decode() if message else page[:200]))

    def wait_until(self, condition, timeout, what):
        deadline = time.monotonic() + timeout
        while not condition():
            if self.finished and not condition():
                raise ProofFailure(f"the phones stopped while waiting for {what}: {self.error!r}, refused "
                                   f"{self.refused[:3]}")
            if time.monotonic() > deadline:
                raise ProofFailure(f"timed out after {timeout} s waiting for {what} (acknowledged: "
                                   f"{ {poll: len(answers) for poll, answers in self.acknowledged.items()} }, "
                                   f"refused {self.refused[:3]})")
            time.sleep(0.01)

    def finish(self, timeout=PHONE_SECONDS + 10):
        self.thread.join(timeout)
        if self.thread.is_alive():
            raise ProofFailure("the phones did not finish")
        if isinstance(self.error, ProofFailure):
            raise self.error
        return {"acknowledged": dict(self.acknowledged), "unknown": dict(self.unknown)}


def full_load(phones, sync_each):
    """Three polls, every phone answering each; returns this pass's figures."""
    workshop = room_workshop()
    port = free_port()
    pane, code = start_web_host(workshop, port, sync_each)
    load = None
    try:
        host_pid = pane.program_pid()
        web_pid = gateway_pid(host_pid)
        load = WebLoad(port, code, phones, POLLS)
        load.wait_until(lambda: load.joined == phones, 60, f"{phones} phones joined")
        key_samples = []
        cpu_before, wall_before = cpu_seconds(host_pid), time.monotonic()
        web_cpu_before = cpu_seconds(web_pid)
        for position, poll in enumerate(POLLS):
            show_poll(pane, position)
            key_samples.append(key_latency(pane, "o", lambda screen: "OPEN" in screen))
            load.open(poll)
            # Keys while the room votes: the help overlay on and off, each timed until the screen shows it.
            while load.count(poll) + len(load.refused) < phones and not load.finished:
                key_samples.append(key_latency(pane, "?", lambda screen: HELP_TEXT in screen))
                key_samples.append(key_latency(pane, "Escape", lambda screen: HELP_TEXT not in screen, literal=False))
                pane.let_escape_stand_alone()
            load.wait_until(lambda: load.count(poll) >= phones, 60, f"{phones} ballots on {poll}")
            pane.wait_for(f"{phones} ballots", description=f"the moderator's screen counting {phones} ballots")
            key_samples.append(key_latency(pane, "c", lambda screen: "CLOSED" in screen))
            pane.send_keys("Escape")
            pane.wait_for("AGENDA")
        cpu_used, wall = cpu_seconds(host_pid) - cpu_before, time.monotonic() - wall_before
        web_cpu_used = cpu_seconds(web_pid) - web_cpu_before
        report = load.finish()
        rss_mib = peak_rss_kib(host_pid) / 1024
        web_rss_mib = peak_rss_kib(web_pid) / 1024
        if pane.quit_plenary() != 0:
            raise ProofFailure("the host did not quit cleanly")
        acknowledged = sum(len(answers) for answers in report["acknowledged"].values())
        if load.refused or report["unknown"]:
            raise ProofFailure(f"ballots not recorded: refused {load.refused[:5]}, unknown {report['unknown']}")
        if acknowledged != phones * len(POLLS):
            raise ProofFailure(f"{acknowledged} ballots answered Recorded, expected {phones * len(POLLS)}")
        in_results, _ = check_exactly_once(workshop, report)
        if in_results != acknowledged:
            raise ProofFailure(f"{in_results} ballots in the results, {acknowledged} answered Recorded")
        latencies = load.latencies_ms
        return {"phones": phones, "acknowledged": acknowledged, "in_results": in_results,
                "lost": acknowledged - in_results, "duplicated": 0,
                "p50_ms": f"{percentile(latencies, 0.5):.1f}", "p99_ms": f"{percentile(latencies, 0.99):.1f}",
                "max_ms": f"{max(latencies):.1f}", "requests_per_s": f"{load.requests / wall:.0f}",
                "ballots_per_s": f"{acknowledged / wall:.0f}", "rss_mib": f"{rss_mib:.0f}",
                "cpu_percent": f"{100 * cpu_used / wall:.0f}", "web_rss_mib": f"{web_rss_mib:.0f}",
                "web_cpu_percent": f"{100 * web_cpu_used / wall:.0f}", "key_samples": len(key_samples),
                "key_p50_ms": f"{percentile(key_samples, 0.5):.0f}", "key_max_ms": f"{max(key_samples):.0f}"}
    finally:
        if load is not None and not load.finished:
            load.loop.call_soon_threadsafe(load.loop.stop)
        pane.close()
        workshop.remove()


def kill_during_load(phones):
    """One poll, every phone answering; SIGKILL once about half are answered; restart; count what survived."""
    workshop = room_workshop()
    port = free_port()
    pane, code = start_web_host(workshop, port)
    load = None
    try:
        show_poll(pane, 0)
        pane.send_text("o")
        pane.wait_for("OPEN")
        load = WebLoad(port, code, phones, POLLS[:1])
        load.wait_until(lambda: load.joined == phones, 60, f"{phones} phones joined")
        load.open(POLLS[0])
        load.wait_until(lambda: load.count(POLLS[0]) >= phones // 2, 60, f"{phones // 2} ballots")
        acknowledged_at_kill = load.count(POLLS[0])
        pane.kill(signal.SIGKILL)
        pane.wait_for_exit()
        pane.close()
        report = load.finish()
        pane, _ = start_web_host(workshop, free_port())
        if pane.quit_plenary() != 0:
            raise ProofFailure("the restarted host did not quit cleanly")
        acknowledged = sum(len(answers) for answers in report["acknowledged"].values())
        unknown = sum(len(answers) for answers in report["unknown"].values())
        if load.refused:
            raise ProofFailure(f"ballots refused before the kill: {load.refused[:5]}")
        in_results, unknown_recorded = check_exactly_once(workshop, report)
        return {"kill_acknowledged": acknowledged, "kill_at": acknowledged_at_kill, "kill_unknown": unknown,
                "kill_unknown_recorded": unknown_recorded, "kill_in_results": in_results}
    finally:
        if load is not None and not load.finished:
            load.loop.call_soon_threadsafe(load.loop.stop)
        pane.close()
        workshop.remove()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=500)
    parser.add_argument("--skip-before", action="store_true", help="only the shipped (group commit) pass")
    arguments = parser.parse_args()
    phones = arguments.phones

    passes = [] if arguments.skip_before else [("before", True)]
    passes.append(("after", False))
    results = {}
    for name, sync_each in passes:
        found = full_load(phones, sync_each)
        results[name] = found
        label = "one fdatasync per ballot" if sync_each else "group commit"
        print(f"{name} ({label}): {phones} phones x {len(POLLS)} polls: {found['acknowledged']} answered Recorded = "
              f"{found['in_results']} in the results, {found['lost']} lost, {found['duplicated']} duplicated; "
              f"POST->Recorded p50 {found['p50_ms']} ms, p99 {found['p99_ms']} ms, max {found['max_ms']} ms; "
              f"{found['requests_per_s']} requests/s ({found['ballots_per_s']} ballots/s); host peak RSS "
              f"{found['rss_mib']} MiB, CPU {found['cpu_percent']}% of a core; plenary-web peak RSS {found['web_rss_mib']} MiB, "
              f"CPU {found['web_cpu_percent']}%; moderator keys ({found['key_samples']}) "
              f"p50 {found['key_p50_ms']} ms, max {found['key_max_ms']} ms", flush=True)
    killed = kill_during_load(phones)
    print(f"kill -9 at {killed['kill_at']} answered: {killed['kill_acknowledged']} answered Recorded, all in the "
          f"results once after restart ({killed['kill_in_results']} ballots there); {killed['kill_unknown']} cut off "
          f"by the kill ({killed['kill_unknown_recorded']} of them recorded)", flush=True)
    after = results["after"]
    before = results.get("before", {})
    figures("web-load", **after, before_p50_ms=before.get("p50_ms", "-"), before_p99_ms=before.get("p99_ms", "-"),
            before_requests_per_s=before.get("requests_per_s", "-"), **killed)


if __name__ == "__main__":
    run_proof(main)
