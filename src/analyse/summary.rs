//! Extractive summaries: the sentences that best represent an article, in article order.
//!
//! First version (issue 2): each sentence is scored by its similarity to the rest of the
//! article (centrality: a sentence that shares many content words with the others states the
//! gist) times a position prior (news puts the essentials first). The best are picked
//! greedily, skipping near-duplicates of sentences already picked. Deterministic: ties go to
//! the earlier sentence.

use std::collections::HashMap;

use super::text::{sentences, tokens};
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

/// Sentences considered for the summary: news puts its gist early, and the centrality
/// computation is quadratic in the number of sentences.
const MAX_CANDIDATES: usize = 200;
/// Longest summary sentence, in characters (a text with no sentence breaks is cut).
const MAX_SENTENCE: usize = 400;

/// Summarise `article` in at most `n` sentences (never none when the article has text).
pub fn summarise(article: &Article, n: usize) -> Vec<String> {
    let mut all = candidates(article);
    all.truncate(MAX_CANDIDATES);
    for sentence in &mut all {
        if sentence.chars().count() > MAX_SENTENCE {
            *sentence = crate::ingest::headline::shorten(sentence, MAX_SENTENCE);
        }
    }
    if all.len() <= n {
        return all;
    }
    // Sentences as sorted, deduplicated word ids: similarity is then a merge, not hashing.
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let bags: Vec<Vec<u32>> = all
        .iter()
        .map(|s| {
            let mut bag: Vec<u32> = Vec::new();
            for_content_words(s, |w| {
                let id = match vocabulary.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = vocabulary.len() as u32;
                        vocabulary.insert(w.to_owned(), id);
                        id
                    }
                };
                bag.push(id);
            });
            bag.sort_unstable();
            bag.dedup();
            bag
        })
        .collect();
    // Words every sentence has say little: weight shared words by inverse sentence frequency.
    let mut df = vec![0u32; vocabulary.len()];
    for bag in &bags {
        for &w in bag {
            df[w as usize] += 1;
        }
    }
    let total = bags.len() as f32;
    let idf: Vec<f32> = df.iter().map(|&d| (1.0 + total / d as f32).ln()).collect();
    let sizes: Vec<f32> = bags.iter().map(|b| (b.len() as f32).ln_1p()).collect();
    let mut centrality = vec![0.0f32; bags.len()];
    for i in 0..bags.len() {
        for j in i + 1..bags.len() {
            let shared = shared_weight(&bags[i], &bags[j], &idf);
            if shared > 0.0 {
                let similarity = shared / (sizes[i] + sizes[j]);
                centrality[i] += similarity;
                centrality[j] += similarity;
            }
        }
    }
    let scores: Vec<f32> = (0..bags.len())
        .map(|i| {
            let position = 1.0 / (1.0 + 0.15 * i as f32);
            let short = if bags[i].len() < MIN_WORDS { 0.3 } else { 1.0 };
            (centrality[i] + 0.5) * (0.4 + position) * short
        })
        .collect();
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut picked: Vec<usize> = Vec::with_capacity(n);
    for i in order {
        if picked.len() == n {
            break;
        }
        if !picked
            .iter()
            .any(|&p| overlap(&bags[i], &bags[p]) > REDUNDANT)
        {
            picked.push(i);
        }
    }
    picked.sort_unstable();
    picked.into_iter().map(|i| all[i].clone()).collect()
}

/// Sum of `weight` over the words two sorted bags share.
fn shared_weight(a: &[u32], b: &[u32], weight: &[f32]) -> f32 {
    let mut sum = 0.0;
    for_shared(a, b, |w| sum += weight[w as usize]);
    sum
}

/// Share of the smaller bag found in the other.
fn overlap(a: &[u32], b: &[u32]) -> f32 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let mut shared = 0;
    for_shared(a, b, |_| shared += 1);
    shared as f32 / smaller as f32
}

/// Call `f` for each element two sorted slices share.
fn for_shared(a: &[u32], b: &[u32], mut f: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Content words of a text, for similarity: folded words of at least four letters, cut to six
/// characters (a crude but language-independent stand-in for stemming: Russian and Ukrainian
/// endings vary, stems don't). Repeats are kept. `f` sees each word in a reused buffer, so
/// nothing is allocated per word.
pub fn for_content_words(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new(); // the first six folded characters
    let mut full = String::new(); // up to nine, enough to recognise any stop word
    for token in tokens(text) {
        let (mut chars, mut letters) = (0, 0);
        word.clear();
        full.clear();
        for c in token.text.chars().flat_map(char::to_lowercase) {
            let c = if c == 'ё' { 'е' } else { c };
            chars += 1;
            letters += usize::from(c.is_alphabetic());
            if chars <= 6 {
                word.push(c);
            }
            if chars <= 9 {
                full.push(c);
            }
        }
        if chars >= 4 && letters > 0 && !(chars < 9 && is_stop_word(&full)) {
            f(&word);
        }
    }
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

    fn article(paragraphs: &[&str]) -> Article {
        Article::for_test("t", paragraphs)
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
