"""kill -9 during a steady write load, again and again. The client keeps a ledger of every
write the server acknowledged; after each restart the server must serve within 5 seconds,
and at the end every acknowledged write is there and (SQLite) the file is intact."""
import random
import threading
import time

import pytest

import harness
from harness import SLUG_A, Database, Server, record, scale

pytestmark = pytest.mark.parametrize("kind", harness.db_kinds())


def write_load(client, ledger, stop, prefix):
    """Invites people one after another until told to stop; notes each 201."""
    n = 0
    while not stop.is_set():
        n += 1
        email = f"{prefix}-{n}@rivierstad.example"
        try:
            r = client.post(f"/c/{SLUG_A}/leden/uitnodigen", {"name": f"Persoon {n}", "email": email, "role": "lezer"}, timeout=5)
        except OSError:
            time.sleep(0.01)  # in flight at the kill, or refused while down: not acknowledged
            continue
        if r.status == 201:
            ledger.append(email)


def test_acknowledged_writes_survive_kill_9(kind):
    workdir = harness.new_workdir("bouwstenen-kill-")
    db = Database(kind, workdir)
    server = Server(db, port=harness.free_port())
    server.seed()
    server.start()
    rounds = scale(3, 100)
    rng = random.Random(11)
    ledger, slowest, per_round = [], 0.0, []
    try:
        client = harness.Client(server.base).login(harness.PEOPLE["projectleider"])
        client.get(f"/c/{SLUG_A}/leden/uitnodigen")
        for round_no in range(rounds):
            stop = threading.Event()
            before = len(ledger)
            load = threading.Thread(target=write_load, args=(client, ledger, stop, f"r{round_no}"))
            load.start()
            time.sleep(rng.uniform(0.3, 0.8))
            server.kill9()
            stop.set()
            load.join()
            took = server.start(wait_seconds=5)  # raises if not healthy within 5 s
            slowest = max(slowest, took)
            per_round.append(len(ledger) - before)
        stored = {r[0] for r in db.rows("SELECT email FROM invitations")}
        lost = [e for e in ledger if e not in stored]
        if kind == "sqlite":
            assert db.rows("PRAGMA integrity_check")[0][0] == "ok"
        record(kind, "kills", rounds)
        record(kind, "lost acknowledged writes", len(lost))
        print(f"{kind}: {rounds} kills, {len(ledger)} acknowledged writes, {len(lost)} lost, "
              f"slowest restart {slowest:.2f}s, fewest writes in a round {min(per_round)}")
        assert min(per_round) > 0, "a round ended before the load reached the server"
        assert not lost, f"{len(lost)} acknowledged writes lost: {lost[:5]}"
    finally:
        server.stop()
        db.drop()
