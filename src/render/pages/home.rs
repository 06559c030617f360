//! The home page: the latest articles, partners by weight and months.

use serde::Serialize;

use crate::render::context::{ArticleCard, MonthLink, PartnerLink};
use crate::render::Renderer;

impl Renderer<'_> {
    pub(crate) fn home_data(&self) -> HomeData {
        let d = self.digest;
        let latest: Vec<usize> = (0..d.items.len())
            .take(self.opts.config.home_articles)
            .collect();
        let mut partners: Vec<PartnerLink> = self.views.partners.values().cloned().collect();
        partners.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        HomeData {
            latest: self.views.cards(&latest),
            partners,
            months: d
                .by_month
                .iter()
                .rev()
                .map(|(m, items)| self.views.month(m, items.len()))
                .collect(),
            undated: (!d.undated.is_empty()).then(|| self.views.undated(d.undated.len())),
            counts: Counts {
                articles: d.items.len(),
                partners: d.by_partner.len(),
                months: d.by_month.len(),
            },
        }
    }
}

#[derive(Serialize)]
pub(crate) struct Counts {
    articles: usize,
    partners: usize,
    months: usize,
}

#[derive(Serialize)]
pub(crate) struct HomeData {
    latest: Vec<ArticleCard>,
    partners: Vec<PartnerLink>,
    months: Vec<MonthLink>,
    undated: Option<MonthLink>,
    counts: Counts,
}
