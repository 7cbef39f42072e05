#!/usr/bin/env python3
"""Starts the published site like bench/run.py does and runs Lighthouse's mobile audit on three pages."""
import json
import os
import signal
import subprocess
import tempfile

import run

PAGES = ["/", run.ARTICLE, "/book"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def main():
    site = run.publish()
    data = tempfile.mkdtemp(prefix="hemel-lighthouse-")
    out = os.path.join(run.OUT, "lighthouse")
    os.makedirs(out, exist_ok=True)
    proc, _ = run.start(site, data)
    lighthouse = os.path.join(run.ROOT, "bench", "lighthouse", "node_modules", ".bin", "lighthouse")
    try:
        print(f"{'page':<44} " + " ".join(f"{c:>14}" for c in CATEGORIES))
        for page in PAGES:
            name = page.strip("/").replace("/", "-") or "home"
            report = os.path.join(out, name + ".json")
            for _ in range(3):  # Lighthouse sometimes loses the trace (NO_NAVSTART): try again
                done = subprocess.run([lighthouse, run.BASE + page, "--quiet", "--output=json", f"--output-path={report}",
                            "--form-factor=mobile", "--only-categories=" + ",".join(CATEGORIES),
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                            "--disable-component-update --disable-sync --no-first-run"]).returncode == 0
                if done:
                    break
            if not done:
                print(f"{page:<44} lighthouse failed three times")
                continue
            with open(report) as f:
                scores = json.load(f)["categories"]
            print(f"{page:<44} " + " ".join(f"{round(scores[c]['score'] * 100):>14}" for c in CATEGORIES))
            failing = [a for a in json.load(open(report))["audits"].values()
                       if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
            for audit in failing:
                print(f"    {audit['id']}: {audit['title']}")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
