//! `briefing check`: an in-memory build whose links, feeds and sitemap are verified, plus
//! duplicate articles. Nothing is written.

use crate::util::SiteTest;

#[test]
fn sample_site_checks_clean_and_writes_nothing() {
    let site = SiteTest::sample();
    let run = site.run(&["check", "--strict"]);
    run.assert_code(0);
    assert!(run.stderr().contains("no problems"), "{}", run.stderr());
    assert!(!site.out().exists(), "check must not write the site");
}

#[test]
fn planted_broken_links_are_reported_with_page_and_line() {
    let site = SiteTest::sample();
    let theme_404 =
        std::fs::read_to_string(crate::util::repo_root().join("themes/default/templates/404.html"))
            .unwrap();
    let broken = theme_404.replace(
        "{% block content %}",
        "{% block content %}\n<a href=\"{{ root }}nowhere/index.html\">x</a><a href=\"/rooted.html\">y</a><a href=\"{{ root }}partners/\">z</a>",
    );
    site.write("templates/404.html", broken);
    let run = site.run(&["check"]);
    run.assert_code(1);
    let stderr = run.stderr();
    for expected in [
        "public/404.html:",
        "error[broken-link]",
        "nowhere/index.html",
        "/rooted.html",
        "opens a listing",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}

#[test]
fn duplicate_articles_warn_and_strict_fails() {
    let site = SiteTest::sample();
    let seed =
        std::fs::read_to_string(site.root().join("content/004_cc90accddc630c21.txt")).unwrap();
    site.write("content/copy-of-004.txt", seed);
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(
        run.stderr()
            .contains("content/copy-of-004.txt: warning[duplicate-text]"),
        "{}",
        run.stderr()
    );
    site.run(&["check", "--strict"]).assert_code(1);
}
