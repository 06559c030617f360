//! People and agreements pages on the sample site: what an analyst asks across articles
//! ("what did we sign with Russia", "who met whom").

use crate::util::SiteTest;

#[test]
fn russia_lists_the_seven_documents_of_seed_002() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let russia = site.read("partners/ru/index.html");
    let section = russia
        .split("Agreements with Russia")
        .nth(1)
        .expect("an agreements section on Russia's page")
        .split("</details>")
        .next()
        .unwrap();
    assert_eq!(section.matches("status-signed").count(), 7, "{section}");
    assert!(section.contains("strategic planning"), "{section}");
    // The site-wide page lists them too, under Russia.
    let all = site.read("agreements/index.html");
    assert!(all.contains("strategic planning"));
    assert!(site.read("index.html").contains("agreements/index.html"));
}

#[test]
fn sergio_gor_has_one_page_linked_from_the_english_and_ukrainian_articles() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let people: Vec<String> = site
        .files()
        .into_iter()
        .filter(|f| {
            f.starts_with("people/") && f.ends_with("/index.html") && f != "people/index.html"
        })
        .collect();
    let gor: Vec<&String> = people.iter().filter(|p| p.contains("gor")).collect();
    assert_eq!(gor.len(), 1, "{people:?}");
    let page = site.read(gor[0]);
    assert!(page.contains("Sergio Gor"), "{page}");
    assert!(
        page.contains("Серджіо Гор"),
        "the Ukrainian form is listed: {page}"
    );
    let linking: Vec<String> = site
        .article_pages()
        .into_iter()
        .filter(|a| site.read(a).contains("people/sergio-gor/index.html"))
        .collect();
    assert_eq!(linking.len(), 2, "{linking:?}");
    // No page for a heading or a menu word: every person page has a name of two words.
    for p in &people {
        let html = site.read(p);
        let h1 = crate::util::raw_element(&html, "h1")
            .unwrap_or_default()
            .to_owned();
        let text = h1.trim_start_matches(|c| c != '>').trim_start_matches('>');
        assert!(text.split_whitespace().count() >= 2, "{p}: {h1}");
    }
}
