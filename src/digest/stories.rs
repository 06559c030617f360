//! Story clusters: reports of one event, from several outlets and languages, become one story.
//!
//! Two articles are the same story when they are close in time, share a partner, and share
//! enough *particulars* (people and places matched across scripts, Latin codes, numbers: see
//! `analyse::story_keys`). The decision looks at the two articles only, never at corpus
//! statistics, so adding an unrelated article never changes an existing cluster; clusters are
//! the connected components of that relation, numbered in digest order, so they are
//! deterministic. Precision comes first: shared words prove nothing (they do not survive
//! translation anyway), and two meetings of the same presidents a week apart differ in their
//! particulars or their dates.

use chrono::NaiveDate;

use crate::analyse::{PartnerId, StoryKeys};

/// Reports more than this many days apart are different stories.
pub const MAX_DAYS_APART: i64 = 3;

/// Particulars two reports must share, at least one of them a name or code (numbers alone
/// coincide too easily).
pub const MIN_SHARED: usize = 3;

/// Or this many shared names and codes that are not well known (not a person in office or
/// an organisation the gazetteer lists, not a number): "Golosheikin" and "Sputnik" together
/// are rarer than "Biden", "NATO" and "100". Short notes name two or three things in all.
pub const MIN_SHARED_PARTICULAR: usize = 2;

/// Share of the smaller article's particulars that must be shared: long articles name many
/// things and share a few with anything.
pub const MIN_SHARED_FRACTION: f64 = 0.5;

/// Or this many shared particulars, whatever the articles' lengths: two long reports of one
/// event name a dozen things each, and half of a dozen is more than translation keeps.
pub const MANY_SHARED: usize = 6;

/// What clustering needs of one article.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// Publication date (undated articles are never clustered: time is half the evidence).
    pub date: Option<NaiveDate>,
    /// Partners the article is about.
    pub partners: &'a [PartnerId],
    /// Its particulars.
    pub keys: &'a StoryKeys,
}

/// Whether `a` and `b` report the same event.
pub fn same_story(a: &Report, b: &Report) -> bool {
    let (Some(da), Some(db)) = (a.date, b.date) else {
        return false;
    };
    if (da - db).num_days().abs() > MAX_DAYS_APART {
        return false;
    }
    // A report whose partners were not recognised (a science note naming no country, a
    // translation that says "the republic") can still be one story with one that names them.
    let partners_meet = a.partners.iter().any(|p| b.partners.contains(p))
        || a.partners.is_empty()
        || b.partners.is_empty();
    if !partners_meet {
        return false;
    }
    let (mut shared, mut named, mut particular) = (0usize, false, 0usize);
    for key in a.keys.shared(b.keys) {
        shared += 1;
        named |= !key.starts_with('d');
        particular += usize::from(key.starts_with(['n', 'c']));
    }
    let smaller = a.keys.len().min(b.keys.len()).max(1);
    // A short note whose every particular (two or more, one of them an unlisted name or
    // code) is in the other report says nothing the other does not.
    let contained = shared == smaller && shared >= 2 && particular >= 1;
    let enough = shared >= MIN_SHARED || particular >= MIN_SHARED_PARTICULAR || contained;
    let proportionate =
        shared as f64 >= smaller as f64 * MIN_SHARED_FRACTION || shared >= MANY_SHARED;
    named && enough && proportionate
}

/// Cluster `reports` (in digest order: newest first). Returns each article's story (an index
/// into the second value), and the stories of two or more articles, members in digest order,
/// stories ordered by their first member.
pub fn cluster(reports: &[Report]) -> (Vec<Option<usize>>, Vec<Vec<usize>>) {
    let n = reports.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // Candidates: articles within the date window, found by walking the list sorted by date.
    let mut by_date: Vec<(NaiveDate, usize)> = reports
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.date.map(|d| (d, i)))
        .collect();
    by_date.sort();
    let pairs: Vec<(usize, usize)> = {
        use rayon::prelude::*;
        (0..by_date.len())
            .into_par_iter()
            .flat_map_iter(|x| {
                let (date, i) = by_date[x];
                by_date[x + 1..]
                    .iter()
                    .take_while(move |(d, _)| (*d - date).num_days() <= MAX_DAYS_APART)
                    .filter(move |(_, j)| same_story(&reports[i], &reports[*j]))
                    .map(move |&(_, j)| (i.min(j), i.max(j)))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    for (i, j) in pairs {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri != rj {
            // The earlier article in digest order is the root: stable whatever the pair order.
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        members.entry(root).or_default().push(i);
    }
    let stories: Vec<Vec<usize>> = members.into_values().filter(|m| m.len() > 1).collect();
    let mut story_of = vec![None; n];
    for (s, list) in stories.iter().enumerate() {
        for &i in list {
            story_of[i] = Some(s);
        }
    }
    (story_of, stories)
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod eval;

#[cfg(test)]
mod cost;

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(list: &[&str]) -> StoryKeys {
        let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        v.sort();
        StoryKeys(v)
    }

    fn date(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 2, d)
    }

    #[test]
    fn close_in_time_shared_partner_and_particulars_make_one_story() {
        let us = [PartnerId::parse("us").unwrap()];
        let ru = [PartnerId::parse("ru").unwrap()];
        let gor = keys(&["ngr", "nsdr", "njprv", "kb5+1", "d110"]);
        let gor_uk = keys(&["ngr", "nsdr", "njprv", "kb5+1", "nbshk"]);
        let other = keys(&["ngr", "nptn", "d110", "nmskw"]);
        let reports = [
            Report {
                date: date(5),
                partners: &us,
                keys: &gor,
            },
            Report {
                date: date(4),
                partners: &us,
                keys: &gor_uk,
            },
            // Same particulars, a week later: another meeting.
            Report {
                date: date(12),
                partners: &us,
                keys: &gor,
            },
            // Same days, another partner.
            Report {
                date: date(4),
                partners: &ru,
                keys: &gor,
            },
            // Same partner and days, too little in common.
            Report {
                date: date(5),
                partners: &us,
                keys: &other,
            },
            // Undated: never clustered.
            Report {
                date: None,
                partners: &us,
                keys: &gor,
            },
        ];
        let (story_of, stories) = cluster(&reports);
        assert_eq!(stories, vec![vec![0, 1]]);
        assert_eq!(story_of, [Some(0), Some(0), None, None, None, None]);
    }

    #[test]
    fn numbers_alone_are_not_enough() {
        let ru = [PartnerId::parse("ru").unwrap()];
        let a = keys(&["d110", "d1800", "d3.5", "nx1"]);
        let b = keys(&["d110", "d1800", "d3.5", "nx2"]);
        let r = |k| Report {
            date: date(1),
            partners: &ru,
            keys: k,
        };
        assert!(!same_story(&r(&a), &r(&b)));
    }

    #[test]
    fn two_unlisted_names_suffice_but_well_known_ones_do_not() {
        let ru = [PartnerId::parse("ru").unwrap()];
        let r = |k| Report {
            date: date(1),
            partners: &ru,
            keys: k,
        };
        // A short note on one scientist's interview: two rare names, little else.
        let note_ru = keys(&["nglSkn", "nsptnk", "naltsJmr"]);
        let note_en = keys(&["nglSkn", "nsptnk", "nalJmr", "nblJ"]);
        assert!(same_story(&r(&note_ru), &r(&note_en)));
        // Two reports naming the same leader and organisation: any week's news.
        let a = keys(&["kbdn", "knato", "nx1"]);
        let b = keys(&["kbdn", "knato", "nx2"]);
        assert!(!same_story(&r(&a), &r(&b)));
        // One rare name is not a story, however short the notes.
        let c = keys(&["nrskCstv"]);
        assert!(!same_story(&r(&c), &r(&c.clone())));
    }

    #[test]
    fn a_note_contained_in_a_report_and_long_reports_sharing_many_are_one_story() {
        let india = [PartnerId::parse("in").unwrap()];
        let r = |k| Report {
            date: date(1),
            partners: &india,
            keys: k,
        };
        // A two-particular note (a leader and a rare name) wholly inside a longer report.
        let note = keys(&["kin@2014-05-26", "ntvtr"]);
        let report = keys(&["kin@2014-05-26", "ntvtr", "nbtkn"]);
        assert!(same_story(&r(&note), &r(&report)));
        // Not when the note's only name is a well-known one.
        let known_only = keys(&["kin@2014-05-26", "knato"]);
        let other = keys(&["kin@2014-05-26", "knato", "nbtkn"]);
        assert!(!same_story(&r(&known_only), &r(&other)));
        // Two long reports sharing six particulars, under half of the smaller's thirteen.
        let shared = ["kun", "nad", "naskr", "nast", "nkvlnk", "nskrv"];
        let mut a: Vec<&str> = shared.to_vec();
        a.extend(["nx1", "nx2", "nx3", "nx4", "nx5", "nx6", "nx7"]);
        let mut b: Vec<&str> = shared.to_vec();
        b.extend(["ny1", "ny2", "ny3", "ny4", "ny5", "ny6", "ny7", "ny8"]);
        let (ka, kb) = (keys(&a), keys(&b));
        assert!(same_story(&r(&ka), &r(&kb)));
        // Five of them are not enough at that length.
        let (ka5, kb5) = (keys(&a[1..]), keys(&b[1..]));
        assert!(!same_story(&r(&ka5), &r(&kb5)));
    }

    #[test]
    fn a_report_without_recognised_partners_can_join_one_with_them() {
        let ru = [PartnerId::parse("ru").unwrap()];
        let us = [PartnerId::parse("us").unwrap()];
        let k = keys(&["na", "nb", "nc"]);
        let r = |partners| Report {
            date: date(1),
            partners,
            keys: &k,
        };
        assert!(same_story(&r(&[]), &r(&ru)));
        assert!(!same_story(&r(&us), &r(&ru)));
    }

    #[test]
    fn clusters_do_not_depend_on_unrelated_articles() {
        let ru = [PartnerId::parse("ru").unwrap()];
        let a = keys(&["na", "nb", "nc", "nd"]);
        let unrelated = keys(&["nx", "ny", "nz"]);
        let base = vec![
            Report {
                date: date(1),
                partners: &ru,
                keys: &a,
            },
            Report {
                date: date(2),
                partners: &ru,
                keys: &a,
            },
        ];
        let (_, before) = cluster(&base);
        let mut more = vec![Report {
            date: date(1),
            partners: &ru,
            keys: &unrelated,
        }];
        more.extend(base.iter().copied());
        let (_, after) = cluster(&more);
        assert_eq!(before, vec![vec![0, 1]]);
        assert_eq!(after, vec![vec![1, 2]]);
    }
}
