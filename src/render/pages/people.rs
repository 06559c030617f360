//! People and documents across the digest: a page per person (roles over time, articles,
//! partners, first and last seen), the people index, and the site-wide list of agreements,
//! signed, planned or discussed, by partner. The records come from `digest::entities`; only
//! people worth a page get one (`PersonRecord::has_page`: precision over recall).

use serde::Serialize;

use crate::analyse::agreements::Status;
use crate::digest::entities::{AgreementRef, PersonRecord};
use crate::digest::{Digest, PageDir};
use crate::render::context::{ArticleLink, PartnerLink, Views};
use crate::render::Renderer;

/// The people and documents of a digest, computed once per render.
pub(crate) struct Entities {
    /// People with a page, sorted by id.
    pub people: Vec<PersonRecord>,
    /// Per item, the people (indexes into `people`) it names.
    pub by_item: Vec<Vec<usize>>,
    /// Per partner, its documents, newest article first.
    pub agreements: std::collections::BTreeMap<crate::analyse::PartnerId, Vec<AgreementRef>>,
}

impl Entities {
    pub fn new(digest: &Digest) -> Entities {
        let people: Vec<PersonRecord> = crate::digest::entities::people(digest)
            .into_iter()
            .filter(PersonRecord::has_page)
            .collect();
        let mut by_item = vec![Vec::new(); digest.items.len()];
        for (p, person) in people.iter().enumerate() {
            for &i in &person.items {
                by_item[i].push(p);
            }
        }
        Entities {
            people,
            by_item,
            agreements: crate::digest::entities::agreements_by_partner(digest),
        }
    }
}

/// A link to a person's page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PersonLink {
    pub name: String,
    pub url: String,
    /// Their latest role, as written ("Special Envoy for South and Central Asia").
    pub role: Option<String>,
    pub articles: usize,
}

/// A document as listed on partner and agreements pages.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AgreementView {
    pub text: String,
    pub kind: String,
    pub status: &'static str,
    pub parties: Option<String>,
    pub article: ArticleLink,
}

#[derive(Serialize)]
pub(crate) struct RoleView {
    title: String,
    country: Option<PartnerLink>,
    first: Option<String>,
    last: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct PersonData {
    name: String,
    names: Vec<String>,
    roles: Vec<RoleView>,
    articles: Vec<ArticleLink>,
    partners: Vec<PartnerLink>,
    first_seen: Option<String>,
    last_seen: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct PeopleData {
    people: Vec<PersonLink>,
}

#[derive(Serialize)]
pub(crate) struct PartnerAgreements {
    partner: PartnerLink,
    agreements: Vec<AgreementView>,
}

#[derive(Serialize)]
pub(crate) struct AgreementsData {
    partners: Vec<PartnerAgreements>,
    count: usize,
}

pub(crate) fn person_link(person: &PersonRecord, v: &Views) -> PersonLink {
    PersonLink {
        name: person.name.clone(),
        url: PageDir::person(&person.id.to_string()).url(v.pretty),
        // The latest role written in Latin script where there is one (the default theme's
        // pages are in English), else the latest as written.
        role: person
            .roles
            .iter()
            .rev()
            .find(|r| {
                !r.title
                    .chars()
                    .any(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
            })
            .or(person.roles.last())
            .map(|r| r.title.clone()),
        articles: person.items.len(),
    }
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Signed => "signed",
        Status::Planned => "planned",
        Status::Discussed => "discussed",
    }
}

/// The documents `refs` point at, as views.
pub(crate) fn agreement_views(d: &Digest, v: &Views, refs: &[AgreementRef]) -> Vec<AgreementView> {
    refs.iter()
        .map(|&(i, k)| {
            let a = &d.items[i].analysis.agreements[k];
            AgreementView {
                text: a.text.clone(),
                kind: a.kind.clone(),
                status: status_word(a.status),
                parties: a.parties.clone(),
                article: v.links[i].clone(),
            }
        })
        .collect()
}

impl Renderer<'_> {
    pub(crate) fn person_data(&self, p: usize) -> PersonData {
        let v = &self.views;
        let person = &self.entities.people[p];
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
        PersonData {
            name: person.name.clone(),
            names: person
                .names
                .iter()
                .filter(|n| **n != person.name)
                .cloned()
                .collect(),
            roles: person
                .roles
                .iter()
                .map(|r| RoleView {
                    title: r.title.clone(),
                    country: r.country.as_ref().and_then(|c| v.partners.get(c).cloned()),
                    first: date(r.first),
                    last: date(r.last),
                })
                .collect(),
            articles: person.items.iter().map(|&i| v.links[i].clone()).collect(),
            partners: v.partner_links(&person.partners),
            first_seen: date(person.first_seen),
            last_seen: date(person.last_seen),
        }
    }

    pub(crate) fn people_data(&self) -> PeopleData {
        let v = &self.views;
        let mut people: Vec<PersonLink> = self
            .entities
            .people
            .iter()
            .map(|p| person_link(p, v))
            .collect();
        people.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.name.cmp(&b.name))
        });
        PeopleData { people }
    }

    /// The people with pages named in `partner`'s articles, most of them first.
    pub(crate) fn partner_people(&self, partner: &crate::analyse::PartnerId) -> Vec<PersonLink> {
        let v = &self.views;
        let Some(items) = self.digest.by_partner.get(partner) else {
            return Vec::new();
        };
        let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
        for &i in items {
            for &p in &self.entities.by_item[i] {
                *counts.entry(p).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .map(|(p, _)| person_link(&self.entities.people[p], v))
            .collect()
    }

    pub(crate) fn agreements_data(&self) -> AgreementsData {
        let (d, v) = (self.digest, &self.views);
        let partners: Vec<PartnerAgreements> = self
            .entities
            .agreements
            .iter()
            .filter_map(|(id, refs)| {
                Some(PartnerAgreements {
                    partner: v.partners.get(id)?.clone(),
                    agreements: agreement_views(d, v, refs),
                })
            })
            .collect();
        let count = d.items.iter().map(|i| i.analysis.agreements.len()).sum();
        AgreementsData { partners, count }
    }
}
