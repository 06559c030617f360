//! The month pages: the months index, and one page per month (or the undated articles).
//!
//! A month page lists each article once, newest first, with its partners as chips. Grouping
//! by partner (as it once did) repeated an article under every partner it concerns (561
//! cards for 305 articles on a 300-article site), and grouping by first partner would hide an
//! article from the reader looking under its second. A single timeline reads as the
//! briefing of the month; the per-partner view is one click away: the page opens with the
//! month's partners as chips, each linking to that partner's page for the month.

use serde::Serialize;

use crate::analyse::PartnerId;
use crate::digest::{paging, PageDir, YearMonth};
use crate::render::brief::PartnerBrief;
use crate::render::context::{ArticleCard, MonthLink, PaginationView, PartnerLink};
use crate::render::Renderer;

/// Partners whose briefs a month page shows, and sentences each (the partner-month page has
/// the whole brief): enough to read the month at a glance without a wall of text.
const BRIEF_PARTNERS: usize = 8;
const BRIEF_LINES: usize = 2;

impl Renderer<'_> {
    pub(crate) fn months_data(&self) -> MonthsData {
        let d = self.digest;
        let mut years: Vec<YearGroup> = Vec::new();
        for (m, items) in d.by_month.iter().rev() {
            let link = self.views.month(m, items.len());
            match years.last_mut() {
                Some(y) if y.year == m.year.to_string() => y.months.push(link),
                _ => years.push(YearGroup {
                    year: m.year.to_string(),
                    months: vec![link],
                }),
            }
        }
        MonthsData {
            years,
            undated: (!d.undated.is_empty()).then(|| self.views.undated(d.undated.len())),
        }
    }

    /// Page `page` (from 1) of a month, or of the undated articles when `month` is `None`.
    pub(crate) fn month_data(&self, month: Option<&YearMonth>, page: usize) -> MonthData {
        let d = self.digest;
        let v = &self.views;
        let items: &[usize] = match month {
            Some(m) => &v.lists.month[m],
            None => &v.lists.undated,
        };
        // The month's partners, most articles first, each linking to its page for the month.
        let mut partners: Vec<PartnerLink> = Vec::new();
        if let Some(m) = month {
            let mut counts: Vec<(&PartnerId, usize)> = d
                .by_partner
                .keys()
                .filter_map(|p| {
                    d.by_partner_month
                        .get(&(p.clone(), *m))
                        .map(|list| (p, list.len()))
                })
                .collect();
            counts.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then_with(|| v.partners[a.0].name.cmp(&v.partners[b.0].name))
            });
            partners = counts
                .into_iter()
                .map(|(p, count)| PartnerLink {
                    url: PageDir::partner_month(p.as_str(), m).url(v.pretty),
                    count,
                    ..v.partners[p].clone()
                })
                .collect();
        }
        let base = month.map_or_else(PageDir::undated, PageDir::month);
        let ranges = paging::ranges(items.len(), self.per_page());
        let (this, older, newer) = match month {
            Some(m) => (
                v.month(m, d.by_month[m].len()),
                d.by_month
                    .range(..*m)
                    .next_back()
                    .map(|(m, l)| v.month(m, l.len())),
                d.by_month
                    .range(*m..)
                    .nth(1)
                    .map(|(m, l)| v.month(m, l.len())),
            ),
            None => (v.undated(items.len()), None, None),
        };
        let (briefs, more_briefs) = match month {
            Some(m) if page == 1 => v.month_briefs(d, m, BRIEF_PARTNERS, BRIEF_LINES),
            _ => (Vec::new(), 0),
        };
        MonthData {
            briefs,
            more_briefs,
            month: this,
            partners,
            articles: v.cards(&items[ranges[page - 1].clone()]),
            pagination: v.pagination(&base, page, ranges.len()),
            older,
            newer,
        }
    }
}

#[derive(Serialize)]
pub(crate) struct YearGroup {
    year: String,
    months: Vec<MonthLink>,
}

#[derive(Serialize)]
pub(crate) struct MonthsData {
    years: Vec<YearGroup>,
    undated: Option<MonthLink>,
}

#[derive(Serialize)]
pub(crate) struct MonthData {
    /// The busiest partners' briefs (page 1 only).
    briefs: Vec<PartnerBrief>,
    /// Partners of the month without a brief here.
    more_briefs: usize,
    month: MonthLink,
    /// The month's partners, linking to their pages for the month, with that month's counts.
    partners: Vec<PartnerLink>,
    /// This page's articles, each once, newest first.
    articles: Vec<ArticleCard>,
    pagination: Option<PaginationView>,
    older: Option<MonthLink>,
    newer: Option<MonthLink>,
}
