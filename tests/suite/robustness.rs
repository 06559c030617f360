//! Inputs that once crashed or stalled a build (review of the foundation): absurd nesting
//! (stack overflow in the recursive minifier), huge one-line clippings (quadratic summary and
//! figures). Each must build, with minification on, and keep the other articles.

use crate::util::SiteTest;

#[test]
fn hostile_sizes_and_nesting_build() {
    let deep_list: String = (0..2_000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    let front = "+++\ntitle = \"x\"\ndate = 2026-01-01\n+++\n";
    let huge: String = (0..30_000)
        .map(|i| format!("The delegation discussed trade number {i} with partners. "))
        .collect();
    let figures: String = (0..30_000).map(|i| format!("${i} ")).collect();
    let site = SiteTest::sample();
    site.write("content/deep-list.md", format!("{front}{deep_list}"))
        .write("content/deep-quote.md", format!("{front}{}x\n", ">".repeat(30_000)))
        .write("content/divs.md", format!("{front}{}\n", "<div>".repeat(50_000)))
        .write("content/huge.txt", format!(" date 2026-01-02 {huge}\n"))
        .write("content/figures.txt", format!(" date 2026-01-03 Prices {figures}rose.\n"))
        .write("content/no-stops.txt", " date 2026-01-04\nKyrgyzstan and Russia sign deal\n\nThe two presidents signed an agreement on trade in Moscow\n");
    let run = site.build_ok(&[]);
    assert_eq!(site.article_pages().len(), 11, "{}", run.stderr());
    let huge_page = std::fs::read_to_string(site.out().join("index.html")).unwrap();
    assert!(
        huge_page.len() < 200_000,
        "summaries are bounded: home page is {} bytes",
        huge_page.len()
    );
}
