"""Security headers on every kind of answer, 413 on large bodies, login throttling."""
import harness
from harness import SLUG_A, Client, fill, record

HEADERS = {
    "Content-Security-Policy": ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"],
    "X-Content-Type-Options": ["nosniff"],
    "Referrer-Policy": ["same-origin"],
    "X-Frame-Options": ["DENY"],
}


def check_headers(r, what):
    problems = []
    for name, parts in HEADERS.items():
        value = r.header(name) or ""
        problems += [f"{what}: {name} lacks {p!r}" for p in parts if p not in value]
    return problems


def test_security_headers_on_pages_errors_files_and_downloads(app):
    c = app.client("projectleider")
    anonymous = Client(app.base)
    problems, checked = [], 0
    for method, path, _ in harness.routes():
        if method != "GET":
            continue
        r = c.get(fill(path, app.ids))
        problems += check_headers(r, f"{path} ({r.status})")
        checked += 1
    for who, url in ((anonymous, f"/c/{SLUG_A}/"), (c, "/bestaat-niet"), (c, "/css/app.css"), (anonymous, "/inloggen")):
        r = who.get(url)
        problems += check_headers(r, f"{url} ({r.status})")
        checked += 1
    record(app.kind, "header checks", checked)
    assert not problems, "\n".join(problems[:20])
    assert "Strict-Transport-Security" not in dict(c.get("/").headers), "no HSTS without an https BASE_URL"


def test_large_body_is_413_in_dutch(app):
    c = app.client("projectleider")
    c.get("/account")
    body = ("csrf=" + c.csrf + "&name=" + "a" * (1100 * 1024)).encode()
    r = c.request("POST", "/account/naam", body, "application/x-www-form-urlencoded")
    assert r.status == 413 and 'lang="nl"' in r.text and "te groot" in r.text


def test_login_is_throttled_after_five_failures(app):
    email = harness.PEOPLE["partner"]
    c = Client(app.base)
    c.get("/inloggen")
    statuses = [c.post("/inloggen", {"email": email, "password": f"fout {n}"}).status for n in range(5)]
    assert statuses == [401] * 5
    # The sixth attempt is refused even with the right password.
    r = c.post("/inloggen", {"email": email, "password": harness.PASSWORD})
    assert r.status == 429 and 'lang="nl"' in r.text
    assert c.get(f"/c/{SLUG_A}/").status == 303, "not logged in"


def test_html_is_gzipped_when_asked_and_the_csrf_token_differs_per_page(app):
    """Pages go gzipped to a client that asks; the CSRF token on them is masked afresh on
    every response, so compression cannot leak it (BREACH), and each masked form works."""
    import gzip
    import re
    c = app.client("projectleider")
    page = f"/c/{SLUG_A}/"
    status, headers, body = harness.raw_request(app.base, "GET", page, headers={"Cookie": c.cookie, "Accept-Encoding": "gzip"})
    assert status == 200 and dict((k.lower(), v) for k, v in headers).get("content-encoding") == "gzip"
    html = gzip.decompress(body).decode()
    assert "<h1>" in html
    plain = c.get(page)
    assert plain.header("Content-Encoding") is None, "no gzip unless asked"
    tokens = {re.search(r'name="csrf" value="([^"]+)"', c.get(page).text).group(1) for _ in range(3)}
    assert len(tokens) == 3, "a fresh mask on every page"
    # Each of them passes the check (an empty name is then refused, 422); a made-up one does not.
    for token in tokens:
        assert c.post("/account/naam", {"name": "", "csrf": token}, csrf=False).status == 422
    assert c.post("/account/naam", {"name": "", "csrf": "x" * 43}, csrf=False).status == 403
