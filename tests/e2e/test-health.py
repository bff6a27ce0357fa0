#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test: a low review turns a healthy partnership "At risk", and
# the partner page says why.
#
#   /usr/bin/python3 test-health.py APP CLI
#
# Imports two partners, a good review (all fives) and a recent call for
# "Northwind Analytics" with `accord-cli`, so its health is 95, Healthy
# (only the unmeasured KPIs take 5 points). Starts the real app with today
# pinned (ACCORD_TODAY) and drives it through the accessibility tree
# (AT-SPI), as a person would: opens "Northwind Analytics", reads the score
# and band in the group "Health", presses "Record Review…", rates all five
# 1 of 5, ticks the red flags "Missed commitments" and "Customer
# complaints", types a note and saves with Ctrl+Enter (after checking that
# Escape leaves without saving). Then reads the new score, 35, the band "At
# risk" and the reasons with their points on the page: "The latest
# review’s ratings take 40 points" on top, then "Red flags take 20 points".
# Quits with Ctrl+Q and checks the file with `accord-cli list --json`.
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
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accord_e2e as e2e  # noqa: E402
from accord_e2e import (Atspi, check, cli, cli_partner, cli_partners, do_action,  # noqa: E402
                        do_click, find_all, find_button, find_text, name_of, ok, on_screen,
                        partner_rows, role_of, set_text, text_of, wait_for)

IMPORT_DAY = "2026-10-01"
TODAY = "2026-11-01"               # the app runs with this day pinned
CSV = """name,partnership_type
Northwind Analytics,integration
Contoso Cloud,distribution
"""
REVIEWS = """partner,date,communication,alignment,trust,ease,future_potential,red_flags
Northwind Analytics,2026-10-15,5,5,5,5,5,
"""
FIRST = "Contoso Cloud"            # first by name: selected at start
PARTNER = "Northwind Analytics"
RATINGS = ["Communication", "Strategic alignment", "Trust", "Ease of working together",
           "Future potential"]
FLAGS = ["Missed commitments", "Customer complaints"]
NOTE = "Two launches slipped and a customer complained"
# 100 - (25 - 5) x 2 for the ratings - 2 x 10 for the red flags - 5 for
# the unmeasured KPIs.
SCORE_BEFORE, BAND_BEFORE = "95", "Healthy"
SCORE_AFTER, BAND_AFTER = "35", "At risk"
RATINGS_REASON = "The latest review’s ratings take 40 points"
FLAGS_REASON = "Red flags take 20 points"


# --- Finding things ----------------------------------------------------------------

def is_role(acc, role):
    return role_of(acc) == role


def labels_in(acc):
    """The texts of the labels on screen inside `acc`, top to bottom."""
    labels = find_all(acc, lambda a: is_role(a, Atspi.Role.LABEL) and on_screen(a))
    return [text_of(label) for label in labels]


def health_list(frame):
    """The group “Health”: a list named by its title."""
    return e2e.one(find_all(frame, lambda a: is_role(a, Atspi.Role.LIST)
                            and name_of(a) == "Health" and on_screen(a)),
                   "the group “Health”")


def rows_of(health):
    """The titles of the group's own rows, top to bottom."""
    return [name_of(a) for a in e2e.children(health)
            if is_role(a, Atspi.Role.LIST_ITEM) and on_screen(a)]


def row_in(root, title):
    return e2e.one(find_all(root, lambda a: is_role(a, Atspi.Role.LIST_ITEM)
                            and name_of(a) == title and on_screen(a)),
                   f"the row “{title}”")


def name_field_text(frame):
    field = find_text(frame, "Name")
    return text_of(field) if field is not None else None


def dialog_named(app, title):
    dialogs = [c for c in e2e.children(app.root)
               if is_role(c, Atspi.Role.DIALOG) and name_of(c) == title]
    return dialogs[0] if dialogs else None


def named(root, name, roles):
    # GTK 4.8 may repeat a name ("Trust Trust"): label_matches takes both.
    return e2e.one(find_all(root, lambda a: role_of(a) in roles
                            and e2e.label_matches(name_of(a), name) and on_screen(a)),
                   f"“{name}”")


def dialog_window(app, title):
    """The X window of the dialog called `title`."""
    def window():
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                               capture_output=True, text=True).stdout.split()
        for w in found:
            name = subprocess.run(["xdotool", "getwindowname", w],
                                  capture_output=True, text=True).stdout.strip()
            if name == title:
                return w
        return None
    return wait_for(f"the X window of “{title}”", window)


def dialog_key(app, title, keys):
    """Type `keys` into the dialog's own X window (there is no window manager
    to move the keyboard focus there)."""
    w = dialog_window(app, title)
    e2e.xdotool("windowfocus", "--sync", w)
    e2e.xdotool("key", "--clearmodifiers", keys)


def dialog_click(app, title, dialog, acc, what):
    """Click the middle of a widget of the dialog with the pointer, first
    scrolling it into view with the mouse wheel (GTK 4.8 gives check boxes
    no accessible action)."""
    w = dialog_window(app, title)
    for _ in range(20):
        e2e.refresh()
        box = e2e.extents_of(dialog)
        extents = e2e.extents_of(acc)
        if extents is None or extents.width <= 0 or extents.height <= 0:
            raise e2e.Failure(f"{what} is not on screen")
        middle = extents.y + extents.height // 2
        if box is None or 0 < middle < box.height - 8:
            e2e.xdotool("mousemove", "--window", w, str(extents.x + extents.width // 2),
                        str(middle), "click", "1")
            return
        # Wheel down (5) or up (4) over the middle of the dialog.
        e2e.xdotool("mousemove", "--window", w, str(box.width // 2), str(box.height // 2),
                    "click", "5" if middle >= box.height - 8 else "4")
        time.sleep(0.2)
    raise e2e.Failure(f"could not scroll {what} into view")


# --- The scenario -----------------------------------------------------------------

def prepare(session):
    partners = os.path.join(session.tmp, "partners.csv")
    with open(partners, "w") as f:
        f.write(CSV)
    reviews = os.path.join(session.tmp, "reviews.csv")
    with open(reviews, "w") as f:
        f.write(REVIEWS)
    ws = ("--workspace", session.workspace)
    cli(*ws, "--today", IMPORT_DAY, "import", partners, what="accord-cli import")
    cli(*ws, "--today", TODAY, "import", "--reviews", reviews, what="accord-cli import --reviews")
    cli(*ws, "--today", TODAY, "log", "--partner", PARTNER, "--kind", "call", "--date",
        "2026-10-28", "--summary", "Monthly check-in", what="accord-cli log")
    names = sorted(p.get("name") for p in cli_partners(session.workspace))
    check(names == sorted([FIRST, PARTNER]), "accord-cli imports two partners",
          f"names: {names}")
    partner = cli_partner(session.workspace, PARTNER)
    check(partner.get("health_band") == "healthy",
          f"before: accord-cli says “{PARTNER}” is healthy",
          f"health: {partner.get('health_score')!r} {partner.get('health_band')!r}")
    session.env["ACCORD_TODAY"] = TODAY
    # A desktop notification would go to a bus this session does not have.
    session.env["ACCORD_NO_NOTIFY"] = "1"


def open_partner(app):
    wait_for(f"“{FIRST}” to be shown at start", lambda: name_field_text(app.frame) == FIRST)
    rows = wait_for(f"“{PARTNER}” in the partner list", lambda: partner_rows(app.frame, PARTNER))
    app.click_at(rows[0], f"the row “{PARTNER}”")
    wait_for(f"the partner page to show “{PARTNER}”",
             lambda: name_field_text(app.frame) == PARTNER)
    ok(f"clicking “{PARTNER}” in the list shows its page")


def check_score(app, score, band, when):
    health = wait_for("the group “Health”", lambda: health_list(app.frame))

    def shows():
        row = row_in(health, "Health score")
        return row is not None and score in labels_in(row) and band in labels_in(row)
    try:
        wait_for(f"“Health score” to read {score}, {band}", shows)
    except e2e.Failure as e:
        row = row_in(health, "Health score")
        check(False, f"{when}: the page shows the health score {score}, “{band}”",
              f"{e}\nthe row shows {labels_in(row) if row is not None else None}")
    ok(f"{when}: the page shows the health score {score} with the band “{band}” in words")
    return health


def record_review(app, workspace):
    record = wait_for("the button “Record Review…”",
                      lambda: e2e.one(find_button(app.frame, "Record Review…"),
                                      "the button “Record Review…”"))
    # Escape leaves without saving.
    do_click(record, "“Record Review…”")
    wait_for("the dialog “Record Review”", lambda: dialog_named(app, "Record Review"))
    dialog_key(app, "Record Review", "Escape")
    wait_for("Escape to close the dialog", lambda: dialog_named(app, "Record Review") is None)
    partner = cli_partner(workspace, PARTNER)
    check(partner.get("health_score") == int(SCORE_BEFORE),
          "Escape closes the dialog “Record Review” and saves nothing",
          f"health: {partner.get('health_score')!r}")

    do_click(record, "“Record Review…”")
    try:
        dialog = wait_for("the dialog “Record Review”", lambda: dialog_named(app, "Record Review"))
    except e2e.Failure as e:
        check(False, "“Record Review…” opens the dialog “Record Review”", str(e))
    ok("“Record Review…” opens the dialog “Record Review”")
    date = wait_for("the field “Date (YYYY-MM-DD)”", lambda: find_text(dialog, "Date (YYYY-MM-DD)"))
    check(text_of(date) == TODAY, f"the review is dated today, {TODAY}",
          f"it reads {text_of(date)!r}")

    for rating in RATINGS:
        name = f"{rating}: 1 of 5"
        try:
            button = wait_for(f"the button “{name}”",
                              lambda: named(dialog, name, (Atspi.Role.TOGGLE_BUTTON,
                                                           Atspi.Role.PUSH_BUTTON)))
        except e2e.Failure as e:
            check(False, f"the dialog has a rating button “{name}”", f"{e}\n{e2e.dump(dialog)}")
        do_click(button, f"“{name}”")
        wait_for(f"“{name}” to be pressed",
                 lambda: e2e.has_state(button, Atspi.StateType.PRESSED)
                 or e2e.has_state(button, Atspi.StateType.CHECKED))
    ok("rated communication, alignment, trust, ease and future potential 1 of 5")

    for flag in FLAGS:
        try:
            box = wait_for(f"the check box “{flag}”",
                           lambda: named(dialog, flag, (Atspi.Role.CHECK_BOX,
                                                        Atspi.Role.CHECK_MENU_ITEM)))
        except e2e.Failure as e:
            check(False, f"the dialog has a check box “{flag}”", f"{e}\n{e2e.dump(dialog)}")
        names = e2e.action_names(box)
        if names:
            do_action(box, "click" if "click" in names else names[0], f"“{flag}”")
        else:
            dialog_click(app, "Record Review", dialog, box, f"“{flag}”")
        wait_for(f"“{flag}” to be ticked", lambda: e2e.has_state(box, Atspi.StateType.CHECKED))
    ok(f"ticked the red flags {', '.join(f'“{f}”' for f in FLAGS)}")

    notes = wait_for("the field “Notes”", lambda: find_text(dialog, "Notes"))
    set_text(notes, NOTE, "“Notes”")
    wait_for(f"“Notes” to read “{NOTE}”", lambda: text_of(notes) == NOTE)

    check(e2e.one(find_button(dialog, "Save"), "the button “Save”") is not None,
          "the dialog has a button “Save”")
    dialog_key(app, "Record Review", "ctrl+Return")
    wait_for("the dialog to close", lambda: dialog_named(app, "Record Review") is None)
    ok("Ctrl+Enter saves the review and closes the dialog")


def check_reasons(health):
    try:
        wait_for(f"the reason “{RATINGS_REASON}”", lambda: row_in(health, RATINGS_REASON))
    except e2e.Failure as e:
        check(False, f"the page says “{RATINGS_REASON}”", f"{e}\nrows: {rows_of(health)}")
    rows = rows_of(health)
    check(rows[:3] == ["Health score", RATINGS_REASON, FLAGS_REASON],
          f"the biggest reasons come first: “{RATINGS_REASON}”, then “{FLAGS_REASON}”",
          f"rows: {rows}")
    flags = row_in(health, FLAGS_REASON)
    texts = labels_in(flags)
    check(", ".join(FLAGS) in texts, f"“{FLAGS_REASON}” names them: {', '.join(FLAGS)}",
          f"the row shows {texts}")
    ratings = labels_in(row_in(health, RATINGS_REASON))
    check(any("Trust 1" in t for t in ratings),
          "the ratings reason says which ratings pulled it down", f"the row shows {ratings}")


def check_file(workspace):
    partner = cli_partner(workspace, PARTNER)
    check(partner is not None, f"accord-cli lists “{PARTNER}”")
    check(partner.get("health_score") == int(SCORE_AFTER) and
          partner.get("health_band") == "at-risk",
          f"accord-cli agrees: {SCORE_AFTER}, at-risk",
          f"health: {partner.get('health_score')!r} {partner.get('health_band')!r}")
    reasons = {r.get("input"): r.get("effect") for r in partner.get("health_reasons", [])}
    check(reasons.get("ratings") == -40 and reasons.get("red-flags") == -20,
          "and gives the same reasons: ratings -40, red flags -20", f"reasons: {reasons}")


def scenario(session):
    if not e2e.USE_XDOTOOL:
        e2e.skip("xdotool is needed to type Escape, Ctrl+Enter and Ctrl+Q")
    prepare(session)
    app = session.start("app")
    ok(f"the app starts on the prepared workspace with today pinned to {TODAY}")
    open_partner(app)
    e2e.show_section(app, "Health")
    check_score(app, SCORE_BEFORE, BAND_BEFORE, "before")
    record_review(app, session.workspace)
    health = check_score(app, SCORE_AFTER, BAND_AFTER, "after the review")
    check_reasons(health)
    app.quit_and_check()
    check_file(session.workspace)


if __name__ == "__main__":
    sys.exit(e2e.run(scenario, "health"))
