//! What a reader sees of an article's headline and lead, without repeats.
//!
//! Three things read badly on the pages, and all come from the same sentence:
//! - an article that came without a headline gets one made from its lead, cut at 100
//!   characters with "…" (`ingest::headline::from_lead`); that cut title is fine in a
//!   `<title>` but the article's own heading should be the whole sentence ([`full_title`]);
//! - that same first sentence is then often the first summary item as well, so the article
//!   page said it three or four times (heading, summary, body), and a card's summary began
//!   with its headline again ([`repeats`], [`summary_without_title`], [`dek`]);
//! - a summary that is nothing but the body's opening paragraph adds nothing above that
//!   paragraph ([`is_just_the_lead`]).

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::analyse::text::{fold, sentences, tokens};
use crate::ingest::headline::{shorten, strip_dateline};
use crate::ingest::{Article, BlockKind, Origin};

/// Share of the shorter text's words found in the other above which two texts say the same
/// thing. Headlines are short, so 0.8 means "all but one in five words".
const OVERLAP: f64 = 0.8;

/// Longest headline recovered from a lead, in characters: a "sentence" of thousands of
/// characters (a list of figures with no full stop) is still cut, at a word, with "…".
const MAX_FULL_TITLE: usize = 300;

/// Fewest words a text needs before overlap is judged by share; shorter ones must match whole.
const MIN_WORDS: usize = 3;

/// A trailing agency tag (", Trend reports via the press service"), which
/// `ingest::headline::from_lead` also drops from a made headline (same pattern).
static AGENCY_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),?\s+(?:\p{L}+\s+){0,2}(?:reports?|reported|сообщает|повідомляє)(?:\s+(?:via|citing|со ссылкой на|з посиланням на)\s+[^.]*)?\s*[.]?$")
        .expect("valid regex")
});

/// The article's headline in full: the title as given, or, when it was made from the lead
/// and cut with "…", the whole lead sentence it was cut from.
pub fn full_title(article: &Article) -> String {
    let title = &article.title;
    if article.title_origin != Origin::Lead || !title.ends_with('…') {
        return title.clone();
    }
    let prefix = title.trim_end_matches('…').trim_end();
    let Some(lead) = article.blocks.iter().find(|b| b.kind != BlockKind::Heading) else {
        return title.clone();
    };
    let lead = strip_dateline(lead.text.trim());
    // Only the opening matters; bounding it keeps a pathological one-line article cheap.
    let lead = match lead.char_indices().nth(MAX_FULL_TITLE * 4) {
        Some((end, _)) => &lead[..end],
        None => lead,
    };
    sentences(lead)
        .into_iter()
        .find(|s| s.starts_with(prefix))
        .map(|s| {
            AGENCY_TAG
                .replace(s.trim(), "")
                .trim()
                .trim_end_matches(['.', ',', ';', ':'])
                .to_owned()
        })
        .map(|s| shorten(&s, MAX_FULL_TITLE))
        .filter(|s| s.chars().count() > prefix.chars().count())
        .unwrap_or_else(|| title.clone())
}

fn words(text: &str) -> HashSet<String> {
    tokens(text).iter().map(|t| fold(t.text)).collect()
}

/// True when `sentence` says what `title` says: after folding case, at least 80 % of the
/// shorter one's words are in the other (a cut headline against its sentence, a lead that
/// restates the headline). Texts of under three words must have the same words.
pub fn repeats(title: &str, sentence: &str) -> bool {
    let a = words(title.trim_end_matches('…'));
    let b = words(sentence);
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return false;
    }
    if shorter < MIN_WORDS {
        return a == b;
    }
    let shared = a.intersection(&b).count();
    shared as f64 / shorter as f64 >= OVERLAP
}

/// The summary items that do not repeat the headline.
pub fn summary_without_title(title: &str, summary: &[String]) -> Vec<String> {
    summary
        .iter()
        .filter(|s| !repeats(title, s))
        .cloned()
        .collect()
}

/// The one-sentence dek of a card: the first summary sentence that is not the headline again.
pub fn dek(title: &str, summary: &[String]) -> Option<String> {
    summary.iter().find(|s| !repeats(title, s)).cloned()
}

/// True when every summary item is a sentence of the body's opening paragraph, in which case
/// a summary box above the body only says the opening twice.
pub fn is_just_the_lead(article: &Article, summary: &[String]) -> bool {
    let Some(lead) = article.blocks.iter().find(|b| b.kind != BlockKind::Heading) else {
        return false;
    };
    !summary.is_empty()
        && summary.iter().all(|s| {
            let s = s.trim_end_matches('…').trim();
            !s.is_empty() && lead.text.contains(s)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_headline_gets_its_whole_sentence_back() {
        let sentence = "Kyrgyzstan and Pakistan agreed on Thursday to raise their trade to one \
                        billion dollars within three years and to open a direct air route";
        let lead = format!(
            "BISHKEK, Kyrgyzstan, December 4. {sentence}, Trend reports via the press service. \
             The talks went on."
        );
        let mut article = Article::for_test("", &[&lead]);
        // Made headlines are compressed now, never cut; a title cut with "…" (one made by an
        // earlier version, kept in a companion) still gets its sentence back.
        article.title = shorten(sentence, 100);
        article.title_origin = Origin::Lead;
        assert!(article.title.ends_with('…'), "{}", article.title);
        assert_eq!(full_title(&article), sentence);
        // A lead of one endless sentence still gives a bounded headline.
        let endless = (0..5000).map(|i| format!("${i} ")).collect::<String>();
        let mut long = Article::for_test("", &[&endless]);
        long.title = shorten(&endless, 100);
        long.title_origin = Origin::Lead;
        let full = full_title(&long);
        assert!(
            full.chars().count() <= MAX_FULL_TITLE + 1 && full.ends_with('…'),
            "{full}"
        );
        assert!(full.chars().count() > 200, "{full}");
        // A made headline that was not cut is the heading as it is.
        let mut made = Article::for_test("", &[&lead]);
        made.title = crate::ingest::headline::from_lead(&lead);
        made.title_origin = Origin::Lead;
        assert_eq!(
            full_title(&made),
            "Kyrgyzstan and Pakistan agree to raise their trade to one billion dollars"
        );
        // A headline that was written, not made, is never touched.
        article.title_origin = Origin::HeaderLine;
        assert_eq!(full_title(&article), article.title);
    }

    #[test]
    fn repeats_are_found_by_shared_words() {
        let title = "Kyrgyzstan and Pakistan agree to raise trade";
        assert!(repeats(
            title,
            "Kyrgyzstan and Pakistan agree to raise trade, the ministry said."
        ));
        assert!(repeats(
            "Kyrgyzstan and Pakistan agreed on Thursday to raise their…",
            "Kyrgyzstan and Pakistan agreed on Thursday to raise their trade to $1 billion."
        ));
        assert!(!repeats(
            title,
            "The ministers also discussed a new air route between the capitals."
        ));
        assert!(!repeats("Talks", "Talks on energy continued in Moscow."));
        assert!(!repeats("", "Anything."));
    }

    #[test]
    fn dek_skips_the_headline_sentence() {
        let title = "Kyrgyzstan and Pakistan agree to raise trade";
        let summary = vec![
            "Kyrgyzstan and Pakistan agree to raise trade, officials said.".to_owned(),
            "A direct flight opens in March.".to_owned(),
        ];
        assert_eq!(
            dek(title, &summary).as_deref(),
            Some("A direct flight opens in March.")
        );
        assert_eq!(
            summary_without_title(title, &summary),
            summary[1..].to_vec()
        );
        assert_eq!(dek(title, &summary[..1]), None);
    }

    #[test]
    fn a_summary_made_of_the_lead_is_recognised() {
        let article = Article::for_test(
            "T",
            &[
                "One sentence here. Another sentence there.",
                "Later paragraph.",
            ],
        );
        assert!(is_just_the_lead(
            &article,
            &[
                "One sentence here.".into(),
                "Another sentence there.".into()
            ]
        ));
        assert!(!is_just_the_lead(
            &article,
            &["One sentence here.".into(), "Later paragraph.".into()]
        ));
        assert!(!is_just_the_lead(&article, &[]));
    }
}
