#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test: every control a person can reach has an accessible name.
#
#   /usr/bin/python3 test-a11y-walker.py APP CLI
#
# Makes a sample workspace with `accord-cli demo` (today pinned), starts a
# playbook and logs a call on the partner with the most history, and starts
# the real app on it. Then goes over every page as a person would: the
# partner list, that partner's page (every collapsed row expanded too), the
# main menu, the board, Agreements, What Is Due and the Dashboard (Ctrl+2 to
# Ctrl+5), and the dialogs opened from the window's buttons and menu: new
# partner, agreement, activity, playbook, review, referral, figures,
# payment, templates, goal, workspace settings, import, export, report,
# account overlap, merge, backups, keyboard shortcuts and about, each closed
# with Escape. Last, a second app on an empty workspace shows the welcome
# page.
#
# On each page it walks the accessibility tree (AT-SPI) and checks every
# control on screen: buttons, toggles, check boxes, radio buttons, combo
# boxes, menu items, editable text, spin buttons, sliders, links, tabs and
# the list rows the keyboard can reach. A control whose name is empty (or
# only GTK's fallback, its class name, such as "GtkToggleButton") fails the
# test, listed with its role, its ancestors and the page. The parts inside a
# combo box belong to it and are not checked on their own; scroll bars are
# not checked. The test also fails if it reached fewer pages than it should
# or found too few controls, so it cannot pass by walking nothing.
#
# Keys go through xdotool: without it the test is skipped.
#
# Needs an X display and a session bus that can start the accessibility bus:
# tests/e2e/run-e2e provides both. Without them it exits 77 (skipped).
# Output is TAP; the exit status is 0 (pass), 1 (fail) or 77 (skip).
# The shared code is in accord_e2e.py next to this file.
#
# Run it with /usr/bin/python3: the python3 on PATH may lack `gi`.

import os
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accord_e2e as e2e  # noqa: E402
from accord_e2e import (Atspi, check, children, cli, cli_partners, name_of,  # noqa: E402
                        note, ok, on_screen, role_of, safe, wait_for)

TODAY = "2026-11-01"
N_PARTNERS = 30

# Roles a person acts on. List rows count when the keyboard can reach
# them (GTK 4.8 tells nothing of whether a row is activatable); text only
# when it is editable.
ALWAYS = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.MENU_ITEM,
    Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.SPIN_BUTTON,
    Atspi.Role.SLIDER, Atspi.Role.LINK, Atspi.Role.PAGE_TAB, Atspi.Role.ENTRY,
    Atspi.Role.PASSWORD_TEXT, Atspi.Role.PUSH_BUTTON_MENU,
}
SWITCH = getattr(Atspi.Role, "SWITCH", None)
if SWITCH is not None:
    ALWAYS.add(SWITCH)
FOCUSABLE_ONLY = {Atspi.Role.LIST_ITEM, Atspi.Role.TABLE_ROW, Atspi.Role.TREE_ITEM}
EDITABLE_ONLY = {Atspi.Role.TEXT}
# What GTK 4.8 answers for a widget without a name: its class name.
CLASS_NAME = re.compile(r"(Gtk|Adw|Accord)[A-Z][A-Za-z]*")

# The pages the walk must reach, in order.
VIEWS = [("board", "ctrl+2", "Pipeline"), ("agreements", "ctrl+3", "Agreements"),
         ("due", "ctrl+4", "What Is Due"), ("dashboard", "ctrl+5", "Dashboard")]
# The sections of the partner page, one tab each.
SECTIONS = ["Overview", "Fit", "Work", "Agreement", "Health"]
PAGE_DIALOGS = [  # (page, section of the partner page, its button)
    ("agreement form", "Agreement", ("Add Agreement", "Edit")),
    ("activity", "Work", ("Log Activity…",)),
    ("playbook", "Work", ("Start Playbook…",)),
    ("templates", "Work", ("Templates…",)),
    ("review", "Health", ("Record Review…",)),
    ("referral", "Health", ("Add Referral…",)),
    ("figures", "Health", ("Record Figures…",)),
    ("ledger", "Health", ("Record Payment…",)),
]
MENU_DIALOGS = [  # (page, item of the main menu)
    ("goal", "Workspace Goal…"),
    ("workspace settings", "Workspace Settings…"),
    ("import wizard", "Import CSV…"),
    ("merge", "Merge With…"),
    ("export", "Export…"),
    ("report", "Report…"),
    ("account overlap", "Account Overlap…"),
    ("backups", "Backups…"),
    ("keyboard shortcuts", "Keyboard Shortcuts"),
    ("about", "About Accord"),
]
EXPECTED_PAGES = (["partner list"] + [f"partner page: {s}" for s in SECTIONS]
                  + [f"partner page: {s}, rows expanded" for s in SECTIONS] + ["main menu"]
                  + [v[0] for v in VIEWS] + ["new partner"] + [d[0] for d in PAGE_DIALOGS]
                  + [d[0] for d in MENU_DIALOGS] + ["welcome page"])
MIN_CONTROLS = 1500
# Unnamed controls inside GTK and libadwaita's own windows, which the app
# cannot reach: (page, role, their path). Reported, not failed.
TOOLKIT = {
    ("about", "push button", "push button 'GtkButton' < scroll pane '' < filler 'AdwLeaflet' "
     "< frame 'About'"),
    ("keyboard shortcuts", "push button", "push button 'GtkImage' < frame 'GtkShortcutsWindow'"),
}
STARTED = time.monotonic()   # controls checked over all pages; far fewer means the walk broke


def is_interactive(acc, role):
    if role in ALWAYS:
        return True
    if role in FOCUSABLE_ONLY:
        return e2e.has_state(acc, Atspi.StateType.FOCUSABLE)
    if role in EDITABLE_ONLY:
        return e2e.has_state(acc, Atspi.StateType.EDITABLE)
    return False


def unnamed(acc):
    name = name_of(acc).strip()
    return name == "" or CLASS_NAME.fullmatch(name) is not None


def shown(root, predicate, prune=(), skip=()):
    """What matches `predicate` on screen under `root`, top to bottom.

    A widget laid out with no size hides what it holds (a collapsed row, a
    closed popover, a view not shown): its subtree is left out, which also
    keeps the walk fast. GTK 4.8 gives some containers no extents at all (a
    stack's pages): those are walked. Nothing is looked for under the roles
    in `prune`, nor under scroll bars, nor in the subtrees `skip`."""
    found = []

    def walk(acc, depth):
        role = role_of(acc)
        if role == Atspi.Role.SCROLL_BAR or depth > 80 or acc in skip:
            return
        extents = e2e.extents_of(acc)
        if extents is not None and (extents.width <= 0 or extents.height <= 0):
            return
        if predicate(acc, role) and (extents is not None or on_screen(acc)):
            found.append(acc)
        if role in prune:
            return
        for child in children(acc):
            walk(child, depth + 1)
    walk(root, 0)
    return found


def shown_named(root, roles, label):
    return shown(root, lambda a, r: r in roles and e2e.label_matches(name_of(a), label))


BUTTONS = (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON)
MENU_ITEMS = (Atspi.Role.MENU_ITEM, Atspi.Role.PUSH_BUTTON)


class Walker:
    """Walks pages and keeps what it found."""

    def __init__(self):
        self.pages = []          # names of the pages walked
        self.checked = 0         # controls checked, over all pages
        self.offenders = {}      # (role, path) -> [pages]

    def controls(self, root, skip=()):
        """The controls on screen under `root` (not the parts of a combo box)."""
        return shown(root, is_interactive, prune=(Atspi.Role.COMBO_BOX,), skip=skip)

    def walk(self, page, roots, skip=()):
        e2e.refresh()
        n = 0
        bad = []
        found = []
        for root in roots:
            for acc in self.controls(root, skip):
                found.append(acc)
                n += 1
                if unnamed(acc):
                    key = (safe(acc.get_role_name, "?"), e2e.describe(acc))
                    if (page, *key) in TOOLKIT:
                        note(f"{page}: the toolkit's own {key[0]} has no name: {key[1]}")
                        continue
                    bad.append(key)
                    self.offenders.setdefault(key, [])
                    if page not in self.offenders[key]:
                        self.offenders[key].append(page)
        self.pages.append(page)
        self.checked += n
        self.last = found
        if os.environ.get("ACCORD_E2E_VERBOSE"):
            note(f"{page}: walked at {time.monotonic() - STARTED:.1f} s")
        check(n > 0, f"{page}: {n} controls on screen, {len(bad)} without a name",
              "nothing to check: the page did not show")
        return n


# --- Waiting for the window to settle ---------------------------------------------------

def signature(walker, root):
    return [(role_of(a), name_of(a)) for a in walker.controls(root)]


def settle(walker, root, what):
    """Wait until the controls under `root` stop changing."""
    last = None
    deadline = time.monotonic() + e2e.TIMEOUT
    while time.monotonic() < deadline:
        e2e.refresh()
        now = signature(walker, root)
        if now and now == last:
            return
        if last is not None and os.environ.get("ACCORD_E2E_VERBOSE"):
            note(f"{what}: {len(now)} controls, changed: "
                 f"{sorted(set(now) ^ set(last), key=str)[:10]}")
        last = now
        time.sleep(0.3)
    note(f"{what} kept changing for {e2e.TIMEOUT:.0f} s: walked as it is")


# --- Windows -----------------------------------------------------------------------

def x_windows(app):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                         capture_output=True, text=True).stdout.split()
    return set(out)


def toplevels(app):
    return [c for c in children(app.root) if c != app.frame]


def key_into(window, keys):
    e2e.xdotool("windowfocus", "--sync", window)
    e2e.xdotool("key", "--clearmodifiers", keys)


def press(app, acc, what):
    if "click" in e2e.action_names(acc):
        e2e.do_click(acc, what)
    else:
        app.click_at(acc, what)


def open_walk_close(walker, app, page, opener):
    """Open a window with `opener()`, walk it and close it with Escape."""
    e2e.refresh()
    before_acc = toplevels(app)
    before_x = x_windows(app)
    opener()

    def opened():
        new = [t for t in toplevels(app) if t not in before_acc and on_screen(t)]
        new_x = x_windows(app) - before_x
        return (new, new_x) if new and new_x else None
    try:
        new, new_x = wait_for(f"a window for “{page}”", opened)
    except e2e.Failure as e:
        check(False, f"{page}: opens a window", str(e))
    window = new[-1]
    settle(walker, window, page)
    walker.walk(page, [window])

    xwin = sorted(new_x, key=int)[-1]
    key_into(xwin, "Escape")
    try:
        wait_for(f"Escape to close “{page}”",
                 lambda: not [t for t in toplevels(app) if t in new and on_screen(t)]
                 and not (x_windows(app) & new_x))
    except e2e.Failure as e:
        check(False, f"{page}: Escape closes the window", str(e))


# --- The pages ------------------------------------------------------------------------

def prepare(session):
    ws = ("--workspace", session.workspace)
    cli("demo", "--partners", str(N_PARTNERS), "--seed", "1", "--today", TODAY,
        "-o", session.workspace, what="accord-cli demo")
    partners = cli_partners(session.workspace)
    check(len(partners) == N_PARTNERS, f"accord-cli demo makes {N_PARTNERS} partners",
          f"{len(partners)} partners")
    # The partner with the most to show: agreements, commission, history.
    best = max(partners, key=lambda p: (len(p.get("agreements") or []),
                                        bool(p.get("commission_owed_to_partner")),
                                        len(p.get("stage_history") or []),
                                        len(p.get("contacts") or []), p.get("name")))
    name = best["name"]
    cli(*ws, "--today", TODAY, "start", "reviews", "--partner", name, what="accord-cli start")
    cli(*ws, "--today", TODAY, "log", "--partner", name, "--kind", "call", "--date",
        "2026-10-28", "--summary", "Quarterly check-in", what="accord-cli log")
    csv = os.path.join(session.tmp, "partners.csv")
    with open(csv, "w") as f:
        f.write("name,website\nNew Partner Ltd,https://example.com\n")
    session.env["ACCORD_TODAY"] = TODAY
    session.env["ACCORD_NO_NOTIFY"] = "1"
    session.env["ACCORD_IMPORT_FILE"] = csv   # the wizard skips the file chooser
    return name


def name_field(frame):
    fields = shown(frame, lambda a, r: r in (Atspi.Role.TEXT, Atspi.Role.ENTRY)
                   and name_of(a) == "Name")
    return e2e.text_of(fields[0]) if len(fields) == 1 else None


def show_partner(app, partner):
    """Show the page of `partner`; returns the partner list and the page."""
    # Search for it: the list only lays out the rows it shows.
    search = wait_for("the field “Search partners”",
                      lambda: shown(app.frame, lambda a, r: name_of(a) == "Search partners"
                                    and r in (Atspi.Role.ENTRY, Atspi.Role.TEXT)))[0]
    sidebar = e2e.parent_of(search)
    plist = wait_for("the partner list", lambda: shown(
        sidebar, lambda a, r: r == Atspi.Role.LIST and name_of(a) == "Partners"))[0]
    page = wait_for("the partner page", lambda: shown(
        app.frame, lambda a, r: name_of(a) == "AccordPartnerPage"))[0]
    e2e.set_text(search, partner, "“Search partners”")
    rows = wait_for(f"“{partner}” in the partner list",
                    lambda: shown(plist, lambda a, r: r == Atspi.Role.LIST_ITEM
                                  and name_of(a) == partner))
    app.click_at(rows[0], f"the row “{partner}”")
    wait_for(f"the page of “{partner}”", lambda: name_field(page) == partner)
    e2e.set_text(search, "", "“Search partners”")
    wait_for("the whole list again",
             lambda: len(shown(plist, lambda a, r: r == Atspi.Role.LIST_ITEM)) > 5)
    return sidebar, page


def scroll_into_view(app, acc, what):
    """Scroll the partner page with the mouse wheel until `acc` is inside it."""
    pane = acc
    while pane is not None and role_of(pane) != Atspi.Role.SCROLL_PANE:
        pane = e2e.parent_of(pane)
    if pane is None:
        return
    window = app.x_window()
    for _ in range(60):
        box = e2e.extents_of(pane)
        ext = e2e.extents_of(acc)
        if box is None or ext is None or ext.height <= 0:
            raise e2e.Failure(f"{what} is not on screen")
        top, bottom = ext.y, ext.y + min(ext.height, 48)
        if box.y <= top and bottom <= box.y + box.height:
            return
        e2e.xdotool("mousemove", "--window", window, str(box.x + box.width // 2),
                    str(box.y + box.height // 2), "click",
                    "5" if bottom > box.y + box.height else "4")
        time.sleep(0.05)
    raise e2e.Failure(f"could not scroll {what} into view")


def expander_parts(row):
    """For a row that expands (AdwExpanderRow: a row holding a header row
    and, below it, a list of nested rows), its header row and that list."""
    box = next(iter(children(row)), None)
    if box is None:
        return None
    parts = list(children(box))
    if len(parts) != 2 or role_of(parts[0]) != Atspi.Role.LIST:
        return None
    headers = [c for c in children(parts[0]) if role_of(c) == Atspi.Role.LIST_ITEM]
    nested = [c for c in children(parts[1]) if role_of(c) == Atspi.Role.LIST]
    if len(headers) != 1 or len(nested) != 1:
        return None
    return headers[0], nested[0]


def is_expanded(nested):
    extents = e2e.extents_of(nested)
    return extents is not None and extents.height > 0


def collapsed_rows(root):
    """(header, nested list) of each collapsed row on screen that has rows to show."""
    found = []
    for row in shown(root, lambda a, r: r == Atspi.Role.LIST_ITEM):
        parts = expander_parts(row)
        if parts is not None and not is_expanded(parts[1]) \
                and (safe(parts[1].get_child_count, 0) or 0) > 0:
            found.append(parts)
    return found


def expand_rows(app, page):
    """Expand every collapsed row of the partner page, by clicking it."""
    expanded = 0
    e2e.refresh()
    todo = collapsed_rows(page)
    if todo:
        verbose(f"{len(todo)} rows to expand")
        for header, nested in todo:
            what = f"the row {e2e.describe(header)}"
            scroll_into_view(app, header, what)
            verbose(f"scrolled to {what}")
            app.click_at(header, what)
            try:
                wait_for(f"{what} to expand", lambda: is_expanded(nested), timeout=3)
                expanded += 1
            except e2e.Failure:
                note(f"{what} did not expand")
    return expanded


def main_menu_button(root):
    # GTK 4.8 shows a menu button and the toggle button inside it, both
    # with the name: the innermost is pressed.
    return wait_for("the “Main Menu” button",
                    lambda: shown_named(root, BUTTONS, "Main Menu"))


def verbose(text):
    if os.environ.get("ACCORD_E2E_VERBOSE"):
        note(f"{time.monotonic() - STARTED:.1f} s: {text}")


def menu_open(buttons):
    return shown_named(buttons[0], (Atspi.Role.MENU_ITEM,), "About Accord")


def open_main_menu(app, buttons):
    press(app, buttons[-1], "“Main Menu”")
    wait_for("the main menu to open", lambda: menu_open(buttons))


def choose_from_menu(app, buttons, label):
    open_main_menu(app, buttons)
    item = wait_for(f"the menu item “{label}”",
                    lambda: e2e.one(shown_named(buttons[0], MENU_ITEMS, label), f"“{label}”"))
    press(app, item, f"the menu item “{label}”")


def labels(root, text):
    return shown(root, lambda a, r: r == Atspi.Role.LABEL
                 and (name_of(a) == text or e2e.text_of(a) == text))


def page_button(controls, names):
    """The first button called one of `names` among the `controls` of a page."""
    for name in names:
        for acc in controls:
            if role_of(acc) == Atspi.Role.PUSH_BUTTON and e2e.label_matches(name_of(acc), name):
                return acc
    raise e2e.Failure(" or ".join(f"“{name}”" for name in names) + " is not on the page")


def walk_main_window(walker, app, partner):
    frame = app.frame
    sidebar, page = show_partner(app, partner)
    settle(walker, sidebar, "the partner list")
    walker.walk("partner list", [sidebar])

    expanded = 0
    for section in SECTIONS:
        e2e.show_section(app, section)
        settle(walker, page, f"the partner page's section “{section}”")
        walker.walk(f"partner page: {section}", [frame], skip=[sidebar])
        expanded += expand_rows(app, page)
        walker.walk(f"partner page: {section}, rows expanded", [page])
    check(expanded >= 3, f"expanded {expanded} rows of the partner page")

    menu = main_menu_button(sidebar)
    open_main_menu(app, menu)
    walker.walk("main menu", [menu[0]])
    app.key("Escape")
    wait_for("the main menu to close", lambda: not menu_open(menu))
    ok("Escape closes the main menu")

    # The dialogs of the partner page, through their buttons.
    for page_name, section, names in PAGE_DIALOGS:
        e2e.show_section(app, section)
        settle(walker, page, f"the partner page's section “{section}”")
        on_page = walker.controls(page)
        open_walk_close(walker, app, page_name,
                        lambda: press(app, page_button(on_page, names), " or ".join(names)))
    add = page_button(shown(sidebar, lambda a, r: r == Atspi.Role.PUSH_BUTTON), ("Add Partner",))
    open_walk_close(walker, app, "new partner", lambda: press(app, add, "“Add Partner”"))

    for page_name, label in MENU_DIALOGS:
        open_walk_close(walker, app, page_name, lambda: choose_from_menu(app, menu, label))

    for view, keys, title in VIEWS:
        app.key(keys)
        wait_for(f"the view “{title}”", lambda: labels(frame, title))
        settle(walker, frame, f"the view “{title}”")
        walker.walk(view, [frame])
    app.key("ctrl+1")


def walk_welcome(walker, session):
    empty = os.path.join(session.tmp, "empty.accord")
    app = e2e.App("welcome", empty, session.env, session.tmp)
    session.apps.append(app)
    app.find_root()
    wait_for("the welcome page", lambda: labels(app.frame, "Welcome to Accord"))
    settle(walker, app.frame, "the welcome page")
    walker.walk("welcome page", [app.frame])
    app.quit_and_check("quits the app on the welcome page")


def report(walker):
    missing = [p for p in EXPECTED_PAGES if p not in walker.pages]
    check(not missing and len(walker.pages) >= len(EXPECTED_PAGES),
          f"walked all {len(EXPECTED_PAGES)} pages", f"not walked: {missing}")
    check(walker.checked >= MIN_CONTROLS,
          f"checked {walker.checked} controls (at least {MIN_CONTROLS})")
    lines = []
    for (role, path), pages in sorted(walker.offenders.items()):
        lines.append(f"{role} without a name on {', '.join(pages)}:\n    {path}")
    check(not walker.offenders,
          "every control on screen has an accessible name",
          f"{len(walker.offenders)} controls without a name:\n" + "\n".join(lines))


def scenario(session):
    if not e2e.USE_XDOTOOL:
        e2e.skip("xdotool is needed for the keyboard (Escape, Ctrl+1 to Ctrl+5)")
    partner = prepare(session)
    walker = Walker()
    app = session.start("app")
    ok(f"the app starts on a sample workspace of {N_PARTNERS} partners")
    try:
        walk_main_window(walker, app, partner)
        app.quit_and_check()
        walk_welcome(walker, session)
    finally:
        note(f"pages walked: {len(walker.pages)}; controls checked: {walker.checked}; "
             f"without a name: {len(walker.offenders)}")
        for (role, path), pages in sorted(walker.offenders.items()):
            note(f"  {role} on {', '.join(pages)}: {path}")
    report(walker)


if __name__ == "__main__":
    sys.exit(e2e.run(scenario, "a11y-walker"))
