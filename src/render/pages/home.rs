//! The home page: the latest articles, partners by weight and months. Its list of articles
//! continues on `page/2/index.html` and on (unless paging is off), and always ends with a way
//! to older articles: the next page, and the months index.

use serde::Serialize;

use crate::digest::{paging, PageDir};
use crate::render::brief::PartnerBrief;
use crate::render::context::{ArticleCard, MonthLink, PaginationView, PartnerLink};
use crate::render::overview::{heatmap, Chart, Series};
use crate::render::Renderer;

/// Partners and months in the home sidebar (all of them are one link away), so on a phone,
/// where the sidebar follows the list, it stays short.
const SIDEBAR_PARTNERS: usize = 15;
const SIDEBAR_MONTHS: usize = 12;
/// Partners in the latest month's briefing (one line each); the month page has the rest.
/// Three keep a phone's home page under the layout test's 6,000 px (five measured 6,143 px
/// on a generated 300-article site, with the heatmap).
const BRIEF_PARTNERS: usize = 3;

impl Renderer<'_> {
    /// Home page `page` (from 1).
    pub(crate) fn home_data(&self, page: usize) -> HomeData {
        let d = self.digest;
        let v = &self.views;
        let list = &v.lists.home;
        let ranges = paging::ranges(list.len(), self.home_per_page());
        let range = ranges
            .get(page - 1)
            .cloned()
            .expect("home jobs are made from the same ranges");
        let latest: Vec<usize> = list[range.clone()].to_vec();
        let mut partners: Vec<PartnerLink> = v.partners.values().cloned().collect();
        partners.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        partners.truncate(SIDEBAR_PARTNERS);
        let pagination = v.pagination(&PageDir::home(), page, self.home_pages());
        // The latest month at a glance, and all months as a heatmap: page 1 only.
        let latest_month = d.by_month.keys().next_back().filter(|_| page == 1);
        let month_brief = latest_month.map(|m| {
            let (partners, more) = v.month_briefs(d, m, BRIEF_PARTNERS, 1);
            MonthBrief {
                month: v.month(m, d.by_month[m].len()),
                partners,
                more,
            }
        });
        let series: Vec<Series> = v.series.values().cloned().collect();
        let overview = if page == 1 {
            heatmap(&series, &PageDir::home().file().root_prefix(), "overview")
        } else {
            None
        };
        HomeData {
            month_brief,
            overview,
            latest: v.cards(&latest),
            first_page: page == 1,
            more: range.end < list.len(),
            older_url: pagination.as_ref().and_then(|p| p.next.clone()),
            pagination,
            partners,
            months: d
                .by_month
                .iter()
                .rev()
                .take(SIDEBAR_MONTHS)
                .map(|(m, items)| v.month(m, items.len()))
                .collect(),
            undated: (!d.undated.is_empty()).then(|| v.undated(d.undated.len())),
            counts: Counts {
                articles: d.items.len(),
                stories: list.len(),
                partners: d.by_partner.len(),
                months: d.by_month.len(),
            },
        }
    }
}

#[derive(Serialize)]
pub(crate) struct Counts {
    articles: usize,
    /// Articles with each story counted once.
    stories: usize,
    partners: usize,
    months: usize,
}

/// The latest month's partners, one brief line each.
#[derive(Serialize)]
pub(crate) struct MonthBrief {
    month: MonthLink,
    partners: Vec<PartnerBrief>,
    /// Partners of the month not listed (the month page lists them all).
    more: usize,
}

#[derive(Serialize)]
pub(crate) struct HomeData {
    /// The latest month, partner by partner (page 1 only).
    month_brief: Option<MonthBrief>,
    /// The partner × month heatmap (page 1 only).
    overview: Option<Chart>,
    latest: Vec<ArticleCard>,
    /// Page 1 shows the introduction and the sidebar; later pages only the list.
    first_page: bool,
    /// Older articles exist beyond this page.
    more: bool,
    /// The next (older) page, when there is one.
    older_url: Option<String>,
    pagination: Option<PaginationView>,
    partners: Vec<PartnerLink>,
    months: Vec<MonthLink>,
    undated: Option<MonthLink>,
    counts: Counts,
}
