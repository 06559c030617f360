//! Key figures as pages show them (issue 16): on the article page, the few most salient
//! (see `analyse::figures::rank`) grouped by sentence, each sentence quoted once with its
//! figures highlighted (and not quoted again when the summary above already shows it); on a
//! partner page, a compact table of the best figures of its newest articles.

use serde::Serialize;

use crate::analyse::figures::{key_figures, Figure, FigureKind};
use crate::render::context::ArticleLink;

/// Figures on an article page.
const ARTICLE_MAX: usize = 5;
/// Rows of a partner's table, and rows per article in it.
const PARTNER_MAX: usize = 8;
const PARTNER_PER_ARTICLE: usize = 2;

/// One sentence of the article's "Key figures" box.
#[derive(Debug, Serialize)]
pub(crate) struct FigureGroupView {
    /// The sentence in pieces, the figures marked; empty when the summary shows it already.
    quote: Vec<QuotePart>,
    /// Its figures, in text order.
    figures: Vec<FigureView>,
}

/// A piece of a quoted sentence.
#[derive(Debug, Serialize)]
pub(crate) struct QuotePart {
    text: String,
    /// A figure, highlighted.
    mark: bool,
}

/// One figure with its label.
#[derive(Debug, Serialize)]
pub(crate) struct FigureView {
    /// As written in the sentence.
    text: String,
    /// What to show beside the label (`text` less a counted noun the label names).
    value: String,
    label: Option<String>,
    kind: FigureKind,
}

impl FigureView {
    fn of(f: &Figure) -> FigureView {
        FigureView {
            text: f.text.clone(),
            value: f.value.clone(),
            label: f.label.clone(),
            kind: f.kind,
        }
    }
}

/// The article page's key figures; sentences in `summary` are not quoted again.
pub(crate) fn article_figures(
    figures: &[Figure],
    title: &str,
    summary: &[String],
) -> Vec<FigureGroupView> {
    key_figures(figures, title, ARTICLE_MAX)
        .into_iter()
        .map(|g| FigureGroupView {
            quote: if summary.iter().any(|s| s == g.sentence) {
                Vec::new()
            } else {
                quote(g.sentence, g.figures.iter().map(|f| f.span))
            },
            figures: g.figures.iter().map(|f| FigureView::of(f)).collect(),
        })
        .collect()
}

/// `sentence` cut into plain and marked pieces at `spans` (in order, not overlapping).
fn quote(sentence: &str, spans: impl Iterator<Item = (usize, usize)>) -> Vec<QuotePart> {
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in spans {
        // Spans come from this very sentence; a stale or odd one is shown unmarked.
        if start < at || end > sentence.len() || !sentence.is_char_boundary(start) {
            continue;
        }
        if !sentence.is_char_boundary(end) {
            continue;
        }
        if start > at {
            parts.push(QuotePart {
                text: sentence[at..start].to_owned(),
                mark: false,
            });
        }
        parts.push(QuotePart {
            text: sentence[start..end].to_owned(),
            mark: true,
        });
        at = end;
    }
    if at < sentence.len() {
        parts.push(QuotePart {
            text: sentence[at..].to_owned(),
            mark: false,
        });
    }
    parts
}

/// A row of a partner's key figures table.
#[derive(Debug, Serialize)]
pub(crate) struct PartnerFigure {
    #[serde(flatten)]
    figure: FigureView,
    article: ArticleLink,
}

/// The best figures of a partner's articles, newest first (`articles`: each article's
/// figures and link, in the partner's order).
pub(crate) fn partner_figures<'a>(
    articles: impl IntoIterator<Item = (&'a [Figure], &'a ArticleLink)>,
) -> Vec<PartnerFigure> {
    let mut rows = Vec::new();
    for (figures, link) in articles {
        for g in key_figures(figures, &link.title, PARTNER_PER_ARTICLE) {
            for f in g.figures {
                if rows.len() == PARTNER_MAX {
                    return rows;
                }
                rows.push(PartnerFigure {
                    figure: FigureView::of(f),
                    article: link.clone(),
                });
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::figures::extract;

    const SENTENCES: [&str; 3] = [
        "Trade reached $5 billion, up 40 percent.",
        "Over 300 firms work there.",
        "Loans reached $2 billion.",
    ];

    #[test]
    fn a_sentence_is_quoted_once_with_its_figures_marked() {
        let figures = extract(SENTENCES);
        let groups = article_figures(&figures, "", &[]);
        assert_eq!(groups[0].figures.len(), 2);
        let marked: Vec<&str> = groups[0]
            .quote
            .iter()
            .filter(|p| p.mark)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["$5 billion", "40 percent"]);
        let whole: String = groups[0].quote.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(whole, SENTENCES[0]);
    }

    #[test]
    fn a_sentence_in_the_summary_is_not_quoted_again() {
        let figures = extract(SENTENCES);
        let groups = article_figures(&figures, "", &[SENTENCES[0].to_owned()]);
        assert!(groups[0].quote.is_empty());
        assert!(!groups[1].quote.is_empty());
    }

    #[test]
    fn partner_rows_are_few_per_article() {
        let figures = extract(SENTENCES);
        let link = ArticleLink {
            title: "Trade".into(),
            url: "a/index.html".into(),
            date: None,
            date_display: "undated".into(),
            lang: "en".into(),
        };
        let rows = partner_figures([(&figures[..], &link), (&figures[..], &link)]);
        assert_eq!(rows.len(), 2 * PARTNER_PER_ARTICLE);
        assert_eq!(rows[0].figure.text, "$5 billion");
    }
}
