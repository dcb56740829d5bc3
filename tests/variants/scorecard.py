"""BKN's Tabel 3.1 (000), laid out as scorecards are: code spellings (SS.1, SS. 1, SS 1., SS1, SS-1,
"Sasaran Strategis 1:"; IKU.1, IKU 1., IKU1, IKU-01), a Kode column, the claim columns present or
not, NSS on the goal's row or merged down its indicators, the NPSS in a title, a row or nowhere,
number styles, perspective names. Each must read to NPSS 98.47 and every published capaian.
"""

import random

from common import D, capaian, check, errors, g, write

EXPECTED = {1: "94.17", 2: "100.00", 3: "101.32", 4: "100.18", 5: "100.00", 6: "100.00", 7: "103.09", 8: "95.79",
            9: "102.14", 10: "98.92", 11: "94.66", 12: "86.03", 13: "100.00"}
PERSP_ID = ["Perspektif Stakeholder", "Perspektif Customer", "Perspektif Proses Internal", "Perspektif Pembelajaran dan Pertumbuhan"]


def fmt(v, style, dec=2):
    if isinstance(v, str):
        return v
    if style == "number":
        return float(v)
    q = D(str(v))
    text = f"{q:.{dec}f}" if q != q.to_integral() or dec > 0 else str(int(q))
    if style == "id":
        return text.replace(".", ",")
    return text


def ss_code(mode, n):
    return {"dot": f"SS.{n}", "dotspace": f"SS. {n}", "trail": f"SS {n}.", "bare": f"SS{n}", "hyphen": f"SS-{n}",
            "words": f"Sasaran Strategis {n}:"}[mode]


def iku_code(mode, n):
    return {"dot": f"IKU.{n}", "trail": f"IKU {n}.", "bare": f"IKU{n}", "hyphen": f"IKU-{n:02d}", "space": f"IKU {n}"}[mode]


def build(rng):
    """A variant of Tabel 3.1 and what it varies."""
    book = g.Book()
    s = book.sheet(rng.choice(["Tabel 3.1", "Scorecard", "Sheet1"]))
    ssm = rng.choice(["dot", "dotspace", "trail", "bare", "hyphen", "words"])
    ikm = rng.choice(["dot", "trail", "bare", "hyphen", "space"])
    kode_col = rng.random() < 0.25
    claims = [c for c in ["pct", "st", "nss", "stn", "skor", "nkp", "stk"] if rng.random() < 0.6]
    nss_on = rng.choice(["ss", "iku"])
    styles = {k: rng.choice(["number", "id", "en"]) for k in ("t", "r", "c")}
    pnames = rng.choice([[p for p, *_ in g.BKN_2023], PERSP_ID])
    npss = rng.choice(["title", "row", "none"])
    label_head = rng.choice(["Sasaran Strategis / Indikator Kinerja Utama", "Sasaran Strategis/IKU",
                             "SASARAN STRATEGIS DAN INDIKATOR KINERJA UTAMA"])
    pct_head = rng.choice(["%", "Capaian (%)", "% Capaian", "Capaian"])
    desc = dict(ssm=ssm, ikm=ikm, kode=kode_col, claims=claims, nss_on=nss_on, styles=styles, pn=pnames[0], npss=npss,
                lh=label_head, ph=pct_head)
    s.row(0, 0, ["LAPORAN CAPAIAN KINERJA BADAN KEPEGAWAIAN NEGARA TAHUN 2023"])
    if npss == "title":
        s.row(1, 0, [rng.choice(["NPSS 98.47", "NPSS: 98,47", "Nilai NPSS 98,47"])])
    cols = (["kode"] if kode_col else []) + ["label", "t", "r"]
    names = {"kode": "Kode", "label": label_head, "t": "Target", "r": "Realisasi", "pct": pct_head, "st": "Status",
             "nss": "NSS", "stn": "Status NSS", "skor": "Skor SS", "nkp": "NKP", "stk": "Status NKP"}
    cols += claims
    s.row(2, 0, [names[c] for c in cols])
    r = 3
    ci = {c: i for i, c in enumerate(cols)}
    for pi, (perspective, skor, nkp, goals) in enumerate(g.BKN_2023):
        row = {"label": pnames[pi], "skor": fmt(skor, styles["c"]), "nkp": fmt(nkp, styles["c"]), "stk": "●"}
        for c, v in row.items():
            if c in ci:
                s.cells[(r, ci[c])] = v
        r += 1
        for goal, nss, indicators in goals:
            n = int(goal.split()[0].replace("SS.", "") or goal.split()[1])
            name = goal.split(" ", 2)[-1] if goal.startswith("SS. ") else goal.split(" ", 1)[1]
            code = ss_code(ssm, n)
            row = {"kode": code, "label": name if kode_col else f"{code} {name}"}
            if nss_on == "ss":
                row.update(nss=fmt(nss, styles["c"]), stn="●")
            for c, v in row.items():
                if c in ci:
                    s.cells[(r, ci[c])] = v
            r += 1
            start = r
            for k, (label, target, realisasi, printed) in enumerate(indicators):
                m = int(label.split()[0].split(".")[1])
                iname = label.split(" ", 1)[1]
                code = iku_code(ikm, m)
                dec = 3 if printed == 86.025 and rng.random() < 0.5 else 2
                row = {"kode": code, "label": iname if kode_col else f"{code} {iname}",
                       "t": fmt(target, styles["t"], 1 if target == 3.7 else 0),
                       "r": fmt(realisasi, styles["r"]), "pct": fmt(printed, styles["c"], dec), "st": "●"}
                if nss_on == "iku" and k == 0:
                    row.update(nss=fmt(nss, styles["c"]), stn="●")
                for c, v in row.items():
                    if c in ci:
                        s.cells[(r, ci[c])] = v
                r += 1
            if nss_on == "iku" and len(indicators) > 1:
                for c in ("nss", "stn"):
                    if c in ci:
                        s.merge(start, ci[c], r - 1, ci[c], s.cells[(start, ci[c])])
    if npss == "row":
        col = ci.get("nkp", ci.get("pct", ci["r"]))
        s.row(r, 0, ["NPSS"])
        s.cells[(r, col)] = fmt(98.47, styles["c"])
    return book, desc


def run(count, seed, ext="xlsx", agreement=None):
    """Check `count` variants; yield ("silent" | "blocked", file, what differs or the errors, the
    variant) for each read wrong without an error, or refused with one."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        book, desc = build(rng)
        path = write(book, f"scorecard_{seed}_{i}", ext)
        args = ["--unit", "BKN", "--year", "2023", "--period", "TAHUNAN"] + (["--agreement", agreement] if agreement else [])
        result = check(path, *args)
        got = {k: (None if v is None else str(v)) for k, v in capaian(result).items()}
        expected = {f"IKU.{k}": v for k, v in EXPECTED.items()}
        if errors(result):
            yield "blocked", path, errors(result), desc
        elif got != expected or result.get("npss") != 98.47:
            yield "silent", path, {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}, desc
