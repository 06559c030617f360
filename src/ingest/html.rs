//! Saved web pages (`.html` files saved from a browser).
//!
//! The story is found with [`dom_smoothie`], a Rust port of Mozilla's Readability.js (Firefox's
//! reader view): it scores the page's blocks and keeps the one that reads like an article, without
//! menus, sidebars, share buttons, comment threads and footers. Nothing is fetched: the page is
//! read as saved.
//!
//! The metadata comes from the page itself, in a fixed order of preference:
//!
//! - title: `og:title`, else JSON-LD `headline`, else the article's `<h1>`, else `<title>` without
//!   a trailing ` | Site` / ` - Site` / ` — Site`;
//! - date: `article:published_time`, else JSON-LD `datePublished`, else a `<time datetime>` inside
//!   the article, else `<meta name="date|pubdate|DC.date.issued">`; a modification date only when
//!   the page states no publication date at all. Times are kept as written (local to the site,
//!   never converted to UTC);
//! - source name: `og:site_name`, else the JSON-LD publisher;
//! - url: `<link rel="canonical">`, else `og:url` (http and https only);
//! - language: the `<html lang>` attribute.
//!
//! The body HTML goes through [`super::markdown::sanitise`] like every other untrusted HTML.
//!
//! `dom_smoothie` parses with html5ever (the same version ammonia uses); its parsed document,
//! [`Readability::doc`], is also what the metadata is read from, so the page is parsed once.

use std::panic::{self, AssertUnwindSafe};

use chrono::{NaiveDate, NaiveTime};
use dom_smoothie::{Article, Readability};
use serde_json::{Map, Value};

use super::{dates, markdown, Block, BlockKind};

/// `date_origin`: an `article:published_time` (or `og:article:published_time`) meta tag.
pub const ORIGIN_META: &str = "meta";
/// `date_origin`: JSON-LD `datePublished`.
pub const ORIGIN_JSON_LD: &str = "json-ld";
/// `date_origin`: a `<time datetime>` inside the article.
pub const ORIGIN_TIME_ELEMENT: &str = "time-element";
/// `date_origin`: a `date`, `pubdate`, `DC.date.issued` (or similar) meta tag.
pub const ORIGIN_META_DATE: &str = "meta-date";
/// `date_origin`: a modification date (`article:modified_time`, `og:updated_time`), used only
/// because the page gives no publication date.
pub const ORIGIN_META_MODIFIED: &str = "meta-modified";
/// `date_origin`: JSON-LD `dateModified`, used only because the page gives no publication date.
pub const ORIGIN_JSON_LD_MODIFIED: &str = "json-ld-modified";

/// What a saved page holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SavedPage {
    /// Headline.
    pub title: Option<String>,
    /// Publication date, as the page wrote it (local date, not converted to UTC).
    pub date: Option<NaiveDate>,
    /// Time of day, when the date came with one (local, as written).
    pub time: Option<NaiveTime>,
    /// Where the date came from: one of the `ORIGIN_*` constants.
    pub date_origin: Option<&'static str>,
    /// Publication name: `og:site_name`, else the JSON-LD publisher.
    pub source_name: Option<String>,
    /// Address of the original: canonical link, else `og:url` (http or https only).
    pub url: Option<String>,
    /// Two-letter language code from `<html lang>`, lower case.
    pub language: Option<String>,
    /// The main content as plain-text paragraphs, list items and headings, in order
    /// (whitespace-normalised; the headline is not repeated as a first heading).
    pub blocks: Vec<Block>,
    /// The main content as sanitised HTML.
    pub html: String,
    /// Whether main content was found. When false, `blocks` and `html` are empty and only the
    /// metadata is filled in (a page that is only navigation, an empty file, ...).
    pub found_article: bool,
}

/// Read a saved page. Never fails and never panics on bad input: what cannot be found is `None`.
pub fn parse(html: &str) -> SavedPage {
    if html.trim().is_empty() {
        return SavedPage::default();
    }
    let mut reader = Readability::from(html);
    let meta = PageMeta::read(&reader);
    let mut page = SavedPage {
        source_name: meta.source_name(),
        url: meta.url(),
        language: meta.language(),
        ..SavedPage::default()
    };
    if let Some(url) = &page.url {
        // Relative links and images become absolute (and so survive sanitising).
        reader.doc_url = Some(url.clone());
    }

    // A panic in the extractor must not take the build down with it: the page then has metadata
    // and no article.
    let article = panic::catch_unwind(AssertUnwindSafe(|| reader.parse()))
        .map_err(|_| log::warn!("content extraction panicked; page kept without its article"))
        .ok()
        .and_then(Result::ok);

    let content = article.as_ref().map(Content::read);
    page.title = meta.title(content.as_ref(), page.source_name.as_deref());
    if let Some((date, time, origin)) = meta.date(content.as_ref()) {
        page.date = Some(date);
        page.time = time;
        page.date_origin = Some(origin);
    }
    if let Some(content) = content {
        let (blocks, html, link_chars) = content.finish(page.title.as_deref());
        if is_article(&blocks, link_chars) {
            page.found_article = true;
            page.blocks = blocks;
            page.html = html;
        }
    }
    page
}

/// Whether extracted content reads like an article rather than a list of links:
/// `link_chars` of its text is inside links.
fn is_article(blocks: &[Block], link_chars: usize) -> bool {
    let chars: usize = blocks.iter().map(|b| b.text.chars().count()).sum();
    chars >= MIN_ARTICLE_CHARS
        && blocks.iter().any(|b| b.kind != BlockKind::Heading)
        && (link_chars as f64) / (chars as f64) <= MAX_LINK_DENSITY
}

/// Less text than this is not an article (a caption, a cookie notice).
const MIN_ARTICLE_CHARS: usize = 80;
/// More of the text in links than this is navigation.
const MAX_LINK_DENSITY: f64 = 0.5;

/// What the page states about itself, read before extraction (which removes scripts and
/// therefore JSON-LD).
#[derive(Debug, Default)]
struct PageMeta {
    /// `(key, content)` of every `<meta>`, key lower-cased (`property`, `name` or `itemprop`).
    metas: Vec<(String, String)>,
    /// Every JSON-LD object, flattened out of arrays and `@graph`.
    json_ld: Vec<Map<String, Value>>,
    /// `<title>`.
    title_tag: Option<String>,
    /// `<link rel="canonical" href>`.
    canonical: Option<String>,
    /// `<html lang>`.
    lang: Option<String>,
    /// The headline `<h1>` inside the article (or the page's only `<h1>`).
    h1: Option<String>,
    /// `datetime` of `<time>` elements marked `itemprop="datePublished"`, then of those inside
    /// an `<article>` (or an element marked as one), in document order.
    times: Vec<String>,
    /// `datetime` of `<time>` elements inside `<main>`: used after those of the extracted story.
    main_times: Vec<String>,
}

/// Elements that hold the story, best first.
const ARTICLE_SCOPES: &[&str] = &[
    "article",
    "[itemtype*=\"Article\"]",
    "[itemprop~=\"articleBody\"]",
];
/// Elements that hold the story and more (comments, related stories).
const MAIN_SCOPES: &[&str] = &["main", "[role=\"main\"]"];

impl PageMeta {
    fn read(reader: &Readability) -> PageMeta {
        let doc = &reader.doc;
        let mut meta = PageMeta::default();
        for node in doc.select("meta").nodes() {
            let key = node
                .attr("property")
                .or_else(|| node.attr("name"))
                .or_else(|| node.attr("itemprop"))
                .map(|k| k.trim().to_lowercase());
            let value = node.attr("content").map(|v| normalise(&v));
            if let (Some(key), Some(value)) = (key, value) {
                if !key.is_empty() && !value.is_empty() {
                    meta.metas.push((key, value));
                }
            }
        }
        for node in doc.select("script").nodes() {
            let is_json_ld = node
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if is_json_ld {
                if let Some(value) = parse_json_ld(&node.text()) {
                    flatten_json_ld(value, &mut meta.json_ld, 0);
                }
            }
        }
        meta.title_tag = doc
            .select("title")
            .nodes()
            .first()
            .map(|t| normalise(&t.text()))
            .filter(|t| !t.is_empty());
        meta.canonical = doc
            .select("link[rel][href]")
            .nodes()
            .iter()
            .find(|l| {
                l.attr("rel").is_some_and(|rel| {
                    rel.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
            })
            .and_then(|l| l.attr("href"))
            .map(|h| h.trim().to_owned());
        meta.lang = doc
            .select("html")
            .nodes()
            .first()
            .and_then(|h| h.attr("lang"))
            .map(|l| l.to_string());

        for scope in ARTICLE_SCOPES.iter().chain(MAIN_SCOPES) {
            if meta.h1.is_none() {
                meta.h1 = doc
                    .select(&format!("{scope} h1"))
                    .nodes()
                    .iter()
                    .map(|h| normalise(&h.text()))
                    .find(|t| !t.is_empty());
            }
        }
        if meta.h1.is_none() {
            let h1s = doc.select("body h1");
            if let [only] = h1s.nodes() {
                meta.h1 = Some(normalise(&only.text())).filter(|t| !t.is_empty());
            }
        }

        let datetimes = |selector: &str| -> Vec<String> {
            doc.select(selector)
                .nodes()
                .iter()
                .filter_map(|t| t.attr("datetime").map(|d| d.trim().to_owned()))
                .collect()
        };
        meta.times = datetimes("time[itemprop~=\"datePublished\"][datetime]");
        for scope in ARTICLE_SCOPES {
            meta.times
                .extend(datetimes(&format!("{scope} time[datetime]")));
        }
        for scope in MAIN_SCOPES {
            meta.main_times
                .extend(datetimes(&format!("{scope} time[datetime]")));
        }
        meta
    }

    /// The first `<meta>` content under any of `keys` (lower case), in the order of `keys`.
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| {
            self.metas
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        })
    }

    /// The JSON-LD object describing the story: an `Article` of any kind, else anything with a
    /// headline or a publication date.
    fn json_ld_article(&self) -> Option<&Map<String, Value>> {
        self.json_ld
            .iter()
            .find(|o| is_article_type(o))
            .or_else(|| {
                self.json_ld
                    .iter()
                    .find(|o| o.contains_key("headline") || o.contains_key("datePublished"))
            })
    }

    /// `key` of the story's JSON-LD object, else of any object that has it (a `WebPage`).
    fn json_ld_string(&self, key: &str) -> Option<String> {
        self.json_ld_article()
            .into_iter()
            .chain(&self.json_ld)
            .find_map(|o| o.get(key).and_then(string_of).filter(|s| !s.is_empty()))
    }

    fn title(&self, content: Option<&Content>, site: Option<&str>) -> Option<String> {
        self.meta(&["og:title"])
            .map(str::to_owned)
            .or_else(|| self.json_ld_string("headline"))
            .or_else(|| self.h1.clone())
            .or_else(|| content.and_then(|c| c.h1.clone()))
            .or_else(|| {
                self.title_tag
                    .as_deref()
                    .map(|t| strip_site_suffix(t, site).to_owned())
            })
            .filter(|t| !t.is_empty())
    }

    /// Publication date, time of day and origin.
    fn date(
        &self,
        content: Option<&Content>,
    ) -> Option<(NaiveDate, Option<NaiveTime>, &'static str)> {
        let with = |origin: &'static str| {
            move |(date, time): (NaiveDate, Option<NaiveTime>)| (date, time, origin)
        };
        let from_meta = |keys: &[&str]| self.meta(keys).and_then(parse_datetime);
        let from_json_ld = |key: &str| self.json_ld_string(key).as_deref().and_then(parse_datetime);
        let content_times = content.map(|c| c.times.as_slice()).unwrap_or_default();

        from_meta(&["article:published_time", "og:article:published_time"])
            .map(with(ORIGIN_META))
            .or_else(|| from_json_ld("datePublished").map(with(ORIGIN_JSON_LD)))
            .or_else(|| {
                self.times
                    .iter()
                    .chain(content_times)
                    .chain(&self.main_times)
                    .find_map(|t| parse_datetime(t))
                    .map(with(ORIGIN_TIME_ELEMENT))
            })
            .or_else(|| {
                from_meta(&[
                    "date",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "dc.date.issued",
                    "dcterms.issued",
                    "dc.date",
                    "dcterms.date",
                    "datepublished",
                ])
                .map(with(ORIGIN_META_DATE))
            })
            .or_else(|| {
                from_meta(&["article:modified_time", "og:updated_time", "datemodified"])
                    .map(with(ORIGIN_META_MODIFIED))
            })
            .or_else(|| from_json_ld("dateModified").map(with(ORIGIN_JSON_LD_MODIFIED)))
    }

    fn source_name(&self) -> Option<String> {
        self.meta(&["og:site_name"])
            .map(str::to_owned)
            .or_else(|| self.json_ld_publisher())
    }

    /// The publisher's name, following an `@id` reference into the rest of the graph; else the
    /// `WebSite` object's name.
    fn json_ld_publisher(&self) -> Option<String> {
        let publisher = self.json_ld_article().and_then(|a| a.get("publisher"));
        let publisher = match publisher {
            Some(Value::Array(items)) => items.first(),
            other => other,
        };
        let name = match publisher {
            Some(Value::String(name)) => Some(normalise(name)),
            Some(Value::Object(obj)) => obj.get("name").and_then(string_of).or_else(|| {
                let id = obj.get("@id")?.as_str()?;
                self.json_ld
                    .iter()
                    .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
                    .and_then(|o| o.get("name"))
                    .and_then(string_of)
            }),
            _ => None,
        };
        name.or_else(|| {
            self.json_ld
                .iter()
                .find(|o| types_of(o).any(|t| t == "WebSite"))
                .and_then(|o| o.get("name"))
                .and_then(string_of)
        })
        .filter(|n| !n.is_empty())
    }

    fn url(&self) -> Option<String> {
        [self.canonical.as_deref(), self.meta(&["og:url"])]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|u| is_web_url(u))
            .map(str::to_owned)
    }

    fn language(&self) -> Option<String> {
        let lang = self.lang.as_deref()?.trim();
        let code: String = lang.chars().take(2).collect();
        let valid = code.chars().count() == 2
            && code.chars().all(|c| c.is_ascii_alphabetic())
            && lang[code.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == '-' || c == '_');
        valid.then(|| code.to_ascii_lowercase())
    }
}

/// The extracted article, re-parsed to be walked.
struct Content {
    reader: Readability,
    /// Its first `<h1>`.
    h1: Option<String>,
    /// `datetime` of its `<time>` elements.
    times: Vec<String>,
}

impl Content {
    fn read(article: &Article) -> Content {
        let reader = Readability::from(article.content.clone());
        let h1 = reader
            .doc
            .select("h1")
            .nodes()
            .iter()
            .map(|h| normalise(&h.text()))
            .find(|t| !t.is_empty());
        let times = reader
            .doc
            .select("time[datetime]")
            .nodes()
            .iter()
            .filter_map(|t| t.attr("datetime").map(|d| d.trim().to_owned()))
            .collect();
        Content { reader, h1, times }
    }

    /// Blocks, sanitised HTML and the number of characters inside links, without an opening
    /// heading that repeats the title.
    fn finish(self, title: Option<&str>) -> (Vec<Block>, String, usize) {
        remove_chrome(&self.reader);
        let doc = &self.reader.doc;
        if let Some(title) = title {
            let headings = doc.select("h1, h2");
            if let Some(first) = headings.nodes().first() {
                if same_text(&first.text(), title) {
                    first.remove_from_parent();
                }
            }
        }
        let blocks = blocks(&self.reader);
        let link_chars = doc
            .select("a")
            .nodes()
            .iter()
            .map(|a| normalise(&a.text()).chars().count())
            .sum();
        let body = doc.select("body");
        let html = markdown::sanitise(&body.inner_html());
        (blocks, html.trim().to_owned(), link_chars)
    }
}

/// What Readability keeps but a digest does not want: lists of links inside the story ("Read
/// also", "Related", with their label) and the byline or date line (`By X · 4 February 2026`,
/// `4 декабря 2025, 11:26 Просмотров: 1543`).
fn remove_chrome(reader: &Readability) {
    let doc = &reader.doc;
    let chars = |text: &str| normalise(text).chars().count();
    for list in doc.select("ul, ol").nodes() {
        let items: Vec<_> = list
            .element_children()
            .into_iter()
            .filter(|item| item.has_name("li"))
            .collect();
        let all_links = items.len() >= 2
            && items.iter().all(|item| {
                let text = chars(&item.text());
                let linked: usize = item
                    .descendants()
                    .iter()
                    .filter(|n| n.has_name("a"))
                    .map(|a| chars(&a.text()))
                    .sum();
                text > 0 && linked * 5 >= text * 4
            });
        if !all_links {
            continue;
        }
        if let Some(label) = list.prev_element_sibling() {
            let is_heading = ["h2", "h3", "h4", "h5", "h6", "strong", "b"]
                .iter()
                .any(|h| label.has_name(h));
            if is_heading && label.text().split_whitespace().count() <= 6 {
                label.remove_from_parent();
            }
        }
        let parent = list.parent();
        list.remove_from_parent();
        if let Some(parent) = parent {
            let is_box = ["div", "section", "aside"]
                .iter()
                .any(|b| parent.has_name(b));
            if is_box && chars(&parent.text()) <= 40 {
                parent.remove_from_parent();
            }
        }
    }
    for time in doc.select("time").nodes() {
        let line = time
            .ancestors(Some(3))
            .into_iter()
            .find(|a| a.has_name("p") || a.has_name("div"));
        if let Some(line) = line {
            let text = normalise(&line.text());
            let is_sentence = text.ends_with(['.', '!', '?', '…', '"', '»', '”', ')']);
            if text.chars().count() <= 120 && !is_sentence {
                line.remove_from_parent();
            }
        }
    }
}

/// Elements whose text is not part of the story's prose.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "figcaption",
    "button",
    "form",
    "input",
    "select",
    "textarea",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "audio",
    "video",
];
/// Elements that separate blocks without being one.
const CONTAINERS: &[&str] = &[
    "html",
    "body",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "figure",
    "ul",
    "ol",
    "dl",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "details",
    "summary",
    "hr",
    "center",
];

fn block_kind(tag: &str) -> Option<BlockKind> {
    match tag {
        "p" | "pre" | "address" => Some(BlockKind::Paragraph),
        "li" | "dt" | "dd" => Some(BlockKind::ListItem),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
        _ => None,
    }
}

/// A step of the walk over the content tree.
enum Step<N> {
    Enter(N),
    /// The end of a block element.
    EndBlock,
    /// The end of a container: loose text before it is a paragraph of its own.
    Boundary,
}

/// The content's paragraphs, list items and headings, in document order. Text outside any of
/// them (a `<div>` of bare text) becomes a paragraph.
fn blocks(reader: &Readability) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut loose = String::new();
    let push = |block: Block, out: &mut Vec<Block>| {
        let text = normalise(&block.text);
        if !text.is_empty() {
            out.push(Block {
                kind: block.kind,
                text,
            });
        }
    };
    let flush_loose = |loose: &mut String, out: &mut Vec<Block>| {
        let text = std::mem::take(loose);
        push(
            Block {
                kind: BlockKind::Paragraph,
                text,
            },
            out,
        );
    };

    let mut stack = vec![Step::Enter(reader.doc.root())];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Enter(node) => node,
            Step::EndBlock => {
                if let Some(block) = current.take() {
                    push(block, &mut out);
                }
                continue;
            }
            Step::Boundary => {
                flush_loose(&mut loose, &mut out);
                continue;
            }
        };
        if node.is_text() {
            let text = node.text();
            match &mut current {
                Some(block) => block.text.push_str(&text),
                None => loose.push_str(&text),
            }
            continue;
        }
        let children = node.children();
        if !node.is_element() {
            // The document itself, comments, doctype.
            stack.extend(children.into_iter().rev().map(Step::Enter));
            continue;
        }
        let tag = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&tag.as_str()) {
            continue;
        }
        if tag == "br" {
            match &mut current {
                Some(block) => block.text.push(' '),
                None => loose.push(' '),
            }
            continue;
        }
        if let Some(kind) = block_kind(&tag) {
            flush_loose(&mut loose, &mut out);
            current = match current.take() {
                // `<li><p>..</p></li>`: the paragraph is the list item.
                Some(open) if open.text.trim().is_empty() => Some(Block {
                    kind: if open.kind == BlockKind::ListItem {
                        BlockKind::ListItem
                    } else {
                        kind
                    },
                    text: String::new(),
                }),
                Some(open) => {
                    push(open, &mut out);
                    Some(Block {
                        kind,
                        text: String::new(),
                    })
                }
                None => Some(Block {
                    kind,
                    text: String::new(),
                }),
            };
            stack.push(Step::EndBlock);
            stack.extend(children.into_iter().rev().map(Step::Enter));
            continue;
        }
        if CONTAINERS.contains(&tag.as_str()) {
            // A list or a division inside a block ends that block's text.
            if let Some(open) = current.take() {
                push(open, &mut out);
            }
            flush_loose(&mut loose, &mut out);
            stack.push(Step::Boundary);
            stack.extend(children.into_iter().rev().map(Step::Enter));
            continue;
        }
        // Inline: its text belongs to whatever encloses it.
        stack.extend(children.into_iter().rev().map(Step::Enter));
    }
    if let Some(block) = current.take() {
        push(block, &mut out);
    }
    flush_loose(&mut loose, &mut out);
    out
}

/// JSON-LD text to a value: tolerates the HTML comment and CDATA wrappers some sites add.
fn parse_json_ld(text: &str) -> Option<Value> {
    let mut text = text.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("/*<![CDATA[*/", "/*]]>*/"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    serde_json::from_str(text).ok()
}

/// Every object in a JSON-LD value: top-level arrays, `@graph`, and `mainEntity`.
fn flatten_json_ld(value: Value, out: &mut Vec<Map<String, Value>>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                flatten_json_ld(item, out, depth + 1);
            }
        }
        Value::Object(mut obj) => {
            let graph = obj.remove("@graph");
            let main = obj
                .get("mainEntity")
                .filter(|m| m.is_object() || m.is_array())
                .cloned();
            out.push(obj);
            for nested in [graph, main].into_iter().flatten() {
                flatten_json_ld(nested, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn types_of(obj: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let types: Vec<&str> = match obj.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    types.into_iter()
}

fn is_article_type(obj: &Map<String, Value>) -> bool {
    types_of(obj).any(|t| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report")
    })
}

/// A string, or the first string of an array, whitespace-normalised.
fn string_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(normalise(s)),
        Value::Array(items) => items.iter().find_map(|v| v.as_str()).map(normalise),
        _ => None,
    }
}

/// An ISO 8601 date with optional time and offset, kept as written: `2025-11-26`,
/// `2025-11-26T09:15:00+06:00`, `2025-11-26 09:15`, `2025-11-26T09:15:00.000Z`. Failing that, a
/// written date (`26 November 2025`, `26 ноября 2025`).
fn parse_datetime(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let text = text.trim();
    if let Some(date) = dates::parse_iso(text) {
        let rest = text.get(10..).unwrap_or("");
        let rest = rest.strip_prefix(['T', 't', ' ']).unwrap_or(rest).trim();
        return Some((date, parse_clock(rest)));
    }
    dates::parse_date_line(text).map(|d| (d, None))
}

/// `HH:MM[:SS[.fff]]` at the start of `text`, before any offset; the offset is ignored.
fn parse_clock(text: &str) -> Option<NaiveTime> {
    let clock: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let mut parts = clock.split(':');
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.parse().ok()?;
    let second: u32 = match parts.next() {
        Some(s) => s.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// `<title>` without a trailing site name: ` | Site`, ` - Site`, ` — Site`, ` – Site`. The
/// suffix goes when it is the site's name, or when it is short and what is left is a headline.
fn strip_site_suffix<'a>(title: &'a str, site: Option<&str>) -> &'a str {
    const SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " :: ", " · "];
    let Some((at, sep)) = SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|&(at, _)| at)
    else {
        return title;
    };
    let head = title[..at].trim();
    let suffix = title[at + sep.len()..].trim();
    let is_site = site.is_some_and(|site| same_text(site, suffix));
    let words = |s: &str| s.split_whitespace().count();
    let short = words(suffix) <= 4 && suffix.chars().count() <= 30 && words(head) >= 3;
    if !head.is_empty() && (is_site || short) {
        head
    } else {
        title
    }
}

fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") && url.len() > 7)
        || (lower.starts_with("https://") && url.len() > 8)
}

/// Whitespace runs to single spaces, trimmed.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_text(a: &str, b: &str) -> bool {
    normalise(a).to_lowercase() == normalise(b).to_lowercase()
}

#[cfg(test)]
mod tests;
