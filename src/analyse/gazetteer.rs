//! The gazetteer: every partner we can detect, with the words that name it.
//!
//! It is data, not code: `data/gazetteer.toml` (embedded in the binary) plus whatever a site
//! adds in `site.toml` (`[partners]`). Each alias is a sequence of words; a word ending in `*`
//! is a stem that matches any inflected ending (Russian and Ukrainian decline country names:
//! "Сполучених Штатів"), and all-capital words of up to four letters match case-sensitively so
//! the pronoun "us" is never the US. Matching indexes the first word of every alias, so a text
//! is scanned once whatever the size of the gazetteer.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::partners::PartnerId;
use super::text::{fold, tokens, Token};
use crate::config::PartnersConfig;

/// The built-in data.
const BUILTIN: &str = include_str!("../../data/gazetteer.toml");

/// Shortest stem allowed: shorter ones match too many ordinary words.
const MIN_STEM: usize = 4;

/// Countries and organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartnerKind {
    /// A state (ISO 3166-1 id).
    Country,
    /// An organisation, bloc or dialogue platform.
    Organisation,
}

/// One partner as the data file describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Id (`us`, `eaeu`).
    pub id: String,
    /// Country or organisation.
    pub kind: PartnerKind,
    /// English display name.
    pub name: String,
    /// Names, short forms and adjectives.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Capitals or seats standing for the government: a weaker signal.
    #[serde(default)]
    pub capitals: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    partner: Vec<Entry>,
}

/// A known partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    /// Its id.
    pub id: PartnerId,
    /// Country or organisation.
    pub kind: PartnerKind,
    /// Display name.
    pub name: String,
}

#[derive(Debug, Clone)]
struct Word {
    text: String,
    stem: bool,
}

#[derive(Debug, Clone)]
struct Pattern {
    partner: usize,
    words: Vec<Word>,
    weight: f32,
}

/// A match of an alias in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Index of the partner in [`Gazetteer::partners`].
    pub partner: usize,
    /// Byte offset in the text.
    pub start: usize,
    /// Byte offset just after the last word of the match.
    pub end: usize,
    /// 1.0 for names, less for capitals.
    pub weight: f32,
}

/// A problem in gazetteer data.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    /// What is wrong.
    pub message: String,
}

/// All partners plus the word index used to find them in text.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    partners: Vec<Partner>,
    by_id: HashMap<PartnerId, usize>,
    /// First word (folded, or as written for case-sensitive words) -> patterns.
    exact: HashMap<String, Vec<usize>>,
    /// First-word stems -> patterns.
    stems: HashMap<String, Vec<usize>>,
    max_stem: usize,
    patterns: Vec<Pattern>,
}

impl Gazetteer {
    /// The built-in data extended by a site's `[partners]` settings.
    pub fn load(extra: &PartnersConfig) -> Result<Self, Error> {
        let data: DataFile = toml::from_str(BUILTIN).map_err(|e| Error {
            message: format!("built-in gazetteer is invalid: {e}"),
        })?;
        let mut entries = data.partner;
        for org in &extra.organisations {
            entries.push(Entry {
                id: org.id.clone(),
                kind: PartnerKind::Organisation,
                name: org.name.clone(),
                aliases: org.aliases.clone(),
                capitals: Vec::new(),
            });
        }
        let mut gazetteer = Self::from_entries(entries)?;
        for (id, aliases) in &extra.aliases {
            let index = gazetteer.find(id).ok_or_else(|| Error {
                message: format!(
                    "`[partners.aliases]` names `{id}`, which is not a known partner id"
                ),
            })?;
            for alias in aliases {
                gazetteer.add_pattern(index, alias, 1.0)?;
            }
        }
        Ok(gazetteer)
    }

    /// Build from entries (duplicate ids are an error).
    pub fn from_entries(entries: Vec<Entry>) -> Result<Self, Error> {
        let mut gazetteer = Gazetteer {
            partners: Vec::new(),
            by_id: HashMap::new(),
            exact: HashMap::new(),
            stems: HashMap::new(),
            max_stem: 0,
            patterns: Vec::new(),
        };
        let mut sorted: BTreeMap<String, Entry> = BTreeMap::new();
        for entry in entries {
            if let Some(old) = sorted.insert(entry.id.clone(), entry) {
                return Err(Error {
                    message: format!("partner id `{}` is defined twice", old.id),
                });
            }
        }
        for (_, entry) in sorted {
            let id = PartnerId::parse(&entry.id).ok_or_else(|| Error {
                message: format!("`{}` is not a valid partner id", entry.id),
            })?;
            let index = gazetteer.partners.len();
            gazetteer.by_id.insert(id.clone(), index);
            gazetteer.partners.push(Partner {
                id,
                kind: entry.kind,
                name: entry.name.clone(),
            });
            gazetteer.add_pattern(index, &entry.name, 1.0)?;
            for alias in &entry.aliases {
                gazetteer.add_pattern(index, alias, 1.0)?;
            }
            for capital in &entry.capitals {
                gazetteer.add_pattern(index, capital, 0.5)?;
            }
        }
        Ok(gazetteer)
    }

    fn add_pattern(&mut self, partner: usize, alias: &str, weight: f32) -> Result<(), Error> {
        let mut words = Vec::new();
        for raw in alias.split_whitespace() {
            let (body, stem) = match raw.strip_suffix('*') {
                Some(body) => (body, true),
                None => (raw, false),
            };
            let toks = tokens(body);
            if toks.len() != 1 || toks[0].text != body {
                // Punctuation inside a word: index it the way the tokenizer will split it.
                for (i, t) in toks.iter().enumerate() {
                    words.push(Word {
                        text: key(t.text),
                        stem: stem && i + 1 == toks.len(),
                    });
                }
                continue;
            }
            if stem && body.chars().count() < MIN_STEM {
                return Err(Error {
                    message: format!(
                        "stem `{raw}` in alias `{alias}` is shorter than {MIN_STEM} letters"
                    ),
                });
            }
            words.push(Word {
                text: key(body),
                stem,
            });
        }
        let Some(first) = words.first() else {
            return Ok(());
        };
        let slot = self.patterns.len();
        if first.stem {
            self.max_stem = self.max_stem.max(first.text.chars().count());
            self.stems.entry(first.text.clone()).or_default().push(slot);
        } else {
            self.exact.entry(first.text.clone()).or_default().push(slot);
        }
        self.patterns.push(Pattern {
            partner,
            words,
            weight,
        });
        Ok(())
    }

    /// All partners, sorted by id.
    pub fn partners(&self) -> &[Partner] {
        &self.partners
    }

    /// The partner with this id.
    pub fn get(&self, id: &PartnerId) -> Option<&Partner> {
        self.by_id.get(id).map(|&i| &self.partners[i])
    }

    fn find(&self, id: &str) -> Option<usize> {
        PartnerId::parse(id).and_then(|id| self.by_id.get(&id).copied())
    }

    /// Resolve what a user wrote (`"cn"`, `"China"`, `"Китай"`) to a partner.
    pub fn resolve(&self, name: &str) -> Option<&Partner> {
        if let Some(i) = self.find(name.trim()) {
            return Some(&self.partners[i]);
        }
        let toks = tokens(name);
        let hits = self.scan_tokens(&toks);
        match hits.as_slice() {
            [hit] if self.covers_all(&toks, hit) => Some(&self.partners[hit.partner]),
            _ => None,
        }
    }

    /// The match spans the whole name: "China Atlantis" is not China.
    fn covers_all(&self, toks: &[Token], hit: &Hit) -> bool {
        let end = toks.last().map_or(0, |t| t.start + t.text.len());
        hit.start == toks.first().map_or(0, |t| t.start) && hit.end == end
    }

    /// Every alias occurrence in `text`, left to right; at each position the longest alias wins.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        self.scan_tokens(&tokens(text))
    }

    fn scan_tokens(&self, toks: &[Token]) -> Vec<Hit> {
        // All folded tokens in one buffer (one allocation per text, not per word).
        let mut buffer =
            String::with_capacity(toks.iter().map(|t| t.text.len()).sum::<usize>() * 2);
        let mut ranges = Vec::with_capacity(toks.len());
        for t in toks {
            let start = buffer.len();
            buffer.extend(t.text.chars().flat_map(char::to_lowercase).map(|c| {
                if c == 'ё' {
                    'е'
                } else {
                    c
                }
            }));
            ranges.push(start..buffer.len());
        }
        let folded: Vec<&str> = ranges.into_iter().map(|r| &buffer[r]).collect();
        let mut hits = Vec::new();
        let mut slots = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let mut best: Option<(usize, &Pattern)> = None;
            self.candidates(toks[i].text, folded[i], &mut slots);
            for &slot in &slots {
                let pattern = &self.patterns[slot];
                if let Some(len) = self.match_at(pattern, toks, &folded, i) {
                    if best.is_none_or(|(l, _)| len > l) {
                        best = Some((len, pattern));
                    }
                }
            }
            match best {
                Some((len, pattern)) => {
                    hits.push(Hit {
                        partner: pattern.partner,
                        start: toks[i].start,
                        end: toks[i + len - 1].start + toks[i + len - 1].text.len(),
                        weight: pattern.weight,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// Patterns whose first word may match this token: its exact form, and every stem that is
    /// a prefix of it (at most `max_stem` lookups, none allocating).
    fn candidates(&self, raw: &str, folded: &str, out: &mut Vec<usize>) {
        out.clear();
        if let Some(v) = self.exact.get(folded) {
            out.extend(v);
        }
        if raw != folded {
            if let Some(v) = self.exact.get(raw) {
                out.extend(v);
            }
        }
        let ends = folded
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(folded.len()));
        for (chars, end) in ends.enumerate().skip(MIN_STEM) {
            if chars > self.max_stem {
                break;
            }
            if let Some(v) = self.stems.get(&folded[..end]) {
                out.extend(v);
            }
        }
    }

    fn match_at(
        &self,
        pattern: &Pattern,
        toks: &[Token],
        folded: &[&str],
        at: usize,
    ) -> Option<usize> {
        if at + pattern.words.len() > toks.len() {
            return None;
        }
        for (k, word) in pattern.words.iter().enumerate() {
            let (raw, low) = (toks[at + k].text, folded[at + k]);
            let ok = if word.stem {
                low.starts_with(word.text.as_str())
            } else if is_case_sensitive(&word.text) {
                raw == word.text
            } else {
                low == word.text
            };
            if !ok {
                return None;
            }
        }
        Some(pattern.words.len())
    }
}

/// All-capital words of up to four letters (US, UN, ЕС, США) must match exactly.
fn is_case_sensitive(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// The index key of an alias word.
fn key(word: &str) -> String {
    if is_case_sensitive(word) {
        word.to_owned()
    } else {
        fold(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Gazetteer {
        let entry = |id: &str, kind, name: &str, aliases: &[&str], capitals: &[&str]| Entry {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            capitals: capitals.iter().map(|s| s.to_string()).collect(),
        };
        Gazetteer::from_entries(vec![
            entry(
                "us",
                PartnerKind::Country,
                "United States",
                &["US", "U.S", "USA", "American*", "США", "Сполучен* Штат*"],
                &["Washington"],
            ),
            entry("ne", PartnerKind::Country, "Niger", &["Nigerien"], &[]),
            entry("ng", PartnerKind::Country, "Nigeria", &["Nigerian*"], &[]),
            entry("om", PartnerKind::Country, "Oman", &["Omani"], &[]),
            entry("c5plus1", PartnerKind::Organisation, "C5+1", &[], &[]),
        ])
        .unwrap()
    }

    fn ids(g: &Gazetteer, text: &str) -> Vec<String> {
        g.scan(text)
            .iter()
            .map(|h| g.partners()[h.partner].id.to_string())
            .collect()
    }

    #[test]
    fn word_boundaries_and_case() {
        let g = sample();
        assert_eq!(
            ids(&g, "Let us meet the US envoy in Washington."),
            ["us", "us"]
        );
        assert_eq!(
            ids(&g, "Nigeria and Niger; a woman from Oman."),
            ["ng", "ne", "om"]
        );
        assert_eq!(ids(&g, "The U.S. and American firms"), ["us", "us"]);
        assert_eq!(ids(&g, "the C5+1 format"), ["c5plus1"]);
    }

    #[test]
    fn stems_match_inflections() {
        let g = sample();
        assert_eq!(
            ids(&g, "співпраця зі Сполученими Штатами та США"),
            ["us", "us"]
        );
        assert_eq!(g.scan("Washington")[0].weight, 0.5);
    }

    #[test]
    fn resolve_accepts_ids_and_names() {
        let g = sample();
        assert_eq!(g.resolve("US").unwrap().id.as_str(), "us");
        assert_eq!(g.resolve("United States").unwrap().id.as_str(), "us");
        assert_eq!(g.resolve("Сполучені Штати").unwrap().id.as_str(), "us");
        assert!(g.resolve("Atlantis").is_none());
        assert!(g.resolve("United States Atlantis").is_none());
    }

    #[test]
    fn builtin_data_loads_and_bad_data_is_refused() {
        let g = Gazetteer::load(&PartnersConfig::default()).unwrap();
        for id in ["us", "ru", "pk", "kg", "ots", "eaeu", "csto"] {
            assert!(g.get(&PartnerId::parse(id).unwrap()).is_some(), "{id}");
        }
        let short = Entry {
            id: "xx".into(),
            kind: PartnerKind::Country,
            name: "X".into(),
            aliases: vec!["ab*".into()],
            capitals: vec![],
        };
        assert!(Gazetteer::from_entries(vec![short]).is_err());
    }
}
