//! Units (BKN, its Kantor Regional, its central directorates) and how documents name them.

use serde::Serialize;

/// A submitting unit. Everything is keyed on `code`; names drift between documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    /// The ways documents write the unit's name ("Kanreg VII", "KR VII", …).
    #[serde(skip)]
    pub aliases: Vec<String>,
    #[serde(skip)]
    pub email: Vec<String>,
    /// The time zone of its seat: times it is shown are in it.
    #[serde(skip)]
    pub zone: crate::model::time::Zone,
}

/// The registry of units, with every alias ready for matching inside free text.
#[derive(Debug, Clone)]
pub struct UnitRegistry {
    units: Vec<Unit>,
    /// (normalised alias padded with spaces, index into `units`), longest alias first.
    aliases: Vec<(String, usize)>,
    /// Per unit, whether it is the organisation others belong to: its code is a word of the
    /// names of two or more other units, as BKN is of "Kantor Regional VII BKN Palembang".
    organisation: Vec<bool>,
}

/// How surely a text names a unit: one of the organisation's units before the organisation
/// itself (its name heads every unit's letterhead), then the longest alias.
pub type Rank = (bool, usize);

/// Lower-case, every run of non-alphanumerics to one space, padded with a space on both sides,
/// so that " kanreg vii " matches at word boundaries and never inside " kanreg viii ".
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let push = |ch: char, out: &mut String| {
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    };
    for ch in text.chars() {
        // Most text is ASCII: lowered in place, without Unicode's tables.
        if ch.is_ascii() {
            push(ch.to_ascii_lowercase(), &mut out);
        } else {
            ch.to_lowercase().for_each(|lower| push(lower, &mut out));
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// A normalised title that numbers a regional office in digits ("kantor regional 7", "kanreg 7",
/// "kr 7"), in the Roman numerals its aliases use; `None` when it numbers none so (most titles:
/// a few substring looks).
fn office_in_roman(text: &str) -> Option<String> {
    const ROMAN: [&str; 14] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv"];
    let office = |word: &str| matches!(word, "regional" | "kanreg" | "kr");
    let mut previous = "";
    let in_digits = text.split_ascii_whitespace().any(|word| {
        let digits = office(previous) && word.starts_with(|c: char| c.is_ascii_digit());
        previous = word;
        digits
    });
    if !in_digits {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut numbered = false;
    let mut roman = String::with_capacity(text.len());
    for (k, word) in words.iter().enumerate() {
        let number = word
            .parse::<usize>()
            .ok()
            .filter(|_| k > 0 && office(words[k - 1]))
            .and_then(|n| ROMAN.get(n.checked_sub(1)?));
        numbered |= number.is_some();
        roman.push(' ');
        roman.push_str(number.unwrap_or(word));
    }
    roman.push(' ');
    numbered.then_some(roman)
}

impl UnitRegistry {
    pub fn new(units: Vec<Unit>) -> Self {
        let mut aliases: Vec<(String, usize)> = units
            .iter()
            .enumerate()
            .flat_map(|(i, unit)| {
                std::iter::once(&unit.name)
                    .chain(std::iter::once(&unit.code))
                    .chain(&unit.aliases)
                    .map(move |alias| (normalise(alias), i))
            })
            .filter(|(alias, _)| alias.trim() != "")
            .collect();
        aliases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        aliases.dedup();
        // The organisation's code is a word of its units' names ("… BKN Palembang"): a word
        // compared with a few, not a substring search per pair of aliases.
        let words: Vec<Vec<&str>> = units.iter().map(|u| u.name.split_ascii_whitespace().collect()).collect();
        let organisation = units
            .iter()
            .enumerate()
            .map(|(j, unit)| {
                let word_of = |name: &[&str]| name.iter().any(|w| w.eq_ignore_ascii_case(&unit.code));
                words.iter().enumerate().filter(|(i, name)| *i != j && word_of(name)).count() >= 2
            })
            .collect();
        UnitRegistry { units, aliases, organisation }
    }

    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    pub fn get(&self, code: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.code.eq_ignore_ascii_case(code))
    }

    /// The unit `text` names, with how surely: the longest alias wins, so "Kantor Regional VII
    /// BKN Palembang" is KR07, not BKN; and a unit named beside the organisation it belongs to is
    /// that unit ("Perjanjian Kinerja Kantor Regional VII Badan Kepegawaian Negara" is KR07's).
    pub fn find_in(&self, text: &str) -> Option<(&Unit, Rank)> {
        self.find_in_normalised(&normalise(text))
    }

    /// [`Self::find_in`] for a text already through [`normalise`].
    pub fn find_in_normalised(&self, haystack: &str) -> Option<(&Unit, Rank)> {
        if let Some(roman) = office_in_roman(haystack) {
            return self.find_in_normalised(&roman);
        }
        // Only an alias whose every word the text has can occur in it: a look at a title's few
        // words spares most aliases the substring search.
        let words: Vec<&str> = haystack.split_whitespace().collect();
        let mut found = self
            .aliases
            .iter()
            .filter(|(alias, _)| alias.split_whitespace().all(|w| words.contains(&w)))
            .filter(|(alias, _)| haystack.contains(alias.as_str()));
        let longest = found.next()?;
        let (alias, i) = match self.organisation[longest.1] {
            true => found.find(|(_, i)| !self.organisation[*i]).unwrap_or(longest),
            false => longest,
        };
        Some((&self.units[*i], (!self.organisation[*i], alias.len())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str, name: &str, aliases: &[&str]) -> Unit {
        Unit {
            code: code.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            email: vec![],
            zone: Default::default(),
        }
    }

    #[test]
    fn a_regional_office_numbered_in_digits_is_numbered_as_its_aliases() {
        assert_eq!(
            office_in_roman(" laporan kanreg 7 palembang tahun 2024 ").as_deref(),
            Some(" laporan kanreg vii palembang tahun 2024 ")
        );
        assert_eq!(office_in_roman(" kantor regional 14 bkn ").as_deref(), Some(" kantor regional xiv bkn "));
        assert_eq!(office_in_roman(" kanreg 17 "), None);
        assert_eq!(office_in_roman(" laporan kinerja tahun 2024 "), None);
    }

    #[test]
    fn normalise_lowers_every_script_and_keeps_words_apart() {
        assert_eq!(normalise("Kantor Regional VII — BKN, Palembang."), " kantor regional vii bkn palembang ");
        assert_eq!(normalise("  KANREG\tVII/2024 "), " kanreg vii 2024 ");
        // İ lowers to i and a combining dot, which is no letter: a word boundary.
        assert_eq!(normalise("ÀNGGARAN Ünit-Kerja İ"), " ànggaran ünit kerja i ");
        assert_eq!(normalise("—"), " ");
    }

    #[test]
    fn longest_alias_wins_at_word_boundaries() {
        let reg = UnitRegistry::new(vec![
            unit("BKN", "Badan Kepegawaian Negara", &["BKN"]),
            unit("KR07", "Kantor Regional VII BKN Palembang", &["Kanreg VII"]),
            unit("KR08", "Kantor Regional VIII BKN Banjarmasin", &["Kanreg VIII"]),
        ]);
        let code = |t: &str| reg.find_in(t).map(|(u, _)| u.code.clone());
        assert_eq!(code("LAPORAN KINERJA KANREG VIII TAHUN 2024").as_deref(), Some("KR08"));
        assert_eq!(code("Kanreg VII, Triwulan IV").as_deref(), Some("KR07"));
        assert_eq!(code("Kantor Regional VII BKN Palembang").as_deref(), Some("KR07"));
        assert_eq!(code("Laporan BKN 2023").as_deref(), Some("BKN"));
        assert_eq!(code("Laporan 2023"), None);
    }

    #[test]
    fn a_unit_named_beside_its_organisation_is_that_unit() {
        let reg = UnitRegistry::new(vec![
            unit("BKN", "Badan Kepegawaian Negara", &["BKN"]),
            unit("KR07", "Kantor Regional VII BKN Palembang", &["Kantor Regional VII", "Kanreg VII"]),
            unit("KR08", "Kantor Regional VIII BKN Banjarmasin", &["Kanreg VIII"]),
            unit("SETTAMA", "Sekretariat Utama", &[]),
        ]);
        let named = |t: &str| reg.find_in(t).map(|(u, rank)| (u.code.clone(), rank.0));
        let kr07 = named("Perjanjian Kinerja Kantor Regional VII Badan Kepegawaian Negara Tahun 2024");
        assert_eq!(kr07, Some(("KR07".into(), true)));
        let settama = named("Laporan Kinerja Sekretariat Utama Badan Kepegawaian Negara");
        assert_eq!(settama, Some(("SETTAMA".into(), true)));
        // The organisation alone, a letterhead: named, but less surely than any of its units.
        assert_eq!(named("BADAN KEPEGAWAIAN NEGARA"), Some(("BKN".into(), false)));
    }
}
