use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use kinerja::check::{Context as _, Given};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use kinerja::model::{Code, Kind, Language, Period, Report, Severity};
use kinerja::pipeline::Workplace;
use kinerja::store::{Ledger, Scope, Stored};
use kinerja::validate::history::Previous;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// kinerja reads BKN performance-report workbooks, scores them as BKN does, and says exactly
/// which cell is wrong.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// A TOML file that adds to or overrides the built-in units and scoring rules.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read, score and check one workbook. Exit status: 0 no error finding, 1 error findings,
    /// 2 the file cannot be read as a workbook.
    Check {
        /// The workbook (.xlsx, .xlsm, .xls, .xlsb, .ods).
        file: PathBuf,
        /// Unit code (BKN, KR01…KR14, PUSPENKOM, …); otherwise told from the workbook.
        #[arg(long)]
        unit: Option<String>,
        /// Report year (2000–2100); otherwise told from the workbook.
        #[arg(long, value_parser = clap::value_parser!(u16).range(2000..=2100))]
        year: Option<u16>,
        /// TW1…TW4, S1, S2 or TAHUNAN; otherwise told from the workbook.
        #[arg(long)]
        period: Option<Period>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A Perjanjian Kinerja workbook to check the report against (its tree and targets
        /// govern the scoring).
        #[arg(long)]
        agreement: Option<PathBuf>,
        /// The unit's previous version of the same report: what changed, and stale claims.
        #[arg(long)]
        previous: Option<PathBuf>,
    },
    /// Watch the inbox and process every workbook dropped in `inbox/<UNIT>/`, until SIGINT or
    /// SIGTERM.
    Serve,
    /// Per unit and period: the report that counts (kind, version, submission id, time in the
    /// unit's zone, outcome, errors, warnings, NPSS, file), its agreement on a line of its own,
    /// and a later file that was refused or a duplicate.
    Status {
        /// One year (2000–2100); every year the ledger has when omitted.
        #[arg(long, value_parser = clap::value_parser!(i64).range(2000..=2100))]
        year: Option<i64>,
        /// TW1…TW4, S1, S2 or TAHUNAN; every period when omitted.
        #[arg(long)]
        period: Option<Period>,
        /// One unit's code.
        #[arg(long)]
        unit: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// id or en; the configured review language when omitted.
        #[arg(long, value_parser = parse_language)]
        lang: Option<Language>,
    },
    /// BKN's own indicators computed from its units' reports that count: per indicator the rule,
    /// the value, every unit behind it and those still missing; then BKN's capaian and NPSS.
    Rollup {
        /// The report year (2000–2100).
        #[arg(long, value_parser = clap::value_parser!(u16).range(2000..=2100))]
        year: u16,
        /// The unit whose indicators are computed from its units' (BKN, the default).
        #[arg(long, default_value = "BKN")]
        unit: String,
        /// TW1…TW4, S1, S2 or TAHUNAN (the default).
        #[arg(long, default_value = "TAHUNAN")]
        period: Period,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// id or en; the configured review language when omitted.
        #[arg(long, value_parser = parse_language)]
        lang: Option<Language>,
    },
    /// Rebuild the consolidated workbook of a year (and period) from the ledger.
    Consolidate {
        /// The report year (2000–2100).
        #[arg(long, value_parser = clap::value_parser!(u16).range(2000..=2100))]
        year: u16,
        /// TW1…TW4, S1, S2 or TAHUNAN; all periods in the ledger for the year when omitted.
        #[arg(long)]
        period: Option<Period>,
        /// Also mail the workbook to the planners now.
        #[arg(long)]
        send: bool,
    },
    /// Write a blank report workbook for a unit (its indicators from its stored agreement, or the
    /// built-in BKN set), or with `--agreement` a blank Perjanjian Kinerja.
    Template {
        /// The unit's code (BKN, KR01…KR14, PUSPENKOM, …).
        #[arg(long)]
        unit: String,
        /// The report year (2000–2100).
        #[arg(long, value_parser = clap::value_parser!(u16).range(2000..=2100))]
        year: u16,
        /// The report period; TAHUNAN when omitted.
        #[arg(long)]
        period: Option<Period>,
        /// An agreement template instead of a report template.
        #[arg(long, conflicts_with = "plan")]
        agreement: bool,
        /// A Rencana Kerja template (evaluation, Renstra vs Renja, budget by RO, matrix).
        #[arg(long)]
        plan: bool,
        /// Where to write it; by default in the unit's outbox folder for the year.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Read, score and check a stored submission again (by id or SHA-256 prefix), replace its
    /// findings and scores in the ledger, and rebuild its consolidated workbook. Nothing is mailed
    /// unless `--notify`.
    Reprocess {
        /// The submission's id (as `status` shows it) or a prefix of its SHA-256 (six or more hex
        /// digits).
        submission: String,
        /// Also tell the unit the new result.
        #[arg(long)]
        notify: bool,
    },
    /// Write the unit's annotated copy of a stored submission (by id or SHA-256 prefix) to
    /// `outbox/<year>/<UNIT>/`: the service writes it only for reports with errors.
    Annotate {
        /// The submission's id (as `status` shows it) or a prefix of its SHA-256 (six or more hex
        /// digits).
        submission: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("kinerja: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<u8> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_target(false)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr)
        .init();
    let config = match &cli.config {
        Some(path) => Config::load(path)?,
        None => Config::builtin(),
    };
    match cli.command {
        Command::Check { file, unit, year, period, format, agreement, previous } => {
            // Said to the operator at the command line, not as a unit's finding.
            match std::fs::metadata(&file) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!("{}: no such file", file.display()),
                Ok(meta) if meta.is_dir() => bail!("{} is a folder; give a workbook file", file.display()),
                _ => {}
            }
            let unit = unit.map(|code| registered(&config, &code).map(|u| u.code.clone())).transpose()?;
            let overrides = Overrides { unit, year, period };
            let given = Given {
                agreement: agreement.as_ref().map(|path| read_agreement(&config, path)).transpose()?,
                previous: previous.map(|path| read_previous(&config, &path, &overrides)).transpose()?,
            };
            let outcome = kinerja::check::check_with(&file, &config, &overrides, &given);
            if let (Some(path), Some(pk), Some((report, _))) = (&agreement, &given.agreement, &outcome.scored)
                && report.kind == Kind::Realisasi
                && let (Some(unit), Some(year)) = (&report.identity.unit, report.identity.year)
                && given.agreement(unit, year).is_none()
            {
                let of = |unit: &Option<String>, year: Option<u16>| {
                    format!("{} {}", unit.as_deref().unwrap_or("?"), year.map_or("?".into(), |y| y.to_string()))
                };
                bail!(
                    "{} is the agreement of {}, and {} the report of {unit} {year}: give the report's own agreement",
                    path.display(),
                    of(&pk.identity.unit, pk.identity.year),
                    file.display()
                );
            }
            match format {
                Format::Text => emit(&kinerja::check::to_text(&outcome))?,
                Format::Json => {
                    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
                    written(kinerja::check::write_json(&outcome, out))?;
                }
            }
            Ok(outcome.exit_code() as u8)
        }
        Command::Serve => serve(config),
        Command::Status { year, period, unit, format, lang } => {
            let unit = unit.map(|code| registered(&config, &code).map(|u| u.code.clone())).transpose()?;
            let scope = Scope { year, period: period.map(Period::as_str), unit: unit.as_deref() };
            status(&config, scope, format, lang.unwrap_or(config.review.language))
        }
        Command::Rollup { year, unit, period, format, lang } => {
            let unit = registered(&config, &unit)?.code.clone();
            rollup(&config, &unit, year, period, format, lang.unwrap_or(config.review.language))
        }
        Command::Reprocess { submission, notify } => reprocess(&config, &submission, notify),
        Command::Annotate { submission } => annotate(&config, &submission),
        Command::Consolidate { year, period, send } => consolidate(&config, year, period, send),
        Command::Template { unit, year, period, agreement, plan, out } => {
            template(&config, &unit, year, period, (agreement, plan), out)
        }
    }
}

fn serve(config: Config) -> anyhow::Result<u8> {
    return_freed_memory_at_once();
    kinerja::service::run(config)?;
    Ok(0)
}

fn status(config: &Config, scope: Scope, format: Format, language: Language) -> anyhow::Result<u8> {
    let work = Workplace::new(config);
    let ledger = recorded(&work)?;
    let status = kinerja::status::gather(config, &ledger, scope, language)?;
    let rendered = match format {
        Format::Text => kinerja::status::to_text(&status, language),
        Format::Json => serde_json::to_string_pretty(&status)? + "\n",
    };
    emit(&rendered)?;
    Ok(0)
}

fn rollup(
    config: &Config,
    unit: &str,
    year: u16,
    period: Period,
    format: Format,
    language: Language,
) -> anyhow::Result<u8> {
    let work = Workplace::new(config);
    let ledger = recorded(&work)?;
    let rollup = kinerja::rollup::compute(config, &ledger, unit, year, period)?;
    let rendered = match format {
        Format::Text => kinerja::rollup::to_text(&rollup, language),
        Format::Json => kinerja::rollup::to_json_text(&rollup, language) + "\n",
    };
    emit(&rendered)?;
    Ok(0)
}

/// The workplace's ledger, for a command that reads what the service recorded: without one,
/// nothing has been recorded here, and the operator is told so instead of a database error.
fn recorded(work: &Workplace) -> anyhow::Result<Ledger> {
    let path = work.ledger();
    if !path.exists() {
        bail!(
            "no ledger at {}: nothing has been recorded in this workplace yet (start `kinerja serve` here, \
             or give the workplace's --config)",
            path.display()
        );
    }
    Ok(Ledger::open(&path)?)
}

fn parse_language(text: &str) -> Result<Language, String> {
    match text.to_lowercase().as_str() {
        "id" => Ok(Language::Id),
        "en" => Ok(Language::En),
        _ => Err(format!("`{text}`: use id or en")),
    }
}

fn consolidate(config: &Config, year: u16, period: Option<Period>, send: bool) -> anyhow::Result<u8> {
    let work = Workplace::new(config);
    let mut ledger = recorded(&work)?;
    let periods = match period {
        Some(p) => vec![p],
        None => ledger.periods(year)?,
    };
    if periods.is_empty() {
        eprintln!("kinerja: nothing to consolidate for {year}: the ledger holds no report of that year");
        return Ok(1);
    }
    let mut out = String::new();
    for period in periods {
        let (path, _) = kinerja::pipeline::rekap(config, &mut ledger, &work.state, year, period)?;
        let _ = writeln!(out, "{}", path.display());
        if send {
            let relative = path.strip_prefix(&work.outbox).unwrap_or(&path).to_string_lossy().into_owned();
            if !kinerja::mail::send_consolidated(config, &ledger, year, period, &relative, true)? {
                let _ = writeln!(out, "  no planners configured ([mail] planners)");
            }
        }
    }
    if send {
        let _ = writeln!(out, "{} messages sent", send_due(config)?);
    }
    emit(&out)?;
    Ok(0)
}

fn template(
    config: &Config,
    code: &str,
    year: u16,
    period: Option<Period>,
    (agreement, plan): (bool, bool),
    out: Option<PathBuf>,
) -> anyhow::Result<u8> {
    use kinerja::template::{self, Kind as TemplateKind};
    let unit = registered(config, code)?;
    let work = Workplace::new(config);
    let stored = if work.ledger().exists() {
        let ledger = Ledger::open(&work.ledger())?;
        ledger.agreement(&unit.code, year, None)?
    } else {
        None
    };
    let lines = match &stored {
        Some(agreement) => template::from_agreement(agreement),
        None => match kinerja::config::indicator_set(unit) {
            Some(lines) => lines,
            None => {
                eprintln!(
                    "kinerja: {} has no stored agreement for {year} and kinerja knows no indicator set for it: \
                     drop its Perjanjian Kinerja {year} (any layout kinerja reads) into inbox/{}/ first, then ask \
                     for its template again",
                    unit.code, unit.code
                );
                return Ok(1);
            }
        },
    };
    let (kind, name) = match (agreement, plan) {
        (true, _) => (Some(TemplateKind::Agreement), format!("Template Perjanjian Kinerja {} {year}.xlsx", unit.code)),
        (_, true) => (None, format!("Template Rencana Kerja {} {year}.xlsx", unit.code)),
        _ => {
            let period = period.unwrap_or(Period::Year);
            (Some(TemplateKind::Realisasi(period)), format!("Template Laporan {} {year} {period}.xlsx", unit.code))
        }
    };
    let path = out.unwrap_or_else(|| work.outbox.join(year.to_string()).join(&unit.code).join(name));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    match kind {
        Some(kind) => template::write(&path, unit, year, kind, &lines)?,
        None => template::plan::write(&path, unit, year, &lines)?,
    }
    let source = if stored.is_some() { "its stored agreement" } else { "the built-in indicator set of its family" };
    emit(&format!("{} ({} indicators from {source})\n", path.display(), lines.len()))?;
    Ok(0)
}

fn reprocess(config: &Config, key: &str, notify: bool) -> anyhow::Result<u8> {
    let work = Workplace::new(config);
    let mut ledger = recorded(&work)?;
    let stored = submission(&ledger, key)?;
    let id = stored.id;
    let read = kinerja::pipeline::read_again(config, &mut ledger, &work.state, &stored).map_err(anyhow::Error::msg)?;
    let outcome = &read.outcome;
    let mut said = kinerja::check::to_text(outcome);
    let _ = writeln!(said, "\nSubmission {id} read again; its findings and scores in the ledger are replaced.");
    if let Some(copy) = &read.annotated {
        let _ = writeln!(said, "Annotated copy written: {}", work.outbox.join(copy).display());
    }
    // The consolidated workbook of its year and period follows the ledger.
    if let Some((report, _)) = &outcome.scored
        && report.kind == Kind::Realisasi
        && let (Some(year), Some(period)) = (report.identity.year, report.identity.period)
    {
        let (rebuilt, _) = kinerja::pipeline::rekap(config, &mut ledger, &work.state, year, period)?;
        let _ = writeln!(said, "Rebuilt {}", rebuilt.display());
    }
    if notify {
        let again = kinerja::mail::Again::Reprocessed;
        let unit = stored.unit.as_deref();
        match kinerja::mail::notify_again(config, &ledger, (id, unit), (&read.reading, read.annotated.clone()), again)?
        {
            Ok(queued) => {
                let _ =
                    writeln!(said, "{queued} messages queued for {}, {} sent.", unit.unwrap_or(""), send_due(config)?);
            }
            Err(why) => {
                let _ = writeln!(said, "{why}");
            }
        }
    }
    emit(&said)?;
    Ok(outcome.exit_code() as u8)
}

/// Send what the mail queue holds now, from the command line; how many were sent.
fn send_due(config: &Config) -> anyhow::Result<usize> {
    let work = Workplace::new(config);
    let sender = kinerja::mail::Sender::new(config.mail.clone(), Ledger::open(&work.ledger())?, work.outbox.clone())?;
    Ok(sender.run_once()?)
}

fn annotate(config: &Config, key: &str) -> anyhow::Result<u8> {
    let work = Workplace::new(config);
    let ledger = recorded(&work)?;
    let stored = submission(&ledger, key)?;
    let bytes = kinerja::pipeline::kept(config, &work.state, &stored).map_err(anyhow::Error::msg)?;
    let outcome = kinerja::pipeline::reread(config, &ledger, &stored, &bytes)?;
    let Some(written) = kinerja::pipeline::annotate(&outcome, &stored.file_name, &bytes, config, &work.outbox) else {
        bail!("no annotated copy for submission {}: it has no unit and year, or it could not be written", stored.id);
    };
    emit(&format!("{}\n", work.outbox.join(written).display()))?;
    Ok(0)
}

/// A submission kinerja keeps, by id or SHA-256 prefix.
fn submission(ledger: &Ledger, key: &str) -> anyhow::Result<Stored> {
    ledger.find_submission(key)?.with_context(|| {
        format!("no single submission matches `{key}` (give its id or at least 6 hex digits of its SHA-256)")
    })
}

/// The agreement as the service keeps it: read and checked (its codes through the configured
/// crosswalk, `IKK.1` as `IKU.2`).
fn read_agreement(config: &Config, path: &std::path::Path) -> anyhow::Result<Report> {
    let outcome = kinerja::check::check(path, config, &Overrides::default());
    let Some((report, _)) = outcome.scored else {
        let why = outcome.findings.first().map(|f| format!(": {}", f.message())).unwrap_or_default();
        bail!("the agreement {} cannot be read{why}", path.display());
    };
    if report.kind != Kind::Agreement {
        bail!("{} is not a performance agreement: its indicator table has realisasi", path.display());
    }
    // As in the service, an agreement with errors governs nothing until it is corrected; its
    // unit and year, where its titles do not say them, are the report's (the service knows them
    // from the unit's folder).
    let identity = |code: Code| matches!(code, Code::UnitUnknown | Code::YearUnknown);
    let errors: Vec<_> =
        outcome.findings.iter().filter(|f| f.severity == Severity::Error && !identity(f.code)).collect();
    if let Some(first) = errors.first() {
        bail!(
            "the agreement {} has {} error finding(s) and governs nothing until corrected (check it on its own): {} {}",
            path.display(),
            errors.len(),
            first.code.as_str(),
            first.message()
        );
    }
    Ok(report)
}

fn read_previous(config: &Config, path: &std::path::Path, overrides: &Overrides) -> anyhow::Result<Previous> {
    let outcome = kinerja::check::check(path, config, overrides);
    outcome.said().with_context(|| {
        let why = outcome.findings.first().map(|f| format!(": {}", f.message())).unwrap_or_default();
        format!("the previous version {} cannot be read{why}", path.display())
    })
}

/// Write to standard output.
fn emit(text: &str) -> anyhow::Result<()> {
    written(std::io::stdout().lock().write_all(text.as_bytes()))
}

/// What writing to standard output came to: a reader that went away early (`| head`) is no error.
fn written(result: std::io::Result<()>) -> anyhow::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}

/// The registered unit a code given on the command line names, in any case: the ledger keeps
/// the code as registered, so `--unit kr07` is KR07.
fn registered<'c>(config: &'c Config, code: &str) -> anyhow::Result<&'c kinerja::model::Unit> {
    config.units.get(code).with_context(|| {
        let known: Vec<&str> = config.units.units().iter().map(|u| u.code.as_str()).collect();
        format!("unknown unit code `{code}`; known: {}", known.join(", "))
    })
}

/// mimalloc instead of glibc's allocator: each thread allocates from pages of its own, where
/// glibc's workers queued for shared arenas and merged free chunks at every large allocation (a
/// seventh of a burst's reading time). Built without transparent huge pages, which would hold
/// 2 MiB per touched region and double the service's resident memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc keeps pages freed for a second before it gives them back; in a burst that second is
/// full of other files' pages, and a 2,000-file burst peaked at 1.22 times a 20-file one (1.15-1.18
/// when given back at once, at the same speed). Only for the service: a command that ends within
/// milliseconds would give back pages (40 `madvise` calls in a `check`) only to fault them in again.
fn return_freed_memory_at_once() {
    /// `mi_option_purge_delay` in mimalloc.h: milliseconds before freed pages are given back.
    const PURGE_DELAY: std::ffi::c_int = 15;
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: mimalloc's options may be set at any time; this one is read at each purge.
    unsafe { mi_option_set(PURGE_DELAY, 0) };
}
