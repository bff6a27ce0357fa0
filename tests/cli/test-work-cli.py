#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Guided work through accord-cli (path in $ACCORD_CLI): start, log, due and
template, end to end on real files with a pinned --today. Reports TAP."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback
import urllib.parse

CLI = os.environ["ACCORD_CLI"]
TESTS = []


def test(function):
    TESTS.append(function)
    return function


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=60)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += (f"\n  exit status: {result.returncode}"
                        f"\n  stdout: {result.stdout!r}\n  stderr: {result.stderr!r}")
        raise AssertionError(message)


def check_one_line_failure(result, status):
    check(result.returncode == status, f"expected exit status {status}", result)
    lines = result.stderr.splitlines()
    check(len(lines) == 1 and lines[0].startswith("accord-cli: "),
          "expected one 'accord-cli: <reason>' line", result)
    return lines[0]


PARTNERS_CSV = (
    "name,why_fit,their_gains,value_proposition,contact_name,contact_email\n"
    "Bluepeak Studio,their studio series is the best in the field.,"
    "\"More leads\nShared events\nA second channel\nA fourth\","
    "We bundle our tools for agencies.,Ada Rossi,ada@bluepeak.example\n"
    "Kestrel Media,,,,,\n"
    "Halcyon,,,,Eve Hostile,\n")


class Workspace:
    def __init__(self, tmp, today="2026-03-02"):
        self.path = os.path.join(tmp, "work.accord")
        self.today = today
        csv = os.path.join(tmp, "partners.csv")
        with open(csv, "w", encoding="utf-8", newline="") as f:
            f.write(PARTNERS_CSV)
        result = self.cli("import", csv)
        check(result.returncode == 0, "import failed", result)

    def cli(self, *args, today=None):
        return run("--workspace", self.path, "--today", today or self.today, *args)

    def ok(self, *args, today=None):
        result = self.cli(*args, today=today)
        check(result.returncode == 0, f"{' '.join(args)} failed", result)
        return result

    def due(self, *args, today=None):
        result = self.ok("due", "--json", *args, today=today)
        items = json.loads(result.stdout)
        check(isinstance(items, list), "due --json should print an array", result)
        for item in items:
            check(set(item) == {"partner", "title", "due", "kind", "playbook"},
                  f"unexpected keys in {item}", result)
        return items

    def sql(self, statement, *params):
        db = sqlite3.connect(self.path)
        try:
            rows = db.execute(statement, params).fetchall()
            db.commit()
            return rows
        finally:
            db.close()


@test
def start_outreach_and_due(tmp):
    w = Workspace(tmp)
    result = w.ok("start", "outreach", "--partner", "bluepeak studio", "--date", "2026-02-20")
    for date in ("2026-02-20", "2026-02-23", "2026-02-27", "2026-03-06", "2026-08-20"):
        check(date in result.stdout, f"start should list the task due {date}", result)

    # Today is 2 March: three are overdue, the day-14 one is this week.
    items = w.due("--days", "7")
    check([i["due"] for i in items] == ["2026-02-20", "2026-02-23", "2026-02-27", "2026-03-06"],
          f"due dates: {items}")
    check(all(i["partner"] == "Bluepeak Studio" and i["kind"] == "task"
              and i["playbook"] == "outreach" for i in items), f"items: {items}")
    check(len({i["title"] for i in items}) == 4, "each task has its own title")

    # Further ahead, the revisit; --days 0 keeps only overdue and today.
    check([i["due"] for i in w.due("--days", "200")][-1] == "2026-08-20", "revisit")
    check(len(w.due("--days", "0")) == 3, "--days 0")
    # Computed against --today, not the clock.
    check(w.due("--days", "0", today="2026-02-19") == [], "nothing was due before the start")

    readable = w.ok("due").stdout
    check("Overdue" in readable and "This Week" in readable
          and "Bluepeak Studio" in readable, f"readable list: {readable!r}")
    check(readable.index("Overdue") < readable.index("This Week"), "groups in order")


@test
def reply_stops_follow_ups(tmp):
    w = Workspace(tmp)
    w.ok("start", "outreach", "--partner", "Bluepeak Studio", "--date", "2026-02-20")
    w.ok("start", "outreach", "--partner", "Kestrel Media", "--date", "2026-02-20")
    w.ok("log", "--partner", "Bluepeak Studio", "--kind", "email", "--date", "2026-02-25",
         "--reply", "--summary", "Happy to talk")

    items = w.due("--days", "400")
    bluepeak = [i for i in items if i["partner"] == "Bluepeak Studio"]
    kestrel = [i for i in items if i["partner"] == "Kestrel Media"]
    check(bluepeak == [], f"the reply should stop Bluepeak's sequence: {bluepeak}")
    check(len(kestrel) == 5, f"Kestrel's goes on: {kestrel}")

    rows = w.sql("SELECT kind, date, summary, is_reply FROM activity")
    check(rows == [("email", "2026-02-25", "Happy to talk", 1)], f"activity: {rows}")
    stopped = w.sql("SELECT stopped_on FROM playbook_run ORDER BY id")
    check(stopped == [("2026-02-25",), (None,)], f"runs: {stopped}")


@test
def log_without_reply_keeps_sequence(tmp):
    w = Workspace(tmp)
    w.ok("start", "outreach", "--partner", "Kestrel Media", "--date", "2026-02-20")
    result = w.ok("log", "--partner", "Kestrel Media", "--kind", "note")
    check("2026-03-02" in result.stdout, "log dates with --today by default", result)
    check(len(w.due("--days", "400")) == 5, "a note does not stop anything")
    check(w.sql("SELECT date FROM activity") == [("2026-03-02",)], "activity dated today")


@test
def start_launch_moves_with_name(tmp):
    w = Workspace(tmp)
    result = w.ok("start", "launch", "--partner", "Kestrel Media", "--date", "2026-05-01",
                  "--name", "Spring Bundle")
    check("2026-04-30" in result.stdout, "tracking check the day before L", result)
    items = w.due("--days", "365")
    check(len(items) >= 23 and all(i["playbook"] == "launch" for i in items), f"{items}")
    check(items[0]["due"] == "2026-03-20" and items[-1]["due"] == "2026-05-31",
          f"L-42 .. L+30: {items[0]['due']} .. {items[-1]['due']}")
    check(w.sql("SELECT name FROM playbook_run") == [("Spring Bundle",)], "launch name")

    w.ok("start", "reviews", "--partner", "Bluepeak Studio", "--date", "2026-01-31")
    reviews = [i for i in w.due("--days", "400") if i["playbook"] == "reviews"]
    check([i["due"] for i in reviews] == ["2026-02-28", "2026-04-30", "2027-01-31"],
          f"reviews: {reviews}")
    # The first monthly check-in is overdue on 2 March.
    check([i["due"] for i in w.due("--days", "0") if i["playbook"] == "reviews"]
          == ["2026-02-28"], "overdue review")

    w.ok("start", "exit", "--partner", "Halcyon")
    exits = [i for i in w.due("--days", "400") if i["partner"] == "Halcyon"]
    check(len(exits) == 7 and exits[0]["due"] == "2026-03-02", f"exit: {exits}")


@test
def due_lists_revisits(tmp):
    w = Workspace(tmp)
    w.ok("move", "--partner", "Halcyon", "--stage", "on-hold", "--revisit", "2026-03-05")
    items = w.due()
    check(items == [{"partner": "Halcyon", "title": items[0]["title"], "due": "2026-03-05",
                     "kind": "revisit", "playbook": None}], f"revisit: {items}")
    check(w.due("--days", "2") == [], "--days 2 ends on 4 March")


@test
def template_first_email(tmp):
    w = Workspace(tmp)
    result = w.ok("template", "first-email", "--partner", "Bluepeak Studio")
    out = result.stdout
    check(out.startswith("Subject: Bluepeak Studio and [missing: our company]: an idea\n"),
          "subject", result)
    check("Hi Ada," in out and "their studio series is the best" in out
          and "We bundle our tools" in out, "merged fields", result)
    check("– More leads\n– Shared events\n– A second channel\n" in out
          and "A fourth" not in out, "three benefits", result)
    check("[missing: our company]" in out, "our company is marked", result)
    check("Missing: our company" in result.stderr, "the missing list", result)

    w.sql("INSERT INTO setting (key, value) VALUES ('our.company', 'Northwind')")
    result = w.ok("template", "first-email", "--partner", "Bluepeak Studio")
    check("[missing:" not in result.stdout and result.stderr == "", "nothing missing", result)
    check(result.stdout.startswith("Subject: Bluepeak Studio and Northwind: an idea\n"),
          "our company merged", result)

    result = w.ok("template", "exit", "--partner", "Kestrel Media")
    check("[missing: contact’s first name]" in result.stdout, "no contact", result)

    result = w.ok("template", "first-email", "--partner", "Bluepeak Studio", "--mailto")
    uri = result.stdout.strip()
    check(uri.startswith("mailto:ada@bluepeak.example?subject=Bluepeak%20Studio%20and"),
          "mailto", result)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(uri).query)
    check(set(query) == {"subject", "body"}, f"only subject and body: {query}")
    check("\r\n" in query["body"][0], "CR LF line breaks", result)


@test
def template_hostile_partner(tmp):
    w = Workspace(tmp)
    w.sql("UPDATE partner SET name = ? WHERE name = 'Halcyon'",
          "Evil\r\nBcc: eve@evil.example?cc=x&bcc=y, z")
    w.sql("UPDATE contact SET name = 'Eve%0ABcc:', email = 'eve@evil.example' "
          "WHERE name = 'Eve Hostile'")
    listed = json.loads(w.ok("list", "--json").stdout)
    name = [p["name"] for p in listed if p["name"].startswith("Evil")]
    check(len(name) == 1, f"the hostile partner: {listed}")
    result = w.ok("template", "follow-up-1", "--partner", name[0], "--mailto")
    uri = result.stdout.strip()
    parts = urllib.parse.urlsplit(uri)
    check(parts.scheme == "mailto" and parts.path in ("eve@evil.example",),
          f"one recipient: {uri}")
    query = urllib.parse.parse_qs(parts.query)
    check(set(query) == {"subject", "body"}, f"no extra headers: {query}")
    check("\n" not in query["subject"][0], f"one-line subject: {query['subject']}")
    check(query["body"][0].startswith("Hi Eve%0ABcc:,"), f"name kept as text: {query['body']}")

    # An address that would add a recipient gives no link at all.
    w.sql("UPDATE contact SET email = 'eve@evil.example?cc=mallory@evil.example'")
    check_one_line_failure(w.cli("template", "follow-up-1", "--partner", name[0], "--mailto"), 1)


@test
def usage_and_failures(tmp):
    w = Workspace(tmp)
    check_one_line_failure(w.cli("start", "onboarding", "--partner", "Halcyon"), 2)
    check_one_line_failure(w.cli("start", "outreach"), 2)
    check_one_line_failure(w.cli("start", "outreach", "--partner", "Halcyon",
                                 "--date", "2026-02-30"), 2)
    check_one_line_failure(w.cli("start", "outreach", "--partner", "Halcyon",
                                 "--name", "X"), 2)
    check_one_line_failure(w.cli("start", "outreach", "--partner", "Nobody"), 1)
    check_one_line_failure(w.cli("log", "--partner", "Halcyon", "--kind", "fax"), 2)
    check_one_line_failure(w.cli("log", "--partner", "Halcyon"), 2)
    check_one_line_failure(w.cli("log", "--kind", "email"), 2)
    check_one_line_failure(w.cli("log", "--partner", "Nobody", "--kind", "email"), 1)
    check_one_line_failure(w.cli("due", "--days", "-3"), 2)
    check_one_line_failure(w.cli("due", "--days", "x"), 2)
    check_one_line_failure(w.cli("template", "love-letter", "--partner", "Halcyon"), 2)
    check_one_line_failure(w.cli("template", "first-email"), 2)
    check_one_line_failure(w.cli("template", "first-email", "--partner", "Nobody"), 1)
    # The stored address is not a single plain one: no link.
    w.sql("UPDATE contact SET email = 'eve@evil.example,mallory@evil.example' "
          "WHERE name = 'Eve Hostile'")
    check_one_line_failure(w.cli("template", "first-email", "--partner", "Halcyon",
                                 "--mailto"), 1)
    # Nothing was written by the failures.
    check(w.sql("SELECT count(*) FROM task") == [(0,)], "no tasks")
    check(w.sql("SELECT count(*) FROM activity") == [(0,)], "no activities")
    for command in ("start", "log", "due", "template"):
        result = w.cli(command, "--help")
        check(result.returncode == 0 and "--" in result.stdout, f"{command} --help", result)


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        tmp = tempfile.mkdtemp(prefix="accord-test-work-cli-")
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
