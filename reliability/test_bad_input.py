"""Bad input against every form, path and query parameter the app has.

The forms are found the way a person finds them: every page a projectleider can open is
read and each <form> on it is sent back with one thing broken at a time. Expected: never a
5xx; a 4xx carries a Dutch page; after a 4xx the database is exactly as before (nothing
half-saved); and text that looks like HTML is shown escaped on every page afterwards."""
import random
import re
import time
import urllib.parse
import uuid

import harness
from harness import SLUG_A, fill, forms, record, scale, snapshot_diff

MARKERS = ["<script>window.__pwned=1</script>", '"><img src=x onerror=alert(1)>']
BAD_VALUES = [
    "", " ", "\t\n", "x" * 10_000, "\x00", "voor\x00na", "\x01\x02\x1b[31mrood", "\u202etxet.exe\u202c",
    "שלום עולם مرحبا", "😀👩‍👩‍👧‍👦🏳️‍🌈", *MARKERS, "'; DROP TABLE users; --", "' OR '1'='1", "1; SELECT pg_sleep(5)",
    "2025-02-30", "2025-13-01", "0000-00-00", "31-12-2025", "-1", "-99999999999", "99999999999999999999999",
    "1e309", "NaN", "3.5", "0x1F", "true", "[]", "{\"a\":1}", "../../etc/passwd", "%00", "\r\nX-Injected: 1",
    str(uuid.uuid4()), "niet-een-id",
]
QUERY_NAMES = ["van", "tot", "van-dag", "van-maand", "tot-jaar", "per", "wie", "status", "te-laat", "terug", "kies", "locatie", "domein", "partner", "periode"]
LIMIT = 256 * 1024


class Probe:
    """Sends one request, checks the answer and the database, counts."""

    def __init__(self, app):
        self.app = app
        self.client = app.client("projectleider")
        self.tried = 0
        self.server_errors = []
        self.problems = []
        self.state = app.db.snapshot()
        self.version = app.db.version()
        self.statuses = {}
        self.slowest = 0.0
        self.slowest_what = ""

    def relogin_if_needed(self, r):
        if r.status == 401 or (r.status == 303 and r.location.startswith("/inloggen")):
            self.client = self.app.client("projectleider")

    def send(self, method, path, body=None, content_type=None, label=""):
        self.tried += 1
        started = time.monotonic()
        try:
            r = self.client.request(method, path, body, content_type, timeout=60)
            if time.monotonic() - started > self.slowest:
                self.slowest, self.slowest_what = time.monotonic() - started, f"{label} {method} {path[:80]}"
        except OSError as e:
            self.server_errors.append(f"{label} {method} {path[:80]}: no answer ({e})")
            return None
        what = f"{label} {method} {path[:100]}"
        if r.status >= 500:
            self.server_errors.append(f"{what}: {r.status}")
        if any(m in r.text for m in MARKERS):
            self.problems.append(f"{what}: HTML from the input shown unescaped")
        self.statuses[r.status] = self.statuses.get(r.status, 0) + 1
        version = self.app.db.version()
        after = self.app.db.snapshot() if version != self.version else self.state
        self.version = version
        if 400 <= r.status < 500:
            if 'lang="nl"' not in r.text:
                self.problems.append(f"{what}: {r.status} without a Dutch page: {r.text[:120]!r}")
            changed = snapshot_diff(self.state, after)
            if changed and r.status != 409:
                self.problems.append(f"{what}: {r.status} but tables changed: {changed}")
        self.state = after
        self.relogin_if_needed(r)
        return r

    def post_pairs(self, action, pairs, label):
        """Sends the pairs with the current session's token (a re-login changes it)."""
        body = urllib.parse.urlencode([(k, v) for k, v in pairs if k != "csrf"] + [("csrf", self.client.csrf or "")]).encode()
        return self.send("POST", action, body, "application/x-www-form-urlencoded", label)


def discover(app, client):
    """Every GET route filled with real ids; the forms on those pages."""
    pages, found = [], {}
    for method, path, _ in harness.routes():
        if method != "GET" or "/versies/" in path or path.endswith((".pdf", ".docx", ".csv")):
            continue
        url = fill(path, app.ids)
        r = client.get(url)
        if r.status != 200 or "text/html" not in (r.header("Content-Type") or ""):
            continue
        pages.append(url)
        for f in forms(r.text):
            if f.method != "post" or not f.action or f.action.endswith("/uitloggen") or f.action in found:
                continue
            found[f.action] = f
    return pages, list(found.values())


def fresh_csrf(probe):
    probe.client.get("/account")
    return probe.client.csrf


def test_bad_input(app):
    rng = random.Random(7)
    probe = Probe(app)
    pages, all_forms = discover(app, probe.client)
    assert len(all_forms) >= 25, f"only {len(all_forms)} forms found on {len(pages)} pages"
    other = [v for v in app.other_ids.values() if re.fullmatch(r"[0-9a-fA-F-]{36}", v)]
    per_field = scale(4, len(BAD_VALUES))

    for form in all_forms:
        base = [(k, v) for k, v in form.values() if k != "csrf"]
        csrf = fresh_csrf(probe)
        names = [k for k, _ in base]
        # One field at a time: bad text, other coalitions' ids, wrong types.
        for i, name in enumerate(names):
            kind = form.fields[i][2] if i < len(form.fields) else "text"
            values = rng.sample(BAD_VALUES, per_field) if per_field < len(BAD_VALUES) else list(BAD_VALUES)
            if kind == "select" or name.endswith("ID") or name.endswith("Id"):
                values += other[: scale(2, len(other))]
            for value in values:
                pairs = [(k, value if j == i else v) for j, (k, v) in enumerate(base)] + [("csrf", csrf)]
                probe.post_pairs(form.action, pairs, f"field {name}")
            # Missing, and sent twice with two different values.
            probe.post_pairs(form.action, [p for j, p in enumerate(base) if j != i] + [("csrf", csrf)], f"without {name}")
            probe.post_pairs(form.action, base + [(name, "anders")] + [("csrf", csrf)], f"twice {name}")
        # Date pairs the wrong way round.
        dates = [k for k in names if re.search(r"(van|tot|from|to|start|end|date|datum)", k, re.I)]
        if len(dates) >= 2:
            pairs = [(k, "2026-05-01" if k == dates[0] else "2025-01-01" if k == dates[1] else v) for k, v in base]
            probe.post_pairs(form.action, pairs + [("csrf", csrf)], "tot before van")
        # The whole form: empty, over the limit, invalid UTF-8, wrong content types.
        probe.post_pairs(form.action, [("csrf", csrf)], "empty")
        probe.send("POST", form.action, b"csrf=" + csrf.encode() + b"&" + (names[0] if names else "x").encode() + b"=" + b"y" * (LIMIT + 10),
                   "application/x-www-form-urlencoded", "over the limit")
        probe.send("POST", form.action, b"csrf=" + csrf.encode() + b"&" + (names[0] if names else "x").encode() + b"=" + b"y" * 1_048_576,
                   "application/x-www-form-urlencoded", "1 MB")
        probe.send("POST", form.action, b"csrf=" + csrf.encode() + b"&" + (names[0] if names else "x").encode() + b"=%FF%FE%80\xff\xfe",
                   "application/x-www-form-urlencoded", "invalid UTF-8")
        probe.send("POST", form.action, ('{"csrf":"%s"}' % csrf).encode(), "application/json", "json")
        probe.send("POST", form.action, ("csrf=" + csrf).encode(), "text/plain", "text/plain")
        probe.send("POST", form.action, b"--x\r\nbroken", "multipart/form-data; boundary=x", "broken multipart")
        probe.send("POST", form.action, ("csrf=" + csrf).encode(), None, "no content type")

    # Every path with ids: ids that do not exist, another coalition's, nonsense.
    nonsense = [str(uuid.uuid4()), "niet-een-id", "-1", "99999999999999999999", "%00", "x" * 2000, "%E2%80%AE", "..%2F..%2Fetc"]
    for method, path, _ in harness.routes():
        params = [p[1:] for p in path.split("/") if p.startswith(":") and p != ":slug"]
        for param in params:
            candidates = nonsense + ([app.other_ids[param]] if param in app.other_ids else [])
            for value in candidates[: scale(4, len(candidates))] if not harness.FULL else candidates:
                parts = [(urllib.parse.quote(app.ids[p[1:]], safe="") if p[1:] != param else value) if p.startswith(":") else p
                         for p in path.split("/")]
                url = "/".join(parts).replace(":slug", SLUG_A)
                if method == "GET":
                    probe.send("GET", url, label=f"param {param}")
                else:
                    probe.send("POST", url, ("csrf=" + fresh_csrf(probe)).encode(), "application/x-www-form-urlencoded", f"param {param}")
    # Query parameters on every page.
    for url in pages:
        for name in QUERY_NAMES:
            for value in rng.sample(BAD_VALUES, scale(2, 8)):
                probe.send("GET", url + "?" + urllib.parse.urlencode({name: value}), label=f"query {name}")

    # Stored text is shown escaped everywhere.
    client = app.client("projectleider")
    for url in pages:
        r = client.get(url)
        if any(m in r.text for m in MARKERS):
            probe.problems.append(f"GET {url}: stored HTML shown unescaped")

    record(app.kind, "bad inputs tried", probe.tried)
    record(app.kind, "bad input 5xx", len(probe.server_errors))
    record(app.kind, "slowest bad request ms", int(probe.slowest * 1000), keep="max")
    print(f"{app.kind}: {probe.tried} bad inputs on {len(all_forms)} forms and {len(pages)} pages; "
          f"{len(probe.server_errors)} 5xx; {len(probe.problems)} other problems; answers {sorted(probe.statuses.items())}; "
          f"slowest {probe.slowest * 1000:.0f} ms: {probe.slowest_what}")
    assert not probe.server_errors, "\n".join(probe.server_errors[:40])
    assert not probe.problems, "\n".join(probe.problems[:40])
    assert probe.tried >= scale(1500, 1500)
