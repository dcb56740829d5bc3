//! The outcome of what a unit sent, named the same in the ledger's views, `status`, the Rekap,
//! mail and the log. Which report counts for a unit is ARCHITECTURE.md's "Which report counts".

use crate::model::Language;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Recorded, no error finding: the report counts.
    Diterima,
    /// Recorded and scored, but with error findings: blocked until corrected.
    PerluPerbaikan,
    /// Refused: unreadable, another unit's, no year or period, or in no unit's folder.
    Ditolak,
    /// The same content as the version that already counts: not read again.
    Duplikat,
    /// Nothing received.
    BelumMengirim,
}

impl Verdict {
    /// The verdict on a recorded report with `errors` error findings.
    pub fn of_report(errors: i64) -> Verdict {
        if errors == 0 { Verdict::Diterima } else { Verdict::PerluPerbaikan }
    }

    /// A unit's outcome for a year and period: its report's (`report`), else its latest file that
    /// became no version (`latest`): only a refusal stands for a report (a duplicate, of its
    /// agreement for instance, does not); else nothing received.
    pub fn of_unit(report: Option<Verdict>, latest: Option<Verdict>) -> Verdict {
        match (report, latest) {
            (Some(report), _) => report,
            (None, Some(Verdict::Ditolak)) => Verdict::Ditolak,
            (None, _) => Verdict::BelumMengirim,
        }
    }

    /// The stable name in JSON and the ledger's views.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Diterima => "diterima",
            Verdict::PerluPerbaikan => "perlu_perbaikan",
            Verdict::Ditolak => "ditolak",
            Verdict::Duplikat => "duplikat",
            Verdict::BelumMengirim => "belum_mengirim",
        }
    }

    /// The words people read.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Verdict::Diterima, Language::Id) => "diterima",
            (Verdict::PerluPerbaikan, Language::Id) => "perlu perbaikan",
            (Verdict::Ditolak, Language::Id) => "ditolak",
            (Verdict::Duplikat, Language::Id) => "duplikat",
            (Verdict::BelumMengirim, Language::Id) => "belum mengirim",
            (Verdict::Diterima, Language::En) => "accepted",
            (Verdict::PerluPerbaikan, Language::En) => "needs correction",
            (Verdict::Ditolak, Language::En) => "refused",
            (Verdict::Duplikat, Language::En) => "duplicate",
            (Verdict::BelumMengirim, Language::En) => "nothing sent",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Verdict::{self, *};

    /// One rule for a unit's outcome, read the same by the Rekap and the planners' mail.
    #[test]
    fn only_a_refusal_stands_for_a_missing_report() {
        assert_eq!(Verdict::of_unit(Some(PerluPerbaikan), Some(Ditolak)), PerluPerbaikan);
        assert_eq!(Verdict::of_unit(None, Some(Ditolak)), Ditolak);
        assert_eq!(Verdict::of_unit(None, Some(Duplikat)), BelumMengirim);
        assert_eq!(Verdict::of_unit(None, None), BelumMengirim);
    }
}
