//! Plain-text clippings (`.txt`), as pasted from news sites.
//!
//! First version (issue 2): a ` date YYYY-MM-DD[ HH:MM]` marker, a title line above the body or
//! a headline made from the lead, `link:` lines, a trailing publication date and site name, and
//! the site chrome that brackets the story (currency tickers and language switches above it;
//! `Related`/`Popular` lists, counters and tickers below it). The full general clean-up is a
//! separate issue; this keeps every dropped line in `removed` so nothing vanishes unseen.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use regex::Regex;

use super::{dates, Block, BlockKind};

/// What the parser made of a clipping.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Clipping {
    /// A title line found above the body.
    pub title: Option<String>,
    /// Publication date and where it came from.
    pub date: Option<(NaiveDate, DateOrigin)>,
    /// Time of day from the marker.
    pub time: Option<NaiveTime>,
    /// Site name found at the end (`CentralasianLIGHT.org`).
    pub source_name: Option<String>,
    /// URL from a `link:` line.
    pub url: Option<String>,
    /// Clean body.
    pub blocks: Vec<Block>,
    /// Lines dropped as site chrome, in file order.
    pub removed: Vec<String>,
}

/// Where a clipping's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrigin {
    /// The ` date YYYY-MM-DD` marker.
    Marker,
    /// A date line after the story (`November 26, 2025`).
    TrailingLine,
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?\b\s*(.*)$")
        .expect("valid regex")
});
/// `link: https://...`, `views: 155`, `Source: ...`: counters and links that end a story.
static CHROME_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(link|url|source|views|comments|просмотр\w*|перегляд\w*|источник|джерело|ссылка|посилання)\s*:\s*(.*)$")
        .expect("valid regex")
});
/// `USD 87.45`, `EUR 102.48`: currency tickers.
static TICKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]{3}\s*[\d.,]+\s*[▲▼↑↓%+\-]*$").expect("valid regex"));
/// `CentralasianLIGHT.org`: a bare site name.
static SITE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-zA-Z\p{L}]{2,}$")
        .expect("valid regex")
});

/// Section headings that start the page furniture after a story (compared lower-cased).
const END_OF_STORY: &[&str] = &[
    "print",
    "related",
    "related news",
    "related articles",
    "popular",
    "most popular",
    "most read",
    "share",
    "share this",
    "read more",
    "read also",
    "see also",
    "more news",
    "latest news",
    "tags",
    "comments",
    "advertisement",
    "печать",
    "распечатать",
    "читайте также",
    "похожие новости",
    "популярное",
    "поделиться",
    "комментарии",
    "друк",
    "читайте також",
    "схожі новини",
    "популярне",
    "поділитися",
    "коментарі",
];

/// Parse a clipping's text.
pub fn parse(text: &str) -> Clipping {
    let mut clip = Clipping::default();
    let mut lines: Vec<String> = text.lines().map(|l| l.trim().to_owned()).collect();

    // 1. The date marker, which may run straight into the first sentence.
    if let Some(first) = lines.iter().position(|l| !l.is_empty()) {
        if let Some(caps) = MARKER.captures(&lines[first]) {
            if let Some(date) = dates::parse_iso(&caps[1]) {
                clip.date = Some((date, DateOrigin::Marker));
                clip.time = caps.get(2).and_then(|t| dates::parse_time(t.as_str()));
                lines[first] = caps[3].trim().to_owned();
            }
        }
    }

    // 2. Everything from the first end-of-story line on is page furniture.
    let end = lines
        .iter()
        .position(|l| is_end_of_story(l))
        .unwrap_or(lines.len());
    for line in &lines[end..] {
        if let Some(caps) = CHROME_FIELD.captures(line) {
            let value = caps[2].trim();
            let is_link =
                caps[1].eq_ignore_ascii_case("link") || caps[1].eq_ignore_ascii_case("url");
            if is_link && (value.starts_with("http://") || value.starts_with("https://")) {
                clip.url.get_or_insert_with(|| value.to_owned());
            }
        }
    }
    let tail: Vec<String> = lines.drain(end..).filter(|l| !l.is_empty()).collect();

    // 3. A publication date and a site name closing the story.
    while let Some(last) = lines.last() {
        if last.is_empty() {
            lines.pop();
        } else if let Some(date) = dates::parse_date_line(last) {
            if clip.date.is_none() {
                clip.date = Some((date, DateOrigin::TrailingLine));
            }
            clip.removed.push(lines.pop().expect("non-empty"));
        } else if SITE_NAME.is_match(last) {
            clip.source_name.get_or_insert_with(|| last.clone());
            clip.removed.push(lines.pop().expect("non-empty"));
        } else {
            break;
        }
    }

    // 4. Above the story: tickers, a language switch, and perhaps the title.
    let body_start = lines
        .iter()
        .position(|l| is_body_line(l))
        .unwrap_or(lines.len());
    let head: Vec<String> = lines
        .drain(..body_start)
        .filter(|l| !l.is_empty())
        .collect();
    let title_at = head.iter().rposition(|l| is_title_like(l));
    for (i, line) in head.into_iter().enumerate() {
        if Some(i) == title_at {
            clip.title = Some(line);
        } else {
            clip.removed.push(line);
        }
    }
    clip.removed.extend(tail);

    // 5. The body: one paragraph per line; a lone `-` (or a `- ` prefix) marks a list item.
    let mut pending_item = false;
    for line in lines {
        if line.is_empty() {
            continue;
        }
        if matches!(line.as_str(), "-" | "–" | "—" | "•" | "*") {
            pending_item = true;
            continue;
        }
        let (kind, text) = match line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
            Some(rest) => (BlockKind::ListItem, rest.trim().to_owned()),
            None if pending_item => (BlockKind::ListItem, line),
            None => (BlockKind::Paragraph, line),
        };
        pending_item = false;
        clip.blocks.push(Block { kind, text });
    }
    clip
}

fn is_end_of_story(line: &str) -> bool {
    let lower = line.trim_end_matches([':', '.']).to_lowercase();
    END_OF_STORY.contains(&lower.as_str()) || CHROME_FIELD.is_match(line)
}

/// A line of story text: ends like a sentence, or is too long to be a headline.
fn is_body_line(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '»', '”', '’', ')', '\'']);
    end.ends_with(['.', '!', '?', '…', ':', ';']) || line.chars().count() > 200
}

fn is_title_like(line: &str) -> bool {
    line.split_whitespace().count() >= 3 && !TICKER.is_match(line) && !SITE_NAME.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(clip: &Clipping) -> Vec<&str> {
        clip.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn marker_running_into_the_first_sentence() {
        let clip = parse(" date 2026-02-04 President met the envoy today.\n\nSecond paragraph.\n");
        assert_eq!(
            clip.date,
            Some((
                NaiveDate::from_ymd_opt(2026, 2, 4).unwrap(),
                DateOrigin::Marker
            ))
        );
        assert_eq!(clip.time, None);
        assert_eq!(clip.title, None);
        assert_eq!(
            texts(&clip),
            ["President met the envoy today.", "Second paragraph."]
        );
    }

    #[test]
    fn marker_with_time_tickers_title_and_related_list() {
        let text = " date 2025-12-18 11:26\nUSD 87.45\nEUR 102.48\nEnglish\n\nEnvoy meets secretary general\n\n\
                    In Washington, the two met.\nThey talked.\nlink: https://example.kg/en/1/\nviews: 155\nPrint\nRelated\nOther headline here\n";
        let clip = parse(text);
        assert_eq!(clip.time, NaiveTime::from_hms_opt(11, 26, 0));
        assert_eq!(clip.title.as_deref(), Some("Envoy meets secretary general"));
        assert_eq!(clip.url.as_deref(), Some("https://example.kg/en/1/"));
        assert_eq!(
            texts(&clip),
            ["In Washington, the two met.", "They talked."]
        );
        for gone in ["USD 87.45", "English", "views: 155", "Other headline here"] {
            assert!(
                clip.removed.iter().any(|l| l == gone),
                "{gone} not in {:?}",
                clip.removed
            );
        }
    }

    #[test]
    fn trailing_site_name_and_date_without_marker() {
        let clip = parse("The talks ended.\nOn November 27, both will meet.\nExampleNews.org\nNovember 26, 2025\n");
        assert_eq!(
            clip.date,
            Some((
                NaiveDate::from_ymd_opt(2025, 11, 26).unwrap(),
                DateOrigin::TrailingLine
            ))
        );
        assert_eq!(clip.source_name.as_deref(), Some("ExampleNews.org"));
        assert_eq!(
            texts(&clip),
            ["The talks ended.", "On November 27, both will meet."]
        );
    }

    #[test]
    fn lone_dashes_make_list_items() {
        let clip = parse("Documents were signed, including:\n-\nA memorandum;\n-\nAn agreement.\nThen they left.\n");
        let kinds: Vec<_> = clip.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(clip.blocks[1].text, "A memorandum;");
    }
}
