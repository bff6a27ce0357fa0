#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""accord-cli import --referrals, --reviews and --figures, and the health,
tier and commission members of list --json, end to end on real files.
Reports TAP."""

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
TODAY = "2026-01-31"


def test(function):
    TESTS.append(function)
    return function


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=60)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += (f"\n  exit status: {result.returncode}"
                        f"\n  stdout: {result.stdout!r}\n  stderr: {result.stderr!r}")
        raise AssertionError(message)


def check_one_line_failure(result, status=1):
    check(result.returncode == status, f"expected exit status {status}", result)
    lines = result.stderr.splitlines()
    check(len(lines) == 1, "expected exactly one line on stderr", result)
    check(lines[0].startswith("accord-cli: "), "expected 'accord-cli: <reason>'", result)
    return lines[0]


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


PARTNERS_CSV = ("name,stage\n"
                "Bluepeak Studio,growing\n"
                "Kestrel Media,growing\n"
                "Café Olé,launching\n"
                "Northwind,identified\n")

# Bluepeak: we pay a 20 % share of the first 12 months. Kestrel pays us
# 50.00 per new customer. Café Olé: tiered, monthly, 2 -> 10 %, 3 -> 20 %.
AGREEMENTS_CSV = (
    "partner,status,start,revenue_model,payer,rate_bp,share_months,amount_minor,period,tiers,"
    "kpi_metric,kpi_target\n"
    "Bluepeak Studio,active,2025-01-01,revenue_share,us,2000,12,,,,Revenue,EUR 1000\n"
    "Kestrel Media,active,2025-01-01,referral_fee,partner,,,5000,,,Referrals,10\n"
    "Café Olé,active,2025-01-01,tiered,us,,,,month,2:1000;3:2000,,\n")

NEW_KEYS = {"health_score", "health_band", "health_reasons", "suggested_tier",
            "commission_owed_to_partner", "commission_owed_by_partner"}
OLD_KEYS = {"id", "name", "stage", "stage_since", "fit_score", "fit_band", "priority",
            "stage_history", "contacts", "agreements", "created_at", "updated_at"}


def workspace(tmp, agreements=True):
    path = os.path.join(tmp, "work.accord")
    csv = os.path.join(tmp, "partners.csv")
    write(csv, PARTNERS_CSV)
    result = run("--workspace", path, "--today", TODAY, "import", csv)
    check(result.returncode == 0, "importing the partners failed", result)
    if agreements:
        write(csv, AGREEMENTS_CSV)
        result = run("--workspace", path, "--today", TODAY, "import", "--agreements", csv)
        check(result.returncode == 0, "importing the agreements failed", result)
    return path


def import_file(path, kind, text, tmp, *flags, today=TODAY):
    csv = os.path.join(tmp, kind + ".csv")
    write(csv, text)
    return run("--workspace", path, "--today", today, "import", "--" + kind, *flags, csv)


def partners(path, today=TODAY):
    result = run("--workspace", path, "--today", today, "list", "--json")
    check(result.returncode == 0, "list --json failed", result)
    return {p["name"]: p for p in json.loads(result.stdout)}


def count_rows(path, table):
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


REFERRALS_CSV = (
    "partner,date,customer,status,revenue_minor,code\n"
    # Bluepeak: Acme's first purchase, a repeat in the window, one after it.
    "Bluepeak Studio,2025-02-01,Acme,converted,100000,bp-1\n"
    "bluepeak studio,2026-01-31,ACME,converted,10000,bp-1\n"
    "Bluepeak Studio,2026-02-01,Acme,converted,50000,bp-1\n"
    "Bluepeak Studio,2025-03-01,Lead Co,lead,,bp-2\n"
    # Kestrel: three new customers, one lost.
    "KESTREL MEDIA,2025-04-01,One,converted,0,k\n"
    "Kestrel Media,2025-05-01,Two,converted,0,k\n"
    "  Kestrel Media ,2025-06-01,Three,converted,0,k\n"
    "Kestrel Media,2025-06-02,Four,lost,0,k\n"
    # Café Olé: exactly 3 new customers in March (20 %), 2 in April (10 %).
    "CAFÉ OLÉ,2025-03-03,M1,converted,1000,c\n"
    "Café Olé,2025-03-04,M2,converted,1000,c\n"
    "Café Olé,2025-03-31,M3,converted,1000,c\n"
    "Café Olé,2025-04-01,A1,converted,3000,c\n"
    "Café Olé,2025-04-30,A2,converted,3000,c\n")


@test
def commission_by_model(tmp):
    path = workspace(tmp)
    result = import_file(path, "referrals", REFERRALS_CSV, tmp)
    check(result.returncode == 0 and result.stdout == "Imported 13 referrals.\n"
          and result.stderr == "", "import failed", result)

    found = partners(path)
    for name, p in found.items():
        check(OLD_KEYS <= set(p) and NEW_KEYS <= set(p),
              f"{name}: missing {sorted((OLD_KEYS | NEW_KEYS) - set(p))}")
    # 20 % of 100000 + 10000; the purchase on 1 Feb 2026 is both after
    # today and after the 12 months.
    check(found["Bluepeak Studio"]["commission_owed_to_partner"] == 22000,
          f"Bluepeak: {found['Bluepeak Studio']['commission_owed_to_partner']}")
    check(found["Bluepeak Studio"]["commission_owed_by_partner"] == 0, "Bluepeak owes nothing")
    # The partner pays: 3 x 50.00, owed by them.
    check(found["Kestrel Media"]["commission_owed_by_partner"] == 15000
          and found["Kestrel Media"]["commission_owed_to_partner"] == 0,
          f"Kestrel: {found['Kestrel Media']}")
    # 20 % of 3000 + 10 % of 6000.
    check(found["Café Olé"]["commission_owed_to_partner"] == 600 + 600,
          f"Café Olé: {found['Café Olé']['commission_owed_to_partner']}")
    check(found["Northwind"]["commission_owed_to_partner"] == 0
          and found["Northwind"]["commission_owed_by_partner"] == 0, "Northwind has none")

    # Against an earlier day: Acme's repeat and Kestrel's last customer
    # have not happened.
    earlier = partners(path, today="2025-05-15")
    check(earlier["Bluepeak Studio"]["commission_owed_to_partner"] == 20000,
          f"--today 2025-05-15: {earlier['Bluepeak Studio']['commission_owed_to_partner']}")
    check(earlier["Kestrel Media"]["commission_owed_by_partner"] == 10000,
          f"--today 2025-05-15: {earlier['Kestrel Media']['commission_owed_by_partner']}")
    # After the window, the share of 1 Feb 2026 never comes.
    later = partners(path, today="2026-06-01")
    check(later["Bluepeak Studio"]["commission_owed_to_partner"] == 22000,
          f"--today 2026-06-01: {later['Bluepeak Studio']['commission_owed_to_partner']}")


@test
def health_from_reviews(tmp):
    path = workspace(tmp)
    before = partners(path)["Bluepeak Studio"]
    # No review (10), no figures for the KPI (5), never in contact (15).
    check(before["health_score"] == 70 and before["health_band"] == "healthy",
          f"before: {before['health_score']} {before['health_band']}")
    check(before["health_reasons"] == [{"input": "ratings", "effect": -10},
                                       {"input": "results", "effect": -5},
                                       {"input": "contact", "effect": -15}],
          f"before: {before['health_reasons']}")

    text = ("partner,date,communication,alignment,trust,ease,future_potential,red_flags,notes\n"
            "Bluepeak Studio,2025-10-01,5,5,5,5,5,,Fine\n"
            "Bluepeak Studio,2026-01-15,2,2,2,2,2,"
            "\"missed-commitments; Poor_Responsiveness\",Slipping\n"
            "Kestrel Media,2026-01-10,4,4,5,5,5,,\n")
    result = import_file(path, "reviews", text, tmp)
    check(result.returncode == 0 and result.stdout == "Imported 3 reviews.\n",
          "import failed", result)

    after = partners(path)
    bluepeak = after["Bluepeak Studio"]
    # Ratings (25 - 10) x 2 = 30, two red flags 20, results 5, contact 15.
    check(bluepeak["health_score"] == 30 and bluepeak["health_band"] == "at-risk",
          f"after: {bluepeak['health_score']} {bluepeak['health_band']}")
    check(bluepeak["health_reasons"] == [{"input": "ratings", "effect": -30},
                                         {"input": "results", "effect": -5},
                                         {"input": "contact", "effect": -15},
                                         {"input": "red-flags", "effect": -20}],
          f"after: {bluepeak['health_reasons']}")
    kestrel = after["Kestrel Media"]
    check(kestrel["health_score"] == 100 - 4 - 5 - 15,
          f"Kestrel: {kestrel['health_score']} {kestrel['health_reasons']}")
    # Before the low review, the good one is the latest.
    earlier = partners(path, today="2026-01-14")["Bluepeak Studio"]
    check(earlier["health_score"] == 80 and earlier["health_band"] == "healthy",
          f"--today 2026-01-14: {earlier['health_score']} {earlier['health_reasons']}")


@test
def figures_measure_kpis(tmp):
    path = workspace(tmp)
    # Bluepeak's KPI: revenue EUR 1000 = 100000 minor units since the start.
    text = ("partner,month,revenue_minor,referrals,conversions,nps,response_hours,"
            "joint_initiatives\n"
            "Bluepeak Studio,2024-12,900000,,,,,\n"   # before the start
            "Bluepeak Studio,2025-03,20000,2,1,40,6,1\n"
            "Bluepeak Studio,2025-04,30000,1,0,,,0\n"
            "Kestrel Media,2025-04,0,4,2,-10,,\n")
    result = import_file(path, "figures", text, tmp)
    check(result.returncode == 0 and result.stdout == "Imported the figures of 4 months.\n",
          "import failed", result)
    found = partners(path)
    # 50000 of 100000: (1 - 0.5) x 30 = 15.
    check({"input": "results", "effect": -15} in found["Bluepeak Studio"]["health_reasons"],
          f"Bluepeak: {found['Bluepeak Studio']['health_reasons']}")
    # 4 referrals of 10: 18.
    check({"input": "results", "effect": -18} in found["Kestrel Media"]["health_reasons"],
          f"Kestrel: {found['Kestrel Media']['health_reasons']}")

    # The same month again replaces it: the target is met.
    text = "partner,month,revenue_minor\nBluepeak Studio,2025-04,80000\n"
    result = import_file(path, "figures", text, tmp)
    check(result.returncode == 0, "second import failed", result)
    check(count_rows(path, "figures") == 4, "the month was added, not replaced")
    reasons = partners(path)["Bluepeak Studio"]["health_reasons"]
    check(all(r["input"] != "results" for r in reasons), f"Bluepeak: {reasons}")


@test
def suggested_tier(tmp):
    path = workspace(tmp)
    rows = "".join(f"Northwind,2025-0{m}-10,Customer {m},converted,0,\n" for m in range(3, 8))
    result = import_file(path, "referrals", "partner,date,customer,status,revenue_minor,code\n"
                         + rows, tmp)
    check(result.returncode == 0, "import failed", result)
    check(partners(path)["Northwind"]["suggested_tier"] == "certified", "5 a year: certified")
    check(partners(path)["Kestrel Media"]["suggested_tier"] == "referral", "none: referral")
    # A year after the third, two are left.
    check(partners(path, today="2026-05-10")["Northwind"]["suggested_tier"] == "referral",
          "two in the last 12 months: referral")


@test
def bad_rows_name_the_line(tmp):
    path = workspace(tmp)
    header = "partner,date,customer,status,revenue_minor,code,converted_on\n"
    good = "Bluepeak Studio,2025-02-01,Acme,converted,100,,\n"
    cases = [
        ("Bluepeak Studio,2025-02-01,Acme,won,100,,\n", "status"),
        ("Bluepeak Studio,2025-02-30,Acme,lead,100,,\n", "date"),
        ("Bluepeak Studio,,Acme,lead,100,,\n", "date"),
        ("Bluepeak Studio,2025-02-01,Acme,lead,-5,,\n", "revenue_minor"),
        ("Bluepeak Studio,2025-02-01,Acme,lead,lots,,\n", "revenue_minor"),
        ("Bluepeak Studio,2025-02-01,Acme,converted,1,,2025-01-31\n", "2025-01-31"),
        ("Bluepeak Studio,2025-02-01,Acme,lead,1,,2025-03-01\n", "converted_on"),
        ("Nobody Inc,2025-02-01,Acme,lead,1,,\n", "Nobody Inc"),
        (",2025-02-01,Acme,lead,1,,\n", "partner"),
    ]
    for row, needle in cases:
        result = import_file(path, "referrals", header + good + row, tmp)
        line = check_one_line_failure(result)
        check("line 3" in line and needle in line and "nothing was imported" in line,
              f"{row.strip()}: {line}")
    check(count_rows(path, "referral") == 0, "something was imported")

    header = "partner,date,communication,alignment,trust,ease,future_potential,red_flags\n"
    cases = [
        ("Kestrel Media,2025-02-01,6,5,5,5,5,\n", "communication"),
        ("Kestrel Media,2025-02-01,5,,5,5,5,\n", "alignment"),
        ("Kestrel Media,2025-02-01,5,5,5,5,5,late;missed-commitments\n", "late"),
    ]
    for row, needle in cases:
        result = import_file(path, "reviews", header + row, tmp)
        line = check_one_line_failure(result)
        check("line 2" in line and needle in line, f"{row.strip()}: {line}")
    check(count_rows(path, "review") == 0, "a review was imported")

    header = "partner,month,revenue_minor,nps\n"
    cases = [
        ("Kestrel Media,2025-13,0,\n", "2025-13"),
        ("Kestrel Media,2025-02-01,0,\n", "month"),
        ("Kestrel Media,2025-02,0,101\n", "nps"),
        # Twice in one file: which one is right is not for us to guess.
        ("Kestrel Media,2025-02,0,\nkestrel media,2025-02,5,\n", "line 2"),
    ]
    for rows, needle in cases:
        result = import_file(path, "figures", header + rows, tmp)
        line = check_one_line_failure(result)
        check(needle in line, f"{rows.strip()}: {line}")
    check(count_rows(path, "figures") == 0, "figures were imported")


@test
def several_problems_counted(tmp):
    path = workspace(tmp)
    text = ("partner,date,status\n"
            "Nobody,2025-01-01,lead\n"
            "Bluepeak Studio,2025-01-01,lead\n"
            "Bluepeak Studio,2025-01-01,maybe\n")
    line = check_one_line_failure(import_file(path, "referrals", text, tmp))
    check(line.startswith("accord-cli: line 2:") and "1 more problem" in line, line)


@test
def skip_invalid(tmp):
    path = workspace(tmp)
    text = ("partner,date,customer,status,revenue_minor,code\n"
            "Nobody Inc,2025-02-01,A,lead,,\n"
            "Bluepeak Studio,2025-02-01,B,converted,100,\n"
            "Kestrel Media,2025-02-01,C,converted,oops,\n"
            "Kestrel Media,2025-02-01,D,lost,,\n")
    result = import_file(path, "referrals", text, tmp, "--skip-invalid")
    check(result.returncode == 0 and result.stdout == "Imported 2 referrals.\n",
          "import failed", result)
    check("Skipped 2 rows" in result.stderr and "line 2" in result.stderr
          and "line 4" in result.stderr, "problems not listed", result)
    check(count_rows(path, "referral") == 2, "expected the 2 good rows")


@test
def header_problems(tmp):
    path = workspace(tmp)
    cases = [
        ("referrals", "date,customer\n2025-01-01,A\n", "partner"),
        ("referrals", "partner,customer\nNorthwind,A\n", "date"),
        ("referrals", "partner,date,colour\nNorthwind,2025-01-01,blue\n", "colour"),
        ("reviews", "partner,date,communication\nNorthwind,2025-01-01,5\n", "alignment"),
        ("figures", "partner,revenue_minor\nNorthwind,5\n", "month"),
        ("figures", "", "empty"),
    ]
    for kind, text, needle in cases:
        line = check_one_line_failure(import_file(path, kind, text, tmp))
        check(needle in line, f"{kind} {text!r}: {line}")


@test
def one_kind_at_a_time(tmp):
    path = workspace(tmp)
    csv = os.path.join(tmp, "x.csv")
    write(csv, "partner,date\n")
    result = run("--workspace", path, "import", "--referrals", "--reviews", csv)
    line = check_one_line_failure(result, status=2)
    check("--referrals" in line and "--reviews" in line, line)


@test
def needs_a_workspace(tmp):
    path = os.path.join(tmp, "missing.accord")
    result = import_file(path, "referrals", "partner,date\nA,2025-01-01\n", tmp)
    check_one_line_failure(result)
    check(not os.path.exists(path), "a workspace was created")


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        tmp = tempfile.mkdtemp(prefix="accord-test-results-")
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
