//! How central each sentence is to its article: TextRank (Mihalcea and Tarau, 2004).
//!
//! Sentences are the nodes of a graph whose edges weigh how many stemmed content words two
//! sentences share (normalised by the logs of their lengths, so long sentences do not win by
//! size alone); a sentence's centrality is its stationary probability under a random walk over
//! that graph that restarts, with probability `1 - DAMPING`, at a sentence drawn uniformly.
//! Position and headline are separate evidence, weighed by the scorer ([`super::score`]).

use rustc_hash::FxHashMap;

use crate::analyse::stem::Words;

/// Probability that the random walk follows an edge rather than restarting (TextRank's 0.85).
const DAMPING: f32 = 0.85;

/// Sentences as sorted, deduplicated stem ids (similarity is then a merge, not hashing), with
/// their content-word counts.
pub struct Bags {
    pub bags: Vec<Vec<u32>>,
    pub counts: Vec<usize>,
    pub title: Vec<u32>,
}

impl Bags {
    /// Stem each distinct word once (`known`), then map stems to ids (`stems`): stemming is
    /// the costly step.
    pub fn new<'a>(sentences: impl Iterator<Item = &'a str>, title: &str, words: &Words) -> Self {
        let mut known: FxHashMap<String, u32> = FxHashMap::default();
        let mut stems: FxHashMap<String, u32> = FxHashMap::default();
        let mut bag_of = |text: &str| {
            let mut bag: Vec<u32> = Vec::new();
            words.for_each_folded(text, |w| {
                let id = match known.get(w) {
                    Some(&id) => id,
                    None => {
                        let next = stems.len() as u32;
                        let id = words.with_stem(w, |stem| match stems.get(stem) {
                            Some(&id) => id,
                            None => {
                                stems.insert(stem.to_owned(), next);
                                next
                            }
                        });
                        known.insert(w.to_owned(), id);
                        id
                    }
                };
                bag.push(id);
            });
            let count = bag.len();
            bag.sort_unstable();
            bag.dedup();
            (bag, count)
        };
        let (title, _) = bag_of(title);
        let (bags, counts) = sentences.map(&mut bag_of).unzip();
        Bags {
            bags,
            counts,
            title,
        }
    }
}

/// Each sentence's TextRank score over the largest one (1 for the most central).
pub fn centrality(bags: &Bags) -> Vec<f32> {
    let n = bags.bags.len();
    if n == 0 {
        return Vec::new();
    }
    let logs: Vec<f32> = bags
        .counts
        .iter()
        .map(|&c| (c.max(1) as f32).ln())
        .collect();
    let mut weight = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let shared = shared(&bags.bags[i], &bags.bags[j]);
            let norm = logs[i] + logs[j];
            if shared > 0 && norm > 0.0 {
                let w = shared as f32 / norm;
                weight[i * n + j] = w;
                weight[j * n + i] = w;
            }
        }
    }
    // The walk's transitions into each sentence: (from, probability), a sparse list.
    let mut inflows: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    let mut dangling_nodes: Vec<usize> = Vec::new();
    for j in 0..n {
        let row = &weight[j * n..(j + 1) * n];
        let out: f32 = row.iter().sum();
        if out == 0.0 {
            dangling_nodes.push(j);
            continue;
        }
        for (i, &w) in row.iter().enumerate() {
            if w > 0.0 {
                inflows[i].push((j, w / out));
            }
        }
    }
    let uniform = 1.0 / n as f32;
    let mut score = vec![uniform; n];
    let mut next = vec![0.0f32; n];
    for _ in 0..100 {
        // Sentences with no edge hand their mass back to the restart (a dangling node).
        let dangling: f32 = dangling_nodes.iter().map(|&j| score[j]).sum();
        for i in 0..n {
            let inflow: f32 = inflows[i].iter().map(|&(j, p)| p * score[j]).sum();
            next[i] = (1.0 - DAMPING + DAMPING * dangling) * uniform + DAMPING * inflow;
        }
        let delta: f32 = score.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut score, &mut next);
        if delta < 1e-6 {
            break;
        }
    }
    let max = score.iter().copied().fold(0.0f32, f32::max);
    if max > 0.0 {
        score.iter_mut().for_each(|s| *s /= max);
    }
    score
}

/// Number of elements two sorted slices share.
pub fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Share of the smaller bag found in the other.
pub fn overlap(a: &[u32], b: &[u32]) -> f32 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    shared(a, b) as f32 / smaller as f32
}
