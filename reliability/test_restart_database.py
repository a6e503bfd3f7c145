"""PostgreSQL goes away under load and comes back: while it is away the app answers 503
(with a Dutch page), never 500; afterwards it reconnects by itself. Needs PG_DATA and PG_BIN
(set by reliability/run when it starts PostgreSQL itself), because the suite stops the server."""
import os
import shlex
import subprocess
import threading
import time

import pytest

import harness
from harness import SLUG_A, Database, Server, record

PG_DATA, PG_BIN = os.environ.get("PG_DATA"), os.environ.get("PG_BIN")


def pg_ctl(*args):
    cmd = [f"{PG_BIN}/pg_ctl", "-D", PG_DATA, *args]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    subprocess.run(cmd, check=True, capture_output=True, timeout=60)


@pytest.mark.skipif(not (os.environ.get("PG_URL") and PG_DATA and PG_BIN), reason="needs a PostgreSQL the suite may restart")
def test_postgres_restart_under_load():
    db = Database("postgres", harness.new_workdir())
    server = Server(db)
    server.seed()
    server.start()
    statuses, stop = {}, threading.Event()
    try:
        client = harness.Client(server.base).login(harness.PEOPLE["projectleider"])

        def load():
            while not stop.is_set():
                try:
                    r = client.get(f"/c/{SLUG_A}/acties", timeout=15)
                    statuses[r.status] = statuses.get(r.status, 0) + 1
                    if r.status == 503:
                        assert 'lang="nl"' in r.text
                except OSError:
                    statuses["no answer"] = statuses.get("no answer", 0) + 1
                time.sleep(0.05)

        t = threading.Thread(target=load)
        t.start()
        time.sleep(1)
        # Restart with the options it runs with now (postmaster.opts holds its command line).
        opts = shlex.split(open(f"{PG_DATA}/postmaster.opts").read())[1:]
        opts = [o for i, o in enumerate(opts) if o != "-D" and (i == 0 or opts[i - 1] != "-D")]
        pg_ctl("stop", "-m", "fast")
        time.sleep(3)
        during = dict(statuses)
        pg_ctl("start", "-w", "-l", f"{PG_DATA}/../restart.log", "-o", " ".join(shlex.quote(o) for o in opts))
        back_at = time.time()
        recovered = None
        while time.time() - back_at < 30:
            r = client.get(f"/c/{SLUG_A}/acties", timeout=15)
            if r.status == 200:
                recovered = time.time() - back_at
                break
            time.sleep(0.2)
        stop.set()
        t.join()
        print(f"statuses while PostgreSQL restarted: {statuses}; serving again {recovered}s after it came back")
        record("postgres", "database restart 500s", statuses.get(500, 0))
        assert statuses.get(500, 0) == 0
        assert during.get(503, 0) > 0, f"expected 503 while the database was away, got {during}"
        assert recovered is not None, "the app did not reconnect within 30 s"
        # Writes work again too.
        client.get(f"/c/{SLUG_A}/leden/uitnodigen")
        r = client.post(f"/c/{SLUG_A}/leden/uitnodigen", {"name": "Na herstart", "email": "na.herstart@rivierstad.example", "role": "lezer"})
        assert r.status == 201
    finally:
        stop.set()
        server.stop()
        db.drop()
