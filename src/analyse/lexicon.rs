//! `data/entities.toml` read into phrase sets: roles, words that are never names, document
//! kinds and status verbs, matched on folded tokens (see the file's header for the rules).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::text::{fold, Token};

const DATA: &str = include_str!("../../data/entities.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    roles: Roles,
    documents: BTreeMap<String, Vec<String>>,
    status: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Roles {
    phrases: Vec<String>,
    not_name: Vec<String>,
}

/// One word of a phrase: a folded word, or a stem (`*` in the data) matching any token that
/// starts with it.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    stem: bool,
}

impl Word {
    fn matches(&self, folded: &str) -> bool {
        if self.stem {
            folded.starts_with(&self.text)
        } else {
            folded == self.text
        }
    }
}

/// Phrases with a label each, indexed by the first characters of their first word.
#[derive(Debug, Default)]
pub struct PhraseSet {
    phrases: Vec<(Vec<Word>, String)>,
    by_head: FxHashMap<String, Vec<usize>>,
}

/// Index key: the first two characters (every stem in the data has at least three). A slice,
/// not a new string: `match_at` asks this of every token, several times over.
fn head(word: &str) -> &str {
    match word.char_indices().nth(2) {
        Some((at, _)) => &word[..at],
        None => word,
    }
}

impl PhraseSet {
    fn add(&mut self, phrase: &str, label: &str) {
        let words: Vec<Word> = phrase
            .split(|c: char| !(c.is_alphanumeric() || c == '*'))
            .filter(|w| !w.is_empty())
            .map(|w| Word {
                stem: w.ends_with('*'),
                text: fold(w.trim_end_matches('*')),
            })
            .collect();
        if words.is_empty() {
            return;
        }
        self.by_head
            .entry(head(&words[0].text).to_owned())
            .or_default()
            .push(self.phrases.len());
        self.phrases.push((words, label.to_owned()));
    }

    /// The longest phrase starting at token `i` of `folded`: its length in tokens and label.
    pub fn match_at(&self, folded: &[String], i: usize) -> Option<(usize, &str)> {
        let candidates = self.by_head.get(head(&folded[i]))?;
        let mut best: Option<(usize, &str)> = None;
        for &p in candidates {
            let (words, label) = &self.phrases[p];
            let fits = words.len() <= folded.len() - i
                && words.iter().zip(&folded[i..]).all(|(w, t)| w.matches(t));
            if fits && best.is_none_or(|(l, _)| words.len() > l) {
                best = Some((words.len(), label));
            }
        }
        best
    }

    /// Whether a single folded word is one of the phrases.
    #[cfg(test)]
    pub fn contains_word(&self, folded: &str) -> bool {
        self.match_at(std::slice::from_ref(&folded.to_owned()), 0)
            .is_some()
    }
}

/// All the word lists.
#[derive(Debug)]
pub struct Lexicon {
    pub roles: PhraseSet,
    pub not_name: PhraseSet,
    /// Label: the document kind.
    pub documents: PhraseSet,
    /// Label: `signed`, `planned` or `discussed`.
    pub status: PhraseSet,
}

/// The lexicon of `data/entities.toml`.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let file: File = toml::from_str(DATA).expect("data/entities.toml is valid (tested)");
    let mut lex = Lexicon {
        roles: PhraseSet::default(),
        not_name: PhraseSet::default(),
        documents: PhraseSet::default(),
        status: PhraseSet::default(),
    };
    for p in &file.roles.phrases {
        lex.roles.add(p, "role");
    }
    for p in &file.roles.not_name {
        lex.not_name.add(p, "");
    }
    for (kind, phrases) in &file.documents {
        for p in phrases {
            lex.documents.add(p, kind);
        }
    }
    for (status, phrases) in &file.status {
        for p in phrases {
            lex.status.add(p, status);
        }
    }
    lex
});

/// Folded forms of tokens.
pub fn folded(tokens: &[Token]) -> Vec<String> {
    tokens.iter().map(|t| fold(t.text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::text::tokens;

    #[test]
    fn data_file_loads_and_matches_inflected_phrases() {
        let lex = &*LEXICON;
        let toks = tokens("з президентом Киргизстану, прем'єр-міністра");
        let f = folded(&toks);
        assert_eq!(lex.roles.match_at(&f, 1).map(|m| m.0), Some(1));
        assert_eq!(lex.roles.match_at(&f, 3).map(|m| m.0), Some(3));
        let f = folded(&tokens("a plan of action and a memorandum"));
        assert_eq!(lex.documents.match_at(&f, 1), Some((3, "plan of action")));
        assert_eq!(lex.documents.match_at(&f, 6), Some((1, "memorandum")));
        assert!(lex.not_name.contains_word("affairs"));
        assert!(!lex.not_name.contains_word("sergio"));
    }
}
