"""Writes the example Forms exports in this folder: answers to the demo's parents'
questionnaire ("Wat vindt u van de activiteiten?") as Microsoft Forms (XLSX, Dutch and English
headers) and Google Forms (CSV, Dutch and English) export them. Fictional people; the names
and e-mail addresses are there to show that Bouwstenen drops them on import.

    python3 demo/vragenlijsten/maak_bestanden.py [ROWS] [FOLDER]

Only the standard library: an XLSX is a ZIP of XML files, written here the way Forms does
(shared strings, the times as Excel serial numbers with a date style)."""
import csv
import datetime
import random
import sys
import zipfile
from xml.sax.saxutils import escape

LIKERT = ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]
SCALE4 = ["Slecht", "Matig", "Goed", "Heel goed"]
ACTIVITIES = ["Voetbal na school", "Muziek maken", "Techniek, bouwen en programmeren", "Voorleesclub"]
QUESTIONS = [
    "Mijn kind vindt de activiteiten leuk.",
    "Ik weet welke activiteiten mijn kind doet en wanneer.",
    "De activiteiten passen bij wat mijn kind nodig heeft.",
    "Hoe tevreden bent u over de informatie die u krijgt?",
    "Aan welke activiteiten deed uw kind mee?",
    "Wat kan er beter?",
]
FIRST = ["Anna", "Bram", "Chaima", "Daan", "Eva", "Fenna", "Gijs", "Hamza", "Iris", "Joris"]
LAST = ["de Boer", "Jansen", "Yilmaz", "Visser", "El Idrissi", "Smit", "Mulder", "de Wit"]
REMARKS = ["", "", "Meer informatie vooraf graag.", "Ook activiteiten in de vakantie.", "Het was prima zo.",
           "Mijn dochter praat er thuis steeds over, fijn!", "Betere communicatie over wijzigingen, alstublieft."]


def responses(n, seed=2026):
    r = random.Random(seed)
    start = datetime.datetime(2026, 10, 5, 9, 0)
    for i in range(n):
        begin = start + datetime.timedelta(minutes=r.randint(0, 60 * 24 * 50))
        done = begin + datetime.timedelta(seconds=r.randint(60, 600))
        name = f"{r.choice(FIRST)} {r.choice(LAST)}"
        email = name.lower().replace(" ", ".") + "@voorbeeld.example"
        chosen = [a for a in ACTIVITIES if r.random() < 0.4] or [ACTIVITIES[0]]
        yield {
            "id": i + 1, "begin": begin, "done": done, "name": name, "email": email,
            "answers": [LIKERT[min(4, r.randint(1, 4) + (r.random() < 0.3))], LIKERT[r.randint(1, 4)], LIKERT[r.randint(0, 4)],
                        SCALE4[r.randint(1, 3)], chosen, r.choice(REMARKS)],
        }


def serial(moment):
    return (moment - datetime.datetime(1899, 12, 30)).total_seconds() / 86400


def write_xlsx(path, rows, english):
    head = (["ID", "Start time", "Completion time", "Email", "Name"] if english else ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam"]) + QUESTIONS
    strings, index = [], {}

    def s(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    def cell(ref, value, style=None):
        if isinstance(value, (int, float)):
            styled = f' s="{style}"' if style else ""
            return f'<c r="{ref}"{styled}><v>{value}</v></c>'
        return f'<c r="{ref}" t="s"><v>{s(value)}</v></c>'

    def col(i):
        name = ""
        i += 1
        while i:
            i, rem = divmod(i - 1, 26)
            name = chr(65 + rem) + name
        return name

    sheet_rows = ['<row r="1">' + "".join(cell(f"{col(i)}1", h) for i, h in enumerate(head)) + "</row>"]
    for n, row in enumerate(rows, start=2):
        values = [row["id"], round(serial(row["begin"]), 6), round(serial(row["done"]), 6), row["email"], row["name"]]
        values += row["answers"][:4] + [";".join(row["answers"][4]) + ";", row["answers"][5]]
        cells = []
        for i, v in enumerate(values):
            if v == "":
                continue
            cells.append(cell(f"{col(i)}{n}", v, style=1 if i in (1, 2) else None))
        sheet_rows.append(f'<row r="{n}">' + "".join(cells) + "</row>")
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {ns} {rel}><sheets><sheet name="{"Sheet1" if english else "Blad1"}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="m/d/yy h:mm:ss"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {ns}><sheetData>' + "".join(sheet_rows) + "</sheetData></worksheet>",
    }
    files["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">'
                                     + "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in strings) + "</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]:
            z.writestr(name, files[name])


def write_google_csv(path, rows, english):
    # Google's own grid: one column per row of the grid, "Vraag [Rij]".
    grid = "Hoe vindt u"
    head = ["Timestamp" if english else "Tijdstempel", "Email Address" if english else "E-mailadres"] + QUESTIONS[:3] + [
        f"{grid} [de informatie die u krijgt]", QUESTIONS[4], QUESTIONS[5]]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(head)
        for row in rows:
            stamp = row["done"].strftime("%-m/%-d/%Y %H:%M:%S") if english else row["done"].strftime("%-d-%-m-%Y %H:%M:%S")
            a = row["answers"]
            w.writerow([stamp, row["email"], a[0], a[1], a[2], a[3], ", ".join(a[4]), a[5]])


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    folder = sys.argv[2] if len(sys.argv) > 2 else __file__.rsplit("/", 1)[0]
    rows = list(responses(n))
    write_xlsx(f"{folder}/ms-forms-ouders.xlsx", rows, english=False)
    write_xlsx(f"{folder}/ms-forms-parents-en.xlsx", rows, english=True)
    write_google_csv(f"{folder}/google-formulieren-ouders.csv", rows, english=False)
    write_google_csv(f"{folder}/google-forms-parents-en.csv", rows, english=True)
    print(f"{n} antwoorden geschreven in {folder}")
