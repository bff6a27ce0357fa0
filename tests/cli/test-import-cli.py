#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""accord-cli import --map and --match (path in $ACCORD_CLI), as TAP."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

CLI = os.environ["ACCORD_CLI"]
TESTS = []


def test(function):
    TESTS.append(function)
    return function


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += (f"\n  exit status: {result.returncode}"
                        f"\n  stdout: {result.stdout!r}\n  stderr: {result.stderr!r}")
        raise AssertionError(message)


def write(tmp, name, text, encoding="utf-8"):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)
    return path


def partners(workspace):
    result = run("--workspace", workspace, "list", "--json")
    check(result.returncode == 0, "list --json failed", result)
    return {p["name"]: p for p in json.loads(result.stdout)}


SEED = ("name,website,notes,contact_name,contact_email\n"
        "Bluepeak Studio,https://www.bluepeak.example/,old,Ada Rossi,ada@bluepeak.example\n"
        "Northwind,northwind.example,keep,,\n")


@test
def map_columns(tmp):
    ws = os.path.join(tmp, "w.accord")
    csv = write(tmp, "in.csv", "Firm;Remarks;Internal id\r\nAcme;Makes anvils;42\r\n")
    result = run("--workspace", ws, "import", csv)
    check(result.returncode == 1 and "Firm" in result.stderr,
          "an unknown header should fail without --map", result)
    result = run("--workspace", ws, "import", "--map", "Firm=name", "--map", "remarks=notes",
                 "--map", "Internal id=ignore", csv)
    check(result.returncode == 0 and result.stdout == "Imported 1 partner.\n", "import", result)
    acme = partners(ws)["Acme"]
    check(acme["notes"] == "Makes anvils", f"notes: {acme['notes']!r}")


@test
def map_rejects_bad_field(tmp):
    ws = os.path.join(tmp, "w.accord")
    csv = write(tmp, "in.csv", "name\nAcme\n")
    for bad in ("name", "=name", "name=favourite_colour"):
        result = run("--workspace", ws, "import", "--map", bad, csv)
        check(result.returncode == 2 and result.stderr.startswith("accord-cli: "),
              f"--map {bad} should be a usage error", result)
    result = run("--workspace", ws, "import", "--match", "phone", csv)
    check(result.returncode == 2, "--match phone should be a usage error", result)


def match_case(tmp, key, text, name="Bluepeak Studio"):
    ws = os.path.join(tmp, "w.accord")
    result = run("--workspace", ws, "import", write(tmp, "seed.csv", SEED))
    check(result.returncode == 0, "seed", result)
    csv = write(tmp, "in.csv", text)
    result = run("--workspace", ws, "import", "--match", key, csv)
    check(result.returncode == 0
          and result.stdout == "Imported 2 partners: 1 new, 1 updated.\n", "import", result)
    found = partners(ws)
    check(len(found) == 3, f"expected 3 partners, not duplicates: {sorted(found)}")
    # The row's other cells, its name too, replace the partner's fields.
    check(found[name]["notes"] == "new", "the match should be updated")
    check(found[name]["website"] == "https://www.bluepeak.example/", "the key stays as it was")
    check(found["Northwind"]["notes"] == "keep", "others stay")
    check(len(found[name]["contacts"]) == 1, "no duplicate contact")


@test
def match_name(tmp):
    match_case(tmp, "name", "Company,Notes\nbluepeak studio,new\nKestrel,\n")


@test
def match_domain(tmp):
    match_case(tmp, "domain", "name,URL,notes\nBluepeak,bluepeak.example,new\nKestrel,k.example,\n",
               "Bluepeak")


@test
def match_email(tmp):
    match_case(tmp, "email",
               "name,contact,E-mail,notes\nBP,,Ada@Bluepeak.example,new\nKestrel,Kim,k@k.example,\n",
               "BP")


@test
def timing(tmp):
    """Prints the time to import 10,000 and 50,000 rows."""
    for n in (10000, 50000):
        ws = os.path.join(tmp, f"w{n}.accord")
        lines = ["Company,URL,Notes,Tags,Contact,E-mail"]
        lines += [f'Partner {i},https://p{i}.example/,"Line one\nline two",'
                  f'"a, b",Person {i},person{i}@p{i}.example' for i in range(n)]
        csv = write(tmp, f"big{n}.csv", "\r\n".join(lines) + "\r\n")
        start = time.monotonic()
        result = run("--workspace", ws, "import", "--match", "domain", csv)
        seconds = time.monotonic() - start
        check(result.returncode == 0 and result.stdout == f"Imported {n} partners.\n",
              "big import", result)
        print(f"# accord-cli import of {n} rows: {seconds:.2f} s")
        print(f"# {n} rows took {seconds:.2f} s")


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        tmp = tempfile.mkdtemp(prefix="accord-test-import-cli-")
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
