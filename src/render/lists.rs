//! What list pages list: every article, but each *story* once.
//!
//! Reports of one event from several outlets or languages (`digest::stories`) would fill a
//! list with the same news two or three times. A list keeps the first (newest) report of each
//! story it holds and drops the later ones; the card of the kept report names the others
//! ("Also: Kabar, in Russian"), and every report keeps its own article page. Paging counts
//! these lists, so page numbers and links agree with what is shown.

use std::collections::BTreeMap;

use crate::analyse::PartnerId;
use crate::digest::{Digest, YearMonth};

/// The story-once lists of a digest, in digest order.
#[derive(Debug, Default)]
pub struct Lists {
    /// The home page's list (the whole digest).
    pub home: Vec<usize>,
    /// Per partner.
    pub partner: BTreeMap<PartnerId, Vec<usize>>,
    /// Per partner and month.
    pub partner_month: BTreeMap<(PartnerId, YearMonth), Vec<usize>>,
    /// Per month.
    pub month: BTreeMap<YearMonth, Vec<usize>>,
    /// Undated articles (never grouped: they are listed as they are).
    pub undated: Vec<usize>,
}

impl Lists {
    /// The lists of `digest`.
    pub fn new(digest: &Digest) -> Lists {
        let story_of = &digest.story_of;
        let all: Vec<usize> = (0..digest.items.len()).collect();
        Lists {
            home: once(&all, story_of),
            partner: digest
                .by_partner
                .iter()
                .map(|(k, l)| (k.clone(), once(l, story_of)))
                .collect(),
            partner_month: digest
                .by_partner_month
                .iter()
                .map(|(k, l)| (k.clone(), once(l, story_of)))
                .collect(),
            month: digest
                .by_month
                .iter()
                .map(|(k, l)| (*k, once(l, story_of)))
                .collect(),
            undated: digest.undated.clone(),
        }
    }
}

/// `list` without the reports of a story already listed earlier in it.
fn once(list: &[usize], story_of: &[Option<usize>]) -> Vec<usize> {
    let mut seen = std::collections::HashSet::new();
    list.iter()
        .copied()
        .filter(|&i| match story_of.get(i).copied().flatten() {
            Some(story) => seen.insert(story),
            None => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_is_listed_once_at_its_newest_report() {
        let story_of = [None, Some(0), None, Some(0), Some(1), Some(1)];
        assert_eq!(once(&[0, 1, 2, 3, 4, 5], &story_of), [0, 1, 2, 4]);
        // In a list holding only the older report, that report stands for the story.
        assert_eq!(once(&[2, 3], &story_of), [2, 3]);
    }
}
