#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two writers on one workspace, as when a cron job imports while the app
is open: a loop of `accord-cli import` of small CSV files, and app-writer,
which keeps one store open and edits and adds partners like the app.

Afterwards every write either writer reported must be in the file, the
file must pass its integrity checks, and neither writer may ever have been
told the workspace was locked or busy: the store waits up to 5 s for the
other writer, and no transaction here comes near that.

    test-concurrent.py APP-WRITER        (ACCORD_CLI names accord-cli)

ACCORD_CONCURRENCY_SECONDS sets how long both writers run (default 60).
Prints TAP.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

SECONDS = float(os.environ.get("ACCORD_CONCURRENCY_SECONDS", "60"))
LOCK_WORDS = ("locked", "busy")

results = []


def check(ok, name, diagnostics=()):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if not ok:
        for line in diagnostics:
            print(f"# {line}")
    sys.stdout.flush()


def mentions_lock(text):
    text = text.lower()
    return any(word in text for word in LOCK_WORDS)


def run_cli(cli, workspace, *args, timeout=60):
    start = time.monotonic()
    proc = subprocess.run([cli, "--workspace", workspace, *args],
                          capture_output=True, text=True, timeout=timeout)
    return proc, time.monotonic() - start


def csv_quote(value):
    return '"' + value.replace('"', '""') + '"'


def main():
    if len(sys.argv) != 2:
        print("usage: test-concurrent.py APP-WRITER", file=sys.stderr)
        return 2
    writer_exe = sys.argv[1]
    cli = os.environ.get("ACCORD_CLI")
    if not cli or not os.access(cli, os.X_OK):
        print("1..0 # SKIP ACCORD_CLI does not name accord-cli")
        return 0

    tmp = tempfile.mkdtemp(prefix="accord-concurrency-")
    try:
        return run(tmp, writer_exe, cli)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(tmp, writer_exe, cli):
    workspace = os.path.join(tmp, "workspace.accord")
    print(f"# {SECONDS:g} s, workspace {workspace}")

    # The app opens an existing workspace: create it with a few partners
    # for app-writer to edit from its first moment.
    seed_csv = os.path.join(tmp, "seed.csv")
    with open(seed_csv, "w", encoding="utf-8") as f:
        f.write("name,notes\n")
        for i in range(5):
            f.write(f"seed-{i},first\n")
    proc, _ = run_cli(cli, workspace, "import", seed_csv)
    if proc.returncode != 0:
        check(False, "the workspace is created", [proc.stderr.strip()])
        print(f"1..{len(results)}")
        return 1

    writer = subprocess.Popen([writer_exe, workspace, str(SECONDS), "7"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    writer_lines = []
    writer_stderr = []

    def drain(stream, into):
        for line in stream:
            into.append(line.rstrip("\n"))

    threads = [threading.Thread(target=drain, args=(writer.stdout, writer_lines)),
               threading.Thread(target=drain, args=(writer.stderr, writer_stderr))]
    for t in threads:
        t.start()

    # Writer (a): accord-cli imports, 1 to 4 partners a file, unique names,
    # with a read (`list`) now and then as a script would do.
    deadline = time.monotonic() + SECONDS
    imported = []          # names the CLI said it imported
    cli_failures = []      # (command, exit status, stderr)
    import_times = []
    n_imports = n_lists = 0
    i = 0
    while time.monotonic() < deadline:
        i += 1
        names = [f"cli-{i}-{j}" for j in range(1 + i % 4)]
        path = os.path.join(tmp, f"import-{i}.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("name,notes,tags\n")
            for name in names:
                f.write(f"{name},{csv_quote('imported, file ' + str(i))},cli\n")
        proc, elapsed = run_cli(cli, workspace, "import", path)
        os.unlink(path)
        n_imports += 1
        import_times.append(elapsed)
        if proc.returncode == 0:
            imported.extend(names)
        else:
            cli_failures.append(("import", proc.returncode, proc.stderr.strip()))

        if i % 10 == 0:
            proc, _ = run_cli(cli, workspace, "list", "--json")
            n_lists += 1
            if proc.returncode != 0:
                cli_failures.append(("list", proc.returncode, proc.stderr.strip()))

    try:
        writer.wait(timeout=60)
    except subprocess.TimeoutExpired:
        writer.kill()
        writer.wait()
    for t in threads:
        t.join()

    # What app-writer reported.
    adds = {}              # id -> name
    final = {}             # (id, field) -> value, the last one committed
    writer_errors = []
    done = None
    for line in writer_lines:
        parts = line.split("\t")
        if parts[0] == "ADD":
            adds[int(parts[1])] = parts[2]
        elif parts[0] == "SET":
            final[(int(parts[1]), parts[2])] = parts[3]
        elif parts[0] == "ERROR":
            writer_errors.append(line)
        elif parts[0] == "DONE":
            done = parts
    n_sets = sum(1 for line in writer_lines if line.startswith("SET\t"))

    print(f"# accord-cli: {n_imports} imports ({len(imported)} partners), {n_lists} lists, "
          f"{len(cli_failures)} failures; import time median "
          f"{sorted(import_times)[len(import_times) // 2]:.3f} s, max {max(import_times):.3f} s")
    print(f"# app-writer: {len(adds)} partners added, {n_sets} edits, "
          f"{len(writer_errors)} errors, exit status {writer.returncode}")

    lock_messages = [f"accord-cli {c}: {e}" for c, _, e in cli_failures if mentions_lock(e)]
    lock_messages += [f"app-writer: {e}" for e in writer_errors if mentions_lock(e)]
    lock_messages += [f"app-writer stderr: {e}" for e in writer_stderr if mentions_lock(e)]
    check(not lock_messages, "no writer was ever told the workspace is locked or busy",
          lock_messages[:20])

    check(not cli_failures, "every accord-cli command succeeded",
          [f"{c} exited {rc}: {e}" for c, rc, e in cli_failures[:20]])
    check(writer.returncode == 0 and done is not None and not writer_errors,
          "app-writer committed every change it tried",
          writer_errors[:20] + writer_stderr[-20:] +
          ([f"exit status {writer.returncode}"] if writer.returncode != 0 else []))
    check(n_imports > 0 and len(adds) > 0 and n_sets > 0, "both writers wrote",
          [f"{n_imports} imports, {len(adds)} adds, {n_sets} edits"])

    # What the file holds, read the way a script reads it.
    proc, _ = run_cli(cli, workspace, "list", "--json")
    if proc.returncode != 0:
        check(False, "the workspace lists", [proc.stderr.strip()])
        print(f"1..{len(results)}")
        return 1
    partners = json.loads(proc.stdout)
    by_id = {p["id"]: p for p in partners}
    names = [p["name"] for p in partners]
    counts = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1

    missing = [n for n in imported if counts.get(n, 0) != 1]
    check(not missing, f"all {len(imported)} imported partners are in the file, once each",
          [f"{n}: {counts.get(n, 0)} times" for n in missing[:20]])

    wrong_adds = [f"{pid} {name}: found {by_id[pid]['name'] if pid in by_id else 'nothing'}"
                  for pid, name in adds.items()
                  if pid not in by_id or by_id[pid]["name"] != name]
    check(not wrong_adds, f"all {len(adds)} partners app-writer added are in the file",
          wrong_adds[:20])

    wrong_values = []
    for (pid, field), value in final.items():
        found = by_id.get(pid, {}).get(field)
        if found != value:
            wrong_values.append(f"partner {pid} {field}: {found!r}, last written {value!r}")
    check(not wrong_values,
          f"each of the {len(final)} fields app-writer edited holds its last value",
          wrong_values[:20])

    # Nothing else crept in, and nothing went twice.
    expected = 5 + len(imported) + len(adds)
    check(len(partners) == expected, f"the file holds exactly {expected} partners",
          [f"found {len(partners)}"])

    proc, _ = run_cli(cli, workspace, "check")
    check(proc.returncode == 0, "accord-cli check passes", [proc.stderr.strip()])

    db = sqlite3.connect(f"file:{workspace}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
        fk = list(db.execute("PRAGMA foreign_key_check"))
    finally:
        db.close()
    check(rows == ["ok"] and not fk, "PRAGMA integrity_check and foreign_key_check are clean",
          rows[:10] + [repr(r) for r in fk[:10]])

    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
