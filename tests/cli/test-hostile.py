#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Damaged and hostile files through accord-cli: each one is refused with a
one-line reason and a non-zero exit, and left byte-identical. Prints TAP."""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

CLI = os.environ["ACCORD_CLI"]
results = []


def run(*args, user=None):
    command = [CLI, *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def snapshot(path):
    if os.path.isfile(path):
        with open(path, "rb") as f:
            return f.read()
    return None


def make_workspace(path, partners=300):
    result = run("demo", "--partners", str(partners), "--seed", "3", "-o", path)
    assert result.returncode == 0, result.stderr
    # Fold the WAL into the file so the file alone is the workspace.
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def check_refused(name, path, command=("check",), user=None, expect=None):
    before = snapshot(path)
    result = run("--workspace", path, *command, user=user)
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    problems = []
    if result.returncode == 0:
        problems.append("exit status 0")
    if len(lines) != 1 or not lines[0].startswith("accord-cli: "):
        problems.append(f"stderr is not one 'accord-cli:' line: {result.stderr!r}")
    if expect and expect not in result.stderr:
        problems.append(f"message lacks {expect!r}: {result.stderr!r}")
    if snapshot(path) != before:
        problems.append("the file changed")
    results.append((name, problems, lines[0] if lines else ""))


def main():
    work = tempfile.mkdtemp(prefix="accord-hostile-")
    os.chmod(work, 0o755)
    try:
        garbage = os.path.join(work, "garbage.accord")
        with open(garbage, "wb") as f:
            f.write(bytes((i * 37 + 11) % 256 for i in range(8192)))
        check_refused("garbage", garbage, expect="not an Accord workspace")

        empty = os.path.join(work, "empty.accord")
        open(empty, "wb").close()
        check_refused("zero-length file", empty, command=("import", os.devnull))

        truncated = os.path.join(work, "truncated.accord")
        make_workspace(truncated)
        size = os.path.getsize(truncated)
        with open(truncated, "r+b") as f:
            f.truncate(size // 2)
        check_refused("truncated file", truncated, command=("list", "--json"), expect="damaged")

        future = os.path.join(work, "future.accord")
        make_workspace(future, 5)
        db = sqlite3.connect(future)
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA user_version = 999")
        db.close()
        check_refused("future schema", future, expect="newer version")

        folder = os.path.join(work, "folder.accord")
        os.mkdir(folder)
        check_refused("a directory", folder, expect="folder")

        missing = os.path.join(work, "gone", "away.accord")
        check_refused("missing folder", missing, command=("demo", "--partners", "1", "-o", missing),
                      expect="does not exist")

        locked = os.path.join(work, "locked.accord")
        make_workspace(locked, 5)
        # Another process holds the file: reading it here would drop a lock
        # this process held (POSIX locks belong to the process).
        holder = subprocess.Popen(
            [sys.executable, "-c",
             "import sqlite3, sys\n"
             "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "db.execute('SELECT count(*) FROM partner').fetchone()\n"
             "db.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
             "db.execute('BEGIN EXCLUSIVE')\n"
             "db.execute('UPDATE partner SET notes = notes')\n"
             "print('ready', flush=True)\n"
             "sys.stdin.read()\n"
             "db.execute('ROLLBACK')\n", locked],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline().strip() == "ready"
        check_refused("locked by another process", locked, expect="locked")
        holder.stdin.close()
        holder.wait(timeout=30)

        readonly = os.path.join(work, "readonly.accord")
        make_workspace(readonly, 5)
        os.chmod(readonly, 0o444)
        if os.geteuid() == 0 and shutil.which("setpriv"):
            check_refused("read-only file", readonly, command=("import", os.devnull), user=65534,
                          expect="cannot be opened for writing")
        elif os.geteuid() != 0:
            check_refused("read-only file", readonly, command=("import", os.devnull),
                          expect="cannot be opened for writing")
        else:
            results.append(("read-only file", None, "setpriv missing"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"1..{len(results)}")
    failed = 0
    for i, (name, problems, message) in enumerate(results, 1):
        if problems is None:
            print(f"ok {i} {name} # SKIP {message}")
        elif problems:
            failed += 1
            print(f"not ok {i} {name}")
            for p in problems:
                print(f"# {p}")
        else:
            print(f"ok {i} {name}")
            print(f"# {message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
