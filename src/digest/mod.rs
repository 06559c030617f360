//! Digest: analysed articles become the site model: articles newest first, grouped by
//! partner, by month and by both, with the cross-links every article page shows.
//!
//! This stage is global but cheap, so it runs sequentially except for the related-articles
//! search. Every order is explicit (date, then time, then slug, then source path) so output is
//! identical from run to run.

pub mod brief;
pub mod entities;
pub mod paging;
pub mod paths;
mod related;
pub mod stories;

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::analyse::{Analysis, PartnerId};
use crate::diag::Diagnostic;
use crate::ingest::Article;
pub use paths::{PageDir, SitePath, Slug, YearMonth};
pub use related::MAX_RELATED;

/// One article with its analysis and its place in the site.
#[derive(Debug, Clone)]
pub struct Item {
    /// The article as read.
    pub article: Article,
    /// What analysis made of it.
    pub analysis: Analysis,
    /// Unique slug.
    pub slug: Slug,
    /// Its page.
    pub dir: PageDir,
    /// Its month, when dated.
    pub month: Option<YearMonth>,
}

/// Neighbours of an item, as indexes into [`Digest::items`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    /// The next older dated article.
    pub older: Option<usize>,
    /// The next newer dated article.
    pub newer: Option<usize>,
    /// Per partner of the item: (partner, older, newer) within that partner.
    pub by_partner: Vec<(PartnerId, Option<usize>, Option<usize>)>,
    /// Related articles, most related first.
    pub related: Vec<usize>,
}

/// Related-article work of an earlier build: the lists, valid for a digest with the same
/// [`Digest::fingerprint`] (they depend on nothing but the items and their order), and each
/// item's words by item fingerprint.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RelatedMemo {
    /// The digest the lists were computed for.
    pub fingerprint: u128,
    /// Per item, its related items.
    pub lists: Vec<Vec<usize>>,
    /// Item fingerprint -> its words.
    pub bags: HashMap<u128, related::Bag>,
}

/// The whole site model.
#[derive(Debug, Clone, Default)]
pub struct Digest {
    /// Hash of the items' fingerprints in digest order (see [`assemble_incremental`]).
    pub fingerprint: u128,
    /// All items, newest first; undated ones last.
    pub items: Vec<Item>,
    /// Cross-links, parallel to `items`.
    pub links: Vec<Links>,
    /// Items per partner, newest first.
    pub by_partner: BTreeMap<PartnerId, Vec<usize>>,
    /// Items per month, newest first within the month.
    pub by_month: BTreeMap<YearMonth, Vec<usize>>,
    /// Items per partner and month.
    pub by_partner_month: BTreeMap<(PartnerId, YearMonth), Vec<usize>>,
    /// Items without a date.
    pub undated: Vec<usize>,
    /// Stories reported by two or more items (see [`stories`]), members newest first.
    pub stories: Vec<Vec<usize>>,
    /// Per item, its story (an index into `stories`), parallel to `items`.
    pub story_of: Vec<Option<usize>>,
}

/// Order, slug and group the analysed articles, and compute their links.
pub fn assemble(analysed: Vec<(Article, Analysis)>) -> (Digest, Vec<Diagnostic>) {
    let analysed = analysed.into_iter().map(|(a, b)| (a, b, 0)).collect();
    let (digest, diagnostics, _) = assemble_incremental(analysed, None);
    (digest, diagnostics)
}

/// [`assemble`] for incremental builds: each article comes with a fingerprint of everything
/// its item depends on, and the related lists of an earlier build are reused when the
/// digest's fingerprint shows nothing they depend on changed. Returns the memo to keep for
/// the next build.
pub fn assemble_incremental(
    analysed: Vec<(Article, Analysis, u128)>,
    memo: Option<RelatedMemo>,
) -> (Digest, Vec<Diagnostic>, RelatedMemo) {
    let mut diagnostics = Vec::new();
    let mut items: Vec<(Item, u128)> = analysed
        .into_iter()
        .map(|(article, analysis, fingerprint)| {
            let slug = Slug::from_text(&article.title);
            let dir = PageDir::article(article.date, &slug);
            let month = article.date.map(YearMonth::of);
            let item = Item {
                article,
                analysis,
                slug,
                dir,
                month,
            };
            (item, fingerprint)
        })
        .collect();
    items.sort_by(|(a, _), (b, _)| {
        let key = |i: &Item| {
            (
                i.article.date.is_none(),
                Reverse(i.article.date),
                Reverse(i.article.time),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.slug.cmp(&b.slug))
            .then_with(|| a.article.source.cmp(&b.article.source))
    });
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for (_, fingerprint) in &items {
        hasher.update(&fingerprint.to_le_bytes());
    }
    let (mut items, fingerprints): (Vec<Item>, Vec<u128>) = items.into_iter().unzip();
    make_unique(&mut items, &mut diagnostics);

    let mut digest = Digest {
        fingerprint: hasher.digest128(),
        ..Digest::default()
    };
    for (i, item) in items.iter().enumerate() {
        match item.month {
            Some(month) => {
                digest.by_month.entry(month).or_default().push(i);
                for partner in &item.analysis.partners {
                    digest
                        .by_partner_month
                        .entry((partner.clone(), month))
                        .or_default()
                        .push(i);
                }
            }
            None => digest.undated.push(i),
        }
        for partner in &item.analysis.partners {
            digest
                .by_partner
                .entry(partner.clone())
                .or_default()
                .push(i);
        }
    }

    let mut memo = memo.unwrap_or_default();
    let bags: Vec<related::Bag> = {
        let known: Vec<Option<related::Bag>> =
            fingerprints.iter().map(|f| memo.bags.remove(f)).collect();
        items
            .par_iter()
            .zip(known)
            .map(|(item, known)| {
                known.unwrap_or_else(|| related::bag(&item.article.title, &item.article.text()))
            })
            .collect()
    };
    let related = if memo.fingerprint == digest.fingerprint && memo.lists.len() == items.len() {
        std::mem::take(&mut memo.lists)
    } else {
        let profiles: Vec<related::Profile> = items
            .iter()
            .zip(&bags)
            .map(|(item, bag)| related::Profile {
                bag,
                partners: &item.analysis.partners,
            })
            .collect();
        related::related(&profiles, &digest.by_partner)
    };
    let memo = RelatedMemo {
        fingerprint: digest.fingerprint,
        lists: related.clone(),
        bags: fingerprints.into_iter().zip(bags).collect(),
    };
    // Position lookups per partner list, so links cost O(partners) per item.
    let mut positions: HashMap<(&PartnerId, usize), usize> = HashMap::new();
    for (partner, list) in &digest.by_partner {
        for (pos, &i) in list.iter().enumerate() {
            positions.insert((partner, i), pos);
        }
    }
    digest.links = items
        .iter()
        .enumerate()
        .zip(related)
        .map(|((i, item), related)| {
            // Dated items come first, newest first: neighbours in time are neighbours in `items`.
            let (older, newer) = match item.month {
                Some(_) => {
                    let older =
                        Some(i + 1).filter(|&j| j < items.len() && items[j].month.is_some());
                    (older, i.checked_sub(1))
                }
                None => (None, None),
            };
            let by_partner = item
                .analysis
                .partners
                .iter()
                .map(|p| {
                    let list = &digest.by_partner[p];
                    let pos = positions[&(p, i)];
                    if item.month.is_none() {
                        return (p.clone(), None, None);
                    }
                    let older = list
                        .get(pos + 1)
                        .copied()
                        .filter(|&j| items[j].month.is_some());
                    let newer = pos.checked_sub(1).map(|q| list[q]);
                    (p.clone(), older, newer)
                })
                .collect();
            Links {
                older,
                newer,
                by_partner,
                related,
            }
        })
        .collect();
    let reports: Vec<stories::Report> = items
        .iter()
        .map(|item| stories::Report {
            date: item.article.date,
            partners: &item.analysis.partners,
            keys: &item.analysis.story_keys,
        })
        .collect();
    (digest.story_of, digest.stories) = stories::cluster(&reports);
    digest.items = items;
    (digest, diagnostics, memo)
}

/// Two articles with the same date and headline: the first in source-path order keeps the
/// slug, the others get a suffix hashed from their own path (stable whatever else changes).
/// Six hex digits of FNV-1a: short, deterministic, and independent of the other articles.
fn short_hash(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{:06x}", hash & 0x00ff_ffff)
}

fn make_unique(items: &mut [Item], diagnostics: &mut Vec<Diagnostic>) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        groups
            .entry(item.dir.file().to_string())
            .or_default()
            .push(i);
    }
    for (_, mut members) in groups.into_iter().filter(|(_, m)| m.len() > 1) {
        members.sort_by(|&a, &b| items[a].article.source.cmp(&items[b].article.source));
        let first = items[members[0]].article.source.clone();
        for &i in members.iter().skip(1) {
            // The suffix comes from the article's own path, so it never shifts when other
            // namesakes come and go; a (vanishingly rare) collision takes the next hash.
            let mut seed = items[i].article.source.to_string_lossy().into_owned();
            let (slug, dir) = loop {
                let candidate = items[i].slug.with_suffix_text(&short_hash(&seed));
                let dir = PageDir::article(items[i].article.date, &candidate);
                if !items
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != i && other.dir == dir)
                {
                    break (candidate, dir);
                }
                seed.push('+');
            };
            items[i].slug = slug;
            items[i].dir = dir;
            let item = &items[i];
            diagnostics.push(
                Diagnostic::warning(
                    &item.article.source,
                    "duplicate-slug",
                    format!(
                        "same date and title as `{}`; published as `{}`",
                        first.display(),
                        item.dir.file()
                    ),
                )
                .with_hint("give one of them a different title if they are different articles"),
            );
        }
    }
}
