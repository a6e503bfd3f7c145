"""Questionnaires on SQLite: how many answers per second the public answer page takes, the
results page with 10,000 answers, and importing a Microsoft Forms file of 5,000 rows.

    python3 bench/vragenlijsten.py BINARY [seconds]

The demo coalition on a fresh SQLite file; the limit per client is lifted (all traffic comes
from 127.0.0.1, which the app would otherwise slow down as one school). Traffic goes to
127.0.0.1 only, bounded in count and time; the server stops at the end."""
import base64
import os
import pathlib
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "reliability"))
os.environ["BOUWSTENEN_BIN"] = sys.argv[1]
import bench  # noqa: E402
import harness  # noqa: E402

SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
PUPILS = "Wat wil jij graag doen?"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def respondent():
    """A device cookie and the form's secret for it, as the app masks it (pad, then XOR)."""
    token = b64url(os.urandom(32))
    secret = token.encode()
    pad = os.urandom(len(secret))
    return token, b64url(pad + bytes(p ^ s for p, s in zip(pad, secret)))


def timed(client, path, n=15):
    times = []
    for _ in range(n):
        started = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert r.status == 200, f"{path}: {r.status}"
    return statistics.median(times), max(times)


class Options:
    users, connections, seconds = 1, 50, SECONDS


run = bench.Run("sqlite", "demo", Options())
run.server.env.update({"ANSWERS_PER_CLIENT": "1000000"})
run.server.command("migrate", "--yes")
run.server.command("demo")
db = run.db
qid, cid = db.rows("SELECT id, coalition_id FROM questionnaires WHERE title = ?", (PUPILS,))[0]
code = db.rows("SELECT code FROM questionnaire_links WHERE questionnaire_id = ? ORDER BY code LIMIT 1", (qid,))[0][0]

# 10,000 answers: the demo's 300, copied with new ids.
demo = db.rows("SELECT coalition_id, location_id, activity_id, year_group, answers, submitted_on FROM questionnaire_responses WHERE questionnaire_id = ?", (qid,))
with db.connect() as c:
    c.executemany("INSERT INTO questionnaire_responses (id, coalition_id, questionnaire_id, location_id, activity_id, year_group, device, answers, submitted_on, source) "
                  "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, 'bench')",
                  [(str(uuid.uuid4()).upper(), r[0], qid, r[1], r[2], r[3], r[4], r[5]) for r in (demo[i % len(demo)] for i in range(10_000 - len(demo)))])
    c.commit()
total = db.rows("SELECT COUNT(*) FROM questionnaire_responses WHERE questionnaire_id = ?", (qid,))[0][0]
run.server.start()
try:
    pl = harness.Client(run.server.base).login("projectleider@rivierstad.example", "Rivierstad-demo-2025")
    base = f"/c/coalitie-rivierstad/vragenlijsten/{qid}"
    location = db.rows("SELECT id FROM locations WHERE coalition_id = ? ORDER BY name LIMIT 1", (cid,))[0][0]
    for label, path in [("results, all", base + "/resultaten"), ("results, one location and group", f"{base}/resultaten?locatie={location}&groep=6"),
                        ("answers as CSV", base + "/antwoorden.csv")]:
        median, worst = timed(pl, path)
        print(f"{label} ({total} answers): median {median:.0f} ms, slowest of 15 {worst:.0f} ms")

    # The public answer page under load: every POST a new respondent.
    form = harness.Client(run.server.base).get(f"/v/{code}").text
    names = sorted(set(n for n in __import__("re").findall(r'name="(q-v\d+)', form)))
    lines = []
    for _ in range(SECONDS * 3000):
        token, secret = respondent()
        fields = [("csrf", secret), ("actie", "versturen"), ("groep", "6")] + [(n, "o2") for n in names if n != "q-v7"]
        lines.append((f"/v/{code}", f"bouwstenen-respondent={token}", urllib.parse.urlencode(fields)))
    before = db.rows("SELECT COUNT(*) FROM questionnaire_responses")[0][0]
    data = run.wrk("answers.lua", lines, extra_args=("2",))
    after = db.rows("SELECT COUNT(*) FROM questionnaire_responses")[0][0]
    print(f"answers: {(after - before) / (data['duration_us'] / 1e6):.0f} stored per second over {data['duration_us'] / 1e6:.0f} s "
          f"({after - before} stored, {data['requests']} requests), p50 {data['p50_us'] / 1000:.1f} ms, p99 {data['p99_us'] / 1000:.1f} ms, "
          f"errors {data['status_errors'] + data['socket_errors']}")

    # Importing a Microsoft Forms file of 5,000 rows into the parents' questionnaire.
    folder = pathlib.Path(run.workdir)
    subprocess.run([sys.executable, str(ROOT / "demo/vragenlijsten/maak_bestanden.py"), "5000", str(folder)], check=True, capture_output=True)
    xlsx = (folder / "ms-forms-ouders.xlsx").read_bytes()
    parents = db.rows("SELECT id FROM questionnaires WHERE title = 'Wat vindt u van de activiteiten?'")[0][0]
    path = f"/c/coalitie-rivierstad/vragenlijsten/{parents}/importeren"
    pl.get(path)
    boundary = "----bench"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{pl.csrf}\r\n--{boundary}\r\n"
            f"Content-Disposition: form-data; name=\"file\"; filename=\"ms-forms-ouders.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode() + xlsx + f"\r\n--{boundary}--\r\n".encode()
    started = time.perf_counter()
    r = pl.request("POST", path, body, f"multipart/form-data; boundary={boundary}")
    assert r.status == 303, r.status
    read = time.perf_counter()
    preview = pl.get(r.header("Location"))
    shown = time.perf_counter()
    fields = {"actie": "inlezen", **{f"kolom-{i}": v for i, v in enumerate(["v1", "v2", "v3", "v4", "", "v5"])}}
    done = pl.post(r.header("Location"), fields)
    assert done.status == 303, done.status
    finished = time.perf_counter()
    imported = db.rows("SELECT COUNT(*) FROM questionnaire_responses WHERE source = 'import'")[0][0]
    print(f"import of {len(xlsx) // 1024} kB XLSX, 5,000 rows: read {1000 * (read - started):.0f} ms, preview {1000 * (shown - read):.0f} ms, "
          f"confirm {1000 * (finished - shown):.0f} ms; {imported} responses stored")
finally:
    run.server.stop()
