"""A report titled with its unit's name as units write it: every registered unit (the built-in
configuration), by its name or an alias, upper- or mixed-case, a Kantor Regional by its Roman
numeral or its digits, with or without BKN and its seat, with "Badan Kepegawaian Negara" written
out. Checked without a unit given, the unit must be the one named; checked as another unit's
(as the service does for a file in another unit's folder), it must be refused (UNIT_MISMATCH).
"""

import os
import random
import tomllib

from common import ROOT, check, errors, g, write

with open(os.path.join(ROOT, "src", "config", "defaults.toml"), "rb") as f:
    UNITS = [u for u in tomllib.load(f)["unit"] if u["code"] != "BKN"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]


def spellings(unit):
    """Ways a title names `unit`."""
    names = [unit["name"]] + unit.get("aliases", [])
    if unit["code"].startswith("KR"):
        n = int(unit["code"][2:])
        seat = unit["name"].split(" BKN ")[1]
        roman = ROMAN[n - 1]
        names += [f"Kantor Regional {roman} Badan Kepegawaian Negara {seat}", f"Kanreg {n} BKN {seat}",
                  f"Kantor Regional {n} BKN", f"KANREG {roman} BKN {seat.upper()}", f"Kanreg {roman} {seat}"]
    else:
        names += [f"{unit['name']} BKN", f"{unit['name']} Badan Kepegawaian Negara"]
    return names


def build(rng):
    unit = rng.choice(UNITS)
    name = rng.choice(spellings(unit))
    if rng.random() < 0.3:
        name = name.upper()
    title = rng.choice(["Laporan Capaian Kinerja {} Tahun 2024", "CAPAIAN KINERJA {} TAHUN 2024",
                        "Tabel 3.2 Capaian Kinerja {} 2024", "Pengukuran Kinerja {}, Tahun 2024"]).format(name)
    book = g.kr07_capaian()
    book.sheets = book.sheets[:1]
    sheet = book.sheets[0]
    sheet.merges = [m for m in sheet.merges if m[0] != 0]
    sheet.cells[(0, 0)] = title
    return book, unit["code"], dict(title=title)


def run(count, seed):
    """Check `count` variants; yield ("silent" | "blocked", file, what was taken, the variant) for
    a title whose unit is taken for another or none, or not refused when checked as another's."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, code, desc = build(rng)
        path = write(book, f"unit_{seed}_{i}")
        result = check(path, "--year", "2024")
        taken = (result.get("unit") or {}).get("code")
        if taken != code:
            yield "silent", path, (taken, code), desc
            continue
        other = rng.choice([u["code"] for u in UNITS if u["code"] != code])
        if "UNIT_MISMATCH" not in errors(check(path, "--unit", other, "--year", "2024")):
            yield "silent", path, ("not refused as", other), desc
