"""Mail through a real SMTP server on loopback (aiosmtpd, STARTTLS and AUTH): invitations,
"wachtwoord vergeten", a crash between queueing and sending, and a server that refuses."""
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import uuid

import pytest
from selenium.webdriver.common.by import By

from conftest import binary, free_port, start_server, stop
from httpclient import Client
from mailserver import MailServer, html_of, text_of
from pages import fill, heading, submit

SLUG = "coalitie-rivierstad"
HTML_OUT = os.environ.get("E2E_HTML_DIR")


def keep(name, page):
    """Keeps a page for the Nu HTML checker that .ci/run runs over E2E_HTML_DIR."""
    if HTML_OUT:
        os.makedirs(HTML_OUT, exist_ok=True)
        with open(os.path.join(HTML_OUT, f"mail-{name}.html"), "w") as f:
            f.write(page)
    return page
PASSWORD = "Rivierstad-demo-2025"
ADMIN_PASSWORD = "beheer met een lange zin"
NEW_PASSWORD = "een nieuwe lange zin voor de rivier"


@pytest.fixture
def smtp():
    server = MailServer(free_port()).start()
    yield server
    server.stop()


@pytest.fixture
def demo_db():
    """A SQLite file with the demo coalition and an instance admin; its environment."""
    workdir = tempfile.mkdtemp(prefix="bouwstenen-mail-")
    env = {"SQLITE_PATH": f"{workdir}/demo.sqlite"}
    run_env = dict(os.environ, BCRYPT_COST="4", **env)
    subprocess.run([binary(), "demo"], cwd=workdir, env=run_env, check=True, capture_output=True)
    subprocess.run([binary(), "create-admin", "--email", "beheer@rivierstad.example", "--name", "Beheer"], cwd=workdir,
                   env=dict(run_env, BOUWSTENEN_ADMIN_PASSWORD=ADMIN_PASSWORD), check=True, capture_output=True)
    yield workdir, env
    shutil.rmtree(workdir, ignore_errors=True)


def logged_in(base, email="projectleider@rivierstad.example", password=PASSWORD):
    client = Client(base)
    client.get("/inloggen")
    status, _, _ = client.post("/inloggen", {"email": email, "password": password})
    assert status == 303, f"login as {email}"
    return client


def invite(client, email, name="Nieuwe Lezer"):
    client.get(f"/c/{SLUG}/leden/uitnodigen")
    status, _, html = client.post(f"/c/{SLUG}/leden/uitnodigen", {"name": name, "email": email, "role": "lezer"})
    assert status == 201, html[-2000:]
    return html


def link_in(message, prefix):
    found = re.search(r"https?://\S+" + re.escape(prefix) + r"[A-Za-z0-9_-]+", text_of(message))
    assert found, text_of(message)
    return found.group(0)


def test_an_invitation_is_mailed_with_its_link(smtp, demo_db):
    workdir, env = demo_db
    proc, base = start_server({**env, **smtp.env()}, workdir=workdir)
    try:
        html = invite(logged_in(base), "nieuw.lid@rivierstad.example")
        assert "We sturen" in html and "nieuw.lid@rivierstad.example" in html
        [(to, message, _, authenticated)] = smtp.wait_for(1)
        assert to == ["nieuw.lid@rivierstad.example"]
        assert authenticated, "the app logged in after STARTTLS"
        assert message["From"].addresses[0].addr_spec == "noreply@bouwstenen.test"
        assert "Coalitie Rivierstad" in message["Subject"] or "Rivierstad" in message["Subject"]
        assert re.fullmatch(r"<[0-9a-f-]{36}@[^>]+>", message["Message-ID"])
        assert message["List-Unsubscribe"] is None, "an invitation is not a mailing"
        link = link_in(message, "/uitnodiging/")
        assert link in html_of(message).replace("&amp;", "&")
        assert "Nieuwe Lezer" in text_of(message)
        # The link in the mail is the one that works.
        path = link.split("://", 1)[1].split("/", 1)[1]
        status, _, page = Client(base).get("/" + path)
        assert status == 200 and "Rivierstad" in page
        # The outbox keeps no usable link once the mail is out.
        admin = logged_in(base, "beheer@rivierstad.example", ADMIN_PASSWORD)
        status, _, outbox = admin.get("/beheer/mail")
        keep("beheer-mail", outbox)
        assert status == 200 and "Verstuurd" in outbox and link not in outbox
    finally:
        stop(proc)


def test_forgot_password_works_once_and_ends_other_sessions(smtp, demo_db):
    workdir, env = demo_db
    proc, base = start_server({**env, **smtp.env()}, workdir=workdir)
    try:
        elsewhere = logged_in(base, "lezer@rivierstad.example")
        anonymous = Client(base)
        anonymous.get("/wachtwoord-vergeten")
        known = anonymous.post("/wachtwoord-vergeten", {"email": "Lezer@Rivierstad.example "})
        anonymous.get("/wachtwoord-vergeten")
        unknown = anonymous.post("/wachtwoord-vergeten", {"email": "niemand@rivierstad.example"})
        assert known[0] == unknown[0] == 200
        keep("wachtwoord-vergeten-verstuurd", known[2])
        keep("wachtwoord-vergeten", anonymous.get("/wachtwoord-vergeten")[2])
        said = lambda page: re.search(r"Als er een account is.*?</div>", page, re.S).group(0)
        assert said(known[2]).replace("lezer@rivierstad.example", "X") == said(unknown[2]).replace("niemand@rivierstad.example", "X")

        [(to, message, _, _)] = smtp.wait_for(1)
        time.sleep(2)
        assert len(smtp.messages) == 1, "no mail for an address without an account"
        assert to == ["lezer@rivierstad.example"] and message["Subject"] == "Nieuw wachtwoord voor Bouwstenen"
        path = "/" + link_in(message, "/wachtwoord-herstellen/").split("://", 1)[1].split("/", 1)[1]

        person = Client(base)
        status, _, page = person.get(path)
        assert status == 200 and "lezer@rivierstad.example" in page
        keep("wachtwoord-herstellen", page)
        status, _, page = person.post(path, {"password": "kort", "passwordRepeat": "kort"})
        assert status == 422 and "Er is een probleem" in page
        keep("wachtwoord-herstellen-fout", page)
        status, headers, _ = person.post(path, {"password": NEW_PASSWORD, "passwordRepeat": NEW_PASSWORD})
        assert status == 303 and headers["Location"] == "/"
        assert person.get("/account")[0] == 200, "logged in after the reset"
        status, headers, _ = elsewhere.get("/account")
        assert status == 303 and headers["Location"].startswith("/inloggen"), "the other session ended"
        status, _, page = Client(base).get(path)
        assert status == 404, "the link works once"
        keep("wachtwoord-link-verlopen", page)
        logged_in(base, "lezer@rivierstad.example", NEW_PASSWORD)
        old = Client(base)
        old.get("/inloggen")
        assert old.post("/inloggen", {"email": "lezer@rivierstad.example", "password": PASSWORD})[0] == 401
    finally:
        stop(proc)


def test_the_answer_does_not_tell_whether_an_address_has_an_account(smtp, demo_db):
    """Same page, same status and about the same time for known and unknown addresses. The
    tolerance comes from the run itself: the spread between two halves of the unknown ones."""
    workdir, env = demo_db
    proc, base = start_server({**env, **smtp.env(), "TRUSTED_PROXIES": "127.0.0.1"}, workdir=workdir)
    known_addresses = ["projectleider", "coordinator", "partner", "lezer"]
    try:
        client = Client(base)
        client.get("/wachtwoord-vergeten")
        timings = {"known": [], "unknown": []}
        for round_ in range(3):  # at most 3 per address: all of them make a mail
            for i, name in enumerate(known_addresses):
                for kind, address in (("known", f"{name}@rivierstad.example"), ("unknown", f"niemand-{uuid.uuid4().hex[:8]}@rivierstad.example")):
                    started = time.perf_counter()
                    status, _, _ = client.post("/wachtwoord-vergeten", {"email": address},
                                               headers={"X-Forwarded-For": f"10.1.{round_}.{i * 2 + (kind == 'known')}"})
                    timings[kind].append(time.perf_counter() - started)
                    assert status == 200
        smtp.wait_for(3 * len(known_addresses))
        known, unknown = (statistics.median(timings[k]) * 1000 for k in ("known", "unknown"))
        halves = statistics.median(timings["unknown"][::2]) * 1000, statistics.median(timings["unknown"][1::2]) * 1000
        noise = abs(halves[0] - halves[1])
        tolerance = max(3 * noise, 0.5 * unknown, 3.0)
        print(f"\nreset request median: known {known:.2f} ms, unknown {unknown:.2f} ms, noise {noise:.2f} ms, tolerance {tolerance:.2f} ms")
        assert abs(known - unknown) <= tolerance
    finally:
        stop(proc)


def test_a_fourth_request_for_one_address_sends_no_mail_and_says_the_same(smtp, demo_db):
    workdir, env = demo_db
    proc, base = start_server({**env, **smtp.env()}, workdir=workdir)
    try:
        client = Client(base)
        client.get("/wachtwoord-vergeten")
        answers = [client.post("/wachtwoord-vergeten", {"email": "partner@rivierstad.example"})[0] for _ in range(5)]
        assert answers == [200] * 5
        smtp.wait_for(3)
        time.sleep(2)
        assert len(smtp.messages) == 3
    finally:
        stop(proc)


def test_queued_mail_survives_kill_9_and_goes_out_once(smtp, demo_db):
    workdir, env = demo_db
    # First without a mail server: the invitations are queued and not sent.
    proc, base = start_server(env, workdir=workdir)
    client = logged_in(base)
    addresses = [f"lid{i}@rivierstad.example" for i in range(5)]
    for address in addresses:
        invite(client, address)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert smtp.messages == []
    proc, base = start_server({**env, **smtp.env()}, workdir=workdir)
    try:
        smtp.wait_for(5)
        time.sleep(3)
        received = sorted(to[0] for to, *_ in smtp.messages)
        assert received == sorted(addresses), "every queued mail once"
    finally:
        stop(proc)


def test_a_refusing_server_means_retries_then_a_visible_failure_never_an_error_page(smtp, demo_db):
    workdir, env = demo_db
    token = "metrics-token-voor-de-mailtest"
    proc, base = start_server({**env, **smtp.env(), "MAIL_RETRY_SECONDS": "1", "METRICS_TOKEN": token}, workdir=workdir)
    try:
        client = logged_in(base)
        smtp.handler.refuse_next = 2
        invite(client, "later@rivierstad.example")
        [(to, _, _, _)] = smtp.wait_for(1, seconds=30)
        assert to == ["later@rivierstad.example"] and smtp.handler.attempts == 3

        smtp.handler.refuse_always = True
        invite(client, "nooit@rivierstad.example")
        admin = logged_in(base, "beheer@rivierstad.example", ADMIN_PASSWORD)
        deadline = time.time() + 20
        while "tag--danger" not in admin.get("/beheer/mail")[2]:
            assert time.time() < deadline, "the refusal shows in the outbox"
            time.sleep(0.2)
        page = admin.get("/beheer/mail")[2]
        assert "550" in page and "nooit@rivierstad.example" in page
        metrics = Client(base).get("/metrics", headers={"Authorization": f"Bearer {token}"})[2]
        failures = float(re.search(r"^mail_send_failures_total (\S+)$", metrics, re.M).group(1))
        assert failures >= 3
        assert re.search(r"^mail_outbox_depth 0(\.0)?$", metrics, re.M)
        assert len(smtp.messages) == 1
    finally:
        stop(proc)


def test_forgot_password_in_the_browser(smtp, demo_db, browser, axe):
    workdir, env = demo_db
    proc, base = start_server({**env, **smtp.env()}, workdir=workdir)
    try:
        browser.delete_all_cookies()
        browser.get(base + "/inloggen")
        browser.find_element(By.LINK_TEXT, "Wachtwoord vergeten?").click()
        axe.check("wachtwoord-vergeten")
        fill(browser, {"email": "coordinator@rivierstad.example"})
        submit(browser)
        assert "Als er een account is" in browser.page_source
        axe.check("wachtwoord-vergeten-verstuurd")
        [(_, message, _, _)] = smtp.wait_for(1)
        browser.get(link_in(message, "/wachtwoord-herstellen/"))
        assert heading(browser) == "Nieuw wachtwoord kiezen"
        axe.check("wachtwoord-herstellen")
        fill(browser, {"password": NEW_PASSWORD, "passwordRepeat": NEW_PASSWORD})
        submit(browser)
        assert "Je wachtwoord is gewijzigd en je bent ingelogd" in browser.page_source
        assert browser.find_elements(By.CSS_SELECTOR, "form[action='/uitloggen'] button")
    finally:
        stop(proc)


def test_the_digest_matches_the_start_page_and_unsubscribes_in_one_click(smtp, demo_db):
    workdir, env = demo_db
    # The server makes no digests by itself here: the test makes them when it is ready. The
    # command that does is another process: BASE_URL gives both the address for links.
    port = free_port()
    env = {**env, "BASE_URL": f"http://127.0.0.1:{port}"}
    proc, base = start_server({**env, **smtp.env(), "REMINDER_HOUR": "uit"}, port=port, workdir=workdir)
    try:
        pl = logged_in(base)
        pl.get("/account/herinneringen")
        kinds = ["acties", "sessies", "cycli", "evaluaties", "overleg", "rapport", "incidenten", "vogs"]
        status, _, _ = pl.post("/account/herinneringen", {**{k: "dagelijks" for k in kinds}, "version": "0"})
        assert status == 303
        made = subprocess.run([binary(), "reminders"], cwd=workdir, env=dict(os.environ, **env), capture_output=True, text=True, check=True)
        assert "Herinneringen van vandaag gemaakt" in made.stdout
        [(to, message, _, _)] = [m for m in smtp.wait_for(1) if m[0] == ["projectleider@rivierstad.example"]]
        assert message["Subject"].startswith("Wat moet je nu doen?")
        unsubscribe = message["List-Unsubscribe"].strip("<>")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        text = text_of(message)
        assert "/account/herinneringen" in text and unsubscribe in text
        # Mail and screen say the same.
        raster = pl.get("/c/coalitie-rivierstad/")[2]
        panel = re.search(r'<section class="next-steps".*?</section>', raster, re.S).group(0)
        items = re.findall(r'href="(/c/[^"]+)"', panel)
        assert items, "the demo's projectleider has something to do"
        for href in items:
            assert base + href.replace("&amp;", "&") in text
        # A mail program's one-click unsubscribe: a POST without cookie or CSRF token.
        import urllib.request
        request = urllib.request.Request(unsubscribe, data=b"List-Unsubscribe=One-Click", method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        keep("afmelden", Client(base).get(unsubscribe.split(base, 1)[1])[2])
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 200
            keep("afgemeld", answer.read().decode())
        settings = keep("herinneringen", pl.get("/account/herinneringen")[2])
        sent = unsubscribe.split("soort=")[1].split(",")
        for kind in sent:
            assert f'id="{kind}-nooit" name="{kind}" value="nooit" checked' in settings
        again = subprocess.run([binary(), "reminders"], cwd=workdir, env=dict(os.environ, **env), capture_output=True, text=True, check=True)
        assert "al gemaakt" in again.stdout
    finally:
        stop(proc)


def test_mail_test_reports_what_the_server_said(smtp, demo_db):
    workdir, env = demo_db
    run_env = dict(os.environ, **env, **smtp.env())
    done = subprocess.run([binary(), "mail-test", "--to", "beheer@rivierstad.example"], cwd=workdir, env=run_env, capture_output=True, text=True)
    assert done.returncode == 0 and "De server zei: 250" in done.stdout
    [(to, message, _, authenticated)] = smtp.wait_for(1)
    assert to == ["beheer@rivierstad.example"] and authenticated and message["Subject"] == "Testmail van Bouwstenen"
    smtp.handler.refuse_always = True
    refused = subprocess.run([binary(), "mail-test", "--to", "beheer@rivierstad.example"], cwd=workdir, env=run_env, capture_output=True, text=True)
    assert refused.returncode == 1 and "550" in refused.stderr
    half = subprocess.run([binary(), "mail-test", "--to", "beheer@rivierstad.example"], cwd=workdir,
                          env=dict(os.environ, **env, SMTP_HOST="localhost"), capture_output=True, text=True)
    assert half.returncode == 2 and "MAIL_FROM" in half.stderr, "half a configuration stops the start with a clear message"
