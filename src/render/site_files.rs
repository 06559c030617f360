//! The site-wide files made from the whole digest rather than one page's context: the search
//! index script and the Atom feeds (site-wide and one per partner).

use serde::Serialize;

use super::{feed, search, site_path, Page, Renderer, SEARCH_INDEX};
use crate::digest::PageDir;

impl Renderer<'_> {
    /// `search-index.js`: every article's title, date, partners and summary as a script that
    /// sets `window.BRIEFING_SEARCH`. A script, not JSON to fetch, because `fetch` is blocked
    /// from `file://`; `<` is escaped so no text can close a script element.
    pub(crate) fn search_index(&self) -> Page {
        #[derive(Serialize)]
        struct Entry<'a> {
            t: &'a str,
            u: &'a str,
            d: &'a str,
            l: &'a str,
            p: String,
            s: String,
        }
        let entries: Vec<Entry> = self
            .views
            .cards
            .iter()
            .map(|card| Entry {
                t: &card.link.title,
                u: &card.link.url,
                d: &card.link.date_display,
                l: &card.link.lang,
                p: card
                    .partners
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                s: card.summary.join(" "),
            })
            .collect();
        let json = serde_json::to_string(&entries).expect("search entries serialise");
        Page::new(
            site_path(SEARCH_INDEX),
            search::index_script(&json).into_bytes(),
        )
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
