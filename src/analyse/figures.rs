//! Key figures: money amounts, percentages, multiples and counted things ("over 1,800
//! companies"), each with the sentence it came from, in English, Russian and Ukrainian.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// Figures kept per article.
const MAX_FIGURES: usize = 8;

/// One key figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure as written: `$5 billion`, `40 percent`, `5 млрд долларов`.
    pub text: String,
    /// The sentence it appears in.
    pub sentence: String,
}

const NUMBER: &str = r"\d+(?:[.,\u{00A0} ]\d{3})*(?:[.,]\d+)?";
const SCALE: &str = r"(?:trillion|billion|million|thousand|bn|mln|m|триллион\w*|миллиард\w*|миллион\w*|тысяч\w*|трильйон\w*|мільярд\w*|мільйон\w*|тисяч\w*|трлн|млрд|млн|тыс|тис)\.?";
const CURRENCY_WORD: &str = r"(?:US\s+)?(?:dollars?|euros?|rubles?|roubles?|soms?|tenge|yuan|pounds?|manats?|sums?|долл\w*|дол\w*|евро|євро|руб\w*|сом\w*|тенге|юан\w*|USD|EUR|RUB|KGS|KZT|CNY|UZS)";

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
        // over 1,800 companies, более 400 документов, понад 3500 проєктів
        format!(r"(?i:over|more than|nearly|almost|about|around|some|более|свыше|около|почти|понад|більше|близько|майже)\s{NUMBER}\s(?:{SCALE}\s)?\p{{L}}{{3,}}"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid figure pattern"))
    .collect()
});

/// Figures in `sentences`, in order of appearance, without repeats.
pub fn extract<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for sentence in sentences
        .into_iter()
        .filter(|s| s.bytes().any(|b| b.is_ascii_digit()))
    {
        if out.len() == MAX_FIGURES {
            break;
        }
        // All matches, then one left-to-right sweep that drops overlaps (linear, however many
        // numbers a hostile sentence holds); at equal starts the earlier pattern wins.
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for (rank, pattern) in PATTERNS.iter().enumerate() {
            spans.extend(
                pattern
                    .find_iter(sentence)
                    .filter(|m| !is_year(m.as_str()))
                    .map(|m| (m.start(), rank, m.end())),
            );
        }
        spans.sort_unstable();
        let mut last_end = 0;
        for (start, _, end) in spans {
            if start < last_end {
                continue;
            }
            last_end = end;
            let text = sentence[start..end].trim().to_owned();
            if !out.iter().any(|f| f.text == text) {
                out.push(Figure {
                    text,
                    sentence: sentence.to_owned(),
                });
                if out.len() == MAX_FIGURES {
                    break;
                }
            }
        }
    }
    out
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
    }
}
