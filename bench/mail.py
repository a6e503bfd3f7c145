#!/usr/bin/env python3
"""Mail speed: how many mails a second the worker sends to an SMTP server on loopback
(aiosmtpd with STARTTLS and AUTH, as in e2e/test_mail.py), and how long a mail takes from
the change that causes it to its arrival. Asserts nothing; prints the numbers for notes.

    BOUWSTENEN_BIN=.build/release/bouwstenen python3 bench/mail.py [--mails 300] [--latency 20]
"""
import argparse
import os
import pathlib
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "reliability"))
sys.path.insert(0, str(ROOT / "e2e"))
from conftest import start_server, stop  # noqa: E402  (e2e's: a server on a free loopback port)
from harness import binary, free_port  # noqa: E402
from httpclient import Client  # noqa: E402
from mailserver import MailServer  # noqa: E402


def login(base):
    client = Client(base)
    client.get("/inloggen")
    assert client.post("/inloggen", {"email": "projectleider@rivierstad.example", "password": "Rivierstad-demo-2025"})[0] == 303
    return client


def invite(client, address):
    client.get("/c/coalitie-rivierstad/leden/uitnodigen")
    status, _, _ = client.post("/c/coalitie-rivierstad/leden/uitnodigen", {"name": "Bench", "email": address, "role": "lezer"})
    assert status == 201, status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=300)
    parser.add_argument("--latency", type=int, default=20)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="bouwstenen-mailbench-")
    env = {"SQLITE_PATH": f"{workdir}/bench.sqlite"}
    subprocess.run([binary(), "demo"], cwd=workdir, env=dict(os.environ, BCRYPT_COST="4", **env), check=True, capture_output=True)
    smtp = MailServer(free_port()).start()
    try:
        # Throughput: queue the mails with no mail server set, then start with one.
        proc, base = start_server(env, workdir=workdir)
        client = login(base)
        for i in range(args.mails):
            invite(client, f"stapel{i}@rivierstad.example")
        stop(proc)
        started = time.time()
        proc, base = start_server({**env, **smtp.env(), "REMINDER_HOUR": "uit"}, workdir=workdir)
        smtp.wait_for(args.mails, seconds=600)
        arrivals = sorted(t for *_, t, _ in smtp.messages)
        sending = arrivals[-1] - arrivals[0]
        print(f"throughput: {args.mails} mails in {sending:.2f} s from first to last arrival = {(args.mails - 1) / sending:.0f} mails/s"
              f" ({arrivals[-1] - started:.2f} s from the start of the server)")
        # Latency: one invitation at a time, from the answer to the browser to the arrival.
        client = login(base)
        waits = []
        for i in range(args.latency):
            before = len(smtp.messages)
            invite(client, f"los{i}@rivierstad.example")
            answered = time.time()
            smtp.wait_for(before + 1, seconds=30)
            waits.append((smtp.messages[-1][2] - answered) * 1000)
        waits.sort()
        print(f"change to arrival: median {statistics.median(waits):.0f} ms, p95 {waits[int(len(waits) * 0.95) - 1]:.0f} ms,"
              f" max {waits[-1]:.0f} ms over {len(waits)} invitations (the worker looks four times a second)")
        stop(proc)
    finally:
        smtp.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
