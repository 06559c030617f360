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

/// The deep-nesting cases of issue 16 (tens of thousands of nested lists, quotes and tags in
/// Markdown and saved pages) once kept a build busy for minutes: html5ever and the extractor
/// are quadratic in depth. Saved pages are now cut to a fixed depth before parsing (with a
/// warning naming the file), Markdown containers were already capped; every article builds.
#[test]
fn deep_nesting_is_bounded_and_named() {
    const N: usize = 30_000;
    let front = "+++\ntitle = \"x\"\ndate = 2026-01-01\n+++\n";
    let page = |body: String| {
        format!("<html><head><title>Deep page</title></head><body>{body}</body></html>")
    };
    let text = "Kyrgyzstan and Russia signed an agreement on trade in Bishkek today.";
    let site = SiteTest::sample();
    site.write(
        "content/md-list.md",
        format!("{front}{}x\n", "- ".repeat(N)),
    )
    .write(
        "content/md-ordered.md",
        format!("{front}{}x\n", "1. ".repeat(N)),
    )
    .write(
        "content/md-quote.md",
        format!("{front}{}x\n", ">".repeat(N)),
    )
    .write(
        "content/md-divs.md",
        format!("{front}{}\n", "<div>".repeat(N)),
    )
    .write(
        "content/md-links.md",
        format!("{front}{}x{}\n", "[".repeat(N), "](u)".repeat(N)),
    )
    .write(
        "content/html-divs.html",
        page(format!(
            "{}<p>{text}</p>{}",
            "<div>".repeat(N),
            "</div>".repeat(N)
        )),
    )
    .write(
        "content/html-open.html",
        page(format!("{}<p>{text}", "<div>".repeat(N))),
    )
    .write(
        "content/html-lists.html",
        page(format!("{}<p>{text}", "<ul><li>".repeat(N))),
    )
    .write(
        "content/html-quotes.html",
        page(format!("<article>{}<p>{text}", "<blockquote>".repeat(N))),
    )
    .write(
        "content/html-tables.html",
        page(format!("{}<p>{text}", "<table><tr><td>".repeat(N / 3))),
    );
    let run = site.build_ok(&[]);
    let stderr = run.stderr();
    for name in [
        "html-divs",
        "html-open",
        "html-lists",
        "html-quotes",
        "html-tables",
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(&format!("{name}.html")) && l.contains("nested")),
            "{name}: a warning names the file\n{stderr}"
        );
    }
    assert!(
        site.article_pages().len() >= 5 + 5,
        "the other articles build: {:?}\n{stderr}",
        site.article_pages()
    );
}
