#!/usr/bin/env python3
"""Generate layouts units plausibly send and check kinerja reads each right or says why not.

    cargo build --release && python3 tests/variants/run.py [--count 200] [--seed 1]

Every family is run as .xlsx (titles, file names and notes under the table among them); the capaian tables also as .xls and .ods, held to two agreement
layouts, with distractor columns (another year's, period's or plan's figures beside the year's),
without their capaian column (so a wrong read cannot show up as claim errors), and beside
another table on their sheet (Tabel 3.1's perspective summary or a budget by RO, left or right). The Renja
family also plants one inconsistency per variant (an RO's amount, the total, a PK target, the
evaluation's target or realisasi, two ROs' pagu traded in the PK's annex), and so does the family of BKN's budget
views (a realisasi, a sisa, a serapan); a plant without its error counts as "silent". A variant
read wrong without an error ("silent") fails the run; one refused with an error ("blocked")
fails it too, except among distractors, where a refusal (COLUMNS_DIFFER, READING_UNCERTAIN) is
often the right answer. The last family feeds sequences of units' files (reports and PKs,
revised, sent again, unreadable, another unit's) to a running `kinerja serve`, 14 units at a
time, and holds `status`, the Rekap and the mail to a model of which version counts and what
each file is reviewed against. Needs XlsxWriter, xlwt, odfpy (as tests/fixtures/generate.py
does) and openpyxl.
"""

import argparse
import os
import shutil
import sys

import agreement
import arrivals
import budget
import central
import capaian
import identity
import quarters
import renja
import units
import scorecard
from common import ROOT, SCRATCH

FIXTURES = os.path.join(ROOT, "tests", "fixtures")


def families(count, seed):
    """(name, the outcomes it yields, whether a refusal counts against it)."""
    yield "capaian", capaian.run(count, seed), True
    yield "capaian .xls", capaian.run(count, seed + 1, ext="xls"), True
    yield "capaian .ods", capaian.run(count, seed + 2, ext="ods"), True
    yield "capaian held to its PK", capaian.run(count, seed + 3, agreement=os.path.join(FIXTURES, "kr07_2024_agreement_kode.xlsx")), True
    yield "capaian held to a PK without perspectives", capaian.run(
        count, seed + 4, agreement=os.path.join(FIXTURES, "kr07_2024_agreement_no_perspectives.xlsx")), True
    yield "capaian with distractors", capaian.run(count, seed + 5, distract=True), False
    yield "capaian with distractors, no capaian column", capaian.run(count, seed + 6, distract=True, noclaim=True), False
    yield "capaian beside another table", capaian.run(count, seed + 25, side=True), True
    yield "agreement", agreement.run(count, seed + 7), True
    yield "scorecard", scorecard.run(count, seed + 8), True
    yield "scorecard held to its PK", scorecard.run(count, seed + 9, agreement=os.path.join(FIXTURES, "bkn_2023_agreement.xlsx")), True
    yield "quarters", quarters.run(count, seed + 10), True
    yield "titles, file names and notes", identity.run(count, seed + 11), True
    yield "units named in titles", units.run(count, seed + 20), True
    yield "Renja", renja.run(count, seed + 12), True
    yield "Renja .xls", renja.run(count, seed + 13, ext="xls"), True
    yield "Renja .ods", renja.run(count, seed + 14, ext="ods"), True
    yield "Renja with one inconsistency planted", renja.run(count, seed + 15, planted=True), True
    yield "a central unit's Renja and PK", central.run(count, seed + 18), True
    yield "a central unit's PK, its report held to it", central.run_agreement(count, seed + 23), True
    yield "a central unit's Renja and PK with one inconsistency planted", central.run(count, seed + 19, planted=True), True
    yield "budget views", budget.run(count, seed + 16), True
    yield "budget views with one inconsistency planted", budget.run(count, seed + 17, planted=True), True
    yield "budget views .xls", budget.run(count, seed + 21, ext="xls"), True
    yield "budget views .ods", budget.run(count, seed + 22, ext="ods"), True
    yield "units' arrivals in a running service", arrivals.run(count, seed + 24), True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="variants per family")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    failed = 0
    for name, outcomes, refusals_count in families(args.count, args.seed * 100):
        silent = blocked = 0
        for kind, path, what, desc in outcomes:
            if kind == "silent" or refusals_count:
                print(f"  {kind}: {os.path.basename(path)} {what} {desc}")
            silent += kind == "silent"
            blocked += kind == "blocked"
        print(f"{name}: {args.count} variants, {silent} read wrong without an error, {blocked} refused")
        failed += silent + (blocked if refusals_count else 0)
    shutil.rmtree(SCRATCH, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
