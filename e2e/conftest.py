"""Browser tests: a real Bouwstenen server on a free loopback port, a real headless Chromium,
and axe-core on every page visited."""
import importlib.util
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHOTS = ROOT / "e2e" / "screenshots"
# The app binary and free ports are found the same way as in the reliability suite.
sys.path.insert(0, str(ROOT / "reliability"))
from harness import binary, free_port  # noqa: E402


def wait_healthy(base: str, proc, log_path: str, seconds: float = 60) -> float:
    """Waits until /healthz answers 200; returns how long that took."""
    started = time.time()
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                if r.status == 200:
                    return time.time() - started
        except OSError:
            pass
        if proc.poll() is not None or time.time() - started > seconds:
            raise RuntimeError("server did not start:\n" + pathlib.Path(log_path).read_text()[-3000:])
        time.sleep(0.05)


def start_server(extra_env: dict, port: int = 0, workdir: str = "", wait_seconds: float = 60):
    """Starts `bouwstenen serve` on a loopback port; returns (process, base URL)."""
    workdir = workdir or tempfile.mkdtemp(prefix="bouwstenen-e2e-")
    port = port or free_port()
    env = dict(os.environ, PORT=str(port), HOST="127.0.0.1", BCRYPT_COST="4")
    env.pop("DATABASE_URL", None)
    env.update(extra_env)
    log_path = f"{workdir}/server-{port}.log"
    with open(log_path, "a") as log:
        proc = subprocess.Popen([binary(), "serve"], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_healthy(base, proc, log_path, wait_seconds)
    return proc, base


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def empty_server():
    """The app on an empty SQLite file; yields its base URL; stops it afterwards."""
    workdir = tempfile.mkdtemp(prefix="bouwstenen-e2e-")
    proc, base = start_server({"SQLITE_PATH": f"{workdir}/e2e.sqlite"}, workdir=workdir)
    yield base
    stop(proc)
    shutil.rmtree(workdir, ignore_errors=True)


def demo_server():
    """The app on a SQLite file with the demo coalition (one person in every role); yields its base URL."""
    workdir = tempfile.mkdtemp(prefix="bouwstenen-demo-")
    env = {"SQLITE_PATH": f"{workdir}/demo.sqlite"}
    subprocess.run([binary(), "demo"], cwd=workdir, env=dict(os.environ, BCRYPT_COST="4", **env), check=True, capture_output=True)
    proc, base = start_server(env, workdir=workdir)
    yield base
    stop(proc)
    shutil.rmtree(workdir, ignore_errors=True)


server = pytest.fixture(scope="session", name="server")(empty_server)
# A demo coalition of its own for each test module that uses it.
module_demo_server = pytest.fixture(scope="module", name="demo_server")(demo_server)
# A server of its own for a test module that must not depend on what other modules did.
module_server = pytest.fixture(scope="module", name="module_server")(empty_server)


def make_browser():
    """A fresh headless Chromium with its own cookies (a second browser is a second person or device)."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=nl-NL"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


WIDE = (1280, 900)


@pytest.fixture(scope="session")
def shared_browser():
    driver = make_browser()
    yield driver
    driver.quit()


@pytest.fixture
def browser(shared_browser):
    """The one Chromium of the run, wide at the start of every test, whatever the test before
    it left (a phone-sized window hides the desktop menu and its logout button)."""
    shared_browser.set_window_size(*WIDE)
    return shared_browser


def axe_source() -> str:
    # Read the file without importing the package (which would need playwright).
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pip install --no-deps axe-playwright-python (it ships axe-core 4.12)")
    return (pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text()


class Axe:
    """Runs axe-core in the page and fails on serious or critical violations."""

    def __init__(self, driver):
        self.driver = driver
        self.source = axe_source()
        self.checked = []

    def check(self, name: str):
        self.driver.execute_script(self.source)
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));"
        )
        bad = [v for v in result if v.get("impact") in ("serious", "critical")]
        SHOTS.mkdir(exist_ok=True)
        self.driver.save_screenshot(str(SHOTS / f"{len(self.checked):02d}-{name}.png"))
        self.checked.append(name)
        assert not bad, f"axe on {name}: " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n.get('target') for n in v.get('nodes', [])][:3]}" for v in bad
        )


@pytest.fixture(scope="session")
def axe(shared_browser):
    return Axe(shared_browser)
