#!/usr/bin/env python3
"""BenchmarkDotNet suites and the concurrent-writer check (bench/HemelMassage.Benchmarks), summarised
as rows of the bench table. Generated SQLite files are kept in bench/out/db between runs."""
import csv
import glob
import os
import re
import statistics
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
PROJECT = os.path.join(ROOT, "bench", "HemelMassage.Benchmarks")
DLL = os.path.join(PROJECT, "bin", "Release", "net10.0", "HemelMassage.Benchmarks.dll")
UNITS = {"ns": 1e-3, "us": 1.0, "μs": 1.0, "ms": 1e3, "s": 1e6}
WRITE_ROUNDS = int(os.environ.get("BENCH_WRITE_ROUNDS", "3"))


def micros(text):
    """'5,592.4 us' -> 5592.4 (microseconds)."""
    number, unit = text.replace(",", "").split()
    return float(number) * UNITS[unit]


def build():
    subprocess.run(["dotnet", "build", PROJECT, "-c", "Release", "--nologo", "-v", "q"], check=True,
                   stdout=subprocess.DEVNULL)


def run_benchmarks():
    results = os.path.join(OUT, "bdn", "results")
    for old in glob.glob(os.path.join(results, "*")):
        os.remove(old)
    os.makedirs(os.path.join(OUT, "bdn"), exist_ok=True)
    with open(os.path.join(OUT, "bdn", "log.txt"), "w") as log:
        subprocess.run(["taskset", "-c", "0", "dotnet", DLL, "--filter", "*"], check=True, stdout=log, stderr=subprocess.STDOUT, cwd=PROJECT)
    rows = []
    for path in glob.glob(os.path.join(results, "*-report.csv")):
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                row["Type"] = os.path.basename(path).split("-report")[0].split(".")[-1]
                rows.append(row)
    return rows


def run_writes(existing=0, rounds=WRITE_ROUNDS):
    runs = []
    for _ in range(rounds):
        out = subprocess.run(["dotnet", DLL, "writes", str(existing)], text=True, capture_output=True, cwd=PROJECT).stdout
        line = next(line for line in out.splitlines() if line.startswith("writes:"))
        for error in (e for e in out.splitlines() if e.startswith("first error:")):
            print(f"writes ({existing} existing bookings) {error}")
        runs.append({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)})
    return runs


def find(rows, type_, method, **params):
    for row in rows:
        if row["Type"] == type_ and row["Method"] == method and all(row.get(k) == str(v) for k, v in params.items()):
            return {k: micros(row[k]) for k in ("Mean", "Median", "Min", "Max")} | {"Allocated": row.get("Allocated", "")}
    return None


def line(name, median, low, high, unit, budget="", verdict=""):
    print(f"{name:<44} {median:>10.2f} {low:>10.2f}-{high:<10.2f} {unit:<3} {budget:<10} {verdict}")


def report(rows, writes, writes_100k=()):
    print(f"{'micro-benchmarks (BenchmarkDotNet, 2 warm-ups + 5 iterations)':<44} {'median':>10} {'range (min-max)':>21}")
    ok = True
    for method, label in (("OneDay", "availability, one day"), ("Window60Days", "availability, 60-day window")):
        small = find(rows, "AvailabilityBenchmarks", method, Bookings=1000)
        big = find(rows, "AvailabilityBenchmarks", method, Bookings=1000000)
        for n in (1000, 100000, 1000000):
            r = find(rows, "AvailabilityBenchmarks", method, Bookings=n)
            if r:
                line(f"{label}, {n:,} bookings", r["Median"], r["Min"], r["Max"], "us")
        if small and big:
            ratio = big["Median"] / small["Median"]
            passed = ratio <= 2
            ok = ok and passed
            line(f"{label}: time(1M) / time(1k)", ratio, big["Min"] / small["Max"], big["Max"] / small["Min"], "x", "<= 2", "pass" if passed else "FAIL")
    for kb in (10, 100):
        for method, label in (("Parse_and_render", "whole pipeline"), ("Render_to_safe_html", "Markdig + sanitizer")):
            r = find(rows, "MarkdownBenchmarks", method, Kilobytes=kb)
            if r:
                line(f"markdown {label}, {kb} KB ({r['Allocated']})", r["Median"], r["Min"], r["Max"], "us")
    base = find(rows, "QueryBenchmarks", "Bookings_no_tracking_linq")
    for method in ("Bookings_tracked_entities", "Bookings_no_tracking_linq", "Bookings_compiled_as_shipped"):
        r = find(rows, "QueryBenchmarks", method)
        if r:
            line(f"EF {method.lower().replace('_', ' ')}", r["Median"], r["Min"], r["Max"], "us")
    compiled = find(rows, "QueryBenchmarks", "Bookings_compiled_as_shipped")
    tracked = find(rows, "QueryBenchmarks", "Bookings_tracked_entities")
    if base and compiled and tracked:
        line("EF bookings: no-tracking LINQ / compiled", base["Median"] / compiled["Median"], base["Min"] / compiled["Max"], base["Max"] / compiled["Min"], "x")
        line("EF bookings: tracked / compiled", tracked["Median"] / compiled["Median"], tracked["Min"] / compiled["Max"], tracked["Max"] / compiled["Min"], "x")
    linq = find(rows, "QueryBenchmarks", "Treatments_no_tracking_linq")
    menu = find(rows, "QueryBenchmarks", "Treatments_compiled_as_shipped")
    if linq and menu:
        line("EF treatments: no-tracking LINQ / compiled", linq["Median"] / menu["Median"], linq["Min"] / menu["Max"], linq["Max"] / menu["Min"], "x")
    if writes:
        rates = [w["per_second"] for w in writes]
        locked = int(sum(w["locked"] + w["other_errors"] for w in writes))
        complete = all(w["booked"] == 1000 for w in writes)
        passed = locked == 0 and complete
        ok = ok and passed
        line(f"4 writers x 250 bookings, bookings/s ({len(writes)} runs)", statistics.median(rates), min(rates), max(rates), "/s")
        print(f"{'  database is locked / other errors':<44} {locked:>10} {'':>21} {'':<3} {'0':<10} {'pass' if passed else 'FAIL'}")
    if writes_100k:
        rates = [w["per_second"] for w in writes_100k]
        errors = int(sum(w["locked"] + w["other_errors"] for w in writes_100k))
        line(f"  same, on top of 100,000 bookings ({errors} errors)", statistics.median(rates), min(rates), max(rates), "/s")
    return ok


def main():
    build()
    report(run_benchmarks(), run_writes(), run_writes(100000, rounds=1))


if __name__ == "__main__":
    main()
