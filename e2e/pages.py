"""What a person does on a page: fill in, click, follow a link, and wait for the next page."""
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def fill(driver, fields: dict):
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)
        element.clear()
        element.send_keys(value)


def navigate(driver, element):
    """Clicks and waits until the next page has replaced this one and has loaded."""
    driver.execute_script("window.__bouwstenenOldPage = true")
    element.click()
    WebDriverWait(driver, 15, ignored_exceptions=[WebDriverException]).until(
        lambda d: d.execute_script("return window.__bouwstenenOldPage === undefined && document.readyState === 'complete'"))


def submit(driver):
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def follow(driver, text):
    navigate(driver, driver.find_element(By.LINK_TEXT, text))


def logout(driver):
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/uitloggen'] button"))


def heading(driver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text


def login(driver, base, email, password):
    driver.get(base + "/inloggen")
    fill(driver, {"email": email, "password": password})
    submit(driver)


def set_value(driver, element, value):
    """Date and month inputs take typed keys in the browser's locale; set the value directly."""
    driver.execute_script("arguments[0].value = arguments[1]", element, value)


def open_details(driver, scope, summary_text):
    """Opens the <details> whose summary has this text, inside scope; returns the details element."""
    for details in scope.find_elements(By.CSS_SELECTOR, "details"):
        summary = details.find_element(By.TAG_NAME, "summary")
        if summary.text.strip() == summary_text:
            if details.get_attribute("open") is None:
                summary.click()
            return details
    raise AssertionError(f"no <details> with summary {summary_text!r}")


def fill_date(driver, name, iso):
    """Types a date into the day, month and year boxes of field `name`, as a person would."""
    year, month, day = iso.split("-")
    fill(driver, {f"{name}-dag": str(int(day)), f"{name}-maand": str(int(month)), f"{name}-jaar": year})
