#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test: qualify a partner and track it on the board.
#
#   /usr/bin/python3 test-qualify.py APP CLI
#
# Imports three partners with `accord-cli import`, starts the real app on
# that workspace and drives it through the accessibility tree (AT-SPI), as a
# person would: selects "Northwind Analytics" in the partner list, rates the
# five fit criteria 5, 5, 4, 4, 4 and reads "50 of 55, Pursue aggressively";
# shows the board with the sidebar's "Show as Board" button, checks the
# stages the card's menu offers, clicks the card and moves it to Outreach
# with Ctrl+Right, opens it with Enter, and reads the new stage and the two
# entries of the stage history on its page; quits with Ctrl+Q and checks the
# file with `accord-cli list --json`.
#
# Keys and clicks go through xdotool: without it the test is skipped.
#
# GTK 4.8 keeps the last size of a page of a GtkStack once it has been
# shown, so after switching views the hidden one still looks laid out. The
# test tells the views apart by what they hold: the board has cards only
# while it is shown, and the partner page is only in the list view.
#
# Needs an X display and a session bus that can start the accessibility bus:
# tests/e2e/run-e2e provides both. Without them it exits 77 (skipped).
# Output is TAP; the exit status is 0 (pass), 1 (fail) or 77 (skip).
# The shared code is in accord_e2e.py next to this file.
#
# Run it with /usr/bin/python3: the python3 on PATH may lack `gi`.

import datetime
import os
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accord_e2e as e2e  # noqa: E402
from accord_e2e import (Atspi, check, cli, cli_partner, cli_partners,  # noqa: E402
                        description_of, do_click, extents_of, find_all, find_button,
                        find_text, has_state, name_of, ok, on_screen, parent_of,
                        partner_rows, role_of, text_of, wait_for)

IMPORT_DAY = "2026-11-21"
CSV = """name,partnership_type
Northwind Analytics,integration
Contoso Cloud,distribution
Adventure Works,co-marketing
"""
FIRST = "Adventure Works"          # first by name: selected at start
PARTNER = "Northwind Analytics"
PARTNER_TYPE = "Integration"

# Criterion (as the rating buttons name it), rating, key in `list --json`.
RATINGS = [
    ("Strategic alignment", 5, "strategic_alignment"),
    ("Value exchange", 5, "value_exchange"),
    ("Reach and influence", 4, "reach"),
    ("Operational fit", 4, "operational_fit"),
    ("Partnership readiness", 4, "readiness"),
]
SCORE = "50 of 55"                 # 3×5 + 3×5 + 2×4 + 2×4 + 1×4 = 50
BAND = "Pursue aggressively"
PRIORITY = "High, from the fit"
# The moves the lifecycle allows from Identified, in the board's order.
ALLOWED_FROM_IDENTIFIED = ["Outreach", "On hold", "Ended"]


def today():
    # The app takes "today" from the clock, in its time zone: UTC here.
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


# --- Finding things ----------------------------------------------------------------

def is_role(acc, role):
    return role_of(acc) == role


def group(frame, title):
    """A preferences group of the partner page: a list named by its title."""
    return e2e.one(find_all(frame, lambda a: is_role(a, Atspi.Role.LIST)
                            and name_of(a) == title and on_screen(a)),
                   f"the group “{title}”")


def labels_in(acc):
    """The texts of the labels on screen inside `acc`, top to bottom."""
    labels = find_all(acc, lambda a: is_role(a, Atspi.Role.LABEL) and on_screen(a))
    return [text_of(label) for label in labels]


def score_row(frame):
    return e2e.one(find_all(frame, lambda a: is_role(a, Atspi.Role.LIST_ITEM)
                            and name_of(a) == "Fit score" and on_screen(a)),
                   "the row “Fit score”")


def rating_button(fit, criterion, rating):
    name = f"{criterion}: {rating} of 5"
    return e2e.one(find_all(fit, lambda a: is_role(a, Atspi.Role.PUSH_BUTTON)
                            and name_of(a) == name and on_screen(a)),
                   f"the button “{name}”")


def pressed(acc):
    return has_state(acc, Atspi.StateType.PRESSED) or has_state(acc, Atspi.StateType.CHECKED)


def name_field_text(frame):
    field = find_text(frame, "Name")
    return text_of(field) if field is not None else None


def board(frame):
    return e2e.one(find_all(frame, lambda a: is_role(a, Atspi.Role.PANEL)
                            and name_of(a) == "Pipeline" and on_screen(a)),
                   "the board “Pipeline”")


def cards(pipeline, partner):
    """The cards of `partner` on the board: named “NAME, STAGE”. The list's
    row around a card carries the card's name too; the card is inside it."""
    prefix = f"{partner}, "
    return find_all(pipeline, lambda a: name_of(a).startswith(prefix)
                    and role_of(a) not in (Atspi.Role.LABEL, Atspi.Role.PUSH_BUTTON,
                                           Atspi.Role.LIST_ITEM)
                    and on_screen(a))


def column_list(pipeline, stage):
    """The list of cards of the column `stage` (named by the stage)."""
    return e2e.one(find_all(pipeline, lambda a: is_role(a, Atspi.Role.LIST)
                            and name_of(a) == stage),
                   f"the column “{stage}”")


def column_count(pipeline, stage):
    """The count shown next to the column's title, as text."""
    titles = find_all(pipeline, lambda a: is_role(a, Atspi.Role.LABEL)
                      and text_of(a) == stage and on_screen(a))
    counts = []
    for title in titles:
        header = [c for c in e2e.children(parent_of(title)) if is_role(c, Atspi.Role.LABEL)]
        if len(header) == 2 and text_of(header[0]) == stage:
            counts.append(text_of(header[1]))
    if len(counts) > 1:
        raise e2e.Ambiguous(f"{len(counts)} column headers read “{stage}”")
    return counts[0] if counts else None


def focused_card(pipeline, partner):
    """The card of `partner` whose list row has the keyboard focus."""
    return [card for card in cards(pipeline, partner)
            if has_state(parent_of(card), Atspi.StateType.FOCUSED)
            or has_state(card, Atspi.StateType.FOCUSED)]


def stage_row(lifecycle):
    """The row of the “Lifecycle” group that shows the current stage: a
    direct row of the group (the history's rows sit in the expander)."""
    rows = [r for r in e2e.children(lifecycle)
            if is_role(r, Atspi.Role.LIST_ITEM) and on_screen(r)
            and name_of(r) not in ("", "Stage history")]
    return e2e.one(rows, "the stage row of “Lifecycle”")


def history_header(lifecycle):
    """The header row of “Stage history”: the expander row itself carries
    the same name, so take the one inside it."""
    rows = find_all(lifecycle, lambda a: is_role(a, Atspi.Role.LIST_ITEM)
                    and name_of(a) == "Stage history" and on_screen(a))

    def inside_another(row):
        parent = parent_of(row)
        while parent is not None:
            if parent in rows:
                return True
            parent = parent_of(parent)
        return False
    inner = [r for r in rows if inside_another(r)]
    return e2e.one(inner or rows, "the row “Stage history”")


def history_rows(lifecycle):
    """The rows inside “Stage history” that are laid out, top to bottom."""
    rows = find_all(lifecycle, lambda a: is_role(a, Atspi.Role.LIST_ITEM)
                    and name_of(a) not in ("", "Stage history")
                    and parent_of(a) is not None
                    and name_of(parent_of(a)) != "Lifecycle"
                    and on_screen(a))
    return sorted(rows, key=lambda r: extents_of(r).y)


# --- The scenario -----------------------------------------------------------------

def prepare(session):
    csv = os.path.join(session.tmp, "partners.csv")
    with open(csv, "w") as f:
        f.write(CSV)
    cli("--workspace", session.workspace, "--today", IMPORT_DAY, "import", csv,
        what="accord-cli import")
    names = sorted(p.get("name") for p in cli_partners(session.workspace))
    check(names == sorted(["Adventure Works", "Contoso Cloud", PARTNER]),
          "accord-cli imports three partners", f"names: {names}")


def select_partner(app):
    wait_for(f"“{FIRST}” to be shown at start",
             lambda: name_field_text(app.frame) == FIRST)
    ok(f"the app starts with the first partner, “{FIRST}”, shown")

    rows = wait_for(f"“{PARTNER}” in the partner list",
                    lambda: partner_rows(app.frame, PARTNER))
    app.click_at(rows[0], f"the row “{PARTNER}”")
    wait_for(f"the partner page to show “{PARTNER}”",
             lambda: name_field_text(app.frame) == PARTNER)
    ok(f"clicking “{PARTNER}” in the list shows its page")


def rate(app, workspace):
    e2e.show_section(app, "Fit")
    # Walking the whole window takes a while: look inside the groups.
    fit = wait_for("the group “Fit”", lambda: group(app.frame, "Fit"))
    row = wait_for("the row “Fit score”", lambda: score_row(app.frame))
    check("Incomplete" in labels_in(row), "the fit score reads “Incomplete” before any rating",
          f"the row shows {labels_in(row)}")

    for i, (criterion, rating, _) in enumerate(RATINGS):
        button = wait_for(f"the button “{criterion}: {rating} of 5”",
                          lambda: rating_button(fit, criterion, rating))
        do_click(button, f"“{criterion}: {rating} of 5”")
        wait_for(f"“{criterion}: {rating} of 5” to be pressed", lambda: pressed(button))
        if i == len(RATINGS) - 2:
            labels = labels_in(row)
            check("Incomplete" in labels and SCORE not in labels,
                  "with four of five criteria rated the score still reads “Incomplete”",
                  f"the row shows {labels}")
    ok("rated the five criteria " + ", ".join(str(r) for _, r, _ in RATINGS))

    try:
        wait_for(f"“Fit score” to read “{SCORE}”, “{BAND}”",
                 lambda: {SCORE, BAND} <= set(labels_in(row)))
    except e2e.Failure as e:
        check(False, f"“Fit score” reads “{SCORE}” and “{BAND}”",
              f"{e}\nthe row shows {labels_in(row)}")
    ok(f"“Fit score” reads “{SCORE}” with the band “{BAND}”")

    # “Priority” is the row under “Fit score”, in the same group.
    priority = wait_for("the row “Priority”",
                        lambda: e2e.one(find_all(parent_of(row), lambda a:
                                                 is_role(a, Atspi.Role.COMBO_BOX)
                                                 and name_of(a) == "Priority"
                                                 and on_screen(a)),
                                        "the row “Priority”"))
    try:
        wait_for(f"“Priority” to say “{PRIORITY}”", lambda: PRIORITY in labels_in(priority))
    except e2e.Failure as e:
        check(False, f"“Priority” says “{PRIORITY}”", f"{e}\nit shows {labels_in(priority)}")
    ok(f"“Priority” says “{PRIORITY}”")

    def saved():
        partner = cli_partner(workspace, PARTNER)
        return partner is not None and partner.get("fit_score") == 50
    wait_for("the fit to be saved to the workspace file", saved)
    ok("the ratings are saved automatically while the app runs")


def move_on_board(app, workspace):
    show_board = wait_for("the button “Show as Board”",
                          lambda: e2e.one(find_button(app.frame, "Show as Board",
                                                      (Atspi.Role.PUSH_BUTTON,
                                                       Atspi.Role.TOGGLE_BUTTON)),
                                          "the button “Show as Board”"))
    do_click(show_board, "“Show as Board”")
    # The board holds cards only while it is shown.
    pipeline = wait_for("the board", lambda: board(app.frame))
    card = wait_for(f"the card “{PARTNER}, Identified”",
                    lambda: e2e.one([c for c in cards(pipeline, PARTNER)
                                     if name_of(c) == f"{PARTNER}, Identified"],
                                    f"the card “{PARTNER}, Identified”"))
    ok(f"“Show as Board” shows the board with the card “{PARTNER}, Identified”")

    check(description_of(card) == f"{PARTNER_TYPE}, {BAND}",
          f"the card describes the partner as “{PARTNER_TYPE}, {BAND}”",
          f"its description: {description_of(card)!r}")
    counts = {stage: column_count(pipeline, stage) for stage in ("Identified", "Outreach")}
    check(counts == {"Identified": "3", "Outreach": "0"},
          "the columns “Identified” and “Outreach” count 3 and 0", f"counts: {counts}")
    # GTK 4.8 names both a menu button and the toggle button inside it.
    menu = e2e.one([b for b in find_button(card, f"Move “{PARTNER}” to…",
                                           (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON))
                    if name_of(parent_of(b)) != name_of(b)],
                   "the card's menu button")
    check(menu is not None, f"the card has a button “Move “{PARTNER}” to…”")

    # Its menu offers only the moves the lifecycle allows from Identified.
    toggle = e2e.one([b for b in find_button(menu, f"Move “{PARTNER}” to…",
                                             (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON))
                      if b != menu] or [menu], "the toggle of the card's menu button")
    do_click(toggle, f"“Move “{PARTNER}” to…”")

    def menu_items():
        return [name_of(i) for i in find_all(menu, lambda a: is_role(a, Atspi.Role.MENU_ITEM)
                                             and on_screen(a))]
    try:
        wait_for("the card's menu to open", lambda: pressed(toggle) and menu_items())
    except e2e.Failure as e:
        check(False, "the card's menu opens", f"{e}\nitems: {menu_items()}")
    check(menu_items() == ALLOWED_FROM_IDENTIFIED,
          "the card's menu offers " + ", ".join(f"“{s}”" for s in ALLOWED_FROM_IDENTIFIED),
          f"it offers {menu_items()}")
    do_click(toggle, f"“Move “{PARTNER}” to…”")
    wait_for("the card's menu to close", lambda: not pressed(toggle) and not menu_items())

    # Keyboard: a click gives the card the focus, Ctrl+Right moves it on.
    app.click_at(card, f"the card “{PARTNER}”")
    wait_for(f"the card “{PARTNER}” to have the keyboard focus",
             lambda: focused_card(pipeline, PARTNER))
    ok("clicking the card gives it the keyboard focus")
    app.key("ctrl+Right")

    def moved():
        outreach = column_list(pipeline, "Outreach")
        if outreach is None:
            return None
        return e2e.one([c for c in cards(outreach, PARTNER)
                        if name_of(c) == f"{PARTNER}, Outreach"],
                       f"the card “{PARTNER}, Outreach”")
    try:
        wait_for(f"the card to become “{PARTNER}, Outreach”", moved)
    except e2e.Failure as e:
        check(False, "Ctrl+Right moves the card to “Outreach”",
              f"{e}\nthe cards: {[name_of(c) for c in cards(pipeline, PARTNER)]}")
    ok(f"Ctrl+Right moves the card to the column “Outreach”, named “{PARTNER}, Outreach”")

    def counts_after():
        return {stage: column_count(pipeline, stage) for stage in ("Identified", "Outreach")}
    try:
        wait_for("the column counts to follow",
                 lambda: counts_after() == {"Identified": "2", "Outreach": "1"})
    except e2e.Failure as e:
        check(False, "the columns count 2 in “Identified” and 1 in “Outreach”",
              f"{e}\ncounts: {counts_after()}")
    ok("the columns count 2 in “Identified” and 1 in “Outreach”")
    check(description_of(column_list(pipeline, "Outreach")) == "1 partner",
          "the column “Outreach” describes itself as “1 partner”",
          f"its description: {description_of(column_list(pipeline, 'Outreach'))!r}")

    wait_for("the moved card to keep the keyboard focus",
             lambda: [c for c in focused_card(pipeline, PARTNER)
                      if name_of(c) == f"{PARTNER}, Outreach"])
    ok("the moved card keeps the keyboard focus")

    def saved():
        partner = cli_partner(workspace, PARTNER)
        return partner is not None and partner.get("stage") == "outreach"
    wait_for("the move to be saved to the workspace file", saved)
    ok("the move is saved automatically")

    # Enter opens the card: its page, in the list view.
    app.key("Return")
    wait_for("the board to be left", lambda: not cards(pipeline, PARTNER))
    wait_for(f"the partner page of “{PARTNER}”",
             lambda: name_field_text(app.frame) == PARTNER)
    ok(f"Enter on the card shows the page of “{PARTNER}” in the list view")


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def shown_date(iso):
    """A YYYY-MM-DD date as the window shows it in English: "21 Nov 2026"."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def stage_subtitles(moved_on):
    """What the stage row may say: the day of the move and the days since
    (0, unless the test ran over midnight)."""
    now = datetime.date.fromisoformat(today())
    subtitles = set()
    for day in moved_on:
        n = (now - datetime.date.fromisoformat(day)).days
        subtitles.add(f"Since {shown_date(day)}, {n} day" + ("" if n == 1 else "s"))
    return subtitles


def check_lifecycle(app, moved_on):
    e2e.show_section(app, "Overview")
    lifecycle = wait_for("the group “Lifecycle”", lambda: group(app.frame, "Lifecycle"))

    def stage():
        row = stage_row(lifecycle)
        return (name_of(row), labels_in(row)) if row is not None else None
    try:
        wait_for("the stage row to read “Outreach”",
                 lambda: stage() and stage()[0] == "Outreach"
                 and stage_subtitles(moved_on) & set(stage()[1]))
    except e2e.Failure as e:
        check(False, f"“Lifecycle” shows “Outreach”, {' or '.join(stage_subtitles(moved_on))}",
              f"{e}\nthe stage row: {stage()}")
    subtitle = sorted(stage_subtitles(moved_on) & set(stage()[1]))[0]
    ok(f"“Lifecycle” shows the stage “Outreach”, “{subtitle}”")

    header = wait_for("the row “Stage history”", lambda: history_header(lifecycle))
    try:
        wait_for("“Stage history” to say “2 changes”", lambda: "2 changes" in labels_in(header))
    except e2e.Failure as e:
        check(False, "“Stage history” says “2 changes”", f"{e}\nit shows {labels_in(header)}")
    ok("“Stage history” says “2 changes”")

    # Collapsed, its rows are not laid out (they were made after the move).
    check(not history_rows(lifecycle), "“Stage history” starts collapsed",
          f"rows shown: {[name_of(r) for r in history_rows(lifecycle)]}")
    app.click_at(header, "the row “Stage history”")
    rows = wait_for("both rows of the history",
                    lambda: len(history_rows(lifecycle)) >= 2 and history_rows(lifecycle))
    shown = [(name_of(r), labels_in(r)) for r in rows]
    check([name for name, _ in shown] == ["Outreach", "Identified"],
          "clicking “Stage history” shows “Outreach” above “Identified”", f"rows: {shown}")
    check({shown_date(day) for day in moved_on} & set(shown[0][1])
          and shown_date(IMPORT_DAY) in shown[1][1],
          f"the history dates “Outreach” today and “Identified” {IMPORT_DAY}",
          f"rows: {shown}")


def check_file(workspace, moved_on):
    partners = {p.get("name"): p for p in cli_partners(workspace)}
    partner = partners.get(PARTNER)
    check(partner is not None, f"accord-cli lists “{PARTNER}”", f"names: {sorted(partners)}")
    ratings = {key: partner.get(key) for _, _, key in RATINGS}
    check(ratings == {key: rating for _, rating, key in RATINGS},
          "the file has the ratings 5, 5, 4, 4, 4", f"ratings: {ratings}")
    fit = {key: partner.get(key) for key in ("fit_score", "fit_band", "priority")}
    check(fit == {"fit_score": 50, "fit_band": "pursue", "priority": "high"},
          "the file has fit score 50, band “pursue”, priority “high”", f"fit: {fit}")
    check(partner.get("stage") == "outreach", "the file has the stage “outreach”",
          f"stage: {partner.get('stage')!r}")
    history = [(h.get("stage"), h.get("date")) for h in partner.get("stage_history", [])]
    check([s for s, _ in history] == ["identified", "outreach"]
          and history[0][1] == IMPORT_DAY and history[1][1] in moved_on,
          f"the stage history is identified ({IMPORT_DAY}), outreach (today)",
          f"stage_history: {partner.get('stage_history')}")
    others = {name: (p.get("stage"), p.get("fit_score")) for name, p in partners.items()
              if name != PARTNER}
    check(others == {"Adventure Works": ("identified", None),
                     "Contoso Cloud": ("identified", None)},
          "the other partners are untouched", f"others: {others}")


def scenario(session):
    if not e2e.USE_XDOTOOL:
        e2e.skip("xdotool is needed to type Ctrl+Right, Enter and Ctrl+Q")
    prepare(session)
    app = session.start("app")
    ok("the app starts on the imported workspace and shows its window")
    select_partner(app)
    rate(app, session.workspace)
    day_before = today()
    move_on_board(app, session.workspace)
    moved_on = {day_before, today()}
    check_lifecycle(app, moved_on)
    app.quit_and_check()
    check_file(session.workspace, moved_on)


if __name__ == "__main__":
    sys.exit(e2e.run(scenario, "qualify"))
