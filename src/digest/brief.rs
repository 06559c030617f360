//! Partner×month briefs: a few sentences that say what happened with a partner in a month.
//!
//! A partner-month page used to be a bare list of cards; a reader wanted to know what the
//! month was *about* before reading twenty summaries. The brief is extractive and
//! multi-document, built from what analysis already made: each article's summary sentences
//! (the best of the article already) and their stems.
//!
//! 1. **Stories, not articles.** Reports of one event (`digest::stories`) form one *unit*; an
//!    article without other reports is a unit of its own. A unit offers the summary sentences
//!    of its reports in the site's main language (the language most articles have) when it
//!    has any, else of all its reports: the same event in English and Ukrainian counts once.
//! 2. **Centrality.** A sentence scores by how many *other* units of the month share its stems
//!    (a cheap, linear stand-in for LexRank's degree: the month's recurring themes against one
//!    story's details), normalised by the square root of its length and by the number of other
//!    units in its language (stems do not cross languages, so a lone Ukrainian story is not
//!    penalised for having no company), plus a prior for the lead (summaries keep article
//!    order and news puts its gist first) and a bonus for stories several outlets reported.
//! 3. **Selection.** Best first, at most one sentence per unit (two when there are fewer units
//!    than the brief's length), never two sentences sharing most of their stems.
//! 4. **Time order.** The picked sentences are shown oldest first, like a chronicle.
//!
//! Everything is a pure function of the digest; ties go to the earlier item and sentence, so
//! the brief is deterministic. Cost is linear in the month's summary sentences.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Digest, YearMonth};
use crate::analyse::stem::Words;
use crate::analyse::{Lang, PartnerId};

/// Default sentences per brief (`brief_sentences` in site.toml).
pub const DEFAULT_SENTENCES: usize = 4;
/// Summary sentences of a report the brief considers: the rest of a summary is detail.
const SENTENCES_PER_REPORT: usize = 3;
/// Sentences a unit (story) may give when units are scarce; otherwise one.
const MAX_PER_UNIT: usize = 2;
/// Two sentences sharing this share of the shorter one's stems say the same thing (lower
/// than the summariser's 0.75: across outlets the same fact is worded more freely).
const DUPLICATE: f32 = 0.6;
/// Weight of the lead prior: the first summary sentence gets it whole, the second half, …
const LEAD_WEIGHT: f32 = 0.3;
/// Weight of a story's outlets: `STORY_WEIGHT * ln(reports)`.
const STORY_WEIGHT: f32 = 0.2;
/// Sentences with fewer stems than this are poor brief material ("He added.").
const MIN_STEMS: usize = 4;

/// One sentence of a brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefLine {
    /// The article it comes from (an index into [`Digest::items`]).
    pub item: usize,
    /// Which sentence of that article's summary.
    pub sentence: usize,
    /// Its rank in the brief: 0 is the most central (lines are in time order, so a page
    /// showing fewer takes the best ranks and keeps their order).
    pub rank: usize,
}

/// The briefs of a digest, per partner and month, each in time order (oldest first). A
/// partner-month whose articles have no summary sentences has no entry.
pub type Briefs = BTreeMap<(PartnerId, YearMonth), Vec<BriefLine>>;

/// The language most articles of the digest have (ties: the smaller code), `None` when empty.
pub fn main_language(digest: &Digest) -> Option<Lang> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in &digest.items {
        *counts.entry(item.analysis.language.as_str()).or_default() += 1;
    }
    // `max_by_key` keeps the last maximum; iterate codes in reverse so ties go to the smaller.
    counts
        .into_iter()
        .rev()
        .max_by_key(|&(_, n)| n)
        .and_then(|(code, _)| Lang::parse(code))
}

/// The brief of every partner-month of `digest`, `size` sentences at most (0: none).
pub fn briefs(digest: &Digest, size: usize) -> Briefs {
    if size == 0 {
        return Briefs::new();
    }
    let main = main_language(digest);
    // Stems of each dated item's summary sentences, once per item (an item is in one
    // partner-month per partner).
    let bags: Vec<Vec<Vec<u64>>> = digest
        .items
        .par_iter()
        .map(|item| {
            if item.month.is_none() {
                return Vec::new();
            }
            let words = Words::for_lang(&item.analysis.language);
            item.analysis
                .summary
                .iter()
                .take(SENTENCES_PER_REPORT)
                .map(|s| stem_bag(&words, s))
                .collect()
        })
        .collect();
    let pool = Pool {
        digest,
        bags: &bags,
        main: main.as_ref(),
    };
    digest
        .by_partner_month
        .par_iter()
        .map(|(key, list)| (key.clone(), pool.brief(list, size)))
        .collect::<Vec<_>>()
        .into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
}

/// A sentence's stems as sorted, deduplicated hashes (no interner: items are stemmed in
/// parallel, and a 64-bit collision between two stems of one month is negligible).
fn stem_bag(words: &Words, sentence: &str) -> Vec<u64> {
    let mut bag = Vec::new();
    words.for_each_folded(sentence, |w| {
        words.with_stem(w, |stem| {
            bag.push(xxhash_rust::xxh3::xxh3_64(stem.as_bytes()))
        });
    });
    bag.sort_unstable();
    bag.dedup();
    bag
}

/// What every partner-month's brief reads.
struct Pool<'a> {
    digest: &'a Digest,
    /// Per item, the stems of its first summary sentences.
    bags: &'a [Vec<Vec<u64>>],
    main: Option<&'a Lang>,
}

/// A sentence the brief may use.
struct Candidate {
    unit: usize,
    item: usize,
    sentence: usize,
    score: f32,
}

impl Pool<'_> {
    /// The brief of one partner-month whose items (newest first) are `list`.
    fn brief(&self, list: &[usize], size: usize) -> Vec<BriefLine> {
        let d = self.digest;
        // Units: stories in order of their newest report here, articles alone in theirs.
        let mut units: Vec<Vec<usize>> = Vec::new();
        let mut unit_of_story: FxHashMap<usize, usize> = FxHashMap::default();
        for &i in list {
            match d.story_of.get(i).copied().flatten() {
                Some(story) => match unit_of_story.get(&story) {
                    Some(&u) => units[u].push(i),
                    None => {
                        unit_of_story.insert(story, units.len());
                        units.push(vec![i]);
                    }
                },
                None => units.push(vec![i]),
            }
        }
        // Each unit speaks through its main-language reports when it has any.
        let lang = |i: usize| &d.items[i].analysis.language;
        for unit in &mut units {
            if let Some(main) = self.main {
                if unit.iter().any(|&i| lang(i) == main) && unit.iter().any(|&i| lang(i) != main) {
                    unit.retain(|&i| lang(i) == main);
                }
            }
        }
        // Stems per unit (the union of its sentences'), counted once per unit.
        let mut units_with: FxHashMap<u64, u32> = FxHashMap::default();
        let mut seen: FxHashSet<u64> = FxHashSet::default();
        for unit in &units {
            seen.clear();
            for &i in unit {
                seen.extend(self.bags[i].iter().flatten().copied());
            }
            for &stem in &seen {
                *units_with.entry(stem).or_default() += 1;
            }
        }
        // Units per language (of a unit's first report): centrality is relative to them.
        let mut units_in: BTreeMap<&str, usize> = BTreeMap::new();
        for unit in &units {
            *units_in.entry(lang(unit[0]).as_str()).or_default() += 1;
        }
        let mut candidates: Vec<Candidate> = Vec::new();
        for (u, unit) in units.iter().enumerate() {
            let others = units_in[lang(unit[0]).as_str()].saturating_sub(1).max(1) as f32;
            let reports = d
                .story_of
                .get(unit[0])
                .copied()
                .flatten()
                .map_or(1, |s| d.stories[s].len());
            let story_bonus = STORY_WEIGHT * (reports as f32).ln();
            for &i in unit {
                for (j, bag) in self.bags[i].iter().enumerate() {
                    if bag.is_empty() {
                        continue;
                    }
                    let shared: u32 = bag.iter().map(|s| units_with[s] - 1).sum();
                    let centrality = shared as f32 / (bag.len() as f32).sqrt() / others;
                    let short = if bag.len() < MIN_STEMS { 0.5 } else { 1.0 };
                    let lead = LEAD_WEIGHT / (1 + j) as f32;
                    candidates.push(Candidate {
                        unit: u,
                        item: i,
                        sentence: j,
                        score: short * (centrality + lead + story_bonus),
                    });
                }
            }
        }
        // Best first; ties to the newer item (earlier in digest order), then earlier sentence.
        candidates.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.item.cmp(&b.item))
                .then(a.sentence.cmp(&b.sentence))
        });
        let mut picked: Vec<&Candidate> = Vec::new();
        let mut per_unit = vec![0usize; units.len()];
        let cap_passes = if units.len() >= size { 1 } else { MAX_PER_UNIT };
        for cap in 1..=cap_passes {
            for c in &candidates {
                if picked.len() >= size {
                    break;
                }
                if per_unit[c.unit] >= cap
                    || picked
                        .iter()
                        .any(|p| p.item == c.item && p.sentence == c.sentence)
                {
                    continue;
                }
                let bag = &self.bags[c.item][c.sentence];
                if picked
                    .iter()
                    .any(|p| near_duplicate(bag, &self.bags[p.item][p.sentence]))
                {
                    continue;
                }
                per_unit[c.unit] += 1;
                picked.push(c);
            }
        }
        let mut lines: Vec<BriefLine> = picked
            .iter()
            .enumerate()
            .map(|(rank, c)| BriefLine {
                item: c.item,
                sentence: c.sentence,
                rank,
            })
            .collect();
        // Oldest first: items are newest first, so a larger index is older (same date and
        // time included, as the digest orders them).
        lines.sort_by(|a, b| b.item.cmp(&a.item).then(a.sentence.cmp(&b.sentence)));
        lines
    }
}

/// Whether two sorted stem sets share [`DUPLICATE`] of the smaller one.
fn near_duplicate(a: &[u64], b: &[u64]) -> bool {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return false;
    }
    let (mut x, mut y, mut shared) = (0, 0, 0usize);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                x += 1;
                y += 1;
            }
        }
    }
    shared as f32 >= DUPLICATE * smaller as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{Analysis, StoryKeys};
    use crate::ingest::Article;
    use chrono::NaiveDate;

    /// An article about `partner` on February `day`, in `lang`, whose summary is `summary`.
    fn report(
        name: &str,
        day: u32,
        lang: &str,
        partner: &str,
        summary: &[&str],
    ) -> (Article, Analysis) {
        let mut article = Article::for_test(name, summary);
        article.source = format!("{name}.txt").into();
        article.date = NaiveDate::from_ymd_opt(2026, 2, day);
        let analysis = Analysis {
            language: Lang::parse(lang).unwrap(),
            partners: vec![PartnerId::parse(partner).unwrap()],
            mentioned: Vec::new(),
            summary: summary.iter().map(|s| s.to_string()).collect(),
            figures: Vec::new(),
            people: Vec::new(),
            agreements: Vec::new(),
            story_keys: StoryKeys::default(),
        };
        (article, analysis)
    }

    /// A digest of `reports` where the reports named in each of `stories` are one story.
    fn digest(reports: Vec<(Article, Analysis)>, stories: &[&[&str]]) -> Digest {
        let (mut digest, _) = super::super::assemble(reports);
        let index = |name: &str| {
            digest
                .items
                .iter()
                .position(|i| i.article.title == name)
                .unwrap()
        };
        digest.stories = stories
            .iter()
            .map(|names| {
                let mut members: Vec<usize> = names.iter().map(|n| index(n)).collect();
                members.sort();
                members
            })
            .collect();
        digest.story_of = vec![None; digest.items.len()];
        for (s, members) in digest.stories.iter().enumerate() {
            for &i in members {
                digest.story_of[i] = Some(s);
            }
        }
        digest
    }

    fn texts(digest: &Digest, brief: &[BriefLine]) -> Vec<String> {
        brief
            .iter()
            .map(|l| digest.items[l.item].analysis.summary[l.sentence].clone())
            .collect()
    }

    fn month() -> YearMonth {
        YearMonth {
            year: 2026,
            month: 2,
        }
    }

    fn us() -> PartnerId {
        PartnerId::parse("us").unwrap()
    }

    const GOR: &str = "Sergio Gor met President Sadyr Japarov in Bishkek to discuss the energy corridor and regional trade.";
    const GOR_2: &str =
        "Gor said the United States would support the CASA-1000 power line with new funding.";
    const GOR_UK: &str = "Серджіо Гор зустрівся з президентом Садиром Жапаровим у Бішкеку щодо енергетичного коридору.";
    const GOR_UK_2: &str =
        "Гор заявив, що Сполучені Штати підтримають лінію електропередачі CASA-1000.";
    const TRADE: &str = "Trade ministers agreed on the energy corridor tariffs and a regional trade committee in Washington.";
    const TRADE_2: &str =
        "The committee will meet every quarter to review tariffs on energy and trade.";
    const VISA: &str =
        "The embassy in Bishkek resumed issuing student visas after a pause of two months.";

    #[test]
    fn a_story_in_two_languages_counts_once_in_the_main_language() {
        let d = digest(
            vec![
                report("gor-en", 4, "en", "us", &[GOR, GOR_2]),
                report("gor-uk", 4, "uk", "us", &[GOR_UK, GOR_UK_2]),
                report("trade", 10, "en", "us", &[TRADE, TRADE_2]),
                report("visa", 20, "en", "us", &[VISA]),
            ],
            &[&["gor-en", "gor-uk"]],
        );
        let briefs = briefs(&d, 3);
        let brief = &briefs[&(us(), month())];
        let texts = texts(&d, brief);
        // One sentence per unit (three units, three sentences), none Ukrainian.
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts.iter().all(|t| t.is_ascii()), "{texts:?}");
        // In time order: the meeting (4th), trade (10th), visas (20th).
        assert!(texts[0].starts_with("Sergio Gor") || texts[0].starts_with("Gor said"));
        assert_eq!(texts[1], TRADE);
        assert_eq!(texts[2], VISA);
    }

    #[test]
    fn a_story_only_in_another_language_is_kept() {
        let d = digest(
            vec![
                report("gor-uk", 4, "uk", "us", &[GOR_UK, GOR_UK_2]),
                report("trade", 10, "en", "us", &[TRADE]),
                report("visa", 20, "en", "us", &[VISA]),
            ],
            &[],
        );
        let texts = texts(&d, &briefs(&d, 3)[&(us(), month())]);
        assert_eq!(texts, [GOR_UK, TRADE, VISA]);
    }

    #[test]
    fn a_unit_gives_one_sentence_unless_units_are_scarce() {
        let reports = vec![
            report("gor-en", 4, "en", "us", &[GOR, GOR_2]),
            report("trade", 10, "en", "us", &[TRADE, TRADE_2]),
        ];
        let d = digest(reports.clone(), &[]);
        // Two units, a brief of two: one each.
        let brief = &briefs(&d, 2)[&(us(), month())];
        let items: Vec<usize> = brief.iter().map(|l| l.item).collect();
        assert_ne!(items[0], items[1]);
        // A brief of four from two units: two each, no more.
        let brief = &briefs(&d, 4)[&(us(), month())];
        assert_eq!(brief.len(), 4);
        // Oldest first, and within an article in summary order.
        assert_eq!(texts(&d, brief), [GOR, GOR_2, TRADE, TRADE_2]);
        // Ranks are a permutation of 0..4.
        let mut ranks: Vec<usize> = brief.iter().map(|l| l.rank).collect();
        ranks.sort();
        assert_eq!(ranks, [0, 1, 2, 3]);
    }

    #[test]
    fn near_duplicates_from_other_outlets_are_dropped() {
        let copy = "Sergio Gor met President Sadyr Japarov in Bishkek on the energy corridor and regional trade.";
        let d = digest(
            vec![
                report("gor-en", 4, "en", "us", &[GOR]),
                // Another outlet, not clustered (say, a day too late), nearly the same words.
                report("gor-copy", 9, "en", "us", &[copy]),
                report("visa", 20, "en", "us", &[VISA]),
            ],
            &[],
        );
        let texts = texts(&d, &briefs(&d, 3)[&(us(), month())]);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.contains(&VISA.to_string()));
    }

    #[test]
    fn central_sentences_win_and_the_choice_is_deterministic() {
        let d = digest(
            vec![
                report("gor-en", 4, "en", "us", &[GOR, GOR_2]),
                report("trade", 10, "en", "us", &[TRADE, TRADE_2]),
                report("visa", 20, "en", "us", &[VISA]),
            ],
            &[],
        );
        let first = briefs(&d, 1);
        // The visa story shares nothing with the month; the energy corridor recurs.
        let best = texts(&d, &first[&(us(), month())]);
        assert_ne!(best, [VISA]);
        for _ in 0..3 {
            assert_eq!(briefs(&d, 1), first);
            assert_eq!(briefs(&d, 3), briefs(&d, 3));
        }
        assert!(briefs(&d, 0).is_empty());
    }

    #[test]
    fn the_main_language_is_the_most_common() {
        let d = digest(
            vec![
                report("a", 4, "uk", "us", &[GOR_UK]),
                report("b", 5, "en", "us", &[GOR]),
                report("c", 6, "uk", "us", &[GOR_UK_2]),
            ],
            &[],
        );
        assert_eq!(main_language(&d), Lang::parse("uk"));
        assert_eq!(main_language(&Digest::default()), None);
    }
}
