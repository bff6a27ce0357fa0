#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test: GNOME Shell's search finds partners in Accord.
#
#   /usr/bin/python3 test-search-provider.py APP CLI
#
# Writes a sample workspace with accord-cli, moves one partner to the trash,
# starts the real app on it (as the only instance, so it owns its name on
# the test's private session bus), then asks the app's search provider
# (org.gnome.Shell.SearchProvider2) what the shell would ask, through
# `gdbus call`: GetInitialResultSet, GetSubsearchResultSet, GetResultMetas,
# LaunchSearch and ActivateResult. The answers are checked against
# `accord-cli list --json` of the same workspace, and what the window shows
# afterwards through the accessibility tree (AT-SPI).
#
# Needs an X display and a session bus that can start the accessibility bus:
# tests/e2e/run-e2e provides both. Without them it exits 77 (skipped).
# Output is TAP; the exit status is 0 (pass), 1 (fail) or 77 (skip).

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import unicodedata

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accord_e2e as e2e  # noqa: E402
from accord_e2e import (Atspi, GLib, Failure, check, cli, cli_partners, find_all,  # noqa: E402
                        find_text, name_of, ok, on_screen, role_of, text_of, wait_for)

APP_NAME_PREFIX = "io.github.accordhq.Accord"
INTERFACE = "org.gnome.Shell.SearchProvider2"
MAX_RESULTS = 20
STAGE_LABELS = {
    "identified": "Identified", "outreach": "Outreach", "negotiating": "Negotiating",
    "launching": "Launching", "growing": "Growing", "optimizing": "Optimizing",
    "renewing": "Renewing", "ended": "Ended", "on-hold": "On hold",
}


def fold(text):
    """What the app's search ignores: case and accents."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").casefold()


def matches(partner, terms):
    fields = [partner.get("name"), partner.get("website")] + list(partner.get("tags", []))
    for contact in partner.get("contacts", []):
        fields += [contact.get("name"), contact.get("email"), contact.get("role")]
    folded = [fold(f) for f in fields if f]
    return all(any(fold(t) in f for f in folded) for t in terms)


# --- Talking to the app as the shell does ----------------------------------------

def bus_name():
    """The app's well-known name on the session bus (…Accord or …Accord.Devel)."""
    def probe():
        out = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                              "--object-path", "/org/freedesktop/DBus",
                              "--method", "org.freedesktop.DBus.ListNames"],
                             capture_output=True, text=True, timeout=10).stdout
        names = [n for n in re.findall(r"'([^']*)'", out)
                 if n == APP_NAME_PREFIX or n.startswith(APP_NAME_PREFIX + ".")]
        return names[0] if names else None
    return wait_for(f"the app to own {APP_NAME_PREFIX} on the session bus", probe)


class Provider:
    def __init__(self, name):
        self.name = name
        self.path = "/" + name.replace(".", "/") + "/SearchProvider"

    def call(self, method, *args):
        command = ["gdbus", "call", "--session", "--dest", self.name,
                   "--object-path", self.path, "--method", f"{INTERFACE}.{method}", *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=20)
        if result.returncode != 0:
            raise Failure(f"{method} failed: {result.stderr.strip()}")
        return GLib.Variant.parse(None, result.stdout.strip(), None, None).unpack()

    def initial(self, terms):
        return self.call("GetInitialResultSet", strv(terms))[0]

    def subsearch(self, previous, terms):
        return self.call("GetSubsearchResultSet", strv(previous), strv(terms))[0]

    def metas(self, ids):
        return self.call("GetResultMetas", strv(ids))[0]


def strv(values):
    return GLib.Variant("as", list(values)).print_(False) if values else "@as []"


# --- The workspace ------------------------------------------------------------------

def prepare(session):
    cli("demo", "--partners", "60", "--seed", "1", "-o", session.workspace,
        what="accord-cli demo")
    partners = cli_partners(session.workspace)
    check(len(partners) == 60, "accord-cli writes a sample workspace of 60 partners",
          f"{len(partners)} partners")

    # No command trashes a partner: do what the app's Move to Trash does to
    # the file, before the app opens it.
    trashed = sorted(partners, key=lambda p: p["name"])[-1]
    db = sqlite3.connect(session.workspace)
    with db:
        db.execute("UPDATE partner SET trashed_at = '2026-01-01T00:00:00Z' WHERE id = ?",
                   (trashed["id"],))
    db.close()
    live = cli_partners(session.workspace)
    check(len(live) == 59 and all(p["id"] != trashed["id"] for p in live),
          f"“{trashed['name']}” is in the trash: accord-cli lists 59 partners")
    return live, trashed


def pick_target(live):
    """A partner not shown at start (not first by name) whose name's first
    word is a search term that finds several partners but fewer than the cap."""
    by_name = sorted(live, key=lambda p: fold(p["name"]))
    for partner in by_name[1:]:
        words = partner["name"].split()
        if len(words) < 2:
            continue
        found = [p for p in live if matches(p, [words[0]])]
        if 1 <= len(found) <= MAX_RESULTS:
            return partner, words
    raise Failure("no partner in the sample workspace suits the test")


# --- The scenario -------------------------------------------------------------------

def search_checks(provider, live, trashed, target, words):
    by_id = {str(p["id"]): p for p in live}
    term = words[0].lower()

    results = provider.initial([term])
    expected = {str(p["id"]) for p in live if matches(p, [term])}
    check(str(target["id"]) in results,
          f"GetInitialResultSet(['{term}']) finds “{target['name']}”", f"results: {results}")
    check(set(results) == expected and len(results) == len(expected),
          f"it finds exactly the {len(expected)} live partners accord-cli lists with "
          f"“{term}” in a name, website, tag or contact",
          f"results: {sorted(results)}\nexpected: {sorted(expected)}")
    names = [by_id[i]["name"] for i in results]
    starts = [fold(n).startswith(fold(term)) for n in names]
    check(starts == sorted(starts, reverse=True),
          "names that start with the term come first", f"names: {names}")

    upper = provider.initial([fold(term).upper()])
    check(sorted(upper) == sorted(results), "the search ignores case", f"results: {upper}")

    nothing = provider.initial(["zzqxjv"])
    check(nothing == [], "a term no partner has finds nothing", f"results: {nothing}")

    trashed_word = fold(trashed["name"])
    found = provider.initial(trashed["name"].split())
    check(str(trashed["id"]) not in found,
          f"the trashed “{trashed['name']}” is not found by its own name",
          f"results: {found}")
    check(all(i in by_id for i in found), "every id found is a live partner",
          f"results: {found}, trashed: {trashed_word}")
    check(provider.metas([str(trashed["id"])]) == [],
          "GetResultMetas describes no trashed partner")

    broad = provider.initial(["a"])
    check(0 < len(broad) <= MAX_RESULTS,
          f"a one-letter search gives the shell at most {MAX_RESULTS} results",
          f"{len(broad)} results")

    second = words[1].lower()
    narrower = provider.subsearch(results, [term, second])
    expected_narrower = [i for i in results if matches(by_id[i], [term, second])]
    check(str(target["id"]) in narrower and set(narrower) <= set(results)
          and sorted(narrower) == sorted(expected_narrower),
          f"GetSubsearchResultSet narrows “{term}” to “{term} {second}” within the results",
          f"results: {narrower}\nexpected: {expected_narrower}")
    outside = provider.subsearch([str(target["id"])], ["zzqxjv"])
    check(outside == [], "a narrower search that matches nothing finds nothing",
          f"results: {outside}")

    metas = provider.metas([str(target["id"]), "999999", "not-an-id"])
    check(len(metas) == 1, "GetResultMetas describes the known id only", f"metas: {metas}")
    meta = metas[0]
    stage = STAGE_LABELS[target["stage"]]
    check(meta.get("id") == str(target["id"]) and meta.get("name") == target["name"],
          f"its meta names “{target['name']}”", f"meta: {meta}")
    check(meta.get("description", "").startswith(stage),
          f"its description gives the stage in words (“{stage}”)", f"meta: {meta}")
    check(meta.get("gicon", "").startswith(APP_NAME_PREFIX),
          "its icon is the app's", f"meta: {meta}")


def search_entry(frame):
    return e2e.one(find_all(frame, lambda a: name_of(a) == "Search partners"
                            and role_of(a) in (Atspi.Role.TEXT, Atspi.Role.ENTRY)
                            and on_screen(a)),
                   "the field “Search partners”")


def name_field_text(frame):
    field = find_text(frame, "Name")
    return text_of(field) if field is not None else None


def window_checks(app, provider, live, target):
    first = sorted(live, key=lambda p: fold(p["name"]))[0]
    wait_for(f"“{first['name']}” to be shown at start",
             lambda: name_field_text(app.frame) == first["name"])

    # The shell's "search in the app": the list, with the terms typed in.
    provider.call("LaunchSearch", strv(["zzqxjv"]), "0")
    wait_for("the search field to read “zzqxjv”",
             lambda: (lambda e: e is not None and text_of(e) == "zzqxjv")(search_entry(app.frame)))
    ok("LaunchSearch shows the window with the terms in the partner search")

    # A result hidden by that search still opens: the search is cleared.
    provider.call("ActivateResult", str(target["id"]), strv([target["name"]]), "0")
    wait_for(f"the partner page to show “{target['name']}”",
             lambda: name_field_text(app.frame) == target["name"])
    ok(f"ActivateResult shows “{target['name']}”")
    entry = search_entry(app.frame)
    check(entry is not None and text_of(entry) == "",
          "the search that hid it was cleared",
          f"search reads {text_of(entry) if entry else None!r}")

    # Ctrl+F, typed as a person would, goes back to the partner search.
    if app.key("ctrl+f"):
        wait_for("the search field to have the keyboard focus",
                 lambda: (lambda e: e is not None
                          and e2e.has_state(e, Atspi.StateType.FOCUSED))(search_entry(app.frame)))
        ok("Ctrl+F puts the keyboard focus in the partner search")
    else:
        e2e.note("no xdotool: Ctrl+F not typed")


# --- Started by D-Bus, as the shell starts it -------------------------------------

class Activated:
    """A process the bus started, as far as e2e.App needs one."""

    def __init__(self, pid):
        self.pid = pid
        self.returncode = None

    def poll(self):
        if self.returncode is None:
            try:
                if os.waitpid(self.pid, os.WNOHANG) != (0, 0):
                    self.returncode = 0
            except ChildProcessError:
                try:
                    os.kill(self.pid, 0)
                except ProcessLookupError:
                    self.returncode = 0
        return self.returncode

    def wait(self, timeout=None):
        def gone():
            return self.poll() is not None
        try:
            wait_for(f"process {self.pid} to end", gone, timeout or e2e.TIMEOUT)
        except Failure:
            raise subprocess.TimeoutExpired(str(self.pid), timeout)
        return self.returncode

    def send_signal(self, sig):
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def kill(self):
        self.send_signal(signal.SIGKILL)


def bus(method, *args):
    return subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                           "--object-path", "/org/freedesktop/DBus",
                           "--method", f"org.freedesktop.DBus.{method}", *args],
                          capture_output=True, text=True, timeout=10)


def activation(session, name, live, target):
    """With no app running, a search starts it through its D-Bus service
    (as `accord --gapplication-service`) on the default workspace, without a
    window; opening a result shows the window on that partner."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    services = os.path.join(os.path.dirname(runtime), "services")
    if not runtime or not os.path.isdir(services):
        e2e.note("the session bus has no service folder here: D-Bus activation not tested")
        return
    env = " ".join(f"{k}={v}" for k, v in sorted(session.env.items())
                   if k.startswith(("XDG_", "GSETTINGS_", "GSK_", "GDK_", "LANG", "LC_",
                                    "TZ", "DISPLAY", "XAUTHORITY", "ACCORD_"))
                   and " " not in v)
    with open(os.path.join(services, f"{name}.service"), "w") as f:
        f.write(f"[D-BUS Service]\nName={name}\n"
                f"Exec=/usr/bin/env {env} {e2e.APP} --gapplication-service\n")
    check(bus("ReloadConfig").returncode == 0, "the session bus reads the app's service file")

    default = os.path.join(session.env["XDG_DATA_HOME"], "accord", "workspace.accord")
    os.makedirs(os.path.dirname(default), exist_ok=True)
    shutil.copy(session.workspace, default)

    provider = Provider(name)
    term = target["name"].split()[0].lower()
    results = provider.initial([term])
    expected = {str(p["id"]) for p in live if matches(p, [term])}
    check(set(results) == expected,
          f"with no app running, a search for “{term}” starts it and finds the same partners",
          f"results: {sorted(results)}\nexpected: {sorted(expected)}")
    pid = GLib.Variant.parse(None, bus("GetConnectionUnixProcessID", name).stdout.strip(),
                             None, None).unpack()[0]

    app = e2e.App.__new__(e2e.App)
    app.label, app.proc, app.root, app.frame = "activated app", Activated(pid), None, None
    app.log_path = os.path.join(session.tmp, "activated.log")
    app.log = open(app.log_path, "w")
    session.apps.append(app)

    provider.call("ActivateResult", str(target["id"]), strv([term]), "0")
    app.find_root()
    wait_for(f"the partner page to show “{target['name']}”",
             lambda: name_field_text(app.frame) == target["name"])
    ok(f"ActivateResult opens the window on “{target['name']}”")
    app.stop()


def scenario(session):
    live, trashed = prepare(session)
    target, words = pick_target(live)
    # The only instance: a unique app owns its name on the bus.
    session.env.pop("ACCORD_NON_UNIQUE", None)
    # Due items would be announced through a notification server this bus
    # does not have.
    session.env["ACCORD_NO_NOTIFY"] = "1"
    app = session.start("app")
    ok("the app starts on the sample workspace")
    provider = Provider(bus_name())
    ok(f"the app owns {provider.name} on the session bus")
    search_checks(provider, live, trashed, target, words)
    window_checks(app, provider, live, target)
    app.quit_and_check()
    check(bus("NameHasOwner", provider.name).stdout.strip() == "(false,)",
          f"quitting gives up {provider.name}")
    activation(session, provider.name, live, target)


if __name__ == "__main__":
    sys.exit(e2e.run(scenario, "search-provider"))
