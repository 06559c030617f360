//! Extractive summaries: the sentences that best represent an article, in article order.
//!
//! First version (issue 2): each sentence is scored by its similarity to the rest of the
//! article (centrality: a sentence that shares many content words with the others states the
//! gist) times a position prior (news puts the essentials first). The best are picked
//! greedily, skipping near-duplicates of sentences already picked. Deterministic: ties go to
//! the earlier sentence.

use std::collections::{HashMap, HashSet};

use super::text::{fold, sentences, tokens};
use crate::ingest::{Article, BlockKind};

/// Sentences shorter than this (in words) are poor summary material unless nothing else is left.
const MIN_WORDS: usize = 5;
/// Two sentences sharing more than this share of content words say the same thing.
const REDUNDANT: f32 = 0.6;

/// The body split into candidate sentences, in article order.
pub fn candidates(article: &Article) -> Vec<String> {
    article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .flat_map(|b| sentences(&b.text))
        .map(str::to_owned)
        .collect()
}

/// Summarise `article` in at most `n` sentences (never none when the article has text).
pub fn summarise(article: &Article, n: usize) -> Vec<String> {
    let all = candidates(article);
    if all.len() <= n {
        return all;
    }
    let bags: Vec<HashSet<String>> = all.iter().map(|s| content_words(s)).collect();
    // Document frequency, to down-weight words every sentence has.
    let mut df: HashMap<&str, usize> = HashMap::new();
    for bag in &bags {
        for w in bag {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let total = bags.len() as f32;
    let idf = |w: &str| (1.0 + total / df.get(w).copied().unwrap_or(1) as f32).ln();
    let mut scores: Vec<f32> = Vec::with_capacity(all.len());
    for (i, bag) in bags.iter().enumerate() {
        let mut centrality = 0.0;
        for (j, other) in bags.iter().enumerate() {
            if i != j && !bag.is_empty() && !other.is_empty() {
                let shared: f32 = bag.intersection(other).map(|w| idf(w)).sum();
                centrality += shared / ((bag.len() as f32).ln_1p() + (other.len() as f32).ln_1p());
            }
        }
        let position = 1.0 / (1.0 + 0.15 * i as f32);
        let short = if bag.len() < MIN_WORDS { 0.3 } else { 1.0 };
        scores.push((centrality + 0.5) * (0.4 + position) * short);
    }
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut picked: Vec<usize> = Vec::with_capacity(n);
    for i in order {
        if picked.len() == n {
            break;
        }
        let redundant = picked
            .iter()
            .any(|&p| overlap(&bags[i], &bags[p]) > REDUNDANT);
        if !redundant {
            picked.push(i);
        }
    }
    picked.sort_unstable();
    picked.into_iter().map(|i| all[i].clone()).collect()
}

fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f32 / smaller as f32
}

/// Folded words of at least four letters, cut to six characters: a crude but
/// language-independent stand-in for stemming (Russian and Ukrainian endings vary, stems don't).
pub fn content_words(sentence: &str) -> HashSet<String> {
    tokens(sentence)
        .into_iter()
        .map(|t| fold(t.text))
        .filter(|w| {
            w.chars().count() >= 4 && w.chars().any(char::is_alphabetic) && !is_stop_word(w)
        })
        .map(|w| w.chars().take(6).collect())
        .collect()
}

fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "that",
        "this",
        "with",
        "from",
        "have",
        "been",
        "were",
        "will",
        "would",
        "their",
        "there",
        "which",
        "also",
        "about",
        "into",
        "than",
        "they",
        "them",
        "these",
        "those",
        "such",
        "said",
        "what",
        "when",
        "where",
        "while",
        "other",
        "more",
        "most",
        "some",
        "over",
        "after",
        "before",
        "between",
        "both",
        "each",
        "very",
        "only",
        "being",
        "during",
        "under",
        "upon",
        "этот",
        "этого",
        "этой",
        "были",
        "было",
        "будет",
        "который",
        "которые",
        "также",
        "более",
        "между",
        "после",
        "через",
        "всех",
        "этом",
        "того",
        "чтобы",
        "свои",
        "своих",
        "если",
        "цього",
        "цієї",
        "були",
        "було",
        "буде",
        "який",
        "яких",
        "також",
        "більш",
        "між",
        "після",
        "через",
        "всіх",
        "того",
        "щоб",
        "своїх",
        "якщо",
        "вони",
        "саме",
    ];
    STOP.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Block, Format, Origin};

    fn article(paragraphs: &[&str]) -> Article {
        Article {
            source: "t.txt".into(),
            format: Format::Clipping,
            front: Default::default(),
            title: "t".into(),
            title_origin: Origin::HeaderLine,
            date: None,
            date_origin: None,
            time: None,
            source_name: None,
            url: None,
            blocks: paragraphs
                .iter()
                .map(|p| Block {
                    kind: BlockKind::Paragraph,
                    text: p.to_string(),
                })
                .collect(),
            html: String::new(),
            removed: vec![],
        }
    }

    #[test]
    fn short_articles_are_their_own_summary() {
        let a = article(&["One sentence here. Two sentences here."]);
        assert_eq!(
            summarise(&a, 3),
            ["One sentence here.", "Two sentences here."]
        );
    }

    #[test]
    fn summary_keeps_article_order_and_skips_duplicates() {
        let a = article(&[
            "The presidents discussed trade and energy cooperation in Bishkek.",
            "The weather was sunny.",
            "Trade between the countries reached record levels, the presidents said.",
            "The presidents discussed trade and energy cooperation in Bishkek today.",
            "Energy cooperation includes new hydroelectric projects and trade corridors.",
            "A band played.",
        ]);
        let s = summarise(&a, 3);
        assert_eq!(s.len(), 3);
        assert_eq!(
            s[0],
            "The presidents discussed trade and energy cooperation in Bishkek."
        );
        assert!(
            !s.iter().any(|x| x.ends_with("today.")),
            "near-duplicate picked: {s:?}"
        );
        assert!(
            !s.iter().any(|x| x.contains("band") || x.contains("sunny")),
            "{s:?}"
        );
        let positions: Vec<usize> = s
            .iter()
            .map(|x| candidates(&a).iter().position(|c| c == x).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
    }
}
