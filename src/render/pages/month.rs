//! The month pages: the months index, and one page per month (or the undated articles).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analyse::PartnerId;
use crate::digest::{PageDir, YearMonth};
use crate::render::context::{ArticleCard, MonthLink, PartnerLink};
use crate::render::Renderer;

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

    /// A month page, or the undated page when `month` is `None`.
    pub(crate) fn month_data(&self, month: Option<&YearMonth>) -> MonthData {
        let d = self.digest;
        let v = &self.views;
        let items: &[usize] = match month {
            Some(m) => &d.by_month[m],
            None => &d.undated,
        };
        let mut by_partner: BTreeMap<&PartnerId, Vec<usize>> = BTreeMap::new();
        let mut orphans = Vec::new();
        for &i in items {
            let partners = &d.items[i].analysis.partners;
            if partners.is_empty() {
                orphans.push(i);
            }
            for p in partners {
                by_partner.entry(p).or_default().push(i);
            }
        }
        let mut groups: Vec<PartnerGroup> = by_partner
            .into_iter()
            .map(|(p, list)| PartnerGroup {
                partner: Some(v.partners[p].clone()),
                url: month.map(|m| PageDir::partner_month(p.as_str(), m).url(v.pretty)),
                articles: v.cards(&list),
            })
            .collect();
        groups.sort_by(|a, b| {
            let name = |g: &PartnerGroup| {
                g.partner
                    .as_ref()
                    .map(|p| p.name.clone())
                    .unwrap_or_default()
            };
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then_with(|| name(a).cmp(&name(b)))
        });
        if !orphans.is_empty() {
            groups.push(PartnerGroup {
                partner: None,
                url: None,
                articles: v.cards(&orphans),
            });
        }
        let (this, older, newer) = match month {
            Some(m) => (
                v.month(m, items.len()),
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
        MonthData {
            month: this,
            groups,
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
pub(crate) struct PartnerGroup {
    partner: Option<PartnerLink>,
    url: Option<String>,
    articles: Vec<ArticleCard>,
}

#[derive(Serialize)]
pub(crate) struct MonthData {
    month: MonthLink,
    groups: Vec<PartnerGroup>,
    older: Option<MonthLink>,
    newer: Option<MonthLink>,
}
