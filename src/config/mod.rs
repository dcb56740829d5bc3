//! Configuration: the embedded defaults (BKN's units and scoring rules), optionally overridden by
//! a TOML file, turned once into validated values. Nothing downstream re-checks them.

use crate::model::amount::decimal_from_f64;
use crate::model::{Code, Language, Severity, Unit, UnitRegistry};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

mod cascade;
pub mod mail;
mod sets;

pub use cascade::{Cascade, Rule, Source};
pub use sets::{Line, indicator_set};

/// `defaults.toml`, turned into JSON by build.rs: read at every start, in a fraction of the time.
const DEFAULTS: &str = include_str!(concat!(env!("OUT_DIR"), "/defaults.json"));

/// Why a configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file named with `--config` could not be read.
    #[error("cannot read config file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    /// The file is not valid TOML or has keys kinerja does not know.
    #[error("invalid config file {path}: {source}")]
    Parse { path: PathBuf, source: Box<toml::de::Error> },
    /// A value is out of its allowed range or set.
    #[error("invalid config value for `{key}`: {reason}")]
    Value { key: String, reason: String },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    inbox: Option<PathBuf>,
    outbox: Option<PathBuf>,
    state: Option<PathBuf>,
    poll_interval: Option<String>,
    settle: Option<String>,
    workers: Option<usize>,
    consolidated_name: Option<String>,
    #[serde(default)]
    unit: Vec<RawUnit>,
    #[serde(default)]
    scoring: RawScoring,
    #[serde(default)]
    review: RawReview,
    #[serde(default)]
    mail: RawMail,
    #[serde(default)]
    limits: RawLimits,
    #[serde(default)]
    structure: Vec<RawStructure>,
    #[serde(default)]
    rollup: Vec<cascade::RawRollup>,
    #[serde(default)]
    crosswalk: Vec<RawCrosswalk>,
    #[serde(default)]
    program: Vec<Program>,
}

/// Which indicator of one document is which of another's, for a unit over some years.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCrosswalk {
    units: Vec<String>,
    from: u16,
    to: u16,
    codes: BTreeMap<String, String>,
}

/// A unit's codes in one document for its codes in another (PLANS.md §2): a central unit's PK
/// calls its indicators `IKP.1`, `IKK.1` … where its Renja says `IKU.1`, `IKU.2` …. Printed nowhere,
/// so configured, never guessed.
#[derive(Debug, Clone, PartialEq)]
pub struct Crosswalk {
    pub units: Vec<String>,
    pub years: (u16, u16),
    /// Code as printed → the IKU code it is.
    pub codes: BTreeMap<String, String>,
}

/// A budget program and the kegiatan it holds. Programs carry no code in the units' documents and
/// their documents disagree on where a kegiatan belongs (PLANS.md §6), so configured.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub name: String,
    /// Kegiatan codes (`4842`).
    pub kegiatan: Vec<String>,
}

/// Which SS belongs to which perspective for some units over a Renstra period.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStructure {
    units: Vec<String>,
    from: u16,
    to: u16,
    goals: BTreeMap<String, String>,
    #[serde(default)]
    indicators: BTreeMap<String, String>,
}

/// The performance tree a unit's reports keep over a Renstra period, built in for BKN and the
/// Kantor Regional and overridable: each SS code with its perspective. Without an agreement it
/// places the goals, so an SS printed under another perspective is scored where it belongs.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    pub units: Vec<String>,
    pub years: (u16, u16),
    /// SS code → perspective.
    pub goals: BTreeMap<String, String>,
    /// IKU code → SS code.
    pub indicators: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    file_mib: Option<u64>,
    parts: Option<usize>,
    part_mib: Option<u64>,
    unpacked_mib: Option<u64>,
    ratio: Option<u64>,
    cells: Option<usize>,
    strings: Option<usize>,
    time_budget: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMail {
    transport: Option<String>,
    from: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    security: Option<mail::Security>,
    username: Option<String>,
    timeout: Option<String>,
    #[serde(default)]
    planners: Vec<String>,
    planner_interval: Option<String>,
    #[serde(default)]
    copy_planners: bool,
    #[serde(default)]
    deadline: Vec<RawDeadline>,
    #[serde(default)]
    remind_days_before: u32,
    contact: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadline {
    year: u16,
    period: String,
    date: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    language: Option<Language>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    code: String,
    name: Option<String>,
    aliases: Option<Vec<String>>,
    email: Option<Vec<String>>,
    /// WIB, WITA or WIT: the zone of the unit's seat, for the times it is shown.
    timezone: Option<crate::model::time::Zone>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScoring {
    weights: Option<BTreeMap<String, f64>>,
    cap: Option<f64>,
    na: Option<NaPolicy>,
    provisional: Option<ProvisionalPolicy>,
    lower_is_better: Option<LowerFormula>,
    qualitative_ladder: Option<Vec<String>>,
    efficiency_clamp: Option<f64>,
    na_band: Option<String>,
    band: Option<Vec<RawBand>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    name: String,
    above: Option<f64>,
    from: Option<f64>,
}

/// How N/A indicators enter the means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NaPolicy {
    Exclude,
    Zero,
}

/// How provisional values are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionalPolicy {
    Include,
    Exclude,
}

/// The capaian formula for lower-is-better indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LowerFormula {
    TwoMinusRatio,
    InverseRatio,
}

/// A status band: a value belongs to the first band whose bound it meets.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Shared by every score in the band: a scorecard can hold thousands.
    pub name: Arc<str>,
    pub lower: Option<Decimal>,
    /// Whether `lower` itself belongs to the band (`from`) or not (`above`).
    pub inclusive: bool,
}

/// The scoring rules, BKN's behaviour by default.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    /// Percent per perspective name; empty means shared equally.
    pub weights: BTreeMap<String, Decimal>,
    pub cap: Option<Decimal>,
    pub na: NaPolicy,
    pub provisional: ProvisionalPolicy,
    pub lower_is_better: LowerFormula,
    /// Opinions, best first.
    pub qualitative_ladder: Vec<String>,
    pub efficiency_clamp: Decimal,
    pub bands: Vec<Band>,
    pub na_band: Arc<str>,
}

impl Rules {
    /// The band name of a score; the N/A band when there is no value.
    pub fn band(&self, value: Option<Decimal>) -> &Arc<str> {
        let Some(value) = value else {
            return &self.na_band;
        };
        self.bands
            .iter()
            .find(|band| match band.lower {
                None => true,
                Some(lower) if band.inclusive => value >= lower,
                Some(lower) => value > lower,
            })
            .map_or(&self.na_band, |band| &band.name)
    }
}

/// Validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub units: UnitRegistry,
    pub rules: Rules,
    pub service: Service,
    pub review: Review,
    pub mail: mail::Settings,
    pub limits: Limits,
    /// Later entries (the config file's) override earlier ones (the built-in ones).
    pub structures: Vec<Structure>,
    /// How BKN's indicators come from its units' figures.
    pub cascades: Vec<Cascade>,
    /// Later entries (the config file's) override earlier ones (the built-in ones).
    pub crosswalks: Vec<Crosswalk>,
    /// Later entries (the config file's) override earlier ones for a kegiatan both name.
    pub programs: Vec<Program>,
}

impl Config {
    /// The structure that holds for a unit's report of `year`, if one is known.
    pub fn structure(&self, unit: &str, year: u16) -> Option<&Structure> {
        self.structures
            .iter()
            .rev()
            .find(|s| s.units.iter().any(|u| u.eq_ignore_ascii_case(unit)) && (s.years.0..=s.years.1).contains(&year))
    }

    /// The program a kegiatan belongs to, if one is configured.
    pub fn program_of(&self, kegiatan: &str) -> Option<&Program> {
        self.programs.iter().rev().find(|p| p.kegiatan.iter().any(|k| k == kegiatan))
    }

    /// The name of the program a kegiatan belongs to, if one is configured.
    pub fn program_name(&self, kegiatan: &str) -> Option<String> {
        self.program_of(kegiatan).map(|p| p.name.clone())
    }

    /// The IKU code a unit's document of `year` means by `code`: the crosswalk's, else itself.
    pub fn iku_code<'a>(&'a self, unit: &str, year: u16, code: &'a str) -> &'a str {
        self.crosswalks
            .iter()
            .rev()
            .filter(|c| c.units.iter().any(|u| u.eq_ignore_ascii_case(unit)) && (c.years.0..=c.years.1).contains(&year))
            .find_map(|c| c.codes.get(code))
            .map_or(code, String::as_str)
    }
}

/// What one workbook may hold before it is refused unread (`FILE_TOO_LARGE`). The defaults sit
/// far above any real report (a large unit's report: 60 KB, 30 parts, 3,000 cells) and keep one
/// file's reading under 256 MiB and a few seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Bytes of the file itself.
    pub file_bytes: u64,
    /// Parts (members) of a zip package.
    pub parts: usize,
    /// Unpacked bytes of any one part.
    pub part_bytes: u64,
    /// Unpacked bytes of all parts together.
    pub unpacked_bytes: u64,
    /// Unpacked size ÷ packed size of a part larger than 1 MiB unpacked.
    pub ratio: u64,
    /// Filled cells in the whole workbook.
    pub cells: usize,
    /// Entries of the shared-strings table.
    pub strings: usize,
    /// Time to read, score and review one file.
    pub time_budget: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        const MIB: u64 = 1024 * 1024;
        Limits {
            file_bytes: 64 * MIB,
            parts: 2_000,
            part_bytes: 64 * MIB,
            unpacked_bytes: 160 * MIB,
            ratio: 200,
            cells: 1_000_000,
            strings: 1_000_000,
            time_budget: Duration::from_secs(20),
        }
    }
}

/// How findings are told: the language of messages, and severities that differ from the
/// defaults (an `error` blocks consolidation; `warning` and `info` are reported only).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    pub language: Language,
    pub severities: HashMap<Code, Severity>,
}

impl Review {
    pub fn severity(&self, code: Code) -> Severity {
        self.configured(code).unwrap_or_else(|| code.default_severity())
    }

    /// The severity the configuration gives a code, if it gives one: it then holds for every
    /// finding of the code, including those a rule raised at another severity than the code's
    /// own (a Renstra target that departs from the Renja with a reason is information).
    pub fn configured(&self, code: Code) -> Option<Severity> {
        self.severities.get(&code).copied()
    }
}

/// Where the service works and how it watches.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Units drop files in `inbox/<UNIT>/`.
    pub inbox: PathBuf,
    /// Workbooks and mail for planners and units.
    pub outbox: PathBuf,
    /// The ledger (`ledger.sqlite`) and the files taken in: `processing/`, `archive/`, `rejected/`.
    pub state: PathBuf,
    /// How often the inbox is walked even without file-system events (network shares send none).
    pub poll_interval: Duration,
    /// How long a file's size and modification time must stay unchanged before it is taken.
    pub settle: Duration,
    /// How many files are processed at once.
    pub workers: usize,
    /// File name of the consolidated workbook, with `{year}` and `{period}`.
    pub consolidated_name: String,
}

impl Config {
    /// The embedded defaults alone.
    pub fn builtin() -> Config {
        Config::from_raw(raw_defaults(), RawConfig::default(), Path::new("")).expect("the embedded defaults are valid")
    }

    /// The embedded defaults overridden by the file at `path`.
    ///
    /// # Errors
    /// [`ConfigError`] when the file cannot be read, is not valid TOML, has unknown keys, or
    /// holds a value out of range.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.into(), source })?;
        let user: RawConfig = toml::from_str(&text)
            .map_err(|source| ConfigError::Parse { path: path.into(), source: Box::new(source) })?;
        Config::from_raw(raw_defaults(), user, path.parent().unwrap_or(Path::new("")))
    }

    /// `base` is the directory relative paths are taken from: the config file's, or the working
    /// directory for the built-in defaults.
    fn from_raw(defaults: RawConfig, user: RawConfig, base: &Path) -> Result<Config, ConfigError> {
        let service = service(&user, base)?;
        let mut units: Vec<Unit> = Vec::new();
        for raw in defaults.unit.into_iter().chain(user.unit) {
            merge_unit(&mut units, raw)?;
        }
        let rules = rules(defaults.scoring, user.scoring)?;
        let mut severities = HashMap::new();
        for (code, severity) in user.review.severity {
            let parsed = Code::parse(&code)
                .ok_or_else(|| value_error("review.severity", format!("unknown finding code `{code}`")))?;
            severities.insert(parsed, severity);
        }
        let review = Review { language: user.review.language.unwrap_or_default(), severities };
        let mail = mail(&user.mail, &service)?;
        let limits = limits(&user.limits)?;
        let mut structures = Vec::new();
        for raw in defaults.structure.into_iter().chain(user.structure) {
            if raw.from > raw.to || raw.goals.is_empty() {
                return Err(value_error(
                    "structure",
                    format!("years {}–{} with {} goals", raw.from, raw.to, raw.goals.len()),
                ));
            }
            let units = raw.units.iter().map(|u| u.trim().to_uppercase()).collect();
            if let Some((iku, ss)) = raw.indicators.iter().find(|(_, ss)| !raw.goals.contains_key(*ss)) {
                return Err(value_error(
                    "structure.indicators",
                    format!("{iku} is placed in {ss}, which has no perspective"),
                ));
            }
            structures.push(Structure {
                units,
                years: (raw.from, raw.to),
                goals: raw.goals,
                indicators: raw.indicators,
            });
        }
        let mut crosswalks = Vec::new();
        for raw in defaults.crosswalk.into_iter().chain(user.crosswalk) {
            if raw.from > raw.to || raw.codes.is_empty() {
                let said = format!("years {}–{} with {} codes", raw.from, raw.to, raw.codes.len());
                return Err(value_error("crosswalk", said));
            }
            let units = raw.units.iter().map(|u| u.trim().to_uppercase()).collect();
            crosswalks.push(Crosswalk { units, years: (raw.from, raw.to), codes: raw.codes });
        }
        let programs: Vec<Program> = defaults.program.into_iter().chain(user.program).collect();
        if let Some(program) = programs.iter().find(|p| {
            p.name.trim().is_empty()
                || !p.kegiatan.iter().all(|k| k.len() == 4 && k.bytes().all(|b| b.is_ascii_digit()))
        }) {
            let said = format!(
                "{:?} with kegiatan {:?} (a name, and kegiatan of four digits)",
                program.name, program.kegiatan
            );
            return Err(value_error("program", said));
        }
        let units = UnitRegistry::new(units);
        let cascades = cascade::cascades(defaults.rollup, user.rollup, &units)?;
        Ok(Config { units, rules, service, review, mail, limits, structures, cascades, crosswalks, programs })
    }
}

fn service(raw: &RawConfig, base: &Path) -> Result<Service, ConfigError> {
    let path = |given: &Option<PathBuf>, default: &str| base.join(given.as_deref().unwrap_or(Path::new(default)));
    let duration = |key: &str, given: &Option<String>, default: &str| {
        let text = given.as_deref().unwrap_or(default);
        parse_duration(text)
            .ok_or_else(|| value_error(key, format!("`{text}` is not a duration such as \"500ms\" or \"2s\"")))
    };
    let workers = raw.workers.unwrap_or(2);
    if workers == 0 {
        return Err(value_error("workers", "at least 1".into()));
    }
    Ok(Service {
        inbox: path(&raw.inbox, "inbox"),
        outbox: path(&raw.outbox, "outbox"),
        state: path(&raw.state, "state"),
        poll_interval: duration("poll_interval", &raw.poll_interval, "2s")?,
        settle: duration("settle", &raw.settle, "1s")?,
        workers,
        consolidated_name: consolidated_name(raw.consolidated_name.as_deref())?,
    })
}

fn limits(raw: &RawLimits) -> Result<Limits, ConfigError> {
    const MIB: u64 = 1024 * 1024;
    let default = Limits::default();
    let positive = |key: &str, value: Option<u64>, default: u64| match value {
        Some(0) => Err(value_error(key, "at least 1".into())),
        Some(n) => Ok(n),
        None => Ok(default),
    };
    let mib = |key: &str, value: Option<u64>, default: u64| {
        positive(key, value, default / MIB)?.checked_mul(MIB).ok_or_else(|| value_error(key, "too large".into()))
    };
    let count = |key: &str, value: Option<usize>, default: usize| {
        positive(key, value.map(|n| n as u64), default as u64).map(|n| n as usize)
    };
    let time_budget = match raw.time_budget.as_deref() {
        None => default.time_budget,
        Some(text) => parse_duration(text)
            .filter(|d| !d.is_zero())
            .ok_or_else(|| value_error("limits.time_budget", format!("`{text}` is not a duration such as \"20s\"")))?,
    };
    Ok(Limits {
        file_bytes: mib("limits.file_mib", raw.file_mib, default.file_bytes)?,
        parts: count("limits.parts", raw.parts, default.parts)?,
        part_bytes: mib("limits.part_mib", raw.part_mib, default.part_bytes)?,
        unpacked_bytes: mib("limits.unpacked_mib", raw.unpacked_mib, default.unpacked_bytes)?,
        ratio: positive("limits.ratio", raw.ratio, default.ratio)?,
        cells: count("limits.cells", raw.cells, default.cells)?,
        strings: count("limits.strings", raw.strings, default.strings)?,
        time_budget,
    })
}

fn mail(raw: &RawMail, service: &Service) -> Result<mail::Settings, ConfigError> {
    use mail::{Security, Settings, Transport};
    let from = raw.from.as_deref().unwrap_or("kinerja <kinerja@localhost>");
    let from = from.parse().map_err(|e| value_error("mail.from", format!("`{from}`: {e}")))?;
    let timeout = raw.timeout.as_deref().unwrap_or("10s");
    let timeout =
        parse_duration(timeout).ok_or_else(|| value_error("mail.timeout", format!("`{timeout}` is not a duration")))?;
    let kind = raw.transport.as_deref().unwrap_or(if raw.host.is_some() { "smtp" } else { "file" });
    let transport = match kind {
        "file" => Transport::File(service.outbox.join("mail")),
        "smtp" => {
            let host =
                raw.host.clone().ok_or_else(|| value_error("mail.host", "the smtp transport needs a host".into()))?;
            let security = raw.security.unwrap_or(Security::Starttls);
            let default_port = match security {
                Security::None => 25,
                Security::Starttls => 587,
                Security::Tls => 465,
            };
            Transport::Smtp { host, port: raw.port.unwrap_or(default_port), security, username: raw.username.clone() }
        }
        other => return Err(value_error("mail.transport", format!("`{other}`: use \"smtp\" or \"file\""))),
    };
    let interval = raw.planner_interval.as_deref().unwrap_or("1h");
    let planner_interval = parse_duration(interval)
        .ok_or_else(|| value_error("mail.planner_interval", format!("`{interval}` is not a duration")))?;
    let mut deadlines = Vec::new();
    for d in &raw.deadline {
        let period = d.period.parse().map_err(|e| value_error("mail.deadline.period", e))?;
        let Some(date) = crate::model::time::date(&d.date) else {
            return Err(value_error("mail.deadline.date", format!("`{}` is not a date YYYY-MM-DD", d.date)));
        };
        deadlines.push((d.year, period, date));
    }
    for address in &raw.planners {
        if address.parse::<lettre::message::Mailbox>().is_err() {
            return Err(value_error("mail.planners", format!("`{address}` is not an address")));
        }
    }
    let contact = match raw.contact.as_deref().map(str::trim) {
        Some("") => return Err(value_error("mail.contact", "empty: leave it out, or say who units may ask".into())),
        other => other.map(str::to_string),
    };
    Ok(Settings {
        transport,
        from,
        contact,
        timeout,
        planners: raw.planners.clone(),
        planner_interval,
        copy_planners: raw.copy_planners,
        deadlines,
        remind_days_before: raw.remind_days_before,
    })
}

fn consolidated_name(given: Option<&str>) -> Result<String, ConfigError> {
    let name = given.unwrap_or("Rekap Kinerja {year} {period}.xlsx");
    let valid =
        name.contains("{year}") && name.contains("{period}") && name.ends_with(".xlsx") && !name.contains(['/', '\\']);
    if !valid {
        return Err(value_error(
            "consolidated_name",
            format!("`{name}` needs {{year}}, {{period}}, no folders, and .xlsx"),
        ));
    }
    Ok(name.to_string())
}

/// `"500ms"`, `"2s"`, `"1.5s"`, `"1m"`, `"1h 30m"`: jiff's friendly duration format (or ISO 8601,
/// `"PT1H"`); never negative.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let signed: jiff::SignedDuration = text.trim().parse().ok()?;
    Duration::try_from(signed).ok()
}

fn raw_defaults() -> RawConfig {
    serde_json::from_str(DEFAULTS).expect("the embedded defaults parse")
}

fn merge_unit(units: &mut Vec<Unit>, raw: RawUnit) -> Result<(), ConfigError> {
    let code = raw.code.trim().to_uppercase();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(value_error("unit.code", format!("`{}` must be letters and digits", raw.code)));
    }
    for address in raw.email.iter().flatten() {
        // One bare address each: no display name, no list in one entry.
        if address.parse::<lettre::Address>().is_err() {
            return Err(value_error("unit.email", format!("`{address}` is not an address")));
        }
    }
    match units.iter_mut().find(|u| u.code == code) {
        Some(unit) => {
            if let Some(name) = raw.name {
                unit.name = name;
            }
            if let Some(aliases) = raw.aliases {
                unit.aliases = aliases;
            }
            if let Some(email) = raw.email {
                unit.email = email;
            }
            if let Some(zone) = raw.timezone {
                unit.zone = zone;
            }
        }
        None => {
            let name = raw.name.ok_or_else(|| value_error("unit.name", format!("new unit {code} needs a name")))?;
            units.push(Unit {
                code,
                name,
                aliases: raw.aliases.unwrap_or_default(),
                email: raw.email.unwrap_or_default(),
                zone: raw.timezone.unwrap_or_default(),
            });
        }
    }
    Ok(())
}

fn rules(defaults: RawScoring, user: RawScoring) -> Result<Rules, ConfigError> {
    let required = |key: &str| value_error(key, "missing from the defaults".into());
    let weights = user.weights.or(defaults.weights).unwrap_or_default();
    let weights = weights
        .into_iter()
        .map(|(name, w)| Ok((name, decimal("scoring.weights", w)?)))
        .collect::<Result<BTreeMap<_, _>, ConfigError>>()?;
    if !weights.is_empty() && weights.values().sum::<Decimal>() != Decimal::ONE_HUNDRED {
        return Err(value_error("scoring.weights", "weights must add up to 100".into()));
    }
    let cap = decimal("scoring.cap", user.cap.or(defaults.cap).unwrap_or(0.0))?;
    let ladder = user.qualitative_ladder.or(defaults.qualitative_ladder).unwrap_or_default();
    if ladder.is_empty() {
        return Err(value_error("scoring.qualitative_ladder", "needs at least one opinion".into()));
    }
    let clamp =
        user.efficiency_clamp.or(defaults.efficiency_clamp).ok_or_else(|| required("scoring.efficiency_clamp"))?;
    let bands = user.band.or(defaults.band).ok_or_else(|| required("scoring.band"))?;
    let bands = bands
        .into_iter()
        .map(|band| {
            let (lower, inclusive) = match (band.above, band.from) {
                (Some(_), Some(_)) => {
                    return Err(value_error("scoring.band", format!("band {} has both `above` and `from`", band.name)));
                }
                (Some(above), None) => (Some(decimal("scoring.band.above", above)?), false),
                (None, Some(from)) => (Some(decimal("scoring.band.from", from)?), true),
                (None, None) => (None, true),
            };
            Ok(Band { name: band.name.into(), lower, inclusive })
        })
        .collect::<Result<Vec<_>, ConfigError>>()?;
    Ok(Rules {
        weights,
        cap: (cap > Decimal::ZERO).then_some(cap),
        na: user.na.or(defaults.na).unwrap_or(NaPolicy::Exclude),
        provisional: user.provisional.or(defaults.provisional).unwrap_or(ProvisionalPolicy::Include),
        lower_is_better: user.lower_is_better.or(defaults.lower_is_better).unwrap_or(LowerFormula::TwoMinusRatio),
        qualitative_ladder: ladder.iter().map(|o| o.trim().to_uppercase()).collect(),
        efficiency_clamp: decimal("scoring.efficiency_clamp", clamp)?.abs(),
        bands,
        na_band: user.na_band.or(defaults.na_band).unwrap_or_else(|| "N/A".into()).into(),
    })
}

fn decimal(key: &str, value: f64) -> Result<Decimal, ConfigError> {
    decimal_from_f64(value).map(|(d, _)| d).ok_or_else(|| value_error(key, format!("{value} is not a finite number")))
}

fn value_error(key: &str, reason: String) -> ConfigError {
    ConfigError::Value { key: key.into(), reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_defaults_read_from_their_build_time_json_are_the_toml() {
        let from_toml: RawConfig = toml::from_str(include_str!("defaults.toml")).unwrap();
        assert_eq!(format!("{:?}", raw_defaults()), format!("{from_toml:?}"));
    }

    #[test]
    fn builtin_registry_has_bkn_and_all_kanreg() {
        let config = Config::builtin();
        assert!(config.units.get("BKN").is_some());
        for n in 1..=14 {
            assert!(config.units.get(&format!("KR{n:02}")).is_some(), "KR{n:02}");
        }
        assert!(config.units.get("PUSPENKOM").is_some());
        let aceh = config.units.find_in("Laporan Kinerja Kanreg XIII BKN Aceh").unwrap().0;
        assert_eq!(aceh.code, "KR13");
        // Every unit's formal title names BKN after it: the unit is the one named.
        for unit in config.units.units() {
            let title = format!("Laporan Kinerja {} Badan Kepegawaian Negara Tahun 2024", unit.name);
            assert_eq!(config.units.find_in(&title).unwrap().0.code, unit.code, "{title}");
        }
    }

    #[test]
    fn bands_are_half_open_as_domain_says() {
        let rules = Config::builtin().rules;
        assert_eq!(&**rules.band(Some(dec!(100.01))), "Sangat Baik");
        assert_eq!(&**rules.band(Some(dec!(100))), "Baik");
        assert_eq!(&**rules.band(Some(dec!(80))), "Baik");
        assert_eq!(&**rules.band(Some(dec!(79.99))), "Cukup");
        assert_eq!(&**rules.band(Some(dec!(49.5))), "Kurang");
        assert_eq!(&**rules.band(None), "Belum Ada Skor");
        assert_eq!(rules.cap, None);
    }

    #[test]
    fn user_file_overrides_key_by_key() {
        let user: RawConfig = toml::from_str(
            "[[unit]]\ncode = \"kr07\"\nemail = [\"kanreg7@bkn.go.id\"]\n\n[[unit]]\ncode = \"PUSDIKLAT\"\nname = \"Pusat Pendidikan\"\n\n[scoring]\ncap = 120\n",
        )
        .unwrap();
        let config = Config::from_raw(raw_defaults(), user, Path::new("")).unwrap();
        let kr07 = config.units.get("KR07").unwrap();
        assert_eq!(kr07.email, vec!["kanreg7@bkn.go.id"]);
        assert_eq!(kr07.name, "Kantor Regional VII BKN Palembang");
        assert!(config.units.get("PUSDIKLAT").is_some());
        assert_eq!(config.rules.cap, Some(dec!(120)));
        assert_eq!(config.rules.qualitative_ladder[0], "WTP");
    }

    #[test]
    fn review_language_and_severities() {
        let user: RawConfig = toml::from_str(
            "[review]\nlanguage = \"en\"\nseverity = { NA_UNEXPLAINED = \"error\", CHANGED = \"warning\" }",
        )
        .unwrap();
        let config = Config::from_raw(raw_defaults(), user, Path::new("")).unwrap();
        assert_eq!(config.review.language, Language::En);
        assert_eq!(config.review.severity(Code::NaUnexplained), Severity::Error);
        assert_eq!(config.review.severity(Code::ClaimNpss), Severity::Error);
        let user: RawConfig = toml::from_str("[review]\nseverity = { NOPE = \"error\" }").unwrap();
        assert!(Config::from_raw(raw_defaults(), user, Path::new("")).is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("500ms"), Some(Duration::from_millis(500)));
        assert_eq!(parse_duration("2s"), Some(Duration::from_secs(2)));
        assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_duration("1m"), Some(Duration::from_secs(60)));
        assert_eq!(parse_duration("1h 30m"), Some(Duration::from_secs(5400)));
        assert_eq!(parse_duration("-2s"), None);
        assert_eq!(parse_duration("2"), None);
        assert_eq!(parse_duration("fast"), None);
    }

    #[test]
    fn service_paths_are_relative_to_the_config_file() {
        let user: RawConfig = toml::from_str("inbox = \"drop\"\nsettle = \"250ms\"\nworkers = 4").unwrap();
        let config = Config::from_raw(raw_defaults(), user, Path::new("/etc/kinerja")).unwrap();
        assert_eq!(config.service.inbox, Path::new("/etc/kinerja/drop"));
        assert_eq!(config.service.outbox, Path::new("/etc/kinerja/outbox"));
        assert_eq!(config.service.settle, Duration::from_millis(250));
        assert_eq!(config.service.workers, 4);
        assert_eq!(Config::builtin().service.state, Path::new("state"));
    }

    #[test]
    fn unknown_keys_and_bad_weights_are_refused() {
        assert!(toml::from_str::<RawConfig>("colour = 1").is_err());
        let user: RawConfig = toml::from_str("[scoring]\nweights = { Stakeholder = 50 }").unwrap();
        assert!(Config::from_raw(raw_defaults(), user, Path::new("")).is_err());
    }

    #[test]
    fn bad_values_stop_the_start_naming_their_key() {
        let refused = |text: &str, key: &str| {
            let user: RawConfig = toml::from_str(text).unwrap();
            let error = Config::from_raw(raw_defaults(), user, Path::new("")).unwrap_err().to_string();
            assert!(error.contains(key), "{text}: {error}");
        };
        refused("[[mail.deadline]]\nyear = 2025\nperiod = \"TW1\"\ndate = \"2025-02-31\"", "mail.deadline.date");
        refused("[[mail.deadline]]\nyear = 2025\nperiod = \"TW5\"\ndate = \"2025-04-15\"", "mail.deadline.period");
        refused("settle = \"soon\"", "settle");
        refused("[mail]\ntimeout = \"-5s\"", "mail.timeout");
        refused("[mail]\nplanners = [\"perencanaan at bkn.go.id\"]", "mail.planners");
        refused("[[unit]]\ncode = \"KR07\"\nemail = [\"a@bkn.go.id, b@bkn.go.id\"]", "unit.email");
        refused("[[program]]\nname = \"Program Dukungan Manajemen\"\nkegiatan = [\"4842.EBC\"]", "program");
    }

    #[test]
    fn a_regional_office_is_known_by_its_seat_alone() {
        let units = Config::builtin().units;
        for (title, code) in [
            ("Laporan Kinerja Kanreg Palembang Tahun 2024", "KR07"),
            ("Capaian Kinerja Kantor Regional Medan", "KR06"),
            ("Kantor Regional Banda Aceh", "KR13"),
            ("Kanreg DKI Jakarta", "KR05"),
        ] {
            let found = units.find_in_normalised(&crate::model::unit::normalise(title));
            assert_eq!(found.map(|(unit, _)| unit.code.as_str()), Some(code), "{title}");
        }
    }

    #[test]
    fn a_configured_program_overrides_the_built_in_one_for_its_kegiatan() {
        let user: RawConfig =
            toml::from_str("[[program]]\nname = \"Program Kebijakan\"\nkegiatan = [\"4842\"]").unwrap();
        let config = Config::from_raw(raw_defaults(), user, Path::new("")).unwrap();
        assert_eq!(config.program_of("4842").map(|p| p.name.as_str()), Some("Program Kebijakan"));
        assert_eq!(config.program_of("4843").map(|p| p.name.as_str()), Some("Program Dukungan Manajemen"));
        assert_eq!(config.program_of("9999"), None);
    }
}
