#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""accord-cli backup and restore on real files: the backup is a workspace
with the same partners, rotation keeps the newest, restore keeps the
current file and refuses what is not a workspace. Reports TAP."""

import os
import sqlite3
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ["ACCORD_CLI"]
TESTS = []


def test(function):
    TESTS.append(function)
    return function


def run(tmp, *args):
    environment = dict(os.environ)
    environment["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120,
                          env=environment)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += (f"\n  exit status: {result.returncode}"
                        f"\n  stdout: {result.stdout!r}\n  stderr: {result.stderr!r}")
        raise AssertionError(message)


def demo(tmp, partners=20, name="work.accord"):
    path = os.path.join(tmp, name)
    result = run(tmp, "demo", "--partners", str(partners), "--seed", "3", "-o", path)
    check(result.returncode == 0, "writing the demo failed", result)
    return path


def partner_names(path):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return sorted(r[0] for r in db.execute(
            "SELECT name FROM partner WHERE trashed_at IS NULL"))


@test
def backup_to_file_is_same_workspace(tmp):
    ws = demo(tmp)
    out = os.path.join(tmp, "copy.accord")
    result = run(tmp, "-w", ws, "backup", "-o", out)
    check(result.returncode == 0, "backup -o failed", result)
    check(result.stdout.strip() == out, "backup should print the file it wrote", result)
    check(partner_names(out) == partner_names(ws), "the backup holds other partners")
    check(len(partner_names(out)) == 20, "expected 20 partners in the backup")
    with sqlite3.connect(f"file:{out}?mode=ro", uri=True) as db:
        check(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "backup damaged")
    # It is a workspace the CLI opens.
    listed = run(tmp, "-w", out, "list")
    check(listed.returncode == 0, "the backup does not open as a workspace", listed)
    # Never overwrites.
    again = run(tmp, "-w", ws, "backup", "-o", out)
    check(again.returncode == 1, "overwrote an existing file", again)


@test
def rotation_keeps_newest(tmp):
    ws = demo(tmp, partners=5)
    with sqlite3.connect(ws) as db:
        db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('backup.keep', '2')")
    paths = []
    for day in ("2026-04-01", "2026-04-02", "2026-04-03"):
        result = run(tmp, "-w", ws, "--today", day, "backup")
        check(result.returncode == 0, "backup failed", result)
        path = result.stdout.strip()
        check(day in os.path.basename(path), "the backup is not named by the day", result)
        paths.append(path)
    check(not os.path.exists(paths[0]), "the oldest backup was kept beyond backup.keep")
    check(os.path.exists(paths[1]) and os.path.exists(paths[2]), "a newest backup is missing")
    listing = run(tmp, "-w", ws, "backup", "--list")
    check(listing.returncode == 0, "backup --list failed", listing)
    rows = [line.split("\t") for line in listing.stdout.splitlines()]
    check([r[0] for r in rows] == ["2026-04-03", "2026-04-02"], "wrong list", listing)
    check(all(r[3] == "5" for r in rows), "the list does not count 5 partners", listing)


@test
def restore_keeps_current(tmp):
    ws = demo(tmp, partners=10)
    backup = os.path.join(tmp, "b.accord")
    check(run(tmp, "-w", ws, "backup", "-o", backup).returncode == 0, "backup failed")
    before = partner_names(ws)
    with sqlite3.connect(ws) as db:
        db.execute("DELETE FROM partner WHERE id IN (SELECT id FROM partner LIMIT 4)")
    changed = partner_names(ws)
    check(len(changed) == 6, "setting up: expected 6 partners left")
    result = run(tmp, "-w", ws, "restore", backup)
    check(result.returncode == 0, "restore failed", result)
    kept = result.stdout.strip().splitlines()[-1].split(": ", 1)[1]
    check(os.path.exists(kept), "the kept copy is missing", result)
    check(".before-restore-" in kept, "the kept copy is not named as such", result)
    check(partner_names(kept) == changed, "the kept copy is not the workspace as it was")
    check(partner_names(ws) == before, "the workspace does not hold the backup again")
    check(run(tmp, "-w", ws, "check").returncode == 0, "the restored workspace is damaged")


@test
def restore_refuses_non_workspace(tmp):
    ws = demo(tmp, partners=3)
    text = os.path.join(tmp, "notes.accord")
    with open(text, "w") as f:
        f.write("not a workspace\n")
    other = os.path.join(tmp, "other.db")
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    for bad in (text, other, os.path.join(tmp, "missing.accord")):
        result = run(tmp, "-w", ws, "restore", bad)
        check(result.returncode == 1, f"restored {bad}", result)
        check(len(result.stderr.splitlines()) == 1, "expected one line on stderr", result)
    check(not [n for n in os.listdir(tmp) if "before-restore" in n],
          "a refused restore still copied the workspace")
    check(len(partner_names(ws)) == 3, "a refused restore changed the workspace")
    usage = run(tmp, "-w", ws, "restore")
    check(usage.returncode == 2, "restore without a file is a usage error", usage)


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        with tempfile.TemporaryDirectory() as tmp:
            try:
                function(tmp)
                print(f"ok {number} {function.__name__}")
            except Exception:
                failed += 1
                print(f"not ok {number} {function.__name__}")
                for line in traceback.format_exc().splitlines():
                    print(f"# {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
