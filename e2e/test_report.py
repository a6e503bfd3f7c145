"""The kwaliteitsrapport of the demo coalition: Chromium downloads all three formats, and
readers that no one here wrote check them: python-docx, LibreOffice, pdftotext, pdfinfo."""
import pathlib
import subprocess
import time

import docx
from selenium.webdriver.common.by import By

from pages import follow, heading, login, navigate, set_value

BOUWSTENEN = [f"{level} – {aspect}" for aspect in ("Samenhang", "Samenwerking", "Uitvoering") for level in ("Macro", "Meso", "Micro")]
STEPS = ["Stap 1 – Wat is je startvraag?", "Stap 2 – Wat zijn je doelen en acties?",
         "Stap 3 – Wat hebben we bereikt?", "Stap 4 – Wat is je bijgestelde startvraag?"]


def download(driver, link, folder: pathlib.Path, suffix: str) -> pathlib.Path:
    before = set(folder.iterdir())
    link.click()
    deadline = time.time() + 120
    while time.time() < deadline:
        new = [p for p in set(folder.iterdir()) - before if p.suffix == suffix]
        if new and new[0].stat().st_size > 0:
            return new[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded into {folder}: {list(folder.iterdir())}")


def test_report_downloads_in_three_formats(demo_server, browser, axe, tmp_path):
    d = browser
    d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    login(d, demo_server, "projectleider@rivierstad.example", "Rivierstad-demo-2025")
    follow(d, "Rapport")
    assert heading(d) == "Kwaliteitsrapport"
    # A task list: the introduction, the nine bouwstenen and the extras, each with its state
    # and a link; the demo's introduction still holds the placeholder, which blocks.
    tasks = d.find_elements(By.CSS_SELECTOR, ".task-list__item")
    assert len(tasks) >= 10 and all("/c/coalitie-rivierstad/" in t.find_element(By.TAG_NAME, "a").get_attribute("href") for t in tasks)
    assert "Moet:" in tasks[0].text and "Niet compleet" in tasks[0].text
    axe.check("rapport")

    docx_file = download(d, d.find_element(By.PARTIAL_LINK_TEXT, "Word-bestand"), tmp_path, ".docx")
    pdf_file = download(d, d.find_element(By.PARTIAL_LINK_TEXT, "PDF-bestand"), tmp_path, ".pdf")

    navigate(d, d.find_element(By.LINK_TEXT, "Bekijken en afdrukken"))
    assert d.find_element(By.TAG_NAME, "h1").text.startswith("Kwaliteitsrapport")
    assert "concept" in d.find_element(By.CSS_SELECTOR, ".concept-mark").text.lower()
    # The raster is the navigation: every cell links to its section.
    cells = d.find_elements(By.CSS_SELECTOR, ".raster-table td a")
    assert len(cells) == 9
    for cell in cells:
        target = cell.get_attribute("href").split("#")[1]
        assert d.find_elements(By.ID, target), f"no section {target}"
    axe.check("rapport-afdrukken")

    # DOCX, read by python-docx: every bouwsteen is a Heading 1, every cycle has its four steps.
    document = docx.Document(str(docx_file))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [t for s, t in headings if s == "Heading 1" and t in BOUWSTENEN] == BOUWSTENEN
    cycles = [i for i, (s, t) in enumerate(headings) if s == "Heading 3" and t.startswith("Cyclus")]
    assert len(cycles) >= 9
    for i in cycles:
        assert [t for s, t in headings[i + 1:i + 5]] == STEPS
    assert document.core_properties.title.startswith("Kwaliteitsrapport")
    assert len(document.tables) > 9

    # LibreOffice converts it without error.
    out = tmp_path / "lo"
    result = subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx_file)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    converted = out / (docx_file.stem + ".pdf")
    assert converted.exists() and pages(converted) > 1
    # It opens without asking to update fields, and its contents list has a page number for
    # every heading (PAGEREF fields, which LibreOffice computes as it lays out).
    import re
    import zipfile
    with zipfile.ZipFile(docx_file) as z:
        assert "updateFields" not in z.read("word/settings.xml").decode()
    contents = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(converted), "-"], capture_output=True, text=True, check=True).stdout
    for name in ["Inleiding"] + BOUWSTENEN:
        assert re.search(re.escape(name) + r"\.{3,}\s*\d+", contents), (name, contents)

    # The PDF: every bouwsteen heading in the text, several pages, bookmarks and internal links.
    text = subprocess.run(["pdftotext", str(pdf_file), "-"], capture_output=True, text=True, check=True).stdout
    for name in BOUWSTENEN:
        assert name in text, name
    assert pages(pdf_file) > 1
    raw = pdf_file.read_bytes()
    # Tagged (PDF/UA-1), so a screen reader can follow headings, lists and tables.
    info = subprocess.run(["pdfinfo", str(pdf_file)], capture_output=True, text=True, check=True).stdout
    assert any(line.split() == ["Tagged:", "yes"] for line in info.splitlines()), info
    assert b"pdfuaid" in raw
    assert b"/Outlines" in raw
    assert b"/Dest" in raw or b"/GoTo" in raw


def pages(pdf: pathlib.Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def test_freezing_keeps_a_version(demo_server, browser, axe):
    d = browser
    d.get(demo_server + "/c/coalitie-rivierstad/rapport")
    navigate(d, d.find_element(By.XPATH, "//button[normalize-space()='Rapport vastzetten']"))
    assert "Versie 1 van het rapport is vastgezet" in d.find_element(By.CSS_SELECTOR, "[role=status]").text
    row = d.find_element(By.CSS_SELECTOR, "#versies + p + .table-wrap tbody tr")
    assert row.text.startswith("1 (concept)")
    assert len(row.find_element(By.CSS_SELECTOR, "code").text) == 64
    axe.check("rapport-versie")


PASTED = "Wat we doen:\n• sport\no voetbal\no judo\n• cultuur\n\n1. plannen\na. met de scholen\nb. met de partners\n2. uitvoeren"


def test_lists_pasted_from_word_are_lists_everywhere(demo_server, browser, axe, tmp_path):
    """Bullets, Word's "o" and numbers as they arrive from Word: real (nested, numbered)
    lists in the print view, the PDF, the DOCX (Word's own numbering) and LibreOffice's PDF of it."""
    d = browser
    d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    d.get(demo_server + "/c/coalitie-rivierstad/rapport")
    intro = d.find_element(By.ID, "f-introduction")
    set_value(d, intro, PASTED)  # send_keys would type the tab-less lines the same; this is faster
    navigate(d, d.find_element(By.XPATH, "//button[normalize-space()='Instellingen opslaan']"))
    assert "opgeslagen" in d.find_element(By.CSS_SELECTOR, "[role=status]").text

    navigate(d, d.find_element(By.LINK_TEXT, "Bekijken en afdrukken"))
    nested = d.find_elements(By.XPATH, "//ul/li[starts-with(normalize-space(), 'sport')]/ul/li")
    assert [li.text for li in nested] == ["voetbal", "judo"]
    letters = d.find_element(By.XPATH, "//ol/li[starts-with(normalize-space(), 'plannen')]/ol")
    assert letters.get_attribute("type") == "a" and letters.find_elements(By.TAG_NAME, "li")[1].text == "met de partners"
    axe.check("rapport-lijsten")
    d.back()

    docx_file = download(d, d.find_element(By.PARTIAL_LINK_TEXT, "Word-bestand"), tmp_path, ".docx")
    pdf_file = download(d, d.find_element(By.PARTIAL_LINK_TEXT, "PDF-bestand"), tmp_path, ".pdf")

    # DOCX: list paragraphs carry Word numbering (numPr) with the right level; the numbered
    # list's numbering is decimal, the nested one lower-letter.
    document = docx.Document(str(docx_file))
    levels = {}
    for p in document.paragraphs:
        num = p._p.pPr.numPr if p._p.pPr is not None else None
        if num is not None:
            levels[p.text] = (int(num.ilvl.val), int(num.numId.val))
    assert levels["sport"][0] == 0 and levels["voetbal"][0] == 1 and levels["cultuur"][0] == 0
    assert levels["plannen"][0] == 0 and levels["met de scholen"][0] == 1
    numbering = document.part.numbering_part.element

    def format_of(num_id, level):
        abstract = numbering.xpath(f"w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")[0]
        return numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='{level}']/w:numFmt/@w:val")[0]
    assert format_of(levels["sport"][1], 0) == "bullet"
    assert format_of(levels["plannen"][1], 0) == "decimal"
    assert format_of(levels["met de scholen"][1], 1) == "lowerLetter"

    # Both PDFs show the numbers and letters as text: WeasyPrint's and LibreOffice's of the DOCX.
    out = tmp_path / "lo-lists"
    result = subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx_file)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    for pdf in (pdf_file, out / (docx_file.stem + ".pdf")):
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
        assert "1. plannen" in text and "a. met de scholen" in text and "b. met de partners" in text and "2. uitvoeren" in text, pdf


def test_a_final_report_with_a_running_cycle_and_open_goals(demo_server, browser, axe, tmp_path):
    """Real reports end the way work ends: cycles still running, goals without a verdict.
    Those are tips in the app; once nothing blocks, the exports say nowhere 'concept'."""
    d = browser
    d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    d.get(demo_server + "/c/coalitie-rivierstad/rapport")
    set_value(d, d.find_element(By.ID, "f-introduction"), "Coalitie Rivierstad werkt sinds 2023 met vier scholen en zes partners.")
    navigate(d, d.find_element(By.XPATH, "//button[normalize-space()='Instellingen opslaan']"))
    main = d.find_element(By.TAG_NAME, "main").text
    assert "Alles wat het rapport nodig heeft, staat erin." in main
    # The demo's cycles still run and some goals have no result: tips, listed on the bouwblad.
    assert "In uitvoering" in main and "tips open" in main
    axe.check("rapport-compleet")

    docx_file = download(d, d.find_element(By.PARTIAL_LINK_TEXT, "Word-bestand"), tmp_path, ".docx")
    pdf_file = download(d, d.find_element(By.PARTIAL_LINK_TEXT, "PDF-bestand"), tmp_path, ".pdf")
    import zipfile
    with zipfile.ZipFile(docx_file) as z:
        xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    assert "CONCEPT" not in xml and "nog niet compleet" not in xml
    text = subprocess.run(["pdftotext", str(pdf_file), "-"], capture_output=True, text=True, check=True).stdout
    # The marks a concept carries: the band on every page and the word on the title page.
    assert "nog niet compleet" not in text and "CONCEPT" not in text
    assert "Concept" not in [line.strip() for line in text.splitlines()]
    assert "Coalitie Rivierstad werkt sinds 2023" in text
    # Tips never reach the report.
    flat = " ".join(text.split())
    assert "nog geen resultaat" not in flat and "Er is nog geen verbinding" not in flat
