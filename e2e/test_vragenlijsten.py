"""A questionnaire in a real browser: made from the pupils' interests template, a question
added (first with an error), opened, answered on a 375 px phone by pupils who type the code,
the results hidden while fewer than five answered and shown as a chart after that, and
their summary put into step 3 of a bouwblad.
axe runs on the projectleider's pages, the public form and the results."""
from selenium.webdriver.common.by import By

from conftest import make_browser
from httpclient import first_use
from pages import fill, follow, heading, login, navigate, submit

EMAIL = "pl@vragenlijsten.example"
PASSWORD = "de brug over de rivier"


def click_button(d, text):
    navigate(d, d.find_element(By.XPATH, f"//main//button[normalize-space()='{text}']"))


def answer_as_pupil(phone, base, code, smiley, group):
    """A pupil with a browser of their own types the code and answers the smiley questions."""
    phone.delete_all_cookies()
    phone.get(base + "/v")
    fill(phone, {"code": code.lower()})
    submit(phone)
    assert heading(phone) == "Wat wil jij graag doen?"
    for fieldset in phone.find_elements(By.CSS_SELECTOR, "main fieldset"):
        labels = fieldset.find_elements(By.CSS_SELECTOR, "label")
        if [l.text.strip() for l in labels][:3] == ["Niet leuk", "Gaat wel", "Leuk"]:
            labels[smiley].click()
    phone.find_element(By.CSS_SELECTOR, f"label[for='f-groep-{group}']").click()
    click_button(phone, "Versturen")
    assert heading(phone) == "Bedankt!"


def test_pupils_answer_on_a_phone_and_results_wait_for_five(module_server, browser, axe):
    base = module_server
    first_use(base, email=EMAIL, password=PASSWORD)
    d = browser
    d.set_window_size(1280, 900)
    login(d, base, EMAIL, PASSWORD)
    follow(d, "Vragenlijsten")
    assert "Er zijn nog geen vragenlijsten" in d.find_element(By.CSS_SELECTOR, ".empty-state").text
    axe.check("vragenlijsten-leeg")
    follow(d, "Nieuwe vragenlijst")
    axe.check("vragenlijst-nieuw")
    submit(d)  # "Interesses van leerlingen" is chosen already
    assert heading(d) == "Instellingen van de vragenlijst"
    assert d.find_element(By.NAME, "title").get_attribute("value") == "Wat wil jij graag doen?"
    axe.check("vragenlijst-instellingen")
    submit(d)
    assert heading(d) == "Wat wil jij graag doen?"

    # A question without its text: a Dutch message, and the typed answers stay.
    d.find_element(By.CSS_SELECTOR, "select[name=kind] option[value=een-keuze]").click()
    fill(d, {"options": "Binnen\nBuiten"})
    click_button(d, "Vraag toevoegen")
    assert "Vul de vraag in." in d.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert d.find_element(By.NAME, "options").get_attribute("value") == "Binnen\nBuiten"
    axe.check("vragenlijst-vraag-fout")
    fill(d, {"text": "Speel je liever binnen of buiten?"})
    click_button(d, "Vraag toevoegen")
    assert "De vraag is toegevoegd." in d.page_source
    assert "Speel je liever binnen of buiten?" in d.find_element(By.CSS_SELECTOR, ".question-list").text
    axe.check("vragenlijst")

    follow(d, "Voorbeeld bekijken")
    assert "Voorbeeld." in d.page_source and not d.find_elements(By.XPATH, "//main//button[normalize-space()='Versturen']")
    follow(d, "Terug naar de vragenlijst")
    click_button(d, "Vragenlijst openen")
    assert heading(d).startswith("Links en codes")
    code = d.find_element(By.CSS_SELECTOR, ".code-card__code").text.replace("-", "")
    axe.check("vragenlijst-links")

    phone = make_browser()
    try:
        phone.set_window_size(375, 800)
        phone.get(base + "/v")
        phone_axe = type(axe)(phone)
        phone_axe.check("vragenlijst-code")
        phone.get(base + f"/v/{code}")
        phone_axe.check("vragenlijst-invullen")
        # No sideways scrolling on the phone.
        assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        for n in range(3):
            answer_as_pupil(phone, base, code, smiley=n % 3, group=6)

        follow(d, "← Terug naar de vragenlijst")
        follow(d, "Resultaten")
        assert "Te weinig antwoorden om te tonen" in d.page_source
        assert not d.find_elements(By.CSS_SELECTOR, "svg.chart")
        axe.check("vragenlijst-resultaten-te-weinig")

        for n in range(2):
            answer_as_pupil(phone, base, code, smiley=2, group=7)
        d.refresh()
        assert "Te weinig antwoorden om te tonen" not in d.page_source
        assert "5 antwoorden" in d.find_element(By.CSS_SELECTOR, "main").text
        assert d.find_elements(By.CSS_SELECTOR, "svg.chart")
        axe.check("vragenlijst-resultaten")
        results_url = d.current_url.split("?")[0]
        # Group 6 has three answers, group 7 two: each alone is too small to show.
        d.get(results_url + "?groep=7")
        assert "Te weinig antwoorden om te tonen" in d.page_source
    finally:
        phone.quit()

    # A bouwblad with an open cycle, then the summary goes into its step 3.
    d.get(base + "/c/coalitie-rivierstad/")
    navigate(d, d.find_element(By.ID, "bouwsteen-micro-samenhang"))
    navigate(d, d.find_element(By.CSS_SELECTOR, ".question--mandatory button[type=submit]"))
    bouwblad_url = d.current_url
    d.get(results_url)
    click_button(d, "Overzicht invoegen")
    assert d.current_url.startswith(bouwblad_url)
    assert "Het overzicht staat nu in stap 3" in d.page_source
    assert "Vragenlijst ‘Wat wil jij graag doen?’ (leerlingen), hele periode: 5 antwoorden" in d.page_source
