"""What every part of the reliability suite shares: the app binary, a server on a free
loopback port, a database (a SQLite file or a fresh PostgreSQL database) that the suite
can read directly, an HTTP client that shows everything (raw bodies, every header), the
route list from `bouwstenen routes`, and the figures that `reliability/run` prints."""
import html.parser
import http.client
import json
import os
import pathlib
import re
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
FULL = os.environ.get("RELIABILITY_FULL") == "1"
PASSWORD = "Rivierstad-demo-2025"
# Tables whose rows legitimately change on any request (session touch, failed-login count).
VOLATILE = {"sessions", "login_failures", "login_devices", "_fluent_migrations"}


def scale(quick: int, full: int) -> int:
    """How many of something to try: a little in CI, the real number in --full."""
    return full if FULL else quick


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binary() -> str:
    explicit = os.environ.get("BOUWSTENEN_BIN")
    if explicit:
        return explicit
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return str(pathlib.Path(out.stdout.strip()) / "bouwstenen")


# --- figures ----------------------------------------------------------------------------

def record(db_kind: str, name: str, value: int, keep: str = "sum"):
    """Adds to a figure that `reliability/run` prints at the end (a JSON file between runs);
    with keep="max" the figure is the largest value recorded."""
    path = os.environ.get("RELIABILITY_FIGURES")
    if not path:
        return
    p = pathlib.Path(path)
    data = json.loads(p.read_text()) if p.exists() else {}
    data.setdefault(db_kind, {})
    old = data[db_kind].get(name, 0)
    data[db_kind][name] = max(old, value) if keep == "max" else old + value
    p.write_text(json.dumps(data, indent=1))


# --- databases --------------------------------------------------------------------------

class Database:
    """A database the app uses and the suite reads: `url` for the app, `rows()` for checks."""

    def __init__(self, kind: str, workdir: str):
        self.kind = kind
        self.workdir = workdir
        if kind == "sqlite":
            self.path = f"{workdir}/app.sqlite"
            self.url = f"sqlite://{self.path}"
        else:
            import psycopg
            base = os.environ["PG_URL"].rstrip("/")
            self.name = "rel_" + uuid.uuid4().hex[:12]
            with psycopg.connect(base + "/postgres", autocommit=True) as c:
                c.execute(f'CREATE DATABASE "{self.name}"')
            self.url = f"{base}/{self.name}?sslmode=disable"
            self.pg = base + "/" + self.name

    def connect(self):
        if self.kind == "sqlite":
            return sqlite3.connect(self.path, timeout=10)
        import psycopg
        return psycopg.connect(self.pg, autocommit=True)

    def rows(self, sql: str, params=()):
        if self.kind == "postgres":
            sql = sql.replace("?", "%s")
        with self.connect() as c:
            return list(c.execute(sql, params).fetchall())

    def execute(self, sql: str, params=()):
        """A write from the suite itself (setting up a case), committed at once."""
        if self.kind == "postgres":
            sql = sql.replace("?", "%s")
        with self.connect() as c:
            c.execute(sql, params)
            if self.kind == "sqlite":
                c.commit()

    def version(self):
        """Changes whenever anything was committed: a cheap test before a full snapshot."""
        if self.kind == "sqlite":
            if not hasattr(self, "_watch"):
                self._watch = sqlite3.connect(self.path, timeout=10)
            return self._watch.execute("PRAGMA data_version").fetchone()[0]
        if not hasattr(self, "_watch"):
            self._watch = self.connect()
        return self._watch.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0]

    def tables(self):
        if self.kind == "sqlite":
            names = [r[0] for r in self.rows("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        else:
            names = [r[0] for r in self.rows("SELECT table_name FROM information_schema.tables WHERE table_schema='public'")]
        return sorted(n for n in names if n not in VOLATILE)

    def snapshot(self) -> dict:
        """Every row of every table that matters, as comparable text."""
        out = {}
        with self.connect() as c:
            for table in self.tables():
                rows = c.execute(f'SELECT * FROM "{table}"').fetchall()
                out[table] = sorted(repr(tuple(str(v) for v in row)) for row in rows)
        return out

    def drop(self):
        if hasattr(self, "_watch"):
            self._watch.close()
        if self.kind == "postgres":
            import psycopg
            with psycopg.connect(os.environ["PG_URL"].rstrip("/") + "/postgres", autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def snapshot_diff(before: dict, after: dict) -> list:
    changed = []
    for table in sorted(set(before) | set(after)):
        if before.get(table) != after.get(table):
            changed.append(table)
    return changed


def db_kinds():
    """SQLite always; PostgreSQL when PG_URL names a server the suite may create databases on."""
    return ["sqlite"] + (["postgres"] if os.environ.get("PG_URL") else [])


# --- the server ------------------------------------------------------------------------

class Server:
    def __init__(self, db: Database, extra_env: dict | None = None, port: int = 0):
        self.db = db
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, PORT=str(self.port), HOST="127.0.0.1", BCRYPT_COST="4", DATABASE_URL=db.url,
                        LOG_LEVEL=os.environ.get("LOG_LEVEL", "warning"))
        self.env.pop("SQLITE_PATH", None)
        self.env.update(extra_env or {})
        self.log_path = f"{db.workdir}/server-{self.port}.log"
        self.proc = None

    def command(self, *args, env=None):
        """Runs `bouwstenen ARGS` against the same database; returns its output."""
        run_env = dict(self.env, **(env or {}))
        out = subprocess.run([binary(), *args], env=run_env, capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            raise RuntimeError(f"bouwstenen {' '.join(args)} failed:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
        return out.stdout

    def seed(self):
        """Two demo coalitions: Rivierstad (the one under test) and Heuvelland (the outsiders)."""
        self.command("migrate", "--yes")
        self.command("demo")
        self.command("demo", "--plaats", "Heuvelland")

    def start(self, wait_seconds: float = 60) -> float:
        log = open(self.log_path, "a")
        self.proc = subprocess.Popen([binary(), "serve"], cwd=self.db.workdir, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        return self.wait_healthy(wait_seconds)

    def wait_healthy(self, seconds: float) -> float:
        started = time.time()
        while True:
            try:
                status, _, _ = raw_request(self.base, "GET", "/healthz", timeout=2)
                if status == 200:
                    return time.time() - started
            except OSError:
                pass
            if self.proc.poll() is not None or time.time() - started > seconds:
                raise RuntimeError("server did not become healthy:\n" + pathlib.Path(self.log_path).read_text()[-3000:])
            time.sleep(0.02)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def kill9(self):
        self.proc.kill()
        self.proc.wait()

    def log_tail(self) -> str:
        return pathlib.Path(self.log_path).read_text()[-3000:]


def new_workdir(prefix="bouwstenen-rel-") -> str:
    return tempfile.mkdtemp(prefix=prefix)


# --- HTTP ------------------------------------------------------------------------------

def raw_request(base: str, method: str, path: str, body: bytes | None = None, headers: dict | None = None, timeout=30):
    """One request, nothing added: returns (status, headers as list of pairs, body bytes)."""
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.getheaders(), r.read()
    finally:
        conn.close()


CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


class Client:
    """Keeps the session cookie, remembers the last CSRF token, never follows redirects."""

    def __init__(self, base: str, cookie_name_prefix=""):
        self.base = base
        self.jar = {}
        self.csrf = None

    @property
    def cookie(self):
        """The Cookie header this client sends (session and device cookie)."""
        return "; ".join(f"{k}={v}" for k, v in self.jar.items()) or None

    @cookie.setter
    def cookie(self, header):
        self.jar = dict(pair.strip().split("=", 1) for pair in (header or "").split(";") if "=" in pair)

    def request(self, method, path, body: bytes | None = None, content_type: str | None = None, headers=None, timeout=30):
        h = dict(headers or {})
        if self.cookie:
            h["Cookie"] = self.cookie
        if content_type:
            h["Content-Type"] = content_type
        status, resp_headers, data = raw_request(self.base, method, path, body, h, timeout)
        for name, value in resp_headers:
            if name.lower() == "set-cookie":
                key, _, val = value.split(";")[0].partition("=")
                if val:
                    self.jar[key.strip()] = val
                else:
                    self.jar.pop(key.strip(), None)
        text = data.decode("utf-8", "replace")
        m = CSRF_RE.search(text)
        if m:
            self.csrf = m.group(1)
        return Response(status, resp_headers, text)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields=None, csrf=True, **kw):
        pairs = list(fields.items()) if isinstance(fields, dict) else list(fields or [])
        if csrf and self.csrf and not any(k == "csrf" for k, _ in pairs):
            pairs.append(("csrf", self.csrf))
        body = urllib.parse.urlencode(pairs).encode()
        return self.request("POST", path, body, "application/x-www-form-urlencoded", **kw)

    def login(self, email: str, password: str = PASSWORD):
        self.get("/inloggen")
        r = self.post("/inloggen", {"email": email, "password": password})
        assert r.status == 303, f"login of {email}: {r.status}"
        self.get("/account")  # a page with a form: the session's CSRF token
        return self


class Response:
    def __init__(self, status, headers, text):
        self.status = status
        self.headers = headers
        self.text = text

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def location(self):
        return self.header("Location") or ""


# --- routes ----------------------------------------------------------------------------

def routes():
    """(method, path, access) for every route the app has."""
    out = subprocess.run([binary(), "routes"], capture_output=True, text=True, check=True, env=dict(os.environ, DATABASE_URL="sqlite://:memory:"))
    rows = []
    for line in out.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            rows.append(tuple(parts))
    assert rows, "bouwstenen routes printed nothing"
    return rows


SLUG_A = "coalitie-rivierstad"
SLUG_B = "coalitie-heuvelland"
PEOPLE = {
    "projectleider": "projectleider@rivierstad.example",
    "coordinator": "coordinator@rivierstad.example",
    "partner": "partner@rivierstad.example",
    "lezer": "lezer@rivierstad.example",
    "buitenstaander": "projectleider@heuvelland.example",
}


def ids_for(db: Database, slug: str) -> dict:
    """One real id of every kind a path can name, all from the coalition `slug`. Chosen so the
    partner of Rivierstad owns the activity (Sportclub) and the lezer's membership is the target."""
    cid = db.rows("SELECT id FROM coalitions WHERE slug = ?", (slug,))[0][0]

    def one(sql, *params):
        rows = db.rows(sql, (cid, *params))
        # Upper case, as the app writes ids in its links (PostgreSQL returns them lower case).
        return (str(rows[0][0]) if rows else str(uuid.uuid4())).upper()

    # A bouwblad with a goal, an action, a link and an open cycle, so every path has a real target.
    bouwblad = one("""SELECT b.id FROM bouwbladen b WHERE b.coalition_id = ? AND b.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM doelen d WHERE d.bouwblad_id = b.id) AND EXISTS (SELECT 1 FROM acties a WHERE a.bouwblad_id = b.id)
        AND EXISTS (SELECT 1 FROM links l WHERE l.bouwblad_id = b.id)
        AND EXISTS (SELECT 1 FROM cycles c WHERE c.bouwblad_id = b.id AND c.closed_at IS NULL AND c.deleted_at IS NULL)
        ORDER BY b.title LIMIT 1""")

    def of_bouwblad(sql):
        rows = db.rows(sql, (bouwblad,))
        return (str(rows[0][0]) if rows else str(uuid.uuid4())).upper()

    cycle = of_bouwblad("SELECT id FROM cycles WHERE bouwblad_id = ? AND closed_at IS NULL AND deleted_at IS NULL ORDER BY number DESC LIMIT 1")
    partner = one("SELECT id FROM partner_organisations WHERE coalition_id = ? AND name = 'Sportclub Rivierstad'")
    # The activity with the open incident: the partner's organisation runs it at the coordinator's school.
    session = one("SELECT id FROM activity_sessions WHERE coalition_id = ? AND incident = ? AND incident_handled_at IS NULL ORDER BY date LIMIT 1", True)
    activity = one("SELECT activity_id FROM activity_sessions WHERE coalition_id = ? AND id = ?", session)
    return {
        "slug": slug,
        "code": "-".join(db.rows("SELECT level, aspect FROM bouwstenen ORDER BY level, aspect LIMIT 1")[0]),
        "bouwbladID": bouwblad,
        "cycleID": cycle,
        "step": "startvraag",
        "revisionID": of_bouwblad("SELECT id FROM revisions WHERE bouwblad_id = ? AND cycle_id IS NOT NULL ORDER BY created_at LIMIT 1"),
        "doelID": of_bouwblad("SELECT id FROM doelen WHERE bouwblad_id = ? LIMIT 1"),
        "actieID": of_bouwblad("SELECT id FROM acties WHERE bouwblad_id = ? LIMIT 1"),
        "linkID": of_bouwblad("SELECT id FROM links WHERE bouwblad_id = ? LIMIT 1"),
        "activityID": activity,
        "sessionID": session,
        "locationID": one("SELECT id FROM locations WHERE coalition_id = ? ORDER BY name LIMIT 1"),
        "partnerID": partner,
        "staffID": one("SELECT id FROM partner_staff WHERE coalition_id = ? AND partner_id = ? LIMIT 1", partner),
        "versionID": one("SELECT id FROM report_versions WHERE coalition_id = ? LIMIT 1"),
        "file": "rapport.docx",
        "itemID": one("SELECT id FROM bouwbladen WHERE coalition_id = ? AND deleted_at IS NOT NULL LIMIT 1"),
        "cycleItemID": one("SELECT id FROM cycles WHERE coalition_id = ? AND deleted_at IS NOT NULL LIMIT 1"),
        "membershipID": one("SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.coalition_id = ? AND u.email LIKE ?", "lezer@%"),
        "invitationID": one("SELECT id FROM invitations WHERE coalition_id = ? LIMIT 1"),
        "token": "onbekend-token",
        "webSessionID": str(uuid.uuid4()),  # someone else's login session: not found for anyone
        "importID": str(uuid.uuid4()).upper(),  # no pending import in the demo: a fresh id
        # The demo's pupils' questionnaire (one link per location), a question and its code.
        "questionnaireID": one("SELECT id FROM questionnaires WHERE coalition_id = ? ORDER BY title DESC LIMIT 1"),
        "questionID": "v2",
        # The demo's indicator typed per location: coordinators type their own locations.
        "moment": "2",
        "planActionID": one("SELECT id FROM plan_actions WHERE coalition_id = ? ORDER BY text LIMIT 1"),
        "indicatorID": one("SELECT id FROM indicators WHERE coalition_id = ? AND name LIKE ?", "Leerlingen die naar verwachting%"),
        # A meeting with an agreement (the demo's wijkoverleg whose agreement is in the jaarplan).
        "meetingID": one("SELECT meeting_id FROM meeting_agreements WHERE coalition_id = ? ORDER BY text LIMIT 1"),
        "agreementID": one("SELECT id FROM meeting_agreements WHERE coalition_id = ? ORDER BY text LIMIT 1"),
        "feedFile": "onbekend-agenda.ics",  # the demo has no calendar feed: an unknown address
        "contactID": one("SELECT id FROM contacts WHERE coalition_id = ? ORDER BY name LIMIT 1"),
        "ruleID": one("SELECT id FROM cadence_rules WHERE coalition_id = ? ORDER BY minimum DESC LIMIT 1"),
        "answerCode": (db.rows("SELECT l.code FROM questionnaire_links l JOIN coalitions c ON c.id = l.coalition_id WHERE c.slug = ? ORDER BY l.code LIMIT 1", (slug,)) or [["ZZZZZZ"]])[0][0],
    }


def fill(path: str, ids: dict) -> str:
    if "/cycli/:itemID" in path:
        ids = dict(ids, itemID=ids["cycleItemID"])
    if path.startswith("/v/"):
        ids = dict(ids, code=ids["answerCode"])
    return "/".join(urllib.parse.quote(ids[p[1:]], safe="") if p.startswith(":") else p for p in path.split("/"))


# --- forms -----------------------------------------------------------------------------

class Form:
    def __init__(self, action, method):
        self.action = action
        self.method = method
        self.fields = []  # [name, value, kind, options]

    def values(self):
        """What a person submitting the form unchanged would send (first option, checked boxes)."""
        out = []
        for name, value, kind, options in self.fields:
            if kind in ("checkbox", "radio") and value is None:
                continue
            if kind == "select":
                value = options[0] if options else ""
            out.append((name, value or ""))
        return out


class _FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []
        self.form = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = Form(a.get("action") or "", (a.get("method") or "get").lower())
            self.forms.append(self.form)
        elif self.form is None or "name" not in a:
            if tag == "option" and self.select is not None:
                self.select[3].append(a.get("value", ""))
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button"):
                return
            checked = "checked" in a
            value = a.get("value", "on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio") and not checked:
                value = None
            if kind == "radio" and any(f[0] == a["name"] and f[1] is not None for f in self.form.fields):
                return
            self.form.fields.append([a["name"], value, kind, []])
        elif tag == "textarea":
            self.textarea = [a["name"], "", "textarea", []]
            self.form.fields.append(self.textarea)
        elif tag == "select":
            self.select = [a["name"], None, "select", []]
            self.form.fields.append(self.select)
        if tag == "option" and self.select is not None:
            self.select[3].append(a.get("value", ""))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def forms(page: str) -> list:
    parser = _FormParser()
    parser.feed(page)
    return parser.forms
