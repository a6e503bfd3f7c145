"""An indicator in a real browser: "locaties met elk domein" with the norm 100 % is under
its norm while one domain has no activity at the school, and the goal measured by it is not
reached; after the activity is added in the activity book, it is on track on its page and
on the dashboard, and the goal is reached. axe runs on the new
indicator form, the indicator, the list and the dashboard."""
import datetime
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from httpclient import first_use
from pages import fill, fill_date, follow, heading, login, navigate, submit

EMAIL = "pl@indicatoren.example"
PASSWORD = "de brug over de rivier"
BASE = "/c/coalitie-rivierstad"


def add_activity(client, location, domain, start, end):
    """An activity planned at the location over the given days, made over HTTP."""
    client.get(BASE + "/activiteiten/nieuw")
    status, headers, _ = client.post(BASE + "/activiteiten/nieuw", {
        "name": f"Aanbod {domain}", "domain": domain, "location": location, "partner": "", "start": "15:00", "end": "16:00",
        "from": start, "to": end, "yearGroups": "5-8", "inSchool": "ja", "vierOgen": "ja", "contact": "ja", "weekdays[]": ["1"]})
    assert status == 303, status
    page = headers["Location"]
    client.get(page)
    status, _, _ = client.post(page + "/status", {"status": "gepland", "version": "1"})
    assert status == 303, status


def test_an_indicator_follows_the_activity_book(module_server, browser, axe):
    base = module_server
    client = first_use(base, email=EMAIL, password=PASSWORD)
    client.get(BASE + "/locaties/nieuw")
    status, _, _ = client.post(BASE + "/locaties/nieuw", {"name": "De Regenboog", "school": "OBS De Regenboog", "yearGroups": "1-8"})
    assert status == 303, status
    _, _, places = client.get(BASE + "/activiteiten/nieuw")
    location = re.search(r'<option value="([0-9A-F-]{36})"[^>]*>De Regenboog', places).group(1)
    today = datetime.date.today()
    start, end = (today - datetime.timedelta(days=30)).isoformat(), (today + datetime.timedelta(days=60)).isoformat()
    for domain in ("cultuur", "sport", "cognitief"):
        add_activity(client, location, domain, start, end)

    d = browser
    d.set_window_size(1280, 900)
    login(d, base, EMAIL, PASSWORD)
    follow(d, "Dashboard")
    assert "Er zijn nog geen indicatoren." in d.find_element(By.CSS_SELECTOR, ".empty-state").text
    axe.check("dashboard-leeg")
    follow(d, "Indicatoren")
    follow(d, "Nieuwe indicator")
    axe.check("indicator-nieuw")
    # The norm forgotten: a Dutch message, the name stays.
    fill(d, {"name": "Locaties met elk domein minstens één activiteit"})
    submit(d)
    assert "Vul de norm in." in d.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert d.find_element(By.NAME, "name").get_attribute("value") == "Locaties met elk domein minstens één activiteit"
    axe.check("indicator-fout")
    d.find_element(By.CSS_SELECTOR, "label[for='f-source-dekking']").click()
    fill(d, {"norm": "100"})
    submit(d)
    assert heading(d) == "Locaties met elk domein minstens één activiteit"
    state = d.find_element(By.CSS_SELECTOR, ".bouwblad-meta .state").text
    assert "Onder de norm" in state, state
    assert "0 van de 1 locaties hebben in elk domein minstens 1 activiteit." in d.page_source
    axe.check("indicator-onder-de-norm")

    # A goal of a bouwblad measured by it (made over HTTP): not reached yet.
    indicator = d.current_url.rstrip("/").rsplit("/", 1)[1]
    _, _, page = client.get(BASE + "/bouwstenen/micro-uitvoering")
    question = re.search(r'name="questionID" value="([^"]+)"', page).group(1)
    status, headers, _ = client.post(BASE + "/bouwstenen/micro-uitvoering/bouwbladen", {"questionID": question})
    assert status == 303, status
    bouwblad = headers["Location"]
    _, _, page = client.get(bouwblad)
    cycle = re.search(r'/cycli/([0-9A-F-]{36})/', page).group(1)
    status, _, _ = client.post(f"{bouwblad}/cycli/{cycle}/doelen", {"text": "Elk domein op elke locatie", "target": "", "unit": "", "indicator": indicator})
    assert status == 303, status
    d.get(base + bouwblad)
    goal = d.find_element(By.XPATH, "//*[contains(@id, 'doel-')][.//*[contains(., 'Elk domein op elke locatie')]]")
    assert "Niet behaald" in goal.text and "Uit de indicator" in goal.text, goal.text

    # The missing domain in the activity book, through the form.
    follow(d, "Activiteiten")
    follow(d, "Nieuwe activiteit")
    fill(d, {"name": "Natuur ontdekken", "yearGroups": "5-8"})
    Select(d.find_element(By.NAME, "domain")).select_by_visible_text("ontdekken")
    Select(d.find_element(By.NAME, "location")).select_by_visible_text("De Regenboog")
    d.find_element(By.CSS_SELECTOR, "label[for='f-weekdays-3']").click()
    fill_date(d, "from", start)
    fill_date(d, "to", end)
    submit(d)
    assert heading(d) == "Natuur ontdekken"
    Select(d.find_element(By.ID, "f-status")).select_by_visible_text("Gepland")
    navigate(d, d.find_element(By.CSS_SELECTOR, "form[action$='/status'] button"))

    follow(d, "Dashboard")
    row = d.find_element(By.XPATH, "//table//tr[td/a[normalize-space()='Locaties met elk domein minstens één activiteit']]")
    assert "Op koers" in row.text and "100 %" in row.text, row.text
    axe.check("dashboard")
    navigate(d, row.find_element(By.TAG_NAME, "a"))
    assert "Op koers" in d.find_element(By.CSS_SELECTOR, ".bouwblad-meta .state").text
    assert "1 van de 1 locaties" in d.page_source
    follow(d, "Indicatoren")
    axe.check("indicatoren")
    d.get(base + bouwblad)
    goal = d.find_element(By.XPATH, "//*[contains(@id, 'doel-')][.//*[contains(., 'Elk domein op elke locatie')]]")
    assert "Behaald" in goal.text and "Niet behaald" not in goal.text and "1 van de 1 locaties" in goal.text, goal.text
    axe.check("bouwblad-met-gemeten-doel")

    # At 375 px nothing scrolls sideways; the table scrolls within its own box.
    # The browser is shared by every test module: give the next one its wide window back.
    d.set_window_size(375, 800)
    try:
        d.get(base + BASE + "/dashboard")
        assert d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        axe.check("dashboard-375px")
    finally:
        d.set_window_size(1280, 900)
