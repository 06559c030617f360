//! Pages declare their language: an article its own, every other page the site's.

use crate::util::{sel, SiteTest};

fn html_lang(site: &SiteTest, page: &str) -> String {
    site.html(page)
        .select(&sel("html"))
        .next()
        .and_then(|e| e.value().attr("lang"))
        .unwrap_or_else(|| panic!("{page}: <html> has no lang"))
        .to_owned()
}

fn h1(site: &SiteTest, page: &str) -> String {
    site.html(page)
        .select(&sel("main h1"))
        .next()
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .unwrap_or_else(|| panic!("{page}: no <h1> in <main>"))
}

#[test]
fn ukrainian_article_page_is_lang_uk_and_the_rest_lang_en() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let analysis = site.inspect_json(&site.sample_clippings(), &[]);
    let uk: Vec<&serde_json::Value> = analysis.iter().filter(|a| a["language"] == "uk").collect();
    assert_eq!(uk.len(), 1, "one Ukrainian seed");
    let uk_title = uk[0]["title"].as_str().expect("title");

    let mut uk_pages = Vec::new();
    let mut wrong = Vec::new();
    for page in site.files().iter().filter(|f| f.ends_with(".html")) {
        let lang = html_lang(&site, page);
        // The heading is the whole headline; a made one (cut with "…" in `inspect`) starts
        // with the cut form.
        let is_uk_article = page.starts_with("articles/")
            && h1(&site, page).starts_with(uk_title.trim_end_matches('…'));
        if is_uk_article {
            uk_pages.push(page.clone());
        }
        let expected = if is_uk_article { "uk" } else { "en" };
        if lang != expected {
            wrong.push(format!("{page}: lang=\"{lang}\", expected \"{expected}\""));
        }
    }
    assert_eq!(
        uk_pages.len(),
        1,
        "the Ukrainian article page, by its <h1>: {uk_pages:?}"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A short English clipping. whatlang calls this sentence Spanish with low confidence;
/// `analyse::language::detect` promises `None` when "too short or ambiguous" (then the site
/// language applies) but never checks `Info::is_reliable()`.
#[test]
fn short_english_clipping_is_english() {
    let site = SiteTest::sample();
    site.write(
        "content/short.txt",
        " date 2026-01-05\nOfficials in Bishkek met Russian partners to discuss trade.\n",
    );
    let all = site.inspect_json(&["content/short.txt".to_owned()], &[]);
    assert_eq!(all[0]["language"], "en", "{}", all[0]);
}
