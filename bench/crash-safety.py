#!/usr/bin/env python3
"""Crash safety: publish the site (Release), run it on a fresh data folder, drive bookings from a few simulated
clients, SIGKILL the process mid-load 10 times (restarting each time), then check PRAGMA integrity_check, that every
booking whose confirmation page reached a client is in the database, and that no therapist is double-booked.

Each simulated client is a browser of its own: its own cookie jar, and it books only through the real pages, reading
each form it is given (hidden fields, tokens, the action) and posting it back as a browser would. Anything the site
answers that a browser would not expect (a missing form, a 4xx or 5xx, no reference on the confirmation) is an error
and fails the run, as does a run that books nothing. Only a dropped connection (the site was just killed) is passed
over: that booking was never acknowledged.
Usage: bench/crash-safety.py [kills]   (publishes to bench/out/crash-safety first; takes a few minutes)
CRASH_SITE=bench/out/crash-safety/site reuses a site already published; CRASH_PORT picks the port (5198)."""
import html.parser
import http.client
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
OUT = os.path.join(ROOT, "bench", "out", "crash-safety")
PORT = int(os.environ.get("CRASH_PORT", "5198"))  # colleagues on one machine: give each run its own port
BASE = f"http://127.0.0.1:{PORT}"
KILLS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
CLIENTS = 4
REFERENCE = re.compile(r"<strong>(HM-[A-Z0-9]+)</strong>")
DROPPED = (OSError, http.client.HTTPException)  # URLError is an OSError; so are resets and refusals


class PageError(Exception):
    """The site answered, but not with what a browser on this step expects."""


class Forms(html.parser.HTMLParser):
    """Every <form> of a page: method, action and fields, as a browser would submit them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.links, self._form, self._textarea = [], [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"method": (a.get("method") or "get").lower(), "action": a.get("action") or "",
                          "fields": [], "choices": {}}
            self.forms.append(self._form)
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif self._form is not None and tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("radio", "checkbox"):
                self._form["choices"].setdefault(a["name"], []).append((a.get("value") or "on", "checked" in a))
            elif kind not in ("submit", "button", "image", "file", "reset"):
                self._form["fields"].append([a["name"], a.get("value") or ""])
        elif self._form is not None and tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
            self._form["fields"].append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._form = None


class Browser:
    """One simulated client: a cookie jar of its own, no automatic redirects (each is followed like a browser)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), Browser.NoRedirect())
        self.url = BASE + "/"

    def open(self, path, fields=None):
        """GET (or POST fields) and follow redirects; returns the final page's HTML. A 4xx or 5xx is a PageError."""
        data = None if fields is None else urllib.parse.urlencode(fields).encode()
        for _ in range(5):
            request = urllib.request.Request(urllib.parse.urljoin(BASE, local(path)), data=data)
            if data is not None:
                request.add_header("Origin", BASE)  # what a browser sends with a form post
            try:
                with self.opener.open(request, timeout=15) as response:
                    self.url = response.geturl()
                    return response.read().decode()
            except urllib.error.HTTPError as e:
                if e.code in (301, 302, 303, 307, 308) and e.headers.get("Location"):
                    path, data = urllib.parse.urljoin(request.full_url, e.headers["Location"]), None
                    continue
                raise PageError(f"{e.code} from {request.get_method()} {local(request.full_url)}")
        raise PageError(f"too many redirects from {path}")

    def submit(self, form, **values):
        """Posts (or GETs) a form with its own fields, the given values filled in or chosen."""
        fields = [(name, str(values.pop(name)) if name in values else value) for name, value in form["fields"]]
        for name, options in form["choices"].items():
            if name in values:
                fields.append((name, str(values.pop(name))))
            else:
                fields.extend((name, value) for value, checked in options if checked)
        fields.extend(values.items())
        action = urllib.parse.urljoin(self.url, form["action"] or self.url)
        if form["method"] == "post":
            return self.open(action, fields)
        return self.open(urllib.parse.urlsplit(action).path + "?" + urllib.parse.urlencode(fields))


def local(url):
    """The path and query of a URL: redirects may name the site's public address, the requests go to this one."""
    parts = urllib.parse.urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def parse(page):
    parser = Forms()
    parser.feed(page)
    return parser


def form_with(browser, page, field, method=None):
    for form in parse(page).forms:
        names = {name for name, _ in form["fields"]} | set(form["choices"])
        if field in names and (method is None or form["method"] == method):
            return form
    raise PageError(f"no form with a {field!r} field on {local(browser.url)}")


def book(n, taken, lock):
    """One booking through the real pages; returns its reference once the confirmation page shows it, or None
    when the hour was taken meanwhile. Raises PageError for anything else the site says, DROPPED when it dies."""
    browser = Browser()
    page = browser.open("/book")
    treatments = form_with(browser, page, "treatment")
    page = browser.submit(treatments, treatment=random.choice([v for v, _ in treatments["choices"]["treatment"]]))
    therapists = form_with(browser, page, "therapist")
    therapist = random.choice([v for v, _ in therapists["choices"]["therapist"]])
    times = browser.submit(therapists, therapist=therapist)
    dates = [link for link in parse(times).links if "date=" in link and link.startswith("/book/times")]
    if dates:
        times = browser.open(random.choice(dates[:14]))
    slots = form_with(browser, times, "Start", method="post")
    with lock:
        free = [v for v, _ in slots["choices"]["Start"] if (therapist, v) not in taken]
        if not free:
            return None
        start_utc = random.choice(free)
        taken.add((therapist, start_utc))  # clients mostly spread out, as people do; "no preference" can still clash
    details = browser.submit(slots, Start=start_utc)
    if "/book/details/" not in browser.url and "/book/review/" not in browser.url:
        if "field-error" in details:
            return None  # "that time has just been taken": fresh times shown
        raise PageError(f"choosing {start_utc} led to {local(browser.url)}")
    review = browser.submit(form_with(browser, details, "Name", method="post"), Name=f"Crash Client {n}", Email=f"crash{n}@example.com",
                            Phone="07700 900123", Visit="first", AcceptPolicy="true")
    if "/book/review/" not in browser.url:
        raise PageError(f"the details were not accepted: {local(browser.url)}")
    confirm = next((f for f in parse(review).forms if f["method"] == "post"), None)
    if confirm is None:
        raise PageError("no confirm form on the review page")
    done = browser.submit(confirm)
    if "/book/times" in browser.url:
        return None  # taken between review and confirm: sent back to fresh times
    match = REFERENCE.search(done)
    if "/book/done/" not in browser.url or not match:
        raise PageError(f"confirming led to {local(browser.url)} with no reference")
    return match.group(1)


def load(stop, state):
    while not stop.is_set():
        with state["lock"]:
            state["attempted"] += 1
            n = state["attempted"]
        try:
            reference = book(n, state["taken"], state["lock"])
            with state["lock"]:
                if reference:
                    state["confirmed"].append(reference)
                else:
                    state["clashes"] += 1
        except PageError as e:
            with state["lock"]:
                state["errors"].append(str(e))
        except DROPPED:
            time.sleep(0.05)  # the site is down or was killed mid-request: that booking was never acknowledged


def publish():
    site = os.path.join(OUT, "site")
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "HemelMassage.Web"), "-c", "Release", "-o", site, "--nologo",
                    "-v", "q", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"],
                   check=True, stdout=subprocess.DEVNULL)
    return site


def start(site, data):
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", ASPNETCORE_URLS=BASE, DataDirectory=data,
               Clinic__BaseUrl="https://www.hemelmassage.example", Clinic__StreetAddress="1 Example Road",
               Clinic__PostalCode="HP1 1AA", Clinic__Phone="01442 000000", Clinic__Email="hello@hemelmassage.example",
               Clinic__OpeningHours__0__Days="Monday to Friday", Clinic__OpeningHours__0__Hours="9:00 to 20:00",
               Logging__LogLevel__Default="Warning",
               # Plain http on loopback: Production's __Host- cookies need HTTPS, which a reverse proxy gives for real.
               Site__SecureCookies="false", Staff__SecureCookies="false",
               RateLimits__Booking__PermitLimit="100000", RateLimits__Manage__PermitLimit="100000")
    proc = subprocess.Popen([os.path.join(site, "HemelMassage.Web")], cwd=site, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            with urllib.request.urlopen(BASE + "/healthz", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("FAIL: the site did not start")
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("FAIL: the site did not answer /healthz within 60 s")


def check(data, confirmed):
    db = sqlite3.connect(os.path.join(data, "hemel-massage.db"))
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
        stored = {r[0] for r in db.execute("SELECT Reference FROM Appointments")}
        overlaps = db.execute("""SELECT COUNT(*) FROM Appointments a JOIN Appointments b
                                 ON a.TherapistId = b.TherapistId AND a.Id < b.Id AND a.StartUtc < b.EndUtc AND b.StartUtc < a.EndUtc
                                 WHERE a.Status IN (1, 3, 4) AND b.Status IN (1, 3, 4)""").fetchone()[0]
    finally:
        db.close()
    return integrity, journal, stored, [r for r in confirmed if r not in stored], overlaps


def main():
    site = os.path.abspath(os.environ["CRASH_SITE"]) if os.environ.get("CRASH_SITE") else publish()
    data = tempfile.mkdtemp(prefix="hemel-crash-")
    state = {"lock": threading.Lock(), "taken": set(), "confirmed": [], "errors": [], "attempted": 0, "clashes": 0}
    began = time.monotonic()
    try:
        for kill in range(1, KILLS + 1):
            proc = start(site, data)
            stop = threading.Event()
            clients = [threading.Thread(target=load, args=(stop, state)) for _ in range(CLIENTS)]
            for c in clients:
                c.start()
            time.sleep(random.uniform(2.0, 5.0))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            stop.set()
            for c in clients:
                c.join()
            print(f"kill {kill}: {len(state['confirmed'])} bookings acknowledged so far, {len(state['errors'])} errors", flush=True)
        proc = start(site, data)  # one clean start after the last kill: recovery and migrations run
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        integrity, journal, stored, missing, overlaps = check(data, state["confirmed"])
        confirmed, errors = state["confirmed"], state["errors"]
        print(f"{KILLS} SIGKILLs in {time.monotonic() - began:.0f} s; {state['attempted']} bookings attempted, "
              f"{len(confirmed)} acknowledged, {len(stored)} stored, {state['clashes']} found their hour taken; "
              f"integrity_check={integrity}; journal_mode={journal}; acknowledged but missing: {len(missing)}; "
              f"double bookings: {overlaps}; errors: {len(errors)}")
        for e in sorted(set(errors))[:10]:
            print(f"  error ({errors.count(e)}x): {e}")
        problems = [p for p, bad in [
            ("nothing was booked: the simulated clients never reached a confirmation", not confirmed),
            (f"integrity_check says {integrity}", integrity != "ok"),
            (f"{len(missing)} acknowledged bookings are missing: {missing[:5]}", missing),
            (f"{overlaps} double bookings", overlaps),
            (f"{len(errors)} unexpected answers from the site", errors),
        ] if bad]
        for p in problems:
            print(f"FAIL: {p}")
        print("PASS" if not problems else "FAIL")
        return 0 if not problems else 1
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
