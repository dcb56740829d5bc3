"""What every family of variants shares: the fixture writers, kinerja's binary, a scratch folder.

The variants are written by XlsxWriter, xlwt and odfpy through tests/fixtures/generate.py, as the
fixtures are, and checked by the release binary (`cargo build --release` first, or KINERJA=path).
"""

import decimal
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "fixtures"))
import generate as g  # noqa: E402

D = decimal.Decimal
# Absolute: the arrivals family runs the service from a workplace of its own.
KINERJA = os.path.abspath(os.environ.get("KINERJA", os.path.join(ROOT, "target", "release", "kinerja")))
SCRATCH = tempfile.mkdtemp(prefix="kinerja-variants-")
WRITERS = {"xlsx": g.write_xlsx, "xls": g.write_xls, "ods": g.write_ods}


def write(book, name, ext="xlsx"):
    """`book` written as `name`.`ext` in the scratch folder; .xls and .ods keep no number format
    and no hidden sheet (their writers have neither), so percentages and formatted numbers become
    plain numbers, hidden sheets plain sheets."""
    plain = lambda v: round(v.fraction * 100, 6) if isinstance(v, g.Pct) else v.value if isinstance(v, g.Shown) else v  # noqa: E731
    if ext != "xlsx":
        for sheet in book.sheets:
            sheet.cells = {k: plain(v) for k, v in sheet.cells.items()}
            sheet.hidden = False
    g.HERE = SCRATCH
    WRITERS[ext](book, f"{name}.{ext}")
    return os.path.join(SCRATCH, f"{name}.{ext}")


def check(path, *args):
    """kinerja's JSON check of `path`."""
    out = subprocess.run([KINERJA, "check", path, "--format", "json", *args], capture_output=True, text=True)
    return json.loads(out.stdout)


def agreement_outcome(path, result, got, want, report, npss):
    """What is wrong with a PK variant at `path` checked to `result`: refused ("blocked"), read to
    other targets than `want` ("silent", what differs), or the `report` held to it refused or
    scored otherwise than `npss` ("blocked"); None when nothing is."""
    if errors(result):
        return "blocked", path, errors(result)
    if result.get("kind") != "agreement" or got != want:
        return "silent", path, {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
    held = check(report, "--agreement", path)
    if errors(held) or held["npss"] != npss:
        return "blocked", report, (held["npss"], errors(held))
    return None


def errors(result):
    return sorted({f["code"] for f in result["findings"] if f["severity"] == "error"})


def capaian(result):
    """Each indicator's capaian, half-up to two places (None for N/A)."""
    shown = lambda c: None if c is None else D(str(c)).quantize(D("0.01"), rounding=decimal.ROUND_HALF_UP)  # noqa: E731
    return {i["code"]: shown(i["capaian"]) for i in result.get("indicators", [])}
