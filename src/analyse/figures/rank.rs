//! Which key figures are worth the space, and how they are grouped.
//!
//! Issue 16: the article's box listed eight figures in text order and quoted the same
//! sentence under several of them. Now figures are ranked by salience: a figure the headline
//! states, then the lead's (the first two sentences), then the rest; within each, money over
//! percentages and multiples over physical quantities over counts; then text order. The best
//! `max` are kept and grouped by their sentence, so each sentence is quoted once with its
//! figures; groups come in the order of their best figure.

use super::Figure;

/// Sentences that count as the lead.
const LEAD: usize = 2;

/// A sentence and the chosen figures it holds (in text order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureGroup<'a> {
    /// The sentence, as in [`Figure::sentence`].
    pub sentence: &'a str,
    /// Its chosen figures, in the order they appear in it.
    pub figures: Vec<&'a Figure>,
}

/// Salience of `f` in an article headed `title`: lower is more salient.
fn salience(f: &Figure, title: &str) -> (u8, super::FigureKind, usize, usize) {
    let tier = if in_title(f, title) {
        0
    } else if f.position < LEAD {
        1
    } else {
        2
    };
    (tier, f.kind, f.position, f.span.0)
}

/// Whether the headline states the figure: its number (the digits and separators) appears
/// there ("$5 billion" and "5 billion" both match "Trade to reach 5 billion").
fn in_title(f: &Figure, title: &str) -> bool {
    let number: String = f
        .text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}'))
        .collect();
    let number = number.trim_end_matches(['.', ',', ' ', '\u{a0}']);
    !number.is_empty()
        && title.match_indices(number).any(|(at, _)| {
            // Whole numbers only: "5" is not in "25" or "2.5".
            let before = title[..at].chars().next_back();
            let after = title[at + number.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
                && !after.is_some_and(|c| c.is_ascii_digit())
        })
}

/// The `max` most salient of `figures` in an article headed `title`, grouped by sentence.
pub fn key_figures<'a>(figures: &'a [Figure], title: &str, max: usize) -> Vec<FigureGroup<'a>> {
    let mut ranked: Vec<&Figure> = figures.iter().collect();
    ranked.sort_by_cached_key(|f| salience(f, title));
    ranked.truncate(max);
    let mut groups: Vec<FigureGroup> = Vec::new();
    for f in ranked {
        match groups
            .iter_mut()
            .find(|g| g.sentence == f.sentence && g.figures[0].position == f.position)
        {
            Some(g) => g.figures.push(f),
            None => groups.push(FigureGroup {
                sentence: &f.sentence,
                figures: vec![f],
            }),
        }
    }
    for g in &mut groups {
        g.figures.sort_by_key(|f| f.span.0);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    /// Seed 002's sentences with figures, in article order (two lead sentences first).
    const SEED_002: [&str; 6] = [
        "In Bishkek, talks concluded between the presidents of Kyrgyzstan and Russia.",
        "President Japarov noted that nearly a quarter of foreign trade is with Russia, with a \
         target to reach $5 billion in the coming years.",
        "Russian direct investments in the first six months of 2025 totaled $110 million, and \
         over 1,800 companies with Russian participation are currently operating in the country.",
        "The leaders also praised the work of the Russian-Kyrgyz Development Fund, which has \
         invested over $1 billion in more than 3,500 projects since its establishment.",
        "According to Japarov, the legal framework includes over 400 documents.",
        "Over the past ten years, its GDP has increased 2.5 times.",
    ];

    fn shown(groups: &[FigureGroup]) -> Vec<Vec<String>> {
        groups
            .iter()
            .map(|g| g.figures.iter().map(|f| f.text.clone()).collect())
            .collect()
    }

    #[test]
    fn one_group_per_sentence_lead_first_money_first() {
        let figures = extract(SEED_002);
        let groups = key_figures(&figures, "Talks in Bishkek", 5);
        // The lead's $5 billion first; then money, the multiple, a count; each sentence
        // once, its figures in text order.
        assert_eq!(
            shown(&groups),
            [
                vec!["$5 billion"],
                vec!["$110 million", "over 1,800 companies"],
                vec!["$1 billion"],
                vec!["2.5 times"],
            ]
        );
        let sentences: Vec<&str> = groups.iter().map(|g| g.sentence).collect();
        let mut unique = sentences.clone();
        unique.dedup();
        assert_eq!(sentences.len(), unique.len());
    }

    #[test]
    fn at_most_max_figures() {
        let figures = extract(SEED_002);
        let total: usize = key_figures(&figures, "", 3)
            .iter()
            .map(|g| g.figures.len())
            .sum();
        assert_eq!(total, 3);
        assert!(key_figures(&[], "", 5).is_empty());
    }

    #[test]
    fn the_headline_figure_comes_first() {
        let figures = extract(SEED_002);
        let groups = key_figures(&figures, "GDP up 2.5 times since joining the EAEU", 5);
        assert_eq!(shown(&groups)[0], ["2.5 times"]);
        // "5" is not "25" or "2.5".
        let groups = key_figures(&figures, "25 documents signed", 5);
        assert_eq!(shown(&groups)[0], ["$5 billion"]);
    }

    #[test]
    fn percentages_outrank_counts_and_are_outranked_by_money() {
        let figures = extract([
            "Lead sentence one.",
            "Lead sentence two.",
            "There are over 300 firms.",
            "Exports rose 40 percent.",
            "Loans reached $2 billion.",
        ]);
        let groups = key_figures(&figures, "", 5);
        assert_eq!(
            shown(&groups),
            [
                vec!["$2 billion"],
                vec!["40 percent"],
                vec!["over 300 firms"]
            ]
        );
    }
}
