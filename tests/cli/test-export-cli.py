#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""accord-cli export and import --json, end to end on real files. Each
format is read back by an independent parser: Python's csv and json
modules, python3-icalendar and python3-vobject. Reports TAP."""

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback

import icalendar
import vobject

CLI = os.environ["ACCORD_CLI"]
TODAY = "2026-03-01"
TESTS = []

# Text a spreadsheet, a calendar or an address book could trip over.
HOSTILE_NOTES = ("Commas, semicolons; \"quotes\", a backslash \\ and\nnew lines\r\n"
                 "non-ASCII: Zoë, Ærøskøbing, 東京, emoji 🤝. " + "long " * 400)
HOSTILE_PARTNERS = [
    ("Café, Bar; \"Nordic\" \\ Co", HOSTILE_NOTES, "Zoë O'Brien", "zoe@example.org"),
    ("Ærøskøbing Bikes", "Plain notes", "Åsa Ñúñez", "asa@example.org"),
    ("東京 Partners " + "x" * 180, "", "Long " + "y" * 150, "long@example.org"),
]


def test(function):
    TESTS.append(function)
    return function


def run(*args):
    return subprocess.run([CLI, "--today", TODAY, *args], capture_output=True, timeout=300)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += (f"\n  exit status: {result.returncode}"
                        f"\n  stdout: {result.stdout[:2000]!r}\n  stderr: {result.stderr!r}")
        raise AssertionError(message)


def ok(result, what):
    check(result.returncode == 0, f"{what} failed", result)
    return result


def check_one_line_failure(result, status):
    check(result.returncode == status, f"expected exit status {status}", result)
    lines = result.stderr.decode().splitlines()
    check(len(lines) == 1, "expected exactly one line on stderr", result)
    check(lines[0].startswith("accord-cli: "), "expected 'accord-cli: <reason>'", result)
    return lines[0]


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def demo(tmp, name="demo.accord", partners=60):
    path = os.path.join(tmp, name)
    ok(run("demo", "--partners", str(partners), "--seed", "1", "-o", path), "demo")
    return path


def hostile_workspace(tmp):
    """A demo workspace plus partners with hostile names, notes and contacts,
    each with started playbooks so they have tasks."""
    path = demo(tmp)
    source = os.path.join(tmp, "hostile.csv")
    write_csv(source, ["name", "notes", "contact_name", "contact_email"], HOSTILE_PARTNERS)
    ok(run("-w", path, "import", source), "importing hostile partners")
    for name, *_ in HOSTILE_PARTNERS:
        ok(run("-w", path, "start", "outreach", "--partner", name, "--date", "2026-03-02"),
           "starting a playbook")
    return path


def export(path, *args):
    return ok(run("-w", path, "export", *args), "export " + " ".join(args)).stdout


def read_csv(data):
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@test
def csv_round_trip_through_import(tmp):
    path = hostile_workspace(tmp)
    first = export(path, "--format", "csv")
    check(first.startswith(b"\xef\xbb\xbf"), "the CSV does not start with a byte order mark")
    check(b"\r\n" in first, "the CSV rows are not ended by CRLF")
    rows = read_csv(first)
    check(len(rows) == 63, f"expected 63 partners, got {len(rows)}")
    by_name = {row["name"]: row for row in rows}
    for name, notes, contact, email in HOSTILE_PARTNERS:
        check(name in by_name, f"{name!r} is missing from the CSV")
        row = by_name[name]
        # The store keeps line breaks as LF and trims the ends.
        check(row["notes"] == notes.replace("\r\n", "\n").strip(),
              f"the notes of {name!r} changed: {row['notes'][:80]!r}")
        check(row["contact_name"] == contact and row["contact_email"] == email,
              f"the primary contact of {name!r} is wrong: {row}")

    exported = os.path.join(tmp, "partners.csv")
    with open(exported, "wb") as f:
        f.write(first)
    again = os.path.join(tmp, "again.accord")
    result = ok(run("-w", again, "import", exported), "importing the exported CSV")
    check(b"63" in result.stdout, "the import did not report 63 partners", result)
    second = export(again, "--format", "csv")
    check(read_csv(second) == rows, "the CSV exported after re-importing differs")
    check(second == first, "the CSV bytes differ after a round trip")


@test
def csv_formulas_are_neutralised(tmp):
    path = os.path.join(tmp, "formulas.accord")
    source = os.path.join(tmp, "formulas.csv")
    cases = {
        "=HYPERLINK(\"http://evil.example\",\"x\")": "'=HYPERLINK(\"http://evil.example\",\"x\")",
        "+1 555 0100 Corp": "'+1 555 0100 Corp",
        "-minus Ltd": "'-minus Ltd",
        "@SUM(A1:A9)": "'@SUM(A1:A9)",
        "Plain = fine": "Plain = fine",
    }
    write_csv(source, ["name", "notes"], [[name, "=1+1"] for name in cases])
    ok(run("-w", path, "import", source), "importing formula-like names")
    rows = read_csv(export(path, "--format", "csv"))
    names = {row["name"] for row in rows}
    check(names == set(cases.values()), f"unexpected names: {names}")
    check(all(row["notes"] == "'=1+1" for row in rows), "a formula in notes was kept")
    contacts = export(path, "--format", "csv", "--what", "contacts")
    check(read_csv(contacts) == [], "contacts appeared from nowhere")


@test
def csv_contacts_and_tasks(tmp):
    path = hostile_workspace(tmp)
    contacts = read_csv(export(path, "--format", "csv", "--what", "contacts"))
    db = sqlite3.connect(path)
    n_contacts = db.execute("SELECT count(*) FROM contact c JOIN partner p ON p.id = c.partner_id"
                            " WHERE p.trashed_at IS NULL").fetchone()[0]
    n_tasks = db.execute("SELECT count(*) FROM task t JOIN partner p ON p.id = t.partner_id"
                         " WHERE p.trashed_at IS NULL").fetchone()[0]
    db.close()
    check(len(contacts) == n_contacts, f"expected {n_contacts} contacts, got {len(contacts)}")
    check(any(c["name"] == "Zoë O'Brien" and c["partner"] == HOSTILE_PARTNERS[0][0]
              for c in contacts), "the hostile contact is missing")
    tasks = read_csv(export(path, "--format", "csv", "--what", "tasks"))
    check(len(tasks) == n_tasks, f"expected {n_tasks} tasks, got {len(tasks)}")
    check([t["due"] for t in tasks] == sorted(t["due"] for t in tasks), "tasks not by due date")
    check(any(t["partner"] == HOSTILE_PARTNERS[0][0] for t in tasks),
          "the hostile partner's tasks are missing")


@test
def json_full_round_trip(tmp):
    path = hostile_workspace(tmp)
    first = os.path.join(tmp, "first.json")
    result = ok(run("-w", path, "export", "--format", "json", "-o", first), "export json -o")
    check(result.stdout == b"", "export -o wrote to stdout", result)
    check(b"63 partners" in result.stderr, "export -o did not say what it wrote", result)
    document = json.load(open(first, encoding="utf-8"))
    check(document["format"] == "accord-workspace", "not a workspace document")

    # Every kind of record the demo writes is there.
    counts = {}
    for partner in document["partners"]:
        for key, value in partner.items():
            if isinstance(value, list):
                counts[key] = counts.get(key, 0) + len(value)
        for agreement in partner["agreements"]:
            for key in ("kpis", "deliverables", "changes"):
                counts[key] = counts.get(key, 0) + len(agreement[key])
    for key in ("tags", "contacts", "stage_history", "agreements", "kpis", "deliverables",
                "changes", "activities", "playbook_runs", "tasks", "referrals", "reviews",
                "figures", "ledger_entries"):
        check(counts.get(key, 0) > 0, f"the demo export has no {key}")

    copy = os.path.join(tmp, "copy.accord")
    result = ok(run("-w", copy, "import", "--json", first), "import --json")
    check(b"63" in result.stdout, "import --json did not report 63 partners", result)
    second = os.path.join(tmp, "second.json")
    ok(run("-w", copy, "export", "--format", "json", "-o", second), "export json again")
    check(json.load(open(second, encoding="utf-8")) == document,
          "the JSON documents differ after a round trip")
    check(open(first, "rb").read() == open(second, "rb").read(), "the JSON bytes differ")
    check(run("-w", copy, "check").stdout.strip() == b"OK", "the imported workspace is damaged")

    # Independently of our own reader: the tables hold the same rows.
    for table, columns in (("contact", "name, role, email, phone, profile_url, is_primary"),
                           ("task", "title, due, done_on, notes, offset_days"),
                           ("referral", "date, customer, status, revenue_minor"),
                           ("ledger_entry", "side, kind, date, amount_minor, note")):
        query = f"SELECT {columns} FROM {table} ORDER BY id"
        a = sqlite3.connect(path).execute(query).fetchall()
        b = sqlite3.connect(copy).execute(query).fetchall()
        check(a == b and len(a) > 0, f"the {table} rows differ after import")

    # A workspace with partners refuses the import, in one line.
    line = check_one_line_failure(run("-w", copy, "import", "--json", first), 1)
    check("already has partners" in line, f"unexpected message: {line}")
    check(json.loads(export(copy, "--format", "json")) == document,
          "a refused import changed the workspace")


@test
def ics_reads_in_icalendar(tmp):
    path = hostile_workspace(tmp)
    data = export(path, "--format", "ics")
    for line in data.split(b"\r\n")[:-1]:
        check(len(line) <= 75, f"a line is longer than 75 octets: {line!r}")
        check(b"\n" not in line, "a line ends in a bare LF")
    check(data.endswith(b"END:VCALENDAR\r\n"), "the file does not end with END:VCALENDAR")

    calendar = icalendar.Calendar.from_ical(data)
    check(str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar, "no VERSION or PRODID")
    todos = list(calendar.walk("VTODO"))
    events = list(calendar.walk("VEVENT"))
    due = json.loads(ok(run("-w", path, "due", "--all", "--json"), "due --all").stdout)
    check(len(todos) + len(events) == len(due),
          f"{len(todos)} to-dos and {len(events)} events for {len(due)} due items")
    check(len(todos) > 0 and len(events) > 0, "expected both to-dos and events (notice deadlines)")

    uids = [str(c["UID"]) for c in todos + events]
    check(len(set(uids)) == len(uids), "UIDs are not unique")
    summaries = {}
    for component in todos + events:
        check("DTSTAMP" in component, "a component has no DTSTAMP")
        start = component.decoded("DTSTART")
        check(type(start).__name__ == "date", f"DTSTART is not a date: {start!r}")
        summaries.setdefault(str(component["SUMMARY"]), []).append(start.isoformat())
    for item in due:
        summary = f"{item['partner']}: {item['title']}"
        check(summary in summaries and item["due"] in summaries[summary],
              f"{summary!r} on {item['due']} is not in the calendar")
    hostile = [s for s in summaries if s.startswith(HOSTILE_PARTNERS[0][0] + ": ")]
    check(hostile, "the hostile partner's tasks are not in the calendar")

    # The same items get the same UIDs in the next export.
    again = icalendar.Calendar.from_ical(export(path, "--format", "ics"))
    check([str(c["UID"]) for c in again.walk("VTODO")] == [str(c["UID"]) for c in todos],
          "UIDs changed between two exports")


@test
def vcf_reads_in_vobject(tmp):
    path = hostile_workspace(tmp)
    out = os.path.join(tmp, "contacts.vcf")
    ok(run("-w", path, "export", "--format", "vcf", "-o", out), "export vcf")
    data = open(out, "rb").read()
    for line in data.split(b"\r\n")[:-1]:
        check(len(line) <= 75, f"a line is longer than 75 octets: {line!r}")
    cards = list(vobject.readComponents(data.decode("utf-8")))
    db = sqlite3.connect(path)
    expected = db.execute("SELECT c.name, c.email, p.name FROM contact c JOIN partner p"
                          " ON p.id = c.partner_id WHERE p.trashed_at IS NULL").fetchall()
    db.close()
    check(len(cards) == len(expected), f"{len(cards)} cards for {len(expected)} contacts")
    found = set()
    for card in cards:
        check(card.version.value == "4.0", "not a vCard 4.0")
        email = card.email.value if hasattr(card, "email") else ""
        org = card.org.value[0] if hasattr(card, "org") else ""
        found.add((card.fn.value, email, org))
    for name, email, partner in expected:
        check((name, email, partner) in found, f"{name!r} <{email}> of {partner!r} not found")


@test
def usage_errors(tmp):
    path = demo(tmp, partners=3)
    check_one_line_failure(run("-w", path, "export"), 2)
    check_one_line_failure(run("-w", path, "export", "--format", "xls"), 2)
    check_one_line_failure(run("-w", path, "export", "--format", "json", "--what", "tasks"), 2)
    check_one_line_failure(run("-w", path, "export", "--format", "csv", "--what", "dogs"), 2)
    missing = os.path.join(tmp, "missing.accord")
    check_one_line_failure(run("-w", missing, "export", "--format", "csv"), 1)
    check(not os.path.exists(missing), "export created a workspace")
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write('{"format": "accord-workspace", "version": 1, "partners": [{"nom": "x"}]}')
    empty = os.path.join(tmp, "empty.accord")
    line = check_one_line_failure(run("-w", empty, "import", "--json", bad), 1)
    check("nom" in line, f"the message does not name the unknown field: {line}")
    result = ok(run("--help"), "--help")
    check(b"export" in result.stdout, "--help does not list export", result)


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        tmp = tempfile.mkdtemp(prefix="accord-test-export-")
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
