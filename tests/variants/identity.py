"""Kanreg VII's Tabel 3.2 under titles, file names and notes units write: the period and year a
title states (in words, numbers or months) must be the ones taken, whatever the file is called
when its name agrees or says nothing, whatever stands under the table (a source citing last
year's LKj, the place and date of signing), and whatever other years' sheets the workbook keeps
beside the report's (earlier years' tables, filled in, and a sheet prepared for the next year),
and whatever PK it keeps on a sheet of its own (this year's, agreeing, or next year's). A sheet
for next year copied whole from the report's, retitled but holding its figures, leaves the year
in doubt where the file's name does not state it: PERIOD_SHEET_COPIED, and nothing else.
"""

import random

from common import errors, check, g, write

# (title, the period and year it states)
TITLES = [
    ("Laporan Capaian Kinerja Triwulan III Tahun 2024 Kanreg VII BKN Palembang", "TW3"),
    ("LAPORAN KINERJA KANREG VII BKN PALEMBANG TW III 2024", "TW3"),
    ("Capaian Kinerja Kantor Regional VII BKN Periode Januari s.d. September 2024", "TW3"),
    ("Capaian Kinerja Kanreg VII BKN Tahun Anggaran 2024 Triwulan 3", "TW3"),
    ("CAPAIAN KINERJA KANREG VII BKN TRIWULAN KETIGA TAHUN 2024", "TW3"),
    ("Capaian Kinerja Kanreg VII BKN TW.III/2024", "TW3"),
    ("Capaian Kinerja Kanreg VII BKN Semester I Tahun 2024", "S1"),
    ("Laporan Kinerja Kantor Regional VII BKN Palembang Tahun 2024", "TAHUNAN"),
    ("Capaian Kinerja Kanreg VII BKN Triwulan II 2024", "TW2"),
    ("Laporan Kinerja Kanreg VII BKN Kuartal III Tahun 2024", "TW3"),
    ("Capaian Kinerja Kanreg VII BKN Q3 2024", "TW3"),
    ("Capaian Kinerja Kanreg VII BKN Trimester II Tahun 2024", "TW2"),
]
# File names: one naming nothing, or one naming the title's own period (filled in).
NAMES = ["data (1)", "final_revisi_2", "Capaian Kinerja", "Laporan {period} 2024", "KR07_{period}_2024"]
NOTES = [
    [],
    ["Sumber: Laporan Kinerja Kantor Regional VII BKN Palembang Tahun 2023"],
    ["Palembang, 15 Januari 2025", "Kepala Kantor Regional VII BKN Palembang"],
    ["Sumber: LKj Tahun 2023", "Palembang, 5 Oktober 2024"],
]
# Other years' sheets kept in the workbook: earlier years before or after the report's sheet,
# and next year's prepared (realisasi and capaian blank).
OTHER_YEARS = [(), (2023,), (2022, 2023), (2025,), (2023, 2025)]


def year_sheet(report, year, rng, copied=False):
    """A copy of the report's sheet for another `year`: its title naming that year, each
    realisasi of an earlier year 90 and its capaian left out, a later year's left blank but for
    the N/A copied with the rows (with `copied`, kept as the report's)."""
    sheet = g.Sheet(rng.choice([str(year), f"Tabel 3.2 ({year})", f"LKj {year}"]))
    sheet.merges = list(report.merges)
    for (r, c), v in report.cells.items():
        if isinstance(v, str):
            v = v.replace("2024", str(year))
        if r > 2 and c in (4, 5) and str(v)[:1].isdigit() and not copied:
            v = "90" if c == 4 and year < 2024 else None
        if v is not None:
            sheet.cells[(r, c)] = v
    return sheet


def run(count, seed, ext="xlsx"):
    """Check `count` variants; yield ("silent" | "blocked", file, what was taken or the errors, the
    variant) for each filed under another period or year without an error, or refused."""
    for i in range(count):
        rng = random.Random(seed * 100000 + i)
        title, period = rng.choice(TITLES)
        name = rng.choice(NAMES).format(period=period)
        notes = rng.choice(NOTES)
        book = g.kr07_capaian()
        book.sheets = book.sheets[:1]
        sheet = book.sheets[0]
        sheet.merges = [m for m in sheet.merges if m[0] != 0]
        sheet.cells[(0, 0)] = title
        sheet.cells.pop((22, 0), None)
        for k, note in enumerate(notes):
            sheet.cells[(23 + k, rng.choice([0, 3]))] = note
        # The unit's PK kept on a sheet of its own: this year's (agreeing) or next year's.
        pk_year = rng.choice([None, None, 2024, 2025])
        if pk_year:
            pk = g.kr07_agreement_kode().sheets[0]
            pk.name = rng.choice([f"PK {pk_year}", "PK", "Perjanjian Kinerja"])
            pk.cells[(0, 0)] = pk.cells[(0, 0)].replace("2024", str(pk_year))
            if pk_year > 2024:
                pk.cells.update({(r, c): "99" for (r, c) in pk.cells if r > 3 and c == 4})
            book.sheets.append(pk)
        years = rng.choice(OTHER_YEARS)
        copied = False
        if years:
            sheet.name = rng.choice(["2024", "Tabel 3.2", "Capaian 2024"])
            copied = years[-1] > 2024 and rng.random() < 0.3
            others = [year_sheet(sheet, year, rng, copied and year > 2024) for year in years]
            before = rng.random() < 0.5
            book.sheets = others + book.sheets if before else book.sheets + others
        path = write(book, f"{name} ({seed}-{i})", ext)
        result = check(path, "--unit", "KR07")
        iku3 = next((x["realisasi"] for x in result.get("indicators", []) if x["code"] == "IKU.3"), None)
        desc = {"title": title, "name": name, "notes": notes, "other years": years, "PK": pk_year, "copied": copied}
        # The copy's figures are the report's sheet's: that sheet is read, the year left in doubt.
        expected = ["PERIOD_SHEET_COPIED"] if copied and "2024" not in name else []
        if errors(result) != expected:
            yield "blocked" if errors(result) else "silent", path, errors(result), desc
        elif (result.get("period"), result.get("year"), iku3) != (period, 2024, 99.01):
            yield "silent", path, (result.get("period"), result.get("year"), iku3), desc
