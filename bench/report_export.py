"""Measures report export times (HTML print view, DOCX, PDF) for the demo coalition and
for a coalition with 30 bouwbladen of 3 cycles each. Traffic goes to 127.0.0.1 only; the
server is started and stopped here. Run after `swift build`:  python3 bench/report_export.py"""
import hashlib
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "e2e"))
from conftest import binary, start_server, stop  # noqa: E402
from httpclient import Client, first_use  # noqa: E402

CODES = [f"{l}-{a}" for l in ("macro", "meso", "micro") for a in ("samenhang", "samenwerking", "uitvoering")]
TEXT = "Wat we zagen op de locaties.\n\n- eerste punt met wat uitleg\n- tweede punt met wat uitleg\n\n" + "Een langere alinea over de aanpak. " * 12


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def fill_large(base):
    c = first_use(base)
    slug = "/c/coalitie-rivierstad"
    for n in range(30):
        code = CODES[n % 9]
        c.get(f"{slug}/bouwstenen/{code}")
        status, headers, _ = c.post(f"{slug}/bouwstenen/{code}/bouwbladen", {"ownQuestion": f"Eigen vraag {n + 1}: hoe gaat het?", "title": f"Bouwblad {n + 1}"})
        assert status == 303, status
        bouwblad = headers["Location"]
        for cycle in range(3):
            _, _, page = c.get(bouwblad)
            cycle_id = re.search(r"/cycli/([0-9A-F-]{36})/stappen/", page).group(1)
            for step in ("doelen", "bereikt", "bijgesteld"):
                c.post(f"{bouwblad}/cycli/{cycle_id}/stappen/{step}", {"text": TEXT, "base": sha("")})
            c.post(f"{bouwblad}/cycli/{cycle_id}/acties", {"text": "Een actie", "ownerName": "Partner", "status": "bezig"})
            c.post(f"{bouwblad}/cycli/{cycle_id}/doelen", {"text": "Een doel", "target": "10", "unit": "aantal"})
            if cycle < 2:
                status, _, _ = c.post(f"{bouwblad}/cycli/{cycle_id}/afronden", {"next": "same"})
                assert status == 303, status
    return c


def timed(client, path, rounds):
    times = []
    for _ in range(rounds):
        req = urllib.request.Request(client.base + path, headers={"Cookie": client.cookie})
        started = time.perf_counter()
        with urllib.request.urlopen(req, timeout=300) as r:
            size = len(r.read())
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def measure(label, client):
    for name, path, rounds in [("html", "/c/coalitie-rivierstad/rapport/afdrukken", 5),
                               ("docx", "/c/coalitie-rivierstad/rapport/rapport.docx", 5),
                               ("pdf", "/c/coalitie-rivierstad/rapport/rapport.pdf", 3)]:
        median, size = timed(client, path, rounds)
        print(f"{label:8} {name:5} median {median * 1000:8.0f} ms  ({rounds} runs, {size} bytes)")


def main():
    for label in ("demo", "30x3"):
        workdir = tempfile.mkdtemp(prefix="bouwstenen-bench-")
        env = {"SQLITE_PATH": f"{workdir}/bench.sqlite"}
        if label == "demo":
            subprocess.run([binary(), "demo"], cwd=workdir, env=dict(os.environ, BCRYPT_COST="4", **env), check=True, capture_output=True)
        proc, base = start_server(env, workdir=workdir)
        try:
            if label == "demo":
                client = Client(base)
                client.get("/inloggen")
                client.post("/inloggen", {"email": "projectleider@rivierstad.example", "password": "Rivierstad-demo-2025"})
            else:
                client = fill_large(base)
            measure(label, client)
        finally:
            stop(proc)


if __name__ == "__main__":
    main()
