//! Hostile articles cannot inject script, escape the output folder or collide.

use std::collections::BTreeSet;

use scraper::Html;

use crate::util::{is_article_dir_name, is_inside, raw_element, read_text, sel, SiteTest};

const HOSTILE_BODY: &str = r#"
# Heading

Plain text about Bishkek and Moscow.

<script>alert(1)</script>

<img src=x onerror=alert(1)>

[click me](javascript:alert(1))

<a href="https://e.org" onclick="x()">e.org</a>

<iframe src="https://evil.example/"></iframe>

<style>body { display: none }</style>

<div onmouseover="alert(2)" style="x">hover</div>

<a href="JaVaScRiPt:alert(3)">mixed case</a>

<svg><script>alert(4)</script></svg>
"#;

fn long_title() -> String {
    let mut title = String::new();
    while title.len() < 2000 {
        title.push_str("Very long headline about Kyrgyzstan and Kazakhstan ");
    }
    title.truncate(2000);
    title.trim_end().to_owned()
}

pub(crate) fn hostile_site() -> SiteTest {
    let site = SiteTest::sample();
    site.write(
        "content/hostile.md",
        format!(
            "+++\ntitle = \"Hostile body\"\ndate = 2026-01-10\nurl = \"javascript:alert(1)\"\n+++\n{HOSTILE_BODY}"
        ),
    )
    .write(
        "content/script-title.md",
        "+++\ntitle = '<script>alert(\"t\")</script>'\ndate = 2026-01-11\n+++\nText about Russia.\n",
    )
    .write(
        "content/passwd.md",
        "+++\ntitle = \"../../../etc/passwd\"\ndate = 2026-01-12\n+++\nText about China.\n",
    )
    .write(
        "content/clip.txt",
        " date 2026-01-13\nBISHKEK, Kyrgyzstan, January 13. Officials met <b onmouseover=alert(1)>x</b> in Bishkek with Turkish partners.\n",
    )
    .write(
        "content/cyrillic.md",
        "+++\ntitle = \"Бишкек и Москва подписали соглашение\"\ndate = 2026-01-14\n+++\nКыргызстан и Россия подписали соглашение о сотрудничестве.\n",
    )
    .write(
        "content/long.md",
        format!("+++\ntitle = \"{}\"\ndate = 2026-01-15\n+++\nText.\n", long_title()),
    )
    .write(
        "content/dup-a.md",
        "+++\ntitle = \"Same title\"\ndate = 2026-01-16\n+++\nFirst of two.\n",
    )
    .write(
        "content/dup-b.md",
        "+++\ntitle = \"Same title\"\ndate = 2026-01-16\n+++\nSecond of two.\n",
    );
    site
}

/// The page without its `<title>` element.
fn without_title(html: &str) -> String {
    match raw_element(html, "title") {
        Some(title) => html.replacen(title, "", 1),
        None => html.to_owned(),
    }
}

/// A script element as "src" or its inline text, to compare with the theme's own.
fn scripts(html: &Html) -> Vec<String> {
    html.select(&sel("script"))
        .map(|s| match s.value().attr("src") {
            Some(src) => format!("src={src}"),
            None => format!("inline={}", s.text().collect::<String>()),
        })
        .collect()
}

#[test]
fn hostile_articles_are_sanitised_and_contained() {
    // The theme's own scripts, from a clean build of the sample site.
    let clean = SiteTest::sample();
    clean.build_ok(&[]);
    let mut theme_scripts = BTreeSet::new();
    for page in clean.files().iter().filter(|f| f.ends_with(".html")) {
        theme_scripts.extend(scripts(&clean.html(page)));
    }
    let clean_article = clean
        .article_pages()
        .into_iter()
        .find(|p| p.contains("2025-12-04"))
        .expect("the Pakistan article");
    let article_scripts = scripts(&clean.html(&clean_article)).len();
    let not_found_scripts = scripts(&clean.html("404.html"));
    assert_eq!(
        not_found_scripts.len(),
        1,
        "the 404 page has one inline script"
    );
    assert!(not_found_scripts[0].starts_with("inline="));

    let site = hostile_site();
    let run = site.build(&[]);
    assert!(
        matches!(run.code(), 0 | 1),
        "exit {}\n{}",
        run.code(),
        run.stderr()
    );
    let out = site.out();
    let files = site.files();
    assert!(files.contains(&"index.html".to_owned()), "no site produced");

    let mut failures = Vec::new();
    for file in &files {
        if !is_inside(&out, file) {
            failures.push(format!("{file}: outside the output folder"));
        }
    }
    for page in files.iter().filter(|f| f.ends_with(".html")) {
        let text = read_text(&out.join(page));
        // <title> is checked on its own (see the ignored test below): the minifier writes its
        // text unescaped, which browsers read as text but raw-text checks do not.
        let lower = without_title(&text).to_ascii_lowercase();
        for needle in ["<script>alert", "<iframe"] {
            if lower.contains(needle) {
                failures.push(format!("{page}: contains `{needle}`"));
            }
        }
        let html = Html::parse_document(&text);
        for element in html.select(&sel("*")) {
            let el = element.value();
            for (name, value) in el.attrs() {
                if name.to_ascii_lowercase().starts_with("on") {
                    failures.push(format!("{page}: <{} {name}=\"{value}\">", el.name()));
                }
                let is_url = matches!(
                    name,
                    "href" | "src" | "action" | "formaction" | "xlink:href"
                );
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if is_url
                    && (v.starts_with("javascript:")
                        || v.starts_with("data:")
                        || v.starts_with("vbscript:"))
                {
                    failures.push(format!("{page}: <{} {name}=\"{value}\">", el.name()));
                }
            }
            // The theme's own search form is the only form allowed.
            let theme_form = page == "search/index.html"
                && el.name() == "form"
                && el.id() == Some("search-form");
            if matches!(el.name(), "iframe" | "object" | "embed" | "form") && !theme_form {
                failures.push(format!("{page}: <{}> element", el.name()));
            }
        }
        if html.select(&sel("main style, body style")).next().is_some() {
            failures.push(format!("{page}: <style> element in the body"));
        }
        let page_scripts = scripts(&html);
        for s in &page_scripts {
            if !theme_scripts.contains(s) {
                failures.push(format!("{page}: script not from the theme: {s}"));
            }
        }
        if page.starts_with("articles/") && page_scripts.len() != article_scripts {
            failures.push(format!(
                "{page}: {} scripts, a sample article page has {article_scripts}",
                page_scripts.len()
            ));
        }
    }

    let articles = site.article_pages();
    for page in &articles {
        let name = page.split('/').nth(1).unwrap_or_default();
        if !is_article_dir_name(name) {
            failures.push(format!(
                "{page}: article folder name is not yyyy-mm-dd-slug"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // Nothing was written outside the site: the root holds what it held, plus public/ and
    // the build cache.
    let mut top: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, [".briefing-cache", "content", "public", "site.toml"]);

    // 5 seeds + 8 hostile articles, the duplicates on two distinct pages.
    assert_eq!(articles.len(), 13, "{articles:#?}");
    let same: Vec<&String> = articles
        .iter()
        .filter(|p| p.starts_with("articles/2026-01-16-same-title"))
        .collect();
    assert_eq!(
        same.len(),
        2,
        "duplicate titles need two pages: {articles:#?}"
    );
    let bodies: BTreeSet<String> = same
        .iter()
        .map(|p| {
            site.html(p)
                .select(&sel(".article-body"))
                .next()
                .unwrap()
                .text()
                .collect()
        })
        .collect();
    assert_eq!(bodies.len(), 2, "the two pages show different articles");

    // Feeds stay well-formed whatever the titles hold.
    for feed in files.iter().filter(|f| f.ends_with(".xml")) {
        let text = site.read(feed);
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{feed} is not well-formed: {e}");
        }
    }
}

#[test]
fn hostile_titles_are_escaped_text_and_urls_are_not_linked() {
    let site = hostile_site();
    let run = site.build(&[]);
    assert!(matches!(run.code(), 0 | 1), "{}", run.stderr());
    let stderr = run.stderr();
    assert!(
        stderr.contains("content/hostile.md") && stderr.contains("[bad-url]"),
        "a javascript: url is reported:\n{stderr}"
    );

    let find = |prefix: &str| {
        site.article_pages()
            .into_iter()
            .find(|p| p.starts_with(prefix))
            .unwrap_or_else(|| panic!("no page starting {prefix}: {:#?}", site.article_pages()))
    };
    let h1 = |page: &str| -> String {
        site.html(page)
            .select(&sel("main h1"))
            .next()
            .unwrap()
            .text()
            .collect()
    };
    // The title is shown as text, not run.
    let script_page = find("articles/2026-01-11-");
    assert_eq!(h1(&script_page), "<script>alert(\"t\")</script>");
    let passwd_page = find("articles/2026-01-12-");
    assert_eq!(h1(&passwd_page), "../../../etc/passwd");
    assert_eq!(passwd_page, "articles/2026-01-12-etc-passwd/index.html");
    // Cyrillic titles get transliterated ASCII slugs.
    let cyrillic = find("articles/2026-01-14-");
    assert!(cyrillic.contains("bishkek"), "{cyrillic}");
    assert_eq!(h1(&cyrillic), "Бишкек и Москва подписали соглашение");
    // A 2,000-character title still makes a page with a bounded folder name.
    let long = find("articles/2026-01-15-");
    assert!(long.len() < 120, "{long}");
    // The hostile page has no link to its javascript: url, and the clipping's markup is text.
    let hostile = find("articles/2026-01-10-");
    assert!(!site
        .read(&hostile)
        .to_ascii_lowercase()
        .contains("javascript:alert"));
    let clip = find("articles/2026-01-13-");
    let body: String = site
        .html(&clip)
        .select(&sel(".article-body"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        body.contains("<b onmouseover=alert(1)>x</b>"),
        "clipping text is escaped, not dropped: {body}"
    );
}

/// The built HTML never holds `<script>alert` as raw bytes, not even inside `<title>`.
///
/// Tera escapes the title (`&lt;script&gt;`), then minify-html decodes it again inside
/// `<title>` (RCDATA), so the page holds `<title><script>alert("t")</script> · ...</title>`.
/// Browsers read that as text, but any tool reading the raw page (a grep, a regex-based
/// title extractor, an XML parser) sees markup; with `minify = false` it stays escaped.
#[test]
fn hostile_title_stays_escaped_in_the_raw_page() {
    let site = hostile_site();
    let run = site.build(&[]);
    assert!(matches!(run.code(), 0 | 1), "{}", run.stderr());
    let offenders: Vec<String> = site
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html") && site.file_contains(f, "<script>alert"))
        .collect();
    assert!(offenders.is_empty(), "raw `<script>alert` in {offenders:?}");
}

#[test]
fn hostile_title_stays_escaped_without_minify() {
    let site = hostile_site();
    site.set_config("minify", "false");
    let run = site.build(&[]);
    assert!(matches!(run.code(), 0 | 1), "{}", run.stderr());
    let offenders: Vec<String> = site
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html") && site.file_contains(f, "<script>alert"))
        .collect();
    assert!(offenders.is_empty(), "raw `<script>alert` in {offenders:?}");
}
