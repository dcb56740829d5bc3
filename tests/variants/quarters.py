"""Kanreg VII's Tabel 3.2 as a quarterly report: a realisasi column per quarter (flat, under a
"Realisasi" group, cumulative "s.d. TW n", or by months), columns prepared for the quarters to
come, a quarter's target beside the year's. The report's quarter's column must be the one read.
"""

import random

import capaian
from capaian import EXPECTED, ROWS
from common import capaian as capaian_of, check, errors, g, write

ROMAN = ["I", "II", "III", "IV"]


def build(rng):
    """A quarterly variant, what it varies, and its quarter."""
    book = g.Book()
    s = book.sheet("Capaian TW")
    q = rng.choice([2, 3, 4])  # the report's quarter (1-based)
    layout = rng.choice(["flat", "group", "cumul", "months"])
    title_mode = rng.choice(["title", "none"])
    with_target_q = rng.random() < 0.3 and layout != "group"
    style = rng.choice(["id", "number", "en"])
    desc = dict(q=q, layout=layout, title=title_mode, tq=with_target_q, style=style)
    if title_mode == "title":
        s.row(0, 0, [f"Capaian Kinerja Kantor Regional VII BKN Triwulan {ROMAN[q - 1]} Tahun 2024"])
    months = ["Maret", "Juni", "September", "Desember"]
    r = 2
    quarters = list(range(1, q + 1))
    if rng.random() < 0.4 and q < 4:
        quarters = list(range(1, 5))  # columns prepared for the whole year, later ones blank
    desc["qs"] = len(quarters)
    if layout == "group":
        s.row(r, 0, ["No.", "Indikator Kinerja", "Target"])
        s.merge(r, 0, r + 1, 0, "No.")
        s.merge(r, 1, r + 1, 1, "Indikator Kinerja")
        s.merge(r, 2, r + 1, 2, "Target")
        s.merge(r, 3, r, 3 + len(quarters) - 1, "Realisasi")
        s.row(r + 1, 3, [f"TW {ROMAN[k - 1]}" for k in quarters])
        s.merge(r, 3 + len(quarters), r + 1, 3 + len(quarters), "Capaian")
        r += 2
    else:
        # The year's target, however headed: a target naming December is the year's.
        head = ["No.", "Indikator Kinerja", rng.choice(["Target", "Target Tahunan", "Target TW IV", "Target 2024"])]
        if with_target_q:
            head.append(f"Target TW {ROMAN[q - 1]}")
        for k in quarters:
            if layout == "flat":
                head.append(f"Realisasi TW {ROMAN[k - 1]}")
            elif layout == "cumul":
                head.append(f"Realisasi s.d. TW {ROMAN[k - 1]}")
            else:
                head.append(f"Realisasi s.d. {months[k - 1]}")
        head.append(rng.choice(["Capaian", f"Capaian TW {ROMAN[q - 1]}", "% Capaian"]))
        s.row(r, 0, head)
        r += 1
    for pi, p in enumerate(capaian.PERSP):
        s.row(r, 0, [p])
        r += 1
        for gpi, gn, gname, items in ROWS:
            if gpi != pi:
                continue
            s.row(r, 0, ["", f"SS.{gn} {gname}"])
            r += 1
            for n, name, t, rv, cv in items:
                vals = [capaian.value(t, style)]
                if with_target_q:
                    vals.append(capaian.value(t, style))
                for k in quarters:
                    if k == q:
                        vals.append(capaian.value(rv, style))
                    elif k < q:
                        vals.append(capaian.value(rng.choice(["50", "61,5", "70%", "33"]) if rv != "N/A" else "N/A", style))
                    else:
                        vals.append(None)
                vals.append(capaian.value(cv, style))
                s.row(r, 0, [n, f"IKU.{n} {name}"] + vals)
                r += 1
    return book, desc, q


def run(count, seed, ext="xlsx"):
    """Check `count` variants; yield ("silent" | "blocked", file, what differs or the errors, the
    variant) for each read wrong without an error, or refused with one."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, desc, q = build(rng)
        path = write(book, f"quarters_{seed}_{i}", ext)
        args = ["--unit", "KR07", "--year", "2024"] + (["--period", f"TW{q}"] if desc["title"] == "none" else [])
        result = check(path, *args)
        got = capaian_of(result)
        expected = {f"IKU.{k}": v for k, v in EXPECTED.items()}
        right = got == expected and result.get("npss") == 99.27 and result.get("period") == f"TW{q}"
        if errors(result):
            yield "blocked", path, errors(result), desc
        elif not right:
            yield "silent", path, {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}, desc
