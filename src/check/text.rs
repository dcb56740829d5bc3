//! The readable form of a check: the scorecard as a tree, the budget lines, the findings.

use super::Outcome;
use crate::model::amount::{display_rupiah, display2_in};
use crate::model::plan::{Level, Plan, PlanLine, PlanTarget};
use crate::model::text::numbers_in;
use crate::model::{Language, Report, Score, Scorecard, Severity, Status};
use std::collections::HashMap;
use std::fmt::Write;

fn score(s: &Score, language: Language) -> String {
    let mark = if s.provisional { "*" } else { "" };
    s.value.map_or_else(|| "N/A".to_string(), |v| format!("{}{mark}", display2_in(v, language)))
}

fn short(name: &str) -> String {
    let mut out: String = name.chars().take(60).collect();
    if name.chars().count() > 60 {
        out.push('…');
    }
    out
}

pub fn to_text(outcome: &Outcome) -> String {
    let language = outcome.language;
    let pick = |id, en| language.pick(id, en);
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", pick("Berkas   ", "File     "), outcome.file.display());
    if !outcome.sha256.is_empty() {
        let _ = writeln!(out, "SHA-256  : {}", outcome.sha256);
    }
    if let Some((report, card)) = &outcome.scored {
        let id = &report.identity;
        let unknown = pick("(tidak dikenali)", "(not recognised)");
        let unit = match (&outcome.unit, &id.unit) {
            (Some(u), _) => format!("{} — {}", u.code, u.name),
            (None, Some(code)) => code.clone(),
            (None, None) => unknown.into(),
        };
        let _ = writeln!(out, "Unit     : {unit}");
        let year = id.year.map_or(unknown.into(), |y| y.to_string());
        let period = id.period.map_or(unknown, |p| p.as_str());
        let (year_label, period_label) = (pick("Tahun    ", "Year     "), pick("Periode", "Period"));
        let _ = writeln!(out, "{year_label}: {year}   {period_label}: {period}");
        if let Some(plan) = &report.plan {
            plan_lines(&mut out, plan, language);
        } else {
            scorecard_lines(&mut out, report, card, language);
        }
    }
    findings_lines(&mut out, outcome);
    out
}

/// A plan: each IKU's targets by source, the budget tree of each table, the owners.
fn plan_lines(out: &mut String, plan: &Plan, language: Language) {
    let mut codes: Vec<&str> = Vec::new();
    for t in &plan.targets {
        if !codes.contains(&t.code.as_str()) {
            codes.push(&t.code);
        }
    }
    let _ = writeln!(out, "\nTarget ({} IKU)", codes.len());
    for code in codes {
        let of_code: Vec<&PlanTarget> = plan.targets.iter().filter(|t| t.code == code).collect();
        let by_source: Vec<String> = of_code
            .iter()
            .map(|t| format!("{} {} {}", t.source.label(), t.year, numbers_in(&t.value.shown("-"), language)))
            .collect();
        let _ = writeln!(out, "  {code} {}\n        {}", short(&of_code[0].name), by_source.join("  "));
    }
    let mut tables: Vec<&str> = Vec::new();
    for line in &plan.budget {
        if !tables.contains(&&*line.table) {
            tables.push(&line.table);
        }
    }
    for table in tables {
        let lines: Vec<&PlanLine> = plan.budget.iter().filter(|l| &*l.table == table).collect();
        let _ = writeln!(out, "\n{} ({}, {table})", language.pick("Anggaran", "Budget"), lines[0].source.label());
        let top = lines.iter().map(|l| l.level).min().unwrap_or(Level::Kegiatan);
        for l in lines {
            let depth = l.level.indent(top);
            let volume = match (l.volume, &l.satuan) {
                (Some(v), Some(s)) => format!("  {} {s}", display_rupiah(v)),
                (Some(v), None) => format!("  {}", display_rupiah(v)),
                _ => String::new(),
            };
            let pagu = l.pagu.map_or("-".into(), |p| format!("Rp {}", display_rupiah(p)));
            let _ = writeln!(out, "  {:indent$}{} {}{volume}  {pagu}", "", l.code, short(&l.name), indent = depth * 2);
        }
        for total in plan.totals.iter().filter(|t| &*t.table == table) {
            let _ = writeln!(out, "  Total  Rp {}", display_rupiah(total.value));
        }
        // Each configured program's kegiatan added up, where the configuration files any of them.
        let programs = plan.programs.iter().filter(|(t, _)| &**t == table).flat_map(|(_, sums)| sums);
        if programs.clone().any(|p| p.name.is_some()) {
            for program in programs {
                let pagu = program.pagu.map_or("-".into(), |p| format!("Rp {}", display_rupiah(p)));
                let _ = writeln!(out, "  {}  {pagu}", program.label(language));
            }
        }
    }
    if !plan.responsibility.is_empty() {
        let mut units: Vec<&str> = plan.responsibility.iter().map(|r| r.unit_kerja.as_str()).collect();
        units.dedup();
        let (rows, parts) = (plan.responsibility.len(), units.len());
        let _ = match language {
            Language::Id => writeln!(out, "\nPenanggung jawab: {rows} baris, {parts} unit kerja"),
            Language::En => writeln!(out, "\nOwners: {rows} rows, {parts} parts of the unit"),
        };
    }
}

/// A report or agreement: its scorecard as a tree, then its budget lines.
fn scorecard_lines(out: &mut String, report: &Report, card: &Scorecard, language: Language) {
    let score = |s: &Score| score(s, language);
    let provisional = language.pick("sementara", "provisional");
    let mark = if card.npss.provisional { format!(" ({provisional})") } else { String::new() };
    let _ = writeln!(out, "\nNPSS {} — {}{mark}", score(&card.npss), card.band);
    let mut by_goal: HashMap<&str, Vec<_>> = HashMap::new();
    for pair in report.indicators.iter().zip(&card.indicators) {
        by_goal.entry(pair.0.goal.as_str()).or_default().push(pair);
    }
    for p in &card.perspectives {
        let _ = writeln!(
            out,
            "\n{}  {} {}  {} {}%  NKP {}  {}",
            p.name,
            language.pick("skor", "score"),
            score(&p.score),
            language.pick("bobot", "weight"),
            display2_in(p.weight, language),
            score(&p.nkp),
            p.band
        );
        for (row, g) in report.goals.iter().zip(&card.goals).filter(|(row, _)| row.perspective == p.name) {
            let _ = writeln!(out, "  {} {}  NSS {}  {}", g.code, short(&row.name), score(&g.nss), g.band);
            for &(ind, i) in by_goal.get(g.code.as_str()).into_iter().flatten() {
                let mark = match i.capaian.status() {
                    Status::Provisional => format!("  [{provisional}]"),
                    Status::NotApplicable => "  [N/A]".into(),
                    Status::Final => String::new(),
                };
                let _ = writeln!(
                    out,
                    "    {} {}\n        target {}  realisasi {}  capaian {}  {}{mark}",
                    i.code,
                    short(&ind.name),
                    numbers_in(&ind.target.value.shown("-"), language),
                    numbers_in(&ind.realisasi.value.shown("-"), language),
                    score(&i.capaian),
                    i.band
                );
            }
        }
    }
    if !card.budget.is_empty() {
        let _ = writeln!(out, "\n{}", language.pick("Anggaran", "Budget"));
        for b in &card.budget {
            let rp = |v: Option<rust_decimal::Decimal>| v.map_or("-".into(), display_rupiah);
            let pct =
                |v: Option<rust_decimal::Decimal>| v.map_or("-".into(), |v| format!("{}%", display2_in(v, language)));
            let _ = writeln!(
                out,
                "  {:<6} {:<7} pagu {}  realisasi {}  serapan {}  sisa {}  efisiensi {}",
                b.scope.as_str(),
                b.code,
                rp(b.pagu),
                rp(b.realisasi),
                pct(b.serapan),
                rp(b.sisa),
                pct(b.efisiensi)
            );
        }
    }
}

/// How many findings of each severity; errors and warnings one by one; information grouped by
/// code, its first places named.
fn findings_lines(out: &mut String, outcome: &Outcome) {
    let (errors, warnings, info) =
        (outcome.count(Severity::Error), outcome.count(Severity::Warning), outcome.count(Severity::Info));
    let _ = match outcome.language {
        Language::Id => writeln!(out, "\nTemuan: {errors} kesalahan, {warnings} peringatan, {info} info"),
        Language::En => writeln!(out, "\nFindings: errors {errors}, warnings {warnings}, info {info}"),
    };
    let findings = outcome.findings.iter().filter(|f| f.severity > Severity::Info).collect();
    for f in crate::model::worst_first(findings, |f| f.severity) {
        let _ = writeln!(
            out,
            "  [{}] {} {}",
            f.severity.label(outcome.language),
            f.code.as_str(),
            f.message_in(outcome.language)
        );
    }
    let mut infos: Vec<(&str, Vec<String>)> = Vec::new();
    for f in outcome.findings.iter().filter(|f| f.severity == Severity::Info) {
        let place = f.at.as_ref().map_or_else(|| f.subject.clone(), |a| a.to_string());
        match infos.iter_mut().find(|(code, _)| *code == f.code.as_str()) {
            Some((_, places)) => places.push(place),
            None => infos.push((f.code.as_str(), vec![place])),
        }
    }
    for (code, places) in infos {
        let more = if places.len() > 3 { ", …" } else { "" };
        let first: Vec<&str> = places.iter().take(3).map(String::as_str).collect();
        let details = outcome.language.pick("rinciannya", "details");
        let _ =
            writeln!(out, "  [info] {code} ×{} ({}{more}); {details}: --format json", places.len(), first.join(", "));
    }
}
