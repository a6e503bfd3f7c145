"""Every page of the demo coalition as each role finds it, by following the links that role
is shown: no link leads to a page the role may not open (403) or that is not there for it
(404), and in Chromium at 375 px no page scrolls sideways. The HTML of every page is kept
for the Nu HTML checker (`.ci/run`)."""
import html.parser
import os
import pathlib
import re
import urllib.parse
import zlib

import pytest

from httpclient import Client
from pages import login

PASSWORD = "Rivierstad-demo-2025"
ROLES = {
    "projectleider": "projectleider@rivierstad.example",
    "coordinator": "coordinator@rivierstad.example",
    "partner": "partner@rivierstad.example",
    "lezer": "lezer@rivierstad.example",
}
# Pages of one shape (the same path with other ids) are opened twice at most: the demo has
# hundreds of sessions, and the third one teaches nothing the first two did not.
PER_SHAPE = 2
MAX_PAGES = 250
DOWNLOADS = (".csv", ".docx", ".pdf")
HTML_OUT = pathlib.Path(os.environ.get("E2E_HTML_DIR", pathlib.Path(__file__).resolve().parent / "html"))
UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def shape(path: str) -> str:
    return UUID.sub("{id}", re.sub(r"/\d{4}-\d{2}-\d{2}", "/{datum}", path))


def crawl(base: str, email: str):
    """Opens every page this person is linked to, from the start page on; returns
    {path: (status, html)} and the page each path was first linked from."""
    client = Client(base)
    client.get("/inloggen")
    status, headers, _ = client.post("/inloggen", {"email": email, "password": PASSWORD})
    assert status == 303, f"login of {email}: {status}"
    seen, found_on, per_shape, queue = {}, {}, {}, ["/"]
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        status, headers, text = client.get(path)
        if status in (301, 302, 303):
            target = urllib.parse.urlsplit(urllib.parse.urljoin(base + path, headers["Location"])).path
            found_on.setdefault(target, path)
            if target not in seen and target not in queue:
                queue.append(target)
            seen[path] = (status, "")
            continue
        seen[path] = (status, text)
        if status != 200 or "text/html" not in headers.get("Content-Type", ""):
            continue
        parser = Links()
        parser.feed(text)
        for href in parser.hrefs:
            url = urllib.parse.urlsplit(urllib.parse.urljoin(base + path, href))
            if url.netloc != urllib.parse.urlsplit(base).netloc or url.path.endswith(DOWNLOADS) or url.path == "/uitloggen":
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target in seen or target in queue:
                continue
            key = shape(url.path)
            if per_shape.get(key, 0) >= PER_SHAPE:
                continue
            per_shape[key] = per_shape.get(key, 0) + 1
            found_on[target] = path
            queue.append(target)
    return seen, found_on


@pytest.fixture(scope="module")
def pages_by_role(demo_server):
    return {role: crawl(demo_server, email) for role, email in ROLES.items()}


def test_every_link_a_role_sees_opens(pages_by_role):
    # Keep the HTML for the Nu HTML checker, one file per page and role.
    HTML_OUT.mkdir(parents=True, exist_ok=True)
    for role, (seen, _) in pages_by_role.items():
        for path, (status, text) in seen.items():
            if status == 200 and text.lstrip().lower().startswith("<!doctype html"):
                name = re.sub(r"[^A-Za-z0-9]+", "_", shape(path)).strip("_") or "start"
                (HTML_OUT / f"{role}-{name}-{zlib.crc32(path.encode()) % 10_000}.html").write_text(text)
    broken = []
    for role, (seen, found_on) in pages_by_role.items():
        assert len(seen) > 10, f"{role} found only {sorted(seen)}"
        for path, (status, _) in seen.items():
            if status >= 400:
                broken.append(f"{role}: {path} answers {status} (linked from {found_on.get(path)})")
    assert not broken, "\n".join(broken)


def test_no_page_scrolls_sideways_on_a_phone(pages_by_role, demo_server, browser):
    """At 375 px wide the page fits: the document is no wider than the window. axe-core runs
    on every one of these pages too; no serious or critical violation is allowed."""
    from conftest import axe_source
    axe = axe_source()
    wide, bad, impacts, ids = [], [], {}, set()
    checked = 0
    try:
        browser.set_window_size(375, 800)
        for role, (seen, _) in pages_by_role.items():
            browser.delete_all_cookies()
            login(browser, demo_server, ROLES[role], PASSWORD)
            shapes = set()
            for path, (status, text) in seen.items():
                if status != 200 or not text or shape(path) in shapes:
                    continue
                shapes.add(shape(path))
                browser.get(demo_server + path)
                width, inner = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
                checked += 1
                browser.execute_script(axe)
                violations = browser.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e)}]));")
                for v in violations:
                    impacts[v.get("impact")] = impacts.get(v.get("impact"), 0) + 1
                    ids.add(f"{v['id']} ({v.get('impact')})")
                    if v.get("impact") in ("serious", "critical"):
                        bad.append(f"{role}: {path}: {v['id']} ({v['impact']}): {v.get('help')}")
                if width > inner:
                    culprit = browser.execute_script(
                        "const w = window.innerWidth; const out = [...document.querySelectorAll('main *, header *')]"
                        ".filter(e => e.getBoundingClientRect().right > w + 1).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));"
                        "return out.slice(-3).join(', ')")
                    wide.append(f"{role}: {path} is {width} px wide ({culprit})")
    finally:
        browser.set_window_size(1280, 900)
    print(f"\n{checked} pages checked at 375 px, {len(wide)} too wide; axe violations by impact: {impacts or 'none'} {sorted(ids)}")
    assert not wide, "\n".join(wide)
    assert not bad, "\n".join(bad)


def test_the_partner_fills_in_a_session_from_home_in_two_clicks(demo_server, browser, axe):
    """The partner's main job, straight from the start page: 'Invullen', fill in, 'Opslaan'."""
    from selenium.webdriver.common.by import By
    from pages import fill, navigate, submit

    d = browser
    d.delete_all_cookies()
    login(d, demo_server, ROLES["partner"], PASSWORD)
    panel = d.find_element(By.CSS_SELECTOR, ".next-steps")
    assert "Wat moet ik nu doen?" in panel.text
    assert "om in te vullen" in panel.text, panel.text
    axe.check("start-partner")
    buttons = panel.find_elements(By.PARTIAL_LINK_TEXT, "Invullen")
    before = len(buttons)
    heading_before = panel.find_element(By.TAG_NAME, "h3").text
    navigate(d, buttons[0])  # click 1
    assert d.find_element(By.TAG_NAME, "h1").text.startswith("Sessie van")
    fill(d, {"pupils": "9", "wentWell": "Goed meegedaan."})
    submit(d)  # click 2
    assert "De sessie is opgeslagen." in d.page_source
    d.get(demo_server + "/")
    panel = d.find_element(By.CSS_SELECTOR, ".next-steps")
    # One fewer to fill in: the list shrinks, or the count in its heading goes down.
    after = panel.find_elements(By.PARTIAL_LINK_TEXT, "Invullen")
    assert len(after) < before or (after and panel.find_element(By.TAG_NAME, "h3").text != heading_before), panel.text


def test_a_wrong_date_and_time_come_back_exactly_as_typed(demo_server, browser, axe):
    """GOV.UK date boxes: '31 2 2025' is refused with a message that names the field, and the
    boxes show 31, 2 and 2025 again; a time of 25:00 stays 25:00. The page title starts with 'Fout: '."""
    from selenium.webdriver.common.by import By
    from pages import fill, follow, navigate, submit

    d = browser
    d.delete_all_cookies()
    login(d, demo_server, ROLES["projectleider"], PASSWORD)
    d.get(demo_server + "/c/coalitie-rivierstad/locaties")
    follow(d, "Sportclub Rivierstad")
    fill(d, {"name": "Tom Visser", "vogDate-dag": "31", "vogDate-maand": "2", "vogDate-jaar": "2025"})
    # Waits for the answer: a bare click can return before the next page is there.
    navigate(d, d.find_element(By.CSS_SELECTOR, "form[action$='/medewerkers'] button[type=submit]"))
    summary = d.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "Er is een probleem" in summary.text
    assert "De datum van de VOG moet een bestaande datum zijn" in summary.text, summary.text
    assert d.title.startswith("Fout: "), d.title
    assert [d.find_element(By.NAME, f"vogDate-{p}").get_attribute("value") for p in ("dag", "maand", "jaar")] == ["31", "2", "2025"]
    assert d.find_element(By.NAME, "name").get_attribute("value") == "Tom Visser"
    axe.check("datum-fout")
    save_html(d, "projectleider-datum-fout")

    d.get(demo_server + "/c/coalitie-rivierstad/activiteiten/nieuw")
    fill(d, {"name": "Schaakclub", "start": "25:00"})
    submit(d)
    assert d.find_element(By.NAME, "start").get_attribute("value") == "25:00"
    assert "Vul bij de begintijd een tijd in, zoals 15:30." in d.find_element(By.CSS_SELECTOR, ".error-summary").text
    save_html(d, "projectleider-activiteit-fout")


def save_html(driver, name):
    """A page reached by a refused POST, for the Nu HTML checker as well."""
    HTML_OUT.mkdir(parents=True, exist_ok=True)
    (HTML_OUT / f"{name}.html").write_text("<!doctype html>\n" + driver.execute_script("return document.documentElement.outerHTML"))
