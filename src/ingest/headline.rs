//! Headlines for articles that came without one, made from the lead, and the shape of a
//! headline (what the clipping parser and plain-text input take for a title line).
//!
//! A clipping often starts straight with the story. Its first sentence, minus the dateline
//! ("BISHKEK, Kyrgyzstan, December 4.") and an agency tag ("Trend reports"), compressed the
//! way an editor would ([`compress`]), makes the headline.

mod compress;

use std::sync::LazyLock;

use regex::Regex;

/// Longest dateline, in characters.
const MAX_DATELINE: usize = 100;

/// Longest made headline, in characters (never cut with an ellipsis).
pub use compress::MAX_CHARS;

/// `BISHKEK, Kyrgyzstan, December 4.`, `MOSCOW (Reuters) -`, `МОСКВА, 3 ноября. /ТАСС/.`
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{Lu}\-' ]{2,})((?:,\s*[^,.\n]+){0,2})(\s*\([^)]+\))?\s*([—–-]+|\.)(?:\s*/[^/\n]+/\.?)?\s+")
        .expect("valid regex")
});
/// Title-case city with a written date and an agency: `Бішкек, 3 листопада – Укрінформ.`,
/// `Bishkek, 3 November (Kabar) -`.
static DATELINE_TITLE_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?,\s*(\d{1,2}\s+\p{L}+\.?(?:\s+\d{4})?)(?:\s*\([^)]+\))?\s*(?:[—–-]\s*\p{Lu}[\p{L}.-]+\.?|/[^/\n]+/\.?|\.)\s+")
        .expect("valid regex")
});
static AGENCY_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),?\s+(?:\p{L}+\s+){0,2}(?:reports?|reported|сообщает|повідомляє)(?:\s+(?:via|citing|со ссылкой на|з посиланням на)\s+[^.]*)?\s*[.]?$")
        .expect("valid regex")
});

/// Remove a leading dateline: `BISHKEK, Kyrgyzstan, December 4. `, `MOSCOW (Reuters) - `.
pub fn strip_dateline(text: &str) -> &str {
    let has_month = |part: &str| {
        part.split(|c: char| !c.is_alphanumeric())
            .any(|w| super::dates::month_number(w).is_some())
    };
    // Datelines are short; the patterns are unbounded (cheap to compile), the bound is here.
    let short = |m: regex::Match| m.as_str().chars().count() <= MAX_DATELINE;
    if let Some(caps) = DATELINE_TITLE_CASE.captures(text) {
        if has_month(&caps[1]) && short(caps.get(0).expect("whole match")) {
            return &text[caps.get(0).expect("whole match").end()..];
        }
    }
    let Some(caps) = DATELINE.captures(text) else {
        return text;
    };
    let place = &caps[1];
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = place.chars().all(|c| !c.is_lowercase());
    let dated = caps[2].trim_end().ends_with(|c: char| c.is_ascii_digit()) || has_month(&caps[2]);
    let dash = &caps[4] != ".";
    let bounded = short(caps.get(0).expect("whole match"))
        && place.chars().count() <= 30
        && caps[2].chars().count() <= 64;
    if all_caps && letters >= 4 && (dash || dated) && bounded {
        &text[caps.get(0).expect("whole match").end()..]
    } else {
        text
    }
}

/// A headline from the lead paragraph.
pub fn from_lead(lead: &str) -> String {
    let lead = strip_dateline(lead.trim());
    let sentence = first_sentence(lead);
    let sentence = AGENCY_TAG.replace(sentence, "");
    compress::compress(sentence.trim())
}

/// Most words a line may have to read as a headline (leads run to 25 and more).
const MAX_HEADLINE_WORDS: usize = 20;

/// True when `line` has a headline's shape: short, and no final full stop. A text's first
/// paragraph that does not is its lead, not its title, and stays in the body (one test for
/// the clipping parser's title choice and for text files without a title line).
pub fn looks_like_headline(line: &str) -> bool {
    let words = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let end = line
        .trim_end()
        .trim_end_matches(['"', '»', '”', '’', ')', '\'', '“']);
    (1..=MAX_HEADLINE_WORDS).contains(&words) && !end.ends_with(['.', ':', ';', '…', ','])
}

/// A photo caption with its credit (one test for the clipping parser's title choice and the
/// summariser's sentences) ("... Photo: Jane Doe/Getty Images", "image: Ministry",
/// "REUTERS/Stringer/File Photo").
pub fn is_caption(line: &str) -> bool {
    // ASCII word boundaries (`(?-u:\b)`): the words around them are English, and a Unicode
    // `\b` keeps the regex off its DFA, which made this test 40 times slower (it runs on
    // every sentence of every article).
    static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:photo(?:graph)?(?:er)?s?\s*:|image\s*:|credit\s*:|getty images|(?-u:\b)ap photo(?-u:\b)|reuters/|afp/|shutterstock|\(photo(?-u:\b)|file photo|[.!?]\s*\([^)]{2,40}\)\s*$|\[(?:getty|rex|ap|afp|reuters|epa|shutterstock)[^\]]*\])")
            .expect("valid regex")
    });
    CAPTION.is_match(line)
}

/// `text` cut at the last word boundary before `max` characters, with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:-—–".contains(c))
    )
}

/// The text up to the first full stop followed by a space and a capital (good enough for a
/// headline; the summariser has the real segmenter).
fn first_sentence(text: &str) -> &str {
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for w in bytes.windows(3) {
        let (i, c) = w[0];
        if matches!(c, '.' | '!' | '?') && w[1].1 == ' ' && w[2].1.is_uppercase() {
            // Not after a short abbreviation or initial ("U.S.", "Mr.", "J.").
            let word = text[..i].rsplit(' ').next().unwrap_or("");
            if word.chars().count() > 3 && !word.contains('.') {
                return &text[..=i];
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_and_agency_are_dropped() {
        let lead = "BISHKEK, Kyrgyzstan, December 4. Kyrgyzstan's President met the Prime Minister, Trend reports via the press service.";
        assert_eq!(
            from_lead(lead),
            "Kyrgyzstan's President meets the Prime Minister"
        );
        assert_eq!(
            strip_dateline("MOSCOW (Reuters) - Talks began."),
            "Talks began."
        );
        assert_eq!(
            strip_dateline("NATO, the EU and others met."),
            "NATO, the EU and others met."
        );
        assert_eq!(strip_dateline("US President spoke."), "US President spoke.");
        assert_eq!(
            strip_dateline("МОСКВА, 3 ноября. /ТАСС/. Президенты встретились."),
            "Президенты встретились."
        );
        assert_eq!(
            strip_dateline("Бішкек, 3 листопада – Укрінформ. Президенти зустрілися."),
            "Президенти зустрілися."
        );
        assert_eq!(
            strip_dateline("BISHKEK, Nov 3 (Reuters) - Talks began."),
            "Talks began."
        );
        assert_eq!(
            strip_dateline("Paris, the capital, was calm."),
            "Paris, the capital, was calm."
        );
    }

    #[test]
    fn long_leads_are_compressed_not_cut() {
        let lead = "President of the Kyrgyz Republic Sadyr Japarov received Ambassador, the United States Special Envoy for South and Central Asia, Sergio Gor today, February 4.";
        let title = from_lead(lead);
        assert!(title.chars().count() <= MAX_CHARS, "{title}");
        assert!(!title.ends_with('…'), "{title}");
        assert_eq!(title, "Japarov receives Ambassador Sergio Gor");
    }

    #[test]
    fn headlines_are_short_and_have_no_full_stop() {
        assert!(looks_like_headline("Japarov receives US envoy Sergio Gor"));
        assert!(looks_like_headline("Will trade double?"));
        assert!(looks_like_headline("Кыргызстан и Китай расширят торговлю"));
        assert!(!looks_like_headline(
            "In Bishkek, talks concluded between Kyrgyzstan’s President Sadyr Japarov and Russian President Vladimir Putin."
        ));
        assert!(!looks_like_headline("The talks ended."));
        let long = "word ".repeat(25);
        assert!(!looks_like_headline(long.trim()));
    }

    #[test]
    fn first_sentence_skips_abbreviations() {
        assert_eq!(
            first_sentence("The U.S. Envoy came. Then left."),
            "The U.S. Envoy came."
        );
    }
}
