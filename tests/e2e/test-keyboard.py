#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test: every main flow of Accord with the keyboard alone.
#
#   /usr/bin/python3 test-keyboard.py APP CLI
#
# Starts the real app on an empty workspace with today pinned (ACCORD_TODAY)
# and does, with key presses only (xdotool key and type, after giving the
# window the keyboard focus), one scenario per flow:
#
#   add-partner  Ctrl+N, type the name, Enter; Tab to “Website” and type it
#   fit          Tab to the rating buttons of the fit scorecard, Space on each
#   outreach     Tab to “Start Playbook…”, Enter; type the first email's date,
#                Enter starts the outreach
#   agreement    Tab to “Add Agreement”, Enter; type the start, the term and
#                the notice, choose the status with the arrow keys, Ctrl+Enter
#   review       Tab to “Record Review…”, Enter; rate with Tab and Space,
#                Ctrl+Enter saves
#   import       F10 opens the main menu, the arrow keys reach “Import CSV…”,
#                Enter; Enter through the wizard's pages to “Done”
#
# The accessibility tree (AT-SPI) is only read: to follow where the keyboard
# focus is (its focus events) and what the windows show. After each flow
# the workspace file is read with `accord-cli` to check what was saved.
# The file chooser cannot be driven here, so the import gives the file
# through the wizard's test hook, ACCORD_IMPORT_FILE.
#
# ACCORD_KEYBOARD_FLOWS=name,name runs only some flows (the ones before a
# flow prepare what it needs, so they run too).
#
# Keys go through xdotool: without it the test is skipped.
#
# Needs an X display and a session bus that can start the accessibility bus:
# tests/e2e/run-e2e provides both. Without them it exits 77 (skipped).
# Output is TAP; the exit status is 0 (pass), 1 (fail) or 77 (skip).
# The shared code is in accord_e2e.py next to this file.
#
# Run it with /usr/bin/python3: the python3 on PATH may lack `gi`.

import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accord_e2e as e2e  # noqa: E402
from accord_e2e import (Atspi, TIMEOUT, check, cli, cli_partner, cli_partners,  # noqa: E402
                        find_all, find_text, has_state, label_matches, name_of, note, ok,
                        on_screen, partner_rows, role_of, text_of, wait_for)

TODAY = "2026-03-10"               # the app runs with this day pinned
PARTNER = "Northwind Analytics"
WEBSITE = "northwind.example"
NOTES = "Met them at the data summit"

# Criterion (as the rating buttons name it), rating, key in `list --json`.
FIT = [
    ("Strategic alignment", 5, "strategic_alignment"),
    ("Value exchange", 5, "value_exchange"),
    ("Reach and influence", 4, "reach"),
    ("Operational fit", 4, "operational_fit"),
    ("Partnership readiness", 4, "readiness"),
]
FIT_SCORE = 50                     # 3×5 + 3×5 + 2×4 + 2×4 + 1×4

FIRST_EMAIL = "2026-03-02"
FOLLOW_UPS = [("Send the first email", FIRST_EMAIL),
              ("Follow up with a gentle nudge", "2026-03-05"),
              ("Follow up with something of value", "2026-03-09"),
              ("Offer to close the loop", "2026-03-16")]

START = "2026-01-01"
TERM = "12"
NOTICE = "30"
DEADLINE = "2026-12-01"            # 2026-12-31 (end of term) minus 30 days
STATUS = "Active"

REVIEW = ["Communication", "Strategic alignment", "Trust", "Ease of working together",
          "Future potential"]
REVIEW_RATING = 4
REVIEW_NOTE = "Steady and responsive"

IMPORT_CSV = ("Company,URL,Comments\r\n"
              "Kestrel Media,kestrel.example,\"Video, photo\"\r\n"
              "Bluepeak Studio,bluepeak.example,Design agency\r\n")
IMPORTED = ["Bluepeak Studio", "Kestrel Media"]
IMPORT_SUMMARY = "2 new partners, 0 updated"

FLOWS = ["add-partner", "fit", "outreach", "agreement", "review", "import"]


# --- The keyboard ----------------------------------------------------------------

def xdotool_out(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True,
                          timeout=10).stdout


class Keyboard:
    """Types into the app's windows and follows the keyboard focus through
    the focus events of the accessibility tree (reading it, never acting)."""

    def __init__(self, app):
        self.app = app
        self.focused = None
        self.serial = 0
        self.trace = []
        self.windows = {}
        self.listener = Atspi.EventListener.new(self._on_focus)
        self.listener.register("object:state-changed:focused")

    def _on_focus(self, event):
        if event.detail1:
            self.focused = event.source
            self.serial += 1

    # Windows: there is no window manager, so the window that is to get
    # the keys is given the keyboard focus first.

    def x_window(self, title):
        def probe():
            for window in xdotool_out("search", "--onlyvisible", "--pid",
                                      str(self.app.proc.pid)).split():
                if xdotool_out("getwindowname", window).strip() == title:
                    return window
            return None
        return wait_for(f"the X window “{title}”", probe)

    def activate(self, window=None):
        """Give the window titled `window` (the main window if None) the
        keyboard focus, as a window manager would when it opens."""
        title = window or name_of(self.app.frame)
        xid = self.windows.get(title)
        if xid is None or subprocess.run(["xdotool", "windowfocus", "--sync", xid],
                                         capture_output=True, timeout=10).returncode != 0:
            xid = self.windows[title] = self.x_window(title)
            e2e.xdotool("windowfocus", "--sync", xid)

    def press(self, keys, window=None):
        """Press `keys` (xdotool syntax, several separated by spaces) in the
        window titled `window` (the main window if None)."""
        self.activate(window)
        e2e.xdotool("key", "--clearmodifiers", *keys.split())

    def type(self, text, window=None):
        self.activate(window)
        e2e.xdotool("type", "--clearmodifiers", "--delay", "20", text)

    def current(self):
        e2e.refresh()
        return self.focused

    def wait_focus(self, what, predicate, timeout=TIMEOUT):
        try:
            return wait_for(what, lambda: self.focused is not None and predicate(self.focused)
                            and self.focused, timeout)
        except e2e.Failure as e:
            raise e2e.Failure(f"{e}; the focus is on {self.describe()}")

    def describe(self):
        if self.focused is None:
            return "nothing"
        return e2e.describe(self.focused)

    def move_to(self, target, what, key="Tab", window=None, limit=80):
        """Press `key` until the focus is on `target`: a person moving the
        focus with Tab (or Shift+Tab, or the arrows). `target` is a widget
        found beforehand, or a predicate on the focused widget (known from
        the focus events). GTK 4.8 sends no focus event for the text of
        an AdwEntryRow: see is_focused()."""
        if callable(target):
            def arrived():
                return self.focused is not None and target(self.focused) and self.focused
        else:
            def arrived():
                return is_focused(target) and target
        seen = []
        for _ in range(limit):
            before = self.serial
            self.press(key, window)
            try:
                found = wait_for("the focus to move",
                                 lambda: arrived() or (self.serial != before and "moved"),
                                 timeout=0.8)
            except e2e.Failure:
                found = None
            if found and found != "moved":
                return found
            e2e.refresh()
            found = arrived()
            if found:
                return found
            seen.append(f"{safe_role_name(self.focused)} {name_of(self.focused)!r}"
                        if self.serial != before else "(no focus event)")
        check(False, f"{key} reaches {what}",
              f"pressed {key} {limit} times; the focus went through:\n" +
              "\n".join(seen[:20] + ["…"] + seen[-20:] if len(seen) > 40 else seen))


def is_focused(acc):
    """Whether the keyboard focus is on `acc`. GTK 4.8 does not expose the
    text inside an AdwEntryRow, nor its focus: the row shows that it is
    being edited as a person sees it, by hiding its pencil icon (the only
    image inside the row)."""
    if has_state(acc, Atspi.StateType.FOCUSED):
        return True
    if role_of(acc) != Atspi.Role.TEXT:
        return False
    inside = find_all(acc, lambda a: a != acc)
    entry_row = any(name_of(a) == "AdwGizmo" for a in inside)
    return entry_row and not any(role_of(a) == Atspi.Role.IMAGE for a in inside)


def safe_role_name(acc):
    return e2e.safe(acc.get_role_name, "?")


def named(name, roles=None):
    def predicate(acc):
        return label_matches(name_of(acc), name) and (roles is None or role_of(acc) in roles)
    return predicate


BUTTONS = (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON)
TEXTS = (Atspi.Role.TEXT, Atspi.Role.ENTRY)


# --- Reading the windows ----------------------------------------------------------

def dialog_named(app, title):
    dialogs = [c for c in e2e.children(app.root)
               if role_of(c) == Atspi.Role.DIALOG and name_of(c) == title]
    return dialogs[0] if dialogs else None


def wait_dialog(app, title):
    return wait_for(f"the dialog “{title}”", lambda: dialog_named(app, title))


def wait_closed(app, title, how):
    try:
        wait_for(f"the dialog “{title}” to close", lambda: dialog_named(app, title) is None)
    except e2e.Failure as e:
        check(False, f"{how} closes the dialog “{title}”", str(e))


def in_window(acc, window):
    """Whether `acc` belongs to `window` (a dialog or the main window)."""
    while acc is not None:
        if acc == window:
            return True
        if role_of(acc) in (Atspi.Role.DIALOG, Atspi.Role.FRAME, Atspi.Role.APPLICATION):
            return False
        acc = e2e.parent_of(acc)
    return False


def labels_in(acc):
    return [text_of(a) for a in find_all(acc, lambda a: role_of(a) == Atspi.Role.LABEL
                                         and on_screen(a))]


def field(root, label):
    """The text field labelled `label`, found (not focused) beforehand."""
    return wait_for(f"the field “{label}”", lambda: find_text(root, label))


def name_field_text(frame):
    field = find_text(frame, "Name")
    return text_of(field) if field is not None else None


def focus_on(root, label):
    """Wait for the keyboard focus to be on the enabled button `label`."""
    def focused():
        buttons = [b for b in e2e.find_button(root, label)
                   if has_state(b, Atspi.StateType.SENSITIVE)]
        return any(is_focused(b) for b in buttons)
    try:
        wait_for(f"the focus on “{label}”", focused)
    except e2e.Failure as e:
        check(False, f"the focus is on “{label}”", str(e))


def show_section(app, kb, name):
    """Choose the partner page's section `name` with the keyboard: Tab to
    its tab, Space. A page without sections shows everything at once."""
    tabs = find_all(app.frame, lambda a: role_of(a) == Atspi.Role.PAGE_TAB
                    and name_of(a) == name and on_screen(a))
    if not tabs:
        return
    tab = kb.move_to(tabs[0], f"the tab “{name}”")
    kb.press("space")

    def chosen():
        return any(has_state(tab, s) for s in (Atspi.StateType.SELECTED,
                                               Atspi.StateType.CHECKED,
                                               Atspi.StateType.PRESSED))
    try:
        wait_for(f"the tab “{name}” to be chosen", chosen)
    except e2e.Failure as e:
        check(False, f"Space chooses the section “{name}”", str(e))
    ok(f"Tab and Space show the section “{name}” of the partner page")


def type_into(kb, field, text, what, window=None, replace=False):
    """Type `text` into the focused `field` and wait until it reads so."""
    if replace:
        kb.press("ctrl+a BackSpace", window)
        wait_for(f"{what} to be emptied", lambda: text_of(field) == "")
    kb.type(text, window)
    try:
        wait_for(f"{what} to read “{text}”", lambda: text_of(field) == text)
    except e2e.Failure as e:
        check(False, f"typing into {what} gives “{text}”", f"{e}\nit reads {text_of(field)!r}")


# --- The flows -----------------------------------------------------------------------

def add_partner(app, kb, workspace):
    # The welcome page: Ctrl+N asks for the name, with the focus in the entry.
    kb.press("ctrl+n")
    wait_dialog(app, "New Partner")
    entry = kb.wait_focus("the focus in “Partner name”", named("Partner name", TEXTS))
    ok("Ctrl+N opens “New Partner” with the focus in “Partner name”")
    type_into(kb, entry, PARTNER, "“Partner name”", "New Partner")
    kb.press("Return", "New Partner")
    wait_closed(app, "New Partner", "Enter")
    wait_for(f"the partner page of “{PARTNER}”", lambda: name_field_text(app.frame) == PARTNER)
    ok(f"Enter adds “{PARTNER}” and shows its page")

    website = kb.move_to(field(app.frame, "Website"), "the field “Website”")
    ok("Tab reaches the field “Website”")
    type_into(kb, website, WEBSITE, "“Website”")

    def saved():
        partner = cli_partner(workspace, PARTNER)
        return partner is not None and partner.get("website") == WEBSITE
    wait_for("the website to be saved", saved)
    ok(f"accord-cli lists “{PARTNER}” with the website “{WEBSITE}”")

    # On through the whole page, past the multi-line fields of the value
    # proposition (Tab must not be typed into them), to the notes.
    notes = kb.move_to(named("Notes", TEXTS), "the field “Notes”")
    ok("Tab goes on through the page to the field “Notes”")
    type_into(kb, notes, NOTES, "“Notes”")

    def noted():
        partner = cli_partner(workspace, PARTNER)
        return partner is not None and partner.get("notes") == NOTES
    wait_for("the notes to be saved", noted)
    ok(f"accord-cli lists the notes “{NOTES}”")


def rate_fit(app, kb, workspace):
    show_section(app, kb, "Fit")
    for i, (criterion, rating, _) in enumerate(FIT):
        name = f"{criterion}: {rating} of 5"
        button = kb.move_to(named(name, BUTTONS), f"the button “{name}”")
        kb.press("space")
        try:
            wait_for(f"“{name}” to be pressed",
                     lambda: has_state(button, Atspi.StateType.PRESSED)
                     or has_state(button, Atspi.StateType.CHECKED))
        except e2e.Failure as e:
            check(False, f"Space presses “{name}”", str(e))
    ok("Tab and Space rate the five criteria " + ", ".join(str(r) for _, r, _ in FIT))

    def saved():
        partner = cli_partner(workspace, PARTNER)
        return partner is not None and partner.get("fit_score") == FIT_SCORE and partner
    try:
        partner = wait_for("the fit to be saved", saved)
    except e2e.Failure as e:
        partner = cli_partner(workspace, PARTNER) or {}
        check(False, f"accord-cli reads the fit score {FIT_SCORE}",
              f"{e}\n{ {k: partner.get(k) for _, _, k in FIT} }")
    ratings = {key: partner.get(key) for _, _, key in FIT}
    check(ratings == {key: rating for _, rating, key in FIT},
          f"accord-cli reads the ratings and the fit score {FIT_SCORE}", f"ratings: {ratings}")


def start_outreach(app, kb, workspace):
    show_section(app, kb, "Work")
    kb.move_to(named("Start Playbook…", BUTTONS), "the button “Start Playbook…”",
               key="shift+Tab")
    ok("Shift+Tab reaches “Start Playbook…”")
    kb.press("Return")
    dialog = wait_dialog(app, "Start Playbook")
    ok("Enter opens the dialog “Start Playbook”")
    label = "First email on (YYYY-MM-DD)"
    entry = kb.move_to(field(dialog, label), f"the field “{label}”", window="Start Playbook")
    type_into(kb, entry, FIRST_EMAIL, f"“{label}”", "Start Playbook", replace=True)
    kb.press("Return", "Start Playbook")
    wait_closed(app, "Start Playbook", "Enter")
    ok(f"typed the first email's date {FIRST_EMAIL}; Enter starts the outreach")

    due = json.loads(cli("--workspace", workspace, "--today", TODAY, "due", "--days",
                         "30", "--json", what="accord-cli due"))
    mine = sorted((d.get("title"), d.get("due")) for d in due if d.get("partner") == PARTNER)
    check(mine == sorted(FOLLOW_UPS),
          "accord-cli due lists the first email and the three follow-ups", f"due: {mine}")


def enter_agreement(app, kb, workspace):
    show_section(app, kb, "Agreement")
    kb.move_to(named("Add Agreement", BUTTONS), "the button “Add Agreement”")
    ok("Tab reaches “Add Agreement”")
    kb.press("Return")
    title = "New Agreement"
    dialog = wait_dialog(app, title)
    ok(f"Enter opens the dialog “{title}”")
    for label, text in (("Start date (YYYY-MM-DD)", START), ("Initial term in months", TERM),
                        ("Notice for non-renewal in days", NOTICE)):
        entry = kb.move_to(field(dialog, label), f"the field “{label}”", window=title)
        type_into(kb, entry, text, f"“{label}”", title, replace=True)
    ok(f"typed the start {START}, a term of {TERM} months and {NOTICE} days' notice")

    combo = kb.move_to(lambda a: in_window(a, dialog) and named("Status")(a),
                       "the row “Status”", key="shift+Tab", window=title)
    kb.press("Return", title)
    kb.wait_focus("the focus in the list of statuses",
                  lambda a: in_window(a, dialog) and a != combo)
    kb.move_to(lambda a: STATUS in labels_in(a) or name_of(a) == STATUS,
               f"the choice “{STATUS}”", key="Down", window=title, limit=10)
    kb.press("Return", title)
    try:
        wait_for(f"the row “Status” to say “{STATUS}”", lambda: STATUS in labels_in(combo))
    except e2e.Failure as e:
        check(False, f"the arrow keys and Enter set “Status” to “{STATUS}”",
              f"{e}\nit shows {labels_in(combo)}")
    ok(f"Enter opens “Status”, the arrow keys and Enter choose “{STATUS}”")

    kb.press("ctrl+Return", title)
    wait_closed(app, title, "Ctrl+Enter")
    ok("Ctrl+Enter saves the agreement")

    partner = cli_partner(workspace, PARTNER)
    agreements = partner.get("agreements") if partner else None
    check(isinstance(agreements, list) and len(agreements) == 1,
          "accord-cli lists one agreement", f"agreements: {agreements!r}")
    a = agreements[0]
    fields = {k: a.get(k) for k in ("status", "start", "term_months", "notice_days",
                                    "notice_deadline")}
    check(fields == {"status": "active", "start": START, "term_months": int(TERM),
                     "notice_days": int(NOTICE), "notice_deadline": DEADLINE},
          "the agreement has the status, start, term and notice typed, and the deadline "
          f"{DEADLINE}", f"fields: {fields}")


def record_review(app, kb, workspace):
    show_section(app, kb, "Health")
    kb.move_to(named("Record Review…", BUTTONS), "the button “Record Review…”")
    ok("Tab reaches “Record Review…”")
    kb.press("Return")
    title = "Record Review"
    dialog = wait_dialog(app, title)
    ok(f"Enter opens the dialog “{title}”")
    for rating in REVIEW:
        name = f"{rating}: {REVIEW_RATING} of 5"
        button = kb.move_to(lambda a: in_window(a, dialog) and named(name, BUTTONS)(a),
                            f"the button “{name}”", window=title)
        kb.press("space", title)
        wait_for(f"“{name}” to be pressed",
                 lambda: has_state(button, Atspi.StateType.PRESSED)
                 or has_state(button, Atspi.StateType.CHECKED))
    ok(f"Tab and Space rate the five questions {REVIEW_RATING} of 5")
    notes = kb.move_to(field(dialog, "Notes"), "the field “Notes”", window=title)
    type_into(kb, notes, REVIEW_NOTE, "“Notes”", title)
    kb.press("ctrl+Return", title)
    wait_closed(app, title, "Ctrl+Enter")
    ok("Ctrl+Enter saves the review")

    partner = cli_partner(workspace, PARTNER) or {}
    reasons = {r.get("input"): r.get("effect") for r in partner.get("health_reasons", [])}
    # Four of five on each of the five questions: (25 - 20) x 2 points off.
    check(reasons.get("ratings") == -10,
          "accord-cli reads the review: its ratings take 10 points off the health",
          f"health: {partner.get('health_score')!r}, reasons: {reasons}")


def import_csv(app, kb, workspace):
    kb.press("F10")
    kb.wait_focus("the focus in the main menu", lambda a: role_of(a) == Atspi.Role.MENU_ITEM)
    ok("F10 opens the main menu")
    kb.move_to(named("Import CSV…", (Atspi.Role.MENU_ITEM,)), "the item “Import CSV…”",
               key="Down", limit=30)
    kb.press("Return")
    title = "Import Partners"
    dialog = wait_dialog(app, title)
    ok(f"Enter on “Import CSV…” opens the wizard “{title}”")
    wait_for("the mapping page", lambda: find_all(dialog, lambda a: name_of(a).startswith("Company")
                                                  and on_screen(a)))
    kb.activate(title)
    focus_on(dialog, "Next")
    ok("the wizard opens with the focus on “Next”")
    kb.press("Return", title)
    wait_for("the match page", lambda: find_all(dialog, lambda a: name_of(a) == "Same Name"
                                                and on_screen(a)))
    ok("Enter goes on to the match page")
    kb.press("Return", title)
    try:
        wait_for(f"the preview's report “{IMPORT_SUMMARY}”",
                 lambda: e2e.find_labels(dialog, IMPORT_SUMMARY))
    except e2e.Failure as e:
        check(False, f"the preview reports “{IMPORT_SUMMARY}”",
              f"{e}\nthe wizard shows {labels_in(dialog)}; the focus is on {kb.describe()}")
    ok(f"Enter goes on to the preview: “{IMPORT_SUMMARY}”")
    focus_on(dialog, "Import")
    kb.press("Return", title)
    wait_for("“Import Complete”", lambda: e2e.find_labels(dialog, "Import Complete"))
    focus_on(dialog, "Done")
    ok("Enter imports; the focus is on “Done”")
    kb.press("Return", title)
    wait_closed(app, title, "Enter on “Done”")

    for name in IMPORTED:
        wait_for(f"“{name}” in the partner list", lambda: partner_rows(app.frame, name))
    partners = {p.get("name"): p for p in cli_partners(workspace)}
    check(sorted(partners) == sorted([PARTNER] + IMPORTED),
          "accord-cli lists the imported partners", f"names: {sorted(partners)}")
    check(partners["Kestrel Media"].get("notes") == "Video, photo"
          and partners["Kestrel Media"].get("website") == "kestrel.example",
          "an imported partner has its website and notes", f"{partners['Kestrel Media']}")


# --- The scenario -----------------------------------------------------------------

def prepare(session):
    session.env["ACCORD_TODAY"] = TODAY
    # A desktop notification would go to a bus this session does not have.
    session.env["ACCORD_NO_NOTIFY"] = "1"
    path = os.path.join(session.tmp, "partners.csv")
    with open(path, "w", newline="") as f:
        f.write(IMPORT_CSV)
    session.env["ACCORD_IMPORT_FILE"] = path


def scenario(session):
    if not e2e.USE_XDOTOOL:
        e2e.skip("xdotool is needed to type")
    wanted = [f for f in os.environ.get("ACCORD_KEYBOARD_FLOWS", "").split(",") if f]
    unknown = [f for f in wanted if f not in FLOWS]
    if unknown:
        raise e2e.Failure(f"unknown flows {unknown}; the flows are {FLOWS}")
    last = max((FLOWS.index(f) for f in wanted), default=len(FLOWS) - 1)
    prepare(session)
    app = session.start("app")
    kb = Keyboard(app)
    ok(f"the app starts on an empty workspace with today pinned to {TODAY}")
    steps = {"add-partner": add_partner, "fit": rate_fit, "outreach": start_outreach,
             "agreement": enter_agreement, "review": record_review, "import": import_csv}
    for flow in FLOWS[:last + 1]:
        started = time.monotonic()
        steps[flow](app, kb, session.workspace)
        note(f"the flow “{flow}” took {time.monotonic() - started:.1f} s")
    app.quit_and_check()


if __name__ == "__main__":
    sys.exit(e2e.run(scenario, "keyboard"))
