//! The article page: the article with its summary, key figures and every cross-link.
//!
//! The heading is the whole headline (a made one is not cut); the summary leaves out what
//! repeats the headline and is left out when it is only the body's opening paragraph; remote
//! images in the body become links (see `render::images`). Other reports of the same story
//! (other outlets, other languages) are listed as "Also reported by", not as related.

use serde::Serialize;

use crate::digest::PageDir;
use crate::render::context::{ArticleLink, MonthLink, PartnerLink};
use crate::render::figures::{self, FigureGroupView};
use crate::render::{anchors, headline, images, Renderer};

impl Renderer<'_> {
    pub(crate) fn article_data(&self, i: usize) -> ArticleData {
        let d = self.digest;
        let v = &self.views;
        let item = &d.items[i];
        let links = &d.links[i];
        let a = &item.article;
        let link = |j: Option<usize>| j.map(|j| v.links[j].clone());
        let title = v.links[i].title.clone();
        let mut summary = headline::summary_without_title(&title, &item.analysis.summary);
        if headline::is_just_the_lead(a, &summary) {
            summary.clear();
        }
        ArticleData {
            article: ArticleView {
                figures: figures::article_figures(
                    &item.analysis.figures,
                    &v.links[i].title,
                    &summary,
                ),
                summary,
                short_title: a.title.clone(),
                description: item.analysis.summary.first().cloned(),
                title,
                url: item.dir.url(v.pretty),
                date: v.links[i].date.clone(),
                date_display: v.links[i].date_display.clone(),
                time: a.time.map(|t| t.format("%H:%M").to_string()),
                source_name: a.source_name.clone(),
                source_url: a.url.clone(),
                lang: item.analysis.language.to_string(),
                language_name: item.analysis.language.name().to_owned(),
                body_html: anchors::drop_rel_without_href(&images::images_as_links(&a.html)),
                partners: v.partner_links(&item.analysis.partners),
                mentioned: v.partner_links(&item.analysis.mentioned),
                month: item.month.map(|m| v.month(&m, d.by_month[&m].len())),
                older: link(links.older),
                newer: link(links.newer),
                partner_nav: links
                    .by_partner
                    .iter()
                    .map(|(p, older, newer)| PartnerNav {
                        partner: v.partners[p].clone(),
                        month_url: item
                            .month
                            .map(|m| PageDir::partner_month(p.as_str(), &m).url(v.pretty)),
                        // Neighbours already shown for the whole digest are not repeated.
                        older: link(older.filter(|o| Some(*o) != links.older)),
                        newer: link(newer.filter(|n| Some(*n) != links.newer)),
                    })
                    .collect(),
                // The story's other reports have their own section; related lists the rest.
                related: links
                    .related
                    .iter()
                    .filter(|&&j| !same_story(d, i, j))
                    .map(|&j| v.links[j].clone())
                    .collect(),
                people: self.entities.by_item[i]
                    .iter()
                    .map(|&p| super::people::person_link(&self.entities.people[p], v))
                    .collect(),
                agreements: super::people::agreement_views(
                    d,
                    v,
                    &(0..item.analysis.agreements.len())
                        .map(|k| (i, k))
                        .collect::<Vec<_>>(),
                ),
                also_reported: d.story_of[i]
                    .map(|s| {
                        d.stories[s]
                            .iter()
                            .filter(|&&j| j != i)
                            .map(|&j| AlsoReported {
                                link: v.links[j].clone(),
                                source_name: d.items[j].article.source_name.clone(),
                                language_name: d.items[j].analysis.language.name().to_owned(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            },
        }
    }
}

#[derive(Serialize)]
pub(crate) struct ArticleData {
    article: ArticleView,
}

#[derive(Serialize)]
pub(crate) struct ArticleView {
    /// The whole headline.
    title: String,
    /// The headline as stored (a made one cut at 100 characters), as in `<title>`.
    short_title: String,
    /// The first summary sentence, for `<meta name="description">`.
    description: Option<String>,
    url: String,
    date: Option<String>,
    date_display: String,
    time: Option<String>,
    source_name: Option<String>,
    source_url: Option<String>,
    lang: String,
    language_name: String,
    summary: Vec<String>,
    body_html: String,
    /// The key figures worth the space, one entry per sentence (see `render::figures`).
    figures: Vec<FigureGroupView>,
    partners: Vec<PartnerLink>,
    mentioned: Vec<PartnerLink>,
    month: Option<MonthLink>,
    older: Option<ArticleLink>,
    newer: Option<ArticleLink>,
    partner_nav: Vec<PartnerNav>,
    related: Vec<ArticleLink>,
    /// People with pages that the article names.
    people: Vec<super::people::PersonLink>,
    /// Documents it reports (signed, planned, discussed).
    agreements: Vec<super::people::AgreementView>,
    /// The other reports of the same story (see `digest::stories`), newest first.
    also_reported: Vec<AlsoReported>,
}

/// Another outlet's (or language's) report of the same story.
#[derive(Serialize)]
pub(crate) struct AlsoReported {
    #[serde(flatten)]
    link: ArticleLink,
    source_name: Option<String>,
    language_name: String,
}

/// Whether items `i` and `j` are reports of one story.
fn same_story(d: &crate::digest::Digest, i: usize, j: usize) -> bool {
    d.story_of[i].is_some() && d.story_of[i] == d.story_of[j]
}

#[derive(Serialize)]
pub(crate) struct PartnerNav {
    partner: PartnerLink,
    month_url: Option<String>,
    older: Option<ArticleLink>,
    newer: Option<ArticleLink>,
}
