"""Two app instances on one PostgreSQL: log in through one, use the cookie on the other;
a change saved through one shows on the other, which had the page in memory. Run by .ci/run
with PG_URL set and the demo data loaded (not part of the plain e2e run)."""
import os
import re
import uuid

import pytest

from conftest import start_server
from httpclient import Client

PG_URL = os.environ.get("PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="needs PG_URL (a PostgreSQL database)")


@pytest.fixture
def two_instances():
    """A client logged in as the demo projectleider through instance A, and both addresses."""
    env = {"DATABASE_URL": PG_URL}
    servers = [start_server(env), start_server(env)]
    try:
        (_, a_url), (_, b_url) = servers
        client = Client(a_url)
        client.get("/inloggen")
        status, _, _ = client.post("/inloggen", {"email": "projectleider@rivierstad.example", "password": "Rivierstad-demo-2025"})
        assert status == 303
        yield client, a_url, b_url
    finally:
        for p, _ in servers:
            p.terminate()
            p.wait(timeout=10)


def test_two_instances_share_sessions(two_instances):
    client, a_url, b_url = two_instances
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


def test_a_save_on_one_instance_shows_on_the_other(two_instances):
    client, a_url, b_url = two_instances
    raster = client.get("/c/coalitie-rivierstad/")[2]
    bouwblad = re.search(r'href="(/c/coalitie-rivierstad/bouwbladen/[0-9A-Fa-f-]{36})"', raster).group(1)
    # B reads the bouwblad twice, so what it shows comes from its memory.
    client.base = b_url
    page = client.get(bouwblad)[2]
    assert client.get(bouwblad)[2].count("<h1") == 1
    step = re.search(r'href="(' + re.escape(bouwblad) + r'/cycli/[0-9A-Fa-f-]{36}/stappen/[a-z]+)"', page).group(1)
    # Saved through A.
    client.base = a_url
    form = client.get(step)[2]
    version = re.search(r'name="version" value="(\d+)"', form).group(1)
    text = f"Via de andere server opgeslagen ({uuid.uuid4().hex[:8]})."
    assert client.post(step, {"text": text, "version": version})[0] == 303
    # B shows it at once, on the bouwblad and on the step's page.
    client.base = b_url
    assert text in client.get(bouwblad)[2]
    assert text in client.get(step)[2]


def test_two_instances_send_each_queued_mail_exactly_once():
    """Both instances run the mail worker against one outbox; every mail arrives once."""
    import time
    from mailserver import MailServer
    from conftest import free_port

    smtp = MailServer(free_port()).start()
    token = "metrics-token-voor-twee-instanties"
    env = {"DATABASE_URL": PG_URL, "METRICS_TOKEN": token, **smtp.env()}
    servers = [start_server(env), start_server(env)]
    try:
        (_, a_url), (_, b_url) = servers
        client = Client(a_url)
        client.get("/inloggen")
        assert client.post("/inloggen", {"email": "projectleider@rivierstad.example", "password": "Rivierstad-demo-2025"})[0] == 303
        run = uuid.uuid4().hex[:8]
        addresses = [f"twee-{run}-{i}@rivierstad.example" for i in range(30)]
        for i, address in enumerate(addresses):
            client.base = (a_url, b_url)[i % 2]
            client.get("/c/coalitie-rivierstad/leden/uitnodigen")
            status, _, _ = client.post("/c/coalitie-rivierstad/leden/uitnodigen", {"name": f"Lid {i}", "email": address, "role": "lezer"})
            assert status == 201
        smtp.wait_for(len(addresses))
        time.sleep(3)
        received = sorted(to[0] for to, *_ in smtp.messages)
        assert received == sorted(addresses), "each mail exactly once"
        sent = []
        for url in (a_url, b_url):
            metrics = Client(url).get("/metrics", headers={"Authorization": f"Bearer {token}"})[2]
            sent.append(float(re.search(r"^mail_sent_total (\S+)$", metrics, re.M).group(1)))
        print(f"\nsent by instance A and B: {sent}")
        assert sum(sent) == len(addresses), "the instances agree: each mail was sent by one of them"
    finally:
        for p, _ in servers:
            p.terminate()
            p.wait(timeout=10)
        smtp.stop()
