"""BKN's budget use in 2023 (000 Tabel 3.39 and 3.40) beside its scorecard, laid out as units lay
theirs: the overall table and the table per jenis belanja headed in several words (Pagu, Pagu
Anggaran, Alokasi; Realisasi, Realisasi Anggaran; Sisa, Sisa Anggaran; Capaian, Serapan, %),
columns in another order or without sisa and serapan, the jenis belanja coded (51, 52, 53) or
named only, a total row or none, amounts with `Rp.`, `Rp `, dot or comma thousands, a closing
`-`, or numbers under a thousands format. Each must read to every printed pagu and realisasi,
serapan and sisa recomputed, NPSS 98.47, without an error; and, with one inconsistency planted
(a realisasi that no longer adds up to the total, a sisa or serapan misstated), must raise its
error.
"""

import random

from common import D, check, errors, g, write

TOTAL = ("TOTAL", 1079227170000, 1028677308609)
ACCOUNTS = [("51", "Belanja Pegawai", 356489232000, 346866997060),
            ("52", "Belanja Barang", 619400961000, 578789169324),
            ("53", "Belanja Modal", 103336977000, 103021142225)]
# A planted inconsistency and the errors of which it must raise one: a realisasi off by a million
# no longer adds up to its table's total row, or, without one, to the overall table.
PLANTS = {"realisasi": {"BUDGET_TOTAL", "BUDGET_VIEWS"}, "sisa": {"CLAIM_SISA"}, "serapan": {"CLAIM_SERAPAN"}}


def amount(value, style):
    dots = f"{value:,}".replace(",", ".")
    return {"rp_dot": f"Rp.{dots}", "rp_space": f"Rp {dots}", "dot": dots, "dash": f"Rp.{dots}-",
            "comma": f"{value:,}", "number": g.Shown(value, "#,##0"), "general": value}[style]


def percent(value, style):
    """A serapan (a Decimal rounded half-up to two places) as printed."""
    text = f"{value:.2f}"
    return {"id": text.replace(".", ",") + "%", "plain": text.replace(".", ","), "pct": g.Pct(float(value) / 100),
            "number": float(value)}[style]


def serapan(pagu, realisasi):
    return (D(realisasi) / D(pagu) * 100).quantize(D("0.01"), rounding="ROUND_HALF_UP")


def header(rng, role):
    return rng.choice({"pagu": ["Pagu", "Pagu Anggaran", "PAGU", "Alokasi Anggaran", "Anggaran"],
                       "realisasi": ["Realisasi", "Realisasi Anggaran", "REALISASI", "Realisasi (Rp)"],
                       "sisa": ["Sisa", "Sisa Anggaran", "SISA"],
                       "serapan": ["Capaian", "%", "Serapan", "Persentase Serapan", "% Realisasi"]}[role])


def table(rng, book, name, caption, rows, coded, desc, plant):
    """One budget table: `rows` of (code, label, pagu, realisasi); a total row when there are several."""
    s = book.sheet(name)
    style, pstyle = rng.choice(["rp_dot", "rp_space", "dot", "dash", "comma", "number", "general"]), rng.choice(
        ["id", "plain", "pct", "number"])
    roles = ["pagu", "realisasi"] + [r for r in ("sisa", "serapan") if rng.random() < 0.7]
    if rng.random() < 0.2:
        roles = ["realisasi", "pagu"] + roles[2:]
    label = ([rng.choice(["Kode", "KODE", "Akun", "Kode Akun"])] if coded else []) + [rng.choice(["Uraian", "Jenis Belanja"])]
    labelled = len(rows) > 1
    total_row = labelled and rng.random() < 0.6
    heads = {r: header(rng, r) for r in roles}
    desc[name] = dict(style=style, pstyle=pstyle, roles=roles, coded=coded, total=total_row, heads=heads)
    s.row(0, 0, [caption])
    s.row(1, 0, (label if labelled else []) + [heads[r] for r in roles])
    printed = rows + ([("TOTAL", "Jumlah", TOTAL[1], TOTAL[2])] if total_row else [])
    for i, (code, text, pagu, realisasi) in enumerate(printed):
        cells = {"pagu": amount(pagu, style), "realisasi": amount(realisasi, style),
                 "sisa": amount(pagu - realisasi, style), "serapan": percent(serapan(pagu, realisasi), pstyle)}
        if plant and plant[1] == code and plant[0] in cells:
            wrong = {"realisasi": realisasi + 1000000, "sisa": pagu - realisasi + 5000000}.get(plant[0])
            cells[plant[0]] = amount(wrong, style) if wrong else percent(serapan(pagu, realisasi) + 1, pstyle)
        first = ([code] if coded else []) + [text] if labelled else []
        if code == "TOTAL" and labelled:
            first = ([None] if coded else []) + ["Jumlah"]
        s.row(2 + i, 0, first + [cells[r] for r in roles])
    return roles


def build(rng, planted):
    book = g.bkn_scorecard()
    desc, plant = {}, None
    coded = rng.random() < 0.7
    if planted:
        kind = rng.choice(list(PLANTS))
        plant = (kind, rng.choice([a[0] for a in ACCOUNTS]))
        desc["plant"] = plant
    overall = table(rng, book, "Tabel 3.39", "Tabel 3.39 Realisasi Anggaran Tahun 2023", [("TOTAL", None) + TOTAL[1:]], False, desc, None)
    accounts = table(rng, book, "Tabel 3.40", "Tabel 3.40 Realisasi Anggaran per Jenis Belanja Tahun 2023",
                     [(c, n, p, r) for c, n, p, r in ACCOUNTS], coded, desc, plant)
    expected = PLANTS[plant[0]] if plant and plant[0] in accounts else None
    return book, desc, (overall, accounts, coded), expected


def differences(result, coded):
    """What kinerja read otherwise than printed: each line's pagu, realisasi, serapan and sisa."""
    want = {"TOTAL": (TOTAL[1], TOTAL[2])}
    if coded:
        want.update({c: (p, r) for c, _n, p, r in ACCOUNTS})
    got = {b["code"]: b for b in result.get("budget", [])}
    diff = {}
    for code, (pagu, realisasi) in want.items():
        line = got.get(code)
        expected = (pagu, realisasi, float(serapan(pagu, realisasi)), pagu - realisasi)
        read = line and (line["pagu"], line["realisasi"], line["serapan"], line["sisa"])
        if read != expected:
            diff[code] = (read, expected)
    if not coded:
        # Named only: three lines beside the total, whatever they are called.
        lines = sorted((b["pagu"], b["realisasi"]) for b in result.get("budget", []) if b["code"] != "TOTAL")
        if lines != sorted((p, r) for _c, _n, p, r in ACCOUNTS):
            diff["named"] = (lines, None)
    if result.get("npss") != 98.47:
        diff["npss"] = (result.get("npss"), 98.47)
    return diff


def run(count, seed, planted=False):
    """Check `count` variants; yield ("silent" | "blocked", file, what differs or the errors, the
    variant) for budget tables read wrong without an error or refused; `planted`: each with one
    inconsistency, "silent" when its error is not raised."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, desc, (_overall, _accounts, coded), expected = build(rng, planted)
        path = write(book, f"budget_{seed}_{i}")
        result = check(path)
        if planted:
            if expected and not expected & set(errors(result)):
                yield "silent", path, ("missed", expected, errors(result)), desc
            continue
        diff = differences(result, coded)
        if errors(result):
            yield "blocked", path, errors(result), desc
        elif diff:
            yield "silent", path, diff, desc
