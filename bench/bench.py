"""The performance harness behind bench/run (see bench/README.md). For each database and
data size: generate the data, start the server, log in users of several coalitions, and
measure every page with wrk (50 connections, fixed duration), step saves with a wrk Lua
script, report exports with hyperfine, peak RSS, and SQL statements per page. Prints one
Markdown table per run and writes the same as JSON under bench/results/. All traffic goes
to 127.0.0.1; every process started here is stopped here."""
import argparse
import datetime
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT / "reliability"))
import harness  # noqa: E402  (binary, Database, Server, Client: one way to start and talk to the app)

PASSWORD = "Bench-wachtwoord-2025"
SIZES = {"S": 1, "M": 20, "L": 200, "XL": 1000}
STEPS = ["startvraag", "doelen", "bereikt", "bijgesteld"]
JEMALLOC = ["/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2"]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def slugs_for(size: str, users: int) -> list:
    """Coalitions spread over the whole data set, not only the first ones."""
    n = SIZES[size]
    picks = sorted({1 + (i * n) // users for i in range(users)})
    return [f"bench-{k:04d}" for k in picks]


class Run:
    def __init__(self, kind: str, size: str, args):
        self.kind, self.size, self.args = kind, size, args
        self.workdir = tempfile.mkdtemp(prefix=f"bouwstenen-bench-{kind}-{size}-")
        self.db = harness.Database(kind, self.workdir)
        env = {"QUERY_COUNT": "1", "LOG_LEVEL": "warning", "SESSION_IDLE_MINUTES": "600"}
        preload = next((p for p in JEMALLOC if os.path.exists(p)), None)
        if preload:
            env["LD_PRELOAD"] = preload
        self.jemalloc = bool(preload)
        self.server = harness.Server(self.db, env)
        self.rows = []
        self.facts = {}

    # --- set-up ---------------------------------------------------------------------------

    def generate(self):
        self.server.command("migrate", "--yes")
        started = time.time()
        out = self.server.command("bench-data", "--size", self.size)
        self.facts["generate_seconds"] = round(time.time() - started, 1)
        self.facts["generated"] = next((l for l in out.splitlines() if l.startswith("bench-data")), "")
        if self.kind == "sqlite":
            self.facts["database_mb"] = round(os.path.getsize(self.db.path) / 1e6, 1)

    def login(self):
        """Projectleiders of several coalitions: the pages each of them may open."""
        self.users = []
        for slug in slugs_for(self.size, self.args.users):
            c = harness.Client(self.server.base)
            c.get("/inloggen")
            r = c.post("/inloggen", {"email": f"projectleider@{slug}.example", "password": PASSWORD})
            assert r.status == 303, f"login {slug}: {r.status} {r.text[:300]}"
            c.get("/account")
            bouwblad = self.db.rows("""SELECT b.id FROM bouwbladen b JOIN coalitions c ON c.id = b.coalition_id
                WHERE c.slug = ? AND b.deleted_at IS NULL AND (SELECT COUNT(*) FROM cycles y WHERE y.bouwblad_id = b.id) = 3
                ORDER BY b.id LIMIT 1""", (slug,))[0][0]
            cycle = self.db.rows("SELECT id FROM cycles WHERE bouwblad_id = ? ORDER BY number DESC LIMIT 1", (bouwblad,))[0][0]
            self.users.append({"slug": slug, "client": c, "bouwblad": str(bouwblad).upper(), "cycle": str(cycle).upper()})

    def pages(self):
        """(name, path for a user or None for an anonymous request)."""
        return [
            ("ceiling: /livez (no database)", lambda u: "/livez", False),
            ("ceiling: template, no database (/privacy)", lambda u: "/privacy", False),
            ("raster", lambda u: f"/c/{u['slug']}", True),
            ("bouwblad with 3 cycles", lambda u: f"/c/{u['slug']}/bouwbladen/{u['bouwblad']}", True),
            ("a step's edit page", lambda u: f"/c/{u['slug']}/bouwbladen/{u['bouwblad']}/cycli/{u['cycle']}/stappen/bereikt", True),
            ("acties", lambda u: f"/c/{u['slug']}/acties", True),
            ("activiteiten", lambda u: f"/c/{u['slug']}/activiteiten", True),
            ("dekking (coverage)", lambda u: f"/c/{u['slug']}/activiteiten/dekking", True),
            ("dashboard (9 indicators)", lambda u: f"/c/{u['slug']}/dashboard", True),
            ("indicatoren", lambda u: f"/c/{u['slug']}/indicatoren", True),
            ("overleg (a school year, 2 rules)", lambda u: f"/c/{u['slug']}/overleg", True),
            ("netwerk (who met whom)", lambda u: f"/c/{u['slug']}/netwerk", True),
        ]

    # --- measuring ------------------------------------------------------------------------

    def wrk(self, script: str, targets: list, extra_args=()):
        """Runs wrk with a Lua script on a targets file; returns its JSON summary."""
        path = pathlib.Path(self.workdir) / f"targets-{len(self.rows)}.tsv"
        path.write_text("\n".join("\t".join(t) for t in targets) + "\n")
        cmd = ["wrk", "-t2", f"-c{self.args.connections}", f"-d{self.args.seconds}s", "--timeout", "10s",
               "-s", str(BENCH / script), self.server.base, "--", str(path), *extra_args]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=self.args.seconds + 60)
        line = next((l for l in out.stdout.splitlines() if l.startswith("{")), None)
        if out.returncode != 0 or line is None:
            raise RuntimeError(f"wrk failed ({out.returncode}):\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
        data = json.loads(line)
        data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
        return data

    def queries(self, path: str, cookie: str | None) -> int:
        r = harness.Client(self.server.base)
        r.cookie = cookie
        resp = r.get(path)
        assert resp.status == 200, f"{path}: {resp.status}"
        return int(resp.header("X-Query-Count"))

    def measure_pages(self):
        for name, path_of, logged_in in self.pages():
            targets = [(path_of(u), u["client"].cookie if logged_in else "x=1") for u in self.users]
            n_queries = self.queries(targets[0][0], targets[0][1] if logged_in else None)
            data = self.wrk("pages.lua", targets)
            self.rows.append({"page": name, "rps": data["rps"], "p50_ms": data["p50_us"] / 1000, "p99_ms": data["p99_us"] / 1000,
                              "queries": n_queries, "errors": data["status_errors"] + data["socket_errors"]})

    def measure_saves(self):
        """Each step of every cycle of every bouwblad of the logged-in users, with a chain of texts."""
        lines = []
        for u in self.users:
            rows = self.db.rows("""SELECT y.bouwblad_id, y.id, y.startvraag, y.doelen, y.bereikt, y.bijgesteld
                FROM cycles y JOIN coalitions c ON c.id = y.coalition_id JOIN bouwbladen b ON b.id = y.bouwblad_id
                WHERE c.slug = ? AND y.deleted_at IS NULL AND b.deleted_at IS NULL""", (u["slug"],))
            for bouwblad, cycle, *texts in rows:
                bouwblad, cycle = str(bouwblad).upper(), str(cycle).upper()
                for step, current in zip(STEPS, texts):
                    bodies, before = [], current
                    for k in range(self.args.save_rounds):
                        text = f"Tekst {k + 1} van de meting voor stap {step}."
                        # A step starts at version 1 and each save in the chain adds one. `base`
                        # (a hash of the text) is what binaries before M0021 named instead;
                        # each binary ignores the other's field, so old and new run the same saves.
                        bodies.append(urllib.parse.urlencode({"text": text, "version": str(k + 1), "base": sha(before), "csrf": u["client"].csrf}))
                        before = text
                    lines.append((f"{cycle}-{step}", f"/c/{u['slug']}/bouwbladen/{bouwblad}/cycli/{cycle}/stappen/{step}",
                                  u["client"].cookie, *bodies))
        data = self.wrk("saves.lua", lines, ["2"])
        saved = self.db.rows("SELECT COUNT(*) FROM revisions WHERE after LIKE ?", ("Tekst % van de meting%",))[0][0]
        self.rows.append({"page": "save a bouwblad step (POST)", "rps": saved / (data["duration_us"] / 1e6),
                          "p50_ms": data["p50_us"] / 1000, "p99_ms": data["p99_us"] / 1000, "queries": None,
                          "errors": data["status_errors"] + data["socket_errors"], "saved": saved, "requests": data["requests"]})

    def measure_exports(self):
        u = self.users[0]
        for name, path in [("export HTML (print view)", "rapport/afdrukken"), ("export DOCX", "rapport/rapport.docx"),
                           ("export PDF", "rapport/rapport.pdf")]:
            url = f"{self.server.base}/c/{u['slug']}/{path}"
            runs = self.args.export_runs if "PDF" not in name else max(2, self.args.export_runs // 2)
            out_json = pathlib.Path(self.workdir) / "hyperfine.json"
            cmd = ["hyperfine", "--style", "none", "--warmup", "1", "--runs", str(runs), "--export-json", str(out_json),
                   f"curl -sf -o /dev/null -H 'Cookie: {u['client'].cookie}' {url}"]
            subprocess.run(cmd, check=True, capture_output=True, timeout=600)
            result = json.loads(out_json.read_text())["results"][0]
            times = sorted(result["times"])
            self.rows.append({"page": name, "rps": None, "p50_ms": result["median"] * 1000, "p99_ms": times[-1] * 1000,
                              "queries": self.queries(f"/c/{u['slug']}/{path}", u["client"].cookie), "errors": 0,
                              "note": f"hyperfine, {runs} runs; p99 column is the slowest run"})

    def peak_rss_mb(self) -> float:
        for line in pathlib.Path(f"/proc/{self.server.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    # --- the whole run --------------------------------------------------------------------

    def run(self):
        try:
            self.generate()
            self.server.start()
            self.login()
            self.measure_pages()
            self.measure_saves()
            self.measure_exports()
            self.facts["peak_rss_mb"] = round(self.peak_rss_mb(), 1)
            self.facts["jemalloc"] = self.jemalloc
        finally:
            self.server.stop()
            self.db.drop()
            shutil.rmtree(self.workdir, ignore_errors=True)
        return self.report()

    def report(self):
        ceiling = self.rows[0]["rps"]
        for row in self.rows:
            row["ratio"] = row["rps"] / ceiling if row["rps"] else None
        print(f"\n### {self.kind}, size {self.size} ({self.args.connections} connections, {self.args.seconds} s per page)\n")
        print(f"{self.facts.get('generated', '')} (wall clock {self.facts['generate_seconds']} s). "
              f"Peak RSS {self.facts['peak_rss_mb']} MB (jemalloc: {'yes' if self.jemalloc else 'no'}).\n")
        print("| page | requests/s | p50 ms | p99 ms | ratio to ceiling | queries | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for r in self.rows:
            def num(v, fmt):
                return format(v, fmt) if v is not None else "–"
            print(f"| {r['page']} | {num(r['rps'], '.0f')} | {num(r['p50_ms'], '.1f')} | {num(r['p99_ms'], '.1f')} | "
                  f"{num(r['ratio'], '.2f')} | {num(r['queries'], 'd')} | {r['errors']} |")
        return {"database": self.kind, "size": self.size, "connections": self.args.connections, "seconds": self.args.seconds,
                "facts": self.facts, "rows": self.rows}


def main():
    p = argparse.ArgumentParser(description="Bouwstenen performance harness")
    p.add_argument("--smoke", action="store_true", help="size S, 3 seconds per page: proves the harness works")
    p.add_argument("--sizes", default="S,L", help="comma-separated: S, M, L, XL (default S,L)")
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--connections", type=int, default=50)
    p.add_argument("--users", type=int, default=10, help="projectleiders of this many coalitions share the load")
    p.add_argument("--save-rounds", type=int, default=40)
    p.add_argument("--export-runs", type=int, default=10)
    args = p.parse_args()
    if args.smoke:
        args.sizes, args.seconds, args.export_runs, args.save_rounds = "S", 3, 2, 20
    sizes = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    bad = [s for s in sizes if s not in SIZES]
    if bad:
        p.error(f"unknown size {bad}")
    kinds = harness.db_kinds()
    results = []
    for kind in kinds:
        for size in sizes:
            results.append(Run(kind, size, args).run())
    out_dir = BENCH / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = out_dir / f"bench-{stamp}{'-smoke' if args.smoke else ''}.json"
    out.write_text(json.dumps(results, indent=1))
    print(f"\nWritten: {out.relative_to(ROOT)}")
    # Queries per page must not grow with the data: compare sizes per page.
    for kind in kinds:
        per_size = {r["size"]: {row["page"]: row["queries"] for row in r["rows"]} for r in results if r["database"] == kind}
        if len(per_size) > 1:
            pages = next(iter(per_size.values())).keys()
            differ = [pg for pg in pages if len({per_size[s][pg] for s in per_size}) > 1]
            print(f"{kind}: queries per page {'the same at every size' if not differ else 'differ by size for: ' + ', '.join(differ)}")


if __name__ == "__main__":
    main()
