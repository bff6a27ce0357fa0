#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""accord-cli import --agreements and the agreements in list --json, end to
end on real files. Reports TAP."""

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
                "Kestrel Media,outreach\n"
                "Café Olé,identified\n"
                "Northwind,launching\n")

HEADER = ("partner,title,status,start,term_months,renewal,notice_days,"
          "termination_notice_days,revenue_model,payer,rate_bp,share_months,amount_minor,"
          "currency,exclusivity,exclusivity_scope,exclusivity_until,review_cadence,"
          "kpi_metric,kpi_target,kpi_date\n")

GOOD_ROWS = (
    # Automatic renewal, everything an agreement needs: no warning.
    "Bluepeak Studio,Referral 2025,active,2025-01-01,12,automatic,30,60,revenue_share,"
    "partner,2000,12,,eur,category,Design agencies,,quarterly,Referred customers,20,2025-12-31\n"
    # Matched by name whatever the case; mutual renewal; exclusivity early.
    "kestrel media,,draft,2025-01-01,12,mutual,30,,fixed_fee,,,,150000,USD,full,,,,,,\n"
    # Accents and case folded; nothing but the partner.
    "CAFÉ OLÉ,,,,,,,,,,,,,,,,,,,,\n")

AGREEMENT_KEYS = {
    "id", "title", "status", "status_since", "start", "term_months", "renewal", "notice_days",
    "termination_notice_days", "termination_effect", "ended_on", "revenue_model", "payer",
    "currency", "rate_bp", "share_months", "amount_minor", "period", "tiers", "exclusivity",
    "exclusivity_scope", "exclusivity_until", "ip_terms", "brand_usage", "confidential",
    "confidentiality_months", "review_cadence", "legal_review_needed", "legal_requested_on",
    "legal_done_on", "kpis", "deliverables", "end_of_term", "notice_deadline", "next_renewal",
    "next_review", "warnings",
}


def workspace_with_partners(tmp):
    workspace = os.path.join(tmp, "work.accord")
    csv = os.path.join(tmp, "partners.csv")
    write(csv, PARTNERS_CSV)
    result = run("--workspace", workspace, "--today", "2026-01-31", "import", csv)
    check(result.returncode == 0, "importing the partners failed", result)
    return workspace


def import_agreements(workspace, text, tmp, *flags, today="2026-01-31"):
    csv = os.path.join(tmp, "agreements.csv")
    write(csv, text)
    return run("--workspace", workspace, "--today", today, "import", "--agreements", *flags, csv)


def agreements_by_partner(workspace, today):
    result = run("--workspace", workspace, "--today", today, "list", "--json")
    check(result.returncode == 0, "list --json failed", result)
    return {p["name"]: p["agreements"] for p in json.loads(result.stdout)}


def count_agreements(workspace):
    return sum(len(a) for a in agreements_by_partner(workspace, "2026-01-31").values())


@test
def import_good_file(tmp):
    workspace = workspace_with_partners(tmp)
    result = import_agreements(workspace, HEADER + GOOD_ROWS, tmp)
    check(result.returncode == 0 and result.stdout == "Imported 3 agreements.\n"
          and result.stderr == "", "import failed", result)

    found = agreements_by_partner(workspace, "2026-01-31")
    check(found["Northwind"] == [], f"Northwind has none: {found['Northwind']!r}")
    for name in ("Bluepeak Studio", "Kestrel Media", "Café Olé"):
        check(len(found[name]) == 1, f"{name}: {found[name]!r}")
        check(set(found[name][0]) == AGREEMENT_KEYS,
              f"{name}'s keys: {sorted(set(found[name][0]) ^ AGREEMENT_KEYS)}")

    bluepeak = found["Bluepeak Studio"][0]
    expected = {
        "title": "Referral 2025", "status": "active", "status_since": "2026-01-31",
        "start": "2025-01-01", "term_months": 12, "renewal": "automatic", "notice_days": 30,
        "termination_notice_days": 60, "termination_effect": None, "ended_on": None,
        "revenue_model": "revenue_share", "payer": "partner", "currency": "EUR",
        "rate_bp": 2000, "share_months": 12, "amount_minor": None, "period": "month",
        "tiers": [], "exclusivity": "category", "exclusivity_scope": "Design agencies",
        "exclusivity_until": None, "confidential": False, "confidentiality_months": None,
        "review_cadence": "quarterly", "legal_review_needed": False,
        "kpis": [{"metric": "Referred customers", "target": "20", "date": "2025-12-31"}],
        "deliverables": [],
        # 1 Jan 2025 + 12 months: ends 31 Dec 2025, notice by 1 Dec; that
        # deadline passed before 31 Jan 2026, so it rolled a period.
        "end_of_term": "2025-12-31", "notice_deadline": "2026-12-01",
        "next_renewal": "2027-01-01", "next_review": "2026-04-01",
        # Growing: exclusivity has been earned.
        "warnings": [],
    }
    for key, value in expected.items():
        check(bluepeak[key] == value, f"Bluepeak {key}: {bluepeak[key]!r}, expected {value!r}")

    kestrel = found["Kestrel Media"][0]
    check(kestrel["payer"] == "us" and kestrel["amount_minor"] == 150000
          and kestrel["currency"] == "USD" and kestrel["rate_bp"] is None
          and kestrel["status"] == "draft" and kestrel["renewal"] == "mutual",
          f"Kestrel: {kestrel!r}")
    # Mutual: the initial term's deadline though it has passed; no renewal.
    check(kestrel["end_of_term"] == "2025-12-31" and kestrel["notice_deadline"] == "2025-12-01"
          and kestrel["next_renewal"] is None and kestrel["next_review"] is None,
          f"Kestrel dates: {kestrel!r}")
    check(kestrel["warnings"] == ["no-termination", "no-kpi", "early-exclusivity"],
          f"Kestrel warnings: {kestrel['warnings']!r}")

    cafe = found["Café Olé"][0]
    check(cafe["status"] == "draft" and cafe["start"] is None and cafe["term_months"] is None
          and cafe["end_of_term"] is None and cafe["notice_deadline"] is None
          and cafe["next_renewal"] is None and cafe["exclusivity"] == "none",
          f"Café Olé: {cafe!r}")
    check(cafe["warnings"] == ["no-term", "no-termination", "no-kpi"],
          f"Café Olé warnings: {cafe['warnings']!r}")


@test
def list_json_follows_today(tmp):
    workspace = workspace_with_partners(tmp)
    result = import_agreements(workspace, HEADER + GOOD_ROWS, tmp)
    check(result.returncode == 0, "import failed", result)

    # (today, notice deadline, next renewal, next review) for 1 Jan 2025,
    # 12 months, automatic, 30 days' notice, quarterly reviews.
    cases = [
        ("2025-06-15", "2025-12-01", "2026-01-01", "2025-07-01"),
        ("2025-12-01", "2025-12-01", "2026-01-01", "2026-01-01"),
        ("2025-12-02", "2026-12-01", "2027-01-01", "2026-01-01"),
        ("2028-12-02", "2029-12-01", "2030-01-01", "2029-01-01"),
    ]
    for today, deadline, renewal, review in cases:
        bluepeak = agreements_by_partner(workspace, today)["Bluepeak Studio"][0]
        check((bluepeak["notice_deadline"], bluepeak["next_renewal"], bluepeak["next_review"])
              == (deadline, renewal, review),
              f"--today {today}: {bluepeak['notice_deadline']}, {bluepeak['next_renewal']}, "
              f"{bluepeak['next_review']}")
        # The mutual one never moves.
        kestrel = agreements_by_partner(workspace, today)["Kestrel Media"][0]
        check(kestrel["notice_deadline"] == "2025-12-01" and kestrel["next_renewal"] is None,
              f"--today {today}: Kestrel {kestrel!r}")


@test
def import_every_column(tmp):
    workspace = workspace_with_partners(tmp)
    text = ("partner,title,status,status_since,start,term_months,renewal,notice_days,"
            "termination_notice_days,termination_effect,ended_on,revenue_model,payer,currency,"
            "rate_bp,share_months,amount_minor,period,tiers,exclusivity,exclusivity_scope,"
            "exclusivity_until,ip_terms,brand_usage,confidential,confidentiality_months,"
            "review_cadence,legal_review_needed,legal_requested_on,legal_done_on,kpi_metric,"
            "kpi_target,kpi_date\n"
            "Northwind,Tiered deal,terminated,2026-01-15,2024-02-29,12,automatic,90,30,"
            "\"Customers stay, shares end\",2026-01-15,tiered,us,GBP,,,,quarter,"
            "0:1000;25:1500,time_limited,UK,2025-02-28,Joint work shared,Logo only,yes,24,"
            "annual,yes,2024-01-10,2024-02-01,Leads,\"1,000\",\n")
    result = import_agreements(workspace, text, tmp)
    check(result.returncode == 0 and result.stdout == "Imported 1 agreement.\n",
          "import failed", result)

    a = agreements_by_partner(workspace, "2026-01-31")["Northwind"][0]
    expected = {
        "title": "Tiered deal", "status": "terminated", "status_since": "2026-01-15",
        "start": "2024-02-29", "term_months": 12, "renewal": "automatic", "notice_days": 90,
        "termination_notice_days": 30, "termination_effect": "Customers stay, shares end",
        "ended_on": "2026-01-15", "revenue_model": "tiered", "payer": "us", "currency": "GBP",
        "period": "quarter",
        "tiers": [{"threshold": 0, "rate_bp": 1000}, {"threshold": 25, "rate_bp": 1500}],
        "exclusivity": "time_limited", "exclusivity_scope": "UK",
        "exclusivity_until": "2025-02-28", "ip_terms": "Joint work shared",
        "brand_usage": "Logo only", "confidential": True, "confidentiality_months": 24,
        "review_cadence": "annual", "legal_review_needed": True,
        "legal_requested_on": "2024-01-10", "legal_done_on": "2024-02-01",
        "kpis": [{"metric": "Leads", "target": "1,000", "date": None}],
        # 29 Feb 2024 + 12 months = 28 Feb 2025: the term ends the 27th.
        "end_of_term": "2025-02-27",
        # Period 2 ends 27 Feb 2026, 90 days' notice: 29 Nov 2025, missed
        # by 31 Jan 2026; period 3 ends 27 Feb 2027: 29 Nov 2026.
        "notice_deadline": "2026-11-29", "next_renewal": "2027-02-28",
        "next_review": "2026-02-28",
        # Launching: no results yet.
        "warnings": ["early-exclusivity"],
    }
    for key, value in expected.items():
        check(a[key] == value, f"{key}: {a[key]!r}, expected {value!r}")


@test
def bad_line_imports_nothing(tmp):
    workspace = workspace_with_partners(tmp)
    # Line 3: a rate above 100 %.
    text = (HEADER + GOOD_ROWS.splitlines(True)[0]
            + "Kestrel Media,,draft,,,,,,referral_fee,,12000,,,,,,,,,,\n")
    result = import_agreements(workspace, text, tmp)
    line = check_one_line_failure(result)
    check("line 3" in line and "rate_bp" in line, f"message: {line}")
    check(count_agreements(workspace) == 0, "something was imported")


@test
def bad_values_name_the_line(tmp):
    workspace = workspace_with_partners(tmp)
    cases = [
        ("Kestrel Media,,signed,,,,,,,,,,,,,,,,,,\n", "status"),
        ("Kestrel Media,,,2025-02-30,,,,,,,,,,,,,,,,,\n", "start"),
        ("Kestrel Media,,,,twelve,,,,,,,,,,,,,,,,\n", "term_months"),
        ("Kestrel Media,,,,,sometimes,,,,,,,,,,,,,,,\n", "renewal"),
        ("Kestrel Media,,,,,,,,barter,,,,,,,,,,,,\n", "revenue_model"),
        ("Kestrel Media,,,,,,,,,them,,,,,,,,,,,\n", "payer"),
        ("Kestrel Media,,,,,,,,,,,,-5,,,,,,,,\n", "amount_minor"),
        ("Kestrel Media,,,,,,,,,,,,,,regional,,,,,,\n", "exclusivity"),
        ("Kestrel Media,,,2025-06-01,,,,,,,,,,,time_limited,,2025-01-01,,,,\n", "exclusivity"),
        ("Kestrel Media,,,,,,,,,,,,,,,,,,,20,\n", "kpi_metric"),
        ("Kestrel Media,,,,,,,,,,,,,EURO,,,,,,,\n", "currency"),
    ]
    for row, needle in cases:
        result = import_agreements(workspace, HEADER + row, tmp)
        line = check_one_line_failure(result)
        check("line 2" in line and needle in line, f"{row.strip()}: {line}")
    check(count_agreements(workspace) == 0, "something was imported")


@test
def unknown_partner(tmp):
    workspace = workspace_with_partners(tmp)
    text = HEADER + GOOD_ROWS + "Nobody Inc,,,,,,,,,,,,,,,,,,,,\n"
    result = import_agreements(workspace, text, tmp)
    line = check_one_line_failure(result)
    check("line 5" in line and "Nobody Inc" in line, f"message: {line}")
    check(count_agreements(workspace) == 0, "something was imported")


@test
def skip_invalid(tmp):
    workspace = workspace_with_partners(tmp)
    text = (HEADER + "Nobody Inc,,,,,,,,,,,,,,,,,,,,\n" + GOOD_ROWS
            + "Northwind,,,,,,,,,,10001,,,,,,,,,,\n")
    result = import_agreements(workspace, text, tmp, "--skip-invalid")
    check(result.returncode == 0 and result.stdout == "Imported 3 agreements.\n",
          "import failed", result)
    check("line 2" in result.stderr and "line 6" in result.stderr, "problems not listed", result)
    check(count_agreements(workspace) == 3, "expected the 3 good rows")


@test
def one_active_per_partner(tmp):
    workspace = workspace_with_partners(tmp)
    active = "Kestrel Media,,active,2025-01-01,12,,,,,,,,,,,,,,,,\n"

    # Twice in one file: the second row is refused, nothing imported.
    result = import_agreements(workspace, HEADER + active + active, tmp)
    line = check_one_line_failure(result)
    check("line 3" in line and "active" in line and "line 2" in line, f"message: {line}")
    check(count_agreements(workspace) == 0, "something was imported")

    result = import_agreements(workspace, HEADER + active, tmp)
    check(result.returncode == 0, "first active failed", result)
    # Against the workspace.
    result = import_agreements(workspace, HEADER + GOOD_ROWS.splitlines(True)[0] + active, tmp)
    line = check_one_line_failure(result)
    check("line 3" in line and "Kestrel Media" in line and "active" in line, f"message: {line}")
    check(count_agreements(workspace) == 1, "the file was partly imported")

    # An expired one is history, not a second active one.
    expired = "Kestrel Media,Old,expired,2023-01-01,12,,,,,,,,,,,,,,,,\n"
    result = import_agreements(workspace, HEADER + expired, tmp)
    check(result.returncode == 0, "expired agreement refused", result)
    check(count_agreements(workspace) == 2, "expected two agreements")


@test
def header_problems(tmp):
    workspace = workspace_with_partners(tmp)
    for text, needle in [("title,status\nX,draft\n", "partner"),
                         ("partner,colour\nKestrel Media,blue\n", "colour"),
                         ("partner,status,status\nKestrel Media,draft,draft\n", "twice"),
                         ("", "empty")]:
        result = import_agreements(workspace, text, tmp)
        line = check_one_line_failure(result)
        check(needle in line, f"{text!r}: {line}")
    check(count_agreements(workspace) == 0, "something was imported")


@test
def needs_a_workspace(tmp):
    workspace = os.path.join(tmp, "missing.accord")
    result = import_agreements(workspace, HEADER + GOOD_ROWS, tmp)
    check_one_line_failure(result)
    check(not os.path.exists(workspace), "a workspace was created")


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        tmp = tempfile.mkdtemp(prefix="accord-test-agreements-")
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
