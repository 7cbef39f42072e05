#!/usr/bin/env python3
"""Crash safety: start the built site on a fresh data folder, drive bookings from a few threads, SIGKILL the
process mid-load 10 times (restarting each time), then check PRAGMA integrity_check and that every booking
whose confirmation page reached a client is in the database.
Usage: bench/crash-safety.py [kills]   (builds the site first; takes a minute or two)"""
import datetime
import http.cookiejar
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = os.path.join(ROOT, "src", "HemelMassage.Web")
PORT = 5198
BASE = f"http://127.0.0.1:{PORT}"
KILLS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
THREADS = 4
TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
SLOT = re.compile(r'name="Start" value="([0-9T:\-]+Z)"')
REFERENCE = re.compile(r"<strong>(HM-[A-Z0-9]+)</strong>")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def client():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())


def get(opener, path):
    with opener.open(BASE + path, timeout=10) as r:
        return r.read().decode()


def post(opener, path, fields):
    try:
        with opener.open(BASE + path, urllib.parse.urlencode(fields).encode(), timeout=10) as r:
            return r.status, r.headers.get("Location"), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location"), ""


def book(n, used, lock, confirmed):
    """One booking, start to finish; records the reference only once the confirmation page has arrived."""
    opener = client()
    day = datetime.date.today() + datetime.timedelta(days=2 + random.randrange(40))
    therapist = random.choice(["1", "2", "3"])
    times = get(opener, f"/book/times?treatment=deep-tissue&therapist={therapist}&date={day}")
    with lock:
        free = [s for s in SLOT.findall(times) if (therapist, s) not in used]
        if not free:
            return
        start = random.choice(free)
        used.add((therapist, start))
    token = TOKEN.search(times).group(1)
    status, details, _ = post(opener, "/book/times", {"Treatment": "deep-tissue", "Therapist": therapist, "Start": start, "__RequestVerificationToken": token})
    if status != 302 or "/book/details/" not in (details or ""):
        return
    page = get(opener, details)
    status, review, _ = post(opener, details, {"Name": f"Crash Client {n}", "Email": f"crash{n}@example.com", "Phone": "07700 900123",
                                                "Visit": "first", "AcceptPolicy": "true", "__RequestVerificationToken": TOKEN.search(page).group(1)})
    if status != 302:
        return
    status, done, _ = post(opener, review, {"__RequestVerificationToken": TOKEN.search(page).group(1)})
    if status == 302 and done and done.startswith("/book/done/"):
        match = REFERENCE.search(get(opener, done))
        if match:
            with lock:
                confirmed.append(match.group(1))


def load(stop, counter, used, lock, confirmed):
    while not stop.is_set():
        with lock:
            counter[0] += 1
            n = counter[0]
        try:
            book(n, used, lock, confirmed)
        except (OSError, AttributeError, urllib.error.URLError):
            time.sleep(0.05)  # the site is down or was killed mid-request: that booking was never acknowledged


def start(dll, data):
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", ASPNETCORE_URLS=BASE, DataDirectory=data,
               Articles__Path=os.path.join(ROOT, "content", "articles"), Logging__LogLevel__Default="Warning",
               RateLimits__Booking__PermitLimit="100000", RateLimits__Manage__PermitLimit="100000")
    proc = subprocess.Popen(["dotnet", dll], cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            with urllib.request.urlopen(BASE + "/healthz", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("the site did not start")
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the site did not answer /healthz within 60 s")


def main():
    subprocess.run(["dotnet", "build", PROJECT, "--nologo", "-v", "q"], check=True, stdout=subprocess.DEVNULL)
    dll = os.path.join(PROJECT, "bin", "Debug", "net10.0", "HemelMassage.Web.dll")
    data = tempfile.mkdtemp(prefix="hemel-crash-")
    used, lock, confirmed, counter = set(), threading.Lock(), [], [0]
    began = time.monotonic()
    try:
        for kill in range(1, KILLS + 1):
            proc = start(dll, data)
            stop = threading.Event()
            workers = [threading.Thread(target=load, args=(stop, counter, used, lock, confirmed)) for _ in range(THREADS)]
            for w in workers:
                w.start()
            time.sleep(random.uniform(1.0, 3.0))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            stop.set()
            for w in workers:
                w.join()
            print(f"kill {kill}: {len(confirmed)} bookings acknowledged so far")
        proc = start(dll, data)  # one clean start after the last kill: recovery and migrations run
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        db = sqlite3.connect(os.path.join(data, "hemel-massage.db"))
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        stored = {r[0] for r in db.execute("SELECT Reference FROM Appointments")}
        missing = [r for r in confirmed if r not in stored]
        print(f"{KILLS} SIGKILLs in {time.monotonic() - began:.0f} s; {counter[0]} bookings attempted, {len(confirmed)} acknowledged, "
              f"{len(stored)} stored; integrity_check={integrity}; acknowledged but missing: {len(missing)}")
        ok = integrity == "ok" and not missing
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
