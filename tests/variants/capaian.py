"""Kanreg VII's Tabel 3.2 (004), laid out as units lay such tables: header words, one or two header
rows, column order, a No., goal, perspective, code, satuan, status, note or budget column or not,
a sheet of the budget spent per RO or not, a title naming the Renja the report is held to,
goal rows merged down, repeated, on rows of their own or in the indicator column, spacer rows,
number styles (Indonesian, English, numbers, percent formats), decorated values, title, cover and
hidden sheets, an indicator's components on the rows under it. Each variant must read to the published NPSS 99.27 and every capaian and budget
amount, or say why not in an error.
"""

import decimal
import random

from common import D, capaian, check, errors, g, write

PERSP = ["Stakeholder Perspective", "Customer Perspective", "Internal Process Perspective", "Learn & Growth Perspective"]
PERSP_ID = ["Perspektif Pemangku Kepentingan", "Perspektif Pelanggan", "Perspektif Proses Internal", "Perspektif Pembelajaran dan Pertumbuhan"]
PREFIX = [["A. ", "B. ", "C. ", "D. "], ["I. ", "II. ", "III. ", "IV. "], ["", "", "", ""]]
# (perspective index, goal number, goal name, [(iku, name, target, realisasi, pct)])
ROWS = []
for pi, (p, goals) in enumerate(g.KR07_2024):
    for goal, inds in goals:
        gn = int(goal.split(".")[0])
        gname = goal.split(". ", 1)[1]
        items = []
        for label, t, r, c, b in inds:
            n = int(label.split(".")[0])
            items.append((n, label.split(". ", 1)[1], t, r, c))
        ROWS.append((pi, gn, gname, items))

BUDGET = {1: (289971000, 289951706, "N/A"), 4: (30400000, 29960485, "-0,29"),
          6: (72928000, 72804577, "0,17"), 7: (200000000, 184103028, "4,6")}


def dots(n):
    return f"{n:,}".replace(",", ".")


def rupiah(n, style, thousands):
    if thousands:
        if n % 1000:
            return f"{n / 1000:,.3f}".replace(",", "_").replace(".", ",").replace("_", ".")
        n //= 1000
    return {"rp": f"Rp{dots(n)}", "rp_space": f"Rp {dots(n)}", "rp_dot": f"Rp. {dots(n)},-", "bare": dots(n),
            "number": float(n), "rp_trail": f"Rp.{dots(n)}-"}[style]
# Columns a unit may print beside the year's: another year's, period's or plan's figures.
DISTRACTORS = ["Target Renstra", "Target Renstra 2024", "Kondisi Awal", "Baseline", "Realisasi 2023", "Realisasi Tahun 2023",
               "Realisasi TW III", "Target TW III", "Capaian 2023", "Target Jangka Menengah", "Realisasi Tahun Lalu",
               "Target Akhir Renstra", "Capaian Tahun Lalu", "Realisasi s.d. TW III", "Target Awal", "Target PK Awal",
               "Nilai", "Realisasi Renstra", "Target 2025", "Proyeksi", "Prognosis", "Realisasi Fisik", "Deviasi",
               "Selisih", "Capaian Renstra", "Capaian terhadap Renstra", "Tren", "Rata-rata Nasional", "Standar Nasional"]
# Dimensions of IKU 9 a unit may print under it: name, target, realisasi.
DIMENSIONS = [("Dimensi Kualifikasi", "25", "24"), ("Dimensi Kompetensi", "40", "38")]
EXPECTED = {1: None, 2: D("100"), 3: D("104.22"), 4: D("98.27"), 5: D("100"), 6: D("100"), 7: D("96.49"), 8: D("100"),
            9: D("101.20"), 10: D("96.24"), 11: D("95.47"), 12: D("85.94"), 13: D("101.44"), 14: D("100")}


def num(text):
    return D(text.replace("%", "").replace(".", "").replace(",", "."))


def value(text, style):
    """A cell for a value printed as `text` ("100%", "99,01", "N/A") in a column style."""
    if text in ("N/A", "-"):
        return text
    pct = text.endswith("%")
    n = num(text)
    if style == "id":
        return text
    if style == "id_nopct":
        return text.replace("%", "")
    if style == "en":
        return str(n) + ("%" if pct else "")
    if style == "number":
        return float(n)
    if style == "pct" and pct:
        return g.Pct(float(n / 100))
    return float(n)


# Tables a unit may place beside Tabel 3.2 on its sheet: Tabel 3.1's perspective summary, its
# claims right, and a budget by RO.
SUMMARY = [["Perspektif", "Skor SS", "Bobot", "NKP"], ["Stakeholder", "100", "25%", "25,00"],
           ["Customer", "101,25", "25%", "25,31"], ["Internal Process", "99,12", "25%", "24,78"],
           ["Learn & Growth", "96,72", "25%", "24,18"], ["NPSS", None, None, "99,27"]]
BY_RO = [["KODE/KRO", "URAIAN", "PAGU", "REALISASI"], ["4842", "Pengelolaan Organisasi dan SDM", "159.500.000", "150.000.000"],
         ["EBC.954", "Layanan Manajemen SDM", "159.500.000", "150.000.000"]]


def beside(rng, sheet, desc):
    """Place a table beside the sheet's indicator table, left or right of it, parted by blank
    columns, its header on any of the first rows."""
    rows = rng.choice([SUMMARY, BY_RO])
    where, gap, top = rng.choice(["left", "right"]), rng.randint(1, 3), rng.randint(0, 8)
    caption = top > 0 and rng.random() < 0.5
    width = len(rows[0])
    if where == "left":
        sheet.cells = {(r, c + width + gap): v for (r, c), v in sheet.cells.items()}
        sheet.merges = [(r1, c1 + width + gap, r2, c2 + width + gap) for (r1, c1, r2, c2) in sheet.merges]
        first = 0
    else:
        first = max(c for _, c in sheet.cells) + 1 + gap
    if caption:
        sheet.row(top - 1, first, ["Tabel 3.1 NPSS Tahun 2024" if rows is SUMMARY else "Anggaran per RO"])
    for i, row in enumerate(rows):
        sheet.row(top + i, first, row)
    desc["beside"] = (rows[0][0], where, gap, top, caption)


def build(rng, distract=False, noclaim=False, side=False):
    """A variant of Tabel 3.2 and what it varies."""
    book = g.Book()
    if rng.random() < 0.15:
        c = book.sheet("Cover")
        c.row(1, 1, ["LAPORAN KINERJA"])
        c.row(2, 1, ["KANTOR REGIONAL VII BKN PALEMBANG"])
        c.row(3, 1, ["TAHUN 2024"])
    s = book.sheet(rng.choice(["Tabel 3.2", "Sheet1", "Capaian", "LKj 2024"]))
    r0 = rng.randint(0, 3)
    c0 = rng.randint(0, 2)
    desc = {}
    title = rng.choice([
        "Tabel 3.2 Data Capaian Kinerja Kantor Regional VII BKN Tahun 2024",
        "CAPAIAN KINERJA KANREG VII BKN PALEMBANG TAHUN 2024",
        "Pengukuran Kinerja Tahun 2024",
        "Capaian Kinerja Kanreg VII BKN terhadap Target Rencana Kerja (Renja) Tahun 2024",
        None,
    ])
    desc["title"] = title
    spent_by_ro = rng.random() < 0.1
    desc["ro"] = spent_by_ro
    ss_mode = rng.choice(["merged", "repeat", "row", "label", "rowcol"])
    spacer = rng.random() < 0.25
    components = rng.choice([(), (), (), ("a. ", "b. "), ("a) ", "b) "), ("- ", "- "), ("• ", "• ")])
    kode_iku = rng.random() < 0.2
    persp_mode = rng.choice(["merged", "first", "none"])
    label_mode = rng.choice(["dot", "iku", "ikudot", "nocol", "paren", "ikuspace"])
    no_mode = rng.choice(["none", "goal", "iku"] if ss_mode in ("merged", "repeat") else ["none", "iku"])
    budget = rng.random() < 0.3
    bstyle = rng.choice(["rp", "rp_space", "rp_dot", "bare", "number", "rp_trail"])
    thousands = budget and rng.random() < 0.3 and bstyle in ("bare", "number")
    persp_col = ss_mode in ("merged", "repeat") and persp_mode == "none" and rng.random() < 0.5
    decimals = rng.choice([2, 2, 1, 0])

    foot = rng.choice([None, "npss", "avg"])
    pnames = rng.choice([PERSP, PERSP_ID, [p.upper() for p in PERSP_ID]])
    prefix = rng.choice(PREFIX)
    cover = rng.random() < 0.3
    old_sheet = rng.random() < 0.3
    prov = rng.random() < 0.2
    unit_in_cell = rng.random() < 0.2
    decorate = rng.random() < 0.3
    pct_head_in_group = rng.random() < 0.3
    satuan = rng.random() < 0.4
    ket = rng.random() < 0.4
    status = rng.random() < 0.3
    two_rows = rng.random() < 0.3
    styles = {k: rng.choice(["id", "id_nopct", "en", "number", "pct"]) for k in ("t", "r", "c")}
    if decimals < 2 and styles["c"] in ("number", "pct"):
        decimals = 2
    heads = {
        "t": rng.choice(["Target", "Target 2024", "Target PK", "Target Kinerja", "TARGET"]),
        "r": rng.choice(["Realisasi", "Realisasi 2024", "Realisasi Kinerja", "REALISASI", "Realisasi s.d. Desember", "Realisasi TW IV"]),
        "c": rng.choice(["Capaian", "Capaian (%)", "% Capaian", "Persentase Capaian", "Tingkat Capaian", "CAPAIAN",
                          "Realisasi terhadap Target (%)", "Realisasi/Target"]),
    }
    desc.update(parts=components, bstyle=bstyle, th=thousands, spacer=spacer, kode=kode_iku, dec_=decorate, pg=pct_head_in_group, pn=pnames[0], pre=prefix[0], cover=cover, old=old_sheet, prov=prov, uic=unit_in_cell, no=no_mode, budget=budget, pcol=persp_col, dec=decimals, foot=foot, ss=ss_mode, persp=persp_mode, label=label_mode, satuan=satuan, ket=ket, status=status,
                two=two_rows, styles=styles, heads=heads, r0=r0, c0=c0)
    cols = [] if no_mode == "none" else ["no"]
    if persp_col:
        cols.append("pc")
    if ss_mode in ("merged", "repeat", "rowcol"):
        cols.append("ss")
    if kode_iku:
        cols.append("kode")
    cols.append("iku")
    vals = ["t", "r"] if noclaim else ["t", "r", "c"]
    if satuan:
        cols.append("sat")
    cols += vals
    if budget:
        cols += ["pagu", "ra", "ef"]
    distract = distract and rng.random() < 0.9
    if distract:
        dname = rng.choice(DISTRACTORS)
        where = rng.choice(["before_t", "after_t", "after_r", "end"])
        if two_rows and where in ("after_t", "after_r"):
            where = "end"
        at = {"before_t": cols.index("t"), "after_t": cols.index("t") + 1, "after_r": cols.index("r") + 1,
              "end": len(cols)}[where]
        cols.insert(at, "dx")
        desc["dx"] = (dname, where)
    if status:
        cols.append("st")
    if ket:
        cols.append("ket")
    width = len(cols)
    names = {"no": "No.", "ss": rng.choice(["Sasaran Strategis", "SASARAN STRATEGIS", "Sasaran"]),
             "iku": rng.choice(["Indikator Kinerja", "Indikator Kinerja Utama", "IKU", "INDIKATOR KINERJA"]),
             "sat": "Satuan", "st": "Status", "kode": rng.choice(["Kode", "Kode IKU"]), "pc": "Perspektif",
             "pagu": rng.choice(["Pagu", "Pagu Anggaran", "Anggaran"]) + (" (Rp Ribu)" if thousands else ""),
             "ra": rng.choice(["Realisasi Anggaran", "Realisasi (Rp)"]) + (" (Rp Ribu)" if thousands else ""),
             "ef": "Efisiensi (%)", "dx": dname if distract else "", "ket": "Keterangan", **heads}
    r = r0
    if title:
        s.row(r, c0, [title])
        r += 2
    if two_rows:
        for i, k in enumerate(cols):
            if k not in vals and k not in ("pagu", "ra", "ef"):
                s.merge(r, c0 + i, r + 1, c0 + i, names[k])
        first = c0 + cols.index("t")
        s.merge(r, first, r, first + len(vals) - 1, "Kinerja")
        s.row(r + 1, first, [names[k] if not (k == "c" and pct_head_in_group) else "%" for k in vals])
        if budget:
            b = c0 + cols.index("pagu")
            s.merge(r, b, r, b + 2, "Anggaran")
            s.row(r + 1, b, [names[k] for k in ("pagu", "ra", "ef")])
        r += 2
    else:
        s.row(r, c0, [names[k] for k in cols])
        r += 1
    for pi, p in enumerate(PERSP):
        p = prefix[pi] + pnames[pi]
        if persp_mode == "merged":
            s.merge(r, c0, r, c0 + width - 1, p)
            r += 1
        elif persp_mode == "first":
            s.row(r, c0 + cols.index("iku") if rng.random() < 0.5 else c0, [p])
            r += 1
        for gpi, gn, gname, items in ROWS:
            if gpi != pi:
                continue
            if ss_mode == "row":
                s.row(r, c0, ([str(gn) if rng.random() < 0.5 else ""] if no_mode != "none" else []) + [f"SS.{gn} {gname}"])
                r += 1
            elif ss_mode == "rowcol":
                s.row(r, c0 + cols.index("ss"), [f"{gn}. {gname}" if rng.random() < 0.5 else gname])
                if "no" in cols:
                    s.cells[(r, c0)] = gn
                r += 1
            elif ss_mode == "label":
                s.row(r, c0 + cols.index("iku"), [f"SS.{gn} {gname}"])
                r += 1
            start = r
            for n, name, t, rv, cv in items:
                if label_mode == "dot":
                    label = f"{n}. {name}"
                elif label_mode == "iku":
                    label = f"IKU {n} {name}"
                elif label_mode == "ikudot":
                    label = f"IKU.{n} {name}"
                elif label_mode == "paren":
                    label = f"{n}) {name}"
                elif label_mode == "ikuspace":
                    label = f"IKU {n}. {name}"
                else:
                    label = name
                row = {}
                row["no"] = gn if no_mode == "goal" else n
                row["pc"] = PERSP[pi].replace(" Perspective", "")
                if ss_mode == "repeat":
                    row["ss"] = gname
                row["iku"] = label
                row["kode"] = f"IKU.{n}" if rng.random() < 0.5 else f"IKU {n}"
                row["sat"] = "%" if t.endswith("%") else rng.choice(["Indeks", "Nilai", "Skor"])
                row["t"] = value(t, styles["t"])
                if unit_in_cell and isinstance(row["t"], str) and not row["t"].endswith("%"):
                    row["t"] = row["t"] + " " + rng.choice(["Indeks", "Nilai"]) if not t.endswith("%") else row["t"]
                row["r"] = value(rv, styles["r"])
                if decorate and isinstance(row["r"], str) and row["r"] not in ("N/A", "-"):
                    kind = rng.choice(["unit", "count", "bound"])
                    if kind == "unit" and not rv.endswith("%"):
                        row["r"] = row["r"] + " " + rng.choice(["Indeks", "Nilai", "Poin"])
                    elif kind == "count" and rv.endswith("%"):
                        row["r"] = row["r"] + rng.choice([" (628 Instansi)", " (12 dari 12 layanan)"])
                    elif kind == "bound" and isinstance(row["t"], str) and not t.endswith("%"):
                        row["t"] = rng.choice(["≥ ", "Min. ", "Minimal "]) + row["t"]
                if prov and n == 12 and isinstance(row["r"], str):
                    row["r"] = row["r"] + " *)"
                if decimals < 2 and cv not in ("N/A", "-"):
                    q = num(cv).quantize(D(1) / D(10) ** decimals, rounding=decimal.ROUND_HALF_UP)
                    cv = (str(q).replace(".", ",")) + ("%" if cv.endswith("%") else "")
                row["c"] = value(cv, styles["c"])
                bud = BUDGET.get(n)
                if bud:
                    row["pagu"], row["ra"] = (rupiah(v, bstyle, thousands) for v in bud[:2])
                    row["ef"] = bud[2]
                row["st"] = "Tercapai" if cv != "N/A" else ""
                row["dx"] = value(rng.choice(["77", "88,5", "93%", "61,2"]), styles["r"])
                row["ket"] = "Belum ada data penilaian NSPK" if rv == "N/A" else ""
                for i, k in enumerate(cols):
                    if k in ("ss", "pc") and ss_mode == "merged" or k == "no" and ss_mode == "merged" and no_mode == "goal":
                        continue
                    v = row.get(k)
                    if v is not None and v != "":
                        s.cells[(r, c0 + i)] = v
                r += 1
                # IKU 9 broken into its dimensions on the rows under it, figures and all.
                for mark, (dimension, dt, dr) in zip(components if n == 9 else "", DIMENSIONS):
                    for k, v in (("iku", mark + dimension), ("t", dt), ("r", dr)):
                        s.cells[(r, c0 + cols.index(k))] = v
                    r += 1
            if ss_mode == "merged":
                for k, v in (("no", gn), ("ss", gname), ("pc", PERSP[pi].replace(" Perspective", ""))):
                    if k == "no" and no_mode != "goal" or k not in cols:
                        continue
                    i = cols.index(k)
                    if len(items) > 1:
                        s.merge(start, c0 + i, r - 1, c0 + i, v)
                    else:
                        s.cells[(start, c0 + i)] = v
            if spacer and (gpi, gn) == max((x[0], x[1]) for x in ROWS if x[0] == pi):
                r += 1
    if "c" not in cols:
        foot = None
    if foot == "npss":
        s.row(r, c0, ["NPSS"] + [None] * (cols.index("c") - 1) + ["99,27"])
    elif foot == "avg":
        s.row(r, c0, ["Rata-rata Capaian"] + [None] * (cols.index("c") - 1) + ["98,19"])
    if side:
        beside(rng, s, desc)
    if spent_by_ro:
        o = book.sheet("Anggaran per RO")
        o.row(0, 0, ["Realisasi Anggaran per Rincian Output Tahun 2024"])
        o.row(1, 0, ["KODE/KRO", "URAIAN", "PAGU", "REALISASI"])
        o.row(2, 0, ["4842", "Pengelolaan Organisasi dan SDM", "159.500.000", "150.000.000"])
        o.row(3, 0, ["EBC.954", "Layanan Manajemen SDM", "159.500.000", "150.000.000"])
    if old_sheet:
        o = book.sheet("2023 (lama)", hidden=True)
        o.row(0, 0, ["Tabel Capaian Kinerja Kantor Regional VII BKN Tahun 2023"])
        o.row(2, 0, ["No.", "Indikator Kinerja", "Target", "Realisasi", "Capaian"])
        o.row(3, 0, [1, "Persentase Instansi", "100%", "80%", "80%"])
    return book, desc


def run(count, seed, ext="xlsx", agreement=None, distract=False, noclaim=False, side=False):
    """Check `count` variants; yield ("silent" | "blocked", file, what differs or the errors, the
    variant) for each read wrong without an error, or refused with one."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, desc = build(rng, distract, noclaim, side)
        if ext != "xlsx":
            book.sheets = [sh for sh in book.sheets if sh.name != "2023 (lama)"]
        path = write(book, f"capaian_{seed}_{i}", ext)
        args = ["--unit", "KR07", "--year", "2024", "--period", "TAHUNAN"] + (["--agreement", agreement] if agreement else [])
        result = check(path, *args)
        got = capaian(result)
        expected = {f"IKU.{k}": v for k, v in EXPECTED.items()}
        if desc.get("budget"):
            lines = {b["code"]: (b["pagu"], b["realisasi"]) for b in result.get("budget", [])}
            want = {f"IKU.{k}": (v[0], v[1]) for k, v in BUDGET.items()}
            got["budget"] = str({k: lines.get(k) for k in want})
            expected["budget"] = str(want)
        right = got == expected and result.get("npss") == 99.27
        if errors(result):
            yield "blocked", path, errors(result), desc
        elif not right:
            yield "silent", path, {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}, desc
