"""The faults an outside attack found (issue 15), each tried again here with its wider class:
extreme integers in every numeric field of every form, bodies and queries shaped to make
parsing slow, parallel login bursts and lockouts by strangers, parallel demotions of the
last projectleider, parallel invitation accepts, parallel PDF downloads, whether an account
exists, weak passwords, Unicode spellings of one address, /metrics, Excel's sep= line and
simultaneous freezes of the report.

Every test also watches the process: a request that stops the server is a crash, counted in
the closing table (goal 0)."""
import concurrent.futures
import re
import shutil
import subprocess
import threading
import time
import unicodedata
import urllib.parse

import pytest

import harness
from conftest import close_app, make_app
from harness import SLUG_A, Client, forms, record, scale
from test_bad_input import discover

INT_MAX, INT_MIN = "9223372036854775807", "-9223372036854775808"
EXTREMES = [INT_MAX, INT_MIN, "9223372036854775806", "2147483648", "-2147483649", "1000000001", "-1"]
NUMERIC = re.compile(r"^-?\d+$")


@pytest.fixture(scope="module", params=harness.db_kinds())
def app(request):
    # The load balancer of the README is 127.0.0.1 here, so X-Forwarded-For names the client.
    a = make_app(request.param, {"TRUSTED_PROXIES": "127.0.0.1"})
    a.crashes = 0
    yield a
    close_app(a)


def alive(app, lost_connection: bool = False) -> bool:
    """False (and the server restarted, the crash counted) when the process has died."""
    if lost_connection:
        try:
            app.server.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
    if app.server.proc.poll() is None:
        return True
    app.crashes += 1
    record(app.kind, "crashes", 1)
    app.server.start()
    return False


def timed(fn):
    started = time.monotonic()
    result = fn()
    return result, time.monotonic() - started


def slowest(app, seconds: float):
    """The slowest bad request, in milliseconds (the figure keeps the maximum)."""
    record(app.kind, "slowest bad request ms", int(seconds * 1000), keep="max")


# --- 1. integers at the edge of what parses, in every numeric field of every form ------------

def test_extreme_integers_in_every_numeric_field(app):
    client = app.client("projectleider")
    _, all_forms = discover(app, client)
    tried, server_errors, crashes_before = 0, [], app.crashes
    for form in all_forms:
        base = [(k, v) for k, v in form.values() if k != "csrf"]
        numeric = [i for i, (k, v) in enumerate(base) if k == "version" or NUMERIC.match(v or "")]
        for i in numeric:
            for value in EXTREMES:
                client.get("/account")
                pairs = [(k, value if j == i else v) for j, (k, v) in enumerate(base)]
                tried += 1
                try:
                    status = client.post(form.action, pairs).status
                except OSError:
                    status = None
                if status is None or status >= 500:
                    server_errors.append(f"{form.action} {base[i][0]}={value}: {status or 'no answer'}")
                if not alive(app, lost_connection=status is None):
                    server_errors.append(f"{form.action} {base[i][0]}={value}: the server died")
                    client = app.client("projectleider")
    record(app.kind, "extreme integers tried", tried)
    print(f"{app.kind}: {tried} extreme integers in {len(all_forms)} forms; {len(server_errors)} failures")
    assert tried >= 50, f"only {tried} numeric fields found"
    assert app.crashes == crashes_before and not server_errors, "\n".join(server_errors[:20])


# --- 2. bodies and queries whose parsing could grow faster than their size ---------------------

def shaped_bodies():
    yield "40,000 repeated x[]", b"x[]=a&" * 40_000, "application/x-www-form-urlencoded"
    yield "repeated plain key", b"x=a&" * 60_000, "application/x-www-form-urlencoded"
    yield "keys spelled in other encodings", b"".join(f"%78{'%5B' if n % 2 else '['}]=a&".encode() for n in range(20_000)), "application/x-www-form-urlencoded"
    yield "20,000 distinct fields", b"".join(f"f{n}=a&".encode() for n in range(20_000)), "application/x-www-form-urlencoded"
    yield "deep nesting", b"a" + b"[b]" * 60_000 + b"=1", "application/x-www-form-urlencoded"
    yield "many multipart parts", b"".join(b'--x\r\nContent-Disposition: form-data; name="f"\r\n\r\na\r\n' for _ in range(4_000)) + b"--x--\r\n", "multipart/form-data; boundary=x"


def test_shaped_bodies_are_refused_in_bounded_time(app):
    anonymous = Client(app.base)
    anonymous.get("/inloggen")
    tried, problems = 0, []
    for label, body, content_type in shaped_bodies():
        assert len(body) < 256 * 1024, label
        for path in ("/inloggen", f"/c/{SLUG_A}/leden/uitnodigen"):
            r, seconds = timed(lambda: anonymous.request("POST", path, body, content_type, timeout=60))
            tried += 1
            slowest(app, seconds)
            if r.status != 413:
                problems.append(f"{label} to {path}: {r.status}")
            if not alive(app):
                problems.append(f"{label}: the server died")
    # The same through the query string of a page.
    for query in ("x=a&" * 400, "a" + "[b]" * 5 + "=1", "x=" + "a" * 5_000):
        r, seconds = timed(lambda: anonymous.get("/inloggen?" + query))
        tried += 1
        slowest(app, seconds)
        if r.status != 400:
            problems.append(f"query {query[:20]}…: {r.status}")
    # Four clients at once must not stop others from being answered.
    stop = threading.Event()

    def flood():
        c = Client(app.base)
        while not stop.is_set():
            c.request("POST", "/inloggen", b"x[]=a&" * 40_000, "application/x-www-form-urlencoded", timeout=60)

    threads = [threading.Thread(target=flood) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        time.sleep(0.5)
        _, livez = timed(lambda: harness.raw_request(app.base, "GET", "/livez", timeout=30))
    finally:
        stop.set()
        for t in threads:
            t.join()
    slowest(app, livez)
    record(app.kind, "shaped bodies tried", tried)
    print(f"{app.kind}: {tried} shaped bodies and queries; /livez under 4 flooding clients: {livez * 1000:.0f} ms")
    assert not problems, "\n".join(problems)


# --- 3. login throttle: atomic, per client, no lockout of the owner by strangers ---------------

def login(c: Client, email: str, password: str, client_ip: str | None = None):
    c.get("/inloggen")
    headers = {"X-Forwarded-For": client_ip} if client_ip else None
    return c.post("/inloggen", {"email": email, "password": password}, headers=headers)


def burst(app, email, passwords, client_ip):
    def one(password):
        return login(Client(app.base), email, password, client_ip).status
    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        return list(pool.map(one, passwords))


def clear_throttle(app):
    app.db.execute("DELETE FROM login_failures")


def test_parallel_login_burst_gets_at_most_the_limit_of_password_checks(app):
    try:
        burst_case(app)
    finally:
        clear_throttle(app)


def burst_case(app):
    victim = harness.PEOPLE["coordinator"]
    clear_throttle(app)
    statuses = burst(app, victim, ["fout wachtwoord nummer %d" % n for n in range(scale(60, 200))], "10.1.0.1")
    checked = statuses.count(401)
    record(app.kind, "throttle bursts", len(statuses))
    record(app.kind, "throttle checks let through", max(0, checked - 5))
    # Locked now: a burst that includes the right password does not get in either.
    with_right = ["fout"] * 20 + [harness.PASSWORD] + ["fout"] * 20
    after = burst(app, victim, with_right, "10.1.0.1")
    print(f"{app.kind}: burst of {len(statuses)}: {checked} password checks, answers {sorted(set(statuses))}; then {sorted(set(after))}")
    assert checked <= 5, statuses
    assert 303 not in after and 500 not in statuses + after


def test_strangers_cannot_lock_out_the_owner(app):
    try:
        lockout_case(app)
    finally:
        clear_throttle(app)


def lockout_case(app):
    victim = harness.PEOPLE["lezer"]
    clear_throttle(app)
    own = Client(app.base)
    assert login(own, victim, harness.PASSWORD, "10.2.0.9").status == 303  # the owner's browser, known from now on
    own.post("/uitloggen", {})
    # One stranger guesses at the account, another sprays made-up addresses, many others
    # guess once each from their own address.
    burst(app, victim, ["fout"] * 30, "10.2.0.1")
    # One after the other, so exactly the limit is counted (in parallel, attempts that lost the
    # race are refused and not counted, so the lock may come a little later).
    for n in range(55):
        login(Client(app.base), f"bestaat-niet-{n}@rivierstad.example", "fout", "10.2.0.2")
    for n in range(25):
        login(Client(app.base), victim, "fout", f"10.3.0.{n}")
    # The owner, on the browser they used before, from the same address as the first stranger.
    assert login(own, victim, harness.PASSWORD, "10.2.0.1").status == 303
    # Someone else behind the same load balancer is not locked out by the spray.
    other = harness.PEOPLE["partner"]
    assert login(Client(app.base), other, harness.PASSWORD, "10.2.0.7").status == 303
    # The sprayer is.
    assert login(Client(app.base), "nog-een@rivierstad.example", "fout", "10.2.0.2").status == 429


# --- 4. the last projectleider, under parallel demotions -------------------------------------

def membership(app, email):
    return app.db.rows("SELECT m.id, m.role, m.version FROM memberships m JOIN users u ON u.id = m.user_id "
                       "JOIN coalitions c ON c.id = m.coalition_id WHERE c.slug = ? AND u.email = ?", (SLUG_A, email))[0]


def set_role(app, email, role):
    app.db.execute("UPDATE memberships SET role = ? WHERE id = ?", (role, membership(app, email)[0]))


def test_parallel_demotions_keep_a_projectleider(app):
    a_email, b_email = harness.PEOPLE["projectleider"], harness.PEOPLE["coordinator"]
    tries, left_without = scale(6, 20), 0
    for n in range(tries):
        set_role(app, b_email, "projectleider")
        a, b = app.client("projectleider"), app.client("coordinator")
        a.get(f"/c/{SLUG_A}/leden")
        b.get(f"/c/{SLUG_A}/leden")
        ma, mb = membership(app, a_email), membership(app, b_email)
        # Each demotes the other (odd rounds), or one demotes both in two tabs (even rounds).
        jobs = [(a, mb), (b, ma)] if n % 2 else [(a, mb), (a, ma)]
        barrier = threading.Barrier(len(jobs))

        def demote(job):
            client, target = job
            barrier.wait()
            return client.post(f"/c/{SLUG_A}/leden/{str(target[0]).upper()}/rol", {"role": "lezer", "version": str(target[2])}).status

        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            statuses = list(pool.map(demote, jobs))
        assert all(s < 500 for s in statuses) and 303 in statuses, statuses
        count = app.db.rows("SELECT COUNT(*) FROM memberships m JOIN coalitions c ON c.id = m.coalition_id "
                            "WHERE c.slug = ? AND m.role = 'projectleider'", (SLUG_A,))[0][0]
        if count == 0:
            left_without += 1
        set_role(app, a_email, "projectleider")
        set_role(app, b_email, "coordinator")
    record(app.kind, "parallel demotions", tries)
    record(app.kind, "coalitions left without projectleider", left_without)
    assert left_without == 0, f"{left_without} of {tries} tries left no projectleider"


# --- 5. parallel invitation accepts (SQLite busy) ---------------------------------------------

def invite_response(app, email, name):
    leader = app.client("projectleider")
    leader.get(f"/c/{SLUG_A}/leden/uitnodigen")
    return leader.post(f"/c/{SLUG_A}/leden/uitnodigen", {"name": name, "email": email, "role": "lezer"})


def invite(app, email, name="Nieuwe Collega"):
    r = invite_response(app, email, name)
    assert r.status in (201, 303), (r.status, r.text[:300])
    m = re.search(r"/uitnodiging/([A-Za-z0-9_-]{43})", r.text)
    assert m, r.text[:500]
    return "/uitnodiging/" + m.group(1)


def test_parallel_accepts_answer_properly_and_make_one_account(app):
    email = f"gelijktijdig-{app.kind}@rivierstad.example"
    link = invite(app, email)
    clients = [Client(app.base) for _ in range(8)]
    for c in clients:
        c.get(link)
    barrier = threading.Barrier(len(clients))

    def accept(c):
        barrier.wait()
        out = []
        for _ in range(scale(2, 15)):
            out.append(c.post(link, {"name": "Gelijktijdig", "password": "samen tegelijk op de knop", "passwordRepeat": "samen tegelijk op de knop"}).status)
        return out

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        statuses = [s for out in pool.map(accept, clients) for s in out]
    users = app.db.rows("SELECT id FROM users WHERE email = ?", (email,))
    members = app.db.rows("SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?", (email,))
    record(app.kind, "parallel accepts", len(statuses))
    record(app.kind, "parallel accept 5xx", sum(1 for s in statuses if s >= 500))
    print(f"{app.kind}: {len(statuses)} parallel accepts: {sorted(set(statuses))}")
    assert all(s == 303 for s in statuses), statuses
    assert len(users) == 1 and len(members) == 1


# --- 6. parallel PDF downloads ----------------------------------------------------------------

@pytest.mark.skipif(shutil.which("weasyprint") is None, reason="WeasyPrint is not installed")
def test_parallel_pdf_downloads_are_capped(app):
    lezer = app.client("lezer")
    seen, stop = [0], threading.Event()

    def watch():
        while not stop.is_set():
            out = subprocess.run(["pgrep", "-c", "-f", "weasyprint"], capture_output=True, text=True)
            seen[0] = max(seen[0], int(out.stdout.strip() or 0))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    barrier = threading.Barrier(12)

    def download(_):
        c = Client(app.base)
        c.cookie = lezer.cookie
        barrier.wait()
        r = c.get(f"/c/{SLUG_A}/rapport/rapport.pdf", timeout=180)
        return r.status, r.header("Retry-After"), r.text[:4]

    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
            answers = list(pool.map(download, range(12)))
    finally:
        stop.set()
        watcher.join()
    statuses = [s for s, _, _ in answers]
    record(app.kind, "parallel PDF downloads", len(answers))
    record(app.kind, "PDF renders at once", seen[0], keep="max")
    print(f"{app.kind}: 12 parallel PDFs: {sorted(statuses)}; at most {seen[0]} WeasyPrint processes")
    assert all(s == 200 or (s == 503 and ra) for s, ra, _ in answers), answers
    assert all(body == "%PDF" for s, _, body in answers if s == 200)
    # One unchanged report: one render shared by everyone waiting for it.
    assert seen[0] <= 2, seen[0]


# --- 7. whether an account exists -------------------------------------------------------------

def scrub(text, *words):
    text = re.sub(r'name="csrf" value="[^"]+"', "", text)
    text = re.sub(r"/uitnodiging/[A-Za-z0-9_-]{43}", "/uitnodiging/T", text)
    text = re.sub(r"uitnodiging%2F[A-Za-z0-9_-]{43}", "uitnodiging%2FT", text)
    for w in words:
        text = text.replace(w, "W")
    return text


def test_the_invitation_does_not_tell_whether_an_account_exists(app):
    known = harness.PEOPLE["buitenstaander"]  # has an account (in Heuvelland)
    unknown = f"onbekend-{app.kind}@rivierstad.example"
    pages, answers = {}, {}
    for email in (known, unknown):
        link = invite(app, email, name="Zelfde Naam")
        c = Client(app.base)
        pages[email] = scrub(c.get(link).text, email)
        r = c.post(link, {"name": "Zelfde Naam", "password": "een wachtwoord van mij", "passwordRepeat": "een wachtwoord van mij"})
        answers[email] = (r.status, scrub(r.location), scrub(c.get(r.location).text, email) if r.location else "")
    record(app.kind, "enumeration cases", 2)
    assert pages[known] == pages[unknown], "the invitation page differs between a known and an unknown address"
    assert answers[known] == answers[unknown], (answers[known][:2], answers[unknown][:2])
    # The known account was not changed.
    assert login(Client(app.base), known, harness.PASSWORD, "10.4.0.1").status == 303


def test_login_rehashes_an_older_bcrypt_cost(app):
    email = harness.PEOPLE["partner"]
    before = app.db.rows("SELECT password_hash FROM users WHERE email = ?", (email,))[0][0]
    app.server.stop()
    app.server.env["BCRYPT_COST"] = "5"
    try:
        app.server.start()
        assert login(Client(app.base), email, harness.PASSWORD, "10.5.0.1").status == 303
        after = app.db.rows("SELECT password_hash FROM users WHERE email = ?", (email,))[0][0]
    finally:
        app.server.stop()
        app.server.env["BCRYPT_COST"] = "4"
        app.server.start()
    assert before.split("$")[2] == "04" and after.split("$")[2] == "05", (before[:7], after[:7])


# --- 8. weak passwords ------------------------------------------------------------------------

def test_weak_passwords_are_refused(app):
    c = app.client("lezer")
    name = app.db.rows("SELECT name FROM users WHERE email = ?", (harness.PEOPLE["lezer"],))[0][0]
    weak = ["aaaaaaaaaa", "0000000000", "passwordpassword", "Welkom01!!", "Welkom01!!Welkom01!!", "P@ssw0rd20252025",
            "CoalitieRivierstad2026", "Rivierstad2026!!!!", name.replace(" ", "") + "1234567", "qwertyuiop123456",
            "aaaaaaaaaaaaaaaaaaaa", "12345678901234567890"]
    accepted = []
    for password in weak:
        c.get("/account")
        r = c.post("/account/wachtwoord", {"currentPassword": harness.PASSWORD, "password": password, "passwordRepeat": password})
        if r.status != 422:
            accepted.append((password, r.status))
    record(app.kind, "weak passwords tried", len(weak))
    record(app.kind, "weak passwords accepted", len(accepted))
    assert not accepted, accepted


# --- 9. one address, two Unicode spellings -----------------------------------------------------

def test_unicode_spellings_of_one_address_are_one_account(app):
    nfc = unicodedata.normalize("NFC", f"josé-{app.kind}@rivierstad.example")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    link = invite(app, nfc, name="José")
    c = Client(app.base)
    c.get(link)
    assert c.post(link, {"name": "José", "password": "een eigen zin voor josé", "passwordRepeat": "een eigen zin voor josé"}).status == 303
    assert login(Client(app.base), nfd, "een eigen zin voor josé", "10.6.0.1").status == 303
    # Inviting the other spelling finds the same person, already a member: no second account.
    r = invite_response(app, nfd, "José")
    assert r.status == 422 and "al lid" in r.text, (r.status, r.text[:300])
    rows = app.db.rows("SELECT email FROM users WHERE email LIKE ?", (f"jos%-{app.kind}@rivierstad.example",))
    assert len(rows) == 1 and rows[0][0] == nfc, rows


# --- 10. smaller ones ----------------------------------------------------------------------------

def test_metrics_are_not_public(app):
    status, _, _ = harness.raw_request(app.base, "GET", "/metrics")
    assert status == 404


def test_excel_sep_line_is_understood(app):
    c = app.client("projectleider")
    page = c.get(f"/c/{SLUG_A}/activiteiten/importeren")
    assert page.status == 200
    location = app.db.rows("SELECT l.name FROM locations l JOIN coalitions c ON c.id = l.coalition_id WHERE c.slug = ? ORDER BY l.name LIMIT 1", (SLUG_A,))[0][0]
    csv = "sep=;\r\nactiviteit;domein;locatie;dag;tijd;groepen;periode\r\nSchaakclub, beginners;Sport en bewegen;%s;woensdag;15:00-16:00;5-8;1-9-2025 t/m 31-1-2026\r\n" % location
    boundary = "grens123"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{c.csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"boek.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n"
            f"--{boundary}--\r\n").encode()
    r = c.request("POST", f"/c/{SLUG_A}/activiteiten/importeren", body, f"multipart/form-data; boundary={boundary}")
    assert r.status in (200, 422), r.status
    assert "sep=" not in r.text, "the sep= line was read as a row or a column"
    main = r.text.split("<main")[1] if "<main" in r.text else r.text
    assert "Schaakclub, beginners" in main, re.sub(r"<[^>]+>", " ", main)[:1500]


def test_simultaneous_freezes_make_one_version(app):
    count = lambda: app.db.rows("SELECT COUNT(*) FROM report_versions v JOIN coalitions c ON c.id = v.coalition_id WHERE c.slug = ?", (SLUG_A,))[0][0]
    leader = app.client("projectleider")
    leader.get(f"/c/{SLUG_A}/rapport")
    before = count()
    barrier = threading.Barrier(4)

    def freeze(_):
        barrier.wait()
        return leader.post(f"/c/{SLUG_A}/rapport/vastzetten", {}, timeout=180).status

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(freeze, range(4)))
    assert all(s in (303, 503) for s in statuses), statuses
    assert count() - before <= 1, (before, count())


def test_no_crashes(app):
    record(app.kind, "crashes", 0)
    assert app.crashes == 0
