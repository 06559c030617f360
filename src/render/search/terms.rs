//! Index terms: how the search index and the search page turn text into comparable terms.
//!
//! Every rule here is mirrored in `themes/default/static/search-terms.js`, and the browser
//! suite checks that both give the same terms for every word of the sample articles:
//!
//! - **Words** are runs of alphanumeric characters (`char::is_alphanumeric`, in JavaScript
//!   `[\p{Alphabetic}\p{N}]`); words of one character are skipped.
//! - **Folding**: lower case; `ё` → `е`; Latin (and any non-Cyrillic) accents are stripped by
//!   decomposing, dropping combining marks U+0300–U+036F and recomposing, so "Piñera" finds
//!   "pinera"; Cyrillic letters keep theirs, so `й` and `ї` stay letters of their own.
//! - **Stop words**: the English, Russian and Ukrainian function words of
//!   [`crate::analyse::stem`] are not indexed, and the page drops them from a query.
//! - **Stemming** by script, so that a query word, whose language the page cannot know, has
//!   few candidate stems: a Latin-script word gets the Snowball English stem in every article
//!   (a French or Turkish word is stemmed too lightly to matter, and the same way in the query);
//!   a Cyrillic word gets the Snowball Russian stem in a Russian article, the light Ukrainian
//!   stem of [`crate::analyse::stem::ukrainian`] in a Ukrainian one, and stays whole in any
//!   other (Kyrgyz, Kazakh). A Cyrillic query word is looked up under its Russian stem, its
//!   Ukrainian stem and itself; a Latin one under its English stem.

use std::borrow::Cow;
use std::sync::LazyLock;

use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;

use crate::analyse::stem;

/// The stop words of every language, folded.
static STOP: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| stem::function_words().collect());

/// How the Cyrillic words of an article are stemmed (Latin words always get English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cyrillic {
    Russian,
    Ukrainian,
    Whole,
}

impl Cyrillic {
    /// The rule for an article in language `lang` (an ISO 639-1 code).
    pub fn for_lang(lang: &str) -> Self {
        match lang {
            "ru" => Cyrillic::Russian,
            "uk" => Cyrillic::Ukrainian,
            _ => Cyrillic::Whole,
        }
    }
}

/// The stemmers, made once per index.
pub struct Stemmers {
    english: Stemmer,
    russian: Stemmer,
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers {
            english: Stemmer::create(Algorithm::English),
            russian: Stemmer::create(Algorithm::Russian),
        }
    }
}

impl Stemmers {
    /// The index term of a folded word in an article whose Cyrillic words follow `cyrillic`,
    /// or `None` for a stop word or a single character.
    pub fn term<'a>(&self, folded: &'a str, cyrillic: Cyrillic) -> Option<Cow<'a, str>> {
        if folded.chars().nth(1).is_none() || STOP.contains(folded) {
            return None;
        }
        Some(if is_cyrillic(folded) {
            match cyrillic {
                Cyrillic::Russian => self.russian.stem(folded),
                Cyrillic::Ukrainian => Cow::Borrowed(stem::ukrainian(folded)),
                Cyrillic::Whole => Cow::Borrowed(folded),
            }
        } else {
            self.english.stem(folded)
        })
    }

    /// The English, Russian and Ukrainian stems of a folded word, for the agreement check
    /// against the search page's stemmers.
    #[cfg(test)]
    pub fn all_stems(&self, folded: &str) -> [String; 3] {
        [
            self.english.stem(folded).into_owned(),
            self.russian.stem(folded).into_owned(),
            stem::ukrainian(folded).to_owned(),
        ]
    }
}

/// Whether a word has a Cyrillic letter (U+0400–U+04FF).
pub fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// The words of `text`, as written.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A word folded for search: lower case, `ё` as `е`, accents stripped except on Cyrillic
/// letters.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    let decomposed = DecomposingNormalizerBorrowed::new_nfd().normalize(&lower);
    let mut stripped = String::with_capacity(decomposed.len());
    let mut base_cyrillic = false;
    for c in decomposed.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            if base_cyrillic {
                stripped.push(c);
            }
            continue;
        }
        base_cyrillic = ('\u{400}'..='\u{4ff}').contains(&c);
        stripped.push(c);
    }
    ComposingNormalizerBorrowed::new_nfc()
        .normalize(&stripped)
        .into_owned()
}

/// Call `f` with the index term of each word of `text` (repeats included).
pub fn for_each_term(stemmers: &Stemmers, text: &str, cyrillic: Cyrillic, mut f: impl FnMut(&str)) {
    for word in words(text) {
        let folded = fold(word);
        if let Some(term) = stemmers.term(&folded, cyrillic) {
            f(&term);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, lang: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_term(&Stemmers::default(), text, Cyrillic::for_lang(lang), |t| {
            out.push(t.to_owned())
        });
        out
    }

    #[test]
    fn folding_strips_latin_accents_and_keeps_cyrillic_letters() {
        assert_eq!(fold("Piñera"), "pinera");
        assert_eq!(fold("CAFÉ"), "cafe");
        assert_eq!(fold("Łódź"), "łodz"); // Ł has no decomposition; ó and ź do
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("Йорданія"), "йорданія");
        assert_eq!(fold("Їжак"), "їжак");
        assert_eq!(fold("Україні"), "україні");
    }

    #[test]
    fn case_forms_share_a_term() {
        assert_eq!(terms("Сотрудничество", "ru"), terms("сотрудничеству", "ru"));
        assert_eq!(terms("Співпраця", "uk"), terms("співпрацею", "uk"));
        assert_eq!(terms("cooperation", "en"), terms("Cooperating", "en"));
        // Latin words are stemmed as English whatever the article's language.
        assert_eq!(terms("sanctions", "ru"), terms("sanction", "en"));
        // Other Cyrillic languages keep whole words.
        assert_eq!(terms("Кыргызстандын", "ky"), ["кыргызстандын"]);
    }

    #[test]
    fn stop_words_and_single_letters_are_not_terms() {
        assert_eq!(
            terms("The talks and a B5+1 forum", "en"),
            ["talk", "b5", "forum"]
        );
        assert_eq!(terms("и в России также", "ru"), ["росс"]);
    }
}

/// The search page's stemmers (`themes/default/static/search-terms.js`) agree with these on
/// every word of the sample articles and the clipping fixtures (English, Russian, Ukrainian,
/// Kyrgyz news): the same words, folded alike, with the same English, Russian and Ukrainian
/// stems. Needs Node; skipped without it unless `BRIEFING_BROWSER_TESTS` is set.
#[cfg(test)]
mod javascript_agrees {
    use super::*;
    use std::io::Write;
    use std::path::Path;
    use std::process::{Command, Stdio};

    #[test]
    fn rust_and_javascript_give_the_same_terms() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        if Command::new("node").arg("--version").output().is_err() {
            assert!(
                std::env::var_os("BRIEFING_BROWSER_TESTS").is_none(),
                "BRIEFING_BROWSER_TESTS is set but node is missing"
            );
            eprintln!("skipped: no node");
            return;
        }
        let mut texts = Vec::new();
        for dir in ["content", "tests/fixtures/clippings"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            texts.extend(files.iter().map(|p| std::fs::read_to_string(p).unwrap()));
        }
        texts.push("Piñera Łódź CAFÉ naïve Ёлка Йорданія їжак skies dying sky news".into());
        let mut child = Command::new("node")
            .arg(root.join("browser/terms.mjs"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(serde_json::to_string(&texts).unwrap().as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "node failed");
        let js: Vec<Vec<[String; 4]>> = serde_json::from_slice(&output.stdout).unwrap();
        let stemmers = Stemmers::default();
        let (mut words, mut differ) = (0, Vec::new());
        for (text, js) in texts.iter().zip(&js) {
            let rust: Vec<[String; 4]> = super::words(text)
                .map(|w| {
                    let f = fold(w);
                    let [en, ru, uk] = stemmers.all_stems(&f);
                    [f, en, ru, uk]
                })
                .collect();
            assert_eq!(rust.len(), js.len(), "word counts differ in {:.60}", text);
            for (r, j) in rust.iter().zip(js) {
                words += 1;
                // English stems matter for Latin words, the others for Cyrillic ones.
                let cyr = is_cyrillic(&r[0]);
                let same = r[0] == j[0] && if cyr { r[2..] == j[2..] } else { r[1] == j[1] };
                if !same {
                    differ.push(format!("{r:?} vs {j:?}"));
                }
            }
        }
        differ.sort();
        differ.dedup();
        assert!(
            differ.is_empty(),
            "{} of {words} words differ:\n{}",
            differ.len(),
            differ.join("\n")
        );
        assert!(words > 3000, "{words} words checked");
    }
}
