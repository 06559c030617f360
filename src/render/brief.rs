//! Partner×month briefs as pages show them (the selection is `digest::brief`): each sentence
//! with the article it comes from, and the partner summaries of a month that the month page
//! and the home page open with.

use std::collections::BTreeMap;

use serde::Serialize;

use super::context::{ArticleLink, PartnerLink, Views};
use crate::analyse::PartnerId;
use crate::digest::brief::Briefs;
use crate::digest::{Digest, PageDir, YearMonth};

/// One sentence of a brief, linked to its article.
#[derive(Debug, Clone, Serialize)]
pub struct BriefLineView {
    pub text: String,
    /// The sentence's language (its article's).
    pub lang: String,
    pub article: ArticleLink,
    pub source_name: Option<String>,
    /// 0 for the most central sentence of the brief.
    #[serde(skip)]
    pub rank: usize,
}

/// A partner's brief for a month, as a month page or the home page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerBrief {
    /// The partner, linking to its page for the month.
    pub partner: PartnerLink,
    /// Stories (each once) and articles about the partner that month.
    pub stories: usize,
    pub articles: usize,
    /// The best sentences, in time order.
    pub lines: Vec<BriefLineView>,
}

/// The brief lines of every partner-month.
#[derive(Debug, Default)]
pub struct BriefViews {
    lines: BTreeMap<(PartnerId, YearMonth), Vec<BriefLineView>>,
}

impl BriefViews {
    /// The views of `briefs`, whose items' links are `links`.
    pub fn new(digest: &Digest, briefs: &Briefs, links: &[ArticleLink]) -> BriefViews {
        let lines = briefs
            .iter()
            .map(|(key, brief)| {
                let views = brief
                    .iter()
                    .map(|line| {
                        let item = &digest.items[line.item];
                        BriefLineView {
                            text: item.analysis.summary[line.sentence].clone(),
                            lang: item.analysis.language.to_string(),
                            article: links[line.item].clone(),
                            source_name: item.article.source_name.clone(),
                            rank: line.rank,
                        }
                    })
                    .collect();
                (key.clone(), views)
            })
            .collect();
        BriefViews { lines }
    }

    /// The whole brief of a partner-month, in time order.
    pub fn full(&self, partner: &PartnerId, month: &YearMonth) -> Vec<BriefLineView> {
        self.top(partner, month, usize::MAX)
    }

    /// The `n` most central sentences of a partner-month's brief, in time order.
    pub fn top(&self, partner: &PartnerId, month: &YearMonth, n: usize) -> Vec<BriefLineView> {
        self.lines
            .get(&(partner.clone(), *month))
            .map(|lines| lines.iter().filter(|l| l.rank < n).cloned().collect())
            .unwrap_or_default()
    }
}

impl Views {
    /// The briefs of `month`'s partners, most stories first (then by name), at most
    /// `partners` of them with `lines` sentences each; and how many partners were left out.
    pub fn month_briefs(
        &self,
        digest: &Digest,
        month: &YearMonth,
        partners: usize,
        lines: usize,
    ) -> (Vec<PartnerBrief>, usize) {
        let mut all: Vec<PartnerBrief> = self
            .lists
            .partner_month
            .iter()
            .filter(|((_, m), _)| m == month)
            .map(|((p, m), list)| PartnerBrief {
                partner: PartnerLink {
                    url: PageDir::partner_month(p.as_str(), m).url(self.pretty),
                    count: list.len(),
                    ..self.partners[p].clone()
                },
                stories: list.len(),
                articles: digest.by_partner_month[&(p.clone(), *m)].len(),
                lines: self.briefs.top(p, m, lines),
            })
            .collect();
        all.sort_by(|a, b| {
            b.stories
                .cmp(&a.stories)
                .then(b.articles.cmp(&a.articles))
                .then_with(|| a.partner.name.cmp(&b.partner.name))
                .then_with(|| a.partner.id.cmp(&b.partner.id))
        });
        let more = all.len().saturating_sub(partners);
        all.truncate(partners);
        (all, more)
    }
}
