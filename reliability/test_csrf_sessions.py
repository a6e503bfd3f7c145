"""CSRF and sessions: every unsafe route refuses a request without the session's token, with
another session's token and with a stale one (403, nothing changed); cookie flags; a new
session id at login; the old session dead after logout, after a password change and after
the idle timeout."""
import urllib.parse

import harness
from harness import Client, Server, SLUG_A, fill, record, snapshot_diff


def post(client, url, token):
    pairs = [("csrf", token)] if token is not None else []
    return client.request("POST", url, urllib.parse.urlencode(pairs).encode(), "application/x-www-form-urlencoded")


def test_every_unsafe_route_needs_this_sessions_token(app):
    victim = app.client("projectleider")
    other = app.client("coordinator")
    # A stale token: the one this browser had before logging in (the session id and token change at login).
    stale_client = Client(app.base)
    stale_client.get("/inloggen")
    stale = stale_client.csrf
    stale_client.post("/inloggen", {"email": harness.PEOPLE["projectleider"], "password": harness.PASSWORD})
    stale_client.get("/account")
    assert stale_client.csrf != stale
    # And the token of a session that has logged out since.
    gone = app.client("projectleider")
    gone_token = gone.csrf
    assert gone.post("/uitloggen", {}).status == 303

    # One-click unsubscribe (RFC 8058) is posted by a mail program, which has no session: the
    # secret in the address is the proof, and a wrong one finds nothing (a 404, nothing changed).
    no_session = ("/afmelden/:token",)
    unsafe = [(m, p) for m, p, _ in harness.routes() if m not in ("GET", "HEAD", "OPTIONS") and p not in no_session]
    before = app.db.snapshot()
    cases, accepted = 0, []
    for method, path in unsafe:
        url = fill(path, app.ids)
        for label, client, token in (("no token", victim, None), ("other session's token", victim, other.csrf),
                                     ("token before login", stale_client, stale), ("logged-out session's token", victim, gone_token),
                                     ("empty token", victim, "")):
            r = post(client, url, token)
            cases += 1
            if r.status != 403:
                accepted.append(f"{path} with {label}: {r.status}")
    changed = snapshot_diff(before, app.db.snapshot())
    record(app.kind, "csrf cases", cases)
    record(app.kind, "csrf accepted", len(accepted) + (1 if changed else 0))
    assert not accepted, "\n".join(accepted[:30])
    assert not changed, f"refused requests changed {changed}"
    # The right token still works, so the refusals above were about the token.
    victim.get("/account")
    assert victim.post("/account/naam", {"name": "", "version": "0"}).status == 422
    for path in no_session:
        assert post(Client(app.base), fill(path, app.ids), None).status == 404, "an unknown unsubscribe secret finds nothing"


def test_cookie_flags_and_new_session_at_login(app):
    c = Client(app.base)
    r = c.get("/inloggen")
    first = c.cookie
    cookie = " ".join(r.all("Set-Cookie")).lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie
    assert first and first.startswith("bouwstenen=")
    c.post("/inloggen", {"email": harness.PEOPLE["lezer"], "password": harness.PASSWORD})
    assert c.cookie and c.cookie != first, "the session id must change at login"
    replay = Client(app.base)
    replay.cookie = first
    assert replay.get("/").status == 303, "the cookie from before the login must not be logged in"


def test_https_base_url_makes_cookies_secure_and_sends_hsts(app):
    server = Server(app.db, {"BASE_URL": "https://bouwstenen.example.nl"})
    server.start()
    try:
        c = Client(server.base)
        r = c.get("/inloggen")
        cookie = " ".join(r.all("Set-Cookie"))
        assert cookie.startswith("__Host-bouwstenen=") and "Secure" in cookie and "HttpOnly" in cookie
        assert "max-age=31536000" in (r.header("Strict-Transport-Security") or "")
    finally:
        server.stop()


def test_logout_password_change_and_idle_timeout_end_sessions(app):
    email = "coordinator.vlinder@rivierstad.example"
    # Logout: the cookie is dead on the server, not only removed from the browser.
    a = Client(app.base).login(email)
    cookie = a.cookie
    assert a.post("/uitloggen", {}).status == 303
    replay = Client(app.base)
    replay.cookie = cookie
    assert replay.get(f"/c/{SLUG_A}/").status == 303

    # Password change: every other session of the person ends; the one that changed it stays.
    laptop = Client(app.base).login(email)
    phone = Client(app.base).login(email)
    laptop.get("/account")
    new = "een nieuwe zin voor de vlinder"
    r = laptop.post("/account/wachtwoord", {"currentPassword": harness.PASSWORD, "password": new, "passwordRepeat": new})
    assert r.status == 303, r.status
    assert phone.get(f"/c/{SLUG_A}/").status == 303, "the other session must end with the password change"
    assert laptop.get(f"/c/{SLUG_A}/").status == 200

    # Idle timeout: a session not seen for longer than the limit (8 hours) is gone.
    idle = Client(app.base).login(harness.PEOPLE["lezer"])
    assert idle.get(f"/c/{SLUG_A}/").status == 200
    user = app.db.rows("SELECT id FROM users WHERE email = ?", (harness.PEOPLE["lezer"],))[0][0]
    with app.db.connect() as c:
        if app.kind == "sqlite":
            c.execute("UPDATE sessions SET last_seen_at = last_seen_at - 9 * 3600 WHERE user_id = ?", (user,))
        else:
            c.execute("UPDATE sessions SET last_seen_at = last_seen_at - interval '9 hours' WHERE user_id = %s", (user,))
    assert idle.get(f"/c/{SLUG_A}/").status == 303
