"""Sequences of arrivals, as units send them over a year: annual and third-quarter reports, PKs and
Renja, revised or not, last year's annual report sent late (`status` of 2023 must hold it to
nothing of 2024's), the same file again, earlier content again, an unreadable file, another
unit's report, each Kanreg's in its own folder, dropped in one go into a running `kinerja serve` in
the order of their modification times. What the service says afterwards is held to a model of
README's rules ("Versions and duplicates", "The review", ARCHITECTURE.md "Which report counts"): per
unit and period, the version that counts, its outcome and NPSS, its last valid version, its
agreement's and plan's, and a later refused or duplicate file, the same in `status` and in that
period's Rekap (Status Pengiriman, Ringkasan, and Capaian IKU's governing targets and realisasi),
and the mail each arrival got, in order (and each report, every version of it, assessed again when
its first valid PK, or while no PK is valid its first plan, arrived after it, the version that
counts mailed about): its subject, and in a report's text the NPSS and the last version without
errors. Then every report that counts is read again by `kinerja reprocess`, and `status` must not
change. In three runs of ten the service is killed (SIGKILL) while it takes the files and started
again: nothing may differ. BKN's roll-up of each period is held to its units' reports that count,
with BKN's own report among the files (see `Bkn`).
"""

import decimal
import email
import email.policy
import functools
import glob
import json
import os
import random
import signal
import sqlite3
import subprocess
import tempfile
import time
import tomllib

import openpyxl

from common import D, KINERJA, ROOT, SCRATCH, g, write

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]
SEATS = ["Yogyakarta", "Surabaya", "Bandung", "Makassar", "Jakarta", "Medan", "Palembang", "Banjarmasin", "Jayapura",
         "Denpasar", "Manado", "Pekanbaru", "Banda Aceh", "Manokwari"]
# (IKU number, perspective index, goal number, target as KR07's PK prints it)
TREE = []
for _pi, (_p, _goals) in enumerate(g.KR07_2024):
    for _goal, _inds in _goals:
        for _label, _t, *_rest in _inds:
            TREE.append((int(_label.split(".")[0]), _pi, int(_goal.split(".")[0]), _t))
PERIODS = ["TAHUNAN", "TW3"]
# Targets a revised PK may set instead of the first one's.
OTHER_TARGETS = {3: ["95", "96"], 9: ["84", "82", "86"], 13: ["97", "95"]}
HALF_UP = decimal.ROUND_HALF_UP
# BKN's indicators computed from its units' reports, as the built-in config cascades them.
with open(os.path.join(ROOT, "src", "config", "defaults.toml"), "rb") as _f:
    CASCADES = [c for c in tomllib.load(_f)["rollup"] if c["rule"] != "none"]


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


def retext(book, change):
    """`book` with `change` made to the text of every cell of every sheet."""
    for sheet in book.sheets:
        sheet.cells = {k: change(v) if isinstance(v, str) else v for k, v in sheet.cells.items()}
    return book


def renamed(book, roman, seat):
    return retext(book, lambda text: unit_title(text, roman, seat))


def report_book(roman, seat, period, targets, realisasi, wrong_claim, year=2024):
    """Tabel 3.2 of the unit for `period` of `year` with these targets and realisasi, its capaian
    printed from them (one of them 2 off with `wrong_claim`)."""
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
    if period == "TW3":
        book.sheets[0].cells[(0, 0)] = book.sheets[0].cells[(0, 0)].replace("Tahun 2024", "Triwulan III Tahun 2024")
    return renamed(retext(book, lambda text: text.replace("Tahun 2024", f"Tahun {year}")), roman, seat)


def renja_book(roman, seat, targets, broken):
    """The unit's Rencana Kerja: its targets table (the PK's layout), titled and named a Renja;
    `broken`: IKU 5's target out of range."""
    book = pk_book(roman, seat, targets, broken)
    book.sheets[0].name = "Renja"
    book.sheets[0].cells[(0, 0)] = f"RENCANA KERJA KANREG {roman} BKN {seat.upper()} TAHUN 2024"
    return book


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
        # The share of a Kanreg's 12 services that are digital, as it prints it (91,67, 91,7 or 92 for 11).
        if iku == 7 and rng.random() < 0.4:
            printed = (D(rng.randint(8, 12)) / 12 * 100).quantize(D(10) ** -rng.randint(0, 2), rounding=HALF_UP)
            out[iku] = f"{printed.normalize():f}".replace(".", ",") + "%"
            continue
        low = 70 if t.endswith("%") else 75
        value = D(rng.randint(low * 100, 10000)) / 100
        out[iku] = f"{value}".replace(".", ",") + ("%" if t.endswith("%") else "")
    return out


class Unit:
    """One Kanreg's sequence of files and the model of what kinerja must make of it."""

    def __init__(self, rng, index, complete=False):
        """`complete`: the sequence ends with an annual report without errors (held to the
        unit's last valid PK, else its last plan), so that BKN's roll-up can complete."""
        self.code = f"KR{index + 1:02d}"
        self.roman, self.seat = ROMAN[index], SEATS[index]
        self.files = []  # (name, bytes, what)
        pks = []  # contents of PKs: (bytes, targets, valid)
        plans = []  # targets of Renja, without a target it is blocked at
        sent = []  # contents sent so far, to send again: (bytes, what)
        kinds = ["report", "report", "report", "pk", "pk", "plan", "dup", "resend", "garbage", "other", "late"]
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
                sent.append((data, ("pk", targets, valid)))
                self.files.append((f"{n + 1:02d} pk.xlsx", *sent[-1]))
            elif what == "plan":
                targets = rng.choice([pk[1] for pk in pks]) if pks and rng.random() < 0.5 else draw_targets(rng)
                valid = rng.random() < 0.8
                path = write(renja_book(self.roman, self.seat, targets, not valid), f"{self.code}-{n}", "xlsx")
                # A plan governs with its errors, but not with IKU 5's target it is blocked at.
                plans.append({i: t for i, t in targets.items() if valid or i != 5})
                sent.append((open(path, "rb").read(), ("plan", plans[-1], valid)))
                self.files.append((f"{n + 1:02d} renja.xlsx", *sent[-1]))
            # Nothing to send again yet: a report.
            elif what == "report" or what in ("dup", "resend") and not sent:
                period = rng.choice(PERIODS)
                known = [pk[1] for pk in pks] + plans
                base = {**draw_targets(rng), **rng.choice(known)} if known and rng.random() < 0.7 else draw_targets(rng)
                realisasi = draw_realisasi(rng)
                wrong = rng.choice([None] * 5 + [9])
                book = report_book(self.roman, self.seat, period, base, realisasi, wrong)
                data = open(write(book, f"{self.code}-{n}", "xlsx"), "rb").read()
                sent.append((data, ("report", period, base, realisasi, wrong)))
                self.files.append((f"{n + 1:02d} laporan.xlsx", *sent[-1]))
            elif what == "late":
                # Last year's annual report, sent late: 2024's PK and plan never govern it.
                targets, realisasi, wrong = draw_targets(rng), draw_realisasi(rng), rng.choice([None] * 5 + [9])
                book = report_book(self.roman, self.seat, "TAHUNAN", targets, realisasi, wrong, year=2023)
                sent.append((open(write(book, f"{self.code}-{n}", "xlsx"), "rb").read(), ("late", "TAHUNAN", targets, realisasi, wrong)))
                self.files.append((f"{n + 1:02d} laporan 2023.xlsx", *sent[-1]))
            elif what == "dup":
                self.files.append((name, None, ("dup",)))
            elif what == "resend":
                self.files.append((name, *rng.choice(sent)))
            elif what == "garbage":
                self.files.append((name, bytes(rng.randrange(256) for _ in range(300)), ("garbage",)))
            else:
                other = rng.choice([i for i in range(14) if ROMAN[i] != self.roman])
                book = report_book(ROMAN[other], SEATS[other], "TAHUNAN", draw_targets(rng), draw_realisasi(rng), None)
                path = write(book, f"{self.code}-{n}-other", "xlsx")
                self.files.append((name, open(path, "rb").read(), ("other",)))
        if complete:
            governing = ([targets for _, targets, ok in pks if ok] or plans or [{}])[-1]
            what = ("report", "TAHUNAN", {**draw_targets(rng), **governing}, draw_realisasi(rng), None)
            book = report_book(self.roman, self.seat, "TAHUNAN", *what[2:])
            self.files.append(("99 laporan akhir.xlsx", open(write(book, f"{self.code}-final", "xlsx"), "rb").read(), what))
        self.resolve_duplicates()
        # The unit is the folder, and any subfolder of it, whatever its case.
        self.places = [rng.choice([self.code] * 4 + [f"{self.code}/arsip", self.code.lower()]) for _ in self.files]

    def resolve_duplicates(self):
        """A "dup" sends the bytes of the last file of the unit that became a version (else it
        is left out)."""
        resolved, last = [], None
        for name, data, what in self.files:
            if what[0] == "dup":
                if last is None:
                    continue
                data, what = last
            elif what[0] in ("report", "pk", "plan", "late"):
                last = (data, what)
            resolved.append((name, data, what))
        self.files = resolved

    @functools.cached_property
    def model(self):
        """What README's rules make of the sequence (worked out once): per kind ("pk", "plan", or
        "report" and its period) the versions (content, the version it re-sends), each content's
        review (errors, NPSS, what governed it: "pk", "plan" or None, and its targets), the
        subjects of the mail in order, and per file whether it became a version."""
        versions = {}
        reviewed = {}
        subjects = []
        became = []
        arrived = {}  # content → the position of the file that first made it a version
        for name, data, what in self.files:
            kind = what[0]
            if kind in ("garbage", "other"):
                subjects.append((f": ditolak {name}", None))
                became.append(False)
                continue
            key = {"report": f"report {what[1]}", "late": "late 2023"}.get(kind, kind)
            own = versions.setdefault(key, [])
            if own and own[-1][0] == data:
                subjects.append((f": duplikat {name}", None))
                became.append(False)
                continue
            # Earlier content again: it equals the latest version of that content.
            same_as = next((i + 1 for i, (d, _) in reversed(list(enumerate(own))) if d == data), None)
            valid_pks = [t for d, t in self.pk_targets(versions.get("pk", []), reviewed)]
            own.append((data, same_as))
            arrived.setdefault(data, len(became))
            became.append(True)
            if kind in ("pk", "plan"):
                _, targets, valid = what
                # The reports sent before any PK governed them, every version, are assessed again
                # against the first valid one, in the order they were sent; those sent before anything
                # governed them, against the first plan (blocked or not) while no PK is valid.
                # Only the versions that count are mailed about, in the order their content first
                # arrived.
                first = valid and not any(reviewed[d][0] == 0 for d, _ in own[:-1]) if kind == "pk" else not own[:-1]
                again = {"pk": first and {None, "plan"}, "plan": first and not valid_pks and {None}}[kind] or set()
                reviewed[data] = (0 if valid else 1, None, kind, None)
                subjects.append((heard({"pk": "Perjanjian Kinerja", "plan": "Rencana Kerja"}[kind], valid, own), None))
                reports = (k for k in versions if k.startswith("report"))
                for report_key in sorted(reports, key=lambda k: arrived[versions[k][-1][0]]):
                    current = versions[report_key][-1][0]
                    governed = reviewed[current][2] in again
                    for version, _ in versions[report_key]:
                        if reviewed[version][2] in again:
                            self.review(reviewed, version, targets, kind)
                    if governed:
                        subjects.append(told(report_key.split()[1], versions[report_key], reviewed))
                continue
            if kind == "late":
                self.review(reviewed, data, None, None)
                subjects.append(told(what[1], own, reviewed, 2023))
                continue
            plans = versions.get("plan", [])
            if valid_pks:
                self.review(reviewed, data, valid_pks[-1], "pk")
            else:
                self.review(reviewed, data, plans and self.sent(plans[-1][0])[1], plans and "plan" or None)
            subjects.append(told(what[1], own, reviewed))
        return versions, reviewed, subjects, became

    def later(self, period, became):
        """The unit's latest file that became no version, as `status` for `period` shows it: of no
        period, or of this one, after the report of the period that counts."""
        of = lambda what: {"pk": "TAHUNAN", "plan": "TAHUNAN", "report": what[1:2] and what[1], "late": 2023}.get(what[0])  # noqa: E731
        last = None
        for (name, _, what), version in zip(self.files, became):
            if version and what[0] == "report" and what[1] == period:
                last = None
            elif not version and of(what) in (None, period):
                last = (name, "ditolak" if what[0] in ("garbage", "other") else "duplikat")
        return last

    def pk_targets(self, pk_versions, reviewed):
        """The valid PK versions so far, oldest first, with their targets."""
        contents = {data: what[1] for _, data, what in self.files if what[0] == "pk"}
        return [(d, contents[d]) for d, _ in pk_versions if reviewed[d][0] == 0]

    def sent(self, data):
        """What the file of these bytes is: ("report", period, targets, realisasi, wrong claim), …"""
        return next(w for _, d, w in self.files if d == data)

    def review(self, reviewed, data, governing, by):
        """The report of these bytes held to `governing`'s targets (a PK's or a plan's, `by`), or
        to its own (where `governing` sets none)."""
        _, _, targets, realisasi, wrong = self.sent(data)
        held = {**targets, **(governing or {})}
        errors = int(wrong is not None) + int(any(num(t) != num(targets[i]) for i, t in (governing or {}).items()))
        reviewed[data] = (errors, npss(held, realisasi), by, governing and held)


def told(period, own, reviewed, year=2024):
    """A report's mail: the start of its subject, and what its text says of the scores: the
    NPSS, and when it has errors the last version without (number and NPSS) or None."""
    errors, npss_now = reviewed[own[-1][0]][:2]
    valid = errors and next(((i + 1, reviewed[d][1]) for i, (d, _) in reversed(list(enumerate(own)))
                             if reviewed[d][0] == 0), None)
    return heard(period, errors == 0, own, year), (npss_now, valid or None)


def heard(scope, accepted, own, year=2024):
    """The start of the subject of a version's mail, after the unit's code."""
    same_as = own[-1][1]
    words = f"versi {len(own)}" + (f" = versi {same_as}" if same_as else "")
    return f" {scope} {year}: {'diterima' if accepted else 'perlu perbaikan'} ({words}"


def start(workplace):
    config = os.path.join(workplace, "kinerja.toml")
    with open(config, "w") as f:
        f.write('settle = "150ms"\npoll_interval = "300ms"\nworkers = 2\n')
    log = open(os.path.join(workplace, "serve.log"), "a")
    process = subprocess.Popen([KINERJA, "--config", config, "serve"], cwd=workplace, stderr=log, stdout=log)
    for _ in waits(20, 0.05):
        if os.path.isdir(os.path.join(workplace, "inbox", "KR14")):
            return process, config
        if process.poll() is not None:
            break
        time.sleep(0.05)
    raise RuntimeError(f"kinerja serve did not start in {workplace}")


def modified(path):
    """A file's modification time; none for one gone since it was listed (a file being replaced)."""
    try:
        return os.path.getmtime(path)
    except OSError:
        return None


def waits(seconds, every):
    """Waits of `every` seconds adding up to `seconds`: a deadline counted in waits rather than
    on a clock, which a machine paused and resumed (a virtual machine snapshotted) moves on by
    the pause, failing a run in which nothing was slow."""
    return range(round(seconds / every))


def drop(workplace, units):
    """Every unit's files into its folder (or a subfolder, or the folder named in lower case) at
    once, each unit's in order of modification time."""
    base = time.time_ns() - 3600 * 10**9
    staging = os.path.join(workplace, "staging")
    os.makedirs(staging, exist_ok=True)
    count = 0
    for unit in units:
        for i, ((name, data, _), place) in enumerate(zip(unit.files, unit.places)):
            path = os.path.join(staging, f"{unit.code}-{name}")
            with open(path, "wb") as f:
                f.write(data)
            when = base + i * 10**9
            os.utime(path, ns=(when, when))
            os.makedirs(os.path.join(workplace, "inbox", place), exist_ok=True)
            os.rename(path, os.path.join(workplace, "inbox", place, name))
            count += 1
    return count


def settle(workplace, count, expected_mail):
    """Wait until every file is recorded, every message written and the Rekap rebuilt after."""
    ledger = os.path.join(workplace, "state", "ledger.sqlite")
    # How many waits in a row found the outbox as it was: quiet, counted in waits too.
    (seen, still) = (None, 0)
    for _ in waits(120, 0.2):
        try:
            with sqlite3.connect(f"file:{ledger}?mode=ro", uri=True) as db:
                arrived = db.execute("SELECT COUNT(*) FROM arrivals").fetchone()[0]
        except sqlite3.Error:
            arrived = 0
        written = glob.glob(os.path.join(workplace, "outbox", "**", "*"), recursive=True)
        mails = len(glob.glob(os.path.join(workplace, "outbox", "mail", "*.eml")))
        now = (arrived, sorted((p, modified(p)) for p in written))
        (seen, still) = (now, still + 1 if now == seen else 0)
        if arrived >= count and glob.glob(os.path.join(workplace, "outbox", "2024", "Rekap Kinerja 2024 *.xlsx")):
            # Fewer messages than the model says are judged, once nothing is written for a while.
            if still * 0.2 > (2.5 if mails >= expected_mail else 8):
                return
        time.sleep(0.2)
    raise RuntimeError(f"{workplace}: {arrived} of {count} recorded, {mails} of {expected_mail} messages")


def kinerja(workplace, config, *args):
    """`kinerja --config <config> args…`, run in the workplace."""
    return subprocess.run([KINERJA, "--config", config, *args], cwd=workplace, capture_output=True, text=True)


def asked(workplace, config, command, period, year=2024):
    """What `kinerja <command>` (status or rollup) says of the year's `period`, as JSON."""
    return json.loads(kinerja(workplace, config, command, "--year", str(year), "--period", period, "--format", "json").stdout)


def mail_of(workplace):
    """Each unit's mail in the order written: the subject after "[kinerja] <unit>", and the text."""
    out = {}
    for path in sorted(glob.glob(os.path.join(workplace, "outbox", "mail", "*.eml"))):
        with open(path, "rb") as f:
            message = email.message_from_binary_file(f, policy=email.policy.default)
        subject = str(message["Subject"])
        unit = subject.split()[1].rstrip(":")
        out.setdefault(unit, []).append((subject[len(f"[kinerja] {unit}"):], message.get_body(("plain",)).get_content()))
    return out


def shown(value):
    return None if value is None else f"{D(str(value)):.2f}"


def judge(unit, period, rows):
    """What differs between the model and what `status` for `period` says of `unit`."""
    versions, reviewed, _, became = unit.model
    mine = [r for r in rows if r["unit"] == unit.code]
    wrong = report_right(period, versions.get(f"report {period}"), reviewed, mine)
    for kind, row_kind in [("pk", "agreement"), ("plan", "plan")]:
        line = next((r for r in mine if r["kind"] == row_kind), None)
        want = None
        if kind in versions:
            data, same_as = versions[kind][-1]
            want = (len(versions[kind]), same_as, "diterima" if reviewed[data][0] == 0 else "perlu_perbaikan")
        got = line and (line["version"], line["same_as"], line["outcome"])
        if got != want:
            wrong.append((period, row_kind, got, want))
    extra = next((r for r in mine if r["kind"] is None), None)
    got, want = extra and (extra["file"], extra["outcome"]), unit.later(period, became)
    if got != want:
        wrong.append((period, "later file", got, want))
    return wrong


def report_right(period, own, reviewed, mine):
    """Where the unit's report line in `status` (of its rows `mine`) differs from the model's
    versions of it, `own`: the version that counts, its outcome and NPSS, its last valid one."""
    wrong = []
    report = next((r for r in mine if r["kind"] == "realisasi" and r["outcome"] != "belum_mengirim"), None)
    if own:
        errors, want_npss = reviewed[own[-1][0]][:2]
        want = (len(own), own[-1][1], "diterima" if errors == 0 else "perlu_perbaikan", str(want_npss) if errors == 0 else None)
        got = report and (report["version"], report["same_as"], report["outcome"], None if errors else shown(report["npss"]))
        if got != want:
            wrong.append((period, "report", got, want))
        # Blocked: the last version without errors, and its NPSS.
        valid = errors and next(((i + 1, str(reviewed[d][1])) for i, (d, _) in reversed(list(enumerate(own)))
                                 if reviewed[d][0] == 0), None)
        got = report and report["valid_version"] and (report["valid_version"], shown(report["valid_npss"]))
        if got != (valid or None):
            wrong.append((period, "last valid version", got, valid))
    elif report is not None:
        wrong.append((period, "report", report["version"], None))
    return wrong


def late_right(unit, rows):
    """Where `status` of 2023 says of the unit otherwise than the model of its late reports:
    held to nothing (its 2024 PK and plan never govern them), and no PK or plan of 2023."""
    versions, reviewed, _, _ = unit.model
    mine = [r for r in rows if r["unit"] == unit.code]
    wrong = report_right("2023 TAHUNAN", versions.get("late 2023"), reviewed, mine)
    others = [r["kind"] for r in mine if r["kind"] in ("agreement", "plan")]
    if others:
        wrong.append(("2023 TAHUNAN", "agreement or plan", others, []))
    return wrong


def heard_right(unit, mail):
    """Where the unit's mail differs from the model's, in order: each subject, and in a report's
    text its NPSS and last valid version."""
    want = unit.model[2]
    got = mail.get(unit.code, [])
    subjects = [subject for subject, _ in got]
    if len(got) != len(want) or any(not s.startswith(w) for s, (w, _) in zip(subjects, want)):
        return [("mail", subjects, [w for w, _ in want])]
    wrong = []
    for (subject, text), (_, scores) in zip(got, want):
        if scores is None:
            continue
        npss, valid = scores
        said = next((line for line in text.splitlines() if line.startswith("NPSS: ")), None)
        last = next((line for line in text.splitlines() if line.startswith("Versi terakhir yang diterima")), None)
        if said is None or not said.startswith(f"NPSS: {npss}".replace(".", ",")):
            wrong.append(("mail NPSS", subject, said, npss))
        if (last is None) != (valid is None) or valid and not last.endswith(f"versi {valid[0]}: NPSS {valid[1]}".replace(".", ",")):
            wrong.append(("mail last valid version", subject, last, valid))
    return wrong


def rekap(workplace, period):
    """The service's Rekap of `period`: each sheet's rows by unit, as dicts of its header."""
    path = os.path.join(workplace, "outbox", "2024", f"Rekap Kinerja 2024 {period}.xlsx")
    if not os.path.exists(path):
        return None
    book = openpyxl.load_workbook(path, read_only=True)
    sheets = {}
    for name, header_row, code_col in [("Ringkasan", 4, "Kode"), ("Status Pengiriman", 0, "Kode"), ("Capaian IKU", 0, "Unit"),
                                       ("Temuan", 0, "Unit"), ("Agregat BKN", 2, "Kode")]:
        rows = list(book[name].iter_rows(values_only=True))
        header = rows[header_row]
        for row in rows[header_row + 1:]:
            # Agregat BKN's first table ends at its first empty row.
            if name == "Agregat BKN" and not any(row):
                break
            entry = dict(zip(header, row))
            if entry.get(code_col):
                sheets.setdefault(name, {}).setdefault(entry[code_col], []).append(entry)
    return sheets


def one_truth(unit, period, rows, sheets):
    """Where the Rekap of `period` says of `unit` otherwise than `status`, and its indicators
    otherwise than the model."""
    mine = [r for r in rows if r["unit"] == unit.code]
    # The report's line; with none sent, the line of a refusal stands in its place, and is the
    # Rekap's latest file too.
    later = next((r for r in mine if r["kind"] is None), None)
    report = next((r for r in mine if r["kind"] == "realisasi"), later)
    agreement = next((r for r in mine if r["kind"] == "agreement"), None)
    if sheets is None:
        # No Rekap of a period no unit reported for.
        return [] if report["outcome"] in ("belum_mengirim", "ditolak") else [(period, "no Rekap", report)]
    wrong = []
    [sent] = sheets["Status Pengiriman"][unit.code]
    pk = agreement and f"versi {agreement['version']}" + (", perlu perbaikan" if agreement["outcome"] != "diterima" else "")
    got = (sent["Status"], sent["Versi"], sent["Sama dengan versi"], sent["ID kiriman"], sent["Diterima (waktu setempat)"],
           sent["Berkas"], sent["Kesalahan"], sent["Peringatan"], shown(sent["NPSS"]),
           shown(sent["NPSS versi valid terakhir"]), sent["Perjanjian Kinerja"], sent["Kiriman terakhir"])
    want = (report["label"], report["version"], report["same_as"], report["submission"], report["received"], report["file"],
            report["errors"], report["warnings"], shown(report["npss"]), shown(report["valid_npss"]), pk,
            later and f"{later['label']}: {later['file']} ({later['received']})" + (later["reason"] and f" — {later['reason']}" or ""))
    if got != want:
        wrong.append((period, "Status Pengiriman", got, want))
    [ranked] = sheets["Ringkasan"][unit.code]
    got = (ranked["Status"], ranked["Versi"], shown(ranked["NPSS"]), shown(ranked["NPSS versi valid terakhir"]))
    want = (report["label"], report["version"], shown(report["npss"]), shown(report["valid_npss"]))
    if got != want:
        wrong.append((period, "Ringkasan", got, want))
    versions, reviewed, _, _ = unit.model
    own = versions.get(f"report {period}")
    if own:
        data = own[-1][0]
        _, _, targets, realisasi, _ = unit.sent(data)
        held = reviewed[data][3] or targets
        want = {f"IKU.{i}": (num(held[i]), None if realisasi[i] == "N/A" else num(realisasi[i])) for i in held}
        got = {r["Kode IKU"]: (D(str(r["Target"])), None if r["Realisasi"] in (None, "N/A") else D(str(r["Realisasi"])))
               for r in sheets["Capaian IKU"][unit.code]}
        if got != want:
            wrong.append((period, "Capaian IKU", {k: v for k, v in got.items() if want.get(k) != v},
                          {k: v for k, v in want.items() if got.get(k) != v}))
    return wrong


def observed(workplace, config):
    """Per period: `status`, the Rekap's sheets and `kinerja rollup`."""
    return {p: (asked(workplace, config, "status", p)["rows"], rekap(workplace, p), asked(workplace, config, "rollup", p))
            for p in PERIODS}


def reprocessed(workplace, config, said):
    """What is observed after `kinerja reprocess` of every report that counts: read and
    reviewed again as the service reviewed it, nothing it says may change."""
    for rows, _, _ in said.values():
        for row in rows:
            if row["kind"] == "realisasi" and row["submission"]:
                done = kinerja(workplace, config, "reprocess", str(row["submission"]))
                # 1: read again, with error findings; 2: not read again.
                if done.returncode not in (0, 1):
                    raise RuntimeError(f"{workplace}: reprocess {row['submission']}: {done.stderr}")
    return observed(workplace, config)


# What each central unit's report (its 2023 report as the fixtures print it, retitled 2024) feeds
# BKN's indicators by README's rules on names: IKU.3 an index of "kepuasan" or "IKM" with
# "pembinaan"; IKU.4 one with "layanan" or "pelayanan" and without "pembinaan"; IKU.7 the count of
# Deputi Mutasi's digital services, 15 of its 20.
CENTRAL_FEEDS = {
    "IKU.3": {"DEPBINMEN": "93.26", "DEPSINKA": "88.94", "PUSRENBANG": "87.03", "PUSBINJF": "89.53"},
    "IKU.4": {"DEPMUTASI": "90.71", "DEPSINKA": "88.15", "DEPWASDAL": "89.29", "SETTAMA": "90.89", "PUSRENBANG": "87.11",
              "PUSBANGSISEL": "91.02", "PUSPENKOM": "85.82", "PUSBANGPEG": "85.78", "PUSKONBANKUM": "87.15",
              "SETBPASN": "93"},
    "IKU.7": {"DEPMUTASI": "75"},
}


class Central:
    """A central unit's annual report, sent once."""

    def __init__(self, code, name, indicators):
        self.code = code
        book = g.central_2023(name, indicators)
        book.sheets[0].cells[(0, 0)] = book.sheets[0].cells[(0, 0)].replace("2023", "2024")
        path = write(book, f"{code}-2024", "xlsx")
        self.files = [(f"laporan kinerja {code.lower()} 2024.xlsx", open(path, "rb").read(), ("central",))]
        self.places = [code]


def bkn_book(values):
    """BKN's 2023 scorecard retitled 2024, IKU.3, 4 and 7 printing `values` ({code: Decimal})
    and every claim (capaian, NSS, perspective score, NKP, NPSS) worked out from them; and its
    NPSS."""
    data, npss = [], D(0)
    for perspective, _, _, goals in g.BKN_2023:
        rows, scores = [], []
        for goal, _, indicators in goals:
            items, capaian = [], []
            for label, target, realisasi, _ in indicators:
                realisasi = float(values[label.split()[0]]) if label.split()[0] in values else realisasi
                capaian.append(D(100) if target == "WTP" else D(str(realisasi)) / D(str(target)) * 100)
                items.append((label, target, realisasi, float(two(capaian[-1]))))
            scores.append(sum(capaian) / len(capaian))
            rows.append((goal, float(two(scores[-1])), items))
        score = sum(scores) / len(scores)
        npss += score / 4
        data.append((perspective, float(two(score)), float(two(score / 4)), rows))
    book = g.bkn_scorecard(npss_title=f"NPSS {two(npss)} ( ● )", data=data, year=2024)
    return book, two(npss)


class Bkn:
    """BKN's own annual report, dropped among its units' files. While the roll-up cannot
    complete, it prints its 2023 values and must name, after every unit's file, the units still
    missing; when every unit sends, it prints the model's final values (or one of them 0,5 off,
    0,6 where 0,5 would make a whole number, which prints no decimals and agrees at none), and
    must end agreeing (or with ROLLUP_MISMATCH, blocked), whenever it arrived. In some runs BKN
    sends its PK too, before or after the report: one that sets the targets the report prints, one
    that sets IKU.4 at 90 (the report, held to it, is blocked), or one with IKU.4's target left
    blank (blocked, it governs nothing)."""

    code = "BKN"

    def __init__(self, rng, final):
        """`final`: the model's complete roll-up of the year ({code: value}), or None."""
        self.pk = rng.choice([None, None, "91", "90", ""])
        self.reported = dict(final or {f"IKU.{i}": D(v) for i, v in [(3, "92.20"), (4, "91.16"), (7, "92.78")]})
        self.off = final and rng.choice([None, "IKU.3", "IKU.4", "IKU.7"])
        if self.off:
            # Half a point off; a whole number prints no decimals, and agrees at none, so then 0,6.
            self.reported[self.off] += D("0.5") if (self.reported[self.off] + D("0.5")) % 1 else D("0.6")
        book, self.npss = bkn_book(self.reported)
        self.files = [("laporan kinerja bkn 2024.xlsx", open(write(book, "BKN-2024", "xlsx"), "rb").read(), ("bkn",))]
        if self.pk is not None:
            pk = retext(g.bkn_agreement_2023(self.pk), lambda text: text.replace("2023", "2024"))
            sent = ("pk 2024.xlsx", open(write(pk, "BKN-pk-2024", "xlsx"), "rb").read(), ("pk", self.pk))
            self.files.insert(rng.randrange(2), sent)
        self.places = ["BKN"] * len(self.files)

    def blocked(self, complete):
        """Whether its report ends blocked: held to a PK that sets another target, or, the
        roll-up complete, printing a value half a point off."""
        return bool(complete and self.off or self.pk == "90")

    def governed(self):
        """Whether its report is assessed again when its PK arrives (a valid one, after it)."""
        return bool(self.pk) and self.files[0][2][0] == "bkn"


def share(printed, of=12):
    """A Kanreg's share of its `of` services as it prints it, taken back to the whole count it
    rounds at its decimals (91,67, 91,7 and 92 are 11 of 12), else as printed."""
    value = num(printed)
    decimals = min(max(-value.as_tuple().exponent, 0), 2)
    whole = [D(k) / of * 100 for k in range(of + 1)]
    return next((x for x in whole if x.quantize(D(10) ** -decimals, rounding=HALF_UP) == value), value)


def rolled_up(units, centrals, period):
    """Per IKU of BKN's its units feed (README, "BKN's own figures from its units"): each unit's
    report that counts for `period`, final without errors and blocked with (its version and the
    value it feeds, at two decimals); the mean of the final ones, half-up at two decimals; the
    units missing, in the cascade's order. Central units send annual reports only."""
    out = {}
    for cascade in CASCADES:
        code, iku = cascade["iku"], int(cascade["iku"].split(".")[1])
        contributors, finals = {}, []
        for unit in units:
            own = unit.model[0].get(f"report {period}")
            if unit.code not in cascade["units"] or not own:
                continue
            data = own[-1][0]
            printed = unit.sent(data)[3][iku]
            value = share(printed) if cascade["rule"] == "mean_of_shares" else num(printed)
            final = unit.model[1][data][0] == 0
            contributors[unit.code] = ("final" if final else "blocked", len(own), two(value))
            finals += [value] if final else []
        for central in centrals if period == "TAHUNAN" else []:
            if central.code in CENTRAL_FEEDS[code]:
                contributors[central.code] = ("final", 1, two(D(CENTRAL_FEEDS[code][central.code])))
                finals.append(D(CENTRAL_FEEDS[code][central.code]))
        missing = [u for u in cascade["units"] if contributors.get(u, ("",))[0] != "final"]
        out[code] = (finals and two(sum(finals) / len(finals)) or None, contributors, missing)
    return out


def rolled_right(units, centrals, bkn, period, said, rolled, sheets):
    """Where `kinerja rollup`, the Rekap's Agregat BKN and BKN's own report (its line in
    `status`, its ROLLUP_INCOMPLETE and ROLLUP_MISMATCH findings in Temuan) say otherwise than
    the model of the units' reports that count, or than each other."""
    wrong = []
    own = next(r for r in said if r["unit"] == "BKN") if bkn and period == "TAHUNAN" else None
    model = rolled_up(units, centrals, period)
    complete = not any(missing for _, _, missing in model.values())
    if own:
        want = (1, "perlu_perbaikan" if bkn.blocked(complete) else "diterima")
        if (own["version"], own["outcome"]) != want or want[1] == "diterima" and shown(own["npss"]) != str(bkn.npss):
            wrong.append((period, "BKN's report", own, want, bkn.npss))
    report = own and {"submission": own["submission"], "version": own["version"], "errors": own["errors"]}
    if rolled["report"] != report:
        wrong.append((period, "rollup report", rolled["report"], report))
    lines = {code: line for code, [line] in sheets["Agregat BKN"].items()} if sheets else {}
    findings = {(r["Kode"], r["Perihal"]): r["Seharusnya"] for r in (sheets or {}).get("Temuan", {}).get("BKN", [])
                if r["Kode"].startswith("ROLLUP_")}
    for code, (value, contributors, missing) in model.items():
        [got] = [i for i in rolled["indicators"] if i["code"] == code]
        reported = bkn.reported[code] if own else None
        agrees = None if missing or not own else code != bkn.off
        want = (value, contributors, missing, "incomplete" if missing else "final", reported, agrees)
        got = (got["value"] and two(D(str(got["value"]))),
               {c["unit"]: (c["status"], c["version"], two(D(str(c["value"])))) for c in got["contributors"]},
               got["missing"], got["status"], got["reported"] and D(str(got["reported"])), got["agrees"])
        if got != want:
            wrong.append((period, f"rollup {code}", got, want))
        if code in lines:
            line = lines[code]
            got = (line["Nilai agregat"] and two(D(str(line["Nilai agregat"]))), line["Unit masuk"], line["Belum ada"],
                   line["Laporan BKN"] and D(str(line["Laporan BKN"])), line["Sesuai"])
            counted = sum(s == "final" for s, _, _ in contributors.values())
            want = (value, counted, ", ".join(missing) or None, reported, {None: None, True: "ya", False: "TIDAK"}[agrees])
            if got != want:
                wrong.append((period, f"Agregat BKN {code}", got, want))
        elif sheets:
            wrong.append((period, f"Agregat BKN {code}", None))
        # BKN's report: the units missing, every one; or, complete, where it differs, every unit behind the value.
        said_of = {kind: text for (kind, subject), text in findings.items() if subject == code}
        want = {}
        if own and missing:
            want["ROLLUP_INCOMPLETE"] = f"belum ada angka yang berlaku dari {', '.join(missing)}"
        elif own and code == bkn.off:
            behind = [f"{u} {v}".replace(".", ",") for u, (s, _, v) in contributors.items() if s == "final"]
            want["ROLLUP_MISMATCH"] = sorted(behind)
            said_of = {k: sorted(v.split(": ", 1)[1].rstrip(")").split("; ")) if k == "ROLLUP_MISMATCH" else v
                       for k, v in said_of.items()}
        if said_of != want:
            wrong.append((period, f"BKN's findings on {code}", said_of, want))
    return wrong


def run(count, seed):
    """`count` unit sequences, 14 to a service run, BKN's report among them in most runs; yield
    ("silent", the unit's workplace, what differs, the sequence) for each unit (and BKN) where
    kinerja says otherwise than the model or than itself."""
    rng = random.Random(seed)
    for first in range(0, count, 14):
        workplace = tempfile.mkdtemp(prefix="arrivals-", dir=SCRATCH)
        # In some runs every unit sends what lets the year's roll-up complete.
        complete = rng.random() < 0.4
        units = [Unit(rng, i, complete) for i in range(min(14, count - first))]
        centrals = [Central(*c) for c in g.CENTRAL_2023] if complete else []
        model = rolled_up(units, centrals, "TAHUNAN")
        final = None if any(m for _, _, m in model.values()) else {code: v for code, (v, _, _) in model.items()}
        bkn = Bkn(rng, final) if rng.random() < 0.7 else None
        senders = units + centrals + [bkn] * (bkn is not None)
        rng.shuffle(senders)
        # In some runs the service goes down hard while it takes the files, and starts again.
        crash = rng.uniform(0.1, 2.5) if rng.random() < 0.3 else None
        process, config = start(workplace)
        try:
            dropped = drop(workplace, senders)
            if crash is not None:
                time.sleep(crash)
                process.kill()
                process.wait(timeout=30)
                process, config = start(workplace)
            bkn_mail = bkn is not None and 1 + (bkn.pk is not None) + bkn.governed()
            settle(workplace, dropped, sum(len(u.model[2]) for u in units) + len(centrals) + bkn_mail)
            said = observed(workplace, config)
            late = asked(workplace, config, "status", "TAHUNAN", 2023)["rows"]
            mail = mail_of(workplace)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        again = reprocessed(workplace, config, said)
        for unit in units:
            wrong = heard_right(unit, mail) + late_right(unit, late)
            for period, (rows, sheets, _) in said.items():
                wrong += judge(unit, period, rows) + one_truth(unit, period, rows, sheets)
                mine = lambda rows: [r for r in rows if r["unit"] == unit.code]  # noqa: E731
                if mine(again[period][0]) != mine(rows):
                    wrong.append((period, "status after reprocess", mine(again[period][0]), mine(rows)))
            if wrong:
                yield "silent", os.path.join(workplace, unit.code), wrong, [(n, w[:2]) for n, _, w in unit.files]
        # BKN's figures from its units, before and after every report is read again; BKN's mail.
        wrong = [w for observation in (said, again) for period, (rows, sheets, rolled) in observation.items()
                 for w in rolled_right(units, centrals, bkn, period, rows, rolled, sheets)]
        # Its report's receipt; one message when a valid PK after it governs it; one each time
        # being held to its units' reports again changes its outcome. The last says what
        # `status` does. Which units were in when it arrived decides the first. Its PK's receipt.
        heard = mail.get("BKN", [])
        report = [("diterima" if s == " TAHUNAN 2024: diterima (versi 1)" else
                   "perlu_perbaikan" if s.startswith(" TAHUNAN 2024: perlu perbaikan (versi 1, ") else s, t)
                  for s, t in heard if not s.startswith(" Perjanjian Kinerja")]
        outcomes = [o for o, _ in report]
        shows = [r["outcome"] for r in said["TAHUNAN"][0] if r["unit"] == "BKN" and r["kind"] == "realisasi"]
        held = [(a, b) for (a, _), (b, t) in zip(report, report[1:]) if "dicocokkan ulang" in t]
        governed = sum("dikirim sebelum Perjanjian Kinerja" in t for _, t in report)
        pk = [s for s, _ in heard if s.startswith(" Perjanjian Kinerja")]
        right = bkn is not None and outcomes[-1:] == shows and all(a != b for a, b in held) and (
            final is not None or bkn.pk == "90" or set(outcomes) == {"diterima"}) and governed == bkn.governed() and pk == (
            [] if bkn.pk is None else [" Perjanjian Kinerja 2024: " + ("perlu perbaikan (versi 1, 1 kesalahan)"
                                                                      if bkn.pk == "" else "diterima (versi 1)")])
        if (bkn is None and heard) or (bkn is not None and not right):
            wrong.append(("BKN's mail", [s for s, _ in heard], shows))
        if wrong:
            yield "silent", os.path.join(workplace, "BKN"), wrong, bkn and [(n, w) for n, _, w in bkn.files]
