"""BKN's budget use in 2023 (000 Tabel 3.39 and 3.40) beside its scorecard, laid out as units lay
theirs: the overall table and the table per jenis belanja headed in several words (Pagu, Pagu
Anggaran, Alokasi, Rencana Anggaran; Realisasi, Realisasi Anggaran, Serapan (Rp); Sisa, Sisa Anggaran; Capaian, Serapan, %),
columns in another order or without sisa and serapan, the money spent by quarter or semester
(each part's own, with or without their total, or running totals), the jenis belanja coded (51, 52, 53) or
named only (then with their parts under them or not: each line's amounts over its parts, or a
Jumlah under them), a total row or none, amounts with `Rp.`, `Rp `, dot or comma thousands, a closing
`-`, or numbers under a thousands format; with or without Tabel 2.5 (the pagu per SS) and Tabel
3.41 (capaian and serapan per SS, efficiency printed; one header row or two). Each must read to
every printed pagu and realisasi, serapan and sisa recomputed, NPSS 98.47, without an error;
and, with one inconsistency planted (a realisasi or an SS's pagu that no longer adds up, a sisa,
serapan or efficiency misstated), must raise its error.
"""

import random

from common import D, check, errors, g, write

TOTAL = ("TOTAL", 1079227170000, 1028677308609)
ACCOUNTS = [("51", "Belanja Pegawai", 356489232000, 346866997060),
            ("52", "Belanja Barang", 619400961000, 578789169324),
            ("53", "Belanja Modal", 103336977000, 103021142225)]
# 000 Tabel 2.5: the pagu per SS; Tabel 3.41: capaian and serapan per SS, efficiency printed (the
# capaian here the scorecard's NSS, so that efficiency follows from it).
GOALS = [("SS.1", "Terwujudnya Instansi Pemerintah yang Profesional dalam Menerapkan Manajemen ASN", 8207197000),
         ("SS.2", "Terwujudnya Pembinaan dan Pelayanan Kepegawaian yang Berkualitas Prima", 515610787000),
         ("SS.3", "Terwujudnya Pemenuhan Kebijakan Teknis Manajemen ASN", 668250000),
         ("SS.4", "Terwujudnya Peningkatan Kualitas Data dan Sistem Informasi ASN", 21537905000),
         ("SS.5", "Terwujudnya Peningkatan Digitalisasi Penyelenggaraan Layanan Manajemen ASN", 2911268500),
         ("SS.6", "Terwujudnya Peningkatan Kualitas Pengawasan dan Pengendalian Pelaksanaan Manajemen ASN", 4381121500),
         ("SS.7", "Terwujudnya Manajemen Internal BKN yang Efektif, Efisien, dan Akuntabel", 525910641000)]
SERAPAN = ["98.99", "92.48", "99.66", "99.03", "98.03", "98.41", "97.84"]
# What a table named only may print under each jenis belanja: its parts, adding up to it.
DETAILS = {"51": ["Belanja Gaji dan Tunjangan ASN", "Belanja Honorarium"],
           "52": ["Belanja Barang Operasional", "Belanja Barang Non Operasional", "Belanja Perjalanan Dinas"],
           "53": ["Belanja Modal Peralatan dan Mesin", "Belanja Modal Gedung dan Bangunan"]}


def details(rng, code, pagu, realisasi):
    """The parts of a jenis belanja: (code, name, pagu, realisasi), adding up to its own."""
    names = DETAILS[code]
    cuts = sorted(rng.sample(range(1, 100), len(names) - 1))
    shares = [b - a for a, b in zip([0] + cuts, cuts + [100])]
    pagus = [pagu * share // 100 for share in shares[:-1]]
    spent = [realisasi * share // 100 for share in shares[:-1]]
    pagus.append(pagu - sum(pagus))
    spent.append(realisasi - sum(spent))
    return [(f"{code}.{k}", name, p, r) for k, (name, p, r) in enumerate(zip(names, pagus, spent), 1)]
# A planted inconsistency and the errors of which it must raise one: a realisasi off by a million
# no longer adds up to its table's total row, or, without one, to the overall table; so with an
# SS's pagu; an efficiency misstated by one point.
PLANTS = {"realisasi": {"BUDGET_TOTAL", "BUDGET_VIEWS"}, "sisa": {"CLAIM_SISA"}, "serapan": {"CLAIM_SERAPAN"},
          "goal_pagu": {"BUDGET_TOTAL", "BUDGET_VIEWS"}, "efisiensi": {"CLAIM_EFISIENSI"}}


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
    return rng.choice({"pagu": ["Pagu", "Pagu Anggaran", "PAGU", "Alokasi Anggaran", "Anggaran", "Rencana Anggaran"],
                       "realisasi": ["Realisasi", "Realisasi Anggaran", "REALISASI", "Realisasi (Rp)", "Serapan (Rp)"],
                       "sisa": ["Sisa", "Sisa Anggaran", "SISA"],
                       "serapan": ["Capaian", "%", "Serapan", "Persentase Serapan", "% Realisasi"]}[role])


def spent_by_part(rng, realisasi, parts, running):
    """`realisasi` spent over `parts` in shares drawn at random: each part's own, or (`running`)
    up to each part's end."""
    weights = [rng.randint(1, 9) for _ in parts]
    own = [realisasi * w // sum(weights) for w in weights[:-1]]
    own.append(realisasi - sum(own))
    return [sum(own[: i + 1]) for i in range(len(own))] if running else own


def table(rng, book, name, caption, rows, coded, desc, plant):
    """One budget table: `rows` of (code, label, pagu, realisasi); a total row when there are
    several. Without a plant, the money spent may be printed by quarter or semester under its
    header: each part's own (their `Jumlah` or `s.d. TW IV` beside them, or not) or running
    totals, with a serapan or sisa printed where no column is the year's."""
    s = book.sheet(name)
    style, pstyle = rng.choice(["rp_dot", "rp_space", "dot", "dash", "comma", "number", "general"]), rng.choice(
        ["id", "plain", "pct", "number"])
    roles = ["pagu", "realisasi"] + [r for r in ("sisa", "serapan") if rng.random() < 0.7]
    if rng.random() < 0.2:
        roles = ["realisasi", "pagu"] + roles[2:]
    spent = rng.choice(["one"] * 5 + ["parts", "parts_to_date", "running"]) if plant is None else "one"
    # Named only, the jenis belanja may print their parts under them: each its amounts over them,
    # or none, the parts closed by a Jumlah of their own.
    parted = not coded and len(rows) > 1 and rng.random() < 0.5 and rng.choice(["under", "subtotal"])
    if parted:
        spent = "one"
    parts = rng.choice([["TW I", "TW II", "TW III", "TW IV"], ["Semester I", "Semester II"]])
    if spent in ("parts", "running") and not {"sisa", "serapan"} & set(roles):
        roles.append(rng.choice(["sisa", "serapan"]))
    subs = {"one": [], "parts": parts, "running": parts}.get(spent, parts + [rng.choice(["Jumlah", "s.d. " + parts[-1]])])
    label = ([rng.choice(["Kode", "KODE", "Akun", "Kode Akun"])] if coded else []) + [rng.choice(["Uraian", "Jenis Belanja"])]
    labelled = len(rows) > 1
    total_row = labelled and rng.random() < 0.6
    heads = {r: header(rng, r) for r in roles}
    desc[name] = dict(style=style, pstyle=pstyle, roles=roles, coded=coded, total=total_row, heads=heads, spent=(spent, subs),
                      parted=parted)
    s.row(0, 0, [caption])
    first_row = 2
    if subs:
        # Two header rows: the realisasi's over its parts, every other header merged down over both.
        first_row, col = 3, 0
        for head in (label if labelled else []) + [heads[r] for r in roles]:
            if head == heads["realisasi"]:
                s.merge(1, col, 1, col + len(subs) - 1, head)
                s.row(2, col, subs)
                col += len(subs)
            else:
                s.merge(1, col, 2, col, head)
                col += 1
    else:
        s.row(1, 0, (label if labelled else []) + [heads[r] for r in roles])
    printed = rows + ([("TOTAL", "Jumlah", TOTAL[1], TOTAL[2])] if total_row else [])
    if parted:
        printed = [line for row in rows for line in
                   [row if parted == "under" else (row[0], row[1], None, None)] + details(rng, *row[:1], *row[2:])
                   + ([(row[0] + ".sum", "Jumlah", row[2], row[3])] if parted == "subtotal" else [])] + printed[len(rows):]
    # Each line's parts, drawn once so that the total row adds up its lines part by part.
    shares = {code: spent_by_part(rng, realisasi, parts, spent == "running") for code, _t, _p, realisasi in rows}
    shares["TOTAL"] = [sum(column) for column in zip(*shares.values())] if len(rows) > 1 else shares.get("TOTAL")
    for i, (code, text, pagu, realisasi) in enumerate(printed):
        if pagu is None:
            s.row(first_row + i, 0, [text])
            continue
        by_part = [amount(a, style) for a in shares.get(code, [])] + ([amount(realisasi, style)] if spent == "parts_to_date" else [])
        cells = {"pagu": [amount(pagu, style)], "realisasi": by_part if subs else [amount(realisasi, style)],
                 "sisa": [amount(pagu - realisasi, style)], "serapan": [percent(serapan(pagu, realisasi), pstyle)]}
        if plant and plant[1] == code.removesuffix(".sum") and plant[0] in cells:
            wrong = {"realisasi": realisasi + 1000000, "sisa": pagu - realisasi + 5000000}.get(plant[0])
            cells[plant[0]] = [amount(wrong, style) if wrong else percent(serapan(pagu, realisasi) + 1, pstyle)]
        first = ([code] if coded else []) + [text] if labelled else []
        if (code == "TOTAL" or code.endswith(".sum")) and labelled:
            first = ([None] if coded else []) + ["Jumlah"]
        s.row(first_row + i, 0, first + [c for r in roles for c in cells[r]])
    return roles


def goal_code(n, style):
    return {"dot": f"SS.{n}", "space": f"SS {n}", "number": str(n)}[style]


def goals_sheet(rng, book, desc, plant):
    """Tabel 2.5: each SS's pagu, a total row or none."""
    s = book.sheet(rng.choice(["Tabel 2.5", "Anggaran per SS"]))
    style = rng.choice(["dot", "rp_space", "number", "comma"])
    code_head = rng.choice(["No SS", "Kode SS", "No."])
    code_style = rng.choice(["dot", "space"]) if code_head != "No." else "number"
    head = rng.choice(["Anggaran", "Pagu Anggaran", "Pagu", "Alokasi Anggaran"])
    total = rng.random() < 0.7
    desc["goals"] = dict(style=style, code=(code_head, code_style), head=head, total=total)
    s.row(0, 0, ["Tabel 2. 5 Pagu Anggaran BKN Tahun 2023 berdasarkan Sasaran Strategis"])
    s.row(1, 0, [code_head, "Sasaran Strategis", head])
    for i, (code, name, pagu) in enumerate(GOALS):
        pagu += 1000000 if plant == ("goal_pagu", code) else 0
        s.row(2 + i, 0, [goal_code(i + 1, code_style), name, amount(pagu, style)])
    if total:
        s.row(2 + len(GOALS), 0, ["Total", None, amount(TOTAL[1], style)])


def efficiency_sheet(rng, book, desc, plant):
    """Tabel 3.41: Realisasi (%) over Kinerja | Anggaran, or each named, and Efisiensi."""
    s = book.sheet(rng.choice(["Tabel 3.41", "Efisiensi"]))
    layout = rng.choice(["two_rows", "one_row"])
    style = rng.choice(["id", "plain", "number"])
    desc["efficiency"] = dict(layout=layout, style=style)
    s.row(0, 0, ["Tabel 3. 41 Efektifitas dan Efisiensi Sumber Daya BKN Tahun 2023"])
    if layout == "two_rows":
        s.merge(1, 0, 2, 0, "No SS")
        s.merge(1, 1, 2, 1, "Sasaran Strategis")
        s.merge(1, 2, 1, 3, "Realisasi (%)")
        s.merge(1, 4, 2, 4, "Efisiensi")
        s.row(2, 2, ["Kinerja", "Anggaran"])
    else:
        s.row(2, 0, ["No SS", "Sasaran Strategis", rng.choice(["Capaian Kinerja (%)", "Realisasi Kinerja (%)"]),
                     rng.choice(["Serapan Anggaran (%)", "Realisasi Anggaran (%)"]), "Efisiensi (%)"])
    for i, (code, capaian) in enumerate(g.BKN_2023_NSS):
        c, sr = D(capaian), D(SERAPAN[i])
        efisiensi = ((c - sr) / c * 100).quantize(D("0.01"), rounding="ROUND_HALF_UP")
        efisiensi += 1 if plant == ("efisiensi", code) else 0
        shown = lambda v: percent(v, style) if style != "id" else f"{v:.2f}".replace(".", ",")  # noqa: E731
        s.row(3 + i, 0, [code, GOALS[i][1], shown(c), shown(sr), shown(efisiensi)])


def build(rng, planted):
    book = g.bkn_scorecard()
    desc, plant = {}, None
    coded = rng.random() < 0.7
    goals, efficiency = rng.random() < 0.5, rng.random() < 0.5
    if planted:
        kinds = ["realisasi", "sisa", "serapan"] + (["goal_pagu"] * 3 if goals else []) + (["efisiensi"] * 3 if efficiency else [])
        kind = rng.choice(kinds)
        at = rng.choice([a[0] for a in (GOALS if kind in ("goal_pagu", "efisiensi") else ACCOUNTS)])
        plant = (kind, at)
        desc["plant"] = plant
    overall = table(rng, book, "Tabel 3.39", "Tabel 3.39 Realisasi Anggaran Tahun 2023", [("TOTAL", None) + TOTAL[1:]], False, desc, None)
    accounts = table(rng, book, "Tabel 3.40", "Tabel 3.40 Realisasi Anggaran per Jenis Belanja Tahun 2023",
                     [(c, n, p, r) for c, n, p, r in ACCOUNTS], coded, desc, plant)
    if goals:
        goals_sheet(rng, book, desc, plant)
    if efficiency:
        efficiency_sheet(rng, book, desc, plant)
    expected = PLANTS[plant[0]] if plant and plant[0] in accounts + ["goal_pagu", "efisiensi"] else None
    return book, desc, (overall, accounts, coded, goals), expected


def differences(result, coded, goals, parted):
    """What kinerja read otherwise than printed: each line's pagu, realisasi, serapan and sisa."""
    want = {"TOTAL": (TOTAL[1], TOTAL[2])}
    if coded:
        want.update({c: (p, r) for c, _n, p, r in ACCOUNTS})
    got = {}
    for b in result.get("budget", []):
        got.setdefault(b["code"], b)  # the overall table's TOTAL comes first
    diff = {}
    for code, (pagu, realisasi) in want.items():
        line = got.get(code)
        expected = (pagu, realisasi, float(serapan(pagu, realisasi)), pagu - realisasi)
        read = line and (line["pagu"], line["realisasi"], line["serapan"], line["sisa"])
        if read != expected:
            diff[code] = (read, expected)
    if not coded:
        # Named only: three lines beside the total, whatever they are called, and their parts.
        lines = sorted(((b["pagu"], b["realisasi"]) for b in result.get("budget", []) if b["scope"] == "akun"), key=str)
        parts = [(p, r) for b in result.get("budget", []) for p, r in [(b["pagu"], b["realisasi"])] if b["scope"] == "akun"]
        accounts = [(p, r) for _c, _n, p, r in ACCOUNTS]
        if not set(accounts) <= set(parts) or parted and len(lines) == len(accounts) or not parted and lines != sorted(accounts):
            diff["named"] = (lines, None)
    if goals:
        read = {b["code"]: b["pagu"] for b in result.get("budget", []) if b["scope"] == "ss" and b["pagu"] is not None}
        if read != {code: pagu for code, _n, pagu in GOALS}:
            diff["goals"] = (read, None)
    if result.get("npss") != 98.47:
        diff["npss"] = (result.get("npss"), 98.47)
    return diff


def run(count, seed, planted=False, ext="xlsx"):
    """Check `count` variants; yield ("silent" | "blocked", file, what differs or the errors, the
    variant) for budget tables read wrong without an error or refused; `planted`: each with one
    inconsistency, "silent" when its error is not raised."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, desc, (_overall, _accounts, coded, goals), expected = build(rng, planted)
        path = write(book, f"budget_{seed}_{i}", ext)
        result = check(path)
        if planted:
            if expected and not expected & set(errors(result)):
                yield "silent", path, ("missed", expected, errors(result)), desc
            continue
        diff = differences(result, coded, goals, desc["Tabel 3.40"]["parted"])
        if errors(result):
            yield "blocked", path, errors(result), desc
        elif diff:
            yield "silent", path, diff, desc
