//! The evidence that two reports tell the same story, in a form that survives translation.
//!
//! Two outlets writing about one meeting share little vocabulary, least of all across
//! languages, but they share the *particulars*: the people and places named ("Серджіо Гор" =
//! "Sergio Gor", keyed through [`super::names`]), Latin codes kept inside Cyrillic text
//! ("B5+1", "CASA-1000", "OTS"), and the numbers ("$110 million", "1 800 компаний"). Each
//! article's particulars are extracted once, here (pure and cached with the analysis), and
//! compared pairwise by `digest::stories`.

use serde::{Deserialize, Serialize};

use super::gazetteer::Cue;
use super::lexicon::{folded, LEXICON};
use super::names;
use super::text::{self, Token};
use super::{Gazetteer, PartnerKind};
use crate::ingest::Article;

/// An article's particulars: sorted, deduplicated keys with a one-letter kind prefix
/// (`n` name skeleton, `c` code, `d` number, `k` a person in office or an organisation the
/// gazetteer knows), so one comparison covers all four.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryKeys(pub Vec<String>);

/// Prefix of a well-known particular: a person in office or an organisation the gazetteer
/// lists. They are named in many stories ("Biden", "NATO"), so two reports sharing them
/// prove less than two sharing an unlisted name (`digest::stories` weighs them apart).
pub const KNOWN: char = 'k';

/// At most this many keys per article: the title and lead carry the story's particulars,
/// and a cap keeps pair comparisons cheap on long articles.
const MAX_KEYS: usize = 64;

impl StoryKeys {
    /// Keys shared with `other` (both sorted).
    pub fn shared<'a>(&'a self, other: &'a StoryKeys) -> impl Iterator<Item = &'a str> + 'a {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        std::iter::from_fn(move || loop {
            let (x, y) = (a.peek()?, b.peek()?);
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    b.next();
                    return a.next().map(String::as_str);
                }
            }
        })
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the article named nothing particular.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Sentences read after the title: a report names its particulars in the lead; the rest
/// is background that other stories share.
const LEAD_SENTENCES: usize = 10;

/// The particulars of `article`: from the title and the lead, until [`MAX_KEYS`]. Countries,
/// capitals and institutions the gazetteer knows are left out: they decide the partners,
/// which clustering compares on their own, and every story about a partner names them.
/// Organisations and platforms it knows become one key whatever the language ("B5+1").
pub fn extract(article: &Article, gazetteer: &Gazetteer) -> StoryKeys {
    let mut keys: Vec<String> = Vec::new();
    let sentences = std::iter::once(article.title.as_str()).chain(
        article
            .blocks
            .iter()
            .flat_map(|b| text::sentences(&b.text))
            .take(LEAD_SENTENCES),
    );
    for sentence in sentences {
        sentence_keys(sentence, gazetteer, &mut keys);
        if keys.len() >= MAX_KEYS * 2 {
            break;
        }
    }
    let mut seen = std::collections::HashSet::new();
    keys.retain(|k| seen.insert(k.clone()));
    keys.truncate(MAX_KEYS);
    keys.sort();
    StoryKeys(keys)
}

fn sentence_keys(sentence: &str, gazetteer: &Gazetteer, out: &mut Vec<String>) {
    let tokens = text::tokens(sentence);
    let folded = folded(&tokens);
    let lex = &*LEXICON;
    let known = gazetteer.scan_tokens(sentence, &tokens);
    let mut skip_until = 0;
    for (i, token) in tokens.iter().enumerate() {
        if let Some(hit) = known
            .iter()
            .find(|h| (h.start..h.end).contains(&token.start))
        {
            let partner = &gazetteer.partners()[hit.partner];
            match (hit.cue, partner.kind) {
                // People in office the gazetteer knows ("Biden", "Шольц") are particulars,
                // but well-known ones: they are in many stories. They are keyed by who they
                // are (their partner and first day in office), not by spelling: "Scholz" and
                // "Шольц" transliterate to different skeletons, yet are one man.
                (Cue::Person, _) => {
                    if token.start == hit.start {
                        out.push(person_key(partner.id.as_str(), hit.office));
                    }
                    continue;
                }
                // A platform or organisation named ("B5+1", "ОДКБ"): one key in any language,
                // well known too ("EU", "NATO" are in many stories).
                (Cue::Name, PartnerKind::Organisation) => {
                    if token.start == hit.start {
                        out.push(format!("{KNOWN}{}", partner.id.as_str()));
                    }
                    continue;
                }
                // Countries, capitals and institutions are the partners themselves.
                _ => continue,
            }
        }
        if let Some(code) = code_key(sentence, token) {
            out.push(code);
            continue;
        }
        if let Some(number) = number_key(sentence, token) {
            out.push(number);
            continue;
        }
        // Role words and institution words are capitalised too ("Minister", "Министерство"),
        // and tell nothing about which meeting it was.
        if i < skip_until {
            continue;
        }
        let listed = lex
            .not_name
            .match_at(&folded, i)
            .or_else(|| lex.roles.match_at(&folded, i));
        if let Some((len, _)) = listed {
            skip_until = i + len;
            continue;
        }
        // A capitalised word that does not open the sentence: a name (of a person, place,
        // event or organisation) in every script we read. A name of several words ("Olaf
        // Scholz", "Nord Stream") is one particular, keyed by its last word (the surname,
        // whatever the given name's spelling).
        let name_follows = tokens.get(i + 1).is_some_and(|next| {
            is_capitalised(next.text)
                && sentence[token.start + token.text.len()..next.start]
                    .chars()
                    .all(char::is_whitespace)
        });
        if i > 0 && is_capitalised(token.text) && !name_follows {
            let key = names::word_key(token.text);
            if key.chars().count() >= 2 {
                out.push(format!("n{key}"));
            }
        }
    }
}

/// The key of a person in office the gazetteer lists: one per entry of
/// `partners.people.toml` (a partner has one person in an office from a given day).
fn person_key(partner: &str, office: Option<super::gazetteer::Office>) -> String {
    match office {
        Some(office) => format!("{KNOWN}{partner}@{}", office.from),
        None => format!("{KNOWN}{partner}@"),
    }
}

/// `B5+1`, `CASA-1000`, `OTS`, `C5`: Latin capitals or letters mixed with digits, with the
/// `+`/`-` joins the tokeniser splits on put back. Two-letter acronyms are kept (they are
/// read in any script's text), single letters are not.
fn code_key(sentence: &str, token: &Token) -> Option<String> {
    let word = token.text;
    let latin_upper = word
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let has_letter = word.chars().any(|c| c.is_ascii_alphabetic());
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    if !(latin_upper && has_letter && (word.len() >= 2 || has_digit)) {
        return None;
    }
    // Keep "+1" / "-1000" glued on, as written.
    let end = token.start + word.len();
    let tail: String = sentence[end..]
        .char_indices()
        .take_while(|&(i, c)| c.is_ascii_alphanumeric() || ((c == '+' || c == '-') && i == 0))
        .map(|(_, c)| c)
        .collect();
    let tail = if tail.len() > 1 { tail } else { String::new() };
    Some(format!(
        "c{}{}",
        word.to_ascii_lowercase(),
        tail.to_ascii_lowercase()
    ))
}

/// A number a story is particular about: 3 or more digits (thousands separators dropped) or
/// a decimal, but not a year (every story of a year shares it) nor a small count.
fn number_key(sentence: &str, token: &Token) -> Option<String> {
    if !token.text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // Glue "1,800", "1 800", "3.5" back together.
    let mut digits = token.text.to_owned();
    let mut decimal = false;
    let mut rest = &sentence[token.start + token.text.len()..];
    loop {
        let mut chars = rest.chars();
        let (Some(sep), Some(next)) = (chars.next(), chars.next()) else {
            break;
        };
        if !next.is_ascii_digit() || !matches!(sep, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}') {
            break;
        }
        let group: String = rest[sep.len_utf8()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if group.len() == 3 && sep != '.' && !decimal {
            // "1,800" and "1 800": thousands.
            digits.push_str(&group);
        } else if matches!(sep, '.' | ',') && !decimal && group.len() <= 2 {
            // "3.5" and "3,5": a decimal fraction.
            decimal = true;
            digits.push('.');
            digits.push_str(&group);
        } else {
            break;
        }
        rest = &rest[sep.len_utf8() + group.len()..];
    }
    // The tokeniser yields the later groups of "1 800" as tokens of their own; only the
    // group that starts a number speaks for it.
    let before = sentence[..token.start].chars().next_back();
    let after_separator = before
        .is_some_and(|c| matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}'))
        && sentence[..token.start]
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_ascii_digit());
    if after_separator {
        return None;
    }
    let whole: u64 = digits.split('.').next()?.parse().ok()?;
    let year = (1900..=2100).contains(&whole) && !decimal && digits.len() == 4;
    if year || (whole < 100 && !decimal) {
        return None;
    }
    Some(format!("d{digits}"))
}

/// First letter upper-case, and some lower-case letter after it ("Japarov", "Бішкек"), or a
/// single capital-led word of two letters or more.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 3
        && chars.any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(title: &str, body: &[&str]) -> Vec<String> {
        static GAZETTEER: std::sync::LazyLock<Gazetteer> = std::sync::LazyLock::new(|| {
            Gazetteer::load(&Default::default()).expect("built-in gazetteer")
        });
        extract(&Article::for_test(title, body), &GAZETTEER).0
    }

    #[test]
    fn names_codes_and_numbers_match_across_scripts() {
        let en = keys(
            "US envoy Sergio Gor meets Sadyr Japarov at the B5+1 forum in Bishkek",
            &["The sides discussed CASA-1000 and trade of $110 million with 1,800 companies in 2026."],
        );
        let uk = keys(
            "Серджіо Гор зустрівся з Садиром Жапаровим на форумі B5+1 у Бішкеку",
            &["Сторони обговорили CASA-1000 і торгівлю на 110 мільйонів доларів з 1 800 компаніями у 2026 році."],
        );
        let shared: Vec<&String> = en.iter().filter(|k| uk.contains(k)).collect();
        for want in ["ccasa-1000", "d110", "d1800"] {
            assert!(
                shared.iter().any(|k| *k == want),
                "{want} not shared: {en:?} / {uk:?}"
            );
        }
        // Gor and Japarov; Bishkek is the gazetteer's capital of a partner.
        assert!(
            shared.contains(&&format!("n{}", names::word_key("Gor"))),
            "{shared:?}"
        );
        // Years and role words are not evidence.
        assert!(!en.iter().any(|k| k == "d2026"), "{en:?}");
        assert!(!en
            .iter()
            .any(|k| k == &format!("n{}", names::word_key("Forum"))));
    }

    #[test]
    fn people_in_office_are_keyed_by_who_they_are_not_by_spelling() {
        let en = keys("Olaf Scholz calls Biden", &["Scholz spoke about gas."]);
        let ru = keys("Шольц позвонил Байдену", &["Шольц говорил о газе."]);
        let known: Vec<&String> = en.iter().filter(|k| k.starts_with(KNOWN)).collect();
        assert_eq!(known.len(), 2, "one key per person: {en:?}");
        for key in known {
            assert!(ru.contains(key), "{key} not in {ru:?}");
        }
        // Another person of the same country is another key.
        let merkel = keys("Merkel calls Putin", &[]);
        assert!(
            !merkel.iter().any(|k| en.contains(k)),
            "{merkel:?} / {en:?}"
        );
    }

    #[test]
    fn sentence_openers_and_role_words_are_not_names() {
        let k = keys(
            "Talks",
            &["Yesterday the President of Kyrgyzstan met the Minister."],
        );
        let skel = |w: &str| format!("n{}", names::word_key(w));
        assert!(!k.contains(&skel("Yesterday")), "{k:?}");
        assert!(!k.contains(&skel("President")), "{k:?}");
        assert!(!k.contains(&skel("Minister")), "{k:?}");
        assert!(!k.contains(&skel("Kyrgyzstan")), "a partner: {k:?}");
    }
}
