#!/usr/bin/python3
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""accord-cli chart: the lifecycle and portfolio charts written to PNG,
SVG and PDF files without a display, end to end on real files. Reports
TAP."""

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import traceback
import zlib

CLI = os.environ["ACCORD_CLI"]
TESTS = []

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAGIC = {"png": PNG_MAGIC, "svg": b"<?xml", "pdf": b"%PDF-"}


def test(function):
    TESTS.append(function)
    return function


def run(*args, env=None):
    environment = dict(os.environ)
    # No display: the command must not need one.
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    if env:
        environment.update(env)
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120,
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
    return lines[0]


def demo(tmp, partners=40):
    path = os.path.join(tmp, "demo.accord")
    result = run("demo", "--partners", str(partners), "--seed", "1", "-o", path)
    check(result.returncode == 0, "writing the demo failed", result)
    return path


def partner_names(workspace):
    result = run("--workspace", workspace, "list", "--json")
    check(result.returncode == 0, "list --json failed", result)
    return json.loads(result.stdout)


def chart(workspace, *args):
    return run("--workspace", workspace, "chart", *args)


def starts_with(path, magic):
    with open(path, "rb") as f:
        return f.read(len(magic)) == magic


def read_png(path):
    """Width, height and rows of RGBA bytes of an 8-bit RGB or RGBA PNG
    (what cairo writes: RGB when every pixel is opaque), with the scanline
    filters undone."""
    with open(path, "rb") as f:
        data = f.read()
    check(data.startswith(PNG_MAGIC), f"{path} is not a PNG")
    pos = len(PNG_MAGIC)
    idat = b""
    width = height = None
    channels = 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            check(depth == 8 and colour in (2, 6), f"expected 8-bit RGB(A), got {depth}/{colour}")
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xff
            elif kind == 2:
                line[x] = (line[x] + b) & 0xff
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xff
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + predictor) & 0xff
        previous = line
        if channels == 3:
            # Opaque: add the alpha channel, so callers see RGBA either way.
            line = b"".join(bytes(line[i:i + 3]) + b"\xff" for i in range(0, stride, 3))
        rows.append(bytes(line))
    return width, height, rows


def brightness(rows, x, y):
    pixel = rows[y][x * 4:x * 4 + 4]
    return (pixel[0] + pixel[1] + pixel[2]) / 3


@test
def every_format_for_both_charts(tmp):
    workspace = demo(tmp)
    name = partner_names(workspace)[0]["name"]
    for extension, magic in MAGIC.items():
        for what in (["--portfolio"], ["--partner", name]):
            out = os.path.join(tmp, f"chart-{what[0][2:]}.{extension}")
            result = chart(workspace, *what, "-o", out)
            check(result.returncode == 0, f"chart {what} -o .{extension} failed", result)
            check(result.stderr == "", "expected nothing on stderr", result)
            check(starts_with(out, magic), f"{out} does not start with {magic!r}")
            check(os.path.getsize(out) > 1000, f"{out} is suspiciously small")
    # Upper case extensions work too.
    out = os.path.join(tmp, "UPPER.PDF")
    result = chart(workspace, "--portfolio", "-o", out)
    check(result.returncode == 0, "chart -o .PDF failed", result)
    check(starts_with(out, MAGIC["pdf"]), "UPPER.PDF is not a PDF")


@test
def png_size(tmp):
    workspace = demo(tmp)
    out = os.path.join(tmp, "default.png")
    result = chart(workspace, "--portfolio", "-o", out)
    check(result.returncode == 0, "chart failed", result)
    width, height, _ = read_png(out)
    check((width, height) == (1200, 800), f"portfolio default size is {width}x{height}")

    out = os.path.join(tmp, "small.png")
    result = chart(workspace, "--portfolio", "-o", out, "--width", "640", "--height", "360")
    check(result.returncode == 0, "chart --width --height failed", result)
    width, height, _ = read_png(out)
    check((width, height) == (640, 360), f"asked for 640x360, got {width}x{height}")

    name = partner_names(workspace)[0]["name"]
    out = os.path.join(tmp, "partner.png")
    result = chart(workspace, "--partner", name, "-o", out, "--width", "900")
    check(result.returncode == 0, "chart --partner --width failed", result)
    width, height, _ = read_png(out)
    check((width, height) == (900, 400), f"partner chart is {width}x{height}")


@test
def dark_changes_the_background(tmp):
    workspace = demo(tmp)
    name = partner_names(workspace)[0]["name"]
    for what in (["--portfolio"], ["--partner", name]):
        light = os.path.join(tmp, "light.png")
        dark = os.path.join(tmp, "dark.png")
        result = chart(workspace, *what, "-o", light, "--width", "400", "--height", "300")
        check(result.returncode == 0, "chart failed", result)
        result = chart(workspace, *what, "-o", dark, "--width", "400", "--height", "300",
                       "--dark")
        check(result.returncode == 0, "chart --dark failed", result)
        _, _, light_rows = read_png(light)
        _, _, dark_rows = read_png(dark)
        # The corners are background, away from any text.
        for x, y in ((1, 1), (398, 1), (1, 298), (398, 298)):
            check(brightness(light_rows, x, y) > 200,
                  f"{what}: light background at {x},{y} is not light")
            check(brightness(dark_rows, x, y) < 60,
                  f"{what}: dark background at {x},{y} is not dark")
            check(light_rows[y][x * 4 + 3] == 255 and dark_rows[y][x * 4 + 3] == 255,
                  "the background is not opaque")


@test
def partner_chart_draws_its_history(tmp):
    workspace = demo(tmp)
    # A partner with a history and reviews draws more than an empty one.
    partners = partner_names(workspace)
    lived = max(partners, key=lambda p: len(p.get("stage_history", [])))
    out = os.path.join(tmp, "lived.png")
    result = chart(workspace, "--partner", lived["name"], "-o", out, "--width", "600",
                   "--height", "300")
    check(result.returncode == 0, "chart failed", result)
    _, _, rows = read_png(out)
    colours = {rows[y][x * 4:x * 4 + 3] for y in range(0, 300, 3) for x in range(0, 600, 3)}
    check(len(colours) > 20, f"only {len(colours)} colours: the chart looks empty")


@test
def svg_names_the_partner(tmp):
    workspace = demo(tmp)
    name = partner_names(workspace)[1]["name"]
    out = os.path.join(tmp, "partner.svg")
    result = chart(workspace, "--partner", name, "-o", out)
    check(result.returncode == 0, "chart failed", result)
    with open(out, encoding="utf-8") as f:
        svg = f.read()
    check('width="1000pt"' in svg or 'width="1000"' in svg, "the SVG is not 1000 wide")
    check(svg.rstrip().endswith("</svg>"), "the SVG is cut short")


@test
def unknown_partner(tmp):
    workspace = demo(tmp)
    out = os.path.join(tmp, "nobody.png")
    result = chart(workspace, "--partner", "Nobody At All", "-o", out)
    line = check_one_line_failure(result, 1)
    check("Nobody At All" in line, "the message does not name the partner", result)
    check(not os.path.exists(out), "a file was written")


@test
def unknown_extension(tmp):
    workspace = demo(tmp)
    for name in ("chart.gif", "chart", "chart.png.txt"):
        out = os.path.join(tmp, name)
        result = chart(workspace, "--portfolio", "-o", out)
        line = check_one_line_failure(result, 2)
        check(".png" in line and ".svg" in line and ".pdf" in line,
              "the message does not list the formats", result)
        check(not os.path.exists(out), "a file was written")


@test
def both_or_neither(tmp):
    workspace = demo(tmp)
    name = partner_names(workspace)[0]["name"]
    out = os.path.join(tmp, "chart.png")
    result = chart(workspace, "--portfolio", "--partner", name, "-o", out)
    check_one_line_failure(result, 2)
    result = chart(workspace, "-o", out)
    check_one_line_failure(result, 2)
    check(not os.path.exists(out), "a file was written")


@test
def bad_options(tmp):
    workspace = demo(tmp)
    out = os.path.join(tmp, "chart.png")
    check_one_line_failure(chart(workspace, "--portfolio"), 2)
    check_one_line_failure(chart(workspace, "--portfolio", "-o", out, "--width", "5"), 2)
    check_one_line_failure(chart(workspace, "--portfolio", "-o", out, "--height", "99999"), 2)
    check_one_line_failure(chart(workspace, "--portfolio", "-o", out, "extra"), 2)
    check(not os.path.exists(out), "a file was written")


@test
def unwritable_output(tmp):
    workspace = demo(tmp)
    out = os.path.join(tmp, "no-such-folder", "chart.png")
    result = chart(workspace, "--portfolio", "-o", out)
    check_one_line_failure(result, 1)


@test
def needs_a_workspace(tmp):
    out = os.path.join(tmp, "chart.png")
    result = run("--workspace", os.path.join(tmp, "missing.accord"), "chart", "--portfolio",
                 "-o", out)
    check_one_line_failure(result, 1)
    check(not os.path.exists(os.path.join(tmp, "missing.accord")), "a workspace was created")


@test
def empty_workspace(tmp):
    workspace = os.path.join(tmp, "empty.accord")
    csv = os.path.join(tmp, "one.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("name\nSolo Ltd\n")
    result = run("--workspace", workspace, "import", csv)
    check(result.returncode == 0, "import failed", result)
    for what in (["--portfolio"], ["--partner", "solo ltd"]):
        out = os.path.join(tmp, "chart.png")
        result = chart(workspace, *what, "-o", out)
        check(result.returncode == 0, f"chart {what} on a one-partner workspace failed", result)
        check(starts_with(out, PNG_MAGIC), "not a PNG")


@test
def listed_in_help(tmp):
    result = run("--help")
    check(result.returncode == 0, "--help failed", result)
    check("chart" in result.stdout, "--help does not list chart", result)
    result = run("chart", "--help")
    check(result.returncode == 0, "chart --help failed", result)
    for option in ("--partner", "--portfolio", "--output", "--width", "--height", "--dark"):
        check(option in result.stdout, f"chart --help does not mention {option}", result)


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for number, function in enumerate(TESTS, 1):
        tmp = tempfile.mkdtemp(prefix="accord-test-chart-")
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
