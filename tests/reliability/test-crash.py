#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Crash safety: kill a writer mid-flight, again and again, and check that
the workspace stays sound and keeps everything the writer reported as
committed before it died.

Each round starts crash-writer on the same workspace, lets it run a random
5-80 ms, sends SIGKILL and then checks, with Python's sqlite3 module, that
PRAGMA integrity_check says "ok" and that every partner, edit and contact
reported in any round so far is in the file. Every 20 rounds the file is
also opened through `accord-cli check`. SIGKILL stops the process, not the
machine: the kernel still writes what was in its page cache, so this
proves the transactions are atomic, not that fsync reached the disk (the
faults test covers failing syncs).

Environment: ACCORD_CRASH_ROUNDS (default 200), ACCORD_CRASH_SEED (to
replay a run), ACCORD_CLI (accord-cli's path), CRASH_WRITER (instead of
--writer). Exits 1 on any loss or damage, 77 (skip) without the programs.
"""

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

CLI_EVERY = 20
# Far more than one writer can do in 80 ms, so every round numbers its
# work apart from the others, including work done but never reported.
SEQ_STRIDE = 1_000_000


class Loss(Exception):
    pass


class Ledger:
    """Everything any writer reported committed, over all rounds."""

    def __init__(self):
        self.partners = set()
        self.edits = {}        # partner name -> highest reported edit number
        self.contacts = set()  # (partner name, contact name)
        self.reports = 0

    def read(self, output):
        # A line cut short by the kill was not fully reported: ignore it.
        lines = output.decode("utf-8").split("\n")
        complete = lines[:-1]
        for line in complete:
            kind, partner, *rest = line.split(" ")
            if kind == "P":
                self.partners.add(partner)
            elif kind == "E":
                number = int(rest[0].split("-")[1])
                self.edits[partner] = max(number, self.edits.get(partner, -1))
            elif kind == "C":
                self.contacts.add((partner, rest[0]))
            else:
                raise Loss(f"the writer printed an unknown line: {line!r}")
        self.reports += len(complete)
        return len(complete)

    def verify(self, path, read_only):
        uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
        db = sqlite3.connect(uri, uri=True)
        try:
            rows = db.execute("PRAGMA integrity_check").fetchall()
            if rows != [("ok",)]:
                raise Loss(f"integrity_check: {rows}")
            rows = db.execute("PRAGMA foreign_key_check").fetchall()
            if rows:
                raise Loss(f"foreign_key_check: {rows}")

            stored = {}
            for name, notes in db.execute("SELECT name, notes FROM partner"):
                stored[name] = notes
            missing = self.partners - stored.keys()
            if missing:
                raise Loss(f"{len(missing)} reported partners are gone: "
                           f"{sorted(missing)[:5]}")

            for partner, number in self.edits.items():
                notes = stored.get(partner)
                # A later edit may have landed without being reported; it
                # carries a bigger number, never a smaller one.
                if notes is None or not notes.startswith("edit-") or \
                        int(notes.split("-")[1]) < number:
                    raise Loss(f"edit edit-{number:06d} of {partner} is lost "
                               f"(notes: {notes!r})")

            contacts = set(db.execute(
                "SELECT partner.name, contact.name FROM contact "
                "JOIN partner ON partner.id = contact.partner_id"))
            missing = self.contacts - contacts
            if missing:
                raise Loss(f"{len(missing)} reported contacts are gone: "
                           f"{sorted(missing)[:5]}")
        finally:
            db.close()


def cli_check(cli, path):
    result = subprocess.run([cli, "check", "--workspace", path],
                            capture_output=True, timeout=30)
    if result.returncode != 0 or result.stdout.strip() != b"OK":
        raise Loss(f"accord-cli check failed ({result.returncode}): "
                   f"{result.stdout!r} {result.stderr!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writer", default=os.environ.get("CRASH_WRITER"))
    parser.add_argument("--rounds", type=int,
                        default=int(os.environ.get("ACCORD_CRASH_ROUNDS", "200")))
    parser.add_argument("--seed", type=int,
                        default=int(os.environ.get("ACCORD_CRASH_SEED",
                                                   str(time.time_ns() % 2**32))))
    parser.add_argument("--keep", action="store_true",
                        help="keep the workspace folder even when all is well")
    args = parser.parse_args()
    cli = os.environ.get("ACCORD_CLI")

    if not args.writer or not os.access(args.writer, os.X_OK):
        print("# skip: no crash-writer (pass --writer or set CRASH_WRITER)")
        return 77
    if not cli or not os.access(cli, os.X_OK):
        print("# skip: ACCORD_CLI does not point at accord-cli")
        return 77

    rng = random.Random(args.seed)
    folder = tempfile.mkdtemp(prefix="accord-crash-")
    path = os.path.join(folder, "crash.accord")
    ledger = Ledger()
    kills = 0
    idle = 0
    start = time.monotonic()
    print(f"# seed {args.seed}, {args.rounds} rounds, workspace {path}")

    try:
        # Made by a writer that is left to finish: a kill while the file is
        # first created is a different story (nothing to lose yet).
        first = subprocess.run([args.writer, path, "0", "3"], capture_output=True, timeout=30)
        if first.returncode != 0:
            raise Loss(f"could not create the workspace: {first.stderr!r}")
        ledger.read(first.stdout)
        ledger.verify(path, read_only=False)

        for round_ in range(1, args.rounds + 1):
            writer = subprocess.Popen(
                [args.writer, path, str(round_ * SEQ_STRIDE)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0.005, 0.080))
            writer.send_signal(signal.SIGKILL)
            out, err = writer.communicate(timeout=30)
            if writer.returncode != -signal.SIGKILL:
                raise Loss(f"round {round_}: the writer stopped by itself "
                           f"({writer.returncode}) before the kill: {err!r}")
            kills += 1
            if ledger.read(out) == 0:
                idle += 1

            # Read-only every other round, so the next writer has to
            # recover the WAL left by the killed one; read-write otherwise,
            # which recovers and checkpoints it here.
            try:
                ledger.verify(path, read_only=round_ % 2 == 0)
            except Loss as e:
                raise Loss(f"round {round_}: {e}") from None
            if round_ % CLI_EVERY == 0:
                cli_check(cli, path)
    except (Loss, sqlite3.Error, subprocess.TimeoutExpired) as e:
        print(f"not ok - {e}")
        print(f"# seed {args.seed}; workspace kept in {folder}")
        print(f"kills: {kills}, committed transactions verified: {ledger.reports}, LOST")
        return 1

    elapsed = time.monotonic() - start
    if not args.keep:
        shutil.rmtree(folder)
    print(f"# {idle} rounds were killed before their first commit; {elapsed:.1f} s")
    print(f"# {len(ledger.partners)} partners, {len(ledger.edits)} edited, "
          f"{len(ledger.contacts)} contacts added")
    print(f"kills: {kills}, committed transactions verified: {ledger.reports}, none lost")
    return 0


if __name__ == "__main__":
    sys.exit(main())
