# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared code of the end-to-end tests (test-*.py in this directory): TAP
# output, the app's environment, finding and driving widgets through the
# accessibility tree (AT-SPI), starting and quitting the app, reading the
# workspace with accord-cli, and the harness that runs a scenario.
#
# A test imports it and hands its scenario to run():
#
#   import accord_e2e as e2e
#
#   def scenario(session):
#       app = session.start("first-run")
#       ...
#
#   sys.exit(e2e.run(scenario, "name"))
#
# run() skips (exit 77) without an X display or an accessibility bus, gives
# the scenario a temporary directory, environment and workspace path, stops
# every app it started, fails on GLib warnings or criticals in their output,
# and prints the TAP plan. Without gi.repository.Atspi importing this module
# already skips.
#
# GTK 4.8 quirks handled here (see /work/shared/TESTING.md): hidden stack
# pages are exposed too, so only widgets with an on-screen size count;
# libatspi's cache is turned off; get_text (0, -1) is empty, so text is read
# with its length; keys go through xdotool after focusing the window (there
# is no window manager), since GTK ignores events sent to a window.

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
TIMEOUT = float(os.environ.get("ACCORD_E2E_TIMEOUT", "10"))  # seconds to wait for anything to appear
SAVE_DELAY = 0.4        # the app saves this long after the last change

# The programs under test, set by run() from the command line.
APP = None
CLI = None


def skip(reason):
    print(f"1..0 # SKIP {reason}", flush=True)
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
    # No blinking cursor: GTK 4.8's blink tick can find a selection made
    # while it was pending and warn ("unexpected blinking selection"), which
    # would fail a test over a timing quirk of GTK, not of the app.
    os.makedirs(os.path.join(tmp, "config", "gtk-4.0"), exist_ok=True)
    with open(os.path.join(tmp, "config", "gtk-4.0", "settings.ini"), "w") as f:
        f.write("[Settings]\ngtk-cursor-blink=false\n")
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


def description_of(acc):
    return safe(acc.get_description, "") or ""


def role_of(acc):
    return safe(acc.get_role, Atspi.Role.INVALID)


def parent_of(acc):
    return safe(acc.get_parent)


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


def extents_of(acc):
    return safe(lambda: Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW))


def on_screen(acc):
    """Whether the widget is laid out in its window. GTK 4.8 rarely sets
    SHOWING, and exposes the hidden pages of a GtkStack too; those have an
    empty extent."""
    if has_state(acc, Atspi.StateType.SHOWING):
        return True
    extents = extents_of(acc)
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
        acc = parent_of(acc)
    return " < ".join(parts)


def dump(root, max_depth=60, only_on_screen=True):
    """The tree under `root` as text, one widget a line: for debugging.
    With `only_on_screen`, widgets without an on-screen size are left out
    (their children are still walked: GTK 4.8 gives some containers, such
    as a stack's pages, no extents)."""
    lines = []

    def walk(acc, depth, indent):
        shown = not only_on_screen or on_screen(acc)
        if shown:
            text = f" text={text_of(acc)!r}" if role_of(acc) == Atspi.Role.LABEL else ""
            lines.append(f"{'  ' * indent}{safe(acc.get_role_name, '?')} {name_of(acc)!r}{text}")
            indent += 1
        if depth < max_depth:
            for child in children(acc):
                walk(child, depth + 1, indent)
    walk(root, 0, 0)
    return "\n".join(lines)


def one(matches, what):
    """The single match, or None while there is none; Ambiguous if several."""
    if len(matches) > 1:
        raise Ambiguous(f"{len(matches)} widgets match {what}, expected one:\n" +
                        "\n".join(describe(m) for m in matches))
    return matches[0] if matches else None


def action_names(acc):
    n = safe(lambda: Atspi.Action.get_n_actions(acc), 0) or 0
    return [safe(lambda: Atspi.Action.get_action_name(acc, i), "") for i in range(n)]


def do_action(acc, action, what):
    names = action_names(acc)
    if action not in names:
        raise Failure(f"{what} has no “{action}” action (actions: {names})")
    if not Atspi.Action.do_action(acc, names.index(action)):
        raise Failure(f"“{action}” on {what} failed")


def do_click(acc, what):
    do_action(acc, "click", what)


def set_text(acc, text, what):
    if not Atspi.EditableText.set_text_contents(acc, text):
        raise Failure(f"could not type into {what}")


def show_section(app, title):
    """Chooses the tab `title` (Overview, Fit, Agreement, Health or Activity)
    of the partner page, as a click on it does."""
    what = f"the tab “{title}” of the partner page"
    tab = wait_for(what, lambda: one(find_all(
        app.frame, lambda a: role_of(a) == Atspi.Role.PAGE_TAB
        and name_of(a) == title and on_screen(a)), what))

    def chosen():
        return any(has_state(tab, s) for s in (Atspi.StateType.SELECTED,
                                               Atspi.StateType.CHECKED,
                                               Atspi.StateType.PRESSED))
    if not chosen():
        do_click(tab, what)
    wait_for(f"{what} to be chosen", chosen)
    return tab


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
        # The desktop's cache mask (see run()) does not reach the objects of
        # this app: libatspi would keep the first name it read of a widget
        # for as long as the object lives (a row renamed later kept its old
        # name). Cache only what a widget never changes: its role and its
        # interfaces.
        Atspi.Accessible.set_cache_mask(self.root, Atspi.Cache.ROLE | Atspi.Cache.INTERFACES)

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

    def key(self, keys):
        """Type `keys` (xdotool syntax, e.g. "ctrl+b") into the main window.
        Returns False when there is no xdotool to do it."""
        window = self.x_window()
        if window is None:
            return False
        # No window manager here: give the window the keyboard focus
        # first, then type through XTEST (GTK ignores synthetic events
        # that `xdotool key --window` would send).
        xdotool("windowfocus", "--sync", window)
        xdotool("key", "--clearmodifiers", keys)
        return True

    def quit(self):
        """Ctrl+Q; without xdotool, close the window through its frame."""
        if self.key("ctrl+q"):
            return "Ctrl+Q"
        do_action(self.frame, "window.close", "the main window")
        return "closing the window"

    def click_at(self, acc, what, clicks=1):
        """Click the middle of a widget with the pointer, as a person would."""
        extents = extents_of(acc)
        if extents is None or extents.width <= 0 or extents.height <= 0:
            raise Failure(f"{what} is not on screen")
        x = extents.x + extents.width // 2
        y = extents.y + extents.height // 2
        window = self.x_window()
        if window is not None:
            xdotool("mousemove", "--window", window, str(x), str(y),
                    "click", "--repeat", str(clicks), "1")
        else:
            # Without a window manager the window sits at the screen's origin.
            Atspi.generate_mouse_event(x, y, "b1d" if clicks == 2 else "b1c")

    def wait_exit(self, timeout=TIMEOUT):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def quit_and_check(self, what="quits the app"):
        """Quit, wait for the app to end and check that it ended well."""
        how = self.quit()
        status = self.wait_exit()
        if status is None:
            refresh()
            dialogs = [name_of(c) for c in children(self.root)
                       if role_of(c) == Atspi.Role.DIALOG]
            raise Failure(f"the app is still running {TIMEOUT:.0f} s after {how} "
                          f"(dialogs open: {dialogs})")
        check(status == 0, f"{how} {what}", f"exit status {status}")

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


# --- Finding widgets ----------------------------------------------------------------

def find_text(root, name):
    """The text field on screen whose accessible name is `name`."""
    return one(find_all(root, lambda a: role_of(a) in (Atspi.Role.TEXT, Atspi.Role.ENTRY,
                                                       Atspi.Role.PASSWORD_TEXT)
                        and name_of(a) == name and on_screen(a)),
               f"the text field “{name}”")


def find_button(root, label, roles=(Atspi.Role.PUSH_BUTTON,)):
    """The buttons on screen labelled `label` (with or without a mnemonic)."""
    return find_all(root, lambda a: role_of(a) in roles
                    and label_matches(name_of(a), label) and on_screen(a))


def find_labels(root, text):
    """The labels on screen that read `text` (exactly)."""
    return find_all(root, lambda a: role_of(a) == Atspi.Role.LABEL
                    and (text_of(a) == text or name_of(a) == text) and on_screen(a))


def partner_rows(frame, name):
    """Rows of the partner list named `name` (labels and fields that show
    the name elsewhere do not count)."""
    return find_all(frame, lambda a: name_of(a) == name
                    and role_of(a) not in (Atspi.Role.LABEL, Atspi.Role.TEXT,
                                           Atspi.Role.HEADING)
                    and on_screen(a))


# --- The workspace file, through accord-cli ----------------------------------------------

def cli(*args, what=None):
    result = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=30,
                            env=dict(os.environ, LANG="C.UTF-8", TZ="UTC"))
    if result.returncode != 0:
        raise Failure(f"{what or 'accord-cli ' + ' '.join(args)} failed with status "
                      f"{result.returncode}: {result.stderr.strip()}")
    return result.stdout


def cli_partners(workspace):
    out = cli("list", "--json", "--workspace", workspace, what="accord-cli list")
    try:
        return json.loads(out)
    except json.JSONDecodeError as e:
        raise Failure(f"accord-cli list --json printed no valid JSON ({e}):\n{out}")


def cli_partner(workspace, name):
    for partner in cli_partners(workspace):
        if partner.get("name") == name:
            return partner
    return None


# --- The harness ---------------------------------------------------------------------

class Session:
    """What a scenario gets: a temporary directory, the app's environment, a
    workspace path in that directory, and the apps it started."""

    def __init__(self, name):
        self.tmp = tempfile.mkdtemp(prefix=f"accord-e2e-{name}-")
        self.env = app_environment(self.tmp)
        self.workspace = os.path.join(self.tmp, f"{name}.accord")
        self.apps = []

    def start(self, label):
        """Start the app on the workspace and wait for its window."""
        app = App(label, self.workspace, self.env, self.tmp)
        self.apps.append(app)
        app.find_root()
        return app


def check_logs(apps):
    problems = []
    for app in apps:
        for line in app.output().splitlines():
            if "-CRITICAL **" in line or "-WARNING **" in line or "-ERROR **" in line:
                problems.append(f"{app.label}: {line.strip()}")
    check(not problems, "the app logged no warnings or criticals", "\n".join(problems))


def run(scenario, name):
    """Run `scenario(session)` as a test called `name`; returns the exit status."""
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

    started = time.monotonic()
    session = Session(name)
    failed = False
    try:
        try:
            try:
                scenario(session)
            finally:
                for app in session.apps:
                    app.stop()
            check_logs(session.apps)
        except Failure as e:
            failed = True
            if not e.reported:
                not_ok(str(e))
        except GLib.Error as e:
            # An AT-SPI call failed outright, e.g. because the app is gone.
            failed = True
            not_ok(f"an accessibility call failed: {e.message}")
            import traceback
            note(traceback.format_exc())
        if failed:
            for app in session.apps:
                out = app.output().strip()
                note(f"--- output of the {app.label} (pid {app.proc.pid}, "
                     f"status {app.proc.returncode}) ---")
                note(out if out else "(nothing)")
        note(f"took {time.monotonic() - started:.1f} s")
        print(f"1..{n_checks}", flush=True)
    finally:
        # Also when the scenario skips (SystemExit) or breaks.
        if failed and os.environ.get("ACCORD_E2E_KEEP"):
            note(f"kept {session.tmp}")
        else:
            shutil.rmtree(session.tmp, ignore_errors=True)
    return 1 if failed else 0
