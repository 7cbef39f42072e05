#!/usr/bin/env bash
# Lighthouse (mobile) on home, an article and /book against a published Release build.
# Needs node 20, Debian's chromium. Prints one line of scores per page; reports go to bench/out/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
(cd bench/lighthouse && [ -d node_modules/lighthouse ] || npm install --no-audit --no-fund --silent)
python3 bench/lighthouse.py "$@"
