"""PUSPENKOM's Renja 2025 with its PK (PLANS.md §4), laid out as a central unit lays them out: the
Renja's targets (`IKU. 1`, `IKU.1`, `IKU 1` or a bare number; `8,17%`, `8,17`, numbers or
percent-formatted cells), Tabel 4's budget (`Kode/ KRO`, dot or comma thousands, `,-`, a header
repeated after a page break, ROs unsorted), the PK's indicators under KODE SK / KODE IKK (the
program's SP.1 and IKP.1 first; goal codes on their first row or on each), and the PK's pagu
annex (`Rp` in a cell of its own or not). Each must read to the eight targets by source (the
PK's through the configured crosswalk, IKP.1 = IKU.1, IKK.n = IKU.(n+1)) and every pagu without
an error; with one inconsistency planted (a PK target, two ROs' pagu traded in the annex, as in
003), each must raise its error. And its PK alone (KODE SK / KODE IKK or one label column, goal
codes on their first row or each, satuan or not, target styles) must read as an agreement of
the eight targets under SP.1, SK.1 and SK.2, its numbered report held to it to NPSS 99.39.
"""

import os
import random

from common import ROOT, agreement_outcome, check, errors, g, write
from plans import PUSPENKOM_PK_PAGU, PUSPENKOM_RENJA_BUDGET, PUSPENKOM_TARGETS
from renja import rupiah

TARGETS = [t.replace("%", "").replace(",", ".") for _c, _n, t in PUSPENKOM_TARGETS]
NAMES = [n for _c, n, _t in PUSPENKOM_TARGETS]
GOALS = [("SP.1", "Meningkatnya kualitas pemetaan kompetensi ASN"), ("SK.1", "Meningkatnya kualitas layanan penilaian"),
         None, None, ("SK.2", "Terwujudnya tata kelola yang akuntabel"), None, None, None]
BUDGET = {code: int(amount.replace(".", "").replace(",-", "")) for code, _n, amount in PUSPENKOM_RENJA_BUDGET}
PLANTS = {"pk": "PLAN_TARGET_MISMATCH", "swap": "RO_AMOUNT_MISMATCH"}


def target(text, style):
    """A target printed as `text` ("8.17", "100") in a style."""
    return {"id_pct": text.replace(".", ",") + "%", "id": text.replace(".", ","), "number": float(text),
            "pct": g.Pct(float(text) / 100)}[style]


def iku(n, style):
    return {"dotspace": f"IKU. {n}", "dot": f"IKU.{n}", "space": f"IKU {n}", "bare": n}[style]


def build(rng, planted):
    book = g.Book()
    desc, plant = {}, None
    if planted:
        plant = rng.choice([("pk", rng.randint(1, 8)), ("swap", None)])
        desc["plant"] = plant
    s = book.sheet(rng.choice(["Renja 2025", "Rencana Kerja"]))
    s.row(0, 0, ["RENCANA KERJA PUSAT PENILAIAN KOMPETENSI ASN TAHUN 2025"])
    code_style, tstyle = rng.choice(["dotspace", "dot", "space", "bare"]), rng.choice(["id_pct", "id", "number", "pct"])
    code_head = "No." if code_style == "bare" else rng.choice(["KODE IKU", "Kode IKU", "KODE"])
    satuan = rng.random() < 0.4
    desc["targets"] = dict(code=(code_head, code_style), style=tstyle, satuan=satuan)
    s.row(2, 0, ["Tabel 2 Target Kinerja Tahun 2025"])
    s.row(3, 0, [code_head, rng.choice(["INDIKATOR KINERJA UTAMA", "Indikator Kinerja"])] + (["Satuan"] if satuan else [])
          + [rng.choice(["TARGET", "Target 2025"])])
    for i, value in enumerate(TARGETS):
        s.row(4 + i, 0, [iku(i + 1, code_style), NAMES[i]] + (["%" if "Persentase" in NAMES[i] else "Nilai"] if satuan else [])
              + [target(value, tstyle)])
    r = 14
    astyle = rng.choice(["dot", "dot_dash", "dot_space_dash", "comma", "number"])
    repeat, unsorted = rng.random() < 0.5, rng.random() < 0.5
    desc["budget"] = dict(style=astyle, repeat=repeat, unsorted=unsorted)
    s.row(r, 0, ["Tabel 4 Alokasi Anggaran Tahun 2025"])
    header = [rng.choice(["Kode/ KRO", "KODE/KRO", "Kode"]), rng.choice(["Kegiatan", "Uraian"]), rng.choice(["Anggaran", "Pagu"]),
              "Sumber Dana"]
    s.row(r + 1, 0, header)
    r += 2
    rows = list(PUSPENKOM_RENJA_BUDGET)
    if unsorted:
        rows[5], rows[6] = rows[6], rows[5]
    for k, (code, name, _amount) in enumerate(rows):
        if repeat and k == 4:
            s.row(r, 0, header)
            r += 1
        s.row(r, 0, [code, name, rupiah(BUDGET[code], astyle), "PNBP"])
        r += 1
    s.row(r, 0, ["Total", None, rupiah(sum(BUDGET[c] for c in BUDGET if c.isdigit()), astyle), None])

    p = book.sheet(rng.choice(["PK 2025", "Perjanjian Kinerja"]))
    each = rng.random() < 0.3
    pstyle = rng.choice(["id", "number"])
    desc["pk"] = dict(each=each, style=pstyle)
    p.row(0, 0, ["PERJANJIAN KINERJA TAHUN 2025 PUSAT PENILAIAN KOMPETENSI ASN"])
    p.row(2, 0, ["KODE SK", "SASARAN KEGIATAN", "KODE IKK", "INDIKATOR KINERJA KEGIATAN", "TARGET"])
    goal = None
    for i, value in enumerate(TARGETS):
        goal = GOALS[i] or goal
        first = GOALS[i] is not None or each
        value = str(float(value) - 1) if plant == ("pk", i + 1) else value
        p.row(3 + i, 0, [goal[0] if first else None, goal[1] if first else None, "IKP.1" if i == 0 else f"IKK.{i}",
                         NAMES[i], target(value, pstyle)])
    annex = rng.random() < 0.6 or plant and plant[0] == "swap"
    if annex:
        a = book.sheet("Lampiran PK")
        rp_cell = rng.random() < 0.5
        desc["annex"] = dict(rp_cell=rp_cell)
        a.row(0, 0, ["LAMPIRAN PERJANJIAN KINERJA TAHUN 2025 PUSAT PENILAIAN KOMPETENSI ASN"])
        a.row(2, 0, ["Kode KRO", "Kegiatan", "Pagu Alokasi"])
        # As in the Renja unless planted: PUSPENKOM's published annex trades EBB.951 and EBB.971.
        pagu = {code: amount for code, _n, amount in PUSPENKOM_PK_PAGU}
        if not plant or plant[0] != "swap":
            pagu.update({"EBB.951": BUDGET["EBB.951"], "EBB.951.055": BUDGET["EBB.951"],
                         "EBB.971": BUDGET["EBB.971"], "EBB.971.055": BUDGET["EBB.971"]})
        for i, (code, name, _amount) in enumerate(PUSPENKOM_PK_PAGU):
            cells = ["Rp", f"{pagu[code]:,}"] if rp_cell else [f"Rp {pagu[code]:,}"]
            a.row(3 + i, 0, [code, name] + cells)
    expected = PLANTS[plant[0]] if plant else None
    return book, desc, annex, expected


def differences(result, annex):
    want = {}
    for i, value in enumerate(TARGETS):
        for source in ("renja", "pk"):
            want[(f"IKU.{i + 1}", source)] = float(value)
    got = {(t["code"], t["source"]): t["value"] for t in result.get("targets", []) if t["year"] == 2025}
    diff = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
    diff.update({k: (v, None) for k, v in got.items() if k not in want})
    lines = {b["code"]: b["pagu"] for b in result.get("budget_plan", []) if b["source"] == "renja"}
    diff.update({k: (lines.get(k), v) for k, v in BUDGET.items() if lines.get(k) != v})
    if annex:
        pk = {b["code"]: b["pagu"] for b in result.get("budget_plan", []) if b["source"] == "pk"}
        if len(pk) != len(PUSPENKOM_PK_PAGU) or any(pk.get(c) != BUDGET[c] for c in BUDGET):
            diff["annex"] = (pk, None)
    return diff


def run(count, seed, planted=False):
    """Check `count` variants; yield ("silent" | "blocked", file, what differs or the errors, the
    variant) for a plan read wrong without an error or refused, or a planted inconsistency missed."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, desc, annex, expected = build(rng, planted)
        path = write(book, f"central_{seed}_{i}")
        result = check(path, "--unit", "PUSPENKOM", "--year", "2025")
        if planted:
            if expected not in errors(result):
                yield "silent", path, ("missed", expected, errors(result)), desc
            continue
        diff = differences(result, annex)
        if errors(result):
            yield "blocked", path, errors(result), desc
        elif result.get("kind") != "plan" or diff:
            yield "silent", path, (result.get("kind"), diff), desc


REPORT = os.path.join(ROOT, "tests", "fixtures", "puspenkom_2025_numbered_goals.xlsx")


def agreement(rng):
    """PUSPENKOM's PK 2025 alone, laid out as a central unit lays it out: KODE SK / KODE IKK
    columns (goal codes on their first row or on each), or one label column holding the goals'
    rows (`SP.1 …`, `SK.1 …`) and the indicators' (`IKP.1 …`, `IKK.n …`); a satuan column or not;
    targets as text with or without `%`, numbers or percentages."""
    book = g.Book()
    s = book.sheet(rng.choice(["PK 2025", "Lampiran PK", "Sheet1"]))
    layout = rng.choice(["kode", "tree"])
    each, satuan = rng.random() < 0.3, rng.random() < 0.4
    style = rng.choice(["id_pct", "id", "number", "pct"])
    desc = dict(layout=layout, each=each, satuan=satuan, style=style)
    s.row(0, 0, [rng.choice(["PERJANJIAN KINERJA TAHUN 2025 PUSAT PENILAIAN KOMPETENSI ASN",
                             "Lampiran Perjanjian Kinerja Pusat Penilaian Kompetensi ASN Tahun 2025"])])
    head = (["KODE SK", "SASARAN KEGIATAN", "KODE IKK", "INDIKATOR KINERJA KEGIATAN"] if layout == "kode"
            else ["SASARAN KEGIATAN / INDIKATOR KINERJA KEGIATAN"])
    s.row(2, 0, head + (["SATUAN"] if satuan else []) + [rng.choice(["TARGET", "Target 2025"])])
    r, goal = 3, None
    for i, value in enumerate(TARGETS):
        first = GOALS[i] is not None
        goal = GOALS[i] or goal
        code = "IKP.1" if i == 0 else f"IKK.{i}"
        tail = (["%" if "Persentase" in NAMES[i] else "Nilai"] if satuan else []) + [target(value, style)]
        if layout == "tree":
            if first:
                s.row(r, 0, [f"{goal[0]} {goal[1]}"])
                r += 1
            s.row(r, 0, [f"{code} {NAMES[i]}"] + tail)
        else:
            shown = first or each
            s.row(r, 0, [goal[0] if shown else None, goal[1] if shown else None, code, NAMES[i]] + tail)
        r += 1
    return book, desc


def run_agreement(count, seed):
    """Check `count` PK variants; yield ("silent" | "blocked", file, what differs or the errors,
    the variant) for a PK read wrong without an error, or a right report refused when held to it."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, desc = agreement(rng)
        path = write(book, f"central_pk_{seed}_{i}")
        result = check(path, "--unit", "PUSPENKOM", "--year", "2025")
        got = {ind["code"]: (ind["target"], ind["goal"]) for ind in result.get("indicators", [])}
        goals = [next(gl for gl in GOALS[: k + 1][::-1] if gl)[0] for k in range(8)]
        want = {f"IKU.{k + 1}": (float(v), goals[k]) for k, v in enumerate(TARGETS)}
        outcome = agreement_outcome(path, result, got, want, REPORT, 99.39)
        if outcome:
            yield (*outcome, desc)
