#!/usr/bin/env bash
# Scans the running site's public pages with wapiti (Debian: apt-get install -y wapiti).
# Starts the built site on a fresh data folder, scans it, prints the findings by severity and stops it.
# Usage: bench/wapiti.sh [max-scan-seconds]   Report: bench/out/wapiti/report.json (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port=5197
base="http://127.0.0.1:${port}"
max_scan="${1:-300}"
out="${root}/bench/out/wapiti"
data="$(mktemp -d /tmp/hemel-wapiti-XXXXXX)"
mkdir -p "${out}"

dotnet build "${root}/src/HemelMassage.Web" --nologo -v q >/dev/null
cd "${root}/src/HemelMassage.Web"
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="${base}" DataDirectory="${data}" \
  Articles__Path="${root}/content/articles" Logging__LogLevel__Default=Warning \
  RateLimits__Booking__PermitLimit=100000 RateLimits__Manage__PermitLimit=100000 RateLimits__SignIn__PermitLimit=100000 \
  dotnet bin/Debug/net10.0/HemelMassage.Web.dll >"${out}/site.log" 2>&1 &
site=$!
trap 'kill ${site} 2>/dev/null || true; rm -rf "${data}"' EXIT
for _ in $(seq 1 300); do curl -fs "${base}/healthz" >/dev/null && break; sleep 0.2; done

wapiti -u "${base}/" --scope folder --flush-session --max-scan-time "${max_scan}" \
  -m "blindsql,cookieflags,csp,exec,file,http_headers,permanentxss,redirect,sql,ssrf,xss,crlf,csrf,methods,backup,htaccess,xxe" \
  -f json -o "${out}/report.json" -v 1 >"${out}/wapiti.log" 2>&1 || true

python3 - "${out}/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
levels = {1: "low", 2: "medium", 3: "high"}
found = [(levels.get(v.get("level"), str(v.get("level"))), name, v.get("path"), v.get("info", "")[:120])
         for section in ("vulnerabilities", "anomalies", "additionals") for name, items in report.get(section, {}).items() for v in items]
print(f"wapiti {report.get('infos', {}).get('version', '')}: {len(found)} finding(s), "
      f"{sum(1 for f in found if f[0] in ('medium', 'high'))} medium or above; crawled {report.get('infos', {}).get('crawled_pages_nbr', '?')} pages")
for f in found:
    print(" ", *f)
PY
