"""Kanreg VI Medan's Renja 2024 (PLANS.md §4), laid out as units lay theirs: the RO budget with
its code, name, volume and amount headed in several words, amounts as comma or dot thousands,
with or without `Rp` (or `Rp` in a cell of its own), `,-` or `,00`, or as numbers under a
thousands format; volume and satuan in one cell or two; KRO rows or none; a No. or a Sumber
Dana column; the header repeated after a page break, blank rows between kegiatan, ROs unsorted;
the total row worded as units word it. Beside it the Renstra-vs-Renja table (IKU codes spelled
in several ways, one header row or two, with or without realisasi and reasons) and the PK
(perspective rows or none, goal codes on their first row or on each). Each must read to the
printed targets by source, realisasi, and to every pagu, volume and parent (the PK's pagu
annex's too), without an error; and, with one inconsistency planted (an RO's amount, the total,
a PK target, the evaluation's target, realisasi or capaian, two ROs' pagu traded in the PK's
annex), must raise its error.
"""

import random

from common import check, errors, g, write
from plans import (KR06_BUDGET, KR06_REALISASI_2023, KR06_REALISASI_EARLIER, KR06_RENJA, KR06_RENSTRA, KR06_TARGETS_EARLIER,
                   KR06_TOTAL, evaluation_tree, kr06_iku)

IKU = kr06_iku(g.KR07_2024)
CODE_SPELLINGS = {"dot": "IKU.{}", "dotspace": "IKU. {}", "trail": "IKU {}.", "space": "IKU {}", "bare": "IKU{}"}


def rupiah(amount, style):
    """A pagu as a unit prints it."""
    dots = f"{amount:,}".replace(",", ".")
    return {"comma_rp": f"Rp {amount:,}", "comma": f"{amount:,}", "dot_rp": f"Rp {dots}", "dot": dots,
            "dot_dash": f"{dots},-", "dot_space_dash": f"{dots} ,-", "dot_cents": f"Rp {dots},00",
            "number": g.Shown(amount, "#,##0"), "general": amount, "rp_cell": f"{amount:,}"}[style]


def kro_rows():
    """The Renja's budget with a KRO row above each group of ROs, its amount derived."""
    rows, parents = [], {}
    kegiatan = None
    for code, name, volume, amount in KR06_BUDGET:
        if code.isdigit():
            kegiatan = code
            rows.append((code, name, volume, amount))
            continue
        kro = f"{kegiatan}.{code.split('.')[0]}"
        if kro not in parents:
            total = sum(a for c, _n, _v, a in KR06_BUDGET if c.split(".")[0] == code.split(".")[0])
            rows.append((kro, f"KRO {code.split('.')[0]}", None, total))
            parents[kro] = kegiatan
        rows.append((code, name, volume, amount))
    return rows


def expected_budget(with_kro, volumes):
    """code -> (pagu, parent, volume, satuan) as kinerja should read them."""
    out, kegiatan = {}, None
    rows = kro_rows() if with_kro else KR06_BUDGET
    for code, _name, volume, amount in rows:
        if code.isdigit():
            kegiatan, parent = code, None
        elif code.count(".") == 1 and code.split(".")[0].isdigit():
            parent = kegiatan
        else:
            parent = f"{kegiatan}.{code.split('.')[0]}" if with_kro else kegiatan
        number, satuan = (volume.split(" ", 1) if volume and volumes else (None, None))
        out[code] = (amount, parent, int(number.replace(".", "")) if number else None, satuan)
    return out


def budget_sheet(rng, book, desc):
    s = book.sheet(rng.choice(["Anggaran", "Tabel 29", "Sheet3"]))
    style = rng.choice(["comma_rp", "comma", "dot_rp", "dot", "dot_dash", "dot_space_dash", "dot_cents", "number",
                        "general", "rp_cell"])
    volume = rng.choice(["shared", "split", "none"])
    with_kro = rng.random() < 0.3
    no_col = rng.random() < 0.3
    sumber = rng.random() < 0.3
    repeat = rng.random() < 0.3
    blanks = rng.random() < 0.3
    unsorted = rng.random() < 0.3
    total_word = rng.choice(["Total Pagu Alokasi Anggaran", "JUMLAH", "TOTAL", "Total", "TOTAL PAGU", "Jumlah Total"])
    total_at = rng.choice(["code", "name"])
    heads = {"code": rng.choice(["KODE/KRO", "KODE", "Kode/ KRO", "Kode", "KODE KEGIATAN/KRO/RO"]),
             "name": rng.choice(["KEGIATAN", "URAIAN", "Kegiatan/Output", "NAMA KEGIATAN/RO", "Uraian Kegiatan"]),
             "volume": rng.choice(["JUMLAH VOLUME OUTPUT", "VOLUME", "Volume Output", "TARGET OUTPUT"]),
             "satuan": rng.choice(["SATUAN", "Satuan"]),
             "amount": rng.choice(["ALOKASI ANGGARAN TAHUN 2024", "PAGU", "ANGGARAN (Rp)", "Pagu Alokasi",
                                   "ALOKASI ANGGARAN (Rp)", "Pagu Anggaran 2024"])}
    desc.update(budget=dict(style=style, volume=volume, kro=with_kro, no=no_col, sumber=sumber, repeat=repeat,
                            blanks=blanks, unsorted=unsorted, total=(total_word, total_at), heads=heads))
    cols = (["no"] if no_col else []) + ["code", "name"]
    cols += {"shared": ["volume"], "split": ["volume", "satuan"], "none": []}[volume]
    cols += ["rp", "amount"] if style == "rp_cell" else ["amount"]
    cols += ["sumber"] if sumber else []
    header = [{"no": "No.", "rp": None, "sumber": "Sumber Dana"}.get(c, heads.get(c)) for c in cols]
    if style == "rp_cell":
        header[cols.index("rp")] = heads["amount"]
        header[cols.index("amount")] = None
    s.row(0, 0, [rng.choice(["Tabel 29 Alokasi Anggaran Kantor Regional VI BKN Medan Tahun 2024",
                             "ALOKASI ANGGARAN TAHUN 2024", "Rincian Anggaran per Rincian Output (RO)"])])
    s.row(2, 0, header)
    rows = kro_rows() if with_kro else list(KR06_BUDGET)
    if unsorted:
        groups, current = [], []
        for row in rows:
            if row[0].isdigit() and current:
                groups.append(current)
                current = []
            current.append(row)
        groups.append(current)
        rows = []
        for group in groups:
            head, ros = group[:1], group[1:]
            if not with_kro:
                rng.shuffle(ros)
            rows += head + ros
    r, number = 3, 0
    for k, (code, name, vol, amount) in enumerate(rows):
        if blanks and code.isdigit() and k > 0:
            r += 1
        if repeat and k == len(rows) // 2:
            s.row(r, 0, header)
            r += 1
        number += 1
        if desc.get("plant") == ("ro", code):
            amount += 2000000
        cell = {"no": number, "code": code, "name": name, "rp": "Rp", "amount": rupiah(amount, style),
                "sumber": "RM" if sumber else None}
        if vol and volume == "shared":
            cell["volume"] = vol
        elif vol and volume == "split":
            count, unit = vol.split(" ", 1)
            cell["volume"] = int(count.replace(".", "")) if rng.random() < 0.5 else count
            cell["satuan"] = unit
        for i, c in enumerate(cols):
            if cell.get(c) is not None:
                s.cells[(r, i)] = cell[c]
        r += 1
    printed_total = KR06_TOTAL + (1000000 if desc.get("plant") == ("total", None) else 0)
    total = {"rp": "Rp", "amount": rupiah(printed_total, style), total_at: total_word}
    for i, c in enumerate(cols):
        if total.get(c) is not None:
            s.cells[(r, i)] = total[c]
    return with_kro, volume != "none"


def target(value, style):
    return {"int": value, "text": str(value), "pct": f"{value}%", "dec": f"{value},00", "float": float(value)}[style]


def renstra_sheet(rng, book, desc):
    s = book.sheet(rng.choice(["Renstra vs Renja", "Tabel 15", "Target"]))
    spelling = rng.choice(list(CODE_SPELLINGS))
    layout = rng.choice(["two_rows", "one_row"])
    realisasi = rng.random() < 0.5
    reasons = rng.choice(["column", "none"])
    style = rng.choice(["int", "text", "pct", "dec", "float"])
    name_head = rng.choice(["INDIKATOR KINERJA UTAMA", "Indikator Kinerja", "IKU"])
    desc.update(renstra=dict(spelling=spelling, layout=layout, realisasi=realisasi, reasons=reasons, style=style,
                             name=name_head))
    s.row(0, 0, ["Perbandingan Target Renstra dan Renja Tahun 2024"])
    c = 2
    if layout == "two_rows":
        s.merge(2, 0, 3, 0, "KODE IKU")
        s.merge(2, 1, 3, 1, name_head)
        if realisasi:
            s.merge(2, c, 2, c + 3, "REALISASI")
            s.row(3, c, ["2020", "2021", "2022", "2023"])
            c += 4
        s.merge(2, c, 2, c + 1, "TARGET 2024")
        s.row(3, c, ["RENSTRA", "RENJA"])
        if reasons == "column":
            s.merge(2, c + 2, 3, c + 2, "ALASAN PERBEDAAN")
        first = 4
    else:
        head = ["KODE IKU", name_head]
        if realisasi:
            head += [f"Realisasi {y}" for y in (2020, 2021, 2022, 2023)]
            c += 4
        head += [rng.choice(["Target Renstra 2024", "TARGET RENSTRA 2024"]), rng.choice(["Target Renja 2024", "TARGET RENJA 2024"])]
        head += ["Alasan Perbedaan"] if reasons == "column" else []
        s.row(2, 0, head)
        first = 3
    for i, (_p, _g, _gn, n, name) in enumerate(IKU):
        row = [CODE_SPELLINGS[spelling].format(n), name]
        if realisasi:
            row += list(KR06_REALISASI_EARLIER[i]) + [KR06_REALISASI_2023[i]]
        row += [target(KR06_RENSTRA[i], style), target(KR06_RENJA[i], style)]
        if reasons == "column" and KR06_RENSTRA[i] != KR06_RENJA[i]:
            word = "Peningkatan" if KR06_RENJA[i] > KR06_RENSTRA[i] else "Penurunan"
            row.append(f"{word} target antara Renstra dan Renja")
        s.row(first + i, 0, row)


def pk_sheet(rng, book, desc):
    s = book.sheet(rng.choice(["PK", "PK 2024", "Perjanjian Kinerja"]))
    layout = rng.choice(["kode", "no", "tree"])
    perspective_rows = rng.random() < 0.5
    goal_each = rng.random() < 0.3
    satuan = rng.random() < 0.4
    style = rng.choice(["int", "text", "pct", "float"])
    desc.update(pk=dict(layout=layout, perspectives=perspective_rows, goal_each=goal_each, satuan=satuan, style=style))
    s.row(0, 0, ["PERJANJIAN KINERJA TAHUN 2024 KANTOR REGIONAL VI BKN MEDAN"])
    head = {"kode": ["KODE SS", "SASARAN STRATEGIS", "KODE IKU", "INDIKATOR KINERJA"],
            "no": ["No.", "SASARAN STRATEGIS", "No.", "INDIKATOR KINERJA UTAMA"],
            "tree": ["SASARAN STRATEGIS / INDIKATOR KINERJA UTAMA"]}[layout]
    head += (["SATUAN"] if satuan else []) + [rng.choice(["TARGET", "Target", "TARGET 2024"])]
    s.row(2, 0, head)
    r, seen_perspective, seen_goal = 3, None, None
    for i, (perspective, gn, goal_name, n, name) in enumerate(IKU):
        if perspective_rows and perspective != seen_perspective:
            s.row(r, 0, [perspective.upper()])
            r += 1
        seen_perspective = perspective
        first = gn != seen_goal or goal_each
        seen_goal = gn
        if layout == "tree" and first and gn != (IKU[i - 1][1] if i else None):
            s.row(r, 0, [f"SS.{gn} {goal_name}"])
            r += 1
        cells = {"kode": [f"SS.{gn}" if first else None, goal_name if first else None, f"IKU.{n}", name],
                 "no": [gn if first else None, goal_name if first else None, n, name],
                 "tree": [f"IKU.{n} {name}"]}[layout]
        pk_target = KR06_RENJA[i] - (1 if desc.get("plant") == ("pk", n) else 0)
        cells += (["%" if "Persentase" in name else "Nilai"] if satuan else []) + [target(pk_target, style)]
        s.row(r, 0, cells)
        r += 1


def pagu_sheet(rng, book, desc):
    """The PK's pagu annex: every level with its KRO rows, amounts as units print them there."""
    s = book.sheet(rng.choice(["Lampiran PK", "Pagu PK"]))
    style = rng.choice(["rp_cell", "comma_rp", "dot", "number"])
    desc.update(pagu=dict(style=style))
    s.row(0, 0, ["LAMPIRAN PERJANJIAN KINERJA TAHUN 2024 KANTOR REGIONAL VI BKN MEDAN"])
    s.row(2, 0, ["Kode KRO", "Kegiatan", "Pagu Alokasi"])
    swapped = {}
    if desc.get("plant", (None,))[0] == "pk_pagu":
        a, b = desc["plant"][1]
        amounts = {c: amount for c, _n, _v, amount in KR06_BUDGET}
        swapped = {a: amounts[b], b: amounts[a]}
    r = 3
    for code, name, _volume, amount in kro_rows():
        amount = swapped.get(code, amount)
        s.row(r, 0, [code, name] + (["Rp", rupiah(amount, "comma")] if style == "rp_cell" else [rupiah(amount, style)]))
        r += 1
    s.row(r, 0, ["TOTAL PAGU", None] + (["Rp", rupiah(KR06_TOTAL, "comma")] if style == "rp_cell" else [rupiah(KR06_TOTAL, style)]))


def evaluation_sheet(rng, book, desc):
    """The evaluation 2020-2024: on one sheet with goal and perspective rows (002's mini-tables
    merged), or one table per IKU named on the line above (as 002 prints it); targets and
    realisasi under years."""
    s = book.sheet(rng.choice(["Evaluasi", "Tabel 1"]))
    spelling = rng.choice(list(CODE_SPELLINGS))
    years_as = rng.choice(["text", "int"])
    capaian = rng.random() < 0.5
    per_iku = rng.random() < 0.4
    desc.update(evaluation=dict(spelling=spelling, years=years_as, capaian=capaian, per_iku=per_iku))
    year = (lambda y: str(y)) if years_as == "text" else (lambda y: y)
    years = [year(y) for y in (2020, 2021, 2022, 2023, 2024, 2020, 2021, 2022, 2023)]

    def figures(i, n):
        targets = [str(t) for t in KR06_TARGETS_EARLIER[i]] + [str(KR06_RENJA[i] - (desc.get("plant") == ("eval_target", n)))]
        realisasi = list(KR06_REALISASI_EARLIER[i]) + [KR06_REALISASI_2023[i]]
        if desc.get("plant") == ("eval_realisasi", n):
            realisasi[3] = "90,5"
        return targets + realisasi + ([capaian_2023(i, desc.get("plant") == ("eval_capaian", n))] if capaian else [])

    if per_iku:
        r = 0
        for i, (_p, _g, _gn, n, name) in enumerate(IKU):
            s.row(r, 0, [f"{i + 1}. {CODE_SPELLINGS[spelling].format(n)} {name}"])
            s.row(r + 1, 0, [f"Tabel {i + 1} Capaian IKU {n} Tahun 2020-2023"])
            s.merge(r + 2, 0, r + 2, 4, "TARGET")
            s.merge(r + 2, 5, r + 2, 8, "REALISASI")
            if capaian:
                s.merge(r + 2, 9, r + 3, 9, "CAPAIAN RENSTRA S.D. 2023")
            s.row(r + 3, 0, years)
            s.row(r + 4, 0, figures(i, n))
            r += rng.choice([5, 6])
        return
    s.merge(2, 0, 3, 0, "KODE")
    s.merge(2, 1, 3, 1, rng.choice(["INDIKATOR KINERJA", "INDIKATOR KINERJA UTAMA"]))
    s.merge(2, 2, 2, 6, "TARGET")
    s.merge(2, 7, 2, 10, "REALISASI")
    if capaian:
        s.merge(2, 11, 3, 11, "CAPAIAN RENSTRA S.D. 2023")
    s.row(3, 2, years)
    evaluation_tree(s, IKU, lambda i, n, name: [CODE_SPELLINGS[spelling].format(n), name] + figures(i, n))


def capaian_2023(i, planted):
    """The evaluation's capaian of IKU i in 2023 as printed: realisasi over target, half-up to two
    decimals ("N/A" with the realisasi); planted, one point more."""
    realisasi = KR06_REALISASI_2023[i]
    if realisasi == "N/A":
        return realisasi
    value = g.half_up(g.decimal.Decimal(realisasi.replace(",", ".")) * 100 / KR06_TARGETS_EARLIER[i][3]) + planted
    return str(value).replace(".", ",")


# A planted inconsistency and the error it must raise.
PLANTS = {"pk_pagu": "RO_AMOUNT_MISMATCH", "ro": "BUDGET_TOTAL", "total": "BUDGET_TOTAL", "pk": "PLAN_TARGET_MISMATCH",
          "eval_target": "PLAN_TARGET_MISMATCH", "eval_realisasi": "HISTORY_MISMATCH", "eval_capaian": "CLAIM_CAPAIAN"}


def build(rng, planted):
    """A variant, what it varies, and the error a planted inconsistency must raise (or None)."""
    book = g.Book()
    cover = book.sheet("Renja")
    cover.row(0, 0, ["RENCANA KERJA KANTOR REGIONAL VI BKN MEDAN TAHUN ANGGARAN 2024"])
    evaluation, pk = rng.random() < 0.4, rng.random() < 0.6
    pagu = pk and rng.random() < 0.5
    desc = {}
    if planted:
        kinds = ["ro", "total"] + (["pk"] if pk else []) + (["eval_target", "eval_realisasi", "eval_capaian"] if evaluation else [])
        kind = rng.choice(kinds + (["pk_pagu"] * 2 if pagu else []))
        # Two ROs of one kegiatan whose amounts differ, traded in the PK (PLANS.md's EBB swap).
        pairs = [(a, b) for a, b in zip(KR06_BUDGET, KR06_BUDGET[1:]) if not a[0].isdigit() and not b[0].isdigit()
                 and a[0][:3] == b[0][:3] and a[3] != b[3]]
        at = {"ro": rng.choice([c for c, *_ in KR06_BUDGET if not c.isdigit()]), "total": None,
              "pk_pagu": tuple(x[0] for x in rng.choice(pairs)),
              "eval_capaian": rng.choice([i + 1 for i, r in enumerate(KR06_REALISASI_2023) if r != "N/A"])}.get(
            kind, rng.randint(2, 14))
        desc["plant"] = (kind, at)
    budget = budget_sheet(rng, book, desc)
    renstra_sheet(rng, book, desc)
    if evaluation:
        evaluation_sheet(rng, book, desc)
    if pk:
        pk_sheet(rng, book, desc)
    if pagu:
        pagu_sheet(rng, book, desc)
    expected = PLANTS[desc["plant"][0]] if planted else None
    if planted and desc["plant"][0] == "eval_realisasi" and not desc["renstra"]["realisasi"]:
        expected = None  # one table of realisasi: nothing to disagree with
    if planted and desc["plant"][0] == "eval_capaian" and not desc["evaluation"]["capaian"]:
        expected = None  # no capaian printed
    return book, desc, budget, pk, evaluation, pagu, expected


def printed(text):
    """A realisasi as printed ("94,78", "N/A") as the JSON gives it."""
    return text if text == "N/A" else float(text.replace(",", "."))


def differences(result, desc, budget, pk, evaluation, pagu):
    """What kinerja read otherwise than printed: targets by source, then each budget line."""
    want, diff = {}, {}
    for i, (_p, _g, _gn, n, _name) in enumerate(IKU):
        want[(f"IKU.{n}", "renstra")] = KR06_RENSTRA[i]
        want[(f"IKU.{n}", "renja")] = KR06_RENJA[i]
        if pk:
            want[(f"IKU.{n}", "pk")] = KR06_RENJA[i]
    got = {(t["code"], t["source"]): t["value"] for t in result.get("targets", []) if t["year"] == 2024}
    if pk:
        # Where the PK places each indicator: its goal, and its perspective where the PK prints one.
        perspectives = desc["pk"]["perspectives"]
        for t in result.get("targets", []):
            i = int(t["code"].split(".")[1]) - 1
            perspective, gn = IKU[i][0].replace(" Perspective", ""), IKU[i][1]
            place = (t["goal"], t["perspective"] if perspectives else None)
            if t["source"] == "pk" and place != (f"SS.{gn}", perspective if perspectives else None):
                diff[(t["code"], "place")] = (place, (f"SS.{gn}", perspective))
    diff.update({k: (got.get(k), v) for k, v in want.items() if got.get(k) != v})
    diff.update({k: (v, None) for k, v in got.items() if k not in want})
    history = {}
    for h in result.get("history", []):
        history.setdefault((h["code"], h["year"]), set()).add(h["realisasi"] if h["realisasi"] == "N/A" else float(h["realisasi"]))
    for i, (_p, _g, _gn, n, _name) in enumerate(IKU):
        for year, text in zip((2020, 2021, 2022, 2023), list(KR06_REALISASI_EARLIER[i]) + [KR06_REALISASI_2023[i]]):
            key = (f"IKU.{n}", year)
            if history.get(key, {printed(text)}) != {printed(text)} or evaluation and key not in history:
                diff[("history",) + key] = (history.get(key), printed(text))
    lines = {b["code"]: (b["pagu"], b["parent"], b["volume"], b["satuan"]) for b in result.get("budget_plan", [])
             if b["source"] == "renja"}
    expected = expected_budget(*budget)
    diff.update({k: (lines.get(k), v) for k, v in expected.items() if lines.get(k) != v})
    diff.update({k: (v, None) for k, v in lines.items() if k not in expected})
    annex = {b["code"]: (b["pagu"], b["parent"]) for b in result.get("budget_plan", []) if b["source"] == "pk"}
    wanted = {code: (pagu, parent) for code, (pagu, parent, _v, _s) in expected_budget(True, False).items()} if pagu else {}
    diff.update({("pk", k): (annex.get(k), v) for k, v in wanted.items() if annex.get(k) != v})
    diff.update({("pk", k): (v, None) for k, v in annex.items() if k not in wanted})
    return diff


def run(count, seed, ext="xlsx", planted=False):
    """Check `count` variants; yield ("silent" | "blocked", file, what differs or the errors, the
    variant) for a plan read wrong without an error or refused; `planted`: each with one
    inconsistency planted, "silent" when its error is not raised."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, desc, budget, pk, evaluation, pagu, expected = build(rng, planted)
        path = write(book, f"plan_{seed}_{i}", ext)
        result = check(path, "--unit", "KR06", "--year", "2024")
        if planted:
            if expected and expected not in errors(result):
                yield "silent", path, ("missed", expected, errors(result)), desc
            continue
        diff = differences(result, desc, budget, pk, evaluation, pagu)
        if errors(result):
            yield "blocked", path, errors(result), desc
        elif result.get("kind") != "plan" or diff:
            yield "silent", path, (result.get("kind"), diff), desc
