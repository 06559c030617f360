//! Every link of every page works from disk: relative, to a file that exists.

use std::collections::BTreeSet;
use std::path::Path;

use crate::util::{
    has_scheme, ids, links, resolve, strip_query_fragment, SiteTest, SAMPLE_BASE_URL,
};

/// Problems with the links of the site in `out`; `pretty` switches to the pretty-URL rules.
fn link_failures(out: &Path, files: &[String], base_url: &str, pretty: bool) -> Vec<String> {
    let existing: BTreeSet<&str> = files.iter().map(String::as_str).collect();
    let mut failures = Vec::new();
    for page in files.iter().filter(|f| f.ends_with(".html")) {
        let html = scraper::Html::parse_document(&crate::util::read_text(&out.join(page)));
        let page_ids: BTreeSet<String> = ids(&html).into_iter().collect();
        for link in links(&html) {
            let value = link.value.trim();
            let mut fail = |why: &str| {
                failures.push(format!(
                    "{page}: <{} {}=\"{}\">: {why}",
                    link.tag, link.attr, link.value
                ))
            };
            if value.is_empty() {
                fail("empty");
                continue;
            }
            if let Some(fragment) = value.strip_prefix('#') {
                if !page_ids.contains(fragment) {
                    fail("no element has this id");
                }
                continue;
            }
            let lower = value.to_ascii_lowercase();
            if lower.starts_with("http://") || lower.starts_with("https://") {
                let canonical = link.tag == "link" && link.rel.as_deref() == Some("canonical");
                if value.starts_with(base_url) && !canonical {
                    fail("absolute link to the site itself (only rel=canonical may be)");
                }
                continue;
            }
            if lower.starts_with("mailto:") {
                continue;
            }
            if has_scheme(value) {
                fail("unexpected scheme");
                continue;
            }
            if value.starts_with('/') {
                fail("root-relative (breaks under a sub-path and from file://)");
                continue;
            }
            let path = strip_query_fragment(value);
            let Some(target) = resolve(page, path) else {
                fail("climbs above the site root");
                continue;
            };
            if existing.contains(target.as_str()) {
                if pretty && (target == "index.html" || target.ends_with("/index.html")) {
                    fail("pretty_urls: a directory page is linked with index.html");
                }
                continue;
            }
            let index = if target.is_empty() {
                "index.html".to_owned()
            } else {
                format!("{target}/index.html")
            };
            if existing.contains(index.as_str()) {
                if !pretty {
                    fail("links a directory, not its index.html");
                } else if !path.ends_with('/') {
                    fail("pretty_urls: a directory link must end in '/'");
                }
                continue;
            }
            fail(&format!("target `{target}` does not exist"));
        }
    }
    failures
}

#[test]
fn every_link_is_relative_and_resolves_to_an_output_file() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let files = site.files();
    let failures = link_failures(&site.out(), &files, SAMPLE_BASE_URL, false);
    assert!(
        failures.is_empty(),
        "{} broken links:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn pages_link_to_each_other() {
    // Guard against the link check passing vacuously.
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let html = site.html("index.html");
    let internal: Vec<String> = links(&html)
        .into_iter()
        .map(|l| l.value)
        .filter(|v| v.starts_with("./") || !has_scheme(v) && !v.starts_with('#'))
        .collect();
    assert!(
        internal.iter().any(|v| v.contains("articles/")),
        "the home page links no article: {internal:?}"
    );
    assert!(
        internal.iter().any(|v| v.contains("partners/")),
        "{internal:?}"
    );
}

#[test]
fn pretty_urls_link_directory_pages_with_a_trailing_slash() {
    let site = SiteTest::sample();
    site.set_config("pretty_urls", "true");
    site.build_ok(&[]);
    let files = site.files();
    let failures = link_failures(&site.out(), &files, SAMPLE_BASE_URL, true);
    assert!(
        failures.is_empty(),
        "{} bad links:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The sample plus an undated clipping, two articles with the same date and title, and a
/// Cyrillic title: the pages the sample alone does not have.
pub(crate) fn mixed_site() -> SiteTest {
    let site = SiteTest::sample();
    site.write(
        "content/undated.txt",
        "Officials in Bishkek met Russian partners on Monday to discuss trade, energy and transport.\n",
    )
    .write(
        "content/dup-a.md",
        "+++\ntitle = \"Same title\"\ndate = 2026-01-16\n+++\nFirst article about China.\n",
    )
    .write(
        "content/dup-b.md",
        "+++\ntitle = \"Same title\"\ndate = 2026-01-16\n+++\nSecond article about China.\n",
    )
    .write(
        "content/cyrillic.md",
        "+++\ntitle = \"Бишкек и Москва подписали соглашение\"\ndate = 2026-01-14\n+++\nКыргызстан и Россия подписали соглашение о сотрудничестве в Бишкеке.\n",
    );
    site
}

#[test]
fn links_resolve_on_a_site_with_undated_and_duplicate_articles() {
    for pretty in [false, true] {
        let site = mixed_site();
        if pretty {
            site.set_config("pretty_urls", "true");
        }
        site.build_ok(&[]);
        let files = site.files();
        assert!(
            files.contains(&"months/undated/index.html".to_owned()),
            "{files:#?}"
        );
        let failures = link_failures(&site.out(), &files, SAMPLE_BASE_URL, pretty);
        assert!(
            failures.is_empty(),
            "pretty_urls = {pretty}: {} bad links:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
