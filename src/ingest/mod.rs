//! Ingest: files in `content/` become [`Article`]s.
//!
//! Markdown (`.md`) with TOML or YAML front matter and plain-text clippings (`.txt`, with an
//! optional `NAME.toml` companion holding front-matter fields) are read in parallel. A file that
//! cannot be read or parsed becomes a diagnostic naming it, and the others go on: one bad
//! article never loses the rest of the site.

pub(crate) mod clipping;
pub mod dates;
pub(crate) mod decode;
pub mod front_matter;
pub mod headline;
mod html;
mod markdown;
mod nesting;
pub mod plausible;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;
use xxhash_rust::xxh3::Xxh3;

use crate::diag::{Diagnostic, Diagnostics};
pub use clipping::DateOrigin;
pub use front_matter::FrontMatter;
pub use markdown::sanitise;

/// One input file, read and cleaned.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    /// The file, as the user knows it (relative to the site root when it is inside it).
    pub source: PathBuf,
    /// Markdown or clipping.
    pub format: Format,
    /// What the front matter (or companion file) stated.
    pub front: FrontMatter,
    /// Headline (never empty).
    pub title: String,
    /// Where the headline came from.
    pub title_origin: Origin,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Where the date came from.
    pub date_origin: Option<Origin>,
    /// Time of day, when given.
    pub time: Option<NaiveTime>,
    /// Publication name.
    pub source_name: Option<String>,
    /// Address of the original (http or https only).
    pub url: Option<String>,
    /// Clean body text, block by block.
    pub blocks: Vec<Block>,
    /// Sanitised body HTML for the article page.
    pub html: String,
    /// Lines dropped as site chrome.
    pub removed: Vec<String>,
}

impl Article {
    /// An undated clipping made of `paragraphs`, for tests of the later stages.
    #[cfg(test)]
    pub(crate) fn for_test(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            source: "t.txt".into(),
            format: Format::Clipping,
            front: FrontMatter::default(),
            title: title.into(),
            title_origin: Origin::HeaderLine,
            date: None,
            date_origin: None,
            time: None,
            source_name: None,
            url: None,
            blocks: paragraphs
                .iter()
                .map(|p| Block {
                    kind: BlockKind::Paragraph,
                    text: p.to_string(),
                })
                .collect(),
            html: String::new(),
            removed: vec![],
        }
    }

    /// The body as plain text, one block per line.
    pub fn text(&self) -> String {
        let mut text = String::new();
        for block in &self.blocks {
            text.push_str(&block.text);
            text.push('\n');
        }
        text
    }
}

/// A paragraph, list item or heading of plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What kind of block.
    pub kind: BlockKind,
    /// Its text, whitespace-normalised.
    pub text: String,
}

/// Kinds of [`Block`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A paragraph.
    Paragraph,
    /// An item of a list.
    ListItem,
    /// A heading inside the body.
    Heading,
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// `.md` / `.markdown`.
    Markdown,
    /// `.txt` clipping.
    Clipping,
    /// `.html` page saved from a browser.
    Html,
}

/// Where a title or date came from, so `inspect` can show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Front matter of a Markdown file.
    FrontMatter,
    /// A clipping's `NAME.toml` companion.
    Companion,
    /// The ` date ` marker.
    Marker,
    /// A title line above the body.
    HeaderLine,
    /// A date line after the story.
    TrailingLine,
    /// A "Published: ..." line.
    PublishedLine,
    /// An "Updated: ..." line.
    UpdatedLine,
    /// The dateline opening the story.
    Dateline,
    /// A numeric date whose day and month could be either way round, read in the order of
    /// the page's language.
    GuessedOrder,
    /// A saved page's metadata (`article:published_time`, JSON-LD, `<time>`, `<title>`).
    PageMetadata,
    /// A saved page's modification date (it gave no publication date).
    PageModified,
    /// The body's opening `# Heading`.
    Heading,
    /// Made from the lead paragraph.
    Lead,
    /// Made from the file name.
    FileName,
}

impl From<DateOrigin> for Origin {
    fn from(origin: DateOrigin) -> Self {
        match origin {
            DateOrigin::Marker => Origin::Marker,
            DateOrigin::PublishedLine => Origin::PublishedLine,
            DateOrigin::HeaderLine => Origin::HeaderLine,
            DateOrigin::TrailingLine => Origin::TrailingLine,
            DateOrigin::UpdatedLine => Origin::UpdatedLine,
            DateOrigin::Dateline => Origin::Dateline,
            DateOrigin::BylineLine => Origin::HeaderLine,
            DateOrigin::GuessedOrder => Origin::GuessedOrder,
        }
    }
}

/// Extensions read as articles.
const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown"];
const CLIPPING_EXTENSIONS: &[&str] = &["txt"];
const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

/// Read and decode every file under `content_dir`, in parallel, in file-name order, without
/// parsing. Paths in diagnostics are shown relative to `root`.
pub fn scan(content_dir: &Path, root: &Path) -> Sources {
    let mut diagnostics = Diagnostics::new();
    let display = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
    if !content_dir.is_dir() {
        diagnostics.push(
            Diagnostic::warning(
                display(content_dir),
                "no-content",
                "content folder not found; the site has no articles",
            )
            .with_hint("create it and put `.md` or `.txt` articles in it"),
        );
        return Sources {
            files: Vec::new(),
            diagnostics,
        };
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        // Hidden folders (`.git`, editors' state) are not content; hidden files are looked at
        // below, so a `.draft.md` is named rather than silently left out.
        .filter_entry(|e| e.depth() == 0 || !(e.file_type().is_dir() && is_hidden(e.file_name())));
    for entry in walker {
        match entry {
            Ok(entry) if is_hidden(entry.file_name()) => {
                if is_article_name(entry.path()) {
                    diagnostics.push(
                        Diagnostic::warning(
                            display(entry.path()),
                            "hidden-file",
                            "file names starting with `.` are hidden; not published",
                        )
                        .with_hint("rename it without the leading dot to publish it"),
                    );
                }
            }
            Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
            Ok(entry) if entry.file_type().is_symlink() => diagnostics.push(
                Diagnostic::warning(
                    display(entry.path()),
                    "symlink-skipped",
                    "symbolic links are not followed; skipped",
                )
                .with_hint("copy the file into the content folder"),
            ),
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => diagnostics.push(
                Diagnostic::warning(
                    display(entry.path()),
                    "not-a-file",
                    "not a regular file (a pipe, socket or device); skipped",
                )
                .with_hint("articles must be ordinary files"),
            ),
            Err(e) => {
                let path = e
                    .path()
                    .map(display)
                    .unwrap_or_else(|| display(content_dir));
                diagnostics.push(Diagnostic::error(
                    path,
                    "unreadable",
                    format!("cannot read: {e}"),
                ));
            }
        }
    }
    let files: Vec<(PathBuf, PathBuf)> = files
        .into_iter()
        .map(|p| {
            let d = display(&p);
            (p, d)
        })
        .collect();
    Sources {
        files: scan_paths(&files),
        diagnostics,
    }
}

/// Read every article under `content_dir`, in parallel, in file-name order. Paths in
/// diagnostics are shown relative to `root`.
pub fn read(content_dir: &Path, root: &Path) -> (Vec<Article>, Diagnostics) {
    let sources = scan(content_dir, root);
    let chrome = sources.site_chrome();
    let mut diagnostics = sources.diagnostics;
    let results: Vec<Loaded> = sources
        .files
        .par_iter()
        .map(|source| source.parse(&chrome))
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    for loaded in results {
        articles.extend(loaded.article);
        diagnostics.extend(loaded.diagnostics);
    }
    (articles, diagnostics)
}

/// The outcome of reading one file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Loaded {
    /// The article, unless the file was skipped.
    pub article: Option<Article>,
    /// What went wrong or looked odd.
    pub diagnostics: Vec<Diagnostic>,
}

/// Read one file; `display` is the path used in diagnostics and as [`Article::source`].
pub fn read_file(path: &Path, display: &Path) -> Loaded {
    read_paths(&[(path.to_owned(), display.to_owned())])
        .pop()
        .expect("one result per path")
}

/// Read files given as (path on disk, path to show), in parallel, one result per file in
/// order. Clippings are parsed knowing which lines recur across many of them (site chrome).
pub fn read_paths(files: &[(PathBuf, PathBuf)]) -> Vec<Loaded> {
    let sources = scan_paths(files);
    let chrome = site_chrome(
        sources
            .iter()
            .filter(|s| s.format == Some(Format::Clipping))
            .filter_map(|s| s.text.as_deref()),
    );
    sources.par_iter().map(|s| s.parse(&chrome)).collect()
}

fn scan_paths(files: &[(PathBuf, PathBuf)]) -> Vec<Source> {
    files
        .par_iter()
        .map(|(path, display)| Source::read(path, display))
        .collect()
}

/// The content folder, read and decoded but not parsed: what a build's inputs are, so an
/// incremental build can tell what changed before doing any work.
#[derive(Debug)]
pub struct Sources {
    /// Every file, in path order.
    pub files: Vec<Source>,
    /// Problems walking the folder (unreadable entries, symlinks).
    pub diagnostics: Diagnostics,
}

impl Sources {
    /// Lines that recur in many clippings (menus, footers): clippings are parsed without them.
    pub fn site_chrome(&self) -> SiteChrome {
        site_chrome(
            self.files
                .iter()
                .filter(|s| s.format == Some(Format::Clipping))
                .filter_map(|s| s.text.as_deref()),
        )
    }

    /// A 128-bit hash of every file's path and bytes (and its companion's).
    pub fn fingerprint(&self) -> u128 {
        let mut hasher = Xxh3::new();
        for source in &self.files {
            hasher.update(source.display.to_string_lossy().as_bytes());
            hasher.update(&[0]);
            hasher.update(&source.hash.to_le_bytes());
        }
        for d in self.diagnostics.iter() {
            hasher.update(d.path.to_string_lossy().as_bytes());
            hasher.update(d.code.as_bytes());
            hasher.update(&[0]);
        }
        hasher.digest128()
    }
}

/// Site-wide chrome lines (see [`Sources::site_chrome`]).
pub type SiteChrome = HashSet<String>;

/// One file of the content folder, read and decoded.
#[derive(Debug)]
pub struct Source {
    /// Where it is.
    pub path: PathBuf,
    /// How it is shown (relative to the site root).
    pub display: PathBuf,
    format: Option<Format>,
    text: Option<String>,
    /// The `NAME.toml` beside a clipping or saved page.
    companion: Option<String>,
    /// Hash of the raw bytes and the companion's.
    hash: u128,
    diagnostics: Vec<Diagnostic>,
}

impl Source {
    fn read(path: &Path, display: &Path) -> Source {
        let mut diagnostics = Vec::new();
        let mut hasher = Xxh3::new();
        let format = format_of(path, display, &mut diagnostics);
        let text = format.and_then(|_| match std::fs::read(path) {
            Ok(bytes) => {
                hasher.update(&bytes);
                decode::decode(&bytes, display, &mut diagnostics)
            }
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    display,
                    "unreadable",
                    format!("cannot read: {e}"),
                ));
                None
            }
        });
        let companion = match format {
            Some(Format::Clipping | Format::Html) => {
                std::fs::read_to_string(path.with_extension("toml")).ok()
            }
            _ => None,
        };
        hasher.update(&[u8::from(companion.is_some())]);
        hasher.update(companion.as_deref().unwrap_or("").as_bytes());
        hasher.update(&[format.map_or(0, |f| f as u8 + 1)]);
        Source {
            path: path.to_owned(),
            display: display.to_owned(),
            format,
            text,
            companion,
            hash: hasher.digest128(),
            diagnostics,
        }
    }

    /// A source from text already in memory (no file is read): what the fuzzing entry points
    /// and tools that take text from elsewhere use. `display` names it in diagnostics.
    pub fn from_text(
        display: &Path,
        format: Format,
        text: &str,
        companion: Option<&str>,
    ) -> Source {
        let mut hasher = Xxh3::new();
        hasher.update(text.as_bytes());
        hasher.update(&[u8::from(companion.is_some())]);
        hasher.update(companion.unwrap_or("").as_bytes());
        hasher.update(&[format as u8 + 1]);
        Source {
            path: display.to_owned(),
            display: display.to_owned(),
            format: Some(format),
            text: Some(text.to_owned()),
            companion: companion.map(str::to_owned),
            hash: hasher.digest128(),
            diagnostics: Vec::new(),
        }
    }

    /// Everything [`Source::parse`] depends on: the path shown, the bytes, the companion, and
    /// (for clippings) which of its lines are site chrome. Equal fingerprints, equal results.
    pub fn fingerprint(&self, chrome: &SiteChrome) -> u128 {
        let mut hasher = Xxh3::new();
        hasher.update(self.display.to_string_lossy().as_bytes());
        hasher.update(&[0]);
        hasher.update(&self.hash.to_le_bytes());
        if let (Some(Format::Clipping), Some(text)) = (self.format, &self.text) {
            if !chrome.is_empty() {
                let mut lines: Vec<String> = text
                    .lines()
                    .map(clipping::normalise_line)
                    .filter(|l| chrome.contains(l))
                    .collect();
                lines.sort();
                lines.dedup();
                for line in lines {
                    hasher.update(line.as_bytes());
                    hasher.update(&[0]);
                }
            }
        }
        hasher.digest128()
    }

    /// Parse the file into an article (or the reasons it is skipped).
    pub fn parse(&self, chrome: &SiteChrome) -> Loaded {
        let mut diagnostics = self.diagnostics.clone();
        let article = match (self.format, &self.text) {
            (Some(format), Some(text)) => load(
                format,
                text,
                self.companion.as_deref(),
                &self.display,
                chrome,
                &mut diagnostics,
            ),
            _ => None,
        };
        Loaded {
            article,
            diagnostics,
        }
    }
}

/// A dotfile or dot-folder name (`..md` included).
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// A name with an article's extension.
fn is_article_name(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    [MARKDOWN_EXTENSIONS, CLIPPING_EXTENSIONS, HTML_EXTENSIONS]
        .iter()
        .any(|list| list.contains(&ext.as_str()))
}

/// Markdown, clipping, or (with a warning unless it is a clipping's companion) not an article.
fn format_of(path: &Path, display: &Path, diags: &mut Vec<Diagnostic>) -> Option<Format> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if MARKDOWN_EXTENSIONS.contains(&ext.as_str()) {
        return Some(Format::Markdown);
    }
    if CLIPPING_EXTENSIONS.contains(&ext.as_str()) {
        return Some(Format::Clipping);
    }
    if HTML_EXTENSIONS.contains(&ext.as_str()) {
        return Some(Format::Html);
    }
    let companion_of_txt = ext == "toml"
        && ["txt", "html", "htm"]
            .iter()
            .any(|e| path.with_extension(e).is_file());
    if !companion_of_txt {
        diags.push(
            Diagnostic::warning(
                display,
                "unsupported-file",
                format!("`.{ext}` files are not articles; skipped"),
            )
            .with_hint("articles are `.md` (Markdown with front matter), `.txt` (clippings) or `.html` (saved pages)"),
        );
    }
    None
}

/// Lines that recur in many clippings are the site's furniture (menus, footers, slogans),
/// however they look. A line counts once per file; story sentences are never site chrome.
fn site_chrome<'a>(texts: impl Iterator<Item = &'a str>) -> HashSet<String> {
    const MIN_FILES: usize = 3;
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut files = 0;
    for text in texts {
        files += 1;
        let lines: HashSet<String> = text
            .lines()
            .map(clipping::normalise_line)
            .filter(|l| !l.is_empty() && l.len() <= 200 && !clipping::is_prose(l))
            .collect();
        for line in lines {
            *counts.entry(line).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_FILES && n * 50 >= files)
        .map(|(line, _)| line)
        .collect()
}

fn load(
    format: Format,
    text: &str,
    companion: Option<&str>,
    display: &Path,
    chrome: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Article> {
    if text.trim().is_empty() {
        diags.push(Diagnostic::warning(
            display,
            "empty-file",
            "file is empty; skipped",
        ));
        return None;
    }
    let mut article = match format {
        Format::Markdown => from_markdown(text, display, diags)?,
        Format::Clipping => from_clipping(text, companion, display, chrome, diags)?,
        Format::Html => from_html(text, companion, display, diags)?,
    };
    if article.front.draft {
        log::info!("{}: draft, not published", display.display());
        return None;
    }
    if article.blocks.is_empty() && article.html.trim().is_empty() {
        diags.push(Diagnostic::warning(
            display,
            "empty-body",
            "no body text found; skipped",
        ));
        return None;
    }
    finish(&mut article, display, diags);
    Some(article)
}

fn from_markdown(text: &str, display: &Path, diags: &mut Vec<Diagnostic>) -> Option<Article> {
    let split = match front_matter::split(text) {
        Ok(split) => split,
        Err(problem) => {
            diags.push(
                Diagnostic::error(display, "bad-front-matter", problem.message)
                    .at_line(problem.line)
                    .with_hint(
                        "front matter is TOML between `+++` lines or YAML between `---` lines",
                    ),
            );
            return None;
        }
    };
    warn_unknown_keys(&split.unknown_keys, text, display, diags);
    let md = markdown::convert(split.body, split.front.title.is_none());
    let (title, title_origin) = match (&split.front.title, md.title) {
        (Some(t), _) => (t.clone(), Origin::FrontMatter),
        (None, Some(t)) => (t, Origin::Heading),
        (None, None) => (String::new(), Origin::Lead),
    };
    Some(Article {
        source: display.to_owned(),
        format: Format::Markdown,
        front: split.front,
        title,
        title_origin,
        date: None,
        date_origin: None,
        time: None,
        source_name: None,
        url: None,
        blocks: md.blocks,
        html: md.html,
        removed: Vec::new(),
    })
}

fn from_clipping(
    text: &str,
    companion_text: Option<&str>,
    display: &Path,
    chrome: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Article> {
    let clip = clipping::parse(text, chrome);
    if clip.no_story {
        diags.push(
            Diagnostic::warning(
                display,
                "no-story",
                "no story text found (only site chrome); skipped",
            )
            .with_hint(
                "copy the article's text itself; `briefing inspect --json` lists what was removed",
            ),
        );
        return None;
    }
    // More story-like text dropped than kept: the story may have been cut.
    if clip.removed_prose > clip.kept_prose {
        diags.push(
            Diagnostic::warning(
                display,
                "mostly-chrome",
                format!(
                    "more than half of the text that reads as sentences was removed ({} of {} characters)",
                    clip.removed_prose,
                    clip.removed_prose + clip.kept_prose
                ),
            )
            .with_hint("check the result with `briefing inspect --json` (`removed`); correct it in a companion .toml if needed"),
        );
    }
    if let Some(bad) = &clip.bad_marker {
        diags.push(
            Diagnostic::warning(
                display,
                "bad-date",
                format!("the date marker `{bad}` is not a real date; ignored"),
            )
            .at_line(1)
            .with_hint("write the marker as ` date YYYY-MM-DD`, e.g. ` date 2026-02-04`"),
        );
    }
    let front = companion(companion_text, display, diags).unwrap_or_default();
    let html = clipping_html(&clip.blocks, clip.dateline.as_deref());
    let (title, title_origin) = match clip.title {
        Some(t) => (t, Origin::HeaderLine),
        None => (String::new(), Origin::Lead),
    };
    Some(Article {
        source: display.to_owned(),
        format: Format::Clipping,
        front,
        title,
        title_origin,
        date: clip.date.map(|(d, _)| d),
        date_origin: clip.date.map(|(_, o)| o.into()),
        time: clip.time,
        source_name: clip.source_name,
        url: clip.url,
        blocks: clip.blocks,
        html,
        removed: clip.removed,
    })
}

/// A page saved from a browser: readability extraction plus the page's metadata. Like a
/// clipping, it can be corrected by a `NAME.toml` companion.
fn from_html(
    text: &str,
    companion_text: Option<&str>,
    display: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Article> {
    let flattened = nesting::limit_depth(text);
    if let Some(flat) = &flattened {
        diags.push(
            Diagnostic::warning(
                display,
                "too-deep",
                format!(
                    "markup nested {} levels deep; elements below level {} were dropped (their text is kept)",
                    flat.depth,
                    nesting::MAX_DEPTH
                ),
            )
            .with_hint("save the page again from the browser, or paste its text into a .txt clipping"),
        );
    }
    let page = html::parse(flattened.as_ref().map_or(text, |f| f.html.as_str()));
    if !page.found_article {
        diags.push(
            Diagnostic::warning(display, "no-article", "no article text found in this page; skipped")
                .with_hint("save the article's own page (not a section or home page), or paste its text into a .txt clipping"),
        );
        return None;
    }
    let mut front = companion(companion_text, display, diags).unwrap_or_default();
    if front.language.is_none() {
        front.language = page.language.clone();
    }
    // A modification date is only used when the page gave no publication date; say so.
    let date_origin = page.date_origin.map(|o| match o {
        html::ORIGIN_META_MODIFIED | html::ORIGIN_JSON_LD_MODIFIED => Origin::PageModified,
        _ => Origin::PageMetadata,
    });
    let (title, title_origin) = match page.title {
        Some(t) => (t, Origin::PageMetadata),
        None => (String::new(), Origin::Lead),
    };
    Some(Article {
        source: display.to_owned(),
        format: Format::Html,
        front,
        title,
        title_origin,
        date: page.date,
        date_origin: page.date.and(date_origin),
        time: page.time,
        source_name: page.source_name,
        url: page.url,
        blocks: page.blocks,
        html: page.html,
        removed: Vec::new(),
    })
}

/// `NAME.toml` beside `NAME.txt`: front-matter fields that correct the parser.
fn companion(
    text: Option<&str>,
    display: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<FrontMatter> {
    let text = text?;
    let shown = display.with_extension("toml");
    match front_matter::parse(text, front_matter::Syntax::Toml, 1) {
        Ok((front, unknown)) => {
            warn_unknown_keys(&unknown, text, &shown, diags);
            Some(front)
        }
        Err(problem) => {
            diags.push(
                Diagnostic::error(&shown, "bad-front-matter", problem.message)
                    .at_line(problem.line),
            );
            None
        }
    }
}

fn warn_unknown_keys(keys: &[String], text: &str, display: &Path, diags: &mut Vec<Diagnostic>) {
    for key in keys {
        let mut d = Diagnostic::warning(
            display,
            "unknown-key",
            format!("unknown front matter key `{key}`; ignored"),
        )
        .with_hint("known keys: title, date, partners, summary, source, url, language, draft");
        if let Some(line) = key_line(text, key) {
            d = d.at_line(line);
        }
        diags.push(d);
    }
}

fn key_line(text: &str, key: &str) -> Option<u32> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(['=', ':']))
        })
        .map(|i| i as u32 + 1)
}

/// Clipping blocks as HTML: text escaped, list items grouped, the dateline put back in front
/// of the first paragraph (analysis works without it; readers expect it).
fn clipping_html(blocks: &[Block], dateline: Option<&str>) -> String {
    let mut html = String::new();
    let mut dateline =
        dateline.map(|d| format!("<span class=\"dateline\">{}</span> ", escape_html(d)));
    let mut in_list = false;
    for block in blocks {
        let is_item = block.kind == BlockKind::ListItem;
        if is_item != in_list {
            html.push_str(if is_item { "<ul>\n" } else { "</ul>\n" });
            in_list = is_item;
        }
        let tag = match block.kind {
            BlockKind::Paragraph => "p",
            BlockKind::ListItem => "li",
            BlockKind::Heading => "h2",
        };
        let lead = dateline.take().unwrap_or_default();
        html.push_str(&format!(
            "<{tag}>{lead}{}</{tag}>\n",
            escape_html(&block.text)
        ));
    }
    if in_list {
        html.push_str("</ul>\n");
    }
    html
}

/// Escape text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Apply the front matter (it wins), then fill what is still missing.
fn finish(article: &mut Article, display: &Path, diags: &mut Vec<Diagnostic>) {
    let origin = if article.format == Format::Clipping {
        Origin::Companion
    } else {
        Origin::FrontMatter
    };
    let front = article.front.clone();
    if let Some(title) = front
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        article.title = title.to_owned();
        article.title_origin = origin;
    }
    if let Some(raw) = &front.date {
        match dates::parse_iso(raw).or_else(|| dates::parse_date_line(raw)) {
            Some(date) => {
                article.date = Some(date);
                article.date_origin = Some(origin);
                // A time parsed from the clipping belongs to the date it came with.
                article.time = raw.get(11..).and_then(dates::parse_time);
            }
            None => diags.push(
                Diagnostic::warning(display, "bad-date", format!("cannot read the date `{raw}`"))
                    .with_hint("write dates as YYYY-MM-DD, e.g. date = 2026-02-04"),
            ),
        }
    }
    if let Some(source) = front.source.filter(|s| !s.trim().is_empty()) {
        article.source_name = Some(source.trim().to_owned());
    }
    // An empty `url = ""` (as `briefing new` writes it) means "not given".
    if let Some(url) = front.url.filter(|u| !u.trim().is_empty()) {
        let url = url.trim();
        if url.starts_with("http://") || url.starts_with("https://") {
            article.url = Some(url.to_owned());
        } else {
            diags.push(
                Diagnostic::warning(
                    display,
                    "bad-url",
                    format!("`url` is `{url}`; only http(s) addresses are linked"),
                )
                .with_hint("give the full address of the original article, starting with https://"),
            );
        }
    }
    if article.title.trim().is_empty() {
        // A lead that compresses to nothing (punctuation only, say) falls through to the file
        // name, and that to a word: a headline is never empty (found by fuzzing).
        let made = article
            .blocks
            .iter()
            .find(|b| b.kind != BlockKind::Heading)
            .map(|lead| headline::from_lead(&lead.text))
            .filter(|t| !t.trim().is_empty());
        match made {
            Some(title) => {
                article.title = title;
                article.title_origin = Origin::Lead;
            }
            None => {
                article.title = display
                    .file_stem()
                    .map(|s| s.to_string_lossy().trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "Untitled".to_owned());
                article.title_origin = Origin::FileName;
            }
        }
    }
    if article.date.is_none() {
        diags.push(
            Diagnostic::warning(
                display,
                "no-date",
                "no publication date found; listed under Undated",
            )
            .with_hint(
                "add a ` date YYYY-MM-DD` first line (clippings) or `date` to the front matter",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(name: &str, bytes: &[u8]) -> Loaded {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        read_file(&path, Path::new(name))
    }

    fn codes(loaded: &Loaded) -> Vec<&str> {
        loaded.diagnostics.iter().map(|d| d.code.as_ref()).collect()
    }

    #[test]
    fn site_chrome_is_counted_as_the_parser_compares_lines() {
        // The same footer line, once with a zero-width space and a soft hyphen in it.
        let footer = [
            "Our Com\u{00AD}pany Footer Menu",
            "Our Company\u{200B} Footer Menu",
        ];
        let texts: Vec<String> = (0..4)
            .map(|i| {
                format!(
                    "Title {i}\n\nA story sentence number {i} is here.\n{}\n",
                    footer[i % 2]
                )
            })
            .collect();
        let chrome = site_chrome(texts.iter().map(String::as_str));
        assert!(chrome.contains("Our Company Footer Menu"), "{chrome:?}");
        assert_eq!(chrome.len(), 1, "{chrome:?}");
    }

    #[test]
    fn markdown_front_matter_wins() {
        let loaded = load_text(
            "a.md",
            b"+++\ntitle = \"Given\"\ndate = 2026-01-02\nurl = \"https://e.org/a\"\nsource = \"E\"\n+++\n# Heading\n\nText.\n",
        );
        let a = loaded.article.unwrap();
        assert_eq!(a.title, "Given");
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2026, 1, 2));
        assert_eq!(a.url.as_deref(), Some("https://e.org/a"));
        assert_eq!(a.source_name.as_deref(), Some("E"));
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    }

    #[test]
    fn problems_name_their_code_and_line() {
        assert_eq!(codes(&load_text("b.bin.txt", b"abc\0def")), ["binary-file"]);
        assert_eq!(codes(&load_text("e.txt", b"  \n\n")), ["empty-file"]);
        let broken = load_text("f.md", b"+++\ntitle = \"x\"\n");
        assert_eq!(codes(&broken), ["bad-front-matter"]);
        assert!(broken.article.is_none());
        // UTF-8 (its Cyrillic says so) with one corrupt byte on line 2.
        let mut bytes = " date 2026-01-01 Кафе opened its doors in the city centre today.\nA "
            .as_bytes()
            .to_vec();
        bytes.extend(b"\xFFbroken line.\n");
        let bad_utf8 = load_text("u.txt", &bytes);
        assert_eq!(codes(&bad_utf8), ["invalid-utf8"]);
        assert_eq!(bad_utf8.diagnostics[0].line, Some(2));
        assert!(bad_utf8.article.unwrap().blocks[1]
            .text
            .contains('\u{FFFD}'));
        let latin1 = load_text(
            "l.txt",
            b" date 2026-01-01 The Caf\xe9 opened its doors in the city centre today.\n",
        );
        assert_eq!(codes(&latin1), ["not-utf8"]);
        assert!(latin1.article.unwrap().blocks[0].text.contains("Café"));
        let undated = load_text("n.txt", b"Something happened today.\n");
        assert_eq!(codes(&undated), ["no-date"]);
        assert!(undated.article.is_some(), "undated articles are kept");
    }

    #[test]
    fn hostile_front_matter_url_is_not_linked() {
        let loaded = load_text(
            "h.md",
            b"---\ntitle: x\ndate: 2026-01-01\nurl: javascript:alert(1)\n---\nBody.\n",
        );
        assert_eq!(codes(&loaded), ["bad-url"]);
        assert_eq!(loaded.article.unwrap().url, None);
    }

    #[test]
    fn clipping_text_is_escaped_in_html() {
        let loaded = load_text(
            "x.txt",
            b" date 2026-01-01 <script>alert(1)</script> & more text follows in this story.\n",
        );
        let html = loaded.article.unwrap().html;
        assert!(
            html.contains("&lt;script&gt;") && !html.contains("<script"),
            "{html}"
        );
    }

    #[test]
    fn saved_pages_become_articles_and_empty_pages_warn() {
        let page = br#"<!doctype html><html lang="ru"><head><title>Soglashenie | Kabar</title>
            <meta property="og:title" content="Kyrgyzstan and Uzbekistan sign a transit agreement">
            <meta property="article:published_time" content="2025-11-03T14:05:00+06:00">
            <link rel="canonical" href="https://kabar.kg/news/1"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Kyrgyzstan and Uzbekistan sign a transit agreement</h1>
            <p>The two governments signed an agreement on transit trade in Tashkent on Monday, officials said.</p>
            <p>The agreement cuts the cost of moving goods across the border and sets up a joint commission.</p>
            <p>Ministers also discussed energy supplies and new railway links across the Fergana valley.</p>
            <script>alert(1)</script></article><footer>(c) Kabar</footer></body></html>"#;
        let loaded = load_text("page.html", page);
        let a = loaded.article.expect("an article");
        assert_eq!(a.format, Format::Html);
        assert_eq!(
            a.title,
            "Kyrgyzstan and Uzbekistan sign a transit agreement"
        );
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2025, 11, 3));
        assert_eq!(a.url.as_deref(), Some("https://kabar.kg/news/1"));
        assert!(!a.html.contains("<script"), "{}", a.html);
        let nav_only = load_text(
            "nav.html",
            b"<html><body><nav><a href=/a>A</a> <a href=/b>B</a></nav></body></html>",
        );
        assert!(nav_only.article.is_none());
        assert_eq!(codes(&nav_only), ["no-article"]);
    }

    #[test]
    fn utf16_files_with_a_bom_are_decoded() {
        let text = " date 2026-01-05 Переговоры прошли в Бишкеке и завершились подписанием соглашения.\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let loaded = load_text("w.txt", &bytes);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert!(loaded.article.unwrap().blocks[0]
            .text
            .starts_with("Переговоры"));
    }

    #[test]
    fn drafts_are_skipped() {
        assert!(
            load_text("d.md", b"+++\ndraft = true\ntitle = \"x\"\n+++\nBody\n")
                .article
                .is_none()
        );
    }
}
