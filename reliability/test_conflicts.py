"""Two people save the same bouwblad step at the same moment, on the same version, many
times: every pair ends with exactly one saved text and one 409, and every text that was
answered with success is in the revisions (no edit is ever silently lost)."""
import threading

import harness
from harness import SLUG_A, forms, record, scale


def test_simultaneous_saves_of_one_step(app):
    a = app.client("projectleider")
    b = app.client("coordinator")
    bouwblad, cycle = app.ids["bouwbladID"], app.ids["cycleID"]
    step_page = f"/c/{SLUG_A}/bouwbladen/{bouwblad}/cycli/{cycle}/stappen/doelen"
    page = a.get(step_page)
    step = next(f for f in forms(page.text) if f.action.endswith(f"/cycli/{cycle}/stappen/doelen"))
    fields = dict(step.values())
    # The form carries `version`, the version of the step the person started from.
    assert "version" in fields and "text" in fields
    pairs = scale(60, 1000)
    wins, odd, acknowledged = 0, [], []

    for n in range(pairs):
        page = a.get(step_page)
        version = dict(next(f for f in forms(page.text) if f.action == step.action).values())["version"]
        barrier = threading.Barrier(2)
        answers = {}

        def save(who, client):
            text = f"Doel van {who} in ronde {n}"
            body = dict(fields, text=text, version=version)
            body.pop("csrf", None)
            barrier.wait()
            answers[who] = (client.post(step.action, body).status, text)

        threads = [threading.Thread(target=save, args=(w, c)) for w, c in (("a", a), ("b", b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = sorted(s for s, _ in answers.values())
        if statuses != [303, 409]:
            odd.append(f"pair {n}: {statuses}")
        for status, text in answers.values():
            if status == 303:
                wins += 1
                acknowledged.append(text)

    stored = {r[0] for r in app.db.rows("SELECT after FROM revisions WHERE bouwblad_id = ? AND field = 'doelen'", (bouwblad,))}
    lost = [t for t in acknowledged if t not in stored]
    last = app.db.rows("SELECT doelen FROM cycles WHERE id = ?", (cycle,))[0][0]
    record(app.kind, "conflict pairs", pairs)
    record(app.kind, "conflict lost edits", len(lost))
    print(f"{app.kind}: {pairs} pairs, {wins} saved, {len(odd)} pairs not one-saved-one-409, {len(lost)} lost")
    assert not odd, "\n".join(odd[:20])
    assert not lost, lost[:5]
    assert last == acknowledged[-1]
