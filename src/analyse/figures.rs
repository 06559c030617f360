//! Key figures: money amounts, percentages, multiples and counted things ("over 1,800
//! companies"), each with the sentence it came from, in English, Russian and Ukrainian.
//!
//! Extraction keeps every figure in text order (bounded), with what a page needs to show it
//! well: its kind (money outranks percentages, which outrank counts), where it sits in the
//! sentence (to highlight it), the sentence's place in the article (the lead outranks the
//! rest) and a short label of what it measures, read off the words around it (`label`).
//! Choosing and grouping the few worth the space is `rank`.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

mod label;
pub mod rank;

pub use rank::{key_figures, FigureGroup};

/// Figures kept per article: enough to rank (the best often comes late), bounded so a
/// sentence of thousands of numbers costs nothing.
const MAX_FIGURES: usize = 16;

/// What a figure counts; the order is salience, most salient first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// `$5 billion`, `5 млрд долларов`.
    Money,
    /// `40 percent`, `12%`.
    Percent,
    /// `2.5 times`.
    Multiple,
    /// `500 MW`, `160 тысяч тонн`.
    Quantity,
    /// `over 1,800 companies`.
    Count,
}

/// One key figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure as written: `$5 billion`, `40 percent`, `5 млрд долларов`.
    pub text: String,
    /// The sentence it appears in.
    pub sentence: String,
    /// Byte range of `text` in `sentence` (for highlighting).
    pub span: (usize, usize),
    /// What it counts.
    pub kind: FigureKind,
    /// Index of its sentence among the article's sentences (0 is the lead).
    pub position: usize,
    /// What it measures, from the words around it ("Russian direct investments, H1
    /// 2025"), or `None` when they say nothing usable.
    pub label: Option<String>,
    /// The figure to show beside the label: `text`, less a counted noun the label already
    /// names ("over 1,800" under "Companies with Russian participation").
    pub value: String,
}

const NUMBER: &str = r"\d+(?:[.,\u{00A0} ]\d{3})*(?:[.,]\d+)?";
const SCALE: &str = r"(?:trillion|billion|million|thousand|bn|mln|m|триллион\w*|миллиард\w*|миллион\w*|тысяч\w*|трильйон\w*|мільярд\w*|мільйон\w*|тисяч\w*|трлн|млрд|млн|тыс|тис)\.?";
const CURRENCY_WORD: &str = r"(?:US\s+)?(?:dollars?|euros?|rubles?|roubles?|soms?|tenge|yuan|pounds?|manats?|sums?|долл\w*|дол\w*|евро|євро|руб\w*|сом\w*|тенге|юан\w*|USD|EUR|RUB|KGS|KZT|CNY|UZS)";

/// Things measured in physical units: tonnes, kilometres, megawatts, hectares.
const UNIT: &str = r"(?:tons?|tonnes?|kilometres?|kilometers?|km|megawatts?|MW|GW|kWh|barrels?|cubic met(?:re|er)s?|hectares?|тонн\w*|тон\w*|километр\w*|кілометр\w*|км|МВт|ГВт|кВт|баррел\w*|кубометр\w*|гектар\w*|га)\b";

/// Qualifiers that make a number a count worth showing ("over 1,800 companies").
const QUALIFIER: &str = r"(?i:over|more than|nearly|almost|about|around|some|at least|up to|более|свыше|около|почти|порядка|не менее|понад|більше|близько|майже|щонайменше|не менше)";

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // $5 billion, €110 million, $157 million
        format!(r"[$€£¥₽]\s?{NUMBER}(?:\s?{SCALE})?"),
        // 5 billion dollars, 110 млн долларов, 5 млрд доларів, 200 million USD
        format!(r"{NUMBER}\s?(?:{SCALE}\s)?{CURRENCY_WORD}\b"),
        // 40 percent, 2.5%, 36 процентов, 40 відсотків
        format!(r"{NUMBER}\s?(?:%|percent\b|per cent\b|процент\w*|відсот\w*)"),
        // 2.5 times, в 2,5 раза
        format!(r"{NUMBER}\s(?:times|раза?|рази)\b"),
        // 160 thousand tonnes, 500 МВт, 1,200 km
        format!(r"{NUMBER}\s?(?:{SCALE}\s)?{UNIT}"),
        // over 1,800 companies, более 400 документов, понад 3500 проєктів
        format!(r"{QUALIFIER}\s{NUMBER}\s(?:{SCALE}\s)?\p{{L}}{{3,}}"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid figure pattern"))
    .collect()
});

/// Counts of time ("over 30 years", "более 10 лет") are history, not key figures, and a
/// number before a month ("around 5 December", "около 5 декабря") is a date.
static TIME_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur\w*|лет|год\w*|месяц\w*|недел\w*|дн\w*|дня|час\w*|минут\w*|рок\w*|років|міс\w*|тиж\w*|днів|годин\w*|хвилин\w*|january|february|march|april|may|june|july|august|september|october|november|december|январ\w*|феврал\w*|марта?|апрел\w*|мая|май|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|січ\w*|лют\w*|берез\w*|квіт\w*|травн\w*|черв\w*|лип\w*|серп\w*|верес\w*|жовт\w*|листопад\w*|груд\w*)$")
        .expect("valid pattern")
});

/// Figures in `sentences`, in order of appearance, without repeats.
pub fn extract<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for (position, sentence) in sentences
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.bytes().any(|b| b.is_ascii_digit()))
    {
        // All matches, then one left-to-right sweep that drops overlaps (linear, however many
        // numbers a hostile sentence holds); at equal starts the earlier pattern wins.
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for (rank, pattern) in PATTERNS.iter().enumerate() {
            spans.extend(
                pattern
                    .find_iter(sentence)
                    .filter(|m| !is_year(m.as_str()) && !TIME_COUNT.is_match(m.as_str()))
                    .filter(|m| starts_at_boundary(sentence, m.start()))
                    .map(|m| (m.start(), rank, m.end())),
            );
        }
        spans.sort_unstable();
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        let mut last_end = 0;
        for (start, rank, end) in spans {
            if start < last_end {
                continue;
            }
            last_end = end;
            let mut raw = &sentence[start..end];
            // A scale's abbreviation keeps its dot ("5 млн."); a full stop after a whole
            // word ("$2 billion.") ends the sentence, not the figure.
            if let Some(word) = raw.trim_end().strip_suffix('.') {
                let last = word
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                if last.chars().count() > 4 {
                    raw = word;
                }
            }
            let end = start + raw.trim_end().len();
            let start = end - raw.trim().len();
            kept.push((start, rank, end));
        }
        // Every figure of the sentence is known before labelling, so a label never runs
        // into a neighbouring figure.
        let others: Vec<(usize, usize)> = kept.iter().map(|&(s, _, e)| (s, e)).collect();
        for &(start, rank, end) in &kept {
            let text = sentence[start..end].to_owned();
            // "$5 billion" twice, or "5 млрд долларов" and "5 млрд  долларов", is one figure.
            let key = normalise(&text);
            if out.iter().any(|f| normalise(&f.text) == key) {
                continue;
            }
            // "more than 20 percent", "около 1,1 млрд долларов": a qualified amount the
            // count pattern found first is still money or a percentage.
            let kind = match KINDS[rank] {
                FigureKind::Count => PATTERNS[..5]
                    .iter()
                    .position(|p| p.is_match(&text))
                    .map_or(FigureKind::Count, |r| KINDS[r]),
                kind => kind,
            };
            let found = label::label(sentence, (start, end), kind, &others);
            out.push(Figure {
                value: found.value.unwrap_or_else(|| text.clone()),
                label: found.label,
                text,
                sentence: sentence.to_owned(),
                span: (start, end),
                kind,
                position,
            });
            if out.len() == MAX_FIGURES {
                return out;
            }
        }
    }
    out
}

/// The kind of figure each of [`PATTERNS`] finds.
const KINDS: [FigureKind; 6] = [
    FigureKind::Money,
    FigureKind::Money,
    FigureKind::Percent,
    FigureKind::Multiple,
    FigureKind::Quantity,
    FigureKind::Count,
];

/// A figure starts a word: "C5+1 platform" and "№ 12" hold no figure, nor does a phone
/// number's tail ("62-52-52 tons" is noise).
fn starts_at_boundary(sentence: &str, start: usize) -> bool {
    sentence[..start].chars().next_back().is_none_or(|c| {
        !(c.is_alphanumeric() || matches!(c, '+' | '-' | '/' | '.' | ',' | '№' | '#'))
    })
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// "some 2025 years" is not a figure worth showing.
fn is_year(text: &str) -> bool {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.len() == 4
        && (1900..2100).contains(&digits.parse::<u32>().unwrap_or(0))
        && !text.contains(['$', '%', '€'])
        && !text.to_lowercase().contains("percent")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        extract([s]).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn qualified_amounts_keep_their_kind() {
        let figures = extract(["It grew by more than 20 percent, to около 1,1 млрд долларов."]);
        let kinds: Vec<FigureKind> = figures.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [FigureKind::Percent, FigureKind::Money]);
        assert_eq!(figures[0].value, "more than 20 percent");
    }

    #[test]
    fn english_figures() {
        assert_eq!(
            texts("Trade should reach $5 billion, up 40 percent."),
            ["$5 billion", "40 percent"]
        );
        assert_eq!(
            texts("Over 1,800 companies and more than 3,500 projects."),
            ["Over 1,800 companies", "more than 3,500 projects"]
        );
        assert_eq!(texts("GDP increased 2.5 times."), ["2.5 times"]);
        assert_eq!(texts("It totaled $110 million in 2025."), ["$110 million"]);
    }

    #[test]
    fn written_out_scales_keep_their_unit() {
        assert_eq!(
            texts("Поставлено более 160 тысяч тонн овощей."),
            ["более 160 тысяч тонн"]
        );
        assert_eq!(
            texts("Кредит на 50 миллионов долларов."),
            ["50 миллионов долларов"]
        );
    }

    #[test]
    fn russian_and_ukrainian_figures() {
        assert_eq!(
            texts("Инвестиции составили $110 млн, а товарооборот — 5 млрд долларов."),
            ["$110 млн", "5 млрд долларов"]
        );
        assert_eq!(
            texts("Експорт зріс на 40 відсотків, понад 3500 проєктів."),
            ["40 відсотків", "понад 3500 проєктів"]
        );
    }

    #[test]
    fn plain_years_and_dates_are_not_figures() {
        assert!(texts("In 2025 the talks on November 27 went on.").is_empty());
        assert!(texts("Переговоры 27 ноября 2025 года, в 2024 г. и 5 декабря.").is_empty());
        assert!(texts("Переговори 4 грудня 2025 року тривали.").is_empty());
    }

    #[test]
    fn phone_numbers_list_numbers_and_durations_are_not_figures() {
        assert!(texts("Call +996 312 62-52-52 or 0312 66 22 11 today.").is_empty());
        assert!(texts("1. Trade. 2. Energy. Point 3 of the plan.").is_empty());
        assert!(
            texts("The C5+1 platform, over the past 10 years, for more than 30 years.").is_empty()
        );
        assert!(texts("Более 30 лет дружбы, понад 20 років.").is_empty());
        assert!(texts("Around 5 December, около 5 декабря, близько 5 грудня.").is_empty());
    }

    #[test]
    fn units_and_prepositions() {
        assert_eq!(texts("Товарооборот вырос на 12%."), ["12%"]);
        assert_eq!(texts("Бюджет — 2,5 трлн рублей."), ["2,5 трлн рублей"]);
        assert_eq!(
            texts("Працюють понад 300 підприємств, експорт — 1,2 млн тонн."),
            ["понад 300 підприємств", "1,2 млн тонн"]
        );
        assert_eq!(
            texts("A 500 MW plant and a 1,200 km road, at least 40 schools."),
            ["500 MW", "1,200 km", "at least 40 schools"]
        );
    }

    #[test]
    fn figures_are_deduplicated_and_keep_their_sentence() {
        let figures = extract([
            "Trade reached $5 billion last year.",
            "The $5 billion target was met, up 40 percent.",
        ]);
        let texts: Vec<&str> = figures.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["$5 billion", "40 percent"]);
        assert_eq!(figures[0].sentence, "Trade reached $5 billion last year.");
        assert_eq!(
            figures[1].sentence,
            "The $5 billion target was met, up 40 percent."
        );
    }
}
