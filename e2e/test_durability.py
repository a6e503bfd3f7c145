"""kill -9 during writes: every write the server acknowledged is on disk after a restart,
the SQLite file is intact, and the server serves again quickly."""
import os
import shutil
import signal
import sqlite3
import tempfile
import threading
import time

from conftest import free_port, start_server, stop
from httpclient import first_use

ROUNDS = 3


def test_acknowledged_writes_survive_kill_9():
    workdir = tempfile.mkdtemp(prefix="bouwstenen-kill-")
    db_path = f"{workdir}/kill.sqlite"
    port = free_port()
    env = {"SQLITE_PATH": db_path}
    proc, base = start_server(env, port=port, workdir=workdir)
    ledger = []  # e-mail addresses of invitations the server answered 201 for
    try:
        client = first_use(base)
        for round_no in range(ROUNDS):
            client.get("/c/coalitie-rivierstad/leden/uitnodigen")
            stop_at = time.time() + 0.8
            killer = threading.Timer(0.6, lambda: os.kill(proc.pid, signal.SIGKILL))
            killer.start()
            n = 0
            acked_before = len(ledger)
            while time.time() < stop_at:
                email = f"r{round_no}-{n}@rivierstad.example"
                n += 1
                try:
                    status, _, _ = client.post("/c/coalitie-rivierstad/leden/uitnodigen",
                                               {"name": f"Persoon {n}", "email": email, "role": "lezer"}, timeout=5)
                except OSError:
                    time.sleep(0.01)
                    continue  # in flight at the kill, or refused after it: not acknowledged
                if status == 201:
                    ledger.append(email)
            killer.join()
            proc.wait()
            # Restart on the same file: it must serve again within 5 seconds.
            started = time.time()
            proc, base = start_server(env, port=port, workdir=workdir, wait_seconds=5)
            acked = len(ledger) - acked_before
            print(f"round {round_no}: {acked} writes acknowledged of {n} tried, healthy again after {time.time() - started:.2f}s")
            assert acked > 0, "the load did not reach the server before the kill"
        with sqlite3.connect(db_path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in db.execute("SELECT email FROM invitations")}
        missing = [e for e in ledger if e not in stored]
        assert ledger, "no write was acknowledged"
        assert not missing, f"{len(missing)} acknowledged writes lost: {missing[:5]}"
    finally:
        stop(proc)
        shutil.rmtree(workdir, ignore_errors=True)
