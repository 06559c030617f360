//! Markdown bodies: sanitised HTML for the page, plain-text blocks for analysis.
//!
//! Articles are copied from the web, so raw HTML inside Markdown is untrusted: everything goes
//! through ammonia, which drops scripts, event handlers, `javascript:` URLs and styles.

use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{Block, BlockKind};

/// A Markdown body, converted.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Markdown {
    /// The first `# Heading` when it opens the body (removed from `html` and `blocks`).
    pub title: Option<String>,
    /// Plain-text blocks for analysis.
    pub blocks: Vec<Block>,
    /// Sanitised HTML.
    pub html: String,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Convert `body`; `want_title` takes an opening level-1 heading as the title.
pub fn convert(body: &str, want_title: bool) -> Markdown {
    let mut events: Vec<Event> = limit_nesting(Parser::new_ext(body, options()));
    let mut out = Markdown::default();

    if want_title
        && matches!(
            events.first(),
            Some(Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }))
        )
    {
        let end = events
            .iter()
            .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
            .unwrap_or(events.len() - 1);
        let title = plain_text(&events[1..end]);
        if !title.trim().is_empty() {
            out.title = Some(title.trim().to_owned());
        }
        events.drain(..=end);
    }

    out.blocks = blocks(&events);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    out.html = sanitise(&html);
    out
}

/// Deepest nesting of Markdown containers kept; deeper ones are flattened into their parent.
const MAX_DEPTH: usize = 32;
/// Raw HTML tags allowed before a body's raw HTML is shown as text instead.
const MAX_RAW_TAGS: usize = 2_000;

/// Hostile input ("`>`" ten thousand times, `<div>` nested a hundred thousand deep) would
/// overflow the stack of the recursive HTML minifier and make the sanitiser quadratic: cap
/// container depth, and treat an absurd amount of raw HTML as text.
fn limit_nesting<'a>(parser: Parser<'a>) -> Vec<Event<'a>> {
    let mut events = Vec::new();
    let mut depth = 0usize;
    let mut dropped: Vec<bool> = Vec::new(); // per open container: was its Start dropped?
    let mut raw_tags = 0usize;
    for event in parser {
        match &event {
            Event::Start(tag) if is_container(tag) => {
                depth += 1;
                let drop = depth > MAX_DEPTH;
                dropped.push(drop);
                if drop {
                    continue;
                }
            }
            Event::End(end) if is_container_end(end) => {
                depth = depth.saturating_sub(1);
                if dropped.pop().unwrap_or(false) {
                    continue;
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => raw_tags += html.matches('<').count(),
            _ => {}
        }
        events.push(event);
    }
    if raw_tags > MAX_RAW_TAGS {
        for event in &mut events {
            if let Event::Html(html) | Event::InlineHtml(html) = event {
                *event = Event::Text(html.clone());
            }
        }
    }
    events
}

fn is_container(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_)
    )
}

fn is_container_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition
    )
}

/// Clean untrusted HTML: safe tags and attributes only, external links marked.
pub fn sanitise(html: &str) -> String {
    static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut builder = ammonia::Builder::default();
        builder.link_rel(Some("noopener noreferrer nofollow"));
        // An article's relative links and images pointed into the site it was copied from;
        // here they would be broken links.
        builder.url_relative(ammonia::UrlRelative::Deny);
        builder
    });
    CLEANER.clean(html).to_string()
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

fn blocks(events: &[Event]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let flush = |current: &mut Option<Block>, blocks: &mut Vec<Block>| {
        if let Some(mut block) = current.take() {
            block.text = block.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !block.text.is_empty() {
                blocks.push(block);
            }
        }
    };
    for event in events {
        match event {
            Event::Start(Tag::Paragraph) if current.is_none() => {
                current = Some(Block {
                    kind: BlockKind::Paragraph,
                    text: String::new(),
                })
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut blocks);
                current = Some(Block {
                    kind: BlockKind::ListItem,
                    text: String::new(),
                });
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, &mut blocks);
                current = Some(Block {
                    kind: BlockKind::Heading,
                    text: String::new(),
                });
            }
            Event::End(TagEnd::Paragraph) if matches!(&current, Some(b) if b.kind == BlockKind::Paragraph) => {
                flush(&mut current, &mut blocks)
            }
            Event::End(TagEnd::Item | TagEnd::Heading(_)) => flush(&mut current, &mut blocks),
            Event::Text(t) | Event::Code(t) => {
                if let Some(block) = &mut current {
                    block.text.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = &mut current {
                    block.text.push(' ');
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_becomes_title_and_blocks_are_plain() {
        let md = convert(
            "# The title\n\nFirst *para*\nline two.\n\n- item `one`\n- item two\n",
            true,
        );
        assert_eq!(md.title.as_deref(), Some("The title"));
        assert!(!md.html.contains("The title"));
        let texts: Vec<_> = md
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                (BlockKind::Paragraph, "First para line two."),
                (BlockKind::ListItem, "item one"),
                (BlockKind::ListItem, "item two")
            ]
        );
    }

    #[test]
    fn absurd_nesting_is_flattened_and_stays_fast() {
        let quotes = convert(&format!("{}deep", ">".repeat(20_000)), false);
        assert!(
            quotes.html.matches("<blockquote>").count() <= MAX_DEPTH,
            "{}",
            quotes.html.len()
        );
        let lists: String = (0..2_000)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect();
        assert!(convert(&lists, false).html.matches("<ul>").count() <= MAX_DEPTH);
        let divs = convert(&"<div>".repeat(100_000), false);
        assert!(
            !divs.html.contains("<div>"),
            "raw HTML past the limit is shown as text"
        );
    }

    #[test]
    fn hostile_html_is_neutralised() {
        let md = convert(
            "Hi <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) \
             <a href=\"https://e.org\" onclick=\"alert(4)\">e</a><iframe src=\"https://evil\"></iframe>",
            false,
        );
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "onclick",
            "<iframe",
            "alert(1)",
        ] {
            assert!(!md.html.contains(bad), "{bad} survived in {}", md.html);
        }
        assert!(
            md.html.contains("rel=\"noopener noreferrer nofollow\""),
            "{}",
            md.html
        );
    }
}
