#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs accord-cli (path in $ACCORD_CLI) end to end and reports TAP."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ["ACCORD_CLI"]
TESTS = []


def test(function):
    TESTS.append(function)
    return function


def run(*args, env=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([CLI, *args], capture_output=True, text=True,
                          env=full_env, timeout=60)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += (f"\n  exit status: {result.returncode}"
                        f"\n  stdout: {result.stdout!r}\n  stderr: {result.stderr!r}")
        raise AssertionError(message)


def check_one_line_failure(result, status):
    """Every failure: the status, and exactly one "accord-cli: ..." line."""
    check(result.returncode == status, f"expected exit status {status}", result)
    lines = result.stderr.splitlines()
    check(len(lines) == 1, "expected exactly one line on stderr", result)
    check(lines[0].startswith("accord-cli: ") and len(lines[0]) > len("accord-cli: "),
          "expected 'accord-cli: <reason>'", result)
    return lines[0]


def list_json(workspace):
    result = run("--workspace", workspace, "list", "--json")
    check(result.returncode == 0, "list --json failed", result)
    return json.loads(result.stdout)


def without_ids(partners):
    for partner in partners:
        for key in ("id", "created_at", "updated_at"):
            partner.pop(key)
        for contact in partner["contacts"]:
            contact.pop("id")
    return partners


def write(path, text, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)


GOOD_CSV = ("name,website,tier,partnership_type,contact_name,contact_email\n"
            "Bluepeak Studio,bluepeak.example,premium,co-marketing,Ada Rossi,ada@bluepeak.example\n"
            "Kestrel Media,,,,,\n")

# Line 4 holds an unknown tier; line 5 a bad website.
BAD_CSV = ("name,website,tier\n"
           "Alpha,alpha.example,referral\n"
           "Beta,beta.example,\n"
           "Gamma,gamma.example,gold\n"
           "Delta,not a web address,\n")


@test
def demo_then_list_json(tmp):
    workspace = os.path.join(tmp, "new", "folder", "demo.accord")
    result = run("demo", "--partners", "25", "--seed", "5", "-o", workspace)
    check(result.returncode == 0, "demo failed", result)
    check(result.stderr == "", "demo wrote to stderr", result)
    check(os.path.exists(workspace), "demo did not write the workspace")

    partners = list_json(workspace)
    check(len(partners) == 25, f"expected 25 partners, got {len(partners)}")
    for partner in partners:
        check(partner["name"] and partner["website"].endswith(".example"),
              f"unexpected partner {partner!r}")
        check(1 <= len(partner["contacts"]) <= 3, f"contacts of {partner['name']}")
        check(sum(c["is_primary"] for c in partner["contacts"]) == 1,
              f"primary contacts of {partner['name']}")
    names = [p["name"] for p in partners]
    check(len(set(names)) == len(names), "names repeat")

    # Global options are accepted after the command too.
    result = run("list", "--json", "--workspace", workspace)
    check(result.returncode == 0 and len(json.loads(result.stdout)) == 25,
          "list with --workspace after the command", result)


@test
def demo_same_seed_same_data(tmp):
    dumps = []
    for name in ("a.accord", "b.accord"):
        workspace = os.path.join(tmp, name)
        result = run("demo", "--partners", "12", "--seed", "18446744073709551615",
                     "-o", workspace)
        check(result.returncode == 0, "demo failed", result)
        dumps.append(without_ids(list_json(workspace)))
    check(dumps[0] == dumps[1], "the same seed gave different data")


@test
def demo_default_options_and_refusal(tmp):
    workspace = os.path.join(tmp, "demo.accord")
    result = run("--workspace", workspace, "demo")
    check(result.returncode == 0, "demo with defaults failed", result)
    check(len(list_json(workspace)) == 50, "demo should make 50 partners by default")

    # A workspace that has partners is never filled with sample data.
    line = check_one_line_failure(run("demo", "-o", workspace), 1)
    check("already has partners" in line, "unexpected message: " + line)
    check(len(list_json(workspace)) == 50, "demo changed a workspace with partners")


@test
def demo_bad_numbers_are_usage_errors(tmp):
    workspace = os.path.join(tmp, "demo.accord")
    for args in (["--partners", "0"], ["--partners", "ten"], ["--partners", "-3"],
                 ["--seed", "-1"], ["--seed", "1x"], ["extra-argument"]):
        check_one_line_failure(run("demo", *args, "-o", workspace), 2)
    check(not os.path.exists(workspace), "a usage error wrote a workspace")


@test
def import_good_csv(tmp):
    workspace = os.path.join(tmp, "work.accord")
    csv = os.path.join(tmp, "good.csv")
    write(csv, GOOD_CSV)
    result = run("--workspace", workspace, "import", csv)
    check(result.returncode == 0, "import failed", result)
    check(result.stdout == "Imported 2 partners.\n", "unexpected output", result)
    check(result.stderr == "", "import wrote to stderr", result)

    partners = {p["name"]: p for p in list_json(workspace)}
    check(set(partners) == {"Bluepeak Studio", "Kestrel Media"}, f"got {partners!r}")
    bluepeak = partners["Bluepeak Studio"]
    check(bluepeak["tier"] == "premium" and bluepeak["partnership_type"] == "co-marketing",
          f"fields not imported: {bluepeak!r}")
    check(len(bluepeak["contacts"]) == 1 and bluepeak["contacts"][0]["is_primary"]
          and bluepeak["contacts"][0]["email"] == "ada@bluepeak.example",
          f"contact not imported: {bluepeak!r}")


@test
def import_bad_csv_writes_nothing(tmp):
    workspace = os.path.join(tmp, "work.accord")
    csv = os.path.join(tmp, "bad.csv")
    write(csv, BAD_CSV)
    result = run("--workspace", workspace, "import", csv)
    line = check_one_line_failure(result, 1)
    check("Line 4:" in line and "gold" in line, "the message should name line 4: " + line)
    check(result.stdout == "", "a failed import printed a result", result)
    check(list_json(workspace) == [], "a failed import wrote partners")


@test
def import_skip_invalid(tmp):
    workspace = os.path.join(tmp, "work.accord")
    csv = os.path.join(tmp, "bad.csv")
    write(csv, BAD_CSV)
    result = run("--workspace", workspace, "import", "--skip-invalid", csv)
    check(result.returncode == 0, "import --skip-invalid failed", result)
    check(result.stdout == "Imported 2 partners.\n", "unexpected output", result)
    problems = result.stderr.splitlines()
    check(len(problems) == 2, "expected two problems", result)
    check(problems[0].startswith("line 4: ") and "gold" in problems[0], "line 4", result)
    check(problems[1].startswith("line 5: "), "line 5", result)
    names = sorted(p["name"] for p in list_json(workspace))
    check(names == ["Alpha", "Beta"], f"got {names!r}")


@test
def import_latin1_semicolon(tmp):
    workspace = os.path.join(tmp, "work.accord")
    csv = os.path.join(tmp, "latin1.csv")
    write(csv, "name;description\r\nCaf\u00e9 M\u00fcller;Kaffee, Kuchen\r\n", "latin-1")
    result = run("--workspace", workspace, "import", csv)
    check(result.returncode == 0, "import failed", result)
    partners = list_json(workspace)
    check([(p["name"], p["description"]) for p in partners]
          == [("Caf\u00e9 M\u00fcller", "Kaffee, Kuchen")], f"got {partners!r}")


@test
def import_missing_csv_creates_nothing(tmp):
    workspace = os.path.join(tmp, "work.accord")
    check_one_line_failure(run("--workspace", workspace, "import",
                               os.path.join(tmp, "nope.csv")), 1)
    check(not os.path.exists(workspace), "a failed read created the workspace")
    check_one_line_failure(run("--workspace", workspace, "import"), 2)


@test
def import_creates_default_workspace(tmp):
    data_home = os.path.join(tmp, "data")
    csv = os.path.join(tmp, "good.csv")
    write(csv, GOOD_CSV)
    result = run("import", csv, env={"XDG_DATA_HOME": data_home})
    check(result.returncode == 0, "import into the default workspace failed", result)
    workspace = os.path.join(data_home, "accord", "workspace.accord")
    check(os.path.exists(workspace), "the default workspace was not created")
    mode = os.stat(os.path.dirname(workspace)).st_mode & 0o777
    check(mode == 0o700, f"folder mode is {oct(mode)}, not 0700")
    check(len(list_json(workspace)) == 2, "default workspace content")


@test
def list_missing_file(tmp):
    workspace = os.path.join(tmp, "missing.accord")
    for args in (["list", "--json"], ["list"], ["check"]):
        check_one_line_failure(run("--workspace", workspace, *args), 1)
    check(os.listdir(tmp) == [], "reading a missing workspace created files")


@test
def check_garbage_file(tmp):
    workspace = os.path.join(tmp, "garbage.accord")
    garbage = b"This is not a workspace.\n" * 100
    with open(workspace, "wb") as f:
        f.write(garbage)
    check_one_line_failure(run("--workspace", workspace, "check"), 1)
    with open(workspace, "rb") as f:
        check(f.read() == garbage, "check changed a file that is not a workspace")
    check(os.listdir(tmp) == ["garbage.accord"], f"check left files: {os.listdir(tmp)}")


@test
def check_good_workspace(tmp):
    workspace = os.path.join(tmp, "demo.accord")
    check(run("demo", "--partners", "3", "-o", workspace).returncode == 0, "demo failed")
    result = run("--workspace", workspace, "check")
    check(result.returncode == 0 and result.stdout == "OK\n", "check failed", result)


@test
def today_option(tmp):
    for bad in ("2026-02-30", "tomorrow", "2026-1-05", "26-01-05", "2026-13-01", ""):
        line = check_one_line_failure(run("--today", bad, "list"), 2)
        check("--today" in line, "the message should name --today: " + line)
    # After the command too.
    check_one_line_failure(run("list", "--today", "2026-02-29"), 2)

    result = run("--today", "2028-02-29", "--help")
    check(result.returncode == 0 and "2028-02-29" in result.stdout,
          "--help should show the --today date", result)
    result = run("list", "--today", "2027-06-01", "--help")
    check(result.returncode == 0 and "2027-06-01" in result.stdout,
          "command --help should show the --today date", result)


@test
def usage_errors(tmp):
    check_one_line_failure(run(), 2)
    check_one_line_failure(run("frobnicate"), 2)
    check_one_line_failure(run("list", "--no-such-option"), 2)
    check_one_line_failure(run("--no-such-option", "list"), 2)
    check_one_line_failure(run("check", "extra"), 2)
    result = run("--help")
    check(result.returncode == 0 and "import" in result.stdout and "demo" in result.stdout,
          "--help should list the commands", result)


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        tmp = tempfile.mkdtemp(prefix="accord-test-cli-")
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
