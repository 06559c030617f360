//! Template views: the typed values each template receives (see `themes/default/CONTEXT.md`).
//!
//! Views are built once per item/partner/month and shared by every page that shows them. All
//! `url` fields are site-relative; templates prefix them with `root`, the way back to the site
//! root from the page being rendered, so every link is relative.

use serde::Serialize;

use crate::analyse::{Gazetteer, PartnerId, PartnerKind};
use crate::digest::{paging, Digest, Item, PageDir, YearMonth};

/// `site` in every template.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub language: String,
    pub base_url: String,
    /// Path part of `base_url` (`/repo/`), for the 404 page.
    pub base_path: String,
    pub home_country: Option<HomeView>,
    pub extra: toml::Table,
    /// Whether `digest.json` and `articles.csv` are written (the footer links them).
    pub data_export: bool,
}

/// The home country.
#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    pub id: String,
    pub name: String,
}

/// `page` in every template.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub kind: &'static str,
    pub title: String,
    pub lang: String,
    pub canonical: String,
}

/// `nav` in every template.
#[derive(Debug, Clone, Serialize)]
pub struct NavView {
    pub home: String,
    pub partners: String,
    pub months: String,
    pub search: String,
    pub feed: String,
    /// The people index, when anyone has a page.
    pub people: Option<String>,
    /// The agreements page, when any document was found.
    pub agreements: Option<String>,
}

/// A link to a partner page.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerLink {
    pub id: String,
    pub name: String,
    pub kind: PartnerKind,
    pub url: String,
    pub count: usize,
}

/// A link to a month page.
#[derive(Debug, Clone, Serialize)]
pub struct MonthLink {
    pub id: String,
    pub name: String,
    pub url: String,
    pub count: usize,
}

/// A link to an article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleLink {
    pub title: String,
    pub url: String,
    pub date: Option<String>,
    pub date_display: String,
    pub lang: String,
}

/// An article in a list: headline link, meta line (date, source, language), a one-sentence
/// dek that never repeats the headline, and partner chips.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCard {
    #[serde(flatten)]
    pub link: ArticleLink,
    pub source_name: Option<String>,
    pub language_name: String,
    /// The whole summary (for the search index and custom themes).
    pub summary: Vec<String>,
    /// The first summary sentence that is not the headline again.
    pub dek: Option<String>,
    pub partners: Vec<PartnerLink>,
    /// The story's other reports (other outlets or languages), when it has any.
    pub also: Vec<OtherReport>,
}

/// Another report of the same story, as a card names it.
#[derive(Debug, Clone, Serialize)]
pub struct OtherReport {
    pub source_name: Option<String>,
    pub language_name: String,
    pub url: String,
    pub lang: String,
}

/// `pagination` of a paged list page: where this page is and links to the others.
#[derive(Debug, Clone, Serialize)]
pub struct PaginationView {
    /// This page's number, from 1.
    pub current: usize,
    /// How many pages the list has.
    pub total: usize,
    /// The previous (newer) page, if any.
    pub prev: Option<String>,
    /// The next (older) page, if any.
    pub next: Option<String>,
    /// The numbers to list; a gap (`number` 0, no `url`) stands for pages left out.
    pub pages: Vec<PageNumber>,
}

/// One entry of a pager's page numbers.
#[derive(Debug, Clone, Serialize)]
pub struct PageNumber {
    /// 0 for a gap ("…").
    pub number: usize,
    pub url: Option<String>,
    pub current: bool,
}

/// Precomputed views shared by all pages.
pub struct Views {
    pub pretty: bool,
    pub links: Vec<ArticleLink>,
    pub cards: Vec<ArticleCard>,
    pub partners: std::collections::BTreeMap<PartnerId, PartnerLink>,
    /// What list pages list: each story once.
    pub lists: super::lists::Lists,
    /// The partner×month briefs.
    pub briefs: super::brief::BriefViews,
    /// Per partner, its stories and articles per month: what the overview charts draw.
    pub series: std::collections::BTreeMap<PartnerId, super::overview::Series>,
}

impl Views {
    /// Build the shared views of a digest, with briefs of up to `brief_sentences` sentences.
    pub fn new(
        digest: &Digest,
        gazetteer: &Gazetteer,
        pretty: bool,
        brief_sentences: usize,
    ) -> Views {
        let partners = digest
            .by_partner
            .iter()
            .map(|(id, items)| (id.clone(), partner_link(id, items.len(), gazetteer, pretty)))
            .collect::<std::collections::BTreeMap<_, _>>();
        let links: Vec<ArticleLink> = digest
            .items
            .iter()
            .map(|item| article_link(item, pretty))
            .collect();
        let mut cards = digest
            .items
            .iter()
            .zip(&links)
            .map(|(item, link)| ArticleCard {
                link: link.clone(),
                source_name: item.article.source_name.clone(),
                language_name: item.analysis.language.name().to_owned(),
                summary: item.analysis.summary.clone(),
                dek: super::headline::dek(&link.title, &item.analysis.summary),
                partners: item
                    .analysis
                    .partners
                    .iter()
                    .filter_map(|p| partners.get(p).cloned())
                    .collect(),
                also: Vec::new(),
            })
            .collect::<Vec<ArticleCard>>();
        // The other reports of each story, named on the card that stands for it in lists.
        for (i, card) in cards.iter_mut().enumerate() {
            if let Some(story) = digest.story_of[i] {
                card.also = digest.stories[story]
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| OtherReport {
                        source_name: digest.items[j].article.source_name.clone(),
                        language_name: digest.items[j].analysis.language.name().to_owned(),
                        url: links[j].url.clone(),
                        lang: links[j].lang.clone(),
                    })
                    .collect();
            }
        }
        let lists = super::lists::Lists::new(digest);
        let briefs = super::brief::BriefViews::new(
            digest,
            &crate::digest::brief::briefs(digest, brief_sentences),
            &links,
        );
        let mut series: std::collections::BTreeMap<PartnerId, super::overview::Series> = partners
            .iter()
            .map(|(id, link)| {
                let series = super::overview::Series {
                    name: link.name.clone(),
                    url: link.url.clone(),
                    cells: Default::default(),
                };
                (id.clone(), series)
            })
            .collect();
        for ((id, month), list) in &lists.partner_month {
            if let Some(s) = series.get_mut(id) {
                let cell = super::overview::Cell {
                    stories: list.len(),
                    articles: digest.by_partner_month[&(id.clone(), *month)].len(),
                    url: Some(PageDir::partner_month(id.as_str(), month).url(pretty)),
                };
                s.cells.insert(*month, cell);
            }
        }
        Views {
            pretty,
            links,
            cards,
            partners,
            lists,
            briefs,
            series,
        }
    }

    /// A month link to the site-wide month page.
    pub fn month(&self, month: &YearMonth, count: usize) -> MonthLink {
        MonthLink {
            id: month.to_string(),
            name: month.name(),
            url: PageDir::month(month).url(self.pretty),
            count,
        }
    }

    /// A month link to one partner's page for that month.
    pub fn partner_month(&self, partner: &PartnerId, month: &YearMonth, count: usize) -> MonthLink {
        MonthLink {
            id: month.to_string(),
            name: month.name(),
            url: PageDir::partner_month(partner.as_str(), month).url(self.pretty),
            count,
        }
    }

    /// The link to the undated page.
    pub fn undated(&self, count: usize) -> MonthLink {
        MonthLink {
            id: "undated".into(),
            name: "Undated".into(),
            url: PageDir::undated().url(self.pretty),
            count,
        }
    }

    /// The pager of page `current` of `total` of the list page `base`; `None` when the list
    /// fits on one page.
    pub fn pagination(
        &self,
        base: &PageDir,
        current: usize,
        total: usize,
    ) -> Option<PaginationView> {
        if total <= 1 {
            return None;
        }
        let url = |n: usize| base.page(n).url(self.pretty);
        Some(PaginationView {
            current,
            total,
            prev: (current > 1).then(|| url(current - 1)),
            next: (current < total).then(|| url(current + 1)),
            pages: paging::window(current, total)
                .into_iter()
                .map(|n| match n {
                    Some(n) => PageNumber {
                        number: n,
                        url: Some(url(n)),
                        current: n == current,
                    },
                    None => PageNumber {
                        number: 0,
                        url: None,
                        current: false,
                    },
                })
                .collect(),
        })
    }

    /// Cards for a list of item indexes.
    pub fn cards(&self, items: &[usize]) -> Vec<ArticleCard> {
        items.iter().map(|&i| self.cards[i].clone()).collect()
    }

    /// Links for those of `ids` that have a page (a partner only mentioned, never primary,
    /// has none, and a link to it would be broken).
    pub fn partner_links(&self, ids: &[PartnerId]) -> Vec<PartnerLink> {
        ids.iter()
            .filter_map(|id| self.partners.get(id).cloned())
            .collect()
    }
}

fn partner_link(id: &PartnerId, count: usize, gazetteer: &Gazetteer, pretty: bool) -> PartnerLink {
    let (name, kind) = match gazetteer.get(id) {
        Some(p) => (p.name.clone(), p.kind),
        None => (id.as_str().to_uppercase(), PartnerKind::Country),
    };
    PartnerLink {
        id: id.to_string(),
        name,
        kind,
        url: PageDir::partner(id.as_str()).url(pretty),
        count,
    }
}

fn article_link(item: &Item, pretty: bool) -> ArticleLink {
    ArticleLink {
        // Links carry the whole headline (clamped by CSS where space is short), so screen
        // readers and search get all of it.
        title: super::headline::full_title(&item.article),
        url: item.dir.url(pretty),
        date: item.article.date.map(|d| d.format("%Y-%m-%d").to_string()),
        date_display: item.article.date.map_or_else(
            || "undated".to_owned(),
            |d| d.format("%-d %B %Y").to_string(),
        ),
        lang: item.analysis.language.to_string(),
    }
}
