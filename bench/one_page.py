"""One page under load, to look at: size L on SQLite (the database is made once and kept in
/tmp/bouwstenen-one-page-L.sqlite), 10 users logged in, wrk with 50 connections, and either
pidstat (CPU of the server) or perf (a profile in /tmp/bouwstenen-one-page.perf).

    python3 bench/one_page.py BINARY "a step's edit page" [seconds] [--perf]

Page names are those of bench/bench.py. Traffic goes to 127.0.0.1 only; the server stops at the end."""
import os
import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "reliability"))
args = [a for a in sys.argv[1:] if a != "--perf"]
use_perf = "--perf" in sys.argv
os.environ["BOUWSTENEN_BIN"] = args[0]
import bench  # noqa: E402

page, seconds = args[1], int(args[2]) if len(args) > 2 else 10
KEEP = "/tmp/bouwstenen-one-page-L.sqlite"


class Options:
    users, connections = 10, 50


Options.seconds = seconds
run = bench.Run("sqlite", "L", Options())
if os.path.exists(KEEP):
    shutil.copy(KEEP, run.db.path)
else:
    run.generate()
    shutil.copy(run.db.path, KEEP)
run.server.start()
try:
    run.login()
    path_of, logged_in = next((p, li) for n, p, li in run.pages() if n == page)
    targets = [(path_of(u), u["client"].cookie if logged_in else "x=1") for u in run.users]
    print("queries", run.queries(targets[0][0], targets[0][1] if logged_in else None))
    pid = str(run.server.proc.pid)
    if use_perf:
        watcher = subprocess.Popen(["perf", "record", "-e", "cpu-clock", "-F", "999", "-g", "-p", pid,
                                    "-o", "/tmp/bouwstenen-one-page.perf", "--", "sleep", str(max(1, seconds - 2))])
    else:
        watcher = subprocess.Popen(["pidstat", "-u", "-p", pid, "2", str(max(1, seconds // 2))], stdout=subprocess.PIPE, text=True)
    data = run.wrk("pages.lua", targets)
    print(f"{page}: {data['rps']:.0f} requests/s, p50 {data['p50_us'] / 1000:.1f} ms, p99 {data['p99_us'] / 1000:.1f} ms, "
          f"errors {data['status_errors'] + data['socket_errors']}")
    out, _ = watcher.communicate()
    if out:
        print(out)
finally:
    run.server.stop()
