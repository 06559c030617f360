//! Atom feeds and the sitemap: well-formed, absolute, pointing at pages that exist.

use std::collections::BTreeSet;
use std::path::Path;

use crate::util::{sel, SiteTest, SAMPLE_BASE_URL};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The output file an absolute URL of the site stands for (`dir/` → `dir/index.html`).
fn target_of(url: &str, base_url: &str) -> Option<String> {
    let rest = url.strip_prefix(base_url)?;
    Some(if rest.is_empty() {
        "index.html".to_owned()
    } else if rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_owned()
    })
}

fn check_url(failures: &mut Vec<String>, out: &Path, file: &str, url: &str, base_url: &str) {
    match target_of(url, base_url) {
        None => failures.push(format!("{file}: `{url}` does not start with {base_url}")),
        Some(target) if !out.join(&target).is_file() => {
            failures.push(format!("{file}: `{url}` → `{target}` does not exist"))
        }
        Some(_) => {}
    }
}

fn feeds(files: &[String]) -> Vec<&String> {
    files
        .iter()
        .filter(|f| *f == "feed.xml" || f.starts_with("partners/") && f.ends_with("/feed.xml"))
        .collect()
}

/// Check every feed and the sitemap; returns the sitemap's targets.
fn check_feeds_and_sitemap(site: &SiteTest, base_url: &str) -> BTreeSet<String> {
    let out = site.out();
    let files = site.files();
    let feeds = feeds(&files);
    let partner_pages = files
        .iter()
        .filter(|f| {
            f.starts_with("partners/") && f.matches('/').count() == 2 && f.ends_with("/index.html")
        })
        .count();
    assert_eq!(
        feeds.len(),
        1 + partner_pages,
        "site feed + one per partner: {feeds:?}"
    );
    let mut failures = Vec::new();
    for feed in feeds {
        let text = site.read(feed);
        let doc = roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{feed} is not well-formed XML: {e}"));
        let root = doc.root_element();
        assert!(
            root.has_tag_name((ATOM, "feed")),
            "{feed}: root is {:?}",
            root.tag_name()
        );
        let entries: Vec<_> = root
            .children()
            .filter(|n| n.has_tag_name((ATOM, "entry")))
            .collect();
        assert!(!entries.is_empty(), "{feed} has no entries");
        for entry in entries {
            let links: Vec<_> = entry
                .children()
                .filter(|n| n.has_tag_name((ATOM, "link")))
                .collect();
            assert!(!links.is_empty(), "{feed}: an entry has no link");
            for link in links {
                let href = link.attribute("href").unwrap_or_default();
                check_url(&mut failures, &out, feed, href, base_url);
            }
        }
        // The feed's own links: rel=self is the feed, rel=alternate its page.
        for link in root.children().filter(|n| n.has_tag_name((ATOM, "link"))) {
            let href = link.attribute("href").unwrap_or_default();
            check_url(&mut failures, &out, feed, href, base_url);
            if link.attribute("rel") == Some("self") {
                assert_eq!(target_of(href, base_url).as_deref(), Some(feed.as_str()));
            }
        }
    }

    let text = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap.xml is well-formed XML");
    assert!(doc.root_element().has_tag_name((SITEMAP, "urlset")));
    let mut targets = BTreeSet::new();
    for loc in doc
        .descendants()
        .filter(|n| n.has_tag_name((SITEMAP, "loc")))
    {
        let url = loc.text().unwrap_or_default();
        check_url(&mut failures, &out, "sitemap.xml", url, base_url);
        targets.extend(target_of(url, base_url));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    targets
}

#[test]
fn feeds_and_sitemap_are_atom_and_point_at_existing_pages() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let in_sitemap = check_feeds_and_sitemap(&site, SAMPLE_BASE_URL);
    // Every directory page (all but 404.html) is in the sitemap.
    let pages: BTreeSet<String> = site
        .files()
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
        .collect();
    assert_eq!(in_sitemap, pages);
}

#[test]
fn partner_feeds_hold_only_that_partners_articles() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    for (id, count) in [("us", 3), ("ru", 1), ("pk", 1), ("ots", 1)] {
        let text = site.read(&format!("partners/{id}/feed.xml"));
        let doc = roxmltree::Document::parse(&text).expect("well-formed");
        let entries: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name((ATOM, "entry")))
            .collect();
        assert_eq!(entries.len(), count, "partners/{id}/feed.xml");
        for entry in entries {
            let terms: Vec<&str> = entry
                .children()
                .filter(|n| n.has_tag_name((ATOM, "category")))
                .filter_map(|n| n.attribute("term"))
                .collect();
            assert!(
                terms.contains(&id),
                "partners/{id}/feed.xml entry with categories {terms:?}"
            );
        }
    }
}

#[test]
fn base_url_flag_overrides_site_toml_in_feeds_sitemap_and_canonical_links() {
    let site = SiteTest::sample();
    let base = "https://x.example/sub/";
    site.build_ok(&["--base-url", base]);
    check_feeds_and_sitemap(&site, base);

    let feed = site.read("feed.xml");
    let doc = roxmltree::Document::parse(&feed).expect("well-formed");
    let id = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name((ATOM, "id")))
        .and_then(|n| n.text())
        .expect("feed id");
    assert!(id.starts_with(base), "feed id {id}");

    let article = &site.article_pages()[0];
    let html = site.html(article);
    let canonical = html
        .select(&sel("link[rel=canonical]"))
        .next()
        .and_then(|e| e.value().attr("href"))
        .expect("article pages have a canonical link")
        .to_owned();
    let dir = article.trim_end_matches("index.html");
    assert_eq!(canonical, format!("{base}{dir}"));

    // The 404 page, served at any depth, sets <base> to the site's path on the web.
    assert!(
        site.read("404.html").contains("/sub/"),
        "{}",
        site.read("404.html")
    );

    let stale: Vec<String> = site
        .files()
        .into_iter()
        .filter(|f| site.file_contains(f, "example.github.io"))
        .collect();
    assert!(
        stale.is_empty(),
        "site.toml's base_url still used in {stale:?}"
    );
}

#[test]
fn sitemap_lists_undated_and_duplicate_article_pages() {
    let site = super::links::mixed_site();
    site.build_ok(&[]);
    let in_sitemap = check_feeds_and_sitemap(&site, SAMPLE_BASE_URL);
    let pages: BTreeSet<String> = site
        .files()
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
        .collect();
    assert!(pages.contains("months/undated/index.html"), "{pages:#?}");
    assert_eq!(in_sitemap, pages);
}
