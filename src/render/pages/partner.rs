//! The partner pages: the partners index, one page per partner (a timeline by month) and one
//! per partner and month.

use serde::Serialize;

use crate::analyse::{PartnerId, PartnerKind};
use crate::digest::YearMonth;
use crate::render::context::{ArticleCard, ArticleLink, MonthLink, PartnerLink};
use crate::render::Renderer;

impl Renderer<'_> {
    pub(crate) fn partners_data(&self) -> PartnersData {
        let mut all: Vec<PartnerLink> = self.views.partners.values().cloned().collect();
        all.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        let (countries, organisations) = all
            .into_iter()
            .partition(|p| p.kind == PartnerKind::Country);
        PartnersData {
            countries,
            organisations,
        }
    }

    pub(crate) fn partner_data(&self, id: &PartnerId) -> PartnerData {
        let d = self.digest;
        let items = &d.by_partner[id];
        let mut months: Vec<MonthGroup> = Vec::new();
        for ((p, m), list) in d.by_partner_month.range(
            (
                id.clone(),
                YearMonth {
                    year: i32::MIN,
                    month: 0,
                },
            )..,
        ) {
            if p != id {
                break;
            }
            months.push(MonthGroup {
                month: self.views.partner_month(id, m, list.len()),
                articles: self.views.cards(list),
            });
        }
        months.reverse();
        let undated: Vec<usize> = items
            .iter()
            .copied()
            .filter(|&i| d.items[i].month.is_none())
            .collect();
        PartnerData {
            partner: self.views.partners[id].clone(),
            feed_url: format!("partners/{id}/feed.xml"),
            figures: self.partner_figures(items),
            months,
            undated: self.views.cards(&undated),
        }
    }

    /// The key figures of a partner's newest articles (a few per article, so one
    /// number-heavy report does not fill the list), each linked to its article.
    pub(crate) fn partner_figures(&self, items: &[usize]) -> Vec<PartnerFigure> {
        const MAX: usize = 12;
        const PER_ARTICLE: usize = 2;
        let mut figures = Vec::new();
        for &i in items {
            for f in self.digest.items[i]
                .analysis
                .figures
                .iter()
                .take(PER_ARTICLE)
            {
                if figures.len() == MAX {
                    return figures;
                }
                figures.push(PartnerFigure {
                    text: f.text.clone(),
                    sentence: f.sentence.clone(),
                    article: self.views.links[i].clone(),
                });
            }
        }
        figures
    }

    pub(crate) fn partner_month_data(&self, id: &PartnerId, month: &YearMonth) -> PartnerMonthData {
        let d = self.digest;
        let list = &d.by_partner_month[&(id.clone(), *month)];
        let key = (id.clone(), *month);
        let older = d
            .by_partner_month
            .range(..key.clone())
            .next_back()
            .filter(|((p, _), _)| p == id);
        let newer = d
            .by_partner_month
            .range(key..)
            .nth(1)
            .filter(|((p, _), _)| p == id);
        let as_link = |e: Option<(&(PartnerId, YearMonth), &Vec<usize>)>| {
            e.map(|((p, m), l)| self.views.partner_month(p, m, l.len()))
        };
        PartnerMonthData {
            partner: self.views.partners[id].clone(),
            month: self.views.month(month, d.by_month[month].len()),
            articles: self.views.cards(list),
            older: as_link(older),
            newer: as_link(newer),
        }
    }
}

#[derive(Serialize)]
pub(crate) struct PartnersData {
    countries: Vec<PartnerLink>,
    organisations: Vec<PartnerLink>,
}

#[derive(Serialize)]
pub(crate) struct PartnerFigure {
    text: String,
    sentence: String,
    article: ArticleLink,
}

#[derive(Serialize)]
pub(crate) struct MonthGroup {
    month: MonthLink,
    articles: Vec<ArticleCard>,
}

#[derive(Serialize)]
pub(crate) struct PartnerData {
    partner: PartnerLink,
    feed_url: String,
    figures: Vec<PartnerFigure>,
    months: Vec<MonthGroup>,
    undated: Vec<ArticleCard>,
}

#[derive(Serialize)]
pub(crate) struct PartnerMonthData {
    partner: PartnerLink,
    month: MonthLink,
    articles: Vec<ArticleCard>,
    older: Option<MonthLink>,
    newer: Option<MonthLink>,
}
