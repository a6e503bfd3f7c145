"""The activiteitenboek in a real browser: a location and a partner with staff, an
activity with the vooraf-check, a session with nabespreking and observation that shows
up in the chart, the coverage matrix changing, and a CSV import with one bad row.
axe runs on every page on the way."""
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from httpclient import first_use
from pages import fill, fill_date, follow, heading, login, navigate, submit

EMAIL = "pl@activiteiten.example"
PASSWORD = "de brug over de rivier"


def click(d, css):
    navigate(d, d.find_element(By.CSS_SELECTOR, css))


def test_activity_book_from_location_to_chart(module_server, browser, axe):
    base = module_server
    first_use(base, email=EMAIL, password=PASSWORD)
    d = browser
    login(d, base, EMAIL, PASSWORD)
    follow(d, "Activiteiten")
    assert heading(d) == "Activiteiten"
    assert "Er staan nog geen activiteiten" in d.find_element(By.CSS_SELECTOR, ".empty-state").text
    axe.check("activiteiten-leeg")

    # Two locations and a partner with one trainer (VOG of last year).
    follow(d, "Locaties en partners")
    axe.check("locaties-leeg")
    for name in ("De Regenboog", "Het Anker"):
        follow(d, "Locatie toevoegen")
        fill(d, {"name": name, "school": f"Basisschool {name}", "yearGroups": "1-8"})
        submit(d)
    assert "De Regenboog" in d.page_source and "Het Anker" in d.page_source
    follow(d, "Partner toevoegen")
    submit(d)  # nothing filled in: Dutch messages, nothing stored
    assert "Vul de naam van de organisatie in." in d.find_element(By.CSS_SELECTOR, ".error-summary").text
    axe.check("partner-fout")
    fill(d, {"name": "Sportclub Rivierstad", "contactName": "Peter Bakker"})
    Select(d.find_element(By.NAME, "kind")).select_by_visible_text("Sport en bewegen")
    submit(d)
    assert heading(d) == "Sportclub Rivierstad"
    fill(d, {"name": "Kees Verhoeven", "role": "trainer"})
    fill_date(d, "vogDate", "2025-10-01")
    submit(d)
    assert "Geldig tot 1 oktober 2028" in d.find_element(By.TAG_NAME, "table").text
    axe.check("partner")

    # The coverage matrix before: every cell is a gap.
    d.get(base + "/c/coalitie-rivierstad/activiteiten/dekking?van=2026-03-01&tot=2026-03-31")
    assert "8 vakjes onder de afspraak." in d.page_source
    axe.check("dekking-leeg")

    # An activity at De Regenboog, Mondays in March 2026.
    follow(d, "Activiteiten")
    follow(d, "Nieuwe activiteit")
    axe.check("activiteit-nieuw")
    fill(d, {"name": "Voetbal na school", "yearGroups": "5-8", "maxGroupSize": "20", "goals": "Meer bewegen en samen spelen."})
    Select(d.find_element(By.NAME, "domain")).select_by_visible_text("sport")
    Select(d.find_element(By.NAME, "location")).select_by_visible_text("De Regenboog")
    Select(d.find_element(By.NAME, "partner")).select_by_visible_text("Sportclub Rivierstad")
    d.find_element(By.CSS_SELECTOR, "label[for='f-weekdays-1']").click()
    d.find_element(By.XPATH, "//label[contains(., 'Kees Verhoeven')]").click()
    fill(d, {"start": "15:00", "end": "16:00"})
    fill_date(d, "from", "2026-03-02")
    fill_date(d, "to", "2026-03-30")
    submit(d)
    assert heading(d) == "Voetbal na school"
    assert "maandag, 15:00–16:00" in d.page_source
    assert "De vooraf-check is nog niet ingevuld." in d.page_source
    axe.check("activiteit")

    # The vooraf-check, with one point still open.
    follow(d, "Vooraf-check invullen")
    axe.check("vooraf-check")
    for key in ("doel", "doelgroep", "veiligheid", "ouders"):
        d.find_element(By.CSS_SELECTOR, f"label[for='f-{key}-ja']").click()
    d.find_element(By.CSS_SELECTOR, "label[for='f-interesses-nee']").click()
    fill(d, {"evaluatie": "Nabespreking na elke sessie en een observatie per maand."})
    submit(d)
    assert "Nee: Er is rekening gehouden met de interesses van de leerlingen." in d.page_source

    # Status loopt (the VOG is valid), then the sessions.
    Select(d.find_element(By.ID, "f-status")).select_by_visible_text("Loopt")
    click(d, "form[action$='/status'] button")
    assert "De status is nu: Loopt." in d.page_source
    click(d, "form[action$='/sessies/genereren'] button")
    # The Mondays of March 2026 have passed: all five wait to be filled in, each with a button.
    cards = d.find_elements(By.CSS_SELECTOR, "#sessies ~ .session-list .session-card")
    assert len(cards) == 5, len(cards)
    assert all("Invullen" in card.text for card in cards)
    follow(d, "Alle 5 sessies bekijken")
    rows = d.find_elements(By.CSS_SELECTOR, "#sessies ~ .table-wrap tbody tr")
    assert len(rows) == 5, len(rows)
    axe.check("alle-sessies")
    assert "Nog geen observaties" in d.page_source

    # A session: more pupils observed than present is refused and keeps what was typed.
    follow(d, "ma 2 mrt 2026")
    axe.check("sessie")
    fill(d, {"pupils": "12", "wentWell": "Iedereen deed mee.", "improve": "Eerder beginnen."})
    d.find_element(By.CSS_SELECTOR, "label[for='f-betrokkenheid-mode-aantallen']").click()
    fill(d, {"betrokkenheid-n4": "10", "betrokkenheid-n6": "5"})
    submit(d)
    assert "Samen zijn dit meer leerlingen dan er aanwezig waren (12)." in d.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert d.find_element(By.NAME, "wentWell").get_attribute("value") == "Iedereen deed mee."
    axe.check("sessie-fout")
    fill(d, {"betrokkenheid-n6": "2"})
    d.find_element(By.CSS_SELECTOR, "label[for='f-welbevinden-mode-groep']").click()
    Select(d.find_element(By.NAME, "welbevinden-score")).select_by_visible_text("4+")
    submit(d)
    assert "De sessie is opgeslagen." in d.page_source
    # The chart and its table: (10 x 3 + 2 x 4) / 12 = 3,2 betrokkenheid; 4,5 welbevinden.
    assert d.find_elements(By.CSS_SELECTOR, "svg.chart")
    table = d.find_element(By.CSS_SELECTOR, "#observaties ~ .chart-block table").text
    assert "mrt 2026 3,2 4,5 1 van" in table, table
    axe.check("activiteit-met-grafiek")

    # The coverage matrix after: one cell filled.
    d.get(base + "/c/coalitie-rivierstad/activiteiten/dekking?van=2026-03-01&tot=2026-03-31")
    assert "7 vakjes onder de afspraak." in d.page_source
    assert "De Regenboog: sport" not in d.page_source
    axe.check("dekking")
    follow(d, "Observaties")
    assert "sport" in d.page_source and d.find_elements(By.CSS_SELECTOR, "svg.chart")
    axe.check("observaties")

    # Import a CSV with one bad row: the preview shows it; only the good row is stored.
    follow(d, "Activiteiten")
    follow(d, "Importeren uit Excel (CSV)")
    axe.check("importeren")
    path = os.path.join(tempfile.mkdtemp(), "activiteitenboek.csv")
    with open(path, "w", encoding="utf-8-sig") as f:
        f.write("activiteit;domein;locatie;aanbieder;dag;tijd;groepen;periode\n"
                "Muziek maken;cultuur;Het Anker;;donderdag;15:00-16:00;5-6;1-3-2026 t/m 30-6-2026\n"
                "Zwemmen;sport;De Zwaluw;;vrijdag;14:00-15:00;4;1-3-2026 t/m 30-6-2026\n")
    d.find_element(By.NAME, "file").send_keys(path)
    submit(d)
    assert "1 rijen kunnen worden ingelezen, 1 rijen hebben een fout" in d.page_source
    assert "De locatie ‘De Zwaluw’ bestaat niet." in d.page_source
    axe.check("import-voorbeeld")
    click(d, "form[action$='/importeren/bevestigen'] button")
    assert "1 activiteiten ingelezen als concept. 1 rijen met fouten zijn overgeslagen." in d.page_source
    names = d.find_element(By.CSS_SELECTOR, "table").text
    assert "Muziek maken" in names and "Zwemmen" not in names

    # A phone: the activity page stays in one column.
    d.set_window_size(360, 800)
    follow(d, "Voetbal na school")
    assert d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    axe.check("activiteit-telefoon")
    d.set_window_size(1280, 900)
