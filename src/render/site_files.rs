//! The site-wide files made from the whole digest rather than one page's context: the search
//! index script and the Atom feeds (site-wide and one per partner).

use super::{feed, search, site_path, Page, Renderer, SEARCH_INDEX};
use crate::digest::PageDir;

impl Renderer<'_> {
    /// The search index: `search-index.js` (the manifest) and the shards under `search/` (see
    /// [`search`]). Scripts, not JSON to fetch, because `fetch` is blocked from `file://`.
    pub(crate) fn search_index(&self) -> Vec<Page> {
        let d = self.digest;
        let docs: Vec<search::SearchDoc> = self
            .views
            .cards
            .iter()
            .enumerate()
            .map(|(i, card)| {
                let meta = [card.source_name.as_deref(), Some(&card.language_name)]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                search::SearchDoc {
                    title: card.link.title.clone(),
                    url: card.link.url.clone(),
                    date: card.link.date_display.clone(),
                    lang: card.link.lang.clone(),
                    partners: card.partners.iter().map(|p| p.name.clone()).collect(),
                    meta,
                    text: card.summary.join(" "),
                    story: d.story_of[i]
                        .map(|s| d.stories[s].iter().copied().filter(|&j| j != i).collect())
                        .unwrap_or_default(),
                    also: card
                        .also
                        .iter()
                        .map(|o| {
                            let name = match &o.source_name {
                                Some(s) => format!("{s} · {}", o.language_name),
                                None => o.language_name.clone(),
                            };
                            [name, o.url.clone(), o.lang.clone()]
                        })
                        .collect(),
                    partner_ids: card.partners.iter().map(|p| p.id.clone()).collect(),
                    month: d.items[i].month.map(|m| m.to_string()),
                }
            })
            .collect();
        let partners: Vec<search::Choice> = self
            .views
            .partners
            .values()
            .map(|p| (p.id.clone(), p.name.clone(), p.count))
            .collect();
        let months: Vec<search::Choice> = d
            .by_month
            .iter()
            .rev()
            .map(|(m, items)| (m.to_string(), m.name(), items.len()))
            .collect();
        search::build(&docs, &partners, &months, SEARCH_INDEX)
            .into_iter()
            .map(|f| Page::new(site_path(&f.path), f.body.into_bytes()))
            .collect()
    }

    pub(crate) fn feeds(&self) -> Vec<Page> {
        let d = self.digest;
        let base = &self.opts.base_url;
        let limit = self.opts.config.feed_entries;
        let all: Vec<usize> = (0..d.items.len()).collect();
        let mut pages = vec![Page::new(
            site_path("feed.xml"),
            feed::atom(
                d,
                &all,
                &self.site.title,
                "feed.xml",
                &PageDir::home(),
                base,
                limit,
            )
            .into_bytes(),
        )];
        for (id, items) in &d.by_partner {
            let path = format!("partners/{id}/feed.xml");
            let title = format!("{} · {}", self.views.partners[id].name, self.site.title);
            let body = feed::atom(
                d,
                items,
                &title,
                &path,
                &PageDir::partner(id.as_str()),
                base,
                limit,
            );
            pages.push(Page::new(site_path(&path), body.into_bytes()));
        }
        pages
    }
}
