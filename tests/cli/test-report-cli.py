#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""accord-cli report: the portfolio report and a partner's page written as
PDF files without a display, end to end, and read back with poppler's
pdfinfo and pdftotext (poppler-utils) when they are installed. Reports
TAP."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ["ACCORD_CLI"]
TESTS = []
PDFINFO = shutil.which("pdfinfo")
PDFTOTEXT = shutil.which("pdftotext")


def test(function):
    TESTS.append(function)
    return function


def run(*args):
    environment = dict(os.environ)
    # No display: the command must not need one.
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300,
                          env=environment)


def check(condition, message, result=None):
    if not condition:
        if result is not None:
            message += (f"\n  exit status: {result.returncode}"
                        f"\n  stdout: {result.stdout!r}\n  stderr: {result.stderr!r}")
        raise AssertionError(message)


def check_one_line_failure(result, status):
    check(result.returncode == status, f"expected exit status {status}", result)
    lines = result.stderr.splitlines()
    check(len(lines) == 1, "expected exactly one line on stderr", result)
    check(lines[0].startswith("accord-cli: "), "expected 'accord-cli: <reason>'", result)


def demo(tmp, partners=40, name="agency"):
    path = os.path.join(tmp, f"{name}.accord")
    result = run("demo", "--partners", str(partners), "--seed", "3", "-o", path)
    check(result.returncode == 0, "writing the demo failed", result)
    return path


def partners(workspace):
    result = run("--workspace", workspace, "list", "--json")
    check(result.returncode == 0, "list --json failed", result)
    return json.loads(result.stdout)


def page_objects(path):
    """Page objects in the file, counted without poppler."""
    with open(path, "rb") as f:
        data = f.read()
    check(data.startswith(b"%PDF-"), "not a PDF file")
    check(data.rstrip().endswith(b"%%EOF"), "the PDF file is not complete")
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def pdfinfo_pages(path):
    if PDFINFO is None:
        return page_objects(path)
    result = subprocess.run([PDFINFO, path], capture_output=True, text=True, timeout=60)
    check(result.returncode == 0, f"pdfinfo cannot read {path}: {result.stderr}")
    match = re.search(r"^Pages:\s+(\d+)", result.stdout, re.M)
    check(match is not None, "pdfinfo gives no page count")
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", result.stdout, re.M)
    check(size is not None and abs(float(size.group(1)) - 595.28) < 1
          and abs(float(size.group(2)) - 841.89) < 1, f"not A4: {result.stdout}")
    return int(match.group(1))


def text_of(path, page=None):
    if PDFTOTEXT is None:
        return None
    args = [PDFTOTEXT, "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    result = subprocess.run([*args, path, "-"], capture_output=True, text=True, timeout=60)
    check(result.returncode == 0, f"pdftotext cannot read {path}: {result.stderr}")
    return result.stdout


@test
def portfolio_report(tmp):
    workspace = demo(tmp)
    out = os.path.join(tmp, "report.pdf")
    result = run("--workspace", workspace, "--today", "2026-11-21", "report", "-o", out)
    check(result.returncode == 0, "report failed", result)
    check(result.stdout == "" and result.stderr == "", "report should be quiet", result)
    pages = pdfinfo_pages(out)
    check(pages == page_objects(out), "pdfinfo and the page objects disagree")
    check(pages >= 5, f"expected a title page, the dashboard, the chart, the table, the due list; "
          f"got {pages} pages")

    text = text_of(out)
    if text is None:
        return
    first = text_of(out, 1)
    check("agency" in first, "the title page does not name the workspace")
    check("Portfolio report" in first, "the title page has no title")
    check("As of 2026-11-21" in first, "the title page is not dated with --today")
    for words in ("Dashboard", "Partners", "Portfolio by stage and health", "What is due",
                  "Notice deadline", f"Page 1 of {pages}", f"Page {pages} of {pages}"):
        check(words in text, f"the report does not say {words!r}")
    # Every partner is in the table.
    flat = " ".join(text.split())
    for partner in partners(workspace):
        check(" ".join(partner["name"].split()) in flat,
              f"{partner['name']!r} is missing from the partner table")


@test
def table_paginates(tmp):
    small = demo(tmp, partners=20, name="small")
    large = demo(tmp, partners=400, name="large")
    small_pdf = os.path.join(tmp, "small.pdf")
    large_pdf = os.path.join(tmp, "large.pdf")
    check(run("--workspace", small, "report", "-o", small_pdf).returncode == 0, "small failed")
    check(run("--workspace", large, "report", "-o", large_pdf).returncode == 0, "large failed")
    small_pages, large_pages = pdfinfo_pages(small_pdf), pdfinfo_pages(large_pdf)
    # 380 more rows at most 80 a page: at least 4 more pages.
    check(large_pages >= small_pages + 4,
          f"400 partners take {large_pages} pages, 20 take {small_pages}")
    text = text_of(large_pdf)
    if text is not None:
        # The table header is repeated on each page the table runs over.
        check(text.count("Notice deadline") >= 4, "the table header is not repeated")


@test
def partner_report(tmp):
    workspace = demo(tmp)
    name = partners(workspace)[0]["name"]
    out = os.path.join(tmp, "partner.pdf")
    result = run("--workspace", workspace, "--today", "2026-11-21", "report", "-o", out,
                 "--partner", name)
    check(result.returncode == 0, "report --partner failed", result)
    check(pdfinfo_pages(out) == 1, "the partner report is not one page")
    text = text_of(out)
    if text is None:
        return
    for words in (name, "Profile", "Scorecard", "Fit score", "Agreement", "Health",
                  "Life and health", "Page 1 of 1"):
        check(words in text, f"the partner page does not say {words!r}")


@test
def replaces_only_when_done(tmp):
    workspace = demo(tmp, partners=5)
    out = os.path.join(tmp, "report.pdf")
    with open(out, "w") as f:
        f.write("old")
    result = run("--workspace", workspace, "report", "-o", out, "--partner", "No Such Partner")
    check_one_line_failure(result, 1)
    with open(out) as f:
        check(f.read() == "old", "a failed report touched the file")
    result = run("--workspace", workspace, "report", "-o", out)
    check(result.returncode == 0, "report failed", result)
    check(page_objects(out) >= 3, "the file was not replaced")


@test
def usage_errors(tmp):
    workspace = demo(tmp, partners=3)
    check_one_line_failure(run("--workspace", workspace, "report"), 2)
    check_one_line_failure(run("--workspace", workspace, "report", "-o",
                               os.path.join(tmp, "r.png")), 2)
    check_one_line_failure(run("--workspace", workspace, "report", "-o",
                               os.path.join(tmp, "r.pdf"), "extra"), 2)
    check_one_line_failure(run("--workspace", os.path.join(tmp, "none.accord"), "report", "-o",
                               os.path.join(tmp, "r.pdf")), 1)
    check_one_line_failure(run("--workspace", workspace, "report", "-o",
                               os.path.join(tmp, "no-folder", "r.pdf")), 1)
    result = run("--help")
    check("report" in result.stdout, "--help does not list report", result)


def main():
    print(f"1..{len(TESTS)}")
    if PDFTOTEXT is None or PDFINFO is None:
        print("# poppler-utils not installed: text checks left out")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        tmp = tempfile.mkdtemp(prefix="accord-test-report-")
        try:
            function(tmp)
            print(f"ok {number} - {function.__name__}")
        except Exception:
            failed += 1
            print(f"not ok {number} - {function.__name__}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
