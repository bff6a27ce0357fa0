#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test: the first thing a person does with Accord.
#
#   /usr/bin/python3 test-first-partner.py APP CLI
#
# Starts the real app on an empty temporary workspace and drives it through
# the accessibility tree (AT-SPI): adds the partner "Northwind Analytics",
# types its website, adds the contact "Dana Reyes" with a role and an email,
# checks that an invalid email shows the inline error and is not saved, quits
# with Ctrl+Q, starts the app again on the same workspace and checks that
# everything came back; then reads the file with `accord-cli list --json`.
#
# Needs an X display and a session bus that can start the accessibility bus:
# tests/e2e/run-e2e provides both. Without them it exits 77 (skipped).
# Output is TAP; the exit status is 0 (pass), 1 (fail) or 77 (skip).
# The shared code is in accord_e2e.py next to this file.
#
# Run it with /usr/bin/python3: the python3 on PATH may lack `gi`.

import os
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accord_e2e as e2e  # noqa: E402
from accord_e2e import (Atspi, SAVE_DELAY, check, children, cli_partners,  # noqa: E402
                        do_click, find_all, find_button, find_text, has_state, name_of,
                        ok, on_screen, partner_rows, role_of, set_text, text_of, wait_for)

PARTNER = "Northwind Analytics"
WEBSITE = "northwind.example"
CONTACT = "Dana Reyes"
ROLE = "Head of Partnerships"
EMAIL = "dana@northwind.example"
BAD_EMAIL = "not-an-email"
BAD_EMAIL_ERROR = "“not-an-email” is not an email address"


def contacts_list(frame):
    return e2e.one(find_all(frame, lambda a: role_of(a) == Atspi.Role.LIST
                            and name_of(a) == "Contacts" and on_screen(a)),
                   "the “Contacts” group")


def contact_rows(contacts, name):
    return find_all(contacts, lambda a: role_of(a) == Atspi.Role.LIST_ITEM
                    and name_of(a) == name and on_screen(a))


def error_labels(root, prefix):
    return find_all(root, lambda a: role_of(a) == Atspi.Role.LABEL
                    and (name_of(a).startswith(prefix) or text_of(a).startswith(prefix))
                    and on_screen(a))


def saved_contact(workspace):
    for partner in cli_partners(workspace):
        if partner.get("name") == PARTNER:
            for contact in partner.get("contacts", []):
                if contact.get("name") == CONTACT:
                    return contact
    return None


# --- The scenario -----------------------------------------------------------------

def first_run(app, workspace):
    ok("the app starts on an empty workspace and shows its window")

    add_partner = wait_for("the “Add Partner” button on the welcome page",
                           lambda: e2e.one(find_button(app.frame, "Add Partner"),
                                           "the button “Add Partner”"))
    ok("the welcome page offers one “Add Partner” button")
    do_click(add_partner, "“Add Partner”")

    dialog = app.dialog("New Partner")
    entry = wait_for("the “Partner name” entry",
                     lambda: find_text(dialog, "Partner name"))
    add_buttons = wait_for("the “Add” button of “New Partner”",
                           lambda: find_button(dialog, "Add"))
    check(not any(has_state(b, Atspi.StateType.SENSITIVE) for b in add_buttons),
          "“New Partner” opens with “Add” disabled while the name is empty")
    set_text(entry, PARTNER, "“Partner name”")
    add = wait_for("“Add” to become enabled",
                   lambda: [b for b in find_button(dialog, "Add")
                            if has_state(b, Atspi.StateType.SENSITIVE)])
    ok(f"typing “{PARTNER}” enables “Add”")
    do_click(add[0], "“Add”")
    wait_for("the “New Partner” dialog to close",
             lambda: not [c for c in children(app.root) if name_of(c) == "New Partner"])

    wait_for(f"“{PARTNER}” in the partner list", lambda: partner_rows(app.frame, PARTNER))
    ok(f"“{PARTNER}” appears in the partner list")

    wait_for(f"the partner page's “Name” field to read “{PARTNER}”",
             lambda: [a for a in find_all(app.frame, lambda a: role_of(a) == Atspi.Role.TEXT
                                          and name_of(a) == "Name" and on_screen(a))
                      if text_of(a) == PARTNER])
    ok(f"the partner page shows “{PARTNER}” in “Name”")

    website = wait_for("the “Website” field", lambda: find_text(app.frame, "Website"))
    set_text(website, WEBSITE, "“Website”")
    wait_for(f"“Website” to read “{WEBSITE}”", lambda: text_of(website) == WEBSITE)
    ok(f"typed “{WEBSITE}” into “Website”")

    add_contact = wait_for("the “Add Contact” button",
                           lambda: e2e.one(find_button(app.frame, "Add Contact"),
                                           "the button “Add Contact”"))
    ok("the partner page has one “Add Contact” button")
    do_click(add_contact, "“Add Contact”")
    dialog = app.dialog("New Contact")
    entry = wait_for("the “Name” entry of “New Contact”", lambda: find_text(dialog, "Name"))
    set_text(entry, CONTACT, "the contact's “Name”")
    add = wait_for("“Add” to become enabled in “New Contact”",
                   lambda: [b for b in find_button(dialog, "Add")
                            if has_state(b, Atspi.StateType.SENSITIVE)])
    do_click(add[0], "“Add” in “New Contact”")
    wait_for("the “New Contact” dialog to close",
             lambda: not [c for c in children(app.root) if name_of(c) == "New Contact"])

    contacts = wait_for("the “Contacts” group", lambda: contacts_list(app.frame))
    wait_for(f"a contact row “{CONTACT}”",
             lambda: contact_rows(contacts, CONTACT))
    ok(f"“{CONTACT}” appears under “Contacts”")

    role = wait_for("the contact's “Role” field", lambda: find_text(contacts, "Role"))
    email = wait_for("the contact's “Email” field", lambda: find_text(contacts, "Email"))
    set_text(role, ROLE, "“Role”")
    set_text(email, EMAIL, "“Email”")
    wait_for("“Role” and “Email” to show what was typed",
             lambda: text_of(role) == ROLE and text_of(email) == EMAIL)
    ok(f"typed role “{ROLE}” and email “{EMAIL}”")

    # Saved automatically after a short pause, without leaving the field.
    def contact_saved():
        contact = saved_contact(workspace)
        return contact if contact and contact.get("email") == EMAIL \
            and contact.get("role") == ROLE else None
    wait_for("the role and email to be saved to the workspace file", contact_saved)
    ok("the role and email are saved automatically while the app runs")

    check(not error_labels(app.frame, BAD_EMAIL_ERROR),
          "no email error is shown for a valid email")
    set_text(email, BAD_EMAIL, "“Email”")
    labels = wait_for("the inline error for an invalid email",
                      lambda: error_labels(app.frame, BAD_EMAIL_ERROR))
    ok(f"typing “{BAD_EMAIL}” shows “{name_of(labels[0])}”")
    time.sleep(SAVE_DELAY * 3)
    contact = saved_contact(workspace)
    check(contact is not None and contact.get("email") == EMAIL,
          "the invalid email is not saved",
          f"the file has: {contact}")

    set_text(email, EMAIL, "“Email”")
    wait_for("the email error to go away once the email is valid again",
             lambda: not error_labels(app.frame, BAD_EMAIL_ERROR))
    ok("restoring the valid email clears the error")

    time.sleep(1.0)
    app.quit_and_check()


def second_run(app):
    ok("the app starts again on the same workspace")

    rows = wait_for(f"“{PARTNER}” in the partner list",
                    lambda: partner_rows(app.frame, PARTNER))
    ok(f"“{PARTNER}” is in the partner list")

    app.click_at(rows[0], f"the row “{PARTNER}”")

    def website_text():
        field = find_text(app.frame, "Website")
        return text_of(field) if field is not None else None
    try:
        wait_for(f"“Website” to read “{WEBSITE}”", lambda: website_text() == WEBSITE)
    except e2e.Failure as e:
        check(False, f"after selecting “{PARTNER}”, “Website” reads “{WEBSITE}”",
              f"{e}\nit reads {website_text()!r}")
    ok(f"after selecting “{PARTNER}”, “Website” reads “{WEBSITE}”")

    contacts = wait_for("the “Contacts” group", lambda: contacts_list(app.frame))
    wait_for(f"a contact row “{CONTACT}”",
             lambda: contact_rows(contacts, CONTACT))
    ok(f"the contact row “{CONTACT}” is there")

    app.quit_and_check("quits the app again")


def check_file(workspace):
    partners = cli_partners(workspace)
    names = [p.get("name") for p in partners]
    check(names == [PARTNER], f"accord-cli lists exactly “{PARTNER}”", f"names: {names}")
    partner = partners[0]
    check(partner.get("website") == WEBSITE, f"the file has the website “{WEBSITE}”",
          f"website: {partner.get('website')!r}")
    contacts = partner.get("contacts", [])
    check(len(contacts) == 1 and contacts[0].get("name") == CONTACT,
          f"the file has the contact “{CONTACT}”", f"contacts: {contacts}")
    check(contacts[0].get("email") == EMAIL and contacts[0].get("role") == ROLE,
          f"the contact has email “{EMAIL}” and role “{ROLE}”", f"contact: {contacts[0]}")


def scenario(session):
    first_run(session.start("first-run"), session.workspace)
    second_run(session.start("second-run"))
    check_file(session.workspace)


if __name__ == "__main__":
    sys.exit(e2e.run(scenario, "first-partner"))
