#!/usr/bin/env python3
"""First-view weight of pages: the HTML plus everything it loads (stylesheets, scripts,
images, icons), each fetched as a browser would, compressed. Prints one row per page.

usage: page_weight.py BASE_URL PATH [PATH ...]   (PATH "details": the booking's details step, reached by
walking the form to the first free hour)
"""
import http.cookiejar
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") in ("stylesheet", "icon", "preload", "modulepreload"):
            self.urls.append(a.get("href"))
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])
            self.scripts.append(a["src"])
        elif tag == "img" and a.get("src") and a.get("loading") != "lazy":
            self.urls.append(a["src"])


# One browser, one cookie jar, for every request: the details step answers only the browser that started
# the booking (its booking cookie), so the page is weighed by the browser that walked the form to it.
BROWSER = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def fetch(url):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip", "User-Agent": "page-weight"})
    with BROWSER.open(req) as r:
        body = r.read()
        return body, r.headers


def weigh(base, path):
    body, headers = fetch(urljoin(base, path))
    html_bytes = len(body)
    # Parse the decompressed HTML for assets.
    plain = BROWSER.open(urllib.request.Request(urljoin(base, path))).read().decode("utf-8")
    parser = Assets()
    parser.feed(plain)
    total, requests, js, uncached = html_bytes, 1, 0, []
    for url in dict.fromkeys(u for u in parser.urls if u):
        asset, h = fetch(urljoin(base, url))
        total += len(asset)
        requests += 1
        if url in parser.scripts:
            js += len(asset)
        if "immutable" not in (h.get("Cache-Control") or ""):
            uncached.append(url)
    return html_bytes, total, requests, js, uncached


class TimesForm(HTMLParser):
    """The hidden fields of the times form and its first free hour."""
    def __init__(self):
        super().__init__()
        self.fields, self.start = {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag != "input" or not a.get("name"):
            return
        if a.get("type") == "hidden":
            self.fields[a["name"]] = a.get("value") or ""
        elif a.get("name") == "Start" and self.start is None:
            self.start = a.get("value")


def details_path(base):
    """Walks the booking form as a client does (treatment, any therapist, the first free hour) and returns
    the path of the details step, the page with the body map and the booking's only script."""
    opener = BROWSER
    times = opener.open(urljoin(base, "/book/times?treatment=deep-tissue&therapist=any")).read().decode("utf-8")
    form = TimesForm()
    form.feed(times)
    if form.start is None:
        raise RuntimeError("no free hour on /book/times")
    data = urllib.parse.urlencode({**form.fields, "Start": form.start}).encode()
    with opener.open(urllib.request.Request(urljoin(base, "/book/times"), data=data)) as r:
        return urlparse(r.geturl()).path


def stylesheet(base):
    """The fingerprinted address of the site's own stylesheet, as the home page links it."""
    parser = Assets()
    parser.feed(urllib.request.urlopen(urljoin(base, "/")).read().decode("utf-8"))
    return next(u for u in parser.urls if u and u.endswith(".css"))


# Budgets per page: compressed bytes of the first view, requests, JavaScript bytes (None: no own limit).
BUDGET_BYTES, BUDGET_REQUESTS = 50 * 1024, 6
JS_BUDGET = {"/book": 10 * 1024}


def js_budget(path):
    if path.startswith("/articles/"):
        return 0
    if path.startswith("/book/"):  # every step of the booking form shares /book's budget
        return JS_BUDGET["/book"]
    return JS_BUDGET.get(path)


def shown(path):
    """A booking's own key is noise in a table: the details step is shown by its route."""
    return "/book/details/{key}" if path.startswith("/book/details/") else path


def report(base, paths):
    """Prints one row per page with pass/FAIL against the budgets; returns True when all pass."""
    print(f"{'first view (compressed bytes)':<44} {'html':>7} {'total':>7} {'reqs':>4} {'js':>6}  verdict  assets not cached for good")
    ok = True
    for path in paths:
        try:
            html_bytes, total, requests, js, uncached = weigh(base, path)
        except urllib.error.HTTPError as e:
            print(f"{shown(path):<44} HTTP {e.code}")
            ok = False
            continue
        limit = js_budget(path)
        passed = total <= BUDGET_BYTES and requests <= BUDGET_REQUESTS and (limit is None or js <= limit) and not uncached
        ok = ok and passed
        print(f"{shown(path):<44} {html_bytes:>7} {total:>7} {requests:>4} {js:>6}  {'pass' if passed else 'FAIL':<7}  {', '.join(uncached) or '-'}")
    js_limits = ", ".join(dict.fromkeys(f"{shown(p)} <= {js_budget(p)} B" for p in paths if js_budget(p) is not None))
    print(f"budgets: total <= {BUDGET_BYTES} B, <= {BUDGET_REQUESTS} requests, JS {js_limits}; repeat view: every asset immutable")
    return ok


def main():
    paths = [details_path(sys.argv[1]) if p == "details" else p for p in sys.argv[2:]]
    report(sys.argv[1], paths)


if __name__ == "__main__":
    main()
