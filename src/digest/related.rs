//! Related articles: shared partners plus text similarity, without comparing every pair.
//!
//! Each article is reduced to its top terms by tf-idf. Candidates are the articles that share
//! a rare-enough term (postings of very common terms are skipped, which keeps the work linear
//! in practice) or are the nearest in time under a shared partner. Only candidates are scored:
//! cosine similarity of the term vectors plus a bonus for shared partners.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use crate::analyse::summary::for_content_words;
use crate::analyse::PartnerId;

/// Related articles per article.
pub const MAX_RELATED: usize = 5;
/// Terms kept per article.
const TOP_TERMS: usize = 24;
/// Terms in more articles than this do not generate candidates (they still score).
const MAX_POSTINGS: usize = 400;
/// Neighbours in time taken from each shared partner.
const PARTNER_NEIGHBOURS: usize = 8;
/// Weight of the shared-partner (Jaccard) part of the score.
const PARTNER_WEIGHT: f32 = 0.3;
/// Below this, two articles are not related.
const MIN_SCORE: f32 = 0.08;

/// An article's content words with their counts, sorted by word: all relatedness needs of
/// its text (kept in the build cache, so an unchanged article is not re-read).
pub type Bag = Vec<(String, u32)>;

/// The bag of words of a title and body.
pub fn bag(title: &str, body: &str) -> Bag {
    let mut tf: FxHashMap<String, u32> = FxHashMap::default();
    for text in [title, body] {
        for_content_words(text, |word| match tf.get_mut(word) {
            Some(count) => *count += 1,
            None => {
                tf.insert(word.to_owned(), 1);
            }
        });
    }
    let mut bag: Bag = tf.into_iter().collect();
    bag.sort_unstable();
    bag
}

/// What relatedness needs to know about an article.
pub struct Profile<'a> {
    /// Its words (see [`bag`]).
    pub bag: &'a Bag,
    /// Its partners.
    pub partners: &'a [PartnerId],
}

/// For each article, up to [`MAX_RELATED`] others, most related first. `partner_lists` gives,
/// per partner, its articles in digest order (so neighbours in time are adjacent).
pub fn related(
    profiles: &[Profile],
    partner_lists: &BTreeMap<PartnerId, Vec<usize>>,
) -> Vec<Vec<usize>> {
    let n = profiles.len();
    let bags: Vec<&Bag> = profiles.iter().map(|p| p.bag).collect();
    let mut df: FxHashMap<&str, usize> = FxHashMap::default();
    for bag in &bags {
        for (term, _) in bag.iter() {
            *df.entry(term.as_str()).or_default() += 1;
        }
    }
    // Top terms per article by tf-idf (ties by term, so the choice is deterministic).
    let top: Vec<Vec<(&str, f32)>> = bags
        .par_iter()
        .map(|bag| {
            let mut terms: Vec<(&str, f32)> = bag
                .iter()
                .map(|(t, tf)| {
                    (
                        t.as_str(),
                        (1.0 + (*tf as f32).ln()) * (1.0 + n as f32 / df[t.as_str()] as f32).ln(),
                    )
                })
                .collect();
            terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
            terms.truncate(TOP_TERMS);
            terms
        })
        .collect();
    // One id per distinct term; L2-normalised weights; postings list (article, weight) per term.
    let mut term_ids: FxHashMap<&str, usize> = FxHashMap::default();
    let mut postings: Vec<Vec<(usize, f32)>> = Vec::new();
    let mut vectors: Vec<Vec<(usize, f32)>> = Vec::with_capacity(n);
    for (i, terms) in top.iter().enumerate() {
        let norm = terms
            .iter()
            .map(|t| t.1 * t.1)
            .sum::<f32>()
            .sqrt()
            .max(f32::EPSILON);
        let vector: Vec<(usize, f32)> = terms
            .iter()
            .map(|&(t, w)| {
                let id = *term_ids.entry(t).or_insert_with(|| {
                    postings.push(Vec::new());
                    postings.len() - 1
                });
                postings[id].push((i, w / norm));
                (id, w / norm)
            })
            .collect();
        vectors.push(vector);
    }
    let mut position: FxHashMap<(&PartnerId, usize), usize> = FxHashMap::default();
    for (partner, list) in partner_lists {
        for (pos, &item) in list.iter().enumerate() {
            position.insert((partner, item), pos);
        }
    }

    // Dot products accumulate through the postings into a dense scratch row per worker, so
    // only articles sharing a term are ever touched.
    (0..n)
        .into_par_iter()
        .with_min_len(64)
        .map_init(
            || (vec![0.0f32; n], Vec::<usize>::new()),
            |(dots, touched), i| {
                for &(term, weight) in &vectors[i] {
                    let list = &postings[term];
                    if list.len() > MAX_POSTINGS {
                        continue;
                    }
                    for &(j, other) in list {
                        if dots[j] == 0.0 {
                            touched.push(j);
                        }
                        dots[j] += weight * other;
                    }
                }
                // Neighbours in time under a shared partner are candidates even with no shared word.
                let mut neighbours: Vec<usize> = Vec::new();
                for partner in profiles[i].partners {
                    if let (Some(list), Some(&pos)) =
                        (partner_lists.get(partner), position.get(&(partner, i)))
                    {
                        let lo = pos.saturating_sub(PARTNER_NEIGHBOURS / 2);
                        let hi = (pos + PARTNER_NEIGHBOURS / 2 + 1).min(list.len());
                        neighbours
                            .extend(list[lo..hi].iter().filter(|&&j| j != i && dots[j] == 0.0));
                    }
                }
                neighbours.sort_unstable();
                neighbours.dedup();
                // Only the best few by text can make the list: add the partner part to those
                // and to the partner neighbours, not to every article sharing a word.
                let mut by_text: Vec<(f32, usize)> = touched
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| (dots[j], j))
                    .collect();
                let keep = 4 * MAX_RELATED;
                if by_text.len() > keep {
                    by_text.select_nth_unstable_by(keep, |a, b| {
                        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
                    });
                    by_text.truncate(keep);
                }
                by_text.extend(neighbours.into_iter().map(|j| (0.0, j)));
                let mut scored: Vec<(f32, usize)> = by_text
                    .into_iter()
                    .map(|(dot, j)| {
                        (
                            dot + PARTNER_WEIGHT
                                * jaccard(profiles[i].partners, profiles[j].partners),
                            j,
                        )
                    })
                    .filter(|&(s, _)| s >= MIN_SCORE)
                    .collect();
                for &j in touched.iter() {
                    dots[j] = 0.0;
                }
                touched.clear();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                scored
                    .into_iter()
                    .take(MAX_RELATED)
                    .map(|(_, j)| j)
                    .collect()
            },
        )
        .collect()
}

fn jaccard(a: &[PartnerId], b: &[PartnerId]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|p| b.contains(p)).count() as f32;
    shared / ((a.len() + b.len()) as f32 - shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> PartnerId {
        PartnerId::parse(s).unwrap()
    }

    #[test]
    fn similar_texts_and_shared_partners_are_related() {
        let us = [id("us")];
        let ru = [id("ru")];
        let none: [PartnerId; 0] = [];
        let texts = [
            (
                "Railway financing for the China Kyrgyzstan Uzbekistan railway was agreed",
                &none[..],
            ),
            (
                "Gold mining royalties and mining licences were debated in parliament",
                &none[..],
            ),
            (
                "The railway project financing between China Kyrgyzstan Uzbekistan moves on",
                &none[..],
            ),
            ("Envoy visit strengthens trade", &us[..]),
            ("Delegation visit discusses trade", &us[..]),
            ("Gas supplies and fuel prices", &ru[..]),
        ];
        let bags: Vec<Bag> = texts.iter().map(|(t, _)| bag("", t)).collect();
        let profiles: Vec<Profile> = texts
            .iter()
            .zip(&bags)
            .map(|((_, p), bag)| Profile { bag, partners: p })
            .collect();
        let mut lists = BTreeMap::new();
        lists.insert(id("us"), vec![3, 4]);
        lists.insert(id("ru"), vec![5]);
        let related = related(&profiles, &lists);
        assert_eq!(related[0].first(), Some(&2));
        assert_eq!(related[2].first(), Some(&0));
        assert!(related[3].contains(&4));
        assert!(!related[1].contains(&0), "{:?}", related[1]);
        assert!(related[5].is_empty(), "{:?}", related[5]);
        assert!(related
            .iter()
            .enumerate()
            .all(|(i, r)| !r.contains(&i) && r.len() <= MAX_RELATED));
    }

    #[test]
    fn jaccard_of_partner_sets() {
        assert_eq!(jaccard(&[id("us"), id("ru")], &[id("us")]), 0.5);
        assert_eq!(jaccard(&[id("us")], &[id("us")]), 1.0);
        assert_eq!(jaccard(&[], &[id("us")]), 0.0);
    }
}
