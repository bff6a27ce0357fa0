#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test: outreach with follow-ups, stopped by a reply.
#
#   /usr/bin/python3 test-outreach.py APP CLI
#
# Imports two partners with `accord-cli import` and starts a launch on one
# of them (so What Is Due is never empty), then starts the real app with
# today pinned (ACCORD_TODAY) and drives it through the accessibility tree
# (AT-SPI), as a person would: opens "Northwind Analytics", presses "Start
# Playbook…", types the date of the first email and starts the outreach;
# reads the three follow-ups with their dates (days 3, 7 and 14) under "Next
# Steps" and in What Is Due (Ctrl+4); goes back (Ctrl+1), logs their reply
# with "Log Activity…" (kind Email, "They replied"), and sees the follow-ups
# gone from the page and from What Is Due, while the other partner's launch
# steps stay. Quits with Ctrl+Q and checks the file with `accord-cli due`.
#
# Keys and clicks go through xdotool: without it the test is skipped.
#
# Needs an X display and a session bus that can start the accessibility bus:
# tests/e2e/run-e2e provides both. Without them it exits 77 (skipped).
# Output is TAP; the exit status is 0 (pass), 1 (fail) or 77 (skip).
# The shared code is in accord_e2e.py next to this file.
#
# Run it with /usr/bin/python3: the python3 on PATH may lack `gi`.

import json
import os
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accord_e2e as e2e  # noqa: E402
from accord_e2e import (Atspi, check, cli, cli_partners, do_action, do_click,  # noqa: E402
                        find_all, find_button, find_text, name_of, ok, on_screen,
                        partner_rows, role_of, set_text, text_of, wait_for)

IMPORT_DAY = "2026-02-01"
TODAY = "2026-03-10"               # the app runs with this day pinned
CSV = """name,partnership_type
Northwind Analytics,integration
Contoso Cloud,distribution
"""
FIRST = "Contoso Cloud"            # first by name: selected at start
PARTNER = "Northwind Analytics"
FIRST_EMAIL = "2026-03-02"
LAUNCH = "2026-04-20"              # Contoso's launch: its first steps are due now
LAUNCH_STEP = "Brief the stakeholders"   # L - 42 = 2026-03-09: overdue
# The follow-ups: days 3, 7 and 14 after the first email, as the rows read
# them on TODAY.
FOLLOW_UPS = [
    ("Follow up with a gentle nudge", "2026-03-05", "Follow-ups · 5 Mar 2026, 5 days ago"),
    ("Follow up with something of value", "2026-03-09", "Follow-ups · 9 Mar 2026, yesterday"),
    ("Offer to close the loop", "2026-03-16", "Follow-ups · 16 Mar 2026, in 6 days"),
]
REPLY = "They are keen: a call next week"


# --- Finding things ----------------------------------------------------------------

def is_role(acc, role):
    return role_of(acc) == role


def labels_in(acc):
    """The texts of the labels on screen inside `acc`, top to bottom."""
    labels = find_all(acc, lambda a: is_role(a, Atspi.Role.LABEL) and on_screen(a))
    return [text_of(label) for label in labels]


def group(root, title):
    """A preferences group: a list named by its title."""
    return e2e.one(find_all(root, lambda a: is_role(a, Atspi.Role.LIST)
                            and name_of(a) == title and on_screen(a)),
                   f"the group “{title}”")


def rows_named(root, title):
    return find_all(root, lambda a: is_role(a, Atspi.Role.LIST_ITEM)
                    and name_of(a) == title and on_screen(a))


class Groups:
    """The partner page's “Next Steps” and “Activity”: their lists (rows)
    and boxes (title, description, header buttons and the list). Found in
    one walk: they stay the same widgets from partner to partner."""

    def __init__(self, frame):
        def probe():
            lists = find_all(frame, lambda a: is_role(a, Atspi.Role.LIST)
                             and name_of(a) in ("Next Steps", "Activity") and on_screen(a))
            found = {name_of(a): a for a in lists}
            if len(lists) > 2:
                raise e2e.Ambiguous(f"{len(lists)} groups called “Next Steps” or “Activity”")
            return found if len(found) == 2 else None
        found = wait_for("the groups “Next Steps” and “Activity”", probe)
        self.steps = found["Next Steps"]
        self.activity = found["Activity"]
        # list < its box < the group's box
        self.steps_box = e2e.parent_of(e2e.parent_of(self.steps))
        self.activity_box = e2e.parent_of(e2e.parent_of(self.activity))


def name_field_text(frame):
    field = find_text(frame, "Name")
    return text_of(field) if field is not None else None


def dialog_named(app, title):
    dialogs = [c for c in e2e.children(app.root)
               if is_role(c, Atspi.Role.DIALOG) and name_of(c) == title]
    return dialogs[0] if dialogs else None


def button(root, label):
    return wait_for(f"the button “{label}”",
                    lambda: e2e.one(find_button(root, label), f"the button “{label}”"))


DUE_GROUPS = ("Overdue", "Today", "This Week", "Later")


def find_shallowest(root, predicate):
    """The matches closest to `root`, breadth first: cheaper than walking
    the whole window when what is looked for sits high in the tree."""
    level = [root]
    seen = set()
    while level:
        found = [a for a in level if predicate(a)]
        if found:
            return found
        following = []
        for acc in level:
            if acc not in seen:
                seen.add(acc)
                following.extend(e2e.children(acc))
        level = following
    return []


def due_view(frame):
    """The groups of What Is Due, shown: a panel of that name. Found once
    per visit, as walking the whole window takes a while."""
    return e2e.one(find_shallowest(frame, lambda a: is_role(a, Atspi.Role.PANEL)
                                   and name_of(a) == "What Is Due" and on_screen(a)),
                   "the panel “What Is Due”")


def due_rows(view):
    """{title of a row: title of its group} in What Is Due."""
    rows = {}
    for lst in find_all(view, lambda a: is_role(a, Atspi.Role.LIST)
                        and name_of(a) in DUE_GROUPS and on_screen(a)):
        for row in find_all(lst, lambda a: is_role(a, Atspi.Role.LIST_ITEM) and on_screen(a)):
            if name_of(row):
                rows[name_of(row)] = name_of(lst)
    return rows


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
    cli("--workspace", session.workspace, "--today", TODAY, "start", "launch",
        "--partner", FIRST, "--date", LAUNCH, "--name", "Spring launch",
        what="accord-cli start launch")
    ok(f"accord-cli starts a launch on “{FIRST}” for {LAUNCH}")
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


def start_outreach(app, groups):
    steps = groups.steps
    check("No next steps" in labels_in(steps), "“Next Steps” starts with “No next steps”",
          f"it shows {labels_in(steps)}")
    do_click(button(groups.steps_box, "Start Playbook…"), "“Start Playbook…”")
    try:
        dialog = wait_for("the dialog “Start Playbook”", lambda: dialog_named(app, "Start Playbook"))
    except e2e.Failure as e:
        check(False, "“Start Playbook…” opens the dialog “Start Playbook”", str(e))
    ok("“Start Playbook…” opens the dialog “Start Playbook”")

    combo = wait_for("the row “Playbook”",
                     lambda: e2e.one(find_all(dialog, lambda a: is_role(a, Atspi.Role.COMBO_BOX)
                                              and name_of(a) == "Playbook" and on_screen(a)),
                                     "the row “Playbook”"))
    check("Outreach" in labels_in(combo), "the dialog offers the outreach playbook first",
          f"the row shows {labels_in(combo)}")

    label = "First email on (YYYY-MM-DD)"
    field = wait_for(f"the field “{label}”", lambda: find_text(dialog, label))
    check(text_of(field) == TODAY, f"“{label}” starts on today, {TODAY}",
          f"it reads {text_of(field)!r}")
    set_text(field, FIRST_EMAIL, f"“{label}”")
    wait_for(f"“{label}” to read “{FIRST_EMAIL}”", lambda: text_of(field) == FIRST_EMAIL)

    # The dialog shows the dates before anything is saved.
    preview = wait_for("the group “Steps”", lambda: group(dialog, "Steps"))
    try:
        wait_for("the steps to be dated from the first email",
                 lambda: all(sub in labels_in(preview) for _, _, sub in FOLLOW_UPS))
    except e2e.Failure as e:
        check(False, "the dialog dates the follow-ups from the first email",
              f"{e}\nthe steps read {labels_in(preview)}")
    ok(f"typed the first email's date {FIRST_EMAIL}; the dialog dates the follow-ups from it")

    do_click(button(dialog, "Start"), "“Start”")
    wait_for("the dialog to close", lambda: dialog_named(app, "Start Playbook") is None)
    ok("“Start” starts the outreach and closes the dialog")


def check_follow_ups(app, groups, workspace):
    steps = groups.steps
    try:
        wait_for("the three follow-ups under “Next Steps”",
                 lambda: all(rows_named(steps, title) for title, _, _ in FOLLOW_UPS))
    except e2e.Failure as e:
        check(False, "“Next Steps” lists the three follow-ups",
              f"{e}\nthe group shows {labels_in(steps)}")
    texts = labels_in(steps)
    for title, _, subtitle in FOLLOW_UPS:
        check(subtitle in texts, f"“Next Steps” shows “{title}”, “{subtitle}”",
              f"the group shows {texts}")
    check(texts.count("Overdue") == 3,
          "the first email and the two late follow-ups say “Overdue”", f"the group shows {texts}")

    # Saved: accord-cli sees them too.
    due = json.loads(cli("--workspace", workspace, "--today", TODAY, "due", "--days",
                         "30", "--json", what="accord-cli due"))
    mine = sorted((d.get("title"), d.get("due")) for d in due if d.get("partner") == PARTNER)
    expected = sorted([("Send the first email", FIRST_EMAIL)] +
                      [(title, day) for title, day, _ in FOLLOW_UPS])
    check(mine == expected, "accord-cli due lists the first email and the three follow-ups",
          f"due: {mine}")


def show_due(app, what):
    app.key("ctrl+4")
    try:
        return wait_for("What Is Due", lambda: due_view(app.frame))
    except e2e.Failure as e:
        check(False, f"Ctrl+4 shows What Is Due {what}", str(e))


def check_due_before(app):
    view = show_due(app, "with the follow-ups")
    expected = {FOLLOW_UPS[0][0]: "Overdue", FOLLOW_UPS[1][0]: "Overdue",
                FOLLOW_UPS[2][0]: "This Week", LAUNCH_STEP: "Overdue"}
    try:
        wait_for("the follow-ups in What Is Due",
                 lambda: all(due_rows(view).get(t) == g for t, g in expected.items()))
    except e2e.Failure as e:
        check(False, "What Is Due lists the follow-ups", f"{e}\nrows: {due_rows(view)}")
    ok("Ctrl+4 shows What Is Due: two follow-ups and the launch's first step under “Overdue”, "
       "“Offer to close the loop” under “This Week”")
    rows = find_all(view, lambda a: is_role(a, Atspi.Role.LIST_ITEM)
                    and name_of(a) == FOLLOW_UPS[0][0] and on_screen(a))
    texts = labels_in(rows[0]) if rows else []
    line = f"{PARTNER} · 5 Mar 2026, 5 days ago · Outreach"
    check(line in texts, f"the row reads “{line}”", f"it shows {texts}")


def log_reply(app, groups):
    app.key("ctrl+1")
    wait_for(f"the partner page of “{PARTNER}”", lambda: name_field_text(app.frame) == PARTNER)
    activity = groups.activity
    # The description sits above the list, in the group's own box.
    header = groups.activity_box
    check("No contact logged yet" in labels_in(header),
          "the group “Activity” says “No contact logged yet”", f"it shows {labels_in(activity)}")

    do_click(button(header, "Log Activity…"), "“Log Activity…”")
    try:
        dialog = wait_for("the dialog “Log Activity”", lambda: dialog_named(app, "Log Activity"))
    except e2e.Failure as e:
        check(False, "“Log Activity…” opens the dialog “Log Activity”", str(e))
    ok("“Log Activity…” opens the dialog “Log Activity”")

    kind = wait_for("the row “Kind”",
                    lambda: e2e.one(find_all(dialog, lambda a: is_role(a, Atspi.Role.COMBO_BOX)
                                             and name_of(a) == "Kind" and on_screen(a)),
                                    "the row “Kind”"))
    check("Email" in labels_in(kind), "the kind is “Email”", f"the row shows {labels_in(kind)}")
    date = wait_for("the field “Date (YYYY-MM-DD)”", lambda: find_text(dialog, "Date (YYYY-MM-DD)"))
    check(text_of(date) == TODAY, f"the date is today, {TODAY}", f"it reads {text_of(date)!r}")
    summary = wait_for("the field “Summary”", lambda: find_text(dialog, "Summary"))
    set_text(summary, REPLY, "“Summary”")
    wait_for(f"“Summary” to read “{REPLY}”", lambda: text_of(summary) == REPLY)

    def find_switch():
        return e2e.one(find_all(dialog, lambda a: name_of(a) == "They replied"
                                and role_of(a) in (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX)
                                and on_screen(a)),
                       "the switch “They replied”")
    try:
        switch = wait_for("the switch “They replied”", find_switch)
    except e2e.Failure as e:
        check(False, "the dialog has a switch “They replied”", f"{e}\n{e2e.dump(dialog)}")
    names = e2e.action_names(switch)
    do_action(switch, "click" if "click" in names else names[0], "the switch “They replied”")
    try:
        wait_for("“They replied” to be on",
                 lambda: e2e.has_state(switch, Atspi.StateType.CHECKED)
                 or e2e.has_state(switch, Atspi.StateType.PRESSED))
    except e2e.Failure as e:
        check(False, "“They replied” turns on", f"{e}\nactions: {names}")
    ok(f"typed the summary “{REPLY}” and turned “They replied” on")

    do_click(button(dialog, "Log"), "“Log”")
    wait_for("the dialog to close", lambda: dialog_named(app, "Log Activity") is None)
    ok("“Log” logs the reply and closes the dialog")

    try:
        wait_for("the reply in the timeline",
                 lambda: rows_named(activity, REPLY))
    except e2e.Failure as e:
        check(False, "the timeline shows the reply", f"{e}\nit shows {labels_in(activity)}")
    row = rows_named(activity, REPLY)[0]
    texts = labels_in(row)
    check("Reply" in texts and "Email · 10 Mar 2026, today" in texts,
          f"the timeline shows “{REPLY}”, “Email · 10 Mar 2026, today” with the badge “Reply”",
          f"the row shows {texts}")
    check("Last contact today" in labels_in(header),
          "the “no contact” clock is reset: “Last contact today”", "")

    steps = groups.steps
    try:
        wait_for("the follow-ups to leave “Next Steps”",
                 lambda: not any(rows_named(steps, title) for title, _, _ in FOLLOW_UPS))
    except e2e.Failure as e:
        check(False, "the reply stops the follow-ups on the page",
              f"{e}\nthe group shows {labels_in(steps)}")
    ok("the reply stops the follow-ups: “Next Steps” lists none")


def check_due_after(app):
    view = show_due(app, "after the reply")

    def gone():
        rows = due_rows(view)
        return rows.get(LAUNCH_STEP) == "Overdue" and not any(t in rows for t, _, _ in FOLLOW_UPS)
    try:
        wait_for("the follow-ups to be gone from What Is Due", gone)
    except e2e.Failure as e:
        check(False, "What Is Due no longer lists the follow-ups", f"{e}\nrows: {due_rows(view)}")
    ok(f"What Is Due lists no follow-up any more; “{LAUNCH_STEP}” of {FIRST} stays")


def check_file(workspace):
    due = json.loads(cli("--workspace", workspace, "--today", TODAY, "due", "--all", "--json",
                         what="accord-cli due"))
    mine = [d.get("title") for d in due if d.get("partner") == PARTNER]
    check(mine == [], f"accord-cli due lists nothing for “{PARTNER}”", f"due: {mine}")
    theirs = [d.get("title") for d in due if d.get("partner") == FIRST]
    check(LAUNCH_STEP in theirs, f"accord-cli due still lists the launch of “{FIRST}”",
          f"due: {theirs}")


def scenario(session):
    if not e2e.USE_XDOTOOL:
        e2e.skip("xdotool is needed to type Ctrl+4, Ctrl+1 and Ctrl+Q")
    prepare(session)
    app = session.start("app")
    ok(f"the app starts on the imported workspace with today pinned to {TODAY}")
    open_partner(app)
    e2e.show_section(app, "Work")
    groups = Groups(app.frame)
    start_outreach(app, groups)
    check_follow_ups(app, groups, session.workspace)
    check_due_before(app)
    log_reply(app, groups)
    check_due_after(app)
    app.quit_and_check()
    check_file(session.workspace)


if __name__ == "__main__":
    sys.exit(e2e.run(scenario, "outreach"))
