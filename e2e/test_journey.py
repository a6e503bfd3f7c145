"""The first journey of a new coalition: first use, log in, invite a coordinator, the
coordinator accepts, logs out. axe runs on every page on the way."""
from selenium.webdriver.common.by import By

from pages import fill, follow, heading, logout, navigate, submit

PASSWORD = "de brug over de rivier"
INVITEE_PASSWORD = "zes kinderen op de fiets"


def test_first_use_invite_accept_logout(server, browser, axe):
    d = browser
    d.get(server + "/")
    assert d.current_url.endswith("/eerste-gebruik")
    assert heading(d) == "Welkom bij Bouwstenen"
    axe.check("eerste-gebruik")

    # A mistake first: the page keeps what was typed and says what is wrong, in Dutch.
    fill(d, {"coalitionName": "Coalitie Rivierstad", "name": "Sanne de Vries", "email": "sanne@rivierstad.example",
             "password": "kort", "passwordRepeat": "kort"})
    submit(d)
    summary = d.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "Kies een wachtwoord van minstens 15 tekens." in summary.text
    assert d.find_element(By.NAME, "coalitionName").get_attribute("value") == "Coalitie Rivierstad"
    axe.check("eerste-gebruik-fout")

    fill(d, {"password": PASSWORD, "passwordRepeat": PASSWORD})
    submit(d)
    assert d.current_url.endswith("/c/coalitie-rivierstad/")
    assert "coalitie en je account zijn klaar" in d.find_element(By.CSS_SELECTOR, "[role=status]").text
    axe.check("coalitie-start")

    logout(d)
    assert d.current_url.endswith("/inloggen")
    axe.check("inloggen")
    fill(d, {"email": "sanne@rivierstad.example", "password": "verkeerd wachtwoord"})
    submit(d)
    assert "klopt niet" in d.find_element(By.CSS_SELECTOR, ".error-summary").text
    axe.check("inloggen-fout")
    fill(d, {"email": "sanne@rivierstad.example", "password": PASSWORD})
    submit(d)
    # The projectleider starts on the dashboard; the raster is one click away.
    assert d.current_url.endswith("/c/coalitie-rivierstad/dashboard"), d.find_element(By.TAG_NAME, "main").text
    axe.check("dashboard-leeg")
    navigate(d, d.find_element(By.CSS_SELECTOR, ".main-nav a[href='/c/coalitie-rivierstad/']"))
    assert heading(d) == "Coalitie Rivierstad" and d.current_url.endswith("/c/coalitie-rivierstad/")

    follow(d, "Leden")
    assert heading(d) == "Leden"
    axe.check("leden")
    follow(d, "Iemand uitnodigen")
    axe.check("uitnodigen")
    fill(d, {"name": "Mohamed El Amrani", "email": "mohamed@rivierstad.example"})
    d.find_element(By.ID, "f-role-coordinator").click()
    submit(d)
    assert heading(d) == "Uitnodiging gemaakt", d.find_element(By.TAG_NAME, "main").text
    link = d.find_element(By.ID, "invite-link").get_attribute("value")
    assert "/uitnodiging/" in link
    axe.check("uitnodiging-gemaakt")
    follow(d, "Klaar, terug naar de leden")
    assert "mohamed@rivierstad.example" in d.find_element(By.TAG_NAME, "main").text
    logout(d)

    d.get(link)
    assert heading(d) == "Welkom bij Coalitie Rivierstad"
    assert "coördinator" in d.find_element(By.CSS_SELECTOR, ".lead").text
    axe.check("uitnodiging-aannemen")
    fill(d, {"password": INVITEE_PASSWORD, "passwordRepeat": INVITEE_PASSWORD})
    submit(d)
    # The answer does not say whether the address had an account: log in to finish.
    assert "/inloggen?terug=/uitnodiging/" in d.current_url
    assert "Bijna klaar" in d.find_element(By.CSS_SELECTOR, "[role=status]").text
    axe.check("uitnodiging-inloggen")
    fill(d, {"email": "mohamed@rivierstad.example", "password": INVITEE_PASSWORD})
    submit(d)
    assert d.current_url.endswith("/c/coalitie-rivierstad/"), d.find_element(By.TAG_NAME, "main").text
    logout(d)

    fill(d, {"email": "mohamed@rivierstad.example", "password": INVITEE_PASSWORD})
    submit(d)
    assert d.current_url.endswith("/c/coalitie-rivierstad/")
    follow(d, "Mijn account")
    axe.check("account")
    logout(d)
    assert d.current_url.endswith("/inloggen")

    # A link that does not exist (or was revoked) says so.
    d.get(server + "/uitnodiging/" + "x" * 43)
    assert "werkt niet" in heading(d)
    axe.check("uitnodiging-ongeldig")


def test_error_pages_are_dutch_and_accessible(server, browser, axe):
    browser.get(server + "/bestaat-niet")
    assert heading(browser) == "Pagina niet gevonden"
    axe.check("404")


def test_privacy_statement_from_the_footer(server, browser, axe):
    browser.get(server + "/inloggen")
    follow(browser, "Privacy")
    assert heading(browser) == "Privacy in Bouwstenen"
    assert "Geen namen" in browser.page_source
    axe.check("privacy")


def test_small_screen(server, browser, axe):
    browser.set_window_size(320, 800)
    try:
        browser.get(server + "/inloggen")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 320, f"page is {width}px wide on a 320px screen"
        axe.check("inloggen-320px")
    finally:
        browser.set_window_size(1280, 900)
