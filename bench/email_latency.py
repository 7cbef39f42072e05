#!/usr/bin/env python3
"""Booking POST latency with a mail server that answers at once and with one that stalls 2 s per
message. Emails go through the outbox, so a stalling server must not slow the booking: the budget is
p99(stalling) <= 1.2 x p99(instant).

Side by side: each round starts two sites at once (both pinned to core 0, this script on core 1), one
mailing an instant server and one a stalling server, and every client books on both in turn, so a
noisy moment on the machine lands on both alike. Three rounds, fresh databases each.

usage: bench/email_latency.py [bookings-per-site-per-round] [--no-publish]"""
import asyncio
import os
import datetime
import http.client
import re
import signal
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import run

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
START = re.compile(r'name="Start" value="([^"]+)"')


class StallingSmtp:
    """Just enough SMTP to take a message, waiting `stall` seconds before accepting each one."""

    def __init__(self, stall):
        self.stall, self.received = stall, 0
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        threading.Thread(target=self._serve, args=(ready,), daemon=True).start()
        ready.wait()

    def _serve(self, ready):
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(asyncio.start_server(self._session, "127.0.0.1", 0))
        self.port = self.server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    async def _session(self, reader, writer):
        writer.write(b"220 bench ESMTP\r\n")
        in_data = False
        while line := await reader.readline():
            if in_data:
                if line == b".\r\n":
                    in_data = False
                    await asyncio.sleep(self.stall)
                    self.received += 1
                    writer.write(b"250 queued\r\n")
                continue
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                writer.write(b"250-bench\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                in_data = True
                writer.write(b"354 go on\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                break
            else:
                writer.write(b"250 ok\r\n")
            await writer.drain()
        writer.close()

    def close(self):
        self.loop.call_soon_threadsafe(self.server.close)


class Browser:
    def __init__(self, port):
        self.port, self.cookies = port, {}

    def request(self, method, path, fields=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        began = time.perf_counter()
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        elapsed = time.perf_counter() - began
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        conn.close()
        return response.status, response.getheader("Location"), text, elapsed


def free_slots(port, count):
    """Whole-hour starts, each time once: with no changeover, no two of them overlap for a therapist,
    so racing clients never take each other's slot."""
    browser, slots, day = Browser(port), [], datetime.date.today() + datetime.timedelta(days=1)
    while len(slots) < count:
        _, _, html, _ = browser.request("GET", f"/book/times?treatment=deep-tissue&therapist=any&date={day}")
        slots += [s for s in START.findall(html) if s not in slots and re.search(r"T\d\d:00", s)]
        day += datetime.timedelta(days=1)
    return slots[:count]


def book(port, start, n):
    """One client's booking; returns the confirm POST's latency (the one that writes the outbox rows)."""
    b = Browser(port)
    _, _, html, _ = b.request("GET", "/book/times?treatment=deep-tissue&therapist=any")
    token = TOKEN.search(html).group(1)
    status, details, _, _ = b.request("POST", "/book/times", {"Treatment": "deep-tissue", "Therapist": "any", "Start": start, "__RequestVerificationToken": token})
    assert status == 302 and "/book/details/" in details, (status, details)
    _, _, html, _ = b.request("GET", details)
    status, review, _, _ = b.request("POST", details, {"Name": f"Bench Client {n}", "Email": f"bench{n}@example.com", "Phone": "07700 900123",
                                                        "Visit": "first", "Note": "", "AcceptPolicy": "true",
                                                        "__RequestVerificationToken": TOKEN.search(html).group(1)})
    assert status == 302 and "/book/review/" in review, (status, review)
    _, _, html, _ = b.request("GET", review)
    status, done, _, elapsed = b.request("POST", review, {"__RequestVerificationToken": TOKEN.search(html).group(1)})
    assert status == 302 and "/book/done/" in done, (status, done)
    return elapsed


class Site:
    def __init__(self, published, port, stall):
        self.port, self.smtp = port, StallingSmtp(stall)
        data = tempfile.mkdtemp(prefix="hemel-email-bench-")
        env = {"Email__Host": "127.0.0.1", "Email__Port": str(self.smtp.port), "Email__TlsMode": "None", "Email__PollInterval": "00:00:00.200",
               "Booking__Changeover": "00:00:00", "Booking__MaximumWindow": "365.00:00:00",
               "RateLimits__Booking__PermitLimit": "100000", "RateLimits__Manage__PermitLimit": "100000"}
        run.BASE = f"http://127.0.0.1:{port}"  # run.start serves and polls run.BASE
        self.proc, _ = run.start(published, data, env)

    def close(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)
        self.smtp.close()


def round_(published, count):
    instant, stalling = Site(published, run.PORT, 0), Site(published, run.PORT + 1, 2)
    try:
        slots = {site.port: free_slots(site.port, count + 1) for site in (instant, stalling)}
        for site in (instant, stalling):
            book(site.port, slots[site.port][0], 0)  # warm up

        def pair(i):
            order = (instant, stalling) if i % 2 else (stalling, instant)
            return {site.port: book(site.port, slots[site.port][i], i) for site in order}

        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(pair, range(1, count + 1)))
        return (sorted(r[instant.port] for r in results), instant.smtp.received,
                sorted(r[stalling.port] for r in results), stalling.smtp.received)
    finally:
        instant.close()
        stalling.close()


def p99(values):
    return values[min(len(values) - 1, int(round(0.99 * (len(values) - 1))))]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 300
    published = run.publish() if "--no-publish" not in sys.argv else os.path.join(run.OUT, "site")
    os.sched_setaffinity(0, {1})  # the sites run on core 0
    ratios = []
    print(f"{'round':<8} {'mail server':<14} {'bookings':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'emails sent during run':>24}")
    for r in range(3):
        fast, sent_fast, slow, sent_slow = round_(published, count)
        for name, values, sent in (("instant", fast, sent_fast), ("stalls 2 s", slow, sent_slow)):
            print(f"{r + 1:<8} {name:<14} {len(values):>9} {statistics.median(values) * 1000:>8.1f} {p99(values) * 1000:>8.1f} "
                  f"{values[-1] * 1000:>8.1f} {sent:>24}")
        ratios.append(p99(slow) / p99(fast))
    print(f"p99 stalling / p99 instant: median {statistics.median(ratios):.2f}x (rounds {', '.join(f'{x:.2f}' for x in ratios)}); budget <= 1.2x")


if __name__ == "__main__":
    main()
