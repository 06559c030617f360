//! The gazetteer: every partner we can detect, with the words that name it.
//!
//! It is data, not code: `data/gazetteer.generated.toml` (countries, generated from CLDR and
//! i18n-iso-countries by `scripts/gen-gazetteer.mjs`) merged with `data/gazetteer.curated.toml`
//! (adjectives, short forms, capitals, organisations), both embedded in the binary, plus
//! whatever a site adds in `site.toml` (`[partners]`).
//!
//! An alias is a sequence of words. How a word matches a token of the text:
//! - all-capital words of up to four letters (US, ЕС, США) match as written, so the pronoun
//!   "us" is never the US (a Kyrgyz or Kazakh case suffix may follow: "АКШнын");
//! - a word ending in `*` is a stem (curated adjectives: "российск*") and matches any token
//!   starting with it, in any case;
//! - any other word is a name: it matches its inflected forms (Russian and Ukrainian case
//!   endings, Kyrgyz, Kazakh and Uzbek suffixes; "в Казахстане", "з Китаєм", "Орусиянын"),
//!   never a bare prefix, and a capitalised name only matches a capitalised token ("china
//!   plates" is not China, "a turkey" is not Turkey);
//! - a leading `~` marks a name that is also a first name or a place elsewhere ("Chad",
//!   "Jordan", "Georgia"): it does not count inside a name ("Chad Miller", "Michael Jordan",
//!   "Atlanta, Georgia").
//!
//! Matching indexes the first word of every alias by its folded form and its inflection core,
//! so a text is scanned once, with a handful of hash lookups per token, whatever the size of
//! the gazetteer.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::{Deserialize, Serialize};

use super::partners::PartnerId;
use super::text::{fold, tokens, Token};
use crate::config::PartnersConfig;

/// Countries, generated from CLDR and i18n-iso-countries.
const GENERATED: &str = include_str!("../../data/gazetteer.generated.toml");
/// What no source has, edited by hand.
const CURATED: &str = include_str!("../../data/gazetteer.curated.toml");

/// People and institutions standing for a partner (evidence, never partners of their own).
const PEOPLE: &str = include_str!("../../data/partners.people.toml");

/// Shortest stem allowed: shorter ones match too many ordinary words.
const MIN_STEM: usize = 4;

/// Weight of a plain name.
pub const NAME_WEIGHT: f32 = 1.0;
/// Weight of a capital standing for its government.
pub const CAPITAL_WEIGHT: f32 = 0.5;
/// Weight of a weak signal: an institution or product named after a country ("Turkish
/// Airlines", "Kyrgyz-Russian Slavic University"), or an adjective for a language or origin
/// ("the Russian language", "Chinese-made").
pub const WEAK_WEIGHT: f32 = 0.1;
/// Weight of a person or institution standing for a partner ("Lavrov", "the Pentagon"):
/// evidence about as strong as a capital.
pub const PERSON_WEIGHT: f32 = 0.5;

/// What kind of alias a hit matched: the reason an analyst sees for a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    /// A name, short form or adjective.
    Name,
    /// A capital or seat of government.
    Capital,
    /// A weak signal ("Turkish Airlines").
    Weak,
    /// A person in office ("Macron").
    Person,
    /// An institution ("Kremlin", "Pentagon").
    Institution,
}

/// When a person held the office that makes them stand for a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Office {
    /// First day in office.
    pub from: chrono::NaiveDate,
    /// Last day in office; `None` while in office.
    pub to: Option<chrono::NaiveDate>,
}

impl Office {
    /// Whether the office was held on `date`.
    pub fn held_on(&self, date: chrono::NaiveDate) -> bool {
        date >= self.from && self.to.is_none_or(|to| date <= to)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleFile {
    #[serde(default)]
    institution: Vec<InstitutionEntry>,
    #[serde(default)]
    person: Vec<PersonEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstitutionEntry {
    partner: String,
    names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonEntry {
    partner: String,
    #[allow(dead_code)]
    role: String,
    names: Vec<String>,
    from: chrono::NaiveDate,
    #[serde(default)]
    to: Option<chrono::NaiveDate>,
}

/// Russian and Ukrainian endings a name's core may take (nouns, and adjectives inside names:
/// "Южной Кореи", "Сполученими Штатами"). Only whole endings match, never any suffix.
const SLAVIC_ENDINGS: &[&str] = &[
    "", "а", "я", "ы", "и", "і", "ї", "у", "ю", "е", "є", "ой", "ей", "ою", "ею", "єю", "ью", "ом",
    "ем", "єм", "ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев", "ів", "їв", "ого", "его", "ому",
    "ему", "ым", "им", "ых", "их", "ыми", "ими", "ая", "ое", "ые", "ие", "ую", "ої", "ій", "ий",
    "ый", "ові", "ії", "ію", "ією", "ия", "ии", "ию", "ией",
];

/// Kyrgyz and Kazakh case and possessive suffixes, added to the whole name ("Орусиянын",
/// "Кытайга", "Ресейдің", "Кошмо Штаттарынын").
const TURKIC_SUFFIXES: &[&str] = &[
    "нын",
    "нин",
    "нун",
    "нүн",
    "дын",
    "дин",
    "дун",
    "дүн",
    "тын",
    "тин",
    "тун",
    "түн",
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "га",
    "ге",
    "го",
    "гө",
    "ка",
    "ке",
    "ко",
    "кө",
    "ға",
    "ғе",
    "қа",
    "на",
    "не",
    "да",
    "де",
    "до",
    "дө",
    "та",
    "те",
    "то",
    "тө",
    "нда",
    "нде",
    "дан",
    "ден",
    "дон",
    "дөн",
    "тан",
    "тен",
    "тон",
    "төн",
    "нан",
    "нен",
    "нон",
    "нөн",
    "ны",
    "ни",
    "ну",
    "нү",
    "ды",
    "ди",
    "ду",
    "дү",
    "ты",
    "ти",
    "ту",
    "тү",
    "ні",
    "ді",
    "ті",
    "ын",
    "ин",
    "ун",
    "үн",
    "ы",
    "и",
    "у",
    "ү",
    "ынын",
    "инин",
    "унун",
    "үнүн",
    "ына",
    "ине",
    "уна",
    "үнө",
    "ында",
    "инде",
    "унда",
    "үндө",
    "ынан",
    "инен",
    "унан",
    "үнөн",
    "ыны",
    "ини",
    "уну",
    "үнү",
    "дагы",
    "даги",
    "тагы",
    "деги",
    "теги",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ның",
    "ымен",
    "імен",
    "мен",
    "пен",
    "бен",
    "менен",
];

/// Uzbek (Latin) case suffixes ("Rossiyaga", "Xitoyning").
const UZBEK_SUFFIXES: &[&str] = &["ning", "ga", "ka", "qa", "da", "dan", "ni", "dagi", "bilan"];

/// Suffixes still allowed after names of four letters or fewer, where a short suffix would
/// make a word of its own ("Мали" + "на" is "малина").
const SHORT_NAME_SUFFIXES: &[&str] = &[
    "нын",
    "дын",
    "тын",
    "ның",
    "дың",
    "тың",
    "дан",
    "тан",
    "нан",
    "га",
    "ка",
    "ға",
    "қа",
    "мен",
    "менен",
    "ning",
    "dan",
];

/// Characters of a token looked up first (see [`Gazetteer::candidates`]).
const HEAD: usize = 3;

/// The longest ending or suffix, in characters.
const MAX_SUFFIX: usize = 5;

/// Capitalised words that may stand next to an ambiguous name without making it part of a
/// person's or a place's name ("President Chad"? no; "Georgia President"? rare; but "Prime
/// Minister of Jordan" or "King of Jordan" must still count).
const NAME_NEIGHBOURS_OK: &[&str] = &[
    "president",
    "prime",
    "minister",
    "foreign",
    "king",
    "queen",
    "government",
    "parliament",
    "embassy",
    "ambassador",
    "republic",
    "kingdom",
    "state",
    "deputy",
    "crown",
    "prince",
    "defence",
    "defense",
    "national",
    "the",
    "and",
    "in",
    "of",
    "to",
    "with",
];

/// Words before a capital that make it the venue ("in Moscow", "в Москве", "у Києві").
const VENUE_WORDS: &[&str] = &["in", "at", "в", "во", "у"];

/// Countries and organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartnerKind {
    /// A state (ISO 3166-1 id).
    Country,
    /// An organisation, bloc or dialogue platform.
    Organisation,
}

/// One partner as the data files describe it.
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
    /// Institutions, products and phrases named after the partner that say little about
    /// relations with it ("Turkish Airlines"): the weakest signal.
    #[serde(default)]
    pub weak: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    /// Words that make the adjective before them a weak signal ("Chinese-made", "the Russian
    /// language"): an alias followed by one of these counts as [`WEAK_WEIGHT`].
    #[serde(default)]
    weak_after: Vec<String>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordKind {
    /// As written (short all-capital words).
    Exact,
    /// A prefix, any case.
    Stem,
    /// A name and its inflected forms.
    Name {
        /// The token must start with a capital.
        capital: bool,
    },
}

#[derive(Debug, Clone)]
struct Word {
    /// Folded (or as written, for [`WordKind::Exact`]).
    text: String,
    /// For names: the part inflection keeps ("россия" -> "росси", "казахстан" itself).
    cores: Vec<String>,
    kind: WordKind,
}

#[derive(Debug, Clone)]
struct Pattern {
    partner: usize,
    words: Vec<Word>,
    weight: f32,
    ambiguous: bool,
    cue: Cue,
    office: Option<Office>,
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
    /// [`NAME_WEIGHT`], [`CAPITAL_WEIGHT`], [`PERSON_WEIGHT`] or [`WEAK_WEIGHT`].
    pub weight: f32,
    /// What kind of alias matched.
    pub cue: Cue,
    /// For a person, when they held the office.
    pub office: Option<Office>,
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
    by_id: FxHashMap<PartnerId, usize>,
    /// First word (folded, as written for exact words, or a name's core) -> patterns.
    index: FxHashMap<String, Vec<usize>>,
    /// First-word stems -> patterns.
    stems: FxHashMap<String, Vec<usize>>,
    max_stem: usize,
    /// The first [`HEAD`] characters of every `index` key, and of every stem: most tokens
    /// start like no alias, and one lookup here spares them all the others.
    heads: FxHashSet<String>,
    stem_heads: FxHashSet<String>,
    patterns: Vec<Pattern>,
    /// Folded words after which a hit is weak.
    weak_after: Vec<Word>,
}

impl Gazetteer {
    /// The built-in data extended by a site's `[partners]` settings.
    pub fn load(extra: &PartnersConfig) -> Result<Self, Error> {
        let parse = |name: &str, text: &str| {
            toml::from_str::<DataFile>(text).map_err(|e| Error {
                message: format!("built-in gazetteer `{name}` is invalid: {e}"),
            })
        };
        let generated = parse("gazetteer.generated.toml", GENERATED)?;
        let curated = parse("gazetteer.curated.toml", CURATED)?;
        let mut entries = merge(generated.partner, curated.partner);
        for org in &extra.organisations {
            entries.push(Entry {
                id: org.id.clone(),
                kind: PartnerKind::Organisation,
                name: org.name.clone(),
                aliases: org.aliases.clone(),
                capitals: Vec::new(),
                weak: Vec::new(),
            });
        }
        let mut gazetteer = Self::from_entries(entries)?;
        for word in generated.weak_after.iter().chain(&curated.weak_after) {
            let words = parse_alias(word)?;
            gazetteer.weak_after.extend(words);
        }
        gazetteer.add_people(PEOPLE)?;
        for (id, aliases) in &extra.aliases {
            let index = gazetteer.find(id).ok_or_else(|| Error {
                message: format!(
                    "`[partners.aliases]` names `{id}`, which is not a known partner id"
                ),
            })?;
            for alias in aliases {
                gazetteer.add_pattern(index, alias, NAME_WEIGHT)?;
            }
        }
        Ok(gazetteer)
    }

    /// Build from entries (duplicate ids are an error).
    pub fn from_entries(entries: Vec<Entry>) -> Result<Self, Error> {
        let mut gazetteer = Gazetteer {
            partners: Vec::new(),
            by_id: FxHashMap::default(),
            index: FxHashMap::default(),
            stems: FxHashMap::default(),
            max_stem: 0,
            heads: FxHashSet::default(),
            stem_heads: FxHashSet::default(),
            patterns: Vec::new(),
            weak_after: Vec::new(),
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
            // The display name is an alias too, unless an alias already gives it (maybe
            // marked ambiguous: "~Georgia").
            if !entry
                .aliases
                .iter()
                .any(|a| a.trim_start_matches('~') == entry.name)
            {
                gazetteer.add_pattern(index, &entry.name, NAME_WEIGHT)?;
            }
            for alias in &entry.aliases {
                gazetteer.add_pattern(index, alias, NAME_WEIGHT)?;
            }
            for capital in &entry.capitals {
                gazetteer.add_pattern(index, capital, CAPITAL_WEIGHT)?;
            }
            for phrase in &entry.weak {
                gazetteer.add_pattern(index, phrase, WEAK_WEIGHT)?;
            }
        }
        Ok(gazetteer)
    }

    /// Add the people and institutions of `text` (the format of `partners.people.toml`).
    fn add_people(&mut self, text: &str) -> Result<(), Error> {
        let file: PeopleFile = toml::from_str(text).map_err(|e| Error {
            message: format!("built-in `partners.people.toml` is invalid: {e}"),
        })?;
        let position = |this: &Self, id: &str| {
            this.find(id).ok_or_else(|| Error {
                message: format!("`partners.people.toml` names `{id}`, which is not a partner id"),
            })
        };
        for inst in &file.institution {
            let index = position(self, &inst.partner)?;
            for name in &inst.names {
                self.add_cue(index, name, PERSON_WEIGHT, Cue::Institution, None)?;
            }
        }
        for person in &file.person {
            let index = position(self, &person.partner)?;
            let office = Office {
                from: person.from,
                to: person.to,
            };
            for name in &person.names {
                self.add_cue(index, name, PERSON_WEIGHT, Cue::Person, Some(office))?;
            }
        }
        Ok(())
    }

    fn add_pattern(&mut self, partner: usize, alias: &str, weight: f32) -> Result<(), Error> {
        let cue = if weight == CAPITAL_WEIGHT {
            Cue::Capital
        } else if weight == WEAK_WEIGHT {
            Cue::Weak
        } else {
            Cue::Name
        };
        self.add_cue(partner, alias, weight, cue, None)
    }

    fn add_cue(
        &mut self,
        partner: usize,
        alias: &str,
        weight: f32,
        cue: Cue,
        office: Option<Office>,
    ) -> Result<(), Error> {
        let (ambiguous, body) = match alias.trim().strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, alias),
        };
        let words = parse_alias(body)?;
        let Some(first) = words.first() else {
            return Ok(());
        };
        let slot = self.patterns.len();
        match first.kind {
            WordKind::Stem => {
                self.max_stem = self.max_stem.max(first.text.chars().count());
                self.stems.entry(first.text.clone()).or_default().push(slot);
                self.stem_heads
                    .insert(head(&first.text, MIN_STEM).to_owned());
            }
            WordKind::Exact => {
                self.heads.insert(head(&first.text, HEAD).to_owned());
                self.index.entry(first.text.clone()).or_default().push(slot)
            }
            WordKind::Name { .. } => {
                for key in std::iter::once(&first.text).chain(&first.cores) {
                    self.heads.insert(head(key, HEAD).to_owned());
                    let list = self.index.entry(key.clone()).or_default();
                    if !list.contains(&slot) {
                        list.push(slot);
                    }
                }
            }
        }
        self.patterns.push(Pattern {
            partner,
            words,
            weight,
            ambiguous,
            cue,
            office,
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

    /// Index of the partner with this id in [`Gazetteer::partners`].
    pub fn position(&self, id: &PartnerId) -> Option<usize> {
        self.by_id.get(id).copied()
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
        let hits = self.scan_tokens(name, &toks);
        match hits.as_slice() {
            [hit] if covers_all(&toks, hit) => Some(&self.partners[hit.partner]),
            _ => None,
        }
    }

    /// Every alias occurrence in `text`, left to right; at each position the longest alias wins.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        self.scan_tokens(text, &tokens(text))
    }

    /// [`Gazetteer::scan`] for a caller that has tokenised `text` already.
    pub(crate) fn scan_tokens(&self, text: &str, toks: &[Token]) -> Vec<Hit> {
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
        let mut hits: Vec<Hit> = Vec::new();
        let mut slots = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let mut best: Option<(usize, &Pattern)> = None;
            self.candidates(toks[i].text, folded[i], &mut slots);
            for &slot in &slots {
                let pattern = &self.patterns[slot];
                if let Some(len) = match_at(pattern, toks, &folded, i) {
                    if best.is_none_or(|(l, _)| len > l) {
                        best = Some((len, pattern));
                    }
                }
            }
            let Some((len, pattern)) = best else {
                i += 1;
                continue;
            };
            let last = i + len - 1;
            let after_partner = i > 0 && hits.last().is_some_and(|h| h.end == end_of(&toks[i - 1]));
            if pattern.ambiguous && inside_a_name(text, toks, &folded, i, last, after_partner) {
                i += len;
                continue;
            }
            let weak_next = toks.get(last + 1).is_some_and(|next| {
                joined(&text[end_of(&toks[last])..next.start])
                    && self
                        .weak_after
                        .iter()
                        .any(|w| word_matches(w, next.text, folded[last + 1]))
            });
            // "in Moscow" is where something happened, not who did it.
            let venue = pattern.cue == Cue::Capital
                && i > 0
                && VENUE_WORDS.contains(&folded[i - 1])
                && joined(&text[end_of(&toks[i - 1])..toks[i].start]);
            hits.push(Hit {
                partner: pattern.partner,
                start: toks[i].start,
                end: end_of(&toks[last]),
                weight: if weak_next || venue {
                    pattern.weight.min(WEAK_WEIGHT)
                } else {
                    pattern.weight
                },
                cue: pattern.cue,
                office: pattern.office,
            });
            i += len;
        }
        hits
    }

    /// Patterns whose first word may match this token: its exact and folded forms, the
    /// token less every ending it may carry, and every stem that is a prefix of it.
    fn candidates(&self, raw: &str, folded: &str, out: &mut Vec<usize>) {
        out.clear();
        if self.heads.contains(head(folded, HEAD)) {
            if let Some(v) = self.index.get(folded) {
                out.extend(v);
            }
            // The token less 1..=MAX_SUFFIX trailing characters ("казахстане" ->
            // "казахстан"), keeping at least HEAD characters.
            for (cut, (at, _)) in folded.char_indices().rev().enumerate() {
                if cut >= MAX_SUFFIX || at < HEAD {
                    break;
                }
                if let Some(v) = self.index.get(&folded[..at]) {
                    out.extend(v);
                }
            }
        }
        if raw != folded && self.heads.contains(head(raw, HEAD)) {
            if let Some(v) = self.index.get(raw) {
                out.extend(v);
            }
            // Short capitals with a Kyrgyz or Kazakh suffix: "АКШнын", "ЕАЭБге".
            for (at, _) in raw.char_indices().skip(2).take(3) {
                if let Some(v) = self.index.get(&raw[..at]) {
                    out.extend(v);
                }
            }
        }
        if self.stem_heads.contains(head(folded, MIN_STEM)) {
            for (n, (at, _)) in folded.char_indices().enumerate().skip(MIN_STEM) {
                if n > self.max_stem {
                    break;
                }
                if let Some(v) = self.stems.get(&folded[..at]) {
                    out.extend(v);
                }
            }
            if folded.chars().count() <= self.max_stem {
                if let Some(v) = self.stems.get(folded) {
                    out.extend(v);
                }
            }
        }
        if out.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

/// The first `n` characters of `word` (all of it when shorter).
fn head(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((at, _)) => &word[..at],
        None => word,
    }
}

/// Generated countries first; a curated entry with the same id adds its aliases, capitals
/// and weak phrases, and its display name and kind win.
fn merge(generated: Vec<Entry>, curated: Vec<Entry>) -> Vec<Entry> {
    let mut by_id: BTreeMap<String, Entry> =
        generated.into_iter().map(|e| (e.id.clone(), e)).collect();
    for entry in curated {
        match by_id.get_mut(&entry.id) {
            Some(base) => {
                base.name = entry.name;
                base.kind = entry.kind;
                for alias in entry.aliases {
                    if !base.aliases.contains(&alias) {
                        base.aliases.push(alias);
                    }
                }
                base.capitals.extend(entry.capitals);
                base.weak.extend(entry.weak);
            }
            None => {
                by_id.insert(entry.id.clone(), entry);
            }
        }
    }
    by_id.into_values().collect()
}

/// Split an alias into words the way the tokenizer splits text ("U.S." -> `U.S`,
/// "Kyrgyz-Pakistani" -> two words, "Об'єднані" -> two words).
fn parse_alias(alias: &str) -> Result<Vec<Word>, Error> {
    let mut words = Vec::new();
    for raw in alias.split_whitespace() {
        let (body, stem) = match raw.strip_suffix('*') {
            Some(body) => (body, true),
            None => (raw, false),
        };
        let toks = tokens(body);
        if stem && toks.len() == 1 && body.chars().count() < MIN_STEM {
            return Err(Error {
                message: format!(
                    "stem `{raw}` in alias `{alias}` is shorter than {MIN_STEM} letters"
                ),
            });
        }
        let n = toks.len();
        for (i, t) in toks.iter().enumerate() {
            words.push(make_word(t.text, stem && i + 1 == n));
        }
    }
    Ok(words)
}

fn make_word(text: &str, stem: bool) -> Word {
    if stem {
        return Word {
            text: fold(text),
            cores: Vec::new(),
            kind: WordKind::Stem,
        };
    }
    if is_case_sensitive(text) {
        return Word {
            text: text.to_owned(),
            cores: Vec::new(),
            kind: WordKind::Exact,
        };
    }
    let folded = fold(text);
    Word {
        cores: slavic_cores(&folded),
        text: folded,
        kind: WordKind::Name {
            capital: text.chars().next().is_some_and(char::is_uppercase),
        },
    }
}

/// The cores a Cyrillic name declines from: "россия" -> "росси", "южная" -> "южн", "штаты"
/// -> "штат", "казахстан" -> itself. Names ending in -о, -е, -у and short names in -и are
/// indeclinable ("Того", "Перу", "Мали", "Чили") and have no core but themselves.
fn slavic_cores(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    if !chars
        .iter()
        .any(|c| matches!(c, 'а'..='я' | 'і' | 'ї' | 'є' | 'ґ'))
    {
        return Vec::new(); // not Cyrillic: English and Uzbek names do not decline this way
    }
    let mut cores = Vec::new();
    let Some(&last) = chars.last() else {
        return cores;
    };
    let cut = |n: usize| chars[..chars.len() - n].iter().collect::<String>();
    match last {
        'а' | 'я' | 'й' | 'ь' => cores.push(cut(1)),
        'ы' | 'и' | 'і' if chars.len() >= 5 => cores.push(cut(1)),
        'ы' | 'и' | 'і' => {}
        c if c.is_alphabetic() && !matches!(c, 'о' | 'е' | 'у' | 'ю' | 'э' | 'є' | 'ї') => {
            cores.push(word.to_owned())
        }
        _ => {}
    }
    // Adjectives inside names: "южная", "соединенные", "арабские".
    if chars.len() > 4 {
        let tail: String = chars[chars.len() - 2..].iter().collect();
        if ["ая", "ый", "ий", "ой", "ое", "ые", "ие", "ій"].contains(&tail.as_str())
        {
            cores.push(cut(2));
        }
    }
    cores.retain(|c| c.chars().count() >= 3);
    cores
}

/// Does `word` (an alias word) match this token?
fn word_matches(word: &Word, raw: &str, low: &str) -> bool {
    match word.kind {
        WordKind::Stem => low.starts_with(word.text.as_str()),
        WordKind::Exact => {
            raw == word.text
                || raw
                    .strip_prefix(word.text.as_str())
                    .is_some_and(|rest| TURKIC_SUFFIXES.contains(&rest))
        }
        WordKind::Name { capital } => {
            if capital && !raw.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
            if low == word.text {
                return true;
            }
            let short = word.text.chars().count() <= 4;
            if let Some(rest) = low.strip_prefix(word.text.as_str()) {
                let ok = if short {
                    SHORT_NAME_SUFFIXES.contains(&rest)
                } else {
                    TURKIC_SUFFIXES.contains(&rest) || UZBEK_SUFFIXES.contains(&rest)
                };
                if ok {
                    return true;
                }
            }
            word.cores.iter().any(|core| {
                low.strip_prefix(core.as_str())
                    .is_some_and(|rest| SLAVIC_ENDINGS.contains(&rest))
            })
        }
    }
}

fn match_at(pattern: &Pattern, toks: &[Token], folded: &[&str], at: usize) -> Option<usize> {
    if at + pattern.words.len() > toks.len() {
        return None;
    }
    for (k, word) in pattern.words.iter().enumerate() {
        if !word_matches(word, toks[at + k].text, folded[at + k]) {
            return None;
        }
    }
    Some(pattern.words.len())
}

fn end_of(t: &Token) -> usize {
    t.start + t.text.len()
}

/// Only spaces or a hyphen between two words: "Chinese-made", "Russian language".
fn joined(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '–'))
        && gap.chars().filter(|c| !c.is_whitespace()).count() <= 1
}

/// An ambiguous name (tokens `first..=last`) inside a longer proper name: a capitalised
/// neighbour joined by a space ("Chad Miller", "Michael Jordan"), or a place before it and a
/// comma ("Atlanta, Georgia"). A partner name just before it is a list, not a name
/// ("Armenia, Georgia and Azerbaijan"), and title words do not make a name ("King of Jordan").
fn inside_a_name(
    text: &str,
    toks: &[Token],
    folded: &[&str],
    first: usize,
    last: usize,
    after_partner: bool,
) -> bool {
    let proper = |i: usize| {
        toks[i].text.chars().next().is_some_and(char::is_uppercase)
            && !NAME_NEIGHBOURS_OK.contains(&folded[i])
    };
    if first > 0 && !after_partner && proper(first - 1) {
        let gap = &text[end_of(&toks[first - 1])..toks[first].start];
        let gap = gap.trim();
        if gap.is_empty() || gap == "," {
            return true;
        }
    }
    if last + 1 < toks.len() && proper(last + 1) {
        let gap = &text[end_of(&toks[last])..toks[last + 1].start];
        if !gap.is_empty() && gap.trim().is_empty() {
            return true;
        }
    }
    false
}

/// The match spans the whole name: "China Atlantis" is not China.
fn covers_all(toks: &[Token], hit: &Hit) -> bool {
    let end = toks.last().map_or(0, end_of);
    hit.start == toks.first().map_or(0, |t| t.start) && hit.end == end
}

/// All-capital words of up to four letters (US, UN, ЕС, США) must match exactly.
fn is_case_sensitive(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(
        id: &str,
        kind: PartnerKind,
        name: &str,
        aliases: &[&str],
        capitals: &[&str],
    ) -> Entry {
        Entry {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            capitals: capitals.iter().map(|s| s.to_string()).collect(),
            weak: Vec::new(),
        }
    }

    fn sample() -> Gazetteer {
        Gazetteer::from_entries(vec![
            entry(
                "us",
                PartnerKind::Country,
                "United States",
                &["US", "U.S", "USA", "American*", "США", "Сполучені Штати"],
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

    fn builtin() -> Gazetteer {
        Gazetteer::load(&PartnersConfig::default()).unwrap()
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
    fn names_match_inflected_forms_not_prefixes() {
        let g = sample();
        assert_eq!(
            ids(&g, "співпраця зі Сполученими Штатами та США"),
            ["us", "us"]
        );
        assert_eq!(g.scan("Washington")[0].weight, CAPITAL_WEIGHT);
        let g = builtin();
        for (text, id) in [
            ("переговоры в Казахстане", "kz"),
            ("співпраця з Китаєм", "cn"),
            ("отношения с Россией", "ru"),
            ("зустріч у Туреччині", "tr"),
            ("переговори з Польщею", "pl"),
            ("визит в Южную Корею", "kr"),
            ("Орусиянын президенти", "ru"),
            ("Кытайга сапар", "cn"),
            ("АКШнын элчиси", "us"),
            ("Rossiyaga tashrif", "ru"),
            ("в Объединенных Арабских Эмиратах", "ae"),
            ("з Об'єднаними Арабськими Еміратами", "ae"),
        ] {
            assert_eq!(ids(&g, text), [id], "{text}");
        }
        // Case endings, not bare prefixes: "Малина" is no form of "Мали".
        assert!(ids(&g, "Малина и Чадом").iter().all(|id| id != "ml"));
    }

    #[test]
    fn hard_english_cases() {
        let g = builtin();
        assert!(ids(&g, "A woman from Osh").is_empty());
        assert!(ids(&g, "Let us talk about it").is_empty());
        assert!(ids(&g, "she served turkey on china plates").is_empty());
        assert_eq!(ids(&g, "Talks with Turkey and China"), ["tr", "cn"]);
        assert_eq!(ids(&g, "Nigeria is not Niger"), ["ng", "ne"]);
        // Ambiguous names: not inside a person's or a place's name.
        assert!(ids(&g, "its founder Chad Miller said").is_empty());
        assert!(ids(&g, "fans of Michael Jordan").is_empty());
        assert!(ids(&g, "a firm from Atlanta, Georgia").is_empty());
        assert_eq!(ids(&g, "the King of Jordan"), ["jo"]);
        assert_eq!(ids(&g, "aid to Chad and Niger"), ["td", "ne"]);
        assert_eq!(
            ids(&g, "Armenia, Georgia and Azerbaijan"),
            ["am", "ge", "az"]
        );
        assert_eq!(ids(&g, "Georgia's prime minister"), ["ge"]);
    }

    #[test]
    fn weak_signals() {
        let g = builtin();
        let weights = |text: &str| -> Vec<f32> { g.scan(text).iter().map(|h| h.weight).collect() };
        assert_eq!(weights("Chinese-made tractors"), [WEAK_WEIGHT]);
        assert_eq!(weights("in the Russian language"), [WEAK_WEIGHT]);
        assert_eq!(weights("курсы русского языка").len(), 0);
        assert_eq!(weights("російською мовою"), [WEAK_WEIGHT]);
        assert_eq!(weights("Turkish Airlines"), [WEAK_WEIGHT]);
        // Kyrgyz (home, ignored by scoring) then Russian, weak.
        assert_eq!(
            weights("Kyrgyz-Russian Slavic University"),
            [NAME_WEIGHT, WEAK_WEIGHT]
        );
        assert_eq!(weights("the Russian President"), [NAME_WEIGHT]);
    }

    #[test]
    fn compound_adjectives_name_both_sides() {
        let g = builtin();
        assert_eq!(ids(&g, "Kyrgyz-Pakistani relations"), ["kg", "pk"]);
        assert_eq!(ids(&g, "российско-китайские отношения"), ["ru", "cn"]);
        assert_eq!(ids(&g, "українсько-турецькі відносини"), ["ua", "tr"]);
    }

    #[test]
    fn resolve_accepts_ids_and_names() {
        let g = sample();
        assert_eq!(g.resolve("US").unwrap().id.as_str(), "us");
        assert_eq!(g.resolve("United States").unwrap().id.as_str(), "us");
        assert_eq!(g.resolve("Сполучені Штати").unwrap().id.as_str(), "us");
        assert!(g.resolve("Atlantis").is_none());
        assert!(g.resolve("United States Atlantis").is_none());
        let g = builtin();
        assert_eq!(g.resolve("Китай").unwrap().id.as_str(), "cn");
        assert_eq!(g.resolve("Georgia").unwrap().id.as_str(), "ge");
    }

    #[test]
    fn builtin_data_loads_and_bad_data_is_refused() {
        let g = builtin();
        for id in [
            "us",
            "ru",
            "pk",
            "kg",
            "ots",
            "eaeu",
            "csto",
            "td",
            "africanunion",
        ] {
            assert!(g.get(&PartnerId::parse(id).unwrap()).is_some(), "{id}");
        }
        // Generated and curated entries merge: CLDR's name and the curated adjective.
        assert_eq!(ids(&g, "Kazakhstan and Kazakh officials"), ["kz", "kz"]);
        let short = entry("xx", PartnerKind::Country, "X", &["ab*"], &[]);
        assert!(Gazetteer::from_entries(vec![short]).is_err());
        let twice = vec![
            entry("xx", PartnerKind::Country, "X", &[], &[]),
            entry("xx", PartnerKind::Country, "Y", &[], &[]),
        ];
        assert!(Gazetteer::from_entries(twice).is_err());
    }
}
