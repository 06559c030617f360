//! The partner pages: the partners index, one page per partner (a timeline by month) and one
//! per partner and month.

use serde::Serialize;

use crate::analyse::{PartnerId, PartnerKind};
use crate::digest::{paging, PageDir, YearMonth};
use crate::render::brief::BriefLineView;
use crate::render::context::{ArticleCard, MonthLink, PaginationView, PartnerLink};
use crate::render::figures::{self, PartnerFigure};
use crate::render::overview::{heatmap, timeline, Chart, Series};
use crate::render::Renderer;

impl Renderer<'_> {
    pub(crate) fn partners_data(&self) -> PartnersData {
        let mut all: Vec<PartnerLink> = self.views.partners.values().cloned().collect();
        all.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        let (countries, organisations) = all
            .into_iter()
            .partition(|p| p.kind == PartnerKind::Country);
        let series: Vec<Series> = self.views.series.values().cloned().collect();
        PartnersData {
            overview: heatmap(
                &series,
                &PageDir::partners().file().root_prefix(),
                "overview",
            ),
            countries,
            organisations,
        }
    }

    /// Page `page` (from 1) of a partner's articles, newest first, grouped by month.
    pub(crate) fn partner_data(&self, id: &PartnerId, page: usize) -> PartnerData {
        let d = self.digest;
        let v = &self.views;
        let items = &v.lists.partner[id];
        let per_page = self.per_page();
        let ranges = paging::ranges(items.len(), per_page);
        let on_page = &items[ranges[page - 1].clone()];
        let base = PageDir::partner(id.as_str());
        let mut months: Vec<MonthGroup> = Vec::new();
        let mut undated = Vec::new();
        // The month of the last article of the previous page, if any.
        let before = ranges[page - 1]
            .start
            .checked_sub(1)
            .and_then(|j| d.items[items[j]].month);
        for &i in on_page {
            let Some(m) = d.items[i].month else {
                undated.push(i);
                continue;
            };
            if let Some(group) = months.last_mut().filter(|g| g.key == m) {
                group.items.push(i);
                continue;
            }
            let continued = months.is_empty() && before == Some(m);
            months.push(MonthGroup {
                key: m,
                anchor: format!("m-{m}"),
                month: v.partner_month(id, &m, d.by_partner_month[&(id.clone(), m)].len()),
                continued,
                items: vec![i],
                articles: Vec::new(),
            });
        }
        for group in &mut months {
            group.articles = v.cards(&group.items);
        }
        // Year jumps: the page (and month heading) where each year's newest article is.
        let mut years: Vec<YearJump> = Vec::new();
        for (pos, &i) in items.iter().enumerate() {
            let Some(m) = d.items[i].month else { continue };
            if years.last().is_some_and(|y| y.year == m.year) {
                continue;
            }
            years.push(YearJump {
                year: m.year,
                url: format!(
                    "{}#m-{m}",
                    base.page(paging::page_of(pos, per_page)).url(v.pretty)
                ),
            });
        }
        if years.len() < 2 {
            years.clear();
        }
        PartnerData {
            partner: v.partners[id].clone(),
            feed_url: format!("partners/{id}/feed.xml"),
            timeline: if page == 1 {
                timeline(&v.series[id], &base.file().root_prefix(), "timeline")
            } else {
                None
            },
            // On the first page only: later pages go straight to the list.
            figures: if page == 1 {
                self.partner_figures(items)
            } else {
                Vec::new()
            },
            agreements: match (page, self.entities.agreements.get(id)) {
                (1, Some(refs)) => super::people::agreement_views(d, v, refs),
                _ => Vec::new(),
            },
            people: if page == 1 {
                self.partner_people(id)
            } else {
                Vec::new()
            },
            months,
            undated: v.cards(&undated),
            years,
            pagination: v.pagination(&base, page, ranges.len()),
        }
    }

    /// The key figures of a partner's newest articles (a few per article, so one
    /// number-heavy report does not fill the table), each linked to its article.
    pub(crate) fn partner_figures(&self, items: &[usize]) -> Vec<PartnerFigure> {
        figures::partner_figures(items.iter().map(|&i| {
            (
                &self.digest.items[i].analysis.figures[..],
                &self.views.links[i],
            )
        }))
    }

    /// Page `page` (from 1) of a partner's articles of one month.
    pub(crate) fn partner_month_data(
        &self,
        id: &PartnerId,
        month: &YearMonth,
        page: usize,
    ) -> PartnerMonthData {
        let d = self.digest;
        let list = &self.views.lists.partner_month[&(id.clone(), *month)];
        let ranges = paging::ranges(list.len(), self.per_page());
        let base = PageDir::partner_month(id.as_str(), month);
        let key = (id.clone(), *month);
        let older = d
            .by_partner_month
            .range(..key.clone())
            .next_back()
            .filter(|((p, _), _)| p == id);
        let newer = d
            .by_partner_month
            .range(key.clone()..)
            .nth(1)
            .filter(|((p, _), _)| p == id);
        let as_link = |e: Option<(&(PartnerId, YearMonth), &Vec<usize>)>| {
            e.map(|((p, m), l)| self.views.partner_month(p, m, l.len()))
        };
        PartnerMonthData {
            brief: if page == 1 {
                self.views.briefs.full(id, month)
            } else {
                Vec::new()
            },
            articles_total: d.by_partner_month[&key].len(),
            partner: self.views.partners[id].clone(),
            month: self.views.month(month, d.by_month[month].len()),
            count: list.len(),
            articles: self.views.cards(&list[ranges[page - 1].clone()]),
            pagination: self.views.pagination(&base, page, ranges.len()),
            older: as_link(older),
            newer: as_link(newer),
        }
    }
}

#[derive(Serialize)]
pub(crate) struct PartnersData {
    /// The partner × month heatmap.
    overview: Option<Chart>,
    countries: Vec<PartnerLink>,
    organisations: Vec<PartnerLink>,
}

#[derive(Serialize)]
pub(crate) struct MonthGroup {
    #[serde(skip)]
    key: YearMonth,
    #[serde(skip)]
    items: Vec<usize>,
    /// The heading's id, the target of year jumps (`m-2025-03`).
    anchor: String,
    month: MonthLink,
    /// The month's first articles are on the previous page.
    continued: bool,
    articles: Vec<ArticleCard>,
}

/// A link to the page holding a year's newest article.
#[derive(Serialize)]
pub(crate) struct YearJump {
    year: i32,
    url: String,
}

#[derive(Serialize)]
pub(crate) struct PartnerData {
    partner: PartnerLink,
    feed_url: String,
    /// Stories per month as bars (page 1 only).
    timeline: Option<Chart>,
    figures: Vec<PartnerFigure>,
    /// Documents reported in the partner's articles (page 1 only).
    agreements: Vec<super::people::AgreementView>,
    /// People with pages named in the partner's articles, most articles first (page 1 only).
    people: Vec<super::people::PersonLink>,
    months: Vec<MonthGroup>,
    undated: Vec<ArticleCard>,
    /// Year jumps, when the partner's articles span more than one year.
    years: Vec<YearJump>,
    pagination: Option<PaginationView>,
}

#[derive(Serialize)]
pub(crate) struct PartnerMonthData {
    /// The month's most central sentences about the partner, in time order (page 1 only).
    brief: Vec<BriefLineView>,
    partner: PartnerLink,
    month: MonthLink,
    /// Stories (each once) about the partner that month (on every page).
    count: usize,
    /// Articles about the partner that month, every report counted.
    articles_total: usize,
    articles: Vec<ArticleCard>,
    pagination: Option<PaginationView>,
    older: Option<MonthLink>,
    newer: Option<MonthLink>,
}
