//! Entry points for fuzzing: each takes arbitrary bytes, runs one stage's parser on them as a
//! build would, and checks the invariants that stage promises its callers.
//!
//! They live in the library rather than in `fuzz/` so that two things share one definition:
//! the `cargo fuzz` targets (`fuzz/fuzz_targets/*.rs`, nightly, one line each) and the replay
//! test (`tests/suite/fuzz_corpus.rs`, stable, part of `cargo test`), which runs every input
//! of the committed corpora and every past finding through the same code. A finding fixed
//! once therefore stays fixed without a nightly toolchain in CI.
//!
//! A panic, an endless loop or a broken invariant here is a bug in the stage, never in the
//! input: users' files are untrusted.

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use crate::analyse::{self, text, AnalysisContext};
use crate::config::SiteConfig;
use crate::ingest::{self, dates, decode, front_matter, Article, Format, Source};

/// One fuzzing entry point: arbitrary bytes in, a panic on a bug.
pub type EntryPoint = fn(&[u8]);

/// The inputs, by target name (the names of `fuzz/fuzz_targets/*.rs` and of the corpus folders
/// under `fuzz/corpus/`).
pub const TARGETS: &[(&str, EntryPoint)] = &[
    ("markdown_file", markdown_file),
    ("clipping_file", clipping_file),
    ("saved_page", saved_page),
    ("date_line", date_line),
    ("sentences", sentences),
    ("partners", partners),
];

/// A Markdown file: decoding, front matter splitting and parsing, Markdown to sanitised HTML.
pub fn markdown_file(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        // The splitter alone: whatever it returns is a tail of the input.
        if let Ok(split) = front_matter::split(text) {
            assert!(
                text.ends_with(split.body),
                "the body is the end of the file"
            );
            assert!(split.body_line >= 1);
        }
    }
    if let Some(article) = load(Format::Markdown, data) {
        check_article(&article);
    }
}

/// A `.txt` clipping: decoding, the clipping parser (title, byline, date, source, chrome),
/// twice: alone and with its own first lines taken as site chrome, as when many clippings
/// of one site share a menu.
pub fn clipping_file(data: &[u8]) {
    if let Some(article) = load(Format::Clipping, data) {
        check_article(&article);
    }
    let mut diags = Vec::new();
    if let Some(text) = decode::decode(data, Path::new("fuzz.txt"), &mut diags) {
        let chrome: HashSet<String> = text
            .lines()
            .take(3)
            .map(crate::ingest::clipping::normalise_line)
            .filter(|l| !l.is_empty())
            .collect();
        let source = Source::from_text(Path::new("fuzz.txt"), Format::Clipping, &text, None);
        if let Some(article) = source.parse(&chrome).article {
            check_article(&article);
        }
    }
}

/// A page saved from a browser (`.html`): the saved-page extractor and the sanitiser.
pub fn saved_page(data: &[u8]) {
    if let Some(article) = load(Format::Html, data) {
        check_article(&article);
    }
}

/// One line through every date reader: date lines (labels, relative days, missing years),
/// dates anywhere in a line in either day/month order, ISO dates and times.
pub fn date_line(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for line in text.lines().take(64) {
        if let Some(read) = dates::read_line(line) {
            let context = chrono::NaiveDate::from_ymd_opt(2020, 2, 29);
            let _ = read.date(context);
            let _ = read.date(None);
        }
        let _ = dates::find_in_line(line, true);
        let _ = dates::find_in_line(line, false);
        let _ = dates::parse_date_line(line);
        let _ = dates::parse_iso(line);
        let _ = dates::parse_time(line);
        for word in line.split_whitespace().take(64) {
            let _ = dates::month_number(word);
        }
    }
}

/// The sentence splitter, quotation splitter and tokeniser: every piece they return is a
/// slice of the paragraph, in order, and no text is invented.
pub fn sentences(data: &[u8]) {
    let Ok(paragraph) = std::str::from_utf8(data) else {
        return;
    };
    let mut from = 0;
    for sentence in text::sentences(paragraph) {
        let offset = offset_in(paragraph, sentence);
        assert!(offset >= from, "sentences come in text order");
        from = offset + sentence.len();
        let _ = text::inner_sentences(sentence);
        for part in text::split_quotations(sentence) {
            offset_in(sentence, part);
        }
    }
    for token in text::tokens(paragraph) {
        let _ = text::fold(token.text);
    }
}

/// The partner matcher over raw text, then the whole analysis of the text as a clipping
/// (language, partners, summary, figures, people, agreements, story keys).
pub fn partners(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ctx = context();
    for hit in ctx.gazetteer.scan(text) {
        assert!(
            hit.start < hit.end && hit.end <= text.len(),
            "hits lie inside the text"
        );
        assert!(text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end));
        assert!(hit.partner < ctx.gazetteer.partners().len());
    }
    if let Some(article) = load(Format::Clipping, data) {
        let (analysis, _) = analyse::analyse(&article, ctx);
        assert!(
            analysis
                .partners
                .iter()
                .all(|p| Some(p) != ctx.home.as_ref() && !analysis.mentioned.contains(p)),
            "a partner is never the home country, nor also only mentioned"
        );
        assert!(analysis.summary.len() <= ctx.summary_sentences.max(1) * 4);
    }
}

/// The analysis settings of a default site with a home country, built once.
fn context() -> &'static AnalysisContext {
    static CONTEXT: OnceLock<AnalysisContext> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let config = SiteConfig {
            home_country: Some("KG".into()),
            ..SiteConfig::default()
        };
        AnalysisContext::new(&config).expect("the built-in gazetteer loads")
    })
}

/// Decode and parse bytes as a file of `format`, as a build reads a file from `content/`.
fn load(format: Format, data: &[u8]) -> Option<Article> {
    let name = match format {
        Format::Markdown => "fuzz.md",
        Format::Clipping => "fuzz.txt",
        Format::Html => "fuzz.html",
    };
    let display = Path::new(name);
    let mut diags = Vec::new();
    let text = decode::decode(data, display, &mut diags)?;
    let loaded = Source::from_text(display, format, &text, None).parse(&ingest::SiteChrome::new());
    for d in &loaded.diagnostics {
        let shown = d.to_string();
        assert_eq!(
            shown.lines().count(),
            1 + usize::from(d.hint.is_some()),
            "a diagnostic prints as one line (and its hint as another): {shown:?}"
        );
    }
    loaded.article
}

/// What every article promises the later stages.
fn check_article(article: &Article) {
    assert!(
        !article.title.trim().is_empty(),
        "a headline is never empty"
    );
    // Text may say "javascript:" or "<script" (escaped); tags may not. In sanitised HTML every
    // `<` opens a tag, so the tags are what lies between `<` and `>`.
    let html = article.html.to_ascii_lowercase();
    for tag in html.split('<').skip(1).filter_map(|t| t.split('>').next()) {
        let name = tag.trim_start_matches('/');
        assert!(
            !name.starts_with("script"),
            "no script element: {}",
            article.html
        );
        for (attr, value) in attributes(tag) {
            assert!(
                !attr.starts_with("on"),
                "no event handler: <{tag}> in {}",
                article.html
            );
            assert!(
                !value.trim_start().starts_with("javascript:"),
                "no javascript: link: <{tag}> in {}",
                article.html
            );
        }
    }
    if let Some(url) = &article.url {
        assert!(url.starts_with("http://") || url.starts_with("https://"));
    }
}

/// Where `part` (a slice of `whole`) starts in it; panics when it is not a slice of it.
fn offset_in(whole: &str, part: &str) -> usize {
    let start = part.as_ptr() as usize;
    let base = whole.as_ptr() as usize;
    assert!(
        start >= base && start + part.len() <= base + whole.len(),
        "{part:?} is a slice of its input"
    );
    start - base
}

/// The attributes of a tag's inside (`a href="x" rel=y`), as (name, value): quoted values are
/// skipped whole, so words inside them are never taken for names.
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches('/');
    // Skip the element name.
    rest = rest.trim_start_matches(|c: char| !c.is_ascii_whitespace());
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return out;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let end = inner.find(q).unwrap_or(inner.len());
                    value = &inner[..end];
                    rest = inner.get(end + 1..).unwrap_or("");
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    value = &after[..end];
                    rest = &after[end..];
                }
            }
        }
        if name.is_empty() {
            // A stray character: step over it.
            rest = rest.get(1..).unwrap_or("");
            continue;
        }
        out.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::attributes;

    #[test]
    fn words_inside_quoted_values_are_not_attribute_names() {
        let tag = r#"a href="https://x.org/ on wednesday" rel='noopener onload' onclick=go"#;
        assert_eq!(
            attributes(tag),
            vec![
                ("href", "https://x.org/ on wednesday"),
                ("rel", "noopener onload"),
                ("onclick", "go")
            ]
        );
    }
}
