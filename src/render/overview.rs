//! The overview at a glance: inline SVG charts built at build time (no JavaScript), with the
//! same numbers as a table for screen readers and for anyone who wants them exact.
//!
//! - [`heatmap`]: partners × months on the home page and the partners index. Each cell links to
//!   the partner's page for the month; its shade is the month's stories (each story once),
//!   its tooltip (`<title>`) says stories and articles.
//! - [`timeline`]: one partner's stories per month as bars, on the partner page.
//!
//! Both stay bounded whatever the site's size: at most [`MAX_ROWS`] partners (the rest summed
//! in one unlinked row) and [`MAX_MONTHS`] months (the latest; the rest are named in the
//! description). They are drawn in CSS terms (classes whose fills are the theme's custom
//! properties, text in `currentColor`), so dark mode and print restyle them like the page;
//! shades are also fill *opacities*, which print as greys. Links are relative (prefixed with
//! the page's `root`), so they work from `file://`. Every text is escaped: partner names come
//! from user configuration.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::digest::YearMonth;
use crate::ingest::escape_html as esc;

/// Partners shown as rows of the heatmap; the others are summed in a last row.
pub const MAX_ROWS: usize = 12;
/// Months shown (the latest ones, in calendar order, empty months included).
pub const MAX_MONTHS: usize = 12;
/// Months of a partner's timeline.
pub const MAX_TIMELINE_MONTHS: usize = 24;

/// Shades of a non-empty cell.
const LEVELS: usize = 4;
/// Width of the partner-name column, and the longest name shown whole (in characters).
const LABEL_WIDTH: usize = 104;
const LABEL_CHARS: usize = 15;
/// A heatmap cell and the gap after it.
const CELL: usize = 20;
const GAP: usize = 2;
/// Height of the month and year labels above the cells.
const HEADER: usize = 30;

/// One month of one partner (or of the summary row).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Cell {
    /// Stories (each reported story once).
    pub stories: usize,
    /// Articles.
    pub articles: usize,
    /// The partner-month page, site-relative (`None` for the summary row or an empty month).
    pub url: Option<String>,
}

/// What the heatmap is drawn from: one partner's months.
#[derive(Debug, Clone)]
pub struct Series {
    /// Partner name (escaped on output).
    pub name: String,
    /// The partner's page, site-relative.
    pub url: String,
    /// Its months with articles.
    pub cells: BTreeMap<YearMonth, Cell>,
}

impl Series {
    fn stories(&self) -> usize {
        self.cells.values().map(|c| c.stories).sum()
    }
}

/// A row of the heatmap's table fallback.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Partner name, or "N other partners" for the summary row.
    pub name: String,
    /// The partner page; `None` for the summary row of the other partners.
    pub url: Option<String>,
    /// One per column of [`Chart::months`].
    pub cells: Vec<Cell>,
}

/// A month column.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// `2026-02`.
    pub id: String,
    /// `February 2026`.
    pub name: String,
    /// `Feb 2026`.
    pub short: String,
}

/// A chart ready for a template: the SVG (already escaped; include it with `| safe`) and its
/// numbers for the table fallback.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// The chart, escaped and self-contained.
    pub svg: String,
    /// What the chart shows, in one sentence (also the SVG's `<desc>`).
    pub description: String,
    /// The months shown, oldest first.
    pub months: Vec<Column>,
    /// The partners shown, in the chart's order.
    pub rows: Vec<Row>,
}

/// `n` months ending with `last`, oldest first.
fn months_ending(last: YearMonth, n: usize) -> Vec<YearMonth> {
    let index = last.year * 12 + last.month as i32 - 1;
    (0..n as i32)
        .rev()
        .map(|back| {
            let i = index - back;
            YearMonth {
                year: i.div_euclid(12),
                month: i.rem_euclid(12) as u32 + 1,
            }
        })
        .collect()
}

/// Calendar months from `first` to `last`, at most `max` (the latest).
fn month_range(first: YearMonth, last: YearMonth, max: usize) -> Vec<YearMonth> {
    let span = ((last.year - first.year) * 12 + last.month as i32 - first.month as i32 + 1).max(1)
        as usize;
    months_ending(last, span.min(max))
}

const ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn abbreviation(m: YearMonth) -> &'static str {
    ABBREVIATIONS[(m.month as usize).clamp(1, 12) - 1]
}

/// `n story`/`n stories`, `n article(s)`.
fn counts(stories: usize, articles: usize) -> String {
    format!(
        "{stories} stor{}, {articles} article{}",
        if stories == 1 { "y" } else { "ies" },
        if articles == 1 { "" } else { "s" }
    )
}

/// A shade from 1 to [`LEVELS`] for `n` of at most `max` (0 for nothing).
fn level(n: usize, max: usize) -> usize {
    if n == 0 || max == 0 {
        0
    } else {
        (n * LEVELS).div_ceil(max).clamp(1, LEVELS)
    }
}

/// A name cut to [`LABEL_CHARS`] characters (the whole name is in the row's `<title>`).
fn short_name(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        name.to_owned()
    } else {
        let mut cut: String = name.chars().take(LABEL_CHARS - 1).collect();
        cut = cut.trim_end().to_owned();
        cut.push('…');
        cut
    }
}

/// The partner × month heatmap of `series`, for a page whose way back to the site root is
/// `root`; `id` makes its element ids unique on the page. `None` when nothing is dated.
pub fn heatmap(series: &[Series], root: &str, id: &str) -> Option<Chart> {
    let last = series
        .iter()
        .filter_map(|s| s.cells.keys().next_back())
        .max()?;
    let first = series.iter().filter_map(|s| s.cells.keys().next()).min()?;
    let months = month_range(*first, *last, MAX_MONTHS);
    let all_months = month_range(*first, *last, usize::MAX);
    let hidden_months = all_months.len() - months.len();
    // Partners by stories in the months shown, then by all their stories, then by name.
    let shown = |s: &Series| -> usize {
        months
            .iter()
            .filter_map(|m| s.cells.get(m))
            .map(|c| c.stories)
            .sum()
    };
    let mut order: Vec<&Series> = series.iter().collect();
    order.sort_by(|a, b| {
        shown(b)
            .cmp(&shown(a))
            .then(b.stories().cmp(&a.stories()))
            .then_with(|| a.name.cmp(&b.name))
    });
    // A summary row replaces the tail only when it hides two or more partners.
    let keep = if order.len() > MAX_ROWS {
        MAX_ROWS - 1
    } else {
        order.len()
    };
    let (top, rest) = order.split_at(keep);
    let mut rows: Vec<Row> = top
        .iter()
        .map(|s| Row {
            name: s.name.clone(),
            url: Some(s.url.clone()),
            cells: months
                .iter()
                .map(|m| s.cells.get(m).cloned().unwrap_or_default())
                .collect(),
        })
        .collect();
    if !rest.is_empty() {
        rows.push(Row {
            name: format!("{} other partners", rest.len()),
            url: None,
            cells: months
                .iter()
                .map(|m| {
                    let mut sum = Cell::default();
                    for c in rest.iter().filter_map(|s| s.cells.get(m)) {
                        sum.stories += c.stories;
                        sum.articles += c.articles;
                    }
                    sum
                })
                .collect(),
        });
    }
    let max = rows
        .iter()
        .flat_map(|r| &r.cells)
        .map(|c| c.stories)
        .max()
        .unwrap_or(0);
    let mut description = format!(
        "Stories per partner and month, {} to {}: the darker the cell, the more stories.",
        months[0].name(),
        months[months.len() - 1].name()
    );
    if hidden_months > 0 {
        let _ = write!(
            description,
            " {hidden_months} earlier month{} not shown.",
            if hidden_months == 1 { " is" } else { "s are" }
        );
    }
    if !rest.is_empty() {
        let _ = write!(
            description,
            " The {} partners with the fewest stories are summed in the last row.",
            rest.len()
        );
    }
    let width = LABEL_WIDTH + months.len() * (CELL + GAP);
    let height = HEADER + rows.len() * (CELL + GAP);
    let mut svg = String::with_capacity(4096 + rows.len() * months.len() * 200);
    let _ = write!(
        svg,
        r#"<svg class="overview-chart heatmap" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="group" aria-labelledby="{id}-title" aria-describedby="{id}-desc"><title id="{id}-title">Partners by month</title><desc id="{id}-desc">{}</desc>"#,
        esc(&description)
    );
    // Month labels; the year above each January and above the first column.
    for (c, m) in months.iter().enumerate() {
        let x = LABEL_WIDTH + c * (CELL + GAP) + CELL / 2;
        if c == 0 || m.month == 1 {
            let _ = write!(
                svg,
                r#"<text class="ov-year" x="{}" y="11" aria-hidden="true">{}</text>"#,
                x - CELL / 2,
                m.year
            );
        }
        let _ = write!(
            svg,
            r#"<text class="ov-month" x="{x}" y="{}" text-anchor="middle" aria-hidden="true">{}</text>"#,
            HEADER - 6,
            abbreviation(*m)
        );
    }
    for (r, row) in rows.iter().enumerate() {
        let y = HEADER + r * (CELL + GAP);
        let label = format!(
            r#"<text class="ov-label" x="{}" y="{}" text-anchor="end">{}</text>"#,
            LABEL_WIDTH - 6,
            y + CELL / 2 + 4,
            esc(&short_name(&row.name))
        );
        match &row.url {
            Some(url) => {
                let _ = write!(
                    svg,
                    r#"<a href="{}{}"><title>{}</title>{label}</a>"#,
                    esc(root),
                    esc(url),
                    esc(&row.name)
                );
            }
            None => {
                let _ = write!(svg, r#"<g><title>{}</title>{label}</g>"#, esc(&row.name));
            }
        }
        for (c, (cell, m)) in row.cells.iter().zip(&months).enumerate() {
            let x = LABEL_WIDTH + c * (CELL + GAP);
            let tip = format!(
                "{}, {}: {}",
                row.name,
                m.name(),
                counts(cell.stories, cell.articles)
            );
            let rect = format!(
                r#"<rect class="ov-cell ov-l{}" x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="3"><title>{}</title></rect>"#,
                level(cell.stories, max),
                esc(&tip)
            );
            match cell.url.as_deref().filter(|_| cell.articles > 0) {
                Some(url) => {
                    let _ = write!(svg, r#"<a href="{}{}">{rect}</a>"#, esc(root), esc(url));
                }
                None => svg.push_str(&rect),
            }
        }
    }
    svg.push_str("</svg>");
    Some(Chart {
        svg,
        description,
        months: columns(&months),
        rows,
    })
}

/// Height of the timeline's bars at their tallest, and below them the labels.
const BAR_AREA: usize = 60;
const BAR_LABELS: usize = 26;
const BAR_TOP: usize = 14;

/// One partner's stories per month as bars, from its first month to its last (at most
/// [`MAX_TIMELINE_MONTHS`], the latest); `None` when it has no dated article.
pub fn timeline(series: &Series, root: &str, id: &str) -> Option<Chart> {
    let first = *series.cells.keys().next()?;
    let last = *series.cells.keys().next_back()?;
    let months = month_range(first, last, MAX_TIMELINE_MONTHS);
    let hidden = month_range(first, last, usize::MAX).len() - months.len();
    let cells: Vec<Cell> = months
        .iter()
        .map(|m| series.cells.get(m).cloned().unwrap_or_default())
        .collect();
    let max = cells.iter().map(|c| c.stories).max().unwrap_or(0).max(1);
    // Bars as wide as the space allows: 24 months fit a phone at 12 px a bar.
    let bar = if months.len() <= 12 { 22 } else { 12 };
    let gap = 3;
    let left = 4;
    let width = left + months.len() * (bar + gap) + 30;
    let height = BAR_TOP + BAR_AREA + BAR_LABELS;
    let mut description = format!(
        "Stories about {} per month, {} to {}; the busiest month has {max} stor{}.",
        series.name,
        months[0].name(),
        months[months.len() - 1].name(),
        if max == 1 { "y" } else { "ies" }
    );
    if hidden > 0 {
        let _ = write!(
            description,
            " {hidden} earlier month{} not shown.",
            if hidden == 1 { " is" } else { "s are" }
        );
    }
    let mut svg = String::with_capacity(1024 + months.len() * 300);
    let _ = write!(
        svg,
        r#"<svg class="overview-chart bar-timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="group" aria-labelledby="{id}-title" aria-describedby="{id}-desc"><title id="{id}-title">{} by month</title><desc id="{id}-desc">{}</desc>"#,
        esc(&series.name),
        esc(&description)
    );
    let base = BAR_TOP + BAR_AREA;
    let _ = write!(
        svg,
        r#"<line class="ov-axis" x1="{left}" y1="{base}" x2="{}" y2="{base}"/>"#,
        left + months.len() * (bar + gap)
    );
    let _ = write!(
        svg,
        r#"<text class="ov-month" x="{}" y="{}" aria-hidden="true">{max}</text>"#,
        left + months.len() * (bar + gap) + 4,
        BAR_TOP + 4
    );
    for (c, (cell, m)) in cells.iter().zip(&months).enumerate() {
        let x = left + c * (bar + gap);
        let h = if cell.stories == 0 {
            0
        } else {
            (cell.stories * BAR_AREA).div_ceil(max).max(2)
        };
        let tip = format!("{}: {}", m.name(), counts(cell.stories, cell.articles));
        // The whole column is the target (a one-story month is a 2 px bar otherwise).
        let hit = format!(
            r#"<rect class="ov-hit" x="{x}" y="{BAR_TOP}" width="{bar}" height="{BAR_AREA}"/>"#
        );
        let shape = format!(
            r#"<rect class="ov-bar" x="{x}" y="{}" width="{bar}" height="{h}"/>"#,
            base - h
        );
        match cell.url.as_deref().filter(|_| cell.articles > 0) {
            Some(url) => {
                let _ = write!(
                    svg,
                    r#"<a href="{}{}"><title>{}</title>{hit}{shape}</a>"#,
                    esc(root),
                    esc(url),
                    esc(&tip)
                );
            }
            None => {
                let _ = write!(svg, r#"<g><title>{}</title>{hit}{shape}</g>"#, esc(&tip));
            }
        }
        // Up to 12 months: each month named, years under the first and each January. More:
        // only the years, at the first month and each January (a month is 15 px wide).
        let label_x = x + bar / 2;
        let year_label = c == 0 || m.month == 1;
        if months.len() <= 12 {
            let _ = write!(
                svg,
                r#"<text class="ov-month" x="{label_x}" y="{}" text-anchor="middle" aria-hidden="true">{}</text>"#,
                base + 12,
                abbreviation(*m)
            );
            if year_label {
                let _ = write!(
                    svg,
                    r#"<text class="ov-year" x="{label_x}" y="{}" text-anchor="middle" aria-hidden="true">{}</text>"#,
                    base + 24,
                    m.year
                );
            }
        } else if year_label {
            let _ = write!(
                svg,
                r#"<text class="ov-year" x="{x}" y="{}" aria-hidden="true">{}</text>"#,
                base + 14,
                m.year
            );
        }
    }
    svg.push_str("</svg>");
    Some(Chart {
        svg,
        description,
        months: columns(&months),
        rows: vec![Row {
            name: series.name.clone(),
            url: Some(series.url.clone()),
            cells,
        }],
    })
}

/// The table fallback's month columns, in chart order.
fn columns(months: &[YearMonth]) -> Vec<Column> {
    months
        .iter()
        .map(|m| Column {
            id: m.to_string(),
            name: m.name(),
            short: format!("{} {}", abbreviation(*m), m.year),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    fn series(name: &str, id: &str, months: &[(YearMonth, usize)]) -> Series {
        Series {
            name: name.into(),
            url: format!("partners/{id}/index.html"),
            cells: months
                .iter()
                .map(|&(m, n)| {
                    (
                        m,
                        Cell {
                            stories: n,
                            articles: n + 1,
                            url: Some(format!("partners/{id}/{m}/index.html")),
                        },
                    )
                })
                .collect(),
        }
    }

    fn parse(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"))
    }

    fn links<'a>(doc: &'a roxmltree::Document) -> Vec<&'a str> {
        doc.descendants()
            .filter(|n| n.has_tag_name("a"))
            .filter_map(|n| n.attribute("href"))
            .collect()
    }

    #[test]
    fn months_are_calendar_months_across_years() {
        assert_eq!(
            months_ending(ym(2026, 2), 3),
            [ym(2025, 12), ym(2026, 1), ym(2026, 2)]
        );
        assert_eq!(month_range(ym(2020, 1), ym(2026, 2), 12).len(), 12);
        assert_eq!(month_range(ym(2026, 2), ym(2026, 2), 12), [ym(2026, 2)]);
    }

    #[test]
    fn heatmap_is_valid_svg_with_escaped_names_and_relative_links() {
        let hostile = r#"<script>alert("x")</script> & Co's"#;
        let data = [
            series("United States", "us", &[(ym(2026, 1), 2), (ym(2026, 2), 5)]),
            series(hostile, "zz", &[(ym(2025, 12), 1)]),
        ];
        let chart = heatmap(&data, "../", "hm").unwrap();
        let doc = parse(&chart.svg);
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.attribute("aria-labelledby"), Some("hm-title"));
        // The hostile name is text, never markup.
        assert!(!chart.svg.contains("<script"));
        assert!(doc
            .descendants()
            .any(|n| n.text().is_some_and(|t| t.contains(hostile))));
        // Three months (Dec to Feb), two rows; three non-empty cells link, plus two row labels.
        assert_eq!(chart.months.len(), 3);
        assert_eq!(chart.rows.len(), 2);
        let hrefs = links(&doc);
        assert_eq!(hrefs.len(), 5, "{hrefs:?}");
        assert!(
            hrefs.iter().all(|h| h.starts_with("../partners/")),
            "{hrefs:?}"
        );
        assert!(hrefs.contains(&"../partners/us/2026-02/index.html"));
        // The busiest cell has the darkest shade; its tooltip gives both counts.
        assert!(chart.svg.contains(
            "ov-l4\" x=\"148\" y=\"30\" width=\"20\" height=\"20\" rx=\"3\"><title>United States, February 2026: 5 stories, 6 articles</title>"
        ), "{}", chart.svg);
        // The busiest partner comes first.
        assert_eq!(chart.rows[0].name, "United States");
        assert!(heatmap(&[], "", "x").is_none());
    }

    #[test]
    fn heatmap_stays_bounded() {
        let data: Vec<Series> = (0..40)
            .map(|p| {
                let months: Vec<(YearMonth, usize)> = (0..36)
                    .map(|k| (months_ending(ym(2026, 2), 36)[k], (p + k) % 5))
                    .filter(|&(_, n)| n > 0)
                    .collect();
                series(&format!("Partner {p:02}"), &format!("p{p}"), &months)
            })
            .collect();
        let chart = heatmap(&data, "", "hm").unwrap();
        assert_eq!(chart.months.len(), MAX_MONTHS);
        assert_eq!(chart.rows.len(), MAX_ROWS);
        let last = chart.rows.last().unwrap();
        assert_eq!(last.name, "29 other partners");
        assert!(last.url.is_none() && last.cells.iter().all(|c| c.url.is_none()));
        assert!(chart
            .description
            .contains("24 earlier months are not shown"));
        let doc = parse(&chart.svg);
        let width: usize = doc
            .root_element()
            .attribute("width")
            .unwrap()
            .parse()
            .unwrap();
        assert!(width <= 400, "{width}");
    }

    #[test]
    fn timeline_bars_link_each_month_with_articles() {
        let us = series(
            "United States",
            "us",
            &[(ym(2025, 11), 1), (ym(2026, 2), 4)],
        );
        let chart = timeline(&us, "../../", "tl").unwrap();
        let doc = parse(&chart.svg);
        // Nov, Dec, Jan, Feb: two months empty, not linked.
        assert_eq!(chart.months.len(), 4);
        assert_eq!(
            links(&doc),
            [
                "../../partners/us/2025-11/index.html",
                "../../partners/us/2026-02/index.html"
            ]
        );
        assert!(chart
            .svg
            .contains("<title>December 2025: 0 stories, 0 articles</title>"));
        // Long histories keep the latest months.
        let long = series("Long", "l", &[(ym(2020, 1), 1), (ym(2026, 2), 1)]);
        let chart = timeline(&long, "", "tl").unwrap();
        assert_eq!(chart.months.len(), MAX_TIMELINE_MONTHS);
        assert!(chart
            .description
            .contains("50 earlier months are not shown"));
        parse(&chart.svg);
    }
}
