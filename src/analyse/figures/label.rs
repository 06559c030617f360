//! A short label of what a figure measures, read off the words around it in its sentence.
//!
//! News states a figure as "<what> <verb> <figure>" ("Russian direct investments in the first
//! six months of 2025 totaled $110 million"), as "<what> to <figure>" ("increase bilateral
//! trade to $200 million"), or counts a thing ("over 1,800 companies with Russian
//! participation"). So, within the figure's clause (commas, semicolons, "that", "which", …
//! end one):
//!
//! 1. walk left past prepositions and qualifiers ("to", "over", "worth") and the verb group
//!    ("has invested", "totaled", "составили");
//! 2. the noun phrase before that, up to the clause start or another verb, is the label;
//! 3. a period in the clause ("in the first six months of 2025") becomes a short suffix
//!    ("H1 2025") and leaves the noun phrase;
//! 4. with nothing on the left, a count is labelled by its counted noun and what qualifies it
//!    ("Companies with Russian participation"), and a figure in a relative clause ("which has
//!    invested $1 billion") by the clause's antecedent and verb.
//!
//! No part-of-speech tagger: verbs are known from small word lists and endings, which is
//! enough because only the few words next to a figure are classified. A label that would be
//! long or empty is not given; the page then shows the figure in its sentence alone.

use std::sync::LazyLock;

use regex::Regex;

use super::FigureKind;

#[rustfmt::skip]
mod words;
use words::{
    is_clause_word, is_lead_filler, is_leading_preposition, is_modifier, is_period_word,
    is_phrase_stop, is_relative, is_skipped, is_verb,
};

/// Longest label, in words (before the period suffix).
const MAX_WORDS: usize = 6;
/// Bytes of context looked at on each side of a figure (bounded work on huge sentences).
const WINDOW: usize = 400;

/// What [`label`] found.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Found {
    pub label: Option<String>,
    /// The value to show when it differs from the figure's text.
    pub value: Option<String>,
}

/// A word of the sentence with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// Clause punctuation right after the word (`,` `;` `:` `(` `)`).
    ends_clause: bool,
    /// Clause punctuation right before the word (`(`).
    starts_clause: bool,
}

impl Word<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// The label of the figure at `span` in `sentence`; `others` are the spans of all figures of
/// the sentence (the figure's own included), which no label runs into.
pub(super) fn label(
    sentence: &str,
    span: (usize, usize),
    kind: FigureKind,
    others: &[(usize, usize)],
) -> Found {
    let lo = floor_char(sentence, span.0.saturating_sub(WINDOW));
    let hi = ceil_char(sentence, (span.1 + WINDOW).min(sentence.len()));
    let words = words(sentence, lo, hi);
    let in_other = |w: &Word| {
        others
            .iter()
            .any(|&(s, e)| (s, e) != span && w.start < e && w.end > s)
    };
    let before: Vec<Word> = words.iter().copied().filter(|w| w.end <= span.0).collect();
    let after: Vec<Word> = words
        .iter()
        .copied()
        .filter(|w| w.start >= span.1)
        .collect();
    // The figure's clause: left and right of it up to a boundary.
    let mut left: Vec<Word> = Vec::new();
    for w in before.iter().rev() {
        if w.ends_clause || is_clause_word(&w.lower()) || in_other(w) {
            break;
        }
        left.push(*w);
        if w.starts_clause {
            break;
        }
    }
    left.reverse();
    let mut right: Vec<Word> = Vec::new();
    for w in &after {
        if w.starts_clause || is_clause_word(&w.lower()) || in_other(w) {
            break;
        }
        right.push(*w);
        if w.ends_clause {
            break;
        }
    }
    let clause_start = left.first().map_or(span.0, |w| w.start);
    let clause_end = right.last().map_or(span.1, |w| w.end);
    let period = period(&sentence[clause_start..clause_end]);

    // 1. Past prepositions, qualifiers and the verb group.
    let mut i = left.len();
    let mut verbs: Vec<Word> = Vec::new();
    while i > 0 && is_skipped(&left[i - 1].lower()) {
        i -= 1;
    }
    // "a grant of $12.4 million": after an article a verb-like word is a noun.
    let after_article =
        |k: usize| k > 0 && matches!(left[k - 1].lower().as_str(), "a" | "an" | "the");
    while i > 0 && is_verb(&left[i - 1].lower()) && !after_article(i - 1) {
        verbs.push(left[i - 1]);
        i -= 1;
    }
    verbs.reverse();
    // 2. The noun phrase before it.
    let mut j = i;
    // The nearest noun phrase: back to a verb, or to "with" joining another one ("provide
    // Kyrgyzstan with a grant of …").
    while j > 0
        && !is_phrase_stop(&left[j - 1].lower(), j.checked_sub(2).map(|k| left[k].text))
        && !matches!(left[j - 1].lower().as_str(), "with" | "про")
    {
        j -= 1;
    }
    let phrase = trim_phrase(&left[j..i], period.as_ref().map(|p| p.range(clause_start)));
    if !phrase.is_empty() {
        return Found {
            label: make_label(&phrase, period.as_ref()),
            value: None,
        };
    }
    // 4. Nothing on the left: a count names itself; a relative clause its antecedent.
    if kind == FigureKind::Count {
        let text = &sentence[span.0..span.1];
        let Some((value, noun)) = text.rsplit_once(char::is_whitespace) else {
            return Found::default();
        };
        let mut phrase = vec![noun.to_owned()];
        let starts_modifier = right.first().is_some_and(|w| is_modifier(&w.lower()));
        if starts_modifier {
            for w in right.iter().take(MAX_WORDS - 1) {
                if is_phrase_stop(&w.lower(), None)
                    || is_verb(&w.lower())
                    || is_period_word(&w.lower())
                {
                    break;
                }
                phrase.push(clean(w.text).to_owned());
                if w.ends_clause {
                    break;
                }
            }
        }
        let phrase = trim_words(phrase);
        return Found {
            label: make_label(&phrase, period.as_ref()),
            value: Some(value.trim().to_owned()),
        };
    }
    let relative = before
        .iter()
        .rev()
        .find(|w| w.end <= clause_start)
        .is_some_and(|w| is_relative(&w.lower()));
    if relative && !verbs.is_empty() {
        let antecedent = antecedent(&before, clause_start);
        if !antecedent.is_empty() {
            let mut phrase = antecedent;
            phrase.extend(verbs.iter().map(|w| clean(w.text).to_owned()));
            return Found {
                label: make_label(&phrase, period.as_ref()),
                value: None,
            };
        }
    }
    Found::default()
}

/// The noun phrase a relative pronoun at `clause_start` refers to: the words just before
/// it, back to a verb, a preposition "of" or a clause boundary.
fn antecedent(before: &[Word], clause_start: usize) -> Vec<String> {
    let mut out: Vec<Word> = Vec::new();
    // Skip the relative pronoun itself.
    let mut rest = before.iter().rev().skip_while(|w| w.start >= clause_start);
    rest.next();
    for w in rest {
        // "…the work of the Fund, which": the comma after the antecedent is not its end.
        if !out.is_empty() && w.ends_clause {
            break;
        }
        let lower = w.lower();
        if is_phrase_stop(&lower, None)
            || is_clause_word(&lower)
            || matches!(lower.as_str(), "of" | "для")
        {
            break;
        }
        out.push(*w);
        if w.starts_clause {
            break;
        }
        if out.len() > MAX_WORDS {
            return Vec::new();
        }
    }
    out.reverse();
    trim_phrase(&out, None)
}

/// A phrase's words, less a period's words, leading articles, conjunctions and prepositions
/// and trailing prepositions; empty when too long to be a label.
fn trim_phrase(words: &[Word], period: Option<(usize, usize)>) -> Vec<String> {
    let kept: Vec<String> = words
        .iter()
        .filter(|w| period.is_none_or(|(s, e)| w.end <= s || w.start >= e))
        .map(|w| clean(w.text).to_owned())
        .filter(|w| !w.is_empty())
        .collect();
    trim_words(kept)
}

fn trim_words(mut words: Vec<String>) -> Vec<String> {
    while words
        .first()
        .is_some_and(|w| is_lead_filler(&w.to_lowercase()))
    {
        words.remove(0);
    }
    while words
        .last()
        .is_some_and(|w| is_lead_filler(&w.to_lowercase()) || is_skipped(&w.to_lowercase()))
    {
        words.pop();
    }
    // Not a thing measured: a long clause, a place or time ("В Казахстан", "From the EU"),
    // an infinitive or participle ("To supply electricity", "used to replace").
    let first = words.first().map(String::as_str).unwrap_or("");
    let lower = first.to_lowercase();
    if words.len() > MAX_WORDS
        || is_leading_preposition(&lower)
        || lower.ends_with("ing")
        || (first.ends_with("ed") && first.chars().next().is_some_and(char::is_lowercase))
    {
        return Vec::new();
    }
    words
}

/// "Russian direct investments" + H1 2025 -> "Russian direct investments, H1 2025".
fn make_label(words: &[String], period: Option<&Period>) -> Option<String> {
    if words.is_empty() || words.iter().all(|w| !w.chars().any(char::is_alphabetic)) {
        return None;
    }
    let mut label = words.join(" ");
    if let Some(first) = label.chars().next() {
        let upper: String = first.to_uppercase().collect();
        label.replace_range(..first.len_utf8(), &upper);
    }
    if let Some(p) = period {
        label.push_str(", ");
        label.push_str(&p.text);
    }
    Some(label)
}

/// A word without the punctuation around it.
fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| {
        !(c.is_alphanumeric() || matches!(c, '$' | '€' | '£' | '%' | '’' | '\''))
    })
    .trim_end_matches(['’', '\''])
}

/// The words of `sentence[lo..hi]` (split at white space and dashes standing alone).
fn words(sentence: &str, lo: usize, hi: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes_end = hi;
    let text = &sentence[lo..hi];
    for (k, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let at = lo + k;
        if c.is_whitespace() || at == bytes_end {
            if let Some(s) = start.take() {
                push_word(sentence, s, at, &mut out);
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    out
}

fn push_word<'a>(sentence: &'a str, start: usize, end: usize, out: &mut Vec<Word<'a>>) {
    let text = &sentence[start..end];
    // A dash standing alone ("товарооборот — 5 млрд") is a predicate, not a word: it is
    // kept as a skippable word.
    let trimmed_end = text.trim_end_matches(['"', '”', '»', '’', '\'', '.', '!', '?']);
    let ends_clause = trimmed_end.ends_with([',', ';', ':', '(', ')'])
        || (text.ends_with(['.', '!', '?']) && text.chars().count() > 1);
    let starts_clause = text.starts_with(['(', '[']);
    out.push(Word {
        text,
        start,
        end,
        ends_clause,
        starts_clause,
    });
}

/// A period named in a clause, as a short suffix.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Period {
    text: String,
    /// Byte range in the clause it was found in.
    range: (usize, usize),
}

impl Period {
    fn range(&self, clause_start: usize) -> (usize, usize) {
        (clause_start + self.range.0, clause_start + self.range.1)
    }
}

const YEAR: &str = r"((?:19|20)\d\d)";

static PERIODS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (format!(r"(?i)\b(?:in|during|for|over)\s+the\s+first\s+(?:half|six\s+months)\s+of\s+{YEAR}"), "H1 $1"),
        (format!(r"(?i)\b(?:in|during|for|over)\s+the\s+second\s+half\s+of\s+{YEAR}"), "H2 $1"),
        (format!(r"(?i)\b(?:in|during|for|over)\s+the\s+first\s+nine\s+months\s+of\s+{YEAR}"), "9M $1"),
        (format!(r"(?i)\b(?:in|during|for|over)\s+the\s+(first|second|third|fourth)\s+quarter\s+of\s+{YEAR}"), "Q$1 $2"),
        (format!(r"(?i)(?:\bв|\bза)\s+перв\w+\s+полугоди\w+\s+{YEAR}\s+г\w*"), "H1 $1"),
        (format!(r"(?i)(?:\bв|\bза)\s+втор\w+\s+полугоди\w+\s+{YEAR}\s+г\w*"), "H2 $1"),
        (format!(r"(?i)\bза\s+(?:первые\s+)?девять\s+месяцев\s+{YEAR}\s+г\w*"), "9M $1"),
        (format!(r"(?i)(?:\bу|\bв|\bза)\s+перш\w+\s+півріч\w+\s+{YEAR}\s+р\w*"), "H1 $1"),
        (format!(r"(?i)(?:\bу|\bв|\bза)\s+друг\w+\s+півріч\w+\s+{YEAR}\s+р\w*"), "H2 $1"),
        (format!(r"(?i)\bза\s+дев'?’?ять\s+місяців\s+{YEAR}\s+р\w*"), "9M $1"),
        (format!(r"(?i)\b(?:in|during|for)\s+{YEAR}\b"), "$1"),
        (format!(r"(?i)(?:\bпо\s+итогам|\bза\s+итогами|\bза\s+підсумками)\s+{YEAR}\s+(?:г|р)\w*"), "$1"),
        (format!(r"(?i)(?:\bв|\bза)\s+{YEAR}\s+год\w*"), "$1"),
        (format!(r"(?i)(?:\bу|\bв|\bза)\s+{YEAR}\s+р(?:оц\w*|ік)"), "$1"),
    ]
    .into_iter()
    .map(|(p, r)| (Regex::new(&p).expect("valid period pattern"), r))
    .collect()
});

/// The first period of `clause`, tried in the order of [`PERIODS`] (most specific first).
fn period(clause: &str) -> Option<Period> {
    PERIODS.iter().find_map(|(re, replacement)| {
        let caps = re.captures(clause)?;
        let whole = caps.get(0)?;
        let mut text = String::new();
        caps.expand(replacement, &mut text);
        let text = text
            .replace("Qfirst", "Q1")
            .replace("Qsecond", "Q2")
            .replace("Qthird", "Q3")
            .replace("Qfourth", "Q4");
        Some(Period {
            text,
            range: (whole.start(), whole.end()),
        })
    })
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    /// (figure, label, value) of each figure of `sentence`.
    fn labels(sentence: &str) -> Vec<(String, Option<String>, String)> {
        extract([sentence])
            .into_iter()
            .map(|f| (f.text, f.label, f.value))
            .collect()
    }

    fn one(sentence: &str, figure: &str) -> (Option<String>, String) {
        labels(sentence)
            .into_iter()
            .find(|(t, _, _)| t == figure)
            .map(|(_, l, v)| (l, v))
            .unwrap_or_else(|| panic!("no figure {figure} in {sentence}"))
    }

    const SEED_002: &str = "Russian direct investments in the first six months of 2025 \
        totaled $110 million, and over 1,800 companies with Russian participation are \
        currently operating in the country.";

    #[test]
    fn subject_before_the_verb_with_its_period() {
        assert_eq!(
            one(SEED_002, "$110 million"),
            (
                Some("Russian direct investments, H1 2025".into()),
                "$110 million".into()
            )
        );
    }

    #[test]
    fn a_count_at_the_clause_start_names_itself() {
        assert_eq!(
            one(SEED_002, "over 1,800 companies"),
            (
                Some("Companies with Russian participation".into()),
                "over 1,800".into()
            )
        );
    }

    #[test]
    fn noun_phrase_before_a_preposition() {
        assert_eq!(
            one(
                "He noted that the two countries have the potential to increase bilateral \
                 trade to $200 million in the coming years.",
                "$200 million"
            ),
            (Some("Bilateral trade".into()), "$200 million".into())
        );
        assert_eq!(
            one(
                "Currently, 14 hydroelectric and renewable energy facilities worth over \
                 $175 million are being built.",
                "$175 million"
            )
            .0,
            Some("14 hydroelectric and renewable energy facilities".into())
        );
    }

    #[test]
    fn a_relative_clause_takes_its_antecedent() {
        assert_eq!(
            one(
                "The leaders praised the work of the Russian-Kyrgyz Development Fund, which \
                 has invested over $1 billion in more than 3,500 projects.",
                "$1 billion"
            )
            .0,
            Some("Russian-Kyrgyz Development Fund has invested".into())
        );
    }

    #[test]
    fn subject_of_a_count_and_of_a_multiple() {
        assert_eq!(
            one(
                "According to Japarov, the treaty framework between Kyrgyzstan and Russia \
                 includes over 400 documents.",
                "over 400 documents"
            ),
            (
                Some("Treaty framework between Kyrgyzstan and Russia".into()),
                "over 400 documents".into()
            )
        );
        assert_eq!(
            one(
                "Over the past ten years, its GDP has increased 2.5 times.",
                "2.5 times"
            )
            .0,
            Some("GDP".into())
        );
    }

    #[test]
    fn russian_and_ukrainian_labels() {
        assert_eq!(
            one(
                "Товарооборот в 2024 году составил 5 млрд долларов.",
                "5 млрд долларов"
            )
            .0,
            Some("Товарооборот, 2024".into())
        );
        assert_eq!(
            one(
                "Инвестиции составили $110 млн, а товарооборот — 5 млрд долларов.",
                "5 млрд долларов"
            )
            .0,
            Some("Товарооборот".into())
        );
        assert_eq!(
            one(
                "Експорт у першому півріччі 2025 року зріс на 40 відсотків.",
                "40 відсотків"
            )
            .0,
            Some("Експорт, H1 2025".into())
        );
    }

    #[test]
    fn a_noun_after_an_article_and_a_phrase_after_with() {
        assert_eq!(
            one(
                "Japan will provide Kyrgyzstan with a grant of $12.4 million for water.",
                "$12.4 million"
            )
            .0,
            Some("Grant".into())
        );
        assert_eq!(
            one(
                "Сторона оголосила про пакет у 12 млрд євро для регіону.",
                "12 млрд євро"
            )
            .0,
            Some("Пакет".into())
        );
        assert_eq!(
            one(
                "Товарообіг торік становив лише 140 млн доларів.",
                "140 млн доларів"
            )
            .0,
            Some("Товарообіг торік".into())
        );
    }

    #[test]
    fn places_infinitives_and_run_on_clauses_are_not_labels() {
        assert_eq!(
            one(
                "The funds will be used to replace 140 kilometers of pipes.",
                "140 kilometers"
            )
            .0,
            None
        );
        assert_eq!(
            one(
                "Компания поставила в Казахстан более 160 тысяч тонн.",
                "более 160 тысяч тонн"
            )
            .0,
            None
        );
        assert_eq!(
            one(
                "За підсумками 2024 року товарообіг між країнами склав 90 млн доларів.",
                "90 млн доларів"
            )
            .0,
            Some("Товарообіг між країнами, 2024".into())
        );
        assert_eq!(
            one(
                "Китай финансирует часть проекта, общая стоимость которого оценивается в 4,7 \
                 млрд долларов.",
                "4,7 млрд долларов"
            )
            .0,
            Some("Общая стоимость оценивается".into())
        );
    }

    #[test]
    fn nouns_sharing_a_verb_stem_stay_in_the_label() {
        assert_eq!(
            one("Kyrgyz exports to Russia reached $1 billion.", "$1 billion").0,
            Some("Kyrgyz exports to Russia".into())
        );
        assert_eq!(
            one("Экспорт в Россию составил 40 процентов.", "40 процентов").0,
            Some("Экспорт в Россию".into())
        );
    }

    #[test]
    fn no_label_from_nothing_or_from_a_long_clause() {
        assert_eq!(one("$5 billion.", "$5 billion").0, None);
        assert_eq!(
            one(
                "The total sum of the loans from the banks of the two large neighbouring \
                 countries was $5 billion.",
                "$5 billion"
            )
            .0,
            None
        );
    }

    #[test]
    fn labels_never_run_into_another_figure() {
        let all = labels("Trade reached $5 billion, $3 billion of it exports.");
        assert_eq!(all[0].1.as_deref(), Some("Trade"));
        assert!(all[1].1.as_deref().is_none_or(|l| !l.contains("5 billion")));
    }
}
