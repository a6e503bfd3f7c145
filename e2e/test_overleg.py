"""Overleg in a real browser: the municipality as an organisation, an agreement "at least
one wijkoverleg per quarter with the municipality" that is at risk, a wijkoverleg planned
today, then recorded as held with the municipality present: the agreement is met; an
agreement of the meeting becomes an action in the jaarplan in one step. The
calendar feed is read by the icalendar package. axe runs on the list, the agreement form,
the meeting form and its error."""
import datetime
import urllib.error
import urllib.request

import icalendar

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from httpclient import first_use
from pages import fill, fill_date, follow, heading, login, navigate, submit

EMAIL = "pl@overleg.example"
PASSWORD = "de brug over de rivier"
BASE = "/c/coalitie-rivierstad"


def rule_row(d):
    return d.find_element(By.XPATH, "//table//tr[td[contains(., 'wijkoverleg per kwartaal')]]")


def test_a_held_meeting_meets_the_agreement(module_server, browser, axe):
    base = module_server
    first_use(base, email=EMAIL, password=PASSWORD)
    d = browser
    login(d, base, EMAIL, PASSWORD)

    # The municipality joins the coalition's organisations (the partner list of the activity book).
    d.get(base + BASE + "/partners/nieuw")
    fill(d, {"name": "Gemeente Rivierstad"})
    Select(d.find_element(By.NAME, "kind")).select_by_visible_text("Overig")
    submit(d)

    follow(d, "Overleg")
    assert heading(d).startswith("Overleg ")
    assert "Nog geen afspraken over hoe vaak jullie overleggen." in d.page_source
    axe.check("overleg-leeg")

    follow(d, "Afspraak over overleg toevoegen")
    axe.check("overleg-afspraak")
    fill(d, {"minimum": "1"})
    Select(d.find_element(By.NAME, "kind")).select_by_visible_text("Wijkoverleg")
    d.find_element(By.XPATH, "//label[normalize-space()='Gemeente Rivierstad']").click()
    submit(d)
    row = rule_row(d)
    assert "Loopt risico" in row.text and "0 van de 1 gehouden" in row.text, row.text

    # Planned today; a wrong end time first: the message is Dutch and the place stays.
    follow(d, "Overleg plannen")
    d.find_element(By.CSS_SELECTOR, "label[for='f-kind-wijkoverleg']").click()
    fill_date(d, "date", datetime.date.today().isoformat())
    fill(d, {"start": "17:00", "end": "15:30", "place": "Buurthuis De Brug"})
    d.find_element(By.XPATH, "//fieldset[@id='f-invited']//label[normalize-space()='Gemeente Rivierstad']").click()
    submit(d)
    assert "De eindtijd moet na de begintijd liggen." in d.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert d.find_element(By.NAME, "place").get_attribute("value") == "Buurthuis De Brug"
    axe.check("overleg-fout")
    fill(d, {"start": "15:30", "end": "17:00"})
    submit(d)
    row = rule_row(d)
    assert "Loopt risico" in row.text and "1 gepland" in row.text, row.text

    # Held, with the municipality present and a short report: the agreement is met.
    navigate(d, d.find_element(By.PARTIAL_LINK_TEXT, "Wijkoverleg,"))
    axe.check("overleg-bewerken")
    d.find_element(By.CSS_SELECTOR, "label[for='f-status-gehouden']").click()
    d.find_element(By.XPATH, "//fieldset[@id='f-present']//label[normalize-space()='Gemeente Rivierstad']").click()
    fill(d, {"report": "Vaste contactpersoon per wijk afgesproken."})
    submit(d)
    row = rule_row(d)
    assert "Gehaald" in row.text and "1 van de 1 gehouden" in row.text, row.text
    assert "Aanwezig: Gemeente Rivierstad" in d.page_source
    axe.check("overleg-gehaald")

    # An agreement of that meeting becomes an action of the jaarplan in the same step.
    navigate(d, d.find_element(By.PARTIAL_LINK_TEXT, "Afspraak toevoegen"))
    axe.check("overleg-afspraak-nieuw")
    fill(d, {"text": "Elke wijk krijgt een vaste contactpersoon bij de gemeente", "owner": "Wethouder", "deadline": "voor de kerstvakantie"})
    Select(d.find_element(By.NAME, "organisation")).select_by_visible_text("Gemeente Rivierstad")
    d.find_element(By.CSS_SELECTOR, "label[for='f-place-jaarplan']").click()
    submit(d)
    card = d.find_element(By.XPATH, "//li[contains(@class, 'card')][.//*[contains(., 'vaste contactpersoon bij de gemeente')]]")
    assert "Wie: Wethouder (Gemeente Rivierstad)" in card.text and "Wanneer: voor de kerstvakantie" in card.text, card.text
    navigate(d, card.find_element(By.PARTIAL_LINK_TEXT, "Actie in het jaarplan"))
    assert heading(d).startswith("Jaarplan")
    assert "Elke wijk krijgt een vaste contactpersoon bij de gemeente" in d.page_source
    d.get(base + BASE + "/overleg")

    # The calendar feed, read by a real iCalendar parser (not ours): the meeting is there,
    # at 15:30 Amsterdam time; a renewed address ends the old one.
    navigate(d, d.find_element(By.XPATH, "//button[normalize-space()='Agenda-link maken']"))
    address = d.find_element(By.ID, "feed-url").get_attribute("value")
    axe.check("overleg-agenda-link")
    with urllib.request.urlopen(address, timeout=10) as r:
        assert r.headers["Content-Type"].startswith("text/calendar")
        feed = icalendar.Calendar.from_ical(r.read())
    events = [e for e in feed.walk("VEVENT")]
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "Wijkoverleg" and str(event["LOCATION"]) == "Buurthuis De Brug"
    start = event.decoded("DTSTART")
    assert start.date() == datetime.date.today() and (start.hour, start.minute) == (15, 30)
    assert str(start.tzinfo).endswith("Amsterdam") or start.utcoffset() in (datetime.timedelta(hours=1), datetime.timedelta(hours=2))
    assert "Uitgenodigd: Gemeente Rivierstad" in str(event["DESCRIPTION"])
    navigate(d, d.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Nieuwe agenda-link maken')]"))
    assert d.find_element(By.ID, "feed-url").get_attribute("value") != address
    try:
        urllib.request.urlopen(address, timeout=10)
        raise AssertionError("the old address still works")
    except urllib.error.HTTPError as e:
        assert e.code == 404

    # The network: the municipality's contact person, who then moves to another function;
    # the history stays, and the wijk of the municipality's organisation gets its contact.
    navigate(d, d.find_element(By.PARTIAL_LINK_TEXT, "Netwerk: wie overlegt met wie"))
    assert heading(d) == "Netwerk"
    assert "Nog geen contactpersonen." in d.page_source
    axe.check("netwerk")
    follow(d, "Contactpersoon toevoegen")
    fill(d, {"name": "Ruud Visser", "email": "r.visser@rivierstad.example", "phone": "0123 456789", "function": "Beleidsmedewerker onderwijs",
             "wijk": "Centrum"})
    Select(d.find_element(By.NAME, "organisation")).select_by_visible_text("Gemeente Rivierstad")
    fill_date(d, "from", "2025-09-01")
    axe.check("netwerk-contact-nieuw")
    submit(d)
    row = d.find_element(By.XPATH, "//table//tr[th[contains(., 'Ruud Visser')]]")
    assert "Gemeente Rivierstad" in row.text and "Centrum" in row.text, row.text
    wijk = d.find_element(By.XPATH, "//table//tr[th[normalize-space()='Centrum']]")
    assert "Ruud Visser" in wijk.text and "Gehaald" in wijk.text, wijk.text
    navigate(d, row.find_element(By.LINK_TEXT, "Ruud Visser"))
    follow(d, "Overstap vastleggen: andere organisatie, functie of wijk")
    Select(d.find_element(By.NAME, "organisation")).select_by_visible_text("Gemeente Rivierstad")
    fill(d, {"function": "Wijkregisseur", "wijk": "Centrum"})
    fill_date(d, "from", datetime.date.today().isoformat())
    axe.check("netwerk-overstap")
    submit(d)
    navigate(d, d.find_element(By.LINK_TEXT, "Ruud Visser"))
    history = d.find_element(By.XPATH, "//table[caption[contains(., 'Waar deze persoon werkt')]]").text
    assert "Wijkregisseur" in history and "Beleidsmedewerker onderwijs" in history, history
    assert "1 september 2025 tot" in history, history
