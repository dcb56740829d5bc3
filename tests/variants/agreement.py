"""Kanreg VII's Perjanjian Kinerja 2024, laid out as units lay theirs: two No. columns, KODE columns,
the scorecard's label column, one No. beside merged goals; perspective rows, a perspective column
or none; a satuan column or not; targets as text, numbers or percentages. Each must read as an
agreement with the 14 targets, and the published report held to it must read to NPSS 99.27
without an error.
"""

import os
import random

import capaian
from capaian import PERSP, PERSP_ID, ROWS
from common import ROOT, agreement_outcome, check, g, write

REPORT = os.path.join(ROOT, "tests", "fixtures", "kr07_2024_capaian.xlsx")
TARGETS = {n: t for _, _, _, items in ROWS for (n, _, t, _, _) in items}


def build(rng):
    """A variant of the PK and what it varies."""
    book = g.Book()
    s = book.sheet(rng.choice(["PK 2024", "Lampiran", "Sheet1"]))
    layout = rng.choice(["two_no", "kode", "tree", "single_no"])
    persp = rng.choice(["rows", "none", "col"])
    satuan = rng.random() < 0.5
    style = rng.choice(["id", "id_nopct", "number", "pct"])
    merged_goal = rng.random() < 0.5
    title = rng.choice(["PERJANJIAN KINERJA TAHUN 2024", "Lampiran Perjanjian Kinerja Kantor Regional VII BKN Tahun 2024",
                        "PERJANJIAN KINERJA KANTOR REGIONAL VII BKN PALEMBANG TAHUN 2024"])
    pnames = rng.choice([PERSP, PERSP_ID])
    desc = dict(layout=layout, persp=persp, satuan=satuan, style=style, merged=merged_goal, title=title, pn=pnames[0])
    if layout == "two_no":
        cols = ["no_ss", "ss", "no_iku", "iku"]
        head = ["No.", "Sasaran Strategis", "No.", "Indikator Kinerja Utama"]
    elif layout == "kode":
        cols = ["kode_ss", "ss", "kode_iku", "iku"]
        head = ["KODE SS", "SASARAN STRATEGIS", "KODE IKU", "INDIKATOR KINERJA UTAMA"]
    elif layout == "single_no":
        cols = ["no_iku", "ss", "iku"]
        head = ["No.", "Sasaran Strategis", "Indikator Kinerja Utama"]
    else:
        cols = ["tree"]
        head = ["Sasaran Strategis / Indikator Kinerja Utama"]
    if persp == "col":
        cols.insert(0, "pc")
        head.insert(0, "Perspektif")
    if satuan:
        cols.append("sat")
        head.append("Satuan")
    cols.append("t")
    head.append(rng.choice(["Target", "TARGET", "Target 2024"]))
    s.row(0, 0, [title])
    s.row(2, 0, head)
    r = 3
    for pi in range(4):
        if persp == "rows":
            s.row(r, 0, [pnames[pi]])
            r += 1
        for gpi, gn, gname, items in ROWS:
            if gpi != pi:
                continue
            if layout == "tree":
                s.row(r, cols.index("tree"), [f"SS.{gn} {gname}"])
                if "pc" in cols:
                    s.cells[(r, 0)] = pnames[pi].replace("Perspektif ", "")
                r += 1
            start = r
            for k, (n, name, t, _, _) in enumerate(items):
                row = {"no_ss": gn, "ss": gname, "no_iku": n, "iku": name, "kode_ss": f"SS.{gn}",
                       "kode_iku": f"IKU.{n}", "tree": f"IKU.{n} {name}", "pc": pnames[pi].replace("Perspektif ", ""),
                       "sat": "%" if t.endswith("%") else "Indeks", "t": capaian.value(t, style)}
                for i, c in enumerate(cols):
                    if (k > 0 and merged_goal or layout == "tree") and c in ("no_ss", "ss", "kode_ss", "pc"):
                        continue
                    s.cells[(r, i)] = row[c]
                r += 1
            if merged_goal and r - start > 1 and layout != "tree":
                for c in ("no_ss", "ss", "kode_ss", "pc"):
                    if c in cols:
                        i = cols.index(c)
                        s.merge(start, i, r - 1, i, s.cells[(start, i)])
    return book, desc


def run(count, seed, ext="xlsx"):
    """Check `count` variants; yield ("silent" | "blocked", file, what differs or the errors, the
    variant) for a PK read wrong without an error or refused, or a right report blocked by it."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, desc = build(rng)
        path = write(book, f"agreement_{seed}_{i}", ext)
        result = check(path, "--unit", "KR07", "--year", "2024")
        targets = {ind["code"]: ind["target"] for ind in result.get("indicators", [])}
        expected = {f"IKU.{k}": float(capaian.num(v)) for k, v in TARGETS.items()}
        got = {k: (float(v) if v is not None else None) for k, v in targets.items()}
        outcome = agreement_outcome(path, result, got, expected, REPORT, 99.27)
        if outcome:
            yield (*outcome, desc)
