#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test: record an agreement and see its notice deadline.
#
#   /usr/bin/python3 test-agreement.py APP CLI
#
# Imports two partners with `accord-cli import`, starts the real app on that
# workspace with today pinned (ACCORD_TODAY) and drives it through the
# accessibility tree (AT-SPI), as a person would: opens "Northwind
# Analytics", presses "Add Agreement", types the start 2026-01-01, a term of
# 12 months and 30 days' notice, sets the status to Active and saves with
# Ctrl+Enter (after checking that Escape leaves without saving); then
# reads the notice deadline 2026-12-01 on the partner page and in the
# Agreements view (Ctrl+3), where the row is marked "Decide within 30 days";
# activating that row opens the partner's page. Quits with Ctrl+Q and checks
# the file with `accord-cli list --json`.
#
# Keys and clicks go through xdotool: without it the test is skipped.
#
# Needs an X display and a session bus that can start the accessibility bus:
# tests/e2e/run-e2e provides both. Without them it exits 77 (skipped).
# Output is TAP; the exit status is 0 (pass), 1 (fail) or 77 (skip).
# The shared code is in accord_e2e.py next to this file.
#
# Run it with /usr/bin/python3: the python3 on PATH may lack `gi`.

import os
import subprocess
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accord_e2e as e2e  # noqa: E402
from accord_e2e import (Atspi, check, cli, cli_partner, cli_partners,  # noqa: E402
                        do_click, find_all, find_button, find_text, name_of, ok,
                        on_screen, parent_of, partner_rows, role_of, set_text, text_of,
                        wait_for)

IMPORT_DAY = "2026-10-01"
TODAY = "2026-11-01"               # the app runs with this day pinned
CSV = """name,partnership_type
Northwind Analytics,integration
Contoso Cloud,distribution
"""
FIRST = "Contoso Cloud"            # first by name: selected at start
PARTNER = "Northwind Analytics"
START = "2026-01-01"
TERM = "12"
NOTICE = "30"
DEADLINE = "2026-12-01"            # 2026-12-31 (end of term) minus 30 days
DEADLINE_TEXT = "1 Dec 2026, in 30 days"  # as the window shows DEADLINE
END_OF_TERM_TEXT = "31 Dec 2026, in 60 days"


# --- Finding things ----------------------------------------------------------------

def is_role(acc, role):
    return role_of(acc) == role


def labels_in(acc):
    """The texts of the labels on screen inside `acc`, top to bottom."""
    labels = find_all(acc, lambda a: is_role(a, Atspi.Role.LABEL) and on_screen(a))
    return [text_of(label) for label in labels]


def group(frame, title):
    """A preferences group: a list named by its title."""
    return e2e.one(find_all(frame, lambda a: is_role(a, Atspi.Role.LIST)
                            and name_of(a) == title and on_screen(a)),
                   f"the group “{title}”")


def row_in(root, title):
    return e2e.one(find_all(root, lambda a: is_role(a, Atspi.Role.LIST_ITEM)
                            and name_of(a) == title and on_screen(a)),
                   f"the row “{title}”")


def name_field_text(frame):
    field = find_text(frame, "Name")
    return text_of(field) if field is not None else None


def agreement_dialog(app):
    dialogs = [c for c in e2e.children(app.root)
               if is_role(c, Atspi.Role.DIALOG) and name_of(c) == "New Agreement"]
    return dialogs[0] if dialogs else None


def agreements_rows(frame):
    """The rows of the Agreements view: named “PARTNER, Notice deadline: …”."""
    return find_all(frame, lambda a: is_role(a, Atspi.Role.LIST_ITEM)
                    and name_of(a).startswith(f"{PARTNER}, Notice deadline")
                    and on_screen(a))


# --- The scenario -----------------------------------------------------------------

def prepare(session):
    csv = os.path.join(session.tmp, "partners.csv")
    with open(csv, "w") as f:
        f.write(CSV)
    cli("--workspace", session.workspace, "--today", IMPORT_DAY, "import", csv,
        what="accord-cli import")
    names = sorted(p.get("name") for p in cli_partners(session.workspace))
    check(names == sorted([FIRST, PARTNER]), "accord-cli imports two partners",
          f"names: {names}")
    session.env["ACCORD_TODAY"] = TODAY


def open_partner(app):
    wait_for(f"“{FIRST}” to be shown at start", lambda: name_field_text(app.frame) == FIRST)
    rows = wait_for(f"“{PARTNER}” in the partner list", lambda: partner_rows(app.frame, PARTNER))
    app.click_at(rows[0], f"the row “{PARTNER}”")
    wait_for(f"the partner page to show “{PARTNER}”",
             lambda: name_field_text(app.frame) == PARTNER)
    ok(f"clicking “{PARTNER}” in the list shows its page")


def dialog_key(app, keys):
    """Type `keys` into the dialog's own X window (there is no window manager
    to move the keyboard focus there)."""
    def window():
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                               capture_output=True, text=True).stdout.split()
        for w in found:
            name = subprocess.run(["xdotool", "getwindowname", w],
                                  capture_output=True, text=True).stdout.strip()
            if name == "New Agreement":
                return w
        return None
    w = wait_for("the X window of “New Agreement”", window)
    e2e.xdotool("windowfocus", "--sync", w)
    e2e.xdotool("key", "--clearmodifiers", keys)


def choose_status(app, dialog, status):
    combo = wait_for("the row “Status”",
                     lambda: e2e.one(find_all(dialog, lambda a: is_role(a, Atspi.Role.COMBO_BOX)
                                              and name_of(a) == "Status" and on_screen(a)),
                                     "the row “Status”"))
    app.click_at(combo, "the row “Status”")

    def in_popover(acc):
        while acc is not None and not is_role(acc, Atspi.Role.DIALOG):
            if name_of(acc) == "GtkPopover":
                return True
            acc = parent_of(acc)
        return False

    def item():
        return e2e.one(find_all(combo, lambda a: is_role(a, Atspi.Role.LABEL)
                                and text_of(a) == status and on_screen(a) and in_popover(a)),
                       f"the choice “{status}”")
    try:
        choice = wait_for(f"the choice “{status}” in the list of statuses", item)
    except e2e.Failure as e:
        check(False, f"the row “Status” offers “{status}”", f"{e}\n{e2e.dump(dialog)}")
    app.click_at(choice, f"the choice “{status}”")
    wait_for(f"the row “Status” to say “{status}”", lambda: status in labels_in(combo))
    ok(f"the row “Status” is set to “{status}”")


def add_agreement(app, workspace):
    add = wait_for("the button “Add Agreement”",
                   lambda: e2e.one(find_button(app.frame, "Add Agreement"),
                                   "the button “Add Agreement”"))
    # Escape leaves without saving.
    do_click(add, "“Add Agreement”")
    wait_for("the dialog “New Agreement”", lambda: agreement_dialog(app))
    dialog_key(app, "Escape")
    wait_for("Escape to close the dialog", lambda: agreement_dialog(app) is None)
    ok("Escape closes the dialog “New Agreement”")
    check_nothing_saved(workspace)

    do_click(add, "“Add Agreement”")
    try:
        dialog = wait_for("the dialog “New Agreement”", lambda: agreement_dialog(app))
    except e2e.Failure as e:
        check(False, "“Add Agreement” opens the dialog “New Agreement”",
              f"{e}\nwindows: {[(role_of(c), name_of(c)) for c in e2e.children(app.root)]}"
              f"\nthe button: {e2e.describe(add)} actions {e2e.action_names(add)}")
    ok("“Add Agreement” opens the dialog “New Agreement”")

    for label, text in (("Start date (YYYY-MM-DD)", START), ("Initial term in months", TERM),
                        ("Notice for non-renewal in days", NOTICE)):
        field = wait_for(f"the field “{label}”", lambda: find_text(dialog, label))
        set_text(field, text, f"“{label}”")
        wait_for(f"“{label}” to read “{text}”", lambda: text_of(field) == text)
    ok(f"typed the start {START}, a term of {TERM} months and {NOTICE} days' notice")

    # The derived dates follow as you type.
    dates = wait_for("the group “Key Dates”", lambda: group(dialog, "Key Dates"))
    deadline = wait_for("the row “Notice deadline”", lambda: row_in(dates, "Notice deadline"))
    try:
        wait_for(f"“Notice deadline” to read “{DEADLINE_TEXT}”",
                 lambda: DEADLINE_TEXT in labels_in(deadline))
    except e2e.Failure as e:
        check(False, f"the dialog shows the notice deadline “{DEADLINE_TEXT}”",
              f"{e}\nthe row shows {labels_in(deadline)}")
    ok(f"the dialog works out the notice deadline “{DEADLINE_TEXT}” as you type")

    choose_status(app, dialog, "Active")

    check(e2e.one(find_button(dialog, "Save"), "the button “Save”") is not None,
          "the dialog has a button “Save”")
    dialog_key(app, "ctrl+Return")
    wait_for("the dialog to close", lambda: agreement_dialog(app) is None)
    ok("Ctrl+Enter saves the agreement and closes the dialog")


def check_summary(app):
    summary = wait_for("the group “Agreement”", lambda: group(app.frame, "Agreement"))
    row = wait_for("the row “Notice deadline” on the partner page",
                   lambda: row_in(summary, "Notice deadline"))
    try:
        wait_for(f"“Notice deadline” to read “{DEADLINE_TEXT}”",
                 lambda: DEADLINE_TEXT in labels_in(row))
    except e2e.Failure as e:
        check(False, f"the partner page shows the notice deadline “{DEADLINE_TEXT}”",
              f"{e}\nthe row shows {labels_in(row)}")
    ok(f"the partner page shows “Notice deadline”, “{DEADLINE_TEXT}”")
    check("Decide within 30 days" in labels_in(row),
          "the partner page says “Decide within 30 days”", f"the row shows {labels_in(row)}")
    end = row_in(summary, "End of term")
    check(end is not None and END_OF_TERM_TEXT in labels_in(end),
          f"the partner page shows “End of term”, “{END_OF_TERM_TEXT}”",
          f"the row shows {labels_in(end) if end is not None else None}")
    warning = row_in(summary, "No termination clause")
    check(warning is not None, "the partner page warns “No termination clause”, in plain words",
          f"the group shows {labels_in(summary)}")


def check_view(app):
    # Show another partner first, so that opening Northwind from the view
    # is seen to happen.
    rows = wait_for(f"“{FIRST}” in the partner list", lambda: partner_rows(app.frame, FIRST))
    app.click_at(rows[0], f"the row “{FIRST}”")
    wait_for(f"the partner page to show “{FIRST}”", lambda: name_field_text(app.frame) == FIRST)

    app.key("ctrl+3")
    try:
        rows = wait_for("the agreement in the Agreements view", lambda: agreements_rows(app.frame))
    except e2e.Failure as e:
        check(False, "Ctrl+3 shows the Agreements view with the agreement", f"{e}")
    row = e2e.one(rows, "the row of the agreement")
    expected = f"{PARTNER}, Notice deadline: {DEADLINE_TEXT}, Decide within 30 days"
    check(name_of(row) == expected, f"Ctrl+3 shows the Agreements view with “{expected}”",
          f"the row is named {name_of(row)!r}")
    texts = labels_in(row)
    check(f"Notice deadline: {DEADLINE_TEXT}" in texts and "Decide within 30 days" in texts,
          f"the row reads “Notice deadline: {DEADLINE_TEXT}” and “Decide within 30 days”",
          f"the row shows {texts}")

    app.click_at(row, "the row of the agreement")
    wait_for(f"the partner page of “{PARTNER}”", lambda: name_field_text(app.frame) == PARTNER)
    ok(f"clicking the row opens the page of “{PARTNER}” (it showed “{FIRST}” before)")


def check_nothing_saved(workspace):
    partner = cli_partner(workspace, PARTNER)
    check(partner is not None and not partner.get("agreements"),
          "Escape saved nothing", f"agreements: {partner.get('agreements') if partner else None!r}")


def check_file(workspace):
    partner = cli_partner(workspace, PARTNER)
    check(partner is not None, f"accord-cli lists “{PARTNER}”")
    agreements = partner.get("agreements")
    check(isinstance(agreements, list) and len(agreements) == 1,
          "the file has one agreement for the partner", f"agreements: {agreements!r}")
    a = agreements[0]
    fields = {k: a.get(k) for k in ("status", "start", "term_months", "notice_days")}
    check(fields == {"status": "active", "start": START, "term_months": int(TERM),
                     "notice_days": int(NOTICE)},
          "the file has the status, start, term and notice as typed", f"fields: {fields}")
    # Mutual renewal: the deadline is the initial term's, whatever the day.
    check(a.get("notice_deadline") == DEADLINE,
          f"accord-cli computes the same notice deadline, {DEADLINE}",
          f"notice_deadline: {a.get('notice_deadline')!r}")


def scenario(session):
    if not e2e.USE_XDOTOOL:
        e2e.skip("xdotool is needed to type Ctrl+3 and Ctrl+Q")
    prepare(session)
    app = session.start("app")
    ok(f"the app starts on the imported workspace with today pinned to {TODAY}")
    open_partner(app)
    e2e.show_section(app, "Agreement")
    add_agreement(app, session.workspace)
    check_summary(app)
    check_view(app)
    app.quit_and_check()
    check_file(session.workspace)


if __name__ == "__main__":
    sys.exit(e2e.run(scenario, "agreement"))
