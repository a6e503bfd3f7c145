"""Every route x every role x own and other coalition's ids, against one written-down table.

Cells: `ok` the person gets in (any answer but 401/403/404, a login redirect or a 5xx);
`403` refused; `404` not found (an outsider may not even learn that something exists);
`in` must log in first (GET: 303 to /inloggen; POST: 401); `*` anything but a 5xx (public
routes whose answer depends on state); `-` not applicable (the path names no id).
Columns: pl projectleider, co coordinator (of the activity's location), pa partner (of the
activity's organisation, not a contributor of the bouwblad), le lezer, an anonymous,
bu projectleider of another coalition on this coalition's paths, vi this coalition's
projectleider with the other coalition's ids in the path.

Forbidden cells run first and must leave the database exactly as it was; allowed cells run
after, reads before writes, destructive writes last."""
import os

import harness
from harness import SLUG_A, fill, record, snapshot_diff

ROLES = ["pl", "co", "pa", "le", "an", "bu", "vi"]
PERSON = {"pl": "projectleider", "co": "coordinator", "pa": "partner", "le": "lezer", "bu": "buitenstaander", "vi": "projectleider"}

EXPECTED = """
GET  /healthz                                                              ok  ok  ok  ok  ok  ok  -
GET  /livez                                                                ok  ok  ok  ok  ok  ok  -
GET  /metrics                                                              404 404 404 404 404 404 -
GET  /eerste-gebruik                                                       *   *   *   *   *   *   -
POST /eerste-gebruik                                                       *   *   *   *   *   *   -
GET  /inloggen                                                             *   *   *   *   *   *   -
POST /inloggen                                                             *   *   *   *   *   *   -
POST /uitloggen                                                            *   *   *   *   *   *   -
GET  /wachtwoord-vergeten                                                  *   *   *   *   *   *   -
POST /wachtwoord-vergeten                                                  *   *   *   *   *   *   -
GET  /wachtwoord-herstellen/:token                                         *   *   *   *   *   *   -
POST /wachtwoord-herstellen/:token                                         *   *   *   *   *   *   -
GET  /privacy                                                              ok  ok  ok  ok  ok  ok  -
GET  /begrippen                                                            ok  ok  ok  ok  ok  ok  -
GET  /uitnodiging/:token                                                   *   *   *   *   *   *   -
POST /uitnodiging/:token                                                   *   *   *   *   *   *   -
GET  /css/rapport.css                                                      ok  ok  ok  ok  ok  ok  -
GET  /                                                                     ok  ok  ok  ok  in  ok  -
GET  /account                                                              ok  ok  ok  ok  in  ok  -
POST /account/naam                                                         ok  ok  ok  ok  in  ok  -
POST /account/wachtwoord                                                   ok  ok  ok  ok  in  ok  -
POST /account/emailadres                                                   ok  ok  ok  ok  in  ok  -
GET  /account/herinneringen                                                ok  ok  ok  ok  in  ok  -
POST /account/herinneringen                                                ok  ok  ok  ok  in  ok  -
GET  /afmelden/:token                                                      *   *   *   *   *   *   -
POST /afmelden/:token                                                      *   *   *   *   *   *   -
POST /account/sessies/andere-uitloggen                                     ok  ok  ok  ok  in  ok  -
POST /account/sessies/:webSessionID/uitloggen                              404 404 404 404 in  404 -
GET  /emailadres-bevestigen/:token                                         *   *   *   *   *   *   -
POST /emailadres-bevestigen/:token                                         *   *   *   *   *   *   -
GET  /beheer/coalities                                                     403 403 403 403 in  403 -
POST /beheer/coalities                                                     403 403 403 403 in  403 -
GET  /beheer/mail                                                          403 403 403 403 in  403 -
GET  /c/:slug                                                               ok  ok  ok  ok  in  404 -
GET  /c/:slug/acties                                                        ok  ok  ok  ok  in  404 -
GET  /c/:slug/activiteiten                                                  ok  ok  ok  ok  in  404 -
GET  /c/:slug/activiteiten/:activityID                                      ok  ok  ok  ok  in  404 404
GET  /c/:slug/activiteiten/:activityID/bewerken                             ok  ok  403 403 in  404 404
POST /c/:slug/activiteiten/:activityID/bewerken                             ok  ok  403 403 in  404 404
POST /c/:slug/activiteiten/:activityID/sessies                              ok  ok  ok  403 in  404 404
GET  /c/:slug/activiteiten/:activityID/sessies/:sessionID                   ok  ok  ok  403 in  404 404
POST /c/:slug/activiteiten/:activityID/sessies/:sessionID                   ok  ok  ok  403 in  404 404
POST /c/:slug/activiteiten/:activityID/sessies/genereren                    ok  ok  ok  403 in  404 404
POST /c/:slug/activiteiten/:activityID/status                               ok  ok  403 403 in  404 404
GET  /c/:slug/activiteiten/:activityID/vooraf-check                         ok  ok  403 403 in  404 404
POST /c/:slug/activiteiten/:activityID/vooraf-check                         ok  ok  403 403 in  404 404
POST /c/:slug/activiteiten/bewijs                                           ok  ok  ok  403 in  404 -
GET  /c/:slug/activiteiten/dekking                                          ok  ok  ok  ok  in  404 -
GET  /c/:slug/activiteiten/export/activiteiten.csv                          ok  ok  ok  ok  in  404 -
GET  /c/:slug/activiteiten/export/sessies.csv                               ok  ok  ok  ok  in  404 -
GET  /c/:slug/activiteiten/importeren                                       ok  ok  403 403 in  404 -
POST /c/:slug/activiteiten/importeren                                       ok  ok  403 403 in  404 -
POST /c/:slug/activiteiten/importeren/bevestigen                            ok  ok  403 403 in  404 -
GET  /c/:slug/activiteiten/incidenten                                       ok  403 403 403 in  404 -
POST /c/:slug/activiteiten/incidenten/:sessionID/afgehandeld                ok  403 403 403 in  404 404
GET  /c/:slug/activiteiten/instellingen                                     ok  403 403 403 in  404 -
POST /c/:slug/activiteiten/instellingen                                     ok  403 403 403 in  404 -
GET  /c/:slug/activiteiten/nieuw                                            ok  ok  403 403 in  404 -
POST /c/:slug/activiteiten/nieuw                                            ok  ok  403 403 in  404 -
GET  /c/:slug/activiteiten/observaties                                      ok  ok  ok  ok  in  404 -
GET  /c/:slug/bouwbladen/:bouwbladID                                        ok  ok  ok  ok  in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/acties/:actieID                        ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/acties/:actieID/verwijderen            ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/acties                  ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/afronden                ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/cycli/volgende                         ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/doelen                  ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/periode                 ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/stappen/:step           ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/verwijderen             ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/verwijderen             ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/doelen/:doelID                         ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/doelen/:doelID/resultaat               ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/doelen/:doelID/verwijderen             ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/acties/:actieID                        ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID                         ok  ok  ok  ok  in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/acties                  ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/doelen                  ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/periode                 ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/cycli/:cycleID/stappen/:step           ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/doelen/:doelID                         ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/doelen/:doelID/resultaat               ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/instellingen                           ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/verbindingen                           ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/geschiedenis                           ok  ok  ok  ok  in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/geschiedenis/:revisionID/terugzetten   ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/instellingen                           ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/titel                                  ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/verbindingen                           ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/verbindingen/:linkID/verwijderen       ok  ok  403 403 in  404 404
GET  /c/:slug/bouwbladen/:bouwbladID/verwijderen                            ok  ok  403 403 in  404 404
POST /c/:slug/bouwbladen/:bouwbladID/verwijderen                            ok  ok  403 403 in  404 404
GET  /c/:slug/bouwstenen/:code                                              ok  ok  ok  ok  in  404 -
POST /c/:slug/bouwstenen/:code/bouwbladen                                   ok  ok  403 403 in  404 -
GET  /c/:slug/leden                                                         ok  ok  ok  ok  in  404 -
GET  /c/:slug/leden/:membershipID/rol                                       ok  403 403 403 in  404 404
POST /c/:slug/leden/:membershipID/rol                                       ok  403 403 403 in  404 404
GET  /c/:slug/leden/:membershipID/verwijderen                               ok  403 403 403 in  404 404
POST /c/:slug/leden/:membershipID/verwijderen                               ok  403 403 403 in  404 404
GET  /c/:slug/leden/uitnodigen                                              ok  403 403 403 in  404 -
POST /c/:slug/leden/uitnodigen                                              ok  403 403 403 in  404 -
GET  /c/:slug/locaties                                                      ok  ok  ok  ok  in  404 -
GET  /c/:slug/locaties/:locationID                                          ok  403 403 403 in  404 404
POST /c/:slug/locaties/:locationID                                          ok  403 403 403 in  404 404
GET  /c/:slug/locaties/nieuw                                                ok  403 403 403 in  404 -
POST /c/:slug/locaties/nieuw                                                ok  403 403 403 in  404 -
GET  /c/:slug/partners/:partnerID                                           ok  ok  ok  ok  in  404 404
GET  /c/:slug/partners/:partnerID/bewerken                                  ok  403 403 403 in  404 404
POST /c/:slug/partners/:partnerID/bewerken                                  ok  403 403 403 in  404 404
POST /c/:slug/partners/:partnerID/medewerkers                               ok  403 ok  403 in  404 404
GET  /c/:slug/partners/:partnerID/medewerkers/:staffID                      ok  403 ok  403 in  404 404
POST /c/:slug/partners/:partnerID/medewerkers/:staffID                      ok  403 ok  403 in  404 404
POST /c/:slug/partners/:partnerID/medewerkers/:staffID/verwijderen          ok  403 ok  403 in  404 404
GET  /c/:slug/partners/nieuw                                                ok  403 403 403 in  404 -
POST /c/:slug/partners/nieuw                                                ok  403 403 403 in  404 -
GET  /c/:slug/prullenbak                                                    ok  ok  ok  ok  in  404 -
POST /c/:slug/prullenbak/bouwbladen/:itemID/terugzetten                     ok  ok  403 403 in  404 404
POST /c/:slug/prullenbak/cycli/:itemID/terugzetten                          ok  ok  403 403 in  404 404
POST /c/:slug/prullenbak/legen                                              ok  403 403 403 in  404 -
GET  /c/:slug/rapport                                                       ok  ok  ok  ok  in  404 -
POST /c/:slug/rapport                                                       ok  403 403 403 in  404 -
GET  /c/:slug/rapport/afdrukken                                             ok  ok  ok  ok  in  404 -
GET  /c/:slug/rapport/rapport.docx                                          ok  ok  ok  ok  in  404 -
GET  /c/:slug/rapport/rapport.pdf                                           ok  ok  ok  ok  in  404 -
POST /c/:slug/rapport/vastzetten                                            ok  403 403 403 in  404 -
GET  /c/:slug/rapport/versies/:versionID/:file                              ok  ok  ok  ok  in  404 404
POST /c/:slug/uitnodigingen/:invitationID/intrekken                         ok  403 403 403 in  404 404
GET  /v                                                                     ok  ok  ok  ok  ok  ok  -
GET  /v/:code                                                              *   *   *   *   *   *   -
GET  /agenda/:feedFile                                                     *   *   *   *   *   *   -
POST /v/:code                                                              *   *   *   *   *   *   -
GET  /c/:slug/dashboard                                                     ok  ok  ok  ok  in  404 -
GET  /c/:slug/indicatoren                                                   ok  ok  ok  ok  in  404 -
GET  /c/:slug/jaarplan                                                      ok  ok  ok  ok  in  404 -
GET  /c/:slug/jaarplan/jaarplan.csv                                         ok  ok  ok  ok  in  404 -
GET  /c/:slug/jaarplan/jaarplan.docx                                        ok  ok  ok  ok  in  404 -
GET  /c/:slug/jaarplan/evaluatie/:moment                                    ok  ok  ok  ok  in  404 -
POST /c/:slug/jaarplan/evaluatie/:moment                                    ok  ok  403 403 in  404 -
POST /c/:slug/jaarplan/evaluatie/:moment/invoegen                           *   *   *   *   in  404 -
GET  /c/:slug/jaarplan/nieuw                                                ok  ok  403 403 in  404 -
POST /c/:slug/jaarplan/nieuw                                                ok  ok  403 403 in  404 -
GET  /c/:slug/jaarplan/acties/:planActionID                                 ok  ok  403 403 in  404 404
POST /c/:slug/jaarplan/acties/:planActionID                                 ok  ok  403 403 in  404 404
POST /c/:slug/jaarplan/acties/:planActionID/verwijderen                     ok  ok  403 403 in  404 404
GET  /c/:slug/overleg                                                       ok  ok  ok  ok  in  404 -
GET  /c/:slug/netwerk                                                       ok  ok  403 ok  in  404 -
GET  /c/:slug/netwerk/contactpersonen/nieuw                                 ok  ok  403 403 in  404 -
POST /c/:slug/netwerk/contactpersonen/nieuw                                 ok  ok  403 403 in  404 -
GET  /c/:slug/netwerk/contactpersonen/:contactID                            ok  ok  403 403 in  404 404
POST /c/:slug/netwerk/contactpersonen/:contactID                            ok  ok  403 403 in  404 404
GET  /c/:slug/netwerk/contactpersonen/:contactID/overstap                   ok  ok  403 403 in  404 404
POST /c/:slug/netwerk/contactpersonen/:contactID/overstap                   ok  ok  403 403 in  404 404
POST /c/:slug/netwerk/contactpersonen/:contactID/verwijderen                ok  ok  403 403 in  404 404
GET  /c/:slug/overleg/nieuw                                                 ok  ok  403 403 in  404 -
POST /c/:slug/overleg/nieuw                                                 ok  ok  403 403 in  404 -
GET  /c/:slug/overleg/:meetingID                                            ok  ok  403 403 in  404 404
POST /c/:slug/overleg/:meetingID                                            ok  ok  403 403 in  404 404
POST /c/:slug/overleg/:meetingID/verwijderen                                ok  ok  403 403 in  404 404
GET  /c/:slug/overleg/:meetingID/afspraken/nieuw                            ok  ok  403 403 in  404 404
POST /c/:slug/overleg/:meetingID/afspraken/nieuw                            ok  ok  403 403 in  404 404
GET  /c/:slug/overleg/:meetingID/afspraken/:agreementID/actie               ok  ok  403 403 in  404 404
POST /c/:slug/overleg/:meetingID/afspraken/:agreementID/actie               ok  ok  403 403 in  404 404
POST /c/:slug/overleg/:meetingID/afspraken/:agreementID/verwijderen         ok  ok  403 403 in  404 404
GET  /c/:slug/overleg/afspraken/nieuw                                       ok  ok  403 403 in  404 -
POST /c/:slug/overleg/afspraken/nieuw                                       ok  ok  403 403 in  404 -
POST /c/:slug/overleg/afspraken/:ruleID/verwijderen                         ok  ok  403 403 in  404 404
POST /c/:slug/overleg/agenda                                                ok  403 403 403 in  404 -
POST /c/:slug/overleg/mijn-agenda                                           ok  ok  ok  ok  in  404 -
POST /c/:slug/overleg/invoegen                                              ok  ok  403 403 in  404 -
GET  /c/:slug/indicatoren/nieuw                                             ok  403 403 403 in  404 -
POST /c/:slug/indicatoren/nieuw                                             ok  403 403 403 in  404 -
GET  /c/:slug/indicatoren/:indicatorID                                      ok  ok  404 ok  in  404 404
GET  /c/:slug/indicatoren/:indicatorID/bewerken                             ok  403 403 403 in  404 404
POST /c/:slug/indicatoren/:indicatorID/bewerken                             ok  403 403 403 in  404 404
POST /c/:slug/indicatoren/:indicatorID/verwijderen                          ok  403 403 403 in  404 404
GET  /c/:slug/indicatoren/:indicatorID/waarden                              ok  ok  404 403 in  404 404
POST /c/:slug/indicatoren/:indicatorID/waarden                              ok  ok  404 403 in  404 404
GET  /c/:slug/vragenlijsten                                                 ok  ok  ok  ok  in  404 -
GET  /c/:slug/vragenlijsten/nieuw                                           ok  ok  403 403 in  404 -
POST /c/:slug/vragenlijsten/nieuw                                           ok  ok  403 403 in  404 -
GET  /c/:slug/vragenlijsten/:questionnaireID                                ok  403 403 403 in  404 404
GET  /c/:slug/vragenlijsten/:questionnaireID/instellingen                   ok  403 403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/instellingen                   ok  403 403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/status                         ok  403 403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/kopie                          ok  ok  403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/verwijderen                    ok  403 403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/vragen                         ok  403 403 403 in  404 404
GET  /c/:slug/vragenlijsten/:questionnaireID/vragen/:questionID             ok  403 403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/vragen/:questionID             ok  403 403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/vragen/:questionID/verplaatsen ok  403 403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/vragen/:questionID/verwijderen ok  403 403 403 in  404 404
GET  /c/:slug/vragenlijsten/:questionnaireID/voorbeeld                      ok  403 403 403 in  404 404
GET  /c/:slug/vragenlijsten/:questionnaireID/links                          ok  403 403 403 in  404 404
GET  /c/:slug/vragenlijsten/:questionnaireID/resultaten                     ok  ok  404 ok  in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/resultaten/verbergen           ok  403 403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/resultaten/invoegen            ok  ok  404 403 in  404 404
GET  /c/:slug/vragenlijsten/:questionnaireID/antwoorden.csv                 ok  ok  404 ok  in  404 404
GET  /c/:slug/vragenlijsten/:questionnaireID/importeren                     ok  403 403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/importeren                     ok  403 403 403 in  404 404
GET  /c/:slug/vragenlijsten/:questionnaireID/importeren/:importID           *   *   403 403 in  404 404
POST /c/:slug/vragenlijsten/:questionnaireID/importeren/:importID           *   *   403 403 in  404 404
"""


def parse_expected(text):
    table = {}
    for line in text.strip().splitlines():
        parts = line.split()
        method, path, cells = parts[0], parts[1], parts[2:]
        assert len(cells) == len(ROLES), line
        table[(method, path)] = dict(zip(ROLES, cells))
    return table


DESTRUCTIVE = ("/verwijderen", "/legen", "/intrekken", "/terugzetten", "/rol", "/uitloggen", "/afronden", "/vastzetten")


def order_key(route):
    method, path, _ = route
    # Destructive writes last, each before the ones that would take its target away.
    rank = 0
    if any(path.endswith(d) for d in DESTRUCTIVE):
        rank = 1
    if path.endswith("/afronden"):
        rank = 2
    if path.endswith("/cycli/:cycleID/verwijderen"):
        rank = 3
    if path.endswith("/legen"):
        rank = 4
    if path == "/c/:slug/bouwbladen/:bouwbladID/verwijderen":
        rank = 5
    return (method != "GET", rank, path)


def has_tenant_ids(path):
    return any(p.startswith(":") and p[1:] not in ("slug", "code", "step", "file", "token") for p in path.split("/"))


def verdict(expected, method, status, location, done_before):
    if status >= 500:
        return False
    if expected == "*":
        return True
    if expected == "in":
        return (method == "GET" and status == 303 and location.startswith("/inloggen")) or (method != "GET" and status == 401)
    if expected in ("403", "404"):
        return status == int(expected)
    # ok: in, and not sent to the login page. A destructive write may find its object gone
    # because an earlier allowed person already did it.
    refused = status in (401, 403, 404) or (status == 303 and location.startswith("/inloggen"))
    return not refused or (status == 404 and done_before)


def test_role_matrix(app):
    table = parse_expected(EXPECTED)
    all_routes = harness.routes()
    discovered = os.environ.get("MATRIX_DISCOVER") == "1"
    missing = [f"{m} {p}" for m, p, _ in all_routes if (m, p) not in table]
    if not discovered:
        assert not missing, "routes without expectations in the matrix: " + ", ".join(missing)
    clients = {}

    def client(role):
        if role not in clients:
            clients[role] = app.client(None if role == "an" else PERSON[role])
        return clients[role]

    def send(role, method, path):
        ids = app.other_ids if role == "vi" else app.ids
        url = fill(path, dict(ids, slug=SLUG_A))
        c = client(role)
        if method == "GET":
            r = c.get(url)
        else:
            r = c.post(url, {})
        return r

    cells = []
    for route in sorted(all_routes, key=order_key):
        method, path, _ = route
        expected = table.get((method, path), {})
        for role in ROLES:
            e = expected.get(role, "?")
            if e == "-" or (role == "vi" and not has_tenant_ids(path)):
                continue
            cells.append((method, path, role, e))

    forbidden = [c for c in cells if c[3] in ("403", "404", "in")]
    allowed = [c for c in cells if c not in forbidden]
    failures, leaks, actual = [], 0, {}
    before = app.db.snapshot()
    done = set()
    for phase in (forbidden, allowed):
        for method, path, role, e in phase:
            if path in ("/uitloggen", "/account/sessies/andere-uitloggen"):
                continue  # would end the client's (or the same person's other) session; covered by the session tests
            r = send(role, method, path)
            actual[(method, path, role)] = r.status
            ok = verdict(e, method, r.status, r.location, (method, path) in done)
            if 200 <= r.status < 400:
                done.add((method, path))
            if not ok:
                failures.append(f"{method} {path} as {role}: expected {e}, got {r.status} {r.location}")
                if e in ("403", "404", "in") and (200 <= r.status < 400 and not r.location.startswith("/inloggen")):
                    leaks += 1
        if phase is forbidden:
            changed = snapshot_diff(before, app.db.snapshot())
            if changed:
                leaks += 1
                failures.append(f"forbidden requests changed tables: {changed}")
    if discovered:
        for method, path, _ in sorted(all_routes, key=lambda r: r[1]):
            row = [str(actual.get((method, path, role), "-")) for role in ROLES]
            print(f"{method:<4} {path:<70} " + " ".join(f"{x:<3}" for x in row))
    record(app.kind, "matrix cells", len(actual))
    record(app.kind, "matrix leaks", leaks)
    assert not failures, f"{len(failures)} cells differ:\n" + "\n".join(failures[:60])
