//! A sentence's worth for the brief: a weighted sum of evidence, the weights fitted on
//! development data and kept as data (`data/summary-weights.toml`, made by
//! `scripts/summary-eval/fit.py`).
//!
//! News states its main fact first, and editors' summaries show it: on human-written
//! summaries the lead alone beats a centrality ranking. So position is evidence of its own
//! (the first sentence, the first paragraph, a decaying prior), beside centrality (TextRank),
//! the headline's words, and cues of sentence quality: length, quotations, captions and
//! comments, and words that lean on a sentence left out.

use std::sync::LazyLock;

use serde::Deserialize;

use super::centrality::{self, Bags};
use super::cues::{self, Quotation};
use super::Sentence;
use crate::analyse::language::Lang;

const DATA: &str = include_str!("../../../data/summary-weights.toml");

/// The features, in the order of [`Features`]' array and of the weights file.
pub const NAMES: [&str; COUNT] = [
    "lead",
    "first_paragraph",
    "position",
    "paragraph_start",
    "centrality",
    "title",
    "length",
    "short",
    "long",
    "quote",
    "leans",
    "not_story",
    "broken_quote",
    "question",
    "colon",
];
/// How many features there are.
pub const COUNT: usize = 15;

/// One sentence's evidence, each value in 0..=1 ([`NAMES`] says which is which):
/// - `lead`: the first sentence of the body; `first_paragraph`: in the first paragraph;
///   `position`: `1 / (1 + i)` for the i-th sentence; `paragraph_start`: opens a paragraph;
/// - `centrality`: TextRank over the most central sentence's; `title`: share of the
///   headline's content words it holds (0 when the headline was made from the lead);
/// - `length`: content words up to 40, over 40; `short`: fewer than 8 words; `long`: more
///   than 45;
/// - `quote`: holds a quotation mark; `leans`: opens with a word that refers back
///   ([`cues::leans_on_previous`]); `not_story`: a caption, byline or comment
///   ([`cues::is_not_story`]); `broken_quote`: holds part of a quotation only;
/// - `question`: ends with a question mark; `colon`: ends with a colon (it introduces what
///   follows).
pub type Features = [f32; COUNT];

#[derive(Deserialize)]
struct File {
    weights: std::collections::BTreeMap<String, f32>,
}

static WEIGHTS: LazyLock<Features> = LazyLock::new(|| {
    let file: File = toml::from_str(DATA).expect("data/summary-weights.toml is valid");
    let mut w = [0.0; COUNT];
    for (i, name) in NAMES.iter().enumerate() {
        w[i] = *file
            .weights
            .get(*name)
            .unwrap_or_else(|| panic!("data/summary-weights.toml lacks `{name}`"));
    }
    w
});

/// The evidence for each sentence of `all`.
pub fn features(all: &[Sentence], bags: &Bags, lang: &Lang) -> Vec<Features> {
    let central = centrality::centrality(bags);
    let title_words = bags.title.len() as f32;
    all.iter()
        .enumerate()
        .map(|(i, s)| {
            let words = s.text.split_whitespace().count();
            let end = s.text.trim_end_matches(['"', '»', '”', '’', '\'', ')']);
            let flag = |b: bool| if b { 1.0 } else { 0.0 };
            [
                flag(i == 0),
                flag(s.paragraph == 0),
                1.0 / (1.0 + i as f32),
                flag(s.opens_paragraph),
                central[i],
                if title_words > 0.0 {
                    centrality::shared(&bags.bags[i], &bags.title) as f32 / title_words
                } else {
                    0.0
                },
                bags.counts[i].min(40) as f32 / 40.0,
                flag(words < 8),
                flag(words > 45),
                flag(s.text.contains(['"', '«', '»', '“', '”', '„'])),
                flag(cues::leans_on_previous(&s.text, lang)),
                flag(cues::is_not_story(&s.text)),
                flag(cues::quotation(&s.text) != Quotation::Whole),
                flag(end.ends_with('?')),
                flag(end.ends_with(':')),
            ]
        })
        .collect()
}

/// The features that say where a sentence stands (`lead`, `first_paragraph`, `position`,
/// `paragraph_start`): the first four of [`NAMES`].
const PLACE: usize = 4;

/// Summaries up to this many sentences weigh place fully.
pub const LEAD_SENTENCES: usize = 3;

/// The weighted sum of a sentence's evidence, for a summary of `sentences` sentences.
///
/// Place counts fully for a brief of up to [`LEAD_SENTENCES`] sentences and less beyond, in
/// proportion (`3 / sentences`): a short brief is the lead's job (editors' one-to-three
/// sentence summaries are closest to the lead), a long one should cover the article, and
/// the lead prior then crowds out central sentences further down (on the BBC business and
/// tech sets, whose references hold 40% of the sentences, it cost 1 to 2 points of ROUGE-2).
pub fn score(f: &Features, sentences: usize) -> f32 {
    let place = (LEAD_SENTENCES as f32 / sentences.max(1) as f32).min(1.0);
    f.iter()
        .zip(WEIGHTS.iter())
        .enumerate()
        .map(|(i, (x, w))| if i < PLACE { x * w * place } else { x * w })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_weighs_less_in_a_long_summary() {
        let mut lead = [0.0; COUNT];
        lead[..PLACE].fill(1.0);
        let full = score(&lead, 3);
        assert!(full > 0.0);
        assert_eq!(score(&lead, 1), full);
        assert!((score(&lead, 6) - full / 2.0).abs() < 1e-6);
        let mut central = [0.0; COUNT];
        central[NAMES.iter().position(|n| *n == "centrality").unwrap()] = 1.0;
        assert_eq!(score(&central, 3), score(&central, 9));
    }

    #[test]
    fn every_feature_has_a_weight_and_a_name() {
        assert_eq!(NAMES.len(), COUNT);
        assert_eq!(
            NAMES[..PLACE],
            ["lead", "first_paragraph", "position", "paragraph_start"]
        );
        assert!(WEIGHTS.iter().all(|w| w.is_finite()));
        let file: File = toml::from_str(DATA).unwrap();
        assert_eq!(file.weights.len(), COUNT, "unknown weights in the file");
    }
}
