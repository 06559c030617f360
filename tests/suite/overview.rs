//! Partner×month briefs and the overview charts on the sample site: the brief opens the
//! partner-month page with linked sentences, the heatmap and bar timeline link to pages that
//! exist, and the table fallbacks carry the same numbers.

use std::collections::BTreeSet;

use crate::util::{resolve, sel, SiteTest};

/// The `href`s matched by `selector` on `page`, resolved against it; each must exist.
fn resolved(site: &SiteTest, page: &str, selector: &str) -> Vec<String> {
    let files: BTreeSet<String> = site.files().into_iter().collect();
    let html = site.html(page);
    let mut out = Vec::new();
    for a in html.select(&sel(selector)) {
        let href = a.value().attr("href").expect("a link has an href");
        assert!(
            !href.contains(':') && !href.starts_with('/'),
            "{page}: {href}"
        );
        let target = resolve(page, href).unwrap_or_else(|| panic!("{page}: {href} climbs"));
        assert!(
            files.contains(&target),
            "{page}: {href} -> {target} is missing"
        );
        out.push(target);
    }
    out
}

#[test]
fn partner_month_pages_open_with_a_linked_brief_in_time_order() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let page = "partners/us/2026-02/index.html";
    let html = site.html(page);
    let lines: Vec<_> = html.select(&sel("section.brief .brief-lines li")).collect();
    assert!(!lines.is_empty(), "{}", site.read(page));
    assert!(lines.len() <= 4);
    let targets = resolved(&site, page, "section.brief a.brief-source");
    assert_eq!(targets.len(), lines.len());
    assert!(
        targets.iter().all(|t| t.starts_with("articles/")),
        "{targets:?}"
    );
    // The B5+1 meeting was reported in English and Ukrainian: the brief speaks English only
    // (the site's main language), and gives the story two sentences at most.
    for text in html.select(&sel("section.brief .brief-text")) {
        assert_eq!(text.value().attr("lang"), Some("en"));
    }
    // Time order: the linked dates never go backwards.
    let dates: Vec<String> = html
        .select(&sel("section.brief a.brief-source"))
        .map(|a| resolve(page, a.value().attr("href").unwrap()).unwrap())
        .map(|t| t["articles/".len().."articles/2026-02-04".len()].to_owned())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    // The month page gives each partner its best sentences, and the home page one line per
    // partner of the latest month, each linking to the partner-month page.
    let month = resolved(&site, "months/2026-02/index.html", ".month-briefs h3 a");
    assert!(month.contains(&page.to_owned()), "{month:?}");
    resolved(
        &site,
        "months/2026-02/index.html",
        ".month-briefs a.brief-source",
    );
    let home = resolved(&site, "index.html", ".month-brief a.brief-partner");
    assert!(!home.is_empty());
    assert!(home
        .iter()
        .all(|t| t.starts_with("partners/") && t.ends_with("/index.html")));
    resolved(&site, "index.html", ".month-brief a.brief-source");
}

#[test]
fn briefs_can_be_turned_off() {
    let site = SiteTest::sample();
    site.set_config("brief_sentences", "0");
    site.build_ok(&[]);
    assert!(!site
        .read("partners/us/2026-02/index.html")
        .contains("brief-lines"));
    assert!(!site.read("index.html").contains("brief-source"));
}

#[test]
fn heatmap_and_timeline_cells_link_to_partner_month_pages() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    for page in ["index.html", "partners/index.html"] {
        let html = site.html(page);
        let svg = html
            .select(&sel("svg.heatmap"))
            .next()
            .unwrap_or_else(|| panic!("{page} has no heatmap"));
        assert_eq!(svg.value().attr("aria-labelledby"), Some("overview-title"));
        let cells = resolved(&site, page, "svg.heatmap a");
        assert!(
            cells
                .iter()
                .any(|t| t.starts_with("partners/us/2026-") && t.ends_with("/index.html")),
            "{cells:?}"
        );
        // Every non-empty cell is a link whose tooltip counts stories and articles.
        let linked = html.select(&sel("svg.heatmap a rect.ov-cell")).count();
        let titled = html
            .select(&sel("svg.heatmap a rect.ov-cell title"))
            .filter(|t| {
                let text: String = t.text().collect();
                text.contains("stor") && text.contains("article")
            })
            .count();
        assert!(linked > 0 && titled == linked);
        // The table fallback has the same links as the cells.
        let table: BTreeSet<String> = resolved(&site, page, ".chart-table td a")
            .into_iter()
            .collect();
        let chart: BTreeSet<String> = cells
            .into_iter()
            .filter(|t| t.split('/').count() == 4)
            .collect();
        assert_eq!(table, chart);
        // The chart is bounded, and wrapped in a box that scrolls on its own.
        assert_eq!(html.select(&sel("div.chart-box > svg.heatmap")).count(), 1);
    }
    let page = "partners/us/index.html";
    let bars = resolved(&site, page, "svg.bar-timeline a");
    assert!(!bars.is_empty());
    assert!(
        bars.iter().all(|t| t.starts_with("partners/us/20")),
        "{bars:?}"
    );
}

#[test]
fn inspect_names_the_story_of_each_article() {
    let site = SiteTest::sample();
    let files = site.sample_clippings();
    let items = site.inspect_json(&files, &[]);
    let story = |prefix: &str| {
        items
            .iter()
            .find(|i| i["source"].as_str().unwrap().contains(prefix))
            .map(|i| i["story"].as_str().unwrap().to_owned())
            .unwrap()
    };
    // Seeds 000 (English) and 001 (Ukrainian) report one meeting: one story, named after
    // its earliest report; every other seed is a story of its own.
    assert_eq!(story("/000_"), story("/001_"));
    for seed in ["/002_", "/003_", "/004_"] {
        assert!(story(seed).contains(seed), "{seed}: {}", story(seed));
    }
}
