#!/usr/bin/env python3
"""Renders every GET page of the app with two binaries on the same demo data and reports
any difference in the HTML: the check that a performance change to rendering or to reading
changed nothing a user sees.

    python3 bench/same_pages.py OLD_BINARY NEW_BINARY

Each role of the demo coalition opens every GET route (ids filled in as the reliability
suite does); CSRF tokens, session cookies and request ids are masked before comparing.
Exit status 1 when a page differs."""
import difflib
import os
import pathlib
import re
import shutil
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "reliability"))
import harness  # noqa: E402

MASKS = [
    (re.compile(r'name="csrf" value="[^"]+"'), 'name="csrf" value="…"'),
    (re.compile(r"Foutcode: [A-Za-z0-9-]+"), "Foutcode: …"),
]


def pages(binary: str, db: "harness.Database") -> dict:
    os.environ["BOUWSTENEN_BIN"] = binary
    server = harness.Server(db)
    server.start()
    try:
        ids = harness.ids_for(db, harness.SLUG_A)
        seen = {}
        for role, email in harness.PEOPLE.items():
            client = harness.Client(server.base).login(email)
            for method, path, _ in harness.routes():
                if method != "GET" or "uitnodiging" in path or path.endswith((".css", ".docx", ".pdf", ".csv")) or "/metrics" in path:
                    continue
                url = harness.fill(path, ids)
                response = client.get(url)
                text = response.text
                for pattern, replacement in MASKS:
                    text = pattern.sub(replacement, text)
                seen[f"{role} {path}"] = f"{response.status}\n{text}"
        return seen
    finally:
        server.stop()


def main():
    old, new = sys.argv[1], sys.argv[2]
    workdir = harness.new_workdir("bouwstenen-same-")
    os.environ["BOUWSTENEN_BIN"] = old
    db = harness.Database("sqlite", workdir)
    harness.Server(db).seed()
    before = pages(old, db)
    after = pages(new, db)
    differing = [key for key in before if before[key] != after.get(key)]
    for key in differing[:5]:
        print(f"--- {key}")
        diff = difflib.unified_diff(before[key].splitlines(), after.get(key, "").splitlines(), lineterm="", n=1)
        print("\n".join(list(diff)[:40]))
    ok = sum(1 for text in before.values() if text.startswith("200"))
    print(f"{len(before)} pages compared ({ok} with status 200), {len(differing)} differ")
    shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
