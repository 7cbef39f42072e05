#!/usr/bin/env bash
# Scans the running site's public pages with wapiti (Debian: apt-get install -y wapiti).
# Starts the built site on a fresh data folder (its canonical address set to the scanned one, else wapiti
# follows no links), scans it, prints the findings by severity and stops it.
# wapiti asks for Brotli: install python3-brotli too, or it cannot read the pages and follows no links.
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
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="${base}" DataDirectory="${data}" Clinic__BaseUrl="${base}" \
  Articles__Path="${root}/content/articles" Logging__LogLevel__Default=Warning \
  RateLimits__Booking__PermitLimit=100000 RateLimits__Manage__PermitLimit=100000 RateLimits__SignIn__PermitLimit=100000 \
  dotnet bin/Debug/net10.0/HemelMassage.Web.dll >"${out}/site.log" 2>&1 &
site=$!
trap 'kill ${site} 2>/dev/null || true; rm -rf "${data}"' EXIT
for _ in $(seq 1 300); do curl -fs "${base}/healthz" >/dev/null && break; sleep 0.2; done

wapiti -u "${base}/" --scope folder --flush-session --max-scan-time "${max_scan}" \
  -m "blindsql,cookieflags,csp,exec,file,http_headers,permanentxss,redirect,sql,ssrf,xss,crlf,csrf,methods,backup,htaccess,xxe" \
  -f json -o "${out}/report.json" -v 1 >"${out}/wapiti.log" 2>&1 || true

# A signed-in Owner session (Development: no second factor): create the Owner, set a password from the
# one-time link, sign in, and hand wapiti the staff cookie. (wapiti 3.0.4's -x exclusion crashes on Python 3.11, so
# nothing is excluded; sign-out is a POST the crawler does not follow.)
link="$(ASPNETCORE_ENVIRONMENT=Development DataDirectory="${data}" Articles__Path="${root}/content/articles" Logging__LogLevel__Default=Warning \
  dotnet bin/Debug/net10.0/HemelMassage.Web.dll create-owner scanner@example.com | grep -o 'http[^ ]*set-password[^ ]*' | head -1)"
rm -f "${out}/staff-cookies.json" "${out}/staff-report.json"
python3 - "${base}" "${link}" "${out}/staff-cookies.json" <<'PY' || echo "staff session: could not sign in; staff pages not scanned"
import http.cookiejar, json, re, sys, urllib.parse, urllib.request
base, link, target = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
path = urllib.parse.urlsplit(link)
page = web.open(base + path.path + "?" + path.query).read().decode()
tags = [t for t in re.findall(r"<input[^>]*>", page) if 'type="hidden"' in t]
fields = {re.search(r'name="([^"]+)"', t).group(1): re.search(r'value="([^"]*)"', t).group(1) for t in tags}
fields = {k: v.replace("&#x2B;", "+").replace("&#x2F;", "/").replace("&#x3D;", "=").replace("&amp;", "&") for k, v in fields.items()}
password = "scanner quietly reading every page"
fields.update(NewPassword=password, ConfirmPassword=password)
web.open(base + "/admin/account/set-password", urllib.parse.urlencode(fields).encode()).read()
page = web.open(base + "/admin/account/sign-in").read().decode()
token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
web.open(base + "/admin/account/sign-in", urllib.parse.urlencode({"Email": "scanner@example.com", "Password": password, "__RequestVerificationToken": token}).encode()).read()
cookies = {c.name: {"value": c.value, "expires": None, "secure": False, "port": None, "version": 0} for c in jar}
assert "hm-staff" in cookies, "the scanner could not sign in"
json.dump({"127.0.0.1": {"/": cookies}}, open(target, "w"))
PY
[ -f "${out}/staff-cookies.json" ] && wapiti -u "${base}/admin/" --scope folder --flush-session --max-scan-time "${max_scan}" -c "${out}/staff-cookies.json" \
  -m "blindsql,cookieflags,csp,exec,file,http_headers,permanentxss,redirect,sql,ssrf,xss,crlf,csrf,methods" \
  -f json -o "${out}/staff-report.json" -v 1 >"${out}/wapiti-staff.log" 2>&1 || true

python3 - "${out}/report.json" "${out}/staff-report.json" <<'PY'
import json, sys
import os
for file in (f for f in sys.argv[1:] if os.path.exists(f)):
  print(file)
  report = json.load(open(file))
  levels = {1: "low", 2: "medium", 3: "high"}
  found = [(levels.get(v.get("level"), str(v.get("level"))), name, v.get("path"), v.get("info", "")[:120])
         for section in ("vulnerabilities", "anomalies", "additionals") for name, items in report.get(section, {}).items() for v in items]
  print(f"wapiti {report.get('infos', {}).get('version', '')}: {len(found)} finding(s), "
      f"{sum(1 for f in found if f[0] in ('medium', 'high'))} medium or above; crawled {report.get('infos', {}).get('crawled_pages_nbr', '?')} pages")
  for f in found:
    print(" ", *f)
PY
