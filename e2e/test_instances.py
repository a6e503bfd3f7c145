"""Two app instances on one PostgreSQL share sessions: log in through one, use the
cookie on the other. Run by .ci/run with PG_URL set (not part of the plain e2e run)."""
import os
import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import binary, free_port

PG_URL = os.environ.get("PG_URL")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def request(url, data=None, cookie=None):
    headers = {"Cookie": cookie} if cookie else {}
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers=headers)
    try:
        with opener.open(req, timeout=10) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def start(port):
    env = dict(os.environ, DATABASE_URL=PG_URL, PORT=str(port), HOST="127.0.0.1", BCRYPT_COST="4")
    log = tempfile.NamedTemporaryFile(prefix=f"instance-{port}-", suffix=".log", delete=False)
    proc = subprocess.Popen([binary(), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            if request(f"http://127.0.0.1:{port}/healthz")[0] == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(open(log.name).read()[-3000:])


@pytest.mark.skipif(not PG_URL, reason="needs PG_URL (a PostgreSQL database)")
def test_two_instances_share_sessions():
    a_port, b_port = free_port(), free_port()
    a, b = start(a_port), start(b_port)
    try:
        a_url, b_url = f"http://127.0.0.1:{a_port}", f"http://127.0.0.1:{b_port}"
        # The demo data is loaded by .ci/run before this test.
        status, headers, html = request(a_url + "/inloggen")
        cookie = headers["Set-Cookie"].split(";")[0]
        token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
        status, headers, _ = request(a_url + "/inloggen", {"csrf": token, "email": "projectleider@rivierstad.example",
                                                          "password": "Rivierstad-demo-2025"}, cookie)
        assert status == 303
        cookie = headers["Set-Cookie"].split(";")[0]
        # The other instance knows this session.
        status, _, html = request(b_url + "/c/coalitie-rivierstad/leden", cookie=cookie)
        assert status == 200
        assert "Sanne de Vries" in html
        # Logging out on B ends it on A too.
        token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
        assert request(b_url + "/uitloggen", {"csrf": token}, cookie)[0] == 303
        assert request(a_url + "/c/coalitie-rivierstad/leden", cookie=cookie)[0] == 303
    finally:
        for p in (a, b):
            p.terminate()
            p.wait(timeout=10)
