#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test: importing partners from a CSV file through the wizard.
#
#   /usr/bin/python3 test-import.py APP CLI
#
# Prepares a workspace holding "Bluepeak Studio" with accord-cli, then starts
# the real app and drives it through the accessibility tree (AT-SPI): opens
# the main menu, chooses "Import CSV…", checks the guessed column mapping,
# keeps the match on the name, reads the preview's counts, imports, and
# checks that the new partners appear in the list; then reads the file with
# `accord-cli list --json`: two partners added, the existing one updated,
# no duplicate.
#
# The portal file chooser cannot be driven through AT-SPI here, so the test
# gives the file through the wizard's test hook, ACCORD_IMPORT_FILE.
#
# Needs an X display and a session bus that can start the accessibility bus:
# tests/e2e/run-e2e provides both. Without them it exits 77 (skipped).
# Output is TAP. Run it with /usr/bin/python3: the python3 on PATH may lack `gi`.

import os
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accord_e2e as e2e  # noqa: E402
from accord_e2e import (Atspi, check, cli, cli_partners, do_click, find_all,  # noqa: E402
                        find_button, find_labels, has_state, label_matches, name_of, ok,
                        on_screen, partner_rows, role_of, text_of, wait_for)

EXISTING = "Bluepeak Studio"
NEW = ["Kestrel Media", "Northwind Analytics"]
CSV = ("Company,URL,Comments\r\n"
       "bluepeak studio,bluepeak.example,Design agency\r\n"
       "Kestrel Media,kestrel.example,\"Video, photo\"\r\n"
       "Northwind Analytics,northwind.example,Data\r\n")
SUMMARY = "2 new partners, 1 updated"


def prepare(session):
    seed = os.path.join(session.tmp, "seed.csv")
    with open(seed, "w") as f:
        f.write(f"name\n{EXISTING}\n")
    cli("--workspace", session.workspace, "import", seed, what="accord-cli import")
    path = os.path.join(session.tmp, "partners.csv")
    with open(path, "w", newline="") as f:
        f.write(CSV)
    session.env["ACCORD_IMPORT_FILE"] = path
    session.env["ACCORD_NO_NOTIFY"] = "1"


def menu_items(root, label):
    return find_all(root, lambda a: role_of(a) in (Atspi.Role.MENU_ITEM, Atspi.Role.PUSH_BUTTON)
                    and label_matches(name_of(a), label) and on_screen(a))


def open_wizard(app):
    toggles = wait_for("the “Main Menu” button",
                       lambda: find_button(app.frame, "Main Menu",
                                           (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON)))
    toggle = [t for t in toggles if role_of(t) == Atspi.Role.TOGGLE_BUTTON] or toggles
    do_click(toggle[-1], "“Main Menu”")
    item = wait_for("the menu item “Import CSV…”",
                    lambda: e2e.one(menu_items(app.frame, "Import CSV…"), "“Import CSV…”"))
    ok("the main menu offers “Import CSV…”")
    if "click" in e2e.action_names(item):
        do_click(item, "“Import CSV…”")
    else:
        app.click_at(item, "“Import CSV…”")
    return app.dialog("Import Partners")


def labels_reading(root, text):
    return find_all(root, lambda a: role_of(a) == Atspi.Role.LABEL
                    and (text_of(a) == text or name_of(a) == text) and on_screen(a))


def press(dialog, label):
    button = wait_for(f"an enabled “{label}” button",
                      lambda: [b for b in find_button(dialog, label)
                               if has_state(b, Atspi.StateType.SENSITIVE)])
    do_click(button[0], f"“{label}”")


def run_wizard(app):
    dialog = open_wizard(app)
    ok("the import wizard opens on the file")
    # The mapping page lists each column with its guessed field.
    for header, field in (("Company", "Name"), ("URL", "Website"), ("Comments", "Notes")):
        rows = wait_for(f"the column “{header}”",
                        lambda: find_all(dialog, lambda a: name_of(a).startswith(header)
                                         and on_screen(a)))
        shown = " ".join(text_of(a) + " " + name_of(a)
                         for r in rows for a in find_all(r, lambda a: True))
        check(field in shown, f"the column “{header}” is mapped to “{field}”",
              f"the row shows: {shown!r}")
    press(dialog, "Next")
    wait_for("the match page", lambda: find_all(dialog, lambda a: name_of(a) == "Same Name"
                                                and on_screen(a)))
    ok("the match page offers matching by name")
    press(dialog, "Next")
    wait_for(f"the preview's report “{SUMMARY}”", lambda: labels_reading(dialog, SUMMARY))
    ok(f"the preview reports “{SUMMARY}” before anything is written")
    names = sorted(p.get("name") for p in cli_partners(app_workspace))
    check(names == [EXISTING], "the preview wrote nothing", f"names: {names}")
    press(dialog, "Import")
    wait_for("“Import Complete”", lambda: find_labels(dialog, "Import Complete"))
    ok("the import completes")
    press(dialog, "Done")


def scenario(session):
    global app_workspace
    app_workspace = session.workspace
    prepare(session)
    app = session.start("app")
    ok("the app starts on a workspace with one partner")
    run_wizard(app)
    for name in NEW:
        wait_for(f"“{name}” in the partner list", lambda: partner_rows(app.frame, name))
    ok("the new partners appear in the list")
    app.quit_and_check()
    partners = {p.get("name"): p for p in cli_partners(session.workspace)}
    check(sorted(partners) == sorted([EXISTING] + NEW),
          "accord-cli lists the existing partner and the two new ones, no duplicate",
          f"names: {sorted(partners)}")
    check(partners[EXISTING].get("notes") == "Design agency"
          and partners[EXISTING].get("website") == "bluepeak.example",
          f"“{EXISTING}” was updated from its row",
          f"{partners[EXISTING]}")
    check(partners["Kestrel Media"].get("notes") == "Video, photo",
          "a quoted cell with a comma arrives whole")


app_workspace = None

if __name__ == "__main__":
    sys.exit(e2e.run(scenario, "import"))
