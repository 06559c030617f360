//! Words and sentences: the shared tokenisation every analyser builds on.

use std::collections::HashMap;
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
    // Most words of most texts are ASCII: one copy, no per-character case tables.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// What a word before a dot says about a sentence break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    /// A title or a word that needs a continuation ("Mr.", "Dr.", "им.", "т.е."): never a break.
    Never,
    /// May end a sentence as well ("U.S.", "Inc.", "г." after a year, "млн."): a break only
    /// when a capitalised function word follows ("...with the U.S. The talks...").
    Ambiguous,
    /// Stands before a number ("No. 5", "Dec. 4", "ст. 12"): no break before a digit.
    BeforeNumber,
}

/// Words that end with a dot without (necessarily) ending a sentence, compared folded and
/// without the final dot.
static ABBREVIATIONS: LazyLock<HashMap<&'static str, Abbreviation>> = LazyLock::new(|| {
    use Abbreviation::*;
    let never = [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "pres",
        "amb",
        "dept",
        "vs",
        "approx",
        "est",
        "fig",
        "vol",
        "e.g",
        "i.e",
        "cf",
        "mt",
        "ft",
        "ave",
        "rev",
        "hon",
        "messrs",
        // Russian, Ukrainian: titles, places, "that is", "named after", "see".
        "им",
        "ім",
        "ул",
        "вул",
        "пр",
        "просп",
        "пл",
        "св",
        "т.е",
        "т.к",
        "т.ч",
        "т.н",
        "напр",
        "див",
        "см",
        "проф",
        "акад",
        "доц",
        "акад",
        "обл",
        "пос",
        "смт",
        "тов",
        "гр",
        "ген",
        "зам",
        "рис",
        "табл",
        "стр",
        "кв",
    ];
    let ambiguous = [
        "u.s", "u.k", "u.n", "e.u", "u.s.a", "inc", "ltd", "co", "corp", "jr", "sr", "a.m", "p.m",
        "bn", "mln", "г", "гг", "р", "рр", "тыс", "тис", "млн", "млрд", "трлн", "руб", "грн",
        "долл", "дол", "коп", "др", "ин", "ін", "ред",
    ];
    let before_number = [
        "no", "nos", "nr", "art", "para", "sec", "p", "pp", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ст", "п", "ч", "абз", "янв", "фев",
        "февр", "апр", "авг", "сент", "сен", "окт", "нояб", "дек", "січ", "лют", "бер", "квіт",
        "трав", "черв", "лип", "серп", "вер", "жовт", "лист", "груд", "т", "д", "№",
    ];
    never
        .into_iter()
        .map(|w| (w, Never))
        .chain(ambiguous.into_iter().map(|w| (w, Ambiguous)))
        .chain(before_number.into_iter().map(|w| (w, BeforeNumber)))
        .collect()
});

/// Split a paragraph into sentences. A sentence ends at `.`, `!`, `?` or `…` (with closing
/// quotes or brackets) followed by a space and a capital, digit, opening quote or dash, unless
/// the stop closes an abbreviation or an initial ("Mr.", "J.", "г.", "т.е."; see
/// [`Abbreviation`]), a list number ("1. Trade..."), or falls inside a quotation that closes
/// later. A bullet ("•") starts a new sentence: flattened lists keep their items apart.
pub fn sentences(paragraph: &str) -> Vec<&str> {
    split(paragraph, true)
}

/// How many sentences `sentence` holds when quotations are split too: «Мы готовы. Работаем!»,
/// — сказал он. is one sentence of two. Summary lengths count these, so a long quotation
/// costs what it reads like.
pub fn inner_sentences(sentence: &str) -> usize {
    split_quotations(sentence).len().max(1)
}

/// `sentence` split at the sentence ends inside its quotations too.
pub fn split_quotations(sentence: &str) -> Vec<&str> {
    split(sentence, false)
}

fn split(paragraph: &str, keep_quotations: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if is_bullet(c) && i > 0 && chars[i - 1].1.is_whitespace() {
            push_trimmed(&mut out, &paragraph[start..pos]);
            start = pos;
            i += 1;
            continue;
        }
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
                    || is_bullet(n)
                    || matches!(n, '"' | '«' | '“' | '„' | '‘' | '(' | '—' | '–')
            };
            let end = if j < chars.len() {
                chars[j].0
            } else {
                paragraph.len()
            };
            let single_dot = c == '.' && j == i + 1;
            if at_space
                && next_starts
                && !(single_dot && dot_continues(&paragraph[start..pos], &paragraph[chars[k].0..]))
                && !(keep_quotations && inside_quotation(&paragraph[start..end], &paragraph[end..]))
            {
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

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '▪' | '●' | '◦' | '■' | '►')
}

/// True when the dot after `before` does not end the sentence, given the text `after` it
/// (which starts with a capital, a digit or an opening mark).
fn dot_continues(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '«' | '"' | '“' | '„'))
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let mut chars = word.chars();
    let first = chars.next();
    let next_is_digit = after.starts_with(|c: char| c.is_ascii_digit());
    // "1. Trade...", "a) ...": a list number opening the sentence is no sentence of its own.
    if before.trim() == word && !word.is_empty() && word.len() <= 3 {
        let numeral = word.chars().all(|c| c.is_ascii_digit())
            || (word.chars().all(char::is_alphabetic) && word.chars().count() == 1);
        if numeral {
            return true;
        }
    }
    if letters == 1 && chars.next().is_none() {
        let first = first.unwrap_or(' ');
        // An initial ("J. Smith", "Д. Медведев"); a single lower-case Cyrillic letter is an
        // abbreviation ("м. Київ", "с. Ленинское", "в 2025 г."), which no sentence ends with.
        if first.is_uppercase() {
            return true;
        }
        if is_cyrillic(first) && first != 'я' && !ABBREVIATIONS.contains_key(word) {
            return true;
        }
    }
    match ABBREVIATIONS.get(fold(word).as_str()) {
        Some(Abbreviation::Never) => true,
        Some(Abbreviation::BeforeNumber) => next_is_digit,
        Some(Abbreviation::Ambiguous) => next_is_digit || !opens_sentence(after),
        None => false,
    }
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// True when `text` starts with a capitalised function word ("The", "He", "В", "Він"), the
/// usual first word of a sentence and an unlikely continuation of a name or an amount.
fn opens_sentence(text: &str) -> bool {
    let word: String = text
        .chars()
        .skip_while(|c| !c.is_alphabetic())
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.chars().next().is_some_and(char::is_uppercase)
        && super::stem::is_function_word(&fold(&word))
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
    // An odd count of straight quotes opens one only if the last of them is an opening quote
    // (after a space, or at the start); `away." Mr Gupta...` closes a quotation begun in an
    // earlier paragraph.
    let last_opens = sentence.rfind('"').is_some_and(|at| {
        sentence[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c))
    });
    let straight_open = count(sentence, &['"']) % 2 == 1 && last_opens;
    (open && rest.contains(closers)) || (straight_open && rest.contains('"'))
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
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

    #[test]
    fn a_quotation_closed_from_an_earlier_paragraph_does_not_swallow_the_next() {
        let text = "She says she watched the water pull her friend away.\" Mr Gupta says the power of his messages was palpable. \"He was running around,\" Mr Gupta says.";
        assert_eq!(
            sentences(text),
            [
                "She says she watched the water pull her friend away.\"",
                "Mr Gupta says the power of his messages was palpable.",
                "\"He was running around,\" Mr Gupta says."
            ]
        );
    }

    #[test]
    fn quotations_count_their_inner_sentences() {
        assert_eq!(inner_sentences("«Мы готовы. Работаем!», — сказал он."), 2);
        assert_eq!(inner_sentences("\"We agree. Fully,\" he said."), 2);
        assert_eq!(inner_sentences("The U.S. Treasury agreed on Dec. 4."), 1);
    }

    #[test]
    fn english_hard_cases() {
        for (text, expected) in [
            (
                "Dr. Jones of Acme Inc. met Gen. Smith at 10 a.m. on Monday. Talks ended.",
                &[
                    "Dr. Jones of Acme Inc. met Gen. Smith at 10 a.m. on Monday.",
                    "Talks ended.",
                ][..],
            ),
            // An ambiguous abbreviation ends a sentence when a function word follows it.
            (
                "Exports went to the U.S. The deal was signed.",
                &["Exports went to the U.S.", "The deal was signed."],
            ),
            (
                "The U.S. Treasury agreed. Growth hit 3.5 percent.",
                &["The U.S. Treasury agreed.", "Growth hit 3.5 percent."],
            ),
            (
                "Under Art. 5 and No. 12 rules, it passed. On Jan. 3 it began.",
                &[
                    "Under Art. 5 and No. 12 rules, it passed.",
                    "On Jan. 3 it began.",
                ],
            ),
            (
                "He hesitated... Then he signed. Well… We will see.",
                &[
                    "He hesitated...",
                    "Then he signed.",
                    "Well…",
                    "We will see.",
                ],
            ),
            (
                "1. Trade rose. 2. Energy fell.",
                &["1. Trade rose.", "2. Energy fell."],
            ),
            (
                "Priorities: • trade and transit • energy",
                &["Priorities:", "• trade and transit", "• energy"],
            ),
            (
                "J. R. Smith spoke. \"We agree. Fully,\" he said. Done.",
                &[
                    "J. R. Smith spoke.",
                    "\"We agree. Fully,\" he said.",
                    "Done.",
                ],
            ),
        ] {
            assert_eq!(sentences(text), expected, "{text}");
        }
    }

    #[test]
    fn russian_hard_cases() {
        for (text, expected) in [
            (
                "Вуз им. Ельцина основан в 1993 г. Президент Д. Медведев посетил его.",
                &["Вуз им. Ельцина основан в 1993 г. Президент Д. Медведев посетил его."][..],
            ),
            (
                "Соглашение подписано в 2025 г. В нем 12 статей.",
                &["Соглашение подписано в 2025 г.", "В нем 12 статей."],
            ),
            (
                "В 2020–2024 гг. объем составил 5 млн. долларов, т.е. вырос. Далее по ст. 5 закона.",
                &[
                    "В 2020–2024 гг. объем составил 5 млн. долларов, т.е. вырос.",
                    "Далее по ст. 5 закона.",
                ],
            ),
            (
                "Встреча прошла 4 дек. 2025 года в с. Ленинское. Стороны довольны.",
                &["Встреча прошла 4 дек. 2025 года в с. Ленинское.", "Стороны довольны."],
            ),
            (
                "Он помолчал... Потом сказал: «Мы готовы. Работаем!» Все ушли.",
                &["Он помолчал...", "Потом сказал: «Мы готовы. Работаем!»", "Все ушли."],
            ),
        ] {
            assert_eq!(sentences(text), expected, "{text}");
        }
    }

    #[test]
    fn ukrainian_hard_cases() {
        for (text, expected) in [
            (
                "Угоду підписали 5 груд. 2025 р. у м. Київ на вул. Хрещатик. Сторони задоволені.",
                &[
                    "Угоду підписали 5 груд. 2025 р. у м. Київ на вул. Хрещатик.",
                    "Сторони задоволені.",
                ][..],
            ),
            (
                "Проєкт триває з 2024 р. Він коштує 3,5 млн. гривень на дороги, мости і т.д. Далі.",
                &[
                    "Проєкт триває з 2024 р.",
                    "Він коштує 3,5 млн. гривень на дороги, мости і т.д.",
                    "Далі.",
                ],
            ),
            (
                "Університет ім. Т. Шевченка відкрився. „Це важливо. Ми готові“, – сказав він.",
                &[
                    "Університет ім. Т. Шевченка відкрився.",
                    "„Це важливо. Ми готові“, – сказав він.",
                ],
            ),
        ] {
            assert_eq!(sentences(text), expected, "{text}");
        }
    }
}
