//! The digest as data: `digest.json` (everything the site shows, for notebooks and tools),
//! its JSON Schema `digest.schema.json`, and `articles.csv` (one row per article, for
//! spreadsheets).
//!
//! Analysts take the numbers elsewhere; scraping our HTML would tie them to a theme. The JSON
//! has a `schema_version` that changes only when a field is removed or changes meaning (added
//! fields keep it), ids that stay the same across builds (an article's id is its page folder),
//! and links relative to the site root, so the files work from `file://` and under any
//! sub-path like the pages. Output is deterministic: struct fields in a fixed order, lists in
//! digest order, maps as sorted arrays.

use serde::Serialize;

use crate::analyse::agreements::Agreement;
use crate::analyse::{Gazetteer, PartnerId, PartnerKind};
use crate::config::BuildOptions;
use crate::digest::entities::{self, PersonRecord};
use crate::digest::{Digest, Item, PageDir, SitePath};

use super::Page;

/// Bumped when a field is removed or changes meaning; new fields keep the version.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON Schema of `digest.json` (documented in the README; a test validates the sample
/// site's export against it).
pub const SCHEMA: &str = include_str!("../../docs/digest.schema.json");

/// File names at the site root.
pub const DIGEST_JSON: &str = "digest.json";
/// See [`DIGEST_JSON`].
pub const SCHEMA_JSON: &str = "digest.schema.json";
/// See [`DIGEST_JSON`].
pub const ARTICLES_CSV: &str = "articles.csv";

#[derive(Serialize)]
struct DigestJson<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    schema_version: u32,
    generator: &'static str,
    site: SiteJson<'a>,
    articles: Vec<ArticleJson<'a>>,
    partners: Vec<PartnerJson>,
    months: Vec<MonthJson>,
    people: Vec<PersonJson<'a>>,
}

#[derive(Serialize)]
struct SiteJson<'a> {
    title: &'a str,
    language: &'a str,
    base_url: &'a str,
    home_country: Option<&'a str>,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    id: &'a str,
    url: String,
    title: &'a str,
    date: Option<String>,
    time: Option<String>,
    month: Option<String>,
    source: String,
    source_name: Option<&'a str>,
    original_url: Option<&'a str>,
    language: String,
    partners: Vec<&'a str>,
    mentioned: Vec<&'a str>,
    summary: &'a [String],
    figures: Vec<&'a str>,
    agreements: Vec<AgreementJson<'a>>,
    people: Vec<ArticlePersonJson<'a>>,
}

#[derive(Serialize)]
struct AgreementJson<'a> {
    kind: &'a str,
    text: &'a str,
    subject: Option<&'a str>,
    parties: Option<&'a str>,
    status: &'static str,
}

#[derive(Serialize)]
struct RoleJson<'a> {
    title: &'a str,
    country: Option<&'a str>,
}

#[derive(Serialize)]
struct ArticlePersonJson<'a> {
    /// The site-wide person id (see `people`), when the person has a record.
    id: Option<&'a str>,
    name: &'a str,
    roles: Vec<RoleJson<'a>>,
    mentions: usize,
}

#[derive(Serialize)]
struct PartnerJson {
    id: String,
    name: String,
    kind: PartnerKind,
    /// The partner page; null for partners only ever mentioned (they have no page).
    url: Option<String>,
    articles: Vec<String>,
    mentioned_in: Vec<String>,
    months: Vec<PartnerMonthJson>,
}

#[derive(Serialize)]
struct PartnerMonthJson {
    month: String,
    url: String,
    articles: Vec<String>,
}

#[derive(Serialize)]
struct MonthJson {
    id: String,
    name: String,
    url: String,
    articles: Vec<String>,
}

#[derive(Serialize)]
struct PersonJson<'a> {
    id: &'a str,
    name: &'a str,
    names: &'a [String],
    roles: Vec<PersonRoleJson<'a>>,
    articles: Vec<String>,
    partners: Vec<&'a str>,
    first_seen: Option<String>,
    last_seen: Option<String>,
}

#[derive(Serialize)]
struct PersonRoleJson<'a> {
    title: &'a str,
    country: Option<&'a str>,
    first_seen: Option<String>,
    last_seen: Option<String>,
}

/// What the export needs besides the digest.
struct Site<'a> {
    title: &'a str,
    language: &'a str,
    base_url: &'a str,
    home: Option<&'a PartnerId>,
    pretty: bool,
}

/// The stable id of an item: its page folder without `articles/` (`2026-02-04-slug`).
pub fn article_id(item: &Item) -> &str {
    let dir = item.dir.as_str();
    dir.strip_prefix("articles/").unwrap_or(dir)
}

fn date(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn ids(list: &[PartnerId]) -> Vec<&str> {
    list.iter().map(PartnerId::as_str).collect()
}

fn agreement(a: &Agreement) -> AgreementJson<'_> {
    AgreementJson {
        kind: &a.kind,
        text: &a.text,
        subject: a.subject.as_deref(),
        parties: a.parties.as_deref(),
        status: a.status.as_str(),
    }
}

/// `digest.json`, `digest.schema.json` and `articles.csv`, unless site.toml says
/// `data_export = false`.
pub fn export(
    digest: &Digest,
    opts: &BuildOptions,
    gazetteer: &Gazetteer,
    home: Option<&PartnerId>,
) -> Vec<Page> {
    if !opts.config.data_export {
        return Vec::new();
    }
    let site = &Site {
        title: &opts.config.title,
        language: &opts.config.language,
        base_url: &opts.base_url,
        home,
        pretty: opts.config.pretty_urls,
    };
    let people = entities::people(digest);
    let json = digest_json(digest, gazetteer, site, &people);
    let csv = articles_csv(digest, site.pretty);
    let path = |p: &str| SitePath::new(p).expect("built-in path is valid");
    vec![
        Page::new(path(DIGEST_JSON), json.into_bytes()),
        Page::new(path(SCHEMA_JSON), SCHEMA.as_bytes().to_vec()),
        Page::new(path(ARTICLES_CSV), csv),
    ]
}

/// Per item, per person of its analysis: the site-wide record's id, if any.
fn person_ids<'p>(digest: &Digest, people: &'p [PersonRecord]) -> Vec<Vec<Option<&'p str>>> {
    digest
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            item.analysis
                .people
                .iter()
                .map(|p| {
                    people
                        .iter()
                        .find(|r| r.items.binary_search(&i).is_ok() && r.key.compatible(&p.key))
                        .map(|r| r.id.as_str())
                })
                .collect()
        })
        .collect()
}

fn digest_json(
    digest: &Digest,
    gazetteer: &Gazetteer,
    site: &Site,
    people: &[PersonRecord],
) -> String {
    let pretty = site.pretty;
    let item_ids: Vec<String> = digest
        .items
        .iter()
        .map(|i| article_id(i).to_owned())
        .collect();
    let list =
        |items: &[usize]| -> Vec<String> { items.iter().map(|&i| item_ids[i].clone()).collect() };
    let person_ids = person_ids(digest, people);
    let articles = digest
        .items
        .iter()
        .zip(&person_ids)
        .map(|(item, pids)| ArticleJson {
            id: article_id(item),
            url: item.dir.url(pretty),
            title: &item.article.title,
            date: date(item.article.date),
            time: item.article.time.map(|t| t.format("%H:%M").to_string()),
            month: item.month.map(|m| m.to_string()),
            source: item.article.source.to_string_lossy().replace('\\', "/"),
            source_name: item.article.source_name.as_deref(),
            original_url: item.article.url.as_deref(),
            language: item.analysis.language.to_string(),
            partners: ids(&item.analysis.partners),
            mentioned: ids(&item.analysis.mentioned),
            summary: &item.analysis.summary,
            figures: item
                .analysis
                .figures
                .iter()
                .map(|f| f.text.as_str())
                .collect(),
            agreements: item.analysis.agreements.iter().map(agreement).collect(),
            people: item
                .analysis
                .people
                .iter()
                .zip(pids)
                .map(|(p, id)| ArticlePersonJson {
                    id: *id,
                    name: &p.name,
                    roles: p
                        .roles
                        .iter()
                        .map(|r| RoleJson {
                            title: &r.title,
                            country: r.country.as_ref().map(PartnerId::as_str),
                        })
                        .collect(),
                    mentions: p.mentions,
                })
                .collect(),
        })
        .collect();

    // Every partner an article names, primary or mentioned, sorted by id.
    let mut mentioned_in: std::collections::BTreeMap<&PartnerId, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, item) in digest.items.iter().enumerate() {
        for p in &item.analysis.mentioned {
            mentioned_in.entry(p).or_default().push(i);
        }
    }
    let mut partner_ids: Vec<&PartnerId> = digest.by_partner.keys().collect();
    partner_ids.extend(mentioned_in.keys().copied());
    partner_ids.sort();
    partner_ids.dedup();
    let partners = partner_ids
        .into_iter()
        .map(|id| {
            let (name, kind) = match gazetteer.get(id) {
                Some(p) => (p.name.clone(), p.kind),
                None => (id.as_str().to_uppercase(), PartnerKind::Country),
            };
            let items = digest.by_partner.get(id);
            let months = digest
                .by_partner_month
                .iter()
                .filter(|((p, _), _)| p == id)
                .rev()
                .map(|((_, m), items)| PartnerMonthJson {
                    month: m.to_string(),
                    url: PageDir::partner_month(id.as_str(), m).url(pretty),
                    articles: list(items),
                })
                .collect();
            PartnerJson {
                id: id.to_string(),
                name,
                kind,
                url: items.map(|_| PageDir::partner(id.as_str()).url(pretty)),
                articles: items.map(|v| list(v)).unwrap_or_default(),
                mentioned_in: mentioned_in.get(id).map(|v| list(v)).unwrap_or_default(),
                months,
            }
        })
        .collect();
    let months = digest
        .by_month
        .iter()
        .rev()
        .map(|(m, items)| MonthJson {
            id: m.to_string(),
            name: m.name(),
            url: PageDir::month(m).url(pretty),
            articles: list(items),
        })
        .collect();
    let people_json = people
        .iter()
        .map(|p| PersonJson {
            id: p.id.as_str(),
            name: &p.name,
            names: &p.names,
            roles: p
                .roles
                .iter()
                .map(|r| PersonRoleJson {
                    title: &r.title,
                    country: r.country.as_ref().map(PartnerId::as_str),
                    first_seen: date(r.first),
                    last_seen: date(r.last),
                })
                .collect(),
            articles: list(&p.items),
            partners: ids(&p.partners),
            first_seen: date(p.first_seen),
            last_seen: date(p.last_seen),
        })
        .collect();
    let doc = DigestJson {
        schema: SCHEMA_JSON,
        schema_version: SCHEMA_VERSION,
        generator: super::GENERATOR,
        site: SiteJson {
            title: site.title,
            language: site.language,
            base_url: site.base_url,
            home_country: site.home.map(PartnerId::as_str),
        },
        articles,
        partners,
        months,
        people: people_json,
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("digest serialises");
    text.push('\n');
    text
}

/// Columns of `articles.csv`, in order.
pub const CSV_COLUMNS: [&str; 16] = [
    "id",
    "date",
    "title",
    "source_name",
    "language",
    "partners",
    "mentioned",
    "url",
    "original_url",
    "summary",
    "figures",
    "agreements",
    "agreements_signed",
    "people",
    "source",
    "month",
];

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
/// return that some programs skip before one) gets a leading apostrophe, which spreadsheets
/// read as "text". Analysts open this file in Excel or LibreOffice; an article title like
/// `=HYPERLINK(...)` must stay text.
pub fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn articles_csv(digest: &Digest, pretty: bool) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(CSV_COLUMNS).expect("writing to memory");
    for item in &digest.items {
        let a = &item.analysis;
        let signed = a
            .agreements
            .iter()
            .filter(|x| x.status == crate::analyse::agreements::Status::Signed)
            .count();
        let people: Vec<String> = a
            .people
            .iter()
            .map(|p| match p.roles.first() {
                Some(r) => format!("{} ({})", p.name, r.title),
                None => p.name.clone(),
            })
            .collect();
        let row: [String; 16] = [
            article_id(item).to_owned(),
            date(item.article.date).unwrap_or_default(),
            item.article.title.clone(),
            item.article.source_name.clone().unwrap_or_default(),
            a.language.to_string(),
            ids(&a.partners).join(";"),
            ids(&a.mentioned).join(";"),
            item.dir.url(pretty),
            item.article.url.clone().unwrap_or_default(),
            a.summary.join(" "),
            a.figures
                .iter()
                .map(|f| f.text.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            a.agreements
                .iter()
                .map(|x| format!("{} [{}]", x.text, x.status.as_str()))
                .collect::<Vec<_>>()
                .join("; "),
            signed.to_string(),
            people.join("; "),
            item.article.source.to_string_lossy().replace('\\', "/"),
            item.month.map(|m| m.to_string()).unwrap_or_default(),
        ];
        w.write_record(row.iter().map(|c| defuse(c).into_owned()))
            .expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_other_text_is_left_alone() {
        for bad in ["=1+1", "+7 996", "-2", "@SUM(A1)", "\t=x", "\r=x"] {
            assert!(defuse(bad).starts_with('\''), "{bad:?}");
        }
        for ok in ["Japarov meets Sharif", "2025-11-26", "", "'quoted", "1+1"] {
            assert_eq!(defuse(ok), ok);
        }
    }

    #[test]
    fn the_schema_is_valid_json_with_this_version() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).expect("schema parses");
        assert_eq!(
            schema["properties"]["schema_version"]["const"],
            serde_json::json!(SCHEMA_VERSION)
        );
    }
}
