//! Words and sentences: the shared tokenisation every analyser builds on.

use std::collections::HashSet;
use std::sync::LazyLock;

/// A word of the text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written (`U.S` for "U.S.", hyphens and apostrophes split words).
    pub text: &'a str,
    /// Byte offset of its first character.
    pub start: usize,
}

/// Split `text` into words: runs of letters and digits. A dot stays inside a word only between
/// single letters, so "U.S." is one word (`U.S`) and "end.Next" is two.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut segment_len = 1; // letters since the last dot
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                segment_len += 1;
                end = i + c.len_utf8();
                chars.next();
            } else if c == '.' && segment_len == 1 {
                // "U.S": keep the dot only if a single letter follows it.
                let rest = &text[i + 1..];
                let mut next = rest.chars();
                let follows_letter = next.next().is_some_and(char::is_alphabetic);
                let then_boundary = next.next().is_none_or(|c| !c.is_alphanumeric());
                if follows_letter && then_boundary {
                    chars.next();
                    segment_len = 0;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Token {
            text: &text[start..end],
            start,
        });
    }
    out
}

/// Lower-case and fold `ё` to `е`, so Russian spelt either way matches.
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// Words that end with a dot without ending a sentence (compared folded, without the dot).
static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt",
        "gov", "sen", "rep", "pres", "amb", "min", "dept", "no", "vs", "etc", "inc", "ltd", "co",
        "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "approx", "est", "fig", "vol", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m",
        // Russian, Ukrainian
        "г", "гг", "т", "д", "др", "пр", "им", "ул", "св", "тыс", "млн", "млрд", "руб", "долл", "р",
        "рр", "грн", "тис", "ст", "див", "напр", "т.е", "т.д", "т.п", "т.к", "т.ч", "і.т", "п",
    ]
    .into_iter()
    .collect()
});

/// Split a paragraph into sentences. A sentence ends at `.`, `!`, `?` or `…` (with closing
/// quotes or brackets) followed by a space and a capital, digit or opening quote, unless the
/// word before the stop is an abbreviation or an initial ("U.S.", "Mr.", "г.", "J.").
pub fn sentences(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Swallow repeated stops and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '…' | '"' | '»' | '”' | '’' | ')' | '\''
                )
            {
                j += 1;
            }
            let at_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_starts = k < chars.len() && {
                let n = chars[k].1;
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '«' | '“' | '„' | '‘' | '(' | '—' | '–')
            };
            let end = if j < chars.len() {
                chars[j].0
            } else {
                paragraph.len()
            };
            if at_space
                && next_starts
                && !(c == '.' && ends_with_abbreviation(&paragraph[start..pos]))
                && !inside_quotation(&paragraph[start..end], &paragraph[end..])
            {
                let end = if j < chars.len() {
                    chars[j].0
                } else {
                    paragraph.len()
                };
                push_trimmed(&mut out, &paragraph[start..end]);
                start = chars[k].0;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, &paragraph[start..]);
    out
}

/// True when `sentence` opens a quotation that `rest` closes: «Каждый день... фермера. Мы
/// рассчитываем...», — заявил он. is one sentence, not a break inside the quote.
fn inside_quotation(sentence: &str, rest: &str) -> bool {
    let count = |text: &str, set: &[char]| text.chars().filter(|c| set.contains(c)).count();
    // „…“ (Ukrainian, German) closes with “, which opens in English “…”.
    let low_opening = sentence.contains('„');
    let (openers, closers): (&[char], &[char]) = if low_opening {
        (&['«', '„'], &['»', '“', '”'])
    } else {
        (&['«', '“'], &['»', '”'])
    };
    let open = count(sentence, openers) > count(sentence, closers);
    let straight_open = count(sentence, &['"']) % 2 == 1;
    (open && rest.contains(closers)) || (straight_open && rest.contains('"'))
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '«' || c == '"')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) {
        return true; // an initial: "J. Smith", "Д. Медведев"
    }
    ABBREVIATIONS.contains(fold(word).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_keep_dotted_abbreviations_and_split_compounds() {
        assert_eq!(
            words("The U.S. and U.S.A. met."),
            ["The", "U.S", "and", "U.S.A", "met"]
        );
        assert_eq!(
            words("Kyrgyz-Pakistani ties, C5+1."),
            ["Kyrgyz", "Pakistani", "ties", "C5", "1"]
        );
        assert_eq!(words("end.Next e.g. x"), ["end", "Next", "e.g", "x"]);
        assert_eq!(words("Сполучених Штатів"), ["Сполучених", "Штатів"]);
        assert_eq!(fold("Ещё РОССИЯ"), "еще россия");
    }

    #[test]
    fn sentences_survive_abbreviations_and_initials() {
        let s =
            sentences("The U.S. envoy met Mr. Smith on Dec. 4. They talked. J. Doe left! Next?");
        assert_eq!(
            s,
            [
                "The U.S. envoy met Mr. Smith on Dec. 4.",
                "They talked.",
                "J. Doe left!",
                "Next?"
            ]
        );
        let s = sentences("В 2025 г. объем вырос, т.е. вдвое. «Это важно», – сказал он. Далее.");
        assert_eq!(
            s,
            [
                "В 2025 г. объем вырос, т.е. вдвое.",
                "«Это важно», – сказал он.",
                "Далее."
            ]
        );
        let s = sentences("«Каждый день простоя — это потери. Мы рассчитываем на сертификаты», — заявил он. Далее.");
        assert_eq!(
            s,
            [
                "«Каждый день простоя — это потери. Мы рассчитываем на сертификаты», — заявил он.",
                "Далее."
            ]
        );
        let s = sentences("„Це важливо. Ми готові“, – сказав він. Потім.");
        assert_eq!(s, ["„Це важливо. Ми готові“, – сказав він.", "Потім."]);
        let s = sentences("He said: “It is done.” Then he left.");
        assert_eq!(s, ["He said: “It is done.”", "Then he left."]);
        assert_eq!(
            sentences("Prices rose 2.5 percent. Then fell."),
            ["Prices rose 2.5 percent.", "Then fell."]
        );
    }
}
