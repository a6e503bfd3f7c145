"""Two app instances on one PostgreSQL share sessions: log in through one, use the
cookie on the other. Run by .ci/run with PG_URL set (not part of the plain e2e run)."""
import os

import pytest

from conftest import free_port, start_server
from httpclient import Client

PG_URL = os.environ.get("PG_URL")


@pytest.mark.skipif(not PG_URL, reason="needs PG_URL (a PostgreSQL database)")
def test_two_instances_share_sessions():
    env = {"DATABASE_URL": PG_URL}
    a, a_url = start_server(env)
    b, b_url = start_server(env)
    try:
        # The demo data is loaded by .ci/run before this test.
        client = Client(a_url)
        client.get("/inloggen")
        status, _, _ = client.post("/inloggen", {"email": "projectleider@rivierstad.example", "password": "Rivierstad-demo-2025"})
        assert status == 303
        # The same cookie works on the other instance.
        client.base = b_url
        status, _, html = client.get("/c/coalitie-rivierstad/leden")
        assert status == 200
        assert "Sanne de Vries" in html
        # Logging out on B ends the session on A too.
        cookie = client.cookie
        assert client.post("/uitloggen", {})[0] == 303
        replay = Client(a_url)
        replay.cookie = cookie
        assert replay.get("/c/coalitie-rivierstad/leden")[0] == 303
    finally:
        for p in (a, b):
            p.terminate()
            p.wait(timeout=10)
