#!/usr/bin/env python3
"""The performance suite: builds Release, starts the published site pinned to core 0, loads it
from core 1 with wrk, and prints one table. See docs/performance.md for the budgets."""
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
PORT = int(os.environ.get("BENCH_PORT", "5199"))  # colleagues on one machine: give each run its own port
BASE = f"http://127.0.0.1:{PORT}"
ARTICLE = "/articles/why-no-stand-alone-back-massage"
# The availability page: every free hour of the next 60 days with any therapist, worked out per request.
TIMES = "/book/times?treatment=deep-tissue&therapist=any"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))

sys.path.insert(0, os.path.join(ROOT, "bench"))
import micro  # noqa: E402
import page_weight  # noqa: E402


def sh(*args, **kw):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw).stdout


def publish():
    site = os.path.join(OUT, "site")
    shutil.rmtree(site, ignore_errors=True)
    sh("dotnet", "publish", os.path.join(ROOT, "src", "HemelMassage.Web"), "-c", "Release", "-o", site, "--nologo",
       "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true")
    return site


def start(site, data, extra_env=None):
    env = dict(os.environ,
               ASPNETCORE_ENVIRONMENT="Production", ASPNETCORE_URLS=BASE, DataDirectory=data,
               Clinic__BaseUrl="https://www.hemelmassage.example", Clinic__StreetAddress="1 Example Road",
               Clinic__PostalCode="HP1 1AA", Clinic__Phone="01442 000000", Clinic__Email="hello@hemelmassage.example",
               Articles__Path=os.path.join(ROOT, "content", "articles"), Logging__LogLevel__Default="Warning",
               # Plain http on loopback: Production's __Host- cookies need HTTPS, which a reverse proxy gives for real.
               Site__SecureCookies="false", Staff__SecureCookies="false",
               **(extra_env or {}))
    began = time.monotonic()
    proc = subprocess.Popen(["taskset", "-c", "0", os.path.join(site, "HemelMassage.Web")], cwd=site, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while time.monotonic() - began < 60:
        try:
            with urllib.request.urlopen(BASE + ARTICLE, timeout=1) as r:
                if r.status == 200:
                    return proc, time.monotonic() - began
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("the site did not start:\n" + proc.stderr.read())
            time.sleep(0.01)
    proc.kill()
    raise SystemExit(f"{ARTICLE} did not answer 200 within 60 s")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wrk(path, pid=None):
    script = []
    if isinstance(path, tuple):  # (path, lua script that writes the requests)
        path, lua = path
        script = ["-s", os.path.join(ROOT, "bench", lua)]
    proc = subprocess.Popen(["taskset", "-c", "1", "wrk", "-t1", "-c16", f"-d{SECONDS}s", "-H", "Accept-Encoding: br, gzip", *script, BASE + path],
                            stdout=subprocess.PIPE, text=True)
    peak = 0.0
    while proc.poll() is None:
        if pid:
            peak = max(peak, rss_mb(pid))
        time.sleep(0.2)
    out = proc.stdout.read()
    rps = float(next(line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec:")))
    if "Non-2xx" in out:
        rps = 0.0  # a page that fails has no throughput worth reporting
    errors = "Non-2xx" in out or "Socket errors" in out
    return rps, peak, errors


def main():
    """bench/run: the site under wrk and page weight; --all adds BenchmarkDotNet and the writers;
    --micro runs only those."""
    if "--micro" in sys.argv:
        micro.main()
        return
    site = publish()
    data = tempfile.mkdtemp(prefix="hemel-bench-")
    starts = []
    proc = None
    try:
        for _ in range(3):
            proc, seconds = start(site, data)
            starts.append(seconds)
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
        proc, _ = start(site, data)
        for path in ("/", ARTICLE, "/book", TIMES):  # warm up
            wrk(path)

        # "times" is the availability page as visitors get it (output-cached until a booking or the clock changes
        # it); "times, built" asks for a new cache key every request, so it prices a miss.
        paths = {"stylesheet": page_weight.stylesheet(BASE), "article": ARTICLE, "home": "/", "book": "/book", "times": TIMES,
                 "times, built": (TIMES, "uncached-times.lua")}
        results = {name: [] for name in paths}
        peak_rss = 0.0
        for _ in range(ROUNDS):  # interleaved, so noise hits every page alike
            for name, path in paths.items():
                rps, peak, errors = wrk(path, proc.pid)
                if errors:
                    print(f"warning: {name} had non-2xx or socket errors", file=sys.stderr)
                results[name].append(rps)
                if name == "article":
                    peak_rss = max(peak_rss, peak)

        print(f"machine: {os.cpu_count()} cores; {ROUNDS} rounds of {SECONDS}s, wrk -c16 on core 1, site on core 0")
        print(f"{'measure':<56} {'median':>10} {'range':>22}  budget")
        labels = {"article": "article", "home": "home", "book": "/book (start)", "times": "/book/times (availability)",
                  "times, built": "/book/times, every request a miss"}
        for name in ("article", "home", "book", "times", "times, built"):
            ratios = [a / s for a, s in zip(results[name], results["stylesheet"])]
            floor = 0.3 if name in ("book", "times") else 0.15 if name == "times, built" else 1.0
            budget = "reported" if floor is None else f">= {floor}x"
            verdict = "-" if floor is None else "pass" if statistics.median(ratios) >= floor else "FAIL"
            print(f"{labels[name] + ' throughput / stylesheet':<56} {statistics.median(ratios):>9.2f}x {min(ratios):>9.2f}-{max(ratios):<9.2f}x  {budget}  {verdict}")
        for name, values in results.items():
            print(f"{name + ' requests/s':<56} {statistics.median(values):>10.0f} {min(values):>10.0f}-{max(values):<11.0f}")
        start_ok = "pass" if statistics.median(starts) <= 1.0 else "FAIL"
        rss_ok = "pass" if peak_rss <= 160 else "FAIL"
        print(f"{'start to first article served (s)':<56} {statistics.median(starts):>10.2f} {min(starts):>10.2f}-{max(starts):<11.2f} <= 1.0  {start_ok}")
        print(f"{'resident memory under article load (MB)':<56} {peak_rss:>10.0f} {'':>22}  <= 160  {rss_ok}")
        print()
        page_weight.report(BASE, ["/", ARTICLE, "/book", page_weight.details_path(BASE)])
    finally:
        if proc and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
        shutil.rmtree(data, ignore_errors=True)
    if "--all" in sys.argv:  # after the site has stopped, so the two never share the cores
        print()
        micro.main()


if __name__ == "__main__":
    main()
