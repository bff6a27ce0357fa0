#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""accord-cli overlap: two customer lists compared on this machine, end to
end on real files; with --partner only the counts and the matched names
reach the workspace. Reports TAP."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ["ACCORD_CLI"]
TESTS = []

OURS = """\ufeffCompany Name;Website;Status
"Acme, Inc.";https://www.acme.com/;Customer
Globex;globex.com;Prospect
Initech;;Customer
Hooli;hooli.xyz;Customer
Secret Ours Only;secret-ours.example;Customer
"""

THEIRS = """name,email,type
Acme Corporation,sales@acme.com,client
Globex GmbH,info@globex.com,customer
INITECH LLC,ops@gmail.com,lead
Unmatched Theirs Only,x@theirs.example,customer
"""


def test(function):
    TESTS.append(function)
    return function


def run(*args):
    environment = dict(os.environ)
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120,
                          env=environment)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += (f"\n  exit status: {result.returncode}"
                        f"\n  stdout: {result.stdout!r}\n  stderr: {result.stderr!r}")
        raise AssertionError(message)


def check_one_line_failure(result, status):
    check(result.returncode == status, f"expected exit status {status}", result)
    lines = result.stderr.splitlines()
    check(len(lines) == 1, "expected exactly one line on stderr", result)
    check(lines[0].startswith("accord-cli: "), "expected 'accord-cli: <reason>'", result)


def lists(tmp):
    ours = os.path.join(tmp, "ours.csv")
    theirs = os.path.join(tmp, "theirs.csv")
    with open(ours, "w", encoding="utf-8") as f:
        f.write(OURS)
    with open(theirs, "w", encoding="utf-8") as f:
        f.write(THEIRS)
    return ours, theirs


def workspace_with(tmp, name):
    path = os.path.join(tmp, "w.accord")
    csv = os.path.join(tmp, "partners.csv")
    with open(csv, "w") as f:
        f.write(f"name\n{name}\nOther Partner\n")
    result = run("--workspace", path, "import", csv)
    check(result.returncode == 0, "import failed", result)
    return path


@test
def counts_and_names(tmp):
    ours, theirs = lists(tmp)
    result = run("overlap", ours, theirs, "--json")
    check(result.returncode == 0, "overlap --json failed", result)
    data = json.loads(result.stdout)
    check(data["ours"] == 5 and data["theirs"] == 4, f"list sizes: {data}")
    # Acme by domain (an e-mail's), Globex by name; Initech is their lead.
    check(data["overlap"] == {"count": 1, "names": ["Acme, Inc."]}, f"overlap: {data}")
    check(data["our-prospects"] == {"count": 1, "names": ["Globex"]}, f"our prospects: {data}")
    check(data["their-prospects"] == {"count": 1, "names": ["Initech"]},
          f"their prospects: {data}")

    result = run("overlap", ours, theirs)
    check(result.returncode == 0, "overlap failed", result)
    for line in ("Customers of both: 1", "  Acme, Inc.",
                 "Our prospects who are their customers: 1", "  Globex",
                 "Their prospects who are our customers: 1", "  Initech"):
        check(line in result.stdout.splitlines(), f"the output lacks {line!r}", result)
    check("Hooli" not in result.stdout, "an unmatched company was printed", result)


@test
def keeps_only_counts_and_names(tmp):
    ours, theirs = lists(tmp)
    workspace = workspace_with(tmp, "Northwind")
    result = run("--workspace", workspace, "--today", "2026-11-21", "overlap", ours, theirs,
                 "--partner", "northwind")
    check(result.returncode == 0, "overlap --partner failed", result)
    check("Kept on the partner" in result.stdout, "saving is not confirmed", result)

    db = sqlite3.connect(workspace)
    rows = db.execute("SELECT p.name, o.* FROM overlap o JOIN partner p ON p.id = o.partner_id"
                      ).fetchall()
    columns = [d[0] for d in db.execute("SELECT * FROM overlap").description]
    db.close()
    check(len(rows) == 1 and rows[0][0] == "Northwind", f"kept on: {rows}")
    kept = dict(zip(columns, rows[0][1:]))
    check(kept["computed_on"] == "2026-11-21", f"dated {kept['computed_on']}")
    check((kept["n_ours"], kept["n_theirs"], kept["n_overlap"], kept["n_our_prospects"],
           kept["n_their_prospects"]) == (5, 4, 1, 1, 1), f"counts: {kept}")
    check(kept["overlap_names"] == "Acme, Inc.", f"names: {kept}")
    check(kept["our_prospect_names"] == "Globex", f"names: {kept}")
    check(kept["their_prospect_names"] == "Initech", f"names: {kept}")

    # Nothing else of the lists reached the workspace: not the companies
    # that did not match, not their domains or addresses.
    for suffix in ("", "-wal"):
        if not os.path.exists(workspace + suffix):
            continue
        with open(workspace + suffix, "rb") as f:
            data = f.read()
        for secret in (b"Secret Ours Only", b"Unmatched Theirs Only", b"hooli.xyz",
                       b"sales@acme.com", b"secret-ours.example", b"Hooli"):
            check(secret not in data, f"{secret!r} was written to the workspace")

    # A second comparison replaces the first.
    other = os.path.join(tmp, "other.csv")
    with open(other, "w") as f:
        f.write("domain\nhooli.xyz\n")
    result = run("--workspace", workspace, "overlap", ours, other, "--partner", "Northwind",
                 "--json")
    check(result.returncode == 0, "second overlap failed", result)
    db = sqlite3.connect(workspace)
    rows = db.execute("SELECT n_overlap, overlap_names FROM overlap").fetchall()
    db.close()
    check(rows == [(1, "Hooli")], f"not replaced: {rows}")


@test
def failures(tmp):
    ours, theirs = lists(tmp)
    check_one_line_failure(run("overlap", ours), 2)
    check_one_line_failure(run("overlap"), 2)
    check_one_line_failure(run("overlap", ours, os.path.join(tmp, "missing.csv")), 1)
    bad = os.path.join(tmp, "bad.csv")
    with open(bad, "w") as f:
        f.write("colour,size\nred,2\n")
    result = run("overlap", ours, bad)
    check_one_line_failure(result, 1)
    check("bad.csv" in result.stderr, "the failing file is not named", result)
    workspace = workspace_with(tmp, "Northwind")
    check_one_line_failure(run("--workspace", workspace, "overlap", ours, theirs,
                               "--partner", "Nobody"), 1)
    check("overlap" in run("--help").stdout, "--help does not list overlap")


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        tmp = tempfile.mkdtemp(prefix="accord-test-overlap-")
        try:
            function(tmp)
            print(f"ok {number} - {function.__name__}")
        except Exception:
            failed += 1
            print(f"not ok {number} - {function.__name__}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
