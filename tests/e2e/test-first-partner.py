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
#
# Run it with /usr/bin/python3: the python3 on PATH may lack `gi`.

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings

SKIP = 77
# Keys and clicks go through xdotool when it is there, else through AT-SPI.
USE_XDOTOOL = bool(shutil.which("xdotool")) and not os.environ.get("ACCORD_E2E_NO_XDOTOOL")
TIMEOUT = 10.0          # seconds to wait for anything to appear
SAVE_DELAY = 0.4        # the app saves this long after the last change

PARTNER = "Northwind Analytics"
WEBSITE = "northwind.example"
CONTACT = "Dana Reyes"
ROLE = "Head of Partnerships"
EMAIL = "dana@northwind.example"
BAD_EMAIL = "not-an-email"
BAD_EMAIL_ERROR = "“not-an-email” is not an email address"


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(SKIP)


try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, Gio, GLib
except (ImportError, ValueError) as e:
    skip(f"gi.repository.Atspi is not available ({e}); run with /usr/bin/python3 "
         "and install python3-gi gir1.2-atspi-2.0")


# Atspi 2.46 marks some calls deprecated without a replacement in this version.
warnings.filterwarnings("ignore", category=DeprecationWarning)


class Failure(Exception):
    def __init__(self, message, reported=False):
        super().__init__(message)
        self.reported = reported   # already printed as a "not ok" line


# --- TAP ----------------------------------------------------------------------

n_checks = 0


def ok(description):
    global n_checks
    n_checks += 1
    print(f"ok {n_checks} - {description}", flush=True)


def not_ok(description, details=""):
    global n_checks
    n_checks += 1
    print(f"not ok {n_checks} - {description}", flush=True)
    for line in str(details).splitlines():
        print(f"#   {line}", flush=True)


def note(text):
    for line in str(text).splitlines():
        print(f"# {line}", flush=True)


def check(condition, description, details=""):
    if condition:
        ok(description)
    else:
        not_ok(description, details)
        raise Failure(description, reported=True)


# --- Environment ----------------------------------------------------------------

def accessibility_bus_available():
    if os.environ.get("AT_SPI_BUS_ADDRESS"):
        return True
    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                      None, GLib.VariantType.new("(s)"), Gio.DBusCallFlags.NONE,
                      5000, None)
        return True
    except GLib.Error as e:
        note(f"no accessibility bus: {e.message}")
        return False


def app_environment(tmp):
    env = dict(os.environ)
    # The accessibility bridge must be on: these would turn it off.
    for name in ("NO_AT_BRIDGE", "GTK_A11Y", "G_MESSAGES_DEBUG", "GDK_BACKEND"):
        env.pop(name, None)
    for name in ("data", "config", "cache"):
        os.makedirs(os.path.join(tmp, name), exist_ok=True)
    env.update({
        "ACCORD_NON_UNIQUE": "1",
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        "GSETTINGS_BACKEND": "memory",
        "GSK_RENDERER": "cairo",
        "GDK_DEBUG": "gl-disable",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "GDK_BACKEND": "x11",
    })
    schema_dir = os.environ.get("GSETTINGS_SCHEMA_DIR") or guess_schema_dir()
    if schema_dir:
        env["GSETTINGS_SCHEMA_DIR"] = schema_dir
    return env


def guess_schema_dir():
    # <build>/src/accord -> <build>/data, where the compiled schema lives.
    build = os.path.dirname(os.path.dirname(os.path.abspath(APP)))
    candidate = os.path.join(build, "data")
    if os.path.exists(os.path.join(candidate, "gschemas.compiled")):
        return candidate
    return None


# --- AT-SPI helpers ---------------------------------------------------------------

def refresh():
    """Forget what libatspi remembers: it keeps lists of children (e.g. an
    application's windows) that it only updates while a main loop runs."""
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)
    safe(Atspi.get_desktop(0).clear_cache)


def safe(fn, default=None):
    try:
        return fn()
    except GLib.Error:
        return default


def name_of(acc):
    return safe(acc.get_name, "") or ""


def role_of(acc):
    return safe(acc.get_role, Atspi.Role.INVALID)


def children(acc):
    n = safe(acc.get_child_count, 0) or 0
    for i in range(n):
        child = safe(lambda: acc.get_child_at_index(i))
        if child is not None:
            yield child


def find_all(root, predicate, max_depth=60):
    found = []
    seen = set()
    stack = [(root, 0)]
    while stack:
        acc, depth = stack.pop()
        # A list that changes while it is walked can hand out a node twice.
        if acc in seen:
            continue
        seen.add(acc)
        if predicate(acc):
            found.append(acc)
        if depth < max_depth:
            stack.extend((c, depth + 1) for c in reversed(list(children(acc))))
    return found


def label_matches(name, label):
    """GTK 4.8 names a mnemonic button "_Add Add": match "Add" against both halves."""
    plain = name.replace("_", "")
    return plain == label or plain == f"{label} {label}"


def has_state(acc, state):
    states = safe(acc.get_state_set)
    return states is not None and states.contains(state)


def on_screen(acc):
    """Whether the widget is laid out in its window. GTK 4.8 rarely sets
    SHOWING, and exposes the hidden pages of a GtkStack too; those have an
    empty extent."""
    if has_state(acc, Atspi.StateType.SHOWING):
        return True
    extents = safe(lambda: Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW))
    return extents is not None and extents.width > 0 and extents.height > 0


def text_of(acc):
    # get_text (0, -1) returns nothing with GTK 4.8: ask for the length first.
    count = safe(lambda: Atspi.Text.get_character_count(acc), 0)
    return safe(lambda: Atspi.Text.get_text(acc, 0, count), "") or ""


class Ambiguous(Failure):
    pass


def wait_for(what, probe, timeout=TIMEOUT):
    """Call probe() until it returns something true; fail with `what` after timeout.

    A probe may raise Ambiguous while the window is being rebuilt; that only
    fails the test if it is still so at the end."""
    deadline = time.monotonic() + timeout
    reported = False
    while True:
        refresh()
        ambiguous = None
        try:
            result = probe()
        except Ambiguous as e:
            result, ambiguous = None, e
            if not reported and os.environ.get("ACCORD_E2E_VERBOSE"):
                note(f"(retrying) {e}")
                reported = True
        if result:
            return result
        if time.monotonic() > deadline:
            if ambiguous is not None:
                raise Failure(f"still ambiguous after {timeout:.0f} s: {ambiguous}")
            raise Failure(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def describe(acc):
    """role 'name' < parent role 'name' < ... up to the window."""
    parts = []
    while acc is not None and len(parts) < 40:
        role = role_of(acc)
        if role == Atspi.Role.APPLICATION:
            break
        name = name_of(acc)
        if name or role not in (Atspi.Role.PANEL, Atspi.Role.FILLER):
            parts.append(f"{safe(acc.get_role_name, '?')} {name!r}")
        acc = safe(acc.get_parent)
    return " < ".join(parts)


def one(matches, what):
    """The single match, or None while there is none; Ambiguous if several."""
    if len(matches) > 1:
        raise Ambiguous(f"{len(matches)} widgets match {what}, expected one:\n" +
                        "\n".join(describe(m) for m in matches))
    return matches[0] if matches else None


def do_action(acc, action, what):
    n = safe(lambda: Atspi.Action.get_n_actions(acc), 0) or 0
    names = [safe(lambda: Atspi.Action.get_action_name(acc, i), "") for i in range(n)]
    if action not in names:
        raise Failure(f"{what} has no “{action}” action (actions: {names})")
    if not Atspi.Action.do_action(acc, names.index(action)):
        raise Failure(f"“{action}” on {what} failed")


def do_click(acc, what):
    do_action(acc, "click", what)


def set_text(acc, text, what):
    if not Atspi.EditableText.set_text_contents(acc, text):
        raise Failure(f"could not type into {what}")


# --- The app under test -----------------------------------------------------------

class App:
    def __init__(self, label, workspace, env, log_dir):
        self.label = label
        self.log_path = os.path.join(log_dir, f"{label}.log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([APP, "--workspace", workspace], env=env,
                                     stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT)
        self.root = None
        self.frame = None

    def find_root(self):
        def probe():
            if self.proc.poll() is not None:
                raise Failure(f"the app exited with status {self.proc.returncode} at start-up")
            desktop = Atspi.get_desktop(0)
            for app in children(desktop):
                if safe(app.get_process_id) == self.proc.pid:
                    frames = [c for c in children(app) if role_of(c) == Atspi.Role.FRAME]
                    if frames:
                        return app, frames[0]
            return None
        self.root, self.frame = wait_for("the app's window in the accessibility tree", probe)

    def dialog(self, title):
        def probe():
            dialogs = [c for c in children(self.root)
                       if role_of(c) == Atspi.Role.DIALOG and name_of(c) == title]
            return dialogs[0] if dialogs else None
        return wait_for(f"the dialog “{title}”", probe)

    def x_window(self):
        """The X window of the app's main window (not of a dialog)."""
        if not USE_XDOTOOL:
            return None
        title = name_of(self.frame)

        def probe():
            windows = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid",
                                      str(self.proc.pid)],
                                     capture_output=True, text=True).stdout.split()
            for window in windows:
                name = subprocess.run(["xdotool", "getwindowname", window],
                                      capture_output=True, text=True).stdout.strip()
                if name == title:
                    return window
            return None
        return wait_for(f"the X window “{title}”", probe)

    def quit(self):
        """Ctrl+Q; without xdotool, close the window through its frame."""
        window = self.x_window()
        if window is not None:
            # No window manager here: give the window the keyboard focus
            # first, then type through XTEST (GTK ignores synthetic events
            # that `xdotool key --window` would send).
            xdotool("windowfocus", "--sync", window)
            xdotool("key", "--clearmodifiers", "ctrl+q")
            return "Ctrl+Q"
        do_action(self.frame, "window.close", "the main window")
        return "closing the window"

    def click_at(self, acc, what):
        """Click the middle of a widget with the pointer, as a person would."""
        extents = Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)
        if extents.width <= 0 or extents.height <= 0:
            raise Failure(f"{what} is not on screen")
        x = extents.x + extents.width // 2
        y = extents.y + extents.height // 2
        window = self.x_window()
        if window is not None:
            xdotool("mousemove", "--window", window, str(x), str(y), "click", "1")
        else:
            # Without a window manager the window sits at the screen's origin.
            Atspi.generate_mouse_event(x, y, "b1c")

    def wait_exit(self, timeout=TIMEOUT):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            if self.wait_exit(3) is None:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def output(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, errors="replace") as f:
            return f.read()


def xdotool(*args):
    result = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=10)
    if result.returncode != 0:
        raise Failure(f"xdotool {' '.join(args)} failed with status {result.returncode}: "
                      f"{result.stderr.strip()}")


def find_text(root, name):
    """The text field on screen whose accessible name is `name`."""
    return one(find_all(root, lambda a: role_of(a) in (Atspi.Role.TEXT, Atspi.Role.ENTRY,
                                                       Atspi.Role.PASSWORD_TEXT)
                        and name_of(a) == name and on_screen(a)),
               f"the text field “{name}”")


def find_button(root, label):
    """The buttons on screen labelled `label` (with or without a mnemonic)."""
    return find_all(root, lambda a: role_of(a) == Atspi.Role.PUSH_BUTTON
                    and label_matches(name_of(a), label) and on_screen(a))


def contacts_list(frame):
    return one(find_all(frame, lambda a: role_of(a) == Atspi.Role.LIST
                        and name_of(a) == "Contacts" and on_screen(a)),
               "the “Contacts” group")


def contact_rows(contacts, name):
    return find_all(contacts, lambda a: role_of(a) == Atspi.Role.LIST_ITEM
                    and name_of(a) == name and on_screen(a))


def partner_rows(frame, name):
    """Rows of the partner list named `name` (labels and fields that show
    the name elsewhere do not count)."""
    return find_all(frame, lambda a: name_of(a) == name
                    and role_of(a) not in (Atspi.Role.LABEL, Atspi.Role.TEXT,
                                           Atspi.Role.HEADING)
                    and on_screen(a))


def error_labels(root, prefix):
    return find_all(root, lambda a: role_of(a) == Atspi.Role.LABEL
                    and (name_of(a).startswith(prefix) or text_of(a).startswith(prefix))
                    and on_screen(a))


def cli_partners(workspace):
    result = subprocess.run([CLI, "list", "--json", "--workspace", workspace],
                            capture_output=True, text=True, timeout=30,
                            env=dict(os.environ, LANG="C.UTF-8", TZ="UTC"))
    if result.returncode != 0:
        raise Failure(f"accord-cli list failed with status {result.returncode}: "
                      f"{result.stderr.strip()}")
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as e:
        raise Failure(f"accord-cli list --json printed no valid JSON ({e}):\n{result.stdout}")


def saved_contact(workspace):
    for partner in cli_partners(workspace):
        if partner.get("name") == PARTNER:
            for contact in partner.get("contacts", []):
                if contact.get("name") == CONTACT:
                    return contact
    return None


# --- The scenario -----------------------------------------------------------------

def first_run(app, workspace):
    app.find_root()
    ok("the app starts on an empty workspace and shows its window")

    add_partner = wait_for("the “Add Partner” button on the welcome page",
                           lambda: one(find_button(app.frame, "Add Partner"),
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
                           lambda: one(find_button(app.frame, "Add Contact"),
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
    how = app.quit()
    status = app.wait_exit()
    if status is None:
        refresh()
        dialogs = [name_of(c) for c in children(app.root) if role_of(c) == Atspi.Role.DIALOG]
        raise Failure(f"the app is still running 10 s after {how} (dialogs open: {dialogs})")
    check(status == 0, f"{how} quits the app", f"exit status {status}")


def second_run(app):
    app.find_root()
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
    except Failure as e:
        check(False, f"after selecting “{PARTNER}”, “Website” reads “{WEBSITE}”",
              f"{e}\nit reads {website_text()!r}")
    ok(f"after selecting “{PARTNER}”, “Website” reads “{WEBSITE}”")

    contacts = wait_for("the “Contacts” group", lambda: contacts_list(app.frame))
    wait_for(f"a contact row “{CONTACT}”",
             lambda: contact_rows(contacts, CONTACT))
    ok(f"the contact row “{CONTACT}” is there")

    how = app.quit()
    status = app.wait_exit()
    check(status == 0, f"{how} quits the app again", f"exit status {status}")


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


def check_logs(apps):
    problems = []
    for app in apps:
        for line in app.output().splitlines():
            if "-CRITICAL **" in line or "-WARNING **" in line or "-ERROR **" in line:
                problems.append(f"{app.label}: {line.strip()}")
    check(not problems, "the app logged no warnings or criticals", "\n".join(problems))


def main():
    global APP, CLI
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} APP CLI", file=sys.stderr)
        return 2
    APP, CLI = (os.path.abspath(p) for p in sys.argv[1:3])
    for path in (APP, CLI):
        if not os.access(path, os.X_OK):
            print(f"Bail out! {path} is not an executable", flush=True)
            return 1

    if not os.environ.get("DISPLAY"):
        skip("no X display (run through tests/e2e/run-e2e)")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not os.environ.get("AT_SPI_BUS_ADDRESS"):
        skip("no D-Bus session bus (run through tests/e2e/run-e2e)")
    if not accessibility_bus_available():
        skip("no accessibility bus (run through tests/e2e/run-e2e)")

    Atspi.init()
    # Ask the app every time instead of trusting libatspi's cache, which is
    # only updated while a main loop runs.
    Atspi.Accessible.set_cache_mask(Atspi.get_desktop(0), Atspi.Cache.NONE)

    tmp = tempfile.mkdtemp(prefix="accord-e2e-")
    env = app_environment(tmp)
    workspace = os.path.join(tmp, "first-partner.accord")
    apps = []
    failed = False
    try:
        try:
            apps.append(App("first-run", workspace, env, tmp))
            first_run(apps[-1], workspace)
            apps.append(App("second-run", workspace, env, tmp))
            second_run(apps[-1])
            check_file(workspace)
        finally:
            for app in apps:
                app.stop()
        check_logs(apps)
    except Failure as e:
        failed = True
        if not e.reported:
            not_ok(str(e))
        for app in apps:
            out = app.output().strip()
            note(f"--- output of the {app.label} (pid {app.proc.pid}, "
                 f"status {app.proc.returncode}) ---")
            note(out if out else "(nothing)")
    finally:
        print(f"1..{n_checks}", flush=True)
        if not failed or not os.environ.get("ACCORD_E2E_KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            note(f"kept {tmp}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
