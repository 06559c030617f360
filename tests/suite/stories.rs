//! Story clusters on the sample site: seeds 000 (English) and 001 (Ukrainian) report Sergio
//! Gor's meeting with Sadyr Japarov at the B5+1 forum in Bishkek; every other seed is a story
//! of its own.

use briefing::config::{BuildOptions, Overrides};

use crate::util::SiteTest;

#[test]
fn the_b5_plus_1_meeting_is_one_story_in_two_languages() {
    let site = SiteTest::sample();
    let opts = BuildOptions::load(site.root(), Overrides::default()).expect("sample site loads");
    let digest = briefing::load(&opts, &briefing::NoProgress)
        .expect("sample site analyses")
        .digest;
    let seed = |prefix: &str| {
        digest
            .items
            .iter()
            .position(|i| {
                i.article
                    .source
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .unwrap_or_else(|| panic!("seed {prefix} is in the digest"))
    };
    let (gor_en, gor_uk) = (seed("000_"), seed("001_"));
    let mut pair = vec![gor_en, gor_uk];
    pair.sort();
    let show = |i: usize| {
        let item = &digest.items[i];
        format!(
            "{:?} {:?} {:?}",
            item.article.date, item.analysis.partners, item.analysis.story_keys
        )
    };
    assert_eq!(
        digest.stories,
        vec![pair],
        "\n{}\n{}",
        show(gor_en),
        show(gor_uk)
    );
    for other in ["002_", "003_", "004_"] {
        assert_eq!(digest.story_of[seed(other)], None, "seed {other}");
    }
}

#[test]
fn each_report_of_the_story_lists_the_other_as_also_reported() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let pages = site.article_pages();
    let page_of = |prefix: &str| {
        pages
            .iter()
            .map(|p| site.read(p))
            .find(|h| crate::util::raw_element(h, "h1").is_some_and(|h1| h1.contains(prefix)))
            .unwrap_or_else(|| panic!("an article headed {prefix:?}"))
    };
    let en = page_of("Ambassador Sergio Gor");
    let uk = page_of("B5+1");
    for html in [&en, &uk] {
        let section = html
            .split("Also reported by")
            .nth(1)
            .unwrap_or_else(|| panic!("no Also reported by section"));
        let section = section.split("</section>").next().unwrap();
        assert!(section.contains("<a href="), "{section}");
    }
    // The other seeds have no such section.
    let with_section = pages
        .iter()
        .filter(|p| site.read(p).contains("Also reported by"))
        .count();
    assert_eq!(with_section, 2);
}

#[test]
fn lists_show_a_story_once_with_its_other_reports_named() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let cards = |page: &str| {
        site.read(page).matches("class=\"card\"").count()
            + site.read(page).matches("class=card>").count()
    };
    // Five articles, four stories: the home page and February's page list four cards.
    assert_eq!(cards("index.html"), 4, "{}", site.read("index.html"));
    let home = site.read("index.html");
    assert!(home.contains("5 articles (4 stories)"), "{home}");
    assert!(home.contains("Also reported by"), "{home}");
    let february = site.read("months/2026-02/index.html");
    assert_eq!(february.matches("Also reported by").count(), 1);
    // Each report keeps its own page.
    assert_eq!(site.article_pages().len(), 5);
}
