use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use kinerja::config::Config;
use kinerja::ingest::Overrides;
use kinerja::model::Period;
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
        /// Report year; otherwise told from the workbook.
        #[arg(long)]
        year: Option<u16>,
        /// TW1…TW4, S1, S2 or TAHUNAN; otherwise told from the workbook.
        #[arg(long)]
        period: Option<Period>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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
    let config = match &cli.config {
        Some(path) => Config::load(path)?,
        None => Config::builtin(),
    };
    match cli.command {
        Command::Check { file, unit, year, period, format } => {
            if let Some(code) = &unit
                && config.units.get(code).is_none()
            {
                bail!("unknown unit code `{code}`; known: {}", codes(&config));
            }
            let overrides = Overrides { unit, year, period };
            let outcome = kinerja::check::check(&file, &config, &overrides);
            let rendered = match format {
                Format::Text => kinerja::check::to_text(&outcome),
                Format::Json => {
                    serde_json::to_string_pretty(&kinerja::check::to_json(&outcome)).context("rendering JSON")? + "\n"
                }
            };
            print!("{rendered}");
            Ok(outcome.exit_code() as u8)
        }
    }
}

fn codes(config: &Config) -> String {
    config.units.units().iter().map(|u| u.code.as_str()).collect::<Vec<_>>().join(", ")
}
