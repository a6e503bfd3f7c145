"""`bouwstenen backup` while the server writes, then `bouwstenen restore`: the backup holds
every write acknowledged before it started, the restored database is exactly the backup,
and a damaged file is refused without touching the live database."""
import os
import shutil
import subprocess
import threading
import time

import pytest

import harness
from harness import SLUG_A, Database, Server, record, scale, snapshot_diff
from test_crash import write_load


def test_backup_under_load_and_restore():
    workdir = harness.new_workdir("bouwstenen-backup-")
    db = Database("sqlite", workdir)
    server = Server(db)
    server.seed()
    server.start()
    try:
        client = harness.Client(server.base).login(harness.PEOPLE["projectleider"])
        client.get(f"/c/{SLUG_A}/leden/uitnodigen")
        rounds = scale(2, 10)
        for n in range(rounds):
            ledger, stop = [], threading.Event()
            load = threading.Thread(target=write_load, args=(client, ledger, stop, f"b{n}"))
            load.start()
            time.sleep(0.5)
            acked_before = list(ledger)
            out = f"{workdir}/backup-{n}.sqlite"
            printed = server.command("backup", "--out", out)
            time.sleep(0.3)
            stop.set()
            load.join()
            assert "integrity ok" in printed
            backup = Database("sqlite", workdir)
            backup.path = out
            in_backup = {r[0] for r in backup.rows("SELECT email FROM invitations")}
            missing = [e for e in acked_before if e not in in_backup]
            assert acked_before and not missing, f"backup {n} lacks {len(missing)} acknowledged writes"
            assert len(ledger) > len(acked_before), "the load did not go on during the backup"
        # A second backup to an existing name is refused.
        refused = subprocess.run([harness.binary(), "backup", "--out", out], env=server.env, capture_output=True, text=True)
        assert refused.returncode != 0 and "already exists" in refused.stderr

        # Restore the last backup: stop the server, restore, start, compare.
        server.stop()
        damaged = f"{workdir}/damaged.sqlite"
        with open(damaged, "wb") as f:
            f.write(b"SQLite format 3\x00" + os.urandom(8192))
        live_before = db.snapshot()
        bad = subprocess.run([harness.binary(), "restore", "--from", damaged], env=server.env, capture_output=True, text=True)
        assert bad.returncode != 0, bad.stdout
        assert not snapshot_diff(live_before, db.snapshot()), "a refused restore changed the live database"

        server.command("restore", "--from", out)
        server.start()
        assert db.rows("PRAGMA integrity_check")[0][0] == "ok"
        assert not snapshot_diff(backup.snapshot(), db.snapshot()), "the restored database differs from the backup"
        assert client.get(f"/c/{SLUG_A}/leden").status == 200, "sessions in the backup still work after a restore"
        kept = [f for f in os.listdir(workdir) if ".before-restore-" in f]
        assert kept, "the replaced database is kept next to it"
        record("sqlite", "backup round trips", rounds)
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.mark.skipif(not os.environ.get("PG_URL"), reason="needs PG_URL")
def test_backup_on_postgres_points_to_pg_dump():
    db = Database("postgres", harness.new_workdir())
    try:
        r = subprocess.run([harness.binary(), "backup", "--out", f"{db.workdir}/x"], capture_output=True, text=True,
                           env=dict(os.environ, DATABASE_URL=db.url))
        assert r.returncode != 0 and "pg_dump" in r.stderr
    finally:
        db.drop()
