//! The sample site builds into every kind of page the URL scheme promises.

use std::collections::BTreeSet;

use crate::util::{is_article_dir_name, SiteTest};

#[test]
fn sample_site_builds_every_page_type() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let files: BTreeSet<String> = site.files().into_iter().collect();
    let mut missing = Vec::new();
    let mut expect = |path: &str| {
        if !files.contains(path) {
            missing.push(path.to_owned());
        }
    };
    for path in [
        "index.html",
        "404.html",
        "feed.xml",
        "sitemap.xml",
        "style.css",
        ".nojekyll",
        "partners/index.html",
        "months/index.html",
        "partners/us/2026-02/index.html",
    ] {
        expect(path);
    }
    for id in ["us", "ru", "pk", "ots"] {
        expect(&format!("partners/{id}/index.html"));
        expect(&format!("partners/{id}/feed.xml"));
    }
    for month in ["2025-11", "2025-12", "2026-02"] {
        expect(&format!("months/{month}/index.html"));
    }
    assert!(
        missing.is_empty(),
        "missing from the output: {missing:?}\nall files: {files:#?}"
    );

    let partner_pages: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("partners/kg"))
        .collect();
    assert!(
        partner_pages.is_empty(),
        "the home country has pages: {partner_pages:?}"
    );
}

#[test]
fn sample_site_has_five_article_pages_named_by_date_and_slug() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let pages = site.article_pages();
    assert_eq!(pages.len(), 5, "{pages:#?}");
    let mut dates = Vec::new();
    for page in &pages {
        let parts: Vec<&str> = page.split('/').collect();
        assert_eq!(parts.len(), 3, "articles/<name>/index.html: {page}");
        assert!(
            is_article_dir_name(parts[1]),
            "bad article folder name: {page}"
        );
        dates.push(&parts[1][..10]);
    }
    dates.sort_unstable();
    assert_eq!(
        dates,
        [
            "2025-11-26",
            "2025-12-04",
            "2025-12-18",
            "2026-02-04",
            "2026-02-04"
        ]
    );
}

/// One partner page per partner and one partner-month page per (partner, month) of its
/// articles, as `inspect --json` reports them; nothing more.
#[test]
fn partner_and_month_pages_match_the_analysis() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let analysis = site.inspect_json(&site.sample_clippings(), &[]);

    let mut partners = BTreeSet::new();
    let mut partner_months = BTreeSet::new();
    let mut months = BTreeSet::new();
    for article in &analysis {
        let month = article["date"].as_str().map(|d| d[..7].to_owned());
        if let Some(m) = &month {
            months.insert(format!("months/{m}/index.html"));
        }
        for p in article["partners"].as_array().expect("partners array") {
            let id = p.as_str().expect("partner id");
            partners.insert(format!("partners/{id}/index.html"));
            if let Some(m) = &month {
                partner_months.insert(format!("partners/{id}/{m}/index.html"));
            }
        }
    }

    let files = site.files();
    let depth = |f: &str| f.matches('/').count();
    let built_partners: BTreeSet<String> = files
        .iter()
        .filter(|f| f.starts_with("partners/") && f.ends_with("/index.html") && depth(f) == 2)
        .cloned()
        .collect();
    let built_partner_months: BTreeSet<String> = files
        .iter()
        .filter(|f| f.starts_with("partners/") && f.ends_with("/index.html") && depth(f) == 3)
        .cloned()
        .collect();
    let built_months: BTreeSet<String> = files
        .iter()
        .filter(|f| f.starts_with("months/") && f.ends_with("/index.html") && depth(f) == 2)
        .cloned()
        .collect();
    assert_eq!(built_partners, partners);
    assert_eq!(built_partner_months, partner_months);
    assert_eq!(built_months, months);
    assert_eq!(built_partner_months.len(), 6, "{built_partner_months:#?}");
}

#[test]
fn home_country_never_gets_a_page_even_when_front_matter_names_it() {
    let site = SiteTest::sample();
    site.write(
        "content/home.md",
        "+++\ntitle = \"Home as partner\"\ndate = 2026-01-20\npartners = [\"kg\", \"Kyrgyzstan\", \"Китай\"]\n+++\nText about trade.\n",
    )
    .write(
        "content/yaml.md",
        "---\ntitle: YAML front matter\ndate: 2026-01-21\npartners: [Россия, Kyrgyzstan]\n---\nText about trade.\n",
    );
    let run = site.build_ok(&[]);
    assert!(
        run.stderr().contains("warning[home-partner]"),
        "{}",
        run.stderr()
    );
    let files = site.files();
    let kg: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("partners/kg"))
        .collect();
    assert!(kg.is_empty(), "{kg:?}");
    // Names in any language resolve to ids.
    assert!(
        files.contains(&"partners/cn/2026-01/index.html".to_owned()),
        "{files:#?}"
    );
    assert!(
        files.contains(&"partners/ru/2026-01/index.html".to_owned()),
        "{files:#?}"
    );
}
