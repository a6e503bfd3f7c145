"""Each test module gets its own server on its own database (SQLite, and PostgreSQL when
PG_URL is set), loaded with two demo coalitions: Rivierstad, where the people under test
work, and Heuvelland, whose projectleider is the outsider."""
import shutil

import pytest

import harness
from harness import Client, Database, Server, SLUG_A, SLUG_B, forms


class App:
    def __init__(self, db: Database, server: Server):
        self.db = db
        self.server = server
        self.kind = db.kind
        self.base = server.base
        self.ids = {}
        self.other_ids = {}

    def client(self, role: str | None = None) -> Client:
        c = Client(self.base)
        if role:
            c.login(harness.PEOPLE[role])
        else:
            c.get("/inloggen")
        return c

    def refresh_ids(self):
        self.ids = harness.ids_for(self.db, SLUG_A)
        self.other_ids = harness.ids_for(self.db, SLUG_B)


def enrich(app: App, slug: str, email: str):
    """Gives the coalition one of everything a path can name that the demo lacks: a revision,
    a frozen report version, a bouwblad in the trash, an open invitation."""
    c = Client(app.base).login(email)
    ids = harness.ids_for(app.db, slug)
    page = c.get(f"/c/{slug}/bouwbladen/{ids['bouwbladID']}/cycli/{ids['cycleID']}/stappen/startvraag")
    step = next(f for f in forms(page.text) if f.action.endswith("/stappen/startvraag"))
    values = [(k, "Hoe zorgen we dat elk kind iets kiest?" if k == "text" else v) for k, v in step.values()]
    r = c.post(step.action, values)
    assert r.status == 303, (r.status, r.text[:500])
    c.get(f"/c/{slug}/rapport")
    assert c.post(f"/c/{slug}/rapport/vastzetten").status == 303
    spare = app.db.rows("SELECT b.id FROM bouwbladen b JOIN coalitions c ON c.id = b.coalition_id WHERE c.slug = ? AND b.id <> ? ORDER BY b.title DESC LIMIT 1", (slug, ids["bouwbladID"]))[0][0]
    page = c.get(f"/c/{slug}/bouwbladen/{spare}/verwijderen")
    confirm = next(f for f in forms(page.text) if f.action.endswith("/verwijderen"))
    assert c.post(confirm.action, confirm.values()).status == 303
    # And a cycle in the trash: the newest of another bouwblad that has more than one.
    spare_cycle = app.db.rows("""SELECT c.bouwblad_id, c.id FROM cycles c JOIN coalitions k ON k.id = c.coalition_id
        WHERE k.slug = ? AND c.bouwblad_id NOT IN (?, ?) AND c.deleted_at IS NULL
        AND (SELECT COUNT(*) FROM cycles o WHERE o.bouwblad_id = c.bouwblad_id AND o.deleted_at IS NULL) > 1
        ORDER BY c.number DESC LIMIT 1""", (slug, ids["bouwbladID"], spare))[0]
    page = c.get(f"/c/{slug}/bouwbladen/{spare_cycle[0]}/cycli/{spare_cycle[1]}/verwijderen")
    confirm = next(f for f in forms(page.text) if f.action.endswith("/verwijderen"))
    assert c.post(confirm.action, confirm.values()).status == 303
    c.get(f"/c/{slug}/leden/uitnodigen")
    r = c.post(f"/c/{slug}/leden/uitnodigen", {"name": "Nieuwe Lezer", "email": f"nieuw@{slug}.example", "role": "lezer"})
    assert r.status in (201, 303), r.status


def make_app(kind: str, extra_env: dict | None = None):
    workdir = harness.new_workdir()
    db = Database(kind, workdir)
    server = Server(db, extra_env)
    server.seed()
    server.start()
    app = App(db, server)
    enrich(app, SLUG_A, harness.PEOPLE["projectleider"])
    enrich(app, SLUG_B, harness.PEOPLE["buitenstaander"])
    app.refresh_ids()
    return app


def close_app(app: App):
    app.server.stop()
    app.db.drop()
    shutil.rmtree(app.db.workdir, ignore_errors=True)


@pytest.fixture(scope="module", params=harness.db_kinds())
def app(request):
    a = make_app(request.param)
    yield a
    close_app(a)
