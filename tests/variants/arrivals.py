"""Sequences of arrivals, as units send them over a year: reports and PKs, revised or not, the same
file again, earlier content again, an unreadable file, another unit's report, each Kanreg's in its
own folder, dropped in one go into a running `kinerja serve` in the order of their modification
times. What the service says afterwards is held to a model of README's rules ("Versions and
duplicates", "The review", ARCHITECTURE.md "Which report counts"): per unit, the version that
counts, its outcome and NPSS, its agreement's, and a later refused or duplicate file, the same in
`status`, in the Rekap's Status Pengiriman, Ringkasan and Capaian IKU, and in the subjects of the
mail each arrival got (and each report assessed again when its PK arrived after it).
"""

import decimal
import email
import email.policy
import glob
import json
import os
import random
import signal
import sqlite3
import subprocess
import tempfile
import time

import openpyxl

from common import D, KINERJA, SCRATCH, g, write

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]
SEATS = ["Yogyakarta", "Surabaya", "Bandung", "Makassar", "Jakarta", "Medan", "Palembang", "Banjarmasin", "Jayapura",
         "Denpasar", "Manado", "Pekanbaru", "Banda Aceh", "Manokwari"]
# (IKU number, perspective index, goal number, target as KR07's PK prints it)
TREE = []
for _pi, (_p, _goals) in enumerate(g.KR07_2024):
    for _goal, _inds in _goals:
        for _label, _t, *_rest in _inds:
            TREE.append((int(_label.split(".")[0]), _pi, int(_goal.split(".")[0]), _t))
# Targets a revised PK may set instead of the first one's.
OTHER_TARGETS = {3: ["95", "96"], 9: ["84", "82", "86"], 13: ["97", "95"]}
HALF_UP = decimal.ROUND_HALF_UP


def num(text):
    return D(text.replace("%", "").replace(",", "."))


def two(x):
    return x.quantize(D("0.01"), rounding=HALF_UP)


def npss(targets, realisasi):
    """NPSS under DOMAIN.md from `targets` and `realisasi` ({iku: text}; "N/A" left out)."""
    goals = {}
    for iku, pi, gn, _ in TREE:
        r = realisasi[iku]
        if r != "N/A":
            goals.setdefault((pi, gn), []).append(num(r) / num(targets[iku]) * 100)
    perspectives = {}
    for (pi, _), capaian in goals.items():
        perspectives.setdefault(pi, []).append(sum(capaian) / len(capaian))
    scores = [sum(nss) / len(nss) for nss in perspectives.values()]
    return two(sum(s / 4 for s in scores))


def unit_title(text, roman, seat):
    return (text.replace("Kantor Regional VII BKN Palembang", f"Kantor Regional {roman} BKN {seat}")
            .replace("Kantor Regional VII BKN", f"Kantor Regional {roman} BKN")
            .replace("KANREG VII BKN PALEMBANG", f"KANREG {roman} BKN {seat.upper()}")
            .replace("Kanreg VII BKN", f"Kanreg {roman} BKN"))


def renamed(book, roman, seat):
    for sheet in book.sheets:
        sheet.cells = {k: unit_title(v, roman, seat) if isinstance(v, str) else v for k, v in sheet.cells.items()}
    return book


def report_book(roman, seat, targets, realisasi, wrong_claim):
    """Tabel 3.2 of the unit with these targets and realisasi, its capaian printed from them (one
    of them 2 off with `wrong_claim`)."""
    data = []
    for perspective, goals in g.KR07_2024:
        rows = []
        for goal, inds in goals:
            items = []
            for label, _t, _r, _c, _b in inds:
                iku = int(label.split(".")[0])
                r = realisasi[iku]
                c = "N/A" if r == "N/A" else two(num(r) / num(targets[iku]) * 100)
                if c != "N/A" and wrong_claim == iku:
                    c += 2
                items.append((label, targets[iku], r, c if c == "N/A" else f"{c}%".replace(".", ","), None))
            rows.append((goal, items))
        data.append((perspective, rows))
    book = g.kr07_capaian(data=data)
    book.sheets = [s for s in book.sheets if s.name != "Tabel 3.1"]
    return renamed(book, roman, seat)


def pk_book(roman, seat, targets, broken):
    """The unit's PK (KODE layout) with these targets; `broken`: IKU 5's target out of range."""
    book = g.kr07_agreement_kode()
    cells = book.sheets[0].cells
    for (r, c), v in list(cells.items()):
        if c == 2 and isinstance(v, str) and v.startswith("IKU"):
            iku = int(v[3:])
            cells[(r, 4)] = "150%" if broken and iku == 5 else targets[iku]
    return renamed(book, roman, seat)


def draw_targets(rng):
    targets = {iku: t for iku, _, _, t in TREE}
    for iku, options in OTHER_TARGETS.items():
        targets[iku] = rng.choice(options)
    return targets


def draw_realisasi(rng):
    out = {}
    for iku, _, _, t in TREE:
        if iku == 1 and rng.random() < 0.3:
            out[iku] = "N/A"
            continue
        low = 70 if t.endswith("%") else 75
        value = D(rng.randint(low * 100, 10000)) / 100
        out[iku] = f"{value}".replace(".", ",") + ("%" if t.endswith("%") else "")
    return out


class Unit:
    """One Kanreg's sequence of files and the model of what kinerja must make of it."""

    def __init__(self, rng, index):
        self.code = f"KR{index + 1:02d}"
        self.roman, self.seat = ROMAN[index], SEATS[index]
        self.files = []  # (name, bytes, what)
        pks = []  # contents of PKs: (bytes, targets, valid)
        reports = []  # contents of reports: (bytes, targets, realisasi, wrong_claim)
        kinds = ["report", "report", "report", "pk", "pk", "dup", "resend", "garbage", "other"]
        for n in range(rng.randint(2, 8)):
            what = rng.choice(kinds)
            name = f"{n + 1:02d} {what}.xlsx"
            # A unit often sends its PK first.
            if what == "pk" or what == "report" and not pks and rng.random() < 0.3:
                targets = draw_targets(rng)
                valid = rng.random() < 0.8
                path = write(pk_book(self.roman, self.seat, targets, not valid), f"{self.code}-{n}", "xlsx")
                data = open(path, "rb").read()
                pks.append((data, targets, valid))
                self.files.append((f"{n + 1:02d} pk.xlsx", data, ("pk", targets, valid)))
            # Nothing to send again yet: a report.
            elif what == "report" or what in ("dup", "resend") and not reports:
                base = rng.choice(pks)[1] if pks and rng.random() < 0.7 else draw_targets(rng)
                realisasi = draw_realisasi(rng)
                wrong = rng.choice([None] * 5 + [9])
                path = write(report_book(self.roman, self.seat, base, realisasi, wrong), f"{self.code}-{n}", "xlsx")
                data = open(path, "rb").read()
                reports.append((data, base, realisasi, wrong))
                self.files.append((f"{n + 1:02d} laporan.xlsx", data, ("report", base, realisasi, wrong)))
            elif what == "dup":
                self.files.append((name, None, ("dup",)))
            elif what == "resend":
                data, base, realisasi, wrong = rng.choice(reports)
                self.files.append((name, data, ("report", base, realisasi, wrong)))
            elif what == "garbage":
                self.files.append((name, bytes(rng.randrange(256) for _ in range(300)), ("garbage",)))
            else:
                other = rng.choice([i for i in range(14) if ROMAN[i] != self.roman])
                book = report_book(ROMAN[other], SEATS[other], draw_targets(rng), draw_realisasi(rng), None)
                path = write(book, f"{self.code}-{n}-other", "xlsx")
                self.files.append((name, open(path, "rb").read(), ("other",)))
        self.resolve_duplicates()

    def resolve_duplicates(self):
        """A "dup" sends the bytes of the last file of the unit that became a version (else it
        is left out)."""
        resolved, last = [], None
        for name, data, what in self.files:
            if what[0] == "dup":
                if last is None:
                    continue
                data, what = last
            elif what[0] in ("report", "pk"):
                last = (data, what)
            resolved.append((name, data, what))
        self.files = resolved

    def model(self):
        """What README's rules make of the sequence: per kind the versions (content, same_as),
        each content's errors and NPSS as last reviewed, the mail subjects, the last file that
        became no version."""
        versions = {"pk": [], "report": []}  # [(content, same_as)]
        reviewed = {}  # content -> (errors, npss, whether a PK governed its review, that PK's targets)
        subjects = []
        later = None
        for name, data, what in self.files:
            kind = what[0]
            if kind in ("garbage", "other"):
                subjects.append(("ditolak", name))
                later = (name, "ditolak")
                continue
            own = versions[kind]
            if own and own[-1][0] == data:
                subjects.append(("duplikat", name))
                later = (name, "duplikat")
                continue
            # Earlier content again: it equals the latest version of that content.
            same_as = next((i + 1 for i, (d, _) in reversed(list(enumerate(own))) if d == data), None)
            own.append((data, same_as))
            later = None if kind == "report" else later
            n = len(own)
            words = f"versi {n}" + (f" = versi {same_as}" if same_as else "")
            if kind == "pk":
                _, targets, valid = what
                first_valid = valid and not any(reviewed.get(d, (1,))[0] == 0 for d, _ in own[:-1])
                reviewed[data] = (0 if valid else 1, None, True, None)
                subjects.append(("diterima" if valid else "perlu perbaikan", words))
                # The report that counts, sent before any PK governed it, is assessed again.
                if first_valid and versions["report"]:
                    current = versions["report"][-1][0]
                    governed = reviewed[current][2]
                    if not governed:
                        self.review(reviewed, current, targets, True)
                        errors = reviewed[current][0]
                        r_n = len(versions["report"])
                        r_same = versions["report"][-1][1]
                        r_words = f"versi {r_n}" + (f" = versi {r_same}" if r_same else "")
                        subjects.append(("diterima" if errors == 0 else "perlu perbaikan", r_words))
                continue
            governing = next((t for d, t in reversed(self.pk_targets(versions["pk"], reviewed))), None)
            self.review(reviewed, data, governing, governing is not None)
            errors = reviewed[data][0]
            subjects.append(("diterima" if errors == 0 else "perlu perbaikan", words))
        return versions, reviewed, subjects, later

    def pk_targets(self, pk_versions, reviewed):
        """The valid PK versions so far, oldest first, with their targets."""
        contents = {data: what[1] for _, data, what in self.files if what[0] == "pk"}
        return [(d, contents[d]) for d, _ in pk_versions if reviewed[d][0] == 0]

    def review(self, reviewed, data, governing, governed):
        _, targets, realisasi, wrong = next(w for _, d, w in self.files if d == data)
        held = governing or targets
        errors = int(wrong is not None) + int(governing is not None and any(
            num(governing[i]) != num(targets[i]) for i in governing))
        reviewed[data] = (errors, npss(held, realisasi), governed, governing)


def start(workplace):
    config = os.path.join(workplace, "kinerja.toml")
    with open(config, "w") as f:
        f.write('settle = "150ms"\npoll_interval = "300ms"\nworkers = 2\n')
    log = open(os.path.join(workplace, "serve.log"), "w")
    process = subprocess.Popen([KINERJA, "--config", config, "serve"], cwd=workplace, stderr=log, stdout=log)
    deadline = time.time() + 20
    while not os.path.isdir(os.path.join(workplace, "inbox", "KR14")):
        if time.time() > deadline or process.poll() is not None:
            raise RuntimeError(f"kinerja serve did not start in {workplace}")
        time.sleep(0.05)
    return process, config


def drop(workplace, units):
    """Every unit's files into its folder at once, each unit's in order of modification time."""
    base = time.time_ns() - 3600 * 10**9
    staging = os.path.join(workplace, "staging")
    os.makedirs(staging, exist_ok=True)
    count = 0
    for unit in units:
        for i, (name, data, _) in enumerate(unit.files):
            path = os.path.join(staging, f"{unit.code}-{name}")
            with open(path, "wb") as f:
                f.write(data)
            when = base + i * 10**9
            os.utime(path, ns=(when, when))
            os.rename(path, os.path.join(workplace, "inbox", unit.code, name))
            count += 1
    return count


def settle(workplace, count, expected_mail):
    """Wait until every file is recorded, every message written and the Rekap rebuilt after."""
    ledger = os.path.join(workplace, "state", "ledger.sqlite")
    deadline = time.time() + 120
    while True:
        try:
            with sqlite3.connect(f"file:{ledger}?mode=ro", uri=True) as db:
                arrived = db.execute("SELECT COUNT(*) FROM arrivals").fetchone()[0]
        except sqlite3.Error:
            arrived = 0
        mails = len(glob.glob(os.path.join(workplace, "outbox", "mail", "*.eml")))
        rekap = os.path.join(workplace, "outbox", "2024", "Rekap Kinerja 2024 TAHUNAN.xlsx")
        if arrived >= count and os.path.exists(rekap):
            written = glob.glob(os.path.join(workplace, "outbox", "**", "*"), recursive=True)
            quiet = time.time() - max(os.path.getmtime(p) for p in written)
            # Fewer messages than the model says are judged, once nothing is written for a while.
            if quiet > (2.5 if mails >= expected_mail else 8):
                return
        if time.time() > deadline:
            raise RuntimeError(f"{workplace}: {arrived} of {count} recorded, {mails} of {expected_mail} messages")
        time.sleep(0.2)


def status(workplace, config):
    out = subprocess.run([KINERJA, "--config", config, "status", "--year", "2024", "--period", "TAHUNAN", "--format", "json"],
                         cwd=workplace, capture_output=True, text=True)
    return json.loads(out.stdout)["rows"]


def subjects_of(workplace):
    """Each unit's mail subjects in the order written."""
    out = {}
    for path in sorted(glob.glob(os.path.join(workplace, "outbox", "mail", "*.eml"))):
        with open(path, "rb") as f:
            subject = str(email.message_from_binary_file(f, policy=email.policy.default)["Subject"])
        unit = subject.split()[1].rstrip(":")
        out.setdefault(unit, []).append(subject)
    return out


def judge(unit, rows, subjects):
    """What differs between the model and what kinerja says of `unit`."""
    versions, reviewed, want_subjects, later = unit.model()
    wrong = []
    mine = [r for r in rows if r["unit"] == unit.code]
    report = next((r for r in mine if r["kind"] == "realisasi" and r["outcome"] != "belum_mengirim"), None)
    if versions["report"]:
        data, same_as = versions["report"][-1]
        errors, want_npss = reviewed[data][:2]
        want = (len(versions["report"]), same_as, "diterima" if errors == 0 else "perlu_perbaikan",
                str(want_npss) if errors == 0 else None)
        got = report and (report["version"], report["same_as"], report["outcome"],
                          None if report["npss"] is None or errors else f"{D(str(report['npss'])):.2f}")
        if got != want:
            wrong.append(("report", got, want))
        # Blocked: the last version without errors, and its NPSS.
        valid = next(((i + 1, reviewed[d][1]) for i, (d, _) in reversed(list(enumerate(versions["report"])))
                      if reviewed[d][0] == 0), None) if errors else None
        got = report and report["valid_version"] and (report["valid_version"], f"{D(str(report['valid_npss'])):.2f}")
        if report and got != (valid and (valid[0], str(valid[1]))):
            wrong.append(("last valid version", got, valid))
    elif report is not None:
        wrong.append(("report", report["version"], None))
    agreement = next((r for r in mine if r["kind"] == "agreement"), None)
    if versions["pk"]:
        data, same_as = versions["pk"][-1]
        want = (len(versions["pk"]), same_as, "diterima" if reviewed[data][0] == 0 else "perlu_perbaikan")
        got = agreement and (agreement["version"], agreement["same_as"], agreement["outcome"])
        if got != want:
            wrong.append(("agreement", got, want))
    extra = next((r for r in mine if r["kind"] is None), None)
    got = extra and (extra["file"], extra["outcome"])
    if got != later:
        wrong.append(("later file", got, later))
    got_subjects = [s.split(": ", 1)[1] for s in subjects.get(unit.code, [])]
    want_words = [f"{o} ({w}" if o not in ("ditolak", "duplikat") else f"{o} {w}" for o, w in want_subjects]
    if len(got_subjects) != len(want_words) or any(not s.startswith(w) for s, w in zip(got_subjects, want_words)):
        wrong.append(("mail", got_subjects, want_words))
    return wrong


def rekap(workplace):
    """The service's Rekap: each sheet's rows by unit, as dicts of its header."""
    book = openpyxl.load_workbook(os.path.join(workplace, "outbox", "2024", "Rekap Kinerja 2024 TAHUNAN.xlsx"), read_only=True)
    sheets = {}
    for name, header_row, code_col in [("Ringkasan", 4, "Kode"), ("Status Pengiriman", 0, "Kode"), ("Capaian IKU", 0, "Unit")]:
        rows = list(book[name].iter_rows(values_only=True))
        header = rows[header_row]
        for row in rows[header_row + 1:]:
            entry = dict(zip(header, row))
            if entry.get(code_col):
                sheets.setdefault(name, {}).setdefault(entry[code_col], []).append(entry)
    return sheets


def one_truth(unit, rows, sheets):
    """Where the Rekap says of `unit` otherwise than `status`, and its indicators otherwise than
    the model."""
    wrong = []
    mine = [r for r in rows if r["unit"] == unit.code]
    # The report's line; with none sent, the line of a refusal stands in its place, and is the
    # Rekap's latest file too.
    later = next((r for r in mine if r["kind"] is None), None)
    report = next((r for r in mine if r["kind"] == "realisasi"), later)
    agreement = next((r for r in mine if r["kind"] == "agreement"), None)
    shown = lambda v: None if v is None else f"{D(str(v)):.2f}"  # noqa: E731
    [sent] = sheets["Status Pengiriman"][unit.code]
    pk = agreement and f"versi {agreement['version']}" + (", perlu perbaikan" if agreement["outcome"] != "diterima" else "")
    got = (sent["Status"], sent["Versi"], sent["Sama dengan versi"], sent["ID kiriman"], sent["Berkas"],
           sent["Kesalahan"], sent["Peringatan"], shown(sent["NPSS"]), shown(sent["NPSS versi valid terakhir"]),
           sent["Perjanjian Kinerja"], (sent["Kiriman terakhir"] or "").split(" (")[0] or None)
    want = (report["label"], report["version"], report["same_as"], report["submission"], report["file"],
            report["errors"], report["warnings"], shown(report["npss"]), shown(report["valid_npss"]), pk,
            later and f"{later['label']}: {later['file']}")
    if got != want:
        wrong.append(("Status Pengiriman", got, want))
    [ranked] = sheets["Ringkasan"][unit.code]
    got = (ranked["Status"], ranked["Versi"], shown(ranked["NPSS"]), shown(ranked["NPSS versi valid terakhir"]))
    want = (report["label"], report["version"], shown(report["npss"]), shown(report["valid_npss"]))
    if got != want:
        wrong.append(("Ringkasan", got, want))
    versions, reviewed, _, _ = unit.model()
    if versions["report"]:
        data = versions["report"][-1][0]
        _, targets, realisasi, _ = next(w for _, d, w in unit.files if d == data)
        governing = reviewed[data][3]
        held = governing or targets
        want = {f"IKU.{i}": (num(held[i]), None if realisasi[i] == "N/A" else num(realisasi[i])) for i in held}
        got = {r["Kode IKU"]: (D(str(r["Target"])), None if r["Realisasi"] in (None, "N/A") else D(str(r["Realisasi"])))
               for r in sheets["Capaian IKU"][unit.code]}
        if got != want:
            wrong.append(("Capaian IKU", {k: v for k, v in got.items() if want.get(k) != v},
                          {k: v for k, v in want.items() if got.get(k) != v}))
    return wrong


def run(count, seed):
    """`count` unit sequences, 14 to a service run; yield ("silent", the unit's workplace, what
    differs, the sequence) for each where kinerja says otherwise than the model or than itself."""
    rng = random.Random(seed)
    for first in range(0, count, 14):
        workplace = tempfile.mkdtemp(prefix="arrivals-", dir=SCRATCH)
        units = [Unit(rng, i) for i in range(min(14, count - first))]
        process, config = start(workplace)
        try:
            settle(workplace, drop(workplace, units), sum(len(u.model()[2]) for u in units))
            rows, subjects, sheets = status(workplace, config), subjects_of(workplace), rekap(workplace)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        for unit in units:
            wrong = judge(unit, rows, subjects) + one_truth(unit, rows, sheets)
            if wrong:
                yield "silent", os.path.join(workplace, unit.code), wrong, [(n, w[0]) for n, _, w in unit.files]
