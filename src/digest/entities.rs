//! Who and what across the whole digest: people merged across articles, scripts and name forms
//! into one record each, and the documents gathered per partner.
//!
//! Analysis finds people and agreements one article at a time; an analyst asks across
//! articles ("everything we signed with Russia", "every time Sergio Gor appears"). These are
//! the site-wide views `digest.json` exports and person and partner pages can show. Names are
//! compared only through [`crate::analyse::names`], the one place that decides whether two
//! spellings name the same person.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Digest, Slug};
use crate::analyse::names::{self, NameKey};
use crate::analyse::PartnerId;

/// A role as seen across articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleSeen {
    /// The title as written.
    pub title: String,
    /// The country or organisation the title names.
    pub country: Option<PartnerId>,
    /// First and last article date it was seen with.
    pub first: Option<NaiveDate>,
    /// See `first`.
    pub last: Option<NaiveDate>,
}

/// One person across the digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRecord {
    /// Stable ASCII id (the slug of the display name, made unique).
    pub id: Slug,
    /// Display name: the fullest form, Latin script preferred.
    pub name: String,
    /// Every form the name was written in, sorted.
    pub names: Vec<String>,
    /// The cross-script key.
    pub key: NameKey,
    /// Roles, in order of first appearance (oldest first), without repeats.
    pub roles: Vec<RoleSeen>,
    /// Items naming the person, in digest order (newest first).
    pub items: Vec<usize>,
    /// Partners of those items, sorted.
    pub partners: Vec<PartnerId>,
    /// Date of the oldest dated item.
    pub first_seen: Option<NaiveDate>,
    /// Date of the newest dated item.
    pub last_seen: Option<NaiveDate>,
}

impl PersonRecord {
    /// Whether the person deserves a page of their own: a full name (given name and surname)
    /// seen with a role, or seen in more than one article. A surname alone seen once is too
    /// weak to publish.
    pub fn has_page(&self) -> bool {
        self.key.0.len() >= 2 && (!self.roles.is_empty() || self.items.len() >= 2)
    }
}

/// Every person of the digest, merged: full names by equal key; a surname-only mention joins
/// the one full name it is compatible with (and stays apart when there are several). Sorted by
/// id.
pub fn people(digest: &Digest) -> Vec<PersonRecord> {
    struct Draft {
        key: NameKey,
        names: Vec<String>,
        roles: Vec<RoleSeen>,
        items: Vec<usize>,
    }
    fn add(
        draft: &mut Draft,
        name: &str,
        roles: &[crate::analyse::people::Role],
        item: usize,
        date: Option<NaiveDate>,
    ) {
        if !draft.names.iter().any(|n| n == name) {
            draft.names.push(name.to_owned());
        }
        if !draft.items.contains(&item) {
            draft.items.push(item);
        }
        for role in roles {
            match draft
                .roles
                .iter_mut()
                .find(|r| r.title == role.title && r.country == role.country)
            {
                Some(seen) => {
                    seen.first = min_date(seen.first, date);
                    seen.last = max_date(seen.last, date);
                }
                None => draft.roles.push(RoleSeen {
                    title: role.title.clone(),
                    country: role.country.clone(),
                    first: date,
                    last: date,
                }),
            }
        }
    }

    let mut drafts: Vec<Draft> = Vec::new();
    let mut lone = Vec::new();
    // Oldest first, so roles come in the order they were first held.
    for (i, item) in digest.items.iter().enumerate().rev() {
        let date = item.article.date;
        for person in &item.analysis.people {
            if person.key.0.len() < 2 {
                lone.push((i, date, person));
                continue;
            }
            match drafts.iter_mut().find(|d| d.key == person.key) {
                Some(d) => add(d, &person.name, &person.roles, i, date),
                None => {
                    let mut d = Draft {
                        key: person.key.clone(),
                        names: Vec::new(),
                        roles: Vec::new(),
                        items: Vec::new(),
                    };
                    add(&mut d, &person.name, &person.roles, i, date);
                    drafts.push(d);
                }
            }
        }
    }
    for (i, date, person) in lone {
        let fits: Vec<usize> = (0..drafts.len())
            .filter(|&d| drafts[d].key.compatible(&person.key))
            .collect();
        match fits.as_slice() {
            [d] => add(&mut drafts[*d], &person.name, &person.roles, i, date),
            [] => match drafts.iter_mut().find(|d| d.key == person.key) {
                Some(d) => add(d, &person.name, &person.roles, i, date),
                None => {
                    let mut d = Draft {
                        key: person.key.clone(),
                        names: Vec::new(),
                        roles: Vec::new(),
                        items: Vec::new(),
                    };
                    add(&mut d, &person.name, &person.roles, i, date);
                    drafts.push(d);
                }
            },
            // Ambiguous: two people share the surname; attach to neither.
            _ => {}
        }
    }

    let mut records: Vec<PersonRecord> = drafts
        .into_iter()
        .map(|mut d| {
            d.items.sort_unstable();
            d.names.sort();
            let name = display_name(&d.names);
            let dates: Vec<NaiveDate> = d
                .items
                .iter()
                .filter_map(|&i| digest.items[i].article.date)
                .collect();
            let mut partners: Vec<PartnerId> = d
                .items
                .iter()
                .flat_map(|&i| digest.items[i].analysis.partners.iter().cloned())
                .collect();
            partners.sort();
            partners.dedup();
            PersonRecord {
                id: Slug::from_text(&name),
                name,
                names: d.names,
                key: d.key,
                roles: d.roles,
                partners,
                first_seen: dates.iter().min().copied(),
                last_seen: dates.iter().max().copied(),
                items: d.items,
            }
        })
        .collect();
    // Unique ids: on a clash, the record with the smaller key keeps the bare slug.
    records.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.key.cmp(&b.key)));
    let mut seen: BTreeMap<Slug, usize> = BTreeMap::new();
    for r in &mut records {
        let n = seen.entry(r.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            r.id = r.id.with_suffix_text(&n.to_string());
        }
    }
    records.sort_by(|a, b| a.id.cmp(&b.id));
    records
}

/// The name to show: most words first, then a Latin-script form, then the first in order.
fn display_name(names: &[String]) -> String {
    names
        .iter()
        .max_by(|a, b| {
            let words = |s: &str| s.split_whitespace().count();
            words(a)
                .cmp(&words(b))
                .then_with(|| names::is_cyrillic(b).cmp(&names::is_cyrillic(a)))
                .then_with(|| b.cmp(a))
        })
        .cloned()
        .unwrap_or_default()
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    a.max(b)
}

/// A document in the digest: item index and position in that item's agreements.
pub type AgreementRef = (usize, usize);

/// The documents of the items filed under each partner, newest item first (article order
/// within an item).
pub fn agreements_by_partner(digest: &Digest) -> BTreeMap<PartnerId, Vec<AgreementRef>> {
    let mut out: BTreeMap<PartnerId, Vec<AgreementRef>> = BTreeMap::new();
    for (partner, items) in &digest.by_partner {
        let refs: Vec<AgreementRef> = items
            .iter()
            .flat_map(|&i| (0..digest.items[i].analysis.agreements.len()).map(move |k| (i, k)))
            .collect();
        if !refs.is_empty() {
            out.insert(partner.clone(), refs);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::people::{Person, Role};
    use crate::analyse::Analysis;
    use crate::ingest::Article;

    fn analysed(
        title: &str,
        date: &str,
        partners: &[&str],
        people: &[(&str, &str)],
    ) -> (Article, Analysis) {
        let mut article = Article::for_test(title, &["Text."]);
        article.date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        article.source = format!("content/{title}.txt").into();
        let analysis = Analysis {
            language: crate::analyse::Lang::parse("en").unwrap(),
            partners: partners
                .iter()
                .map(|p| PartnerId::parse(p).unwrap())
                .collect(),
            mentioned: Vec::new(),
            summary: Vec::new(),
            figures: Vec::new(),
            people: people
                .iter()
                .map(|(name, role)| Person {
                    name: (*name).into(),
                    key: names::key(name),
                    roles: if role.is_empty() {
                        Vec::new()
                    } else {
                        vec![Role {
                            title: (*role).into(),
                            country: None,
                        }]
                    },
                    mentions: 1,
                })
                .collect(),
            agreements: Vec::new(),
            story_keys: Default::default(),
        };
        (article, analysis)
    }

    #[test]
    fn one_record_per_person_across_scripts_and_forms() {
        let (digest, _) = super::super::assemble(vec![
            analysed(
                "a",
                "2025-11-26",
                &["us"],
                &[("Sergio Gor", "Special Envoy")],
            ),
            analysed(
                "b",
                "2025-12-04",
                &["us"],
                &[("Серджіо Гор", "посол"), ("Садир Жапаров", "президент")],
            ),
            analysed("c", "2025-12-05", &["ru"], &[("Japarov", "President")]),
        ]);
        let people = people(&digest);
        let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["sadir-zhaparov", "sergio-gor"], "{people:?}");
        let gor = &people[1];
        assert_eq!(gor.name, "Sergio Gor");
        assert_eq!(gor.names, ["Sergio Gor", "Серджіо Гор"]);
        assert_eq!(gor.items.len(), 2);
        assert_eq!(gor.roles[0].title, "Special Envoy", "oldest role first");
        assert_eq!(gor.first_seen.unwrap().to_string(), "2025-11-26");
        assert_eq!(gor.last_seen.unwrap().to_string(), "2025-12-04");
        // The surname-only mention joined the full name, with its role.
        let japarov = &people[0];
        assert_eq!(japarov.items.len(), 2);
        assert_eq!(
            japarov
                .partners
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>(),
            ["ru", "us"]
        );
        assert!(japarov.has_page() && gor.has_page());
    }

    #[test]
    fn agreements_are_gathered_under_each_partner_newest_first() {
        use crate::analyse::agreements::{Agreement, Status};
        let doc = |text: &str| Agreement {
            kind: "memorandum".into(),
            text: text.into(),
            subject: None,
            parties: None,
            status: Status::Signed,
        };
        let mut old = analysed("old", "2025-10-01", &["ru"], &[]);
        old.1.agreements = vec![doc("A memorandum on cardiology")];
        let mut new = analysed("new", "2025-11-26", &["ru", "by"], &[]);
        new.1.agreements = vec![doc("A protocol"), doc("An agreement on post")];
        let plain = analysed("plain", "2025-11-27", &["us"], &[]);
        let (digest, _) = super::super::assemble(vec![old, new, plain]);
        let by = agreements_by_partner(&digest);
        let texts = |p: &str| -> Vec<&str> {
            by[&PartnerId::parse(p).unwrap()]
                .iter()
                .map(|&(i, k)| digest.items[i].analysis.agreements[k].text.as_str())
                .collect()
        };
        assert_eq!(
            texts("ru"),
            [
                "A protocol",
                "An agreement on post",
                "A memorandum on cardiology"
            ]
        );
        assert_eq!(texts("by"), ["A protocol", "An agreement on post"]);
        assert!(!by.contains_key(&PartnerId::parse("us").unwrap()));
    }

    #[test]
    fn an_ambiguous_surname_joins_nobody_and_a_lone_surname_gets_no_page() {
        let (digest, _) = super::super::assemble(vec![
            analysed(
                "a",
                "2025-11-26",
                &[],
                &[("John Smith", "Minister"), ("Jane Smith", "Ambassador")],
            ),
            analysed(
                "b",
                "2025-11-27",
                &[],
                &[("Smith", "Senator"), ("Kapur", "Secretary")],
            ),
        ]);
        let people = people(&digest);
        let smiths: Vec<&PersonRecord> = people
            .iter()
            .filter(|p| p.name.ends_with("Smith"))
            .collect();
        assert_eq!(smiths.len(), 2, "{people:?}");
        assert!(smiths.iter().all(|p| p.items.len() == 1));
        let kapur = people.iter().find(|p| p.name == "Kapur").unwrap();
        assert!(!kapur.has_page());
    }
}
