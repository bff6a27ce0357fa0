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
    workspace = os.path.join(tmp, "demo-new.accord")
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
def list_json_to_a_full_disk(tmp):
    """The JSON is written as it is made; a write that fails is reported."""
    workspace = os.path.join(tmp, "full.accord")
    result = run("demo", "--partners", "40", "--seed", "3", "-o", workspace)
    check(result.returncode == 0, "demo failed", result)
    if not os.path.exists("/dev/full"):
        return
    with open("/dev/full", "w") as full:
        failed = subprocess.run([CLI, "--workspace", workspace, "list", "--json"],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    check(failed.returncode != 0, "list --json into a full disk succeeded", failed)
    check("Cannot write the list" in failed.stderr, "no reason given", failed)
    check(len(failed.stderr.splitlines()) == 1, "expected exactly one line", failed)


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


# The scorecard and the stage as columns. Kestrel's card is incomplete.
PORTFOLIO_CSV = ("name,strategic_alignment,value_exchange,reach,operational_fit,readiness,"
                 "priority_override,stage\n"
                 "Bluepeak Studio,5,4,5,4,5,,growing\n"
                 "Kestrel Media,3,,4,,1,,outreach\n"
                 "Northwind,3,3,3,3,4,high,\n"
                 "Orchard Labs,,,,,,,on-hold\n")

STAGE_KEYS = ("identified, outreach, negotiating, launching, growing, optimizing, renewing, "
              "ended, on-hold")


def portfolio(tmp, today="2026-01-31"):
    workspace = os.path.join(tmp, "work.accord")
    csv = os.path.join(tmp, "portfolio.csv")
    write(csv, PORTFOLIO_CSV)
    result = run("--workspace", workspace, "--today", today, "import", csv)
    check(result.returncode == 0 and result.stdout == "Imported 4 partners.\n",
          "import of the portfolio failed", result)
    return workspace


def by_name(workspace):
    return {p["name"]: p for p in list_json(workspace)}


def move(workspace, *args, today="2026-02-03"):
    return run("--workspace", workspace, "--today", today, "move", *args)


@test
def import_stage_and_ratings_list_json(tmp):
    workspace = portfolio(tmp)
    partners = by_name(workspace)

    bluepeak = partners["Bluepeak Studio"]
    # Ratings are numbers; 5x3 + 4x3 + 5x2 + 4x2 + 5x1 = 50: pursue.
    check([bluepeak[k] for k in ("strategic_alignment", "value_exchange", "reach",
                                 "operational_fit", "readiness")] == [5, 4, 5, 4, 5],
          f"ratings: {bluepeak!r}")
    check(bluepeak["fit_score"] == 50 and bluepeak["fit_band"] == "pursue"
          and bluepeak["priority"] == "high", f"score: {bluepeak!r}")
    check(bluepeak["stage"] == "growing" and bluepeak["stage_since"] == "2026-01-31",
          f"stage: {bluepeak!r}")
    check(bluepeak["stage_history"] == [{"stage": "growing", "date": "2026-01-31", "note": ""}],
          f"history: {bluepeak['stage_history']!r}")

    # An incomplete card: unrated is null, and so are the score, band and
    # (with no override) the priority.
    kestrel = partners["Kestrel Media"]
    check(kestrel["value_exchange"] is None and kestrel["operational_fit"] is None
          and kestrel["strategic_alignment"] == 3, f"ratings: {kestrel!r}")
    check(kestrel["fit_score"] is None and kestrel["fit_band"] is None
          and kestrel["priority"] is None, f"incomplete card: {kestrel!r}")
    check(kestrel["stage"] == "outreach", f"stage: {kestrel!r}")

    # 3x3 + 3x3 + 3x2 + 3x2 + 4 = 34: radar, but the override says high.
    northwind = partners["Northwind"]
    check(northwind["fit_score"] == 34 and northwind["fit_band"] == "radar"
          and northwind["priority"] == "high" and northwind["priority_override"] == "high",
          f"override: {northwind!r}")
    check(northwind["stage"] == "identified", f"an empty stage is identified: {northwind!r}")

    # A hold gets its revisit date six months out.
    orchard = partners["Orchard Labs"]
    check(orchard["stage"] == "on-hold" and orchard["stage_history"] ==
          [{"stage": "on-hold", "date": "2026-01-31", "note": "", "revisit_on": "2026-07-31"}],
          f"hold: {orchard!r}")
    check(all(type(orchard[k]) is type(None) for k in ("fit_score", "reach")),
          f"nulls: {orchard!r}")


@test
def import_bad_ratings_and_stage(tmp):
    workspace = os.path.join(tmp, "work.accord")
    csv = os.path.join(tmp, "bad.csv")
    write(csv, "name,strategic_alignment,reach,stage\n"
               "Alpha,0,3,identified\n"
               "Beta,6,,outreach\n"
               "Gamma,4,x,\n"
               "Delta,,,won\n"
               "Epsilon,4,4,growing\n")
    result = run("--workspace", workspace, "import", csv)
    line = check_one_line_failure(result, 1)
    check("Line 2:" in line and "\u201c0\u201d" in line and "strategic_alignment" in line
          and "3 more problems" in line, "the first problem and the count: " + line)
    check(list_json(workspace) == [], "a failed import wrote partners")

    result = run("--workspace", workspace, "import", "--skip-invalid", csv)
    check(result.returncode == 0 and result.stdout == "Imported 1 partner.\n",
          "import --skip-invalid failed", result)
    problems = result.stderr.splitlines()
    check(len(problems) == 4, "expected four problems", result)
    check(problems[0].startswith("line 2: ") and "\u201c0\u201d" in problems[0], "line 2", result)
    check(problems[1].startswith("line 3: ") and "\u201c6\u201d" in problems[1], "line 3", result)
    check(problems[2].startswith("line 4: ") and "\u201cx\u201d" in problems[2]
          and "reach" in problems[2], "line 4", result)
    check(problems[3].startswith("line 5: ") and "won" in problems[3]
          and STAGE_KEYS in problems[3], "line 5 lists the stages", result)
    check([p["name"] for p in list_json(workspace)] == ["Epsilon"], "only Epsilon")


@test
def move_allowed_records_history(tmp):
    workspace = portfolio(tmp)

    # Any case; --today dates the move; global options after the command too.
    result = run("--workspace", workspace, "move", "--partner", "northwind",
                 "--stage", "outreach", "--note", "Sent the first email", "--today", "2026-02-03")
    check(result.returncode == 0 and result.stderr == "", "move failed", result)
    check(result.stdout == "Moved \u201cNorthwind\u201d from Identified to Outreach on 2026-02-03.\n",
          "unexpected output", result)

    result = move(workspace, "-p", "NORTHWIND", "-s", "Negotiating", today="2026-02-10")
    check(result.returncode == 0, "the second move failed", result)

    northwind = by_name(workspace)["Northwind"]
    check(northwind["stage"] == "negotiating" and northwind["stage_since"] == "2026-02-10",
          f"stage: {northwind!r}")
    check(northwind["stage_history"] == [
        {"stage": "identified", "date": "2026-01-31", "note": ""},
        {"stage": "outreach", "date": "2026-02-03", "note": "Sent the first email"},
        {"stage": "negotiating", "date": "2026-02-10", "note": ""},
    ], f"history: {northwind['stage_history']!r}")


@test
def move_on_hold_and_back(tmp):
    workspace = portfolio(tmp)

    result = move(workspace, "--partner", "Kestrel Media", "--stage", "on-hold",
                  "--note", "Not this year")
    check(result.returncode == 0 and "2026-08-03" in result.stdout,
          "hold with the default revisit date", result)
    result = move(workspace, "--partner", "Kestrel Media", "--stage", "outreach",
                  today="2026-08-03")
    check(result.returncode == 0, "back from the hold", result)
    result = move(workspace, "--partner", "Kestrel Media", "--stage", "on_hold",
                  "--revisit", "2027-01-15", today="2026-08-20")
    check(result.returncode == 0 and "2027-01-15" in result.stdout, "custom revisit", result)

    # A revisit date that is not after the move is the store's refusal.
    result = move(workspace, "--partner", "Bluepeak Studio", "--stage", "on-hold",
                  "--revisit", "2026-01-01")
    line = check_one_line_failure(result, 1)
    check("revisit" in line, "unexpected message: " + line)

    kestrel = by_name(workspace)["Kestrel Media"]
    check(kestrel["stage"] == "on-hold" and [
        (h["stage"], h["date"], h.get("revisit_on")) for h in kestrel["stage_history"]] == [
        ("outreach", "2026-01-31", None),
        ("on-hold", "2026-02-03", "2026-08-03"),
        ("outreach", "2026-08-03", None),
        ("on-hold", "2026-08-20", "2027-01-15"),
    ], f"history: {kestrel['stage_history']!r}")


@test
def move_refused_with_reason(tmp):
    workspace = portfolio(tmp)
    before = list_json(workspace)

    line = check_one_line_failure(move(workspace, "--partner", "Northwind",
                                       "--stage", "growing"), 1)
    check(line == "accord-cli: A partner cannot move from Identified to Growing",
          "unexpected message: " + line)

    # Dated before the current stage began.
    line = check_one_line_failure(move(workspace, "--partner", "Northwind", "--stage",
                                       "outreach", today="2026-01-30"), 1)
    check("2026-01-30" in line and "2026-01-31" in line, "unexpected message: " + line)

    # Already there.
    check_one_line_failure(move(workspace, "--partner", "Bluepeak Studio",
                                "--stage", "growing"), 1)

    # Ended is the end.
    check(move(workspace, "--partner", "Northwind", "--stage", "ended").returncode == 0,
          "ending failed")
    line = check_one_line_failure(move(workspace, "--partner", "Northwind",
                                       "--stage", "outreach"), 1)
    check("ended" in line, "unexpected message: " + line)

    after = list_json(workspace)
    northwind = {p["name"]: p for p in after}["Northwind"]
    check([h["stage"] for h in northwind["stage_history"]] == ["identified", "ended"],
          f"a refused move was recorded: {northwind['stage_history']!r}")
    check(without_ids(before)[0] == without_ids(after)[0], "a refused move changed Bluepeak")


@test
def move_unknown_or_ambiguous_partner(tmp):
    workspace = portfolio(tmp)

    line = check_one_line_failure(move(workspace, "--partner", "Nobody Ltd",
                                       "--stage", "outreach"), 1)
    check("Nobody Ltd" in line, "the message should name the partner: " + line)
    # Exact names only: a prefix is not a match.
    check_one_line_failure(move(workspace, "--partner", "Bluepeak", "--stage", "optimizing"), 1)

    csv = os.path.join(tmp, "twin.csv")
    write(csv, "name\nNORTHWIND\n")
    check(run("--workspace", workspace, "import", csv).returncode == 0, "import of the twin")
    line = check_one_line_failure(move(workspace, "--partner", "Northwind",
                                       "--stage", "outreach"), 1)
    check("2 partners" in line, "the message should say the name is ambiguous: " + line)
    check(all(p["stage"] != "outreach" for p in list_json(workspace)
              if p["name"].lower() == "northwind"), "an ambiguous move moved someone")


@test
def move_usage_errors(tmp):
    workspace = portfolio(tmp)
    for args in (["--stage", "outreach"],
                 ["--partner", "Northwind"],
                 ["--partner", "  ", "--stage", "outreach"],
                 ["--partner", "Northwind", "--stage", "won"],
                 ["--partner", "Northwind", "--stage", "outreach", "--revisit", "2026-09-01"],
                 ["--partner", "Northwind", "--stage", "on-hold", "--revisit", "2026-02-30"],
                 ["--partner", "Northwind", "--stage", "outreach", "extra"]):
        check_one_line_failure(move(workspace, *args), 2)
    line = check_one_line_failure(move(workspace, "-p", "Northwind", "-s", "won"), 2)
    check(STAGE_KEYS in line, "the message should list the stages: " + line)
    check(by_name(workspace)["Northwind"]["stage"] == "identified", "a usage error moved")

    # A move never creates a workspace.
    missing = os.path.join(tmp, "missing.accord")
    check_one_line_failure(move(missing, "-p", "Northwind", "-s", "outreach"), 1)
    check(not os.path.exists(missing), "move created a workspace")

    result = run("move", "--help")
    check(result.returncode == 0 and "--partner" in result.stdout
          and "--revisit" in result.stdout, "move --help", result)


@test
def today_dates_new_partners(tmp):
    workspace = portfolio(tmp, today="2025-12-31")
    check({p["stage_since"] for p in list_json(workspace)} == {"2025-12-31"},
          "import should date the stages --today")

    demo = os.path.join(tmp, "demo.accord")
    check(run("--today", "2024-02-29", "demo", "-n", "3", "-o", demo).returncode == 0, "demo")
    # The sample histories lead up to --today, never past it.
    dates = {h["date"] for p in list_json(demo) for h in p["stage_history"]}
    check(dates and max(dates) <= "2024-02-29",
          f"demo should date the histories by --today: {sorted(dates)}")


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
