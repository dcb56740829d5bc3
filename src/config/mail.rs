//! The `[mail]` settings, validated when the configuration is read: how messages leave, who
//! sends them, deadlines and reminders.

use lettre::message::Mailbox;
use std::path::PathBuf;
use std::time::Duration;

/// The environment variable that holds the SMTP password (never a file in the repository).
pub const PASSWORD_VARIABLE: &str = "KINERJA_SMTP_PASSWORD";

/// How messages leave.
#[derive(Debug, Clone, PartialEq)]
pub enum Transport {
    /// `.eml` files in a folder: the default when no SMTP server is configured.
    File(PathBuf),
    Smtp {
        host: String,
        port: u16,
        security: Security,
        username: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    None,
    Starttls,
    Tls,
}

/// The `[mail]` settings, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub transport: Transport,
    pub from: Mailbox,
    /// Bounds every SMTP step.
    pub timeout: Duration,
    /// Planners: they receive the consolidated workbook when it changes.
    pub planners: Vec<String>,
    /// At most one consolidated workbook per year and period within this interval.
    pub planner_interval: Duration,
    /// Copy the planners on every message to a unit.
    pub copy_planners: bool,
    /// Report deadlines: (year, period, the day).
    pub deadlines: Vec<(u16, crate::model::Period, jiff::civil::Date)>,
    /// Remind this many days before a deadline (0: on the day).
    pub remind_days_before: u32,
    /// Who units may ask (name, address, telephone), closing every message to a unit.
    pub contact: Option<String>,
}
