//! Snapshots of rendered pages, to review theme changes.

use crate::util::{raw_element, SiteTest};

#[test]
fn pakistan_article_main_snapshot() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let page = site
        .article_pages()
        .into_iter()
        .find(|p| p.starts_with("articles/2025-12-04-"))
        .expect("the Pakistan article page");
    let html = site.read(&page);
    let main = raw_element(&html, "main").expect("a <main> element");
    let root = site.root().to_string_lossy().into_owned();
    let main = main.replace(&root, "[TMP]");
    crate::util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("pakistan_article_main", main);
    });
}
