//! Content words per language: folded, stop words dropped, stemmed, so the summariser sees
//! "cooperation" and "cooperate", "сотрудничества" and "сотрудничество" as one word.
//!
//! Snowball stemmers (rust-stemmers) cover English, Russian, Turkish and most Western European
//! languages. Ukrainian has none there, so it gets a light suffix stemmer of our own
//! ([`ukrainian`]); languages with neither (Kyrgyz, Kazakh, Uzbek) keep a word's first six
//! letters, a crude but serviceable stand-in for agglutinative endings. The stop-word lists are
//! short and hand-written (no third-party list, so no licence to carry): function words, which
//! every sentence shares and which say nothing about a story. Reporting verbs ("said",
//! "заявил") and titles ("Mr") stay content words: they tie a story's quotes to each other and
//! to the person quoted, and dropping them cost 2 points of ROUGE-2 on the BBC benchmark.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

use super::language::Lang;
use super::text::tokens;

/// How one language's words become comparable stems.
pub struct Words {
    stem: Stem,
    stop: &'static [&'static str],
}

enum Stem {
    Snowball(Stemmer),
    Ukrainian,
    /// The first six characters.
    Prefix,
}

impl Words {
    /// The stemmer and stop words for `lang` (unknown languages get the prefix rule and no
    /// stop words beyond the shared English ones, which news in any language quotes).
    pub fn for_lang(lang: &Lang) -> Self {
        let snowball = |a| Stem::Snowball(Stemmer::create(a));
        let (stem, stop) = match lang.as_str() {
            "en" => (snowball(Algorithm::English), EN),
            "ru" => (snowball(Algorithm::Russian), RU),
            "uk" => (Stem::Ukrainian, UK),
            "ky" => (Stem::Prefix, KY),
            "kk" | "uz" | "tk" => (Stem::Prefix, RU),
            "tr" => (snowball(Algorithm::Turkish), EN),
            "de" => (snowball(Algorithm::German), EN),
            "fr" => (snowball(Algorithm::French), EN),
            "es" => (snowball(Algorithm::Spanish), EN),
            "it" => (snowball(Algorithm::Italian), EN),
            "pt" => (snowball(Algorithm::Portuguese), EN),
            "nl" => (snowball(Algorithm::Dutch), EN),
            "sv" => (snowball(Algorithm::Swedish), EN),
            "fi" => (snowball(Algorithm::Finnish), EN),
            "hu" => (snowball(Algorithm::Hungarian), EN),
            "ro" => (snowball(Algorithm::Romanian), EN),
            "el" => (snowball(Algorithm::Greek), EN),
            "ar" => (snowball(Algorithm::Arabic), EN),
            _ => (Stem::Prefix, EN),
        };
        debug_assert!(stop.windows(2).all(|w| w[0] < w[1]), "stop list unsorted");
        Words { stem, stop }
    }

    /// Call `f` with the stem of each content word of `text`, in order, repeats included.
    /// Numbers, single letters and stop words are skipped: years and counts link sentences by
    /// accident more often than by topic (measured on the BBC benchmark).
    pub fn for_each(&self, text: &str, mut f: impl FnMut(&str)) {
        self.for_each_folded(text, |w| f(&self.stem(w)));
    }

    /// Like [`Words::for_each`], but `f` gets the folded word before stemming, so a caller
    /// that sees the same words again and again can cache their stems.
    pub fn for_each_folded(&self, text: &str, mut f: impl FnMut(&str)) {
        let mut folded = String::new();
        for token in tokens(text) {
            folded.clear();
            folded.extend(token.text.chars().flat_map(char::to_lowercase).map(|c| {
                if c == 'ё' {
                    'е'
                } else {
                    c
                }
            }));
            if folded.chars().nth(1).is_none()
                || !folded.chars().any(char::is_alphabetic)
                || self.is_stop(&folded)
            {
                continue;
            }
            f(&folded);
        }
    }

    /// The stem of a folded content word.
    pub fn stem<'a>(&self, folded: &'a str) -> Cow<'a, str> {
        match &self.stem {
            Stem::Snowball(stemmer) => stemmer.stem(folded),
            Stem::Ukrainian => Cow::Borrowed(ukrainian(folded)),
            Stem::Prefix => Cow::Borrowed(prefix(folded, 6)),
        }
    }

    /// True for a folded stop word of this language.
    pub fn is_stop(&self, folded: &str) -> bool {
        self.stop.binary_search(&folded).is_ok()
    }
}

/// True for a folded function word of English, Russian or Ukrainian (the sentence splitter
/// asks this of the word after an ambiguous abbreviation, before it knows the language).
pub fn is_function_word(folded: &str) -> bool {
    [EN, RU, UK]
        .iter()
        .any(|list| list.binary_search(&folded).is_ok())
}

fn prefix(word: &str, chars: usize) -> &str {
    match word.char_indices().nth(chars) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// Inflectional endings of Ukrainian verbs (tenses, infinitive, gerunds, verbal nouns),
/// adjectives and pronouns, then nouns; the stemmer takes the longest that matches, so order
/// does not matter.
#[rustfmt::skip]
const UK_ENDINGS: &[&str] = &[
    "ування", "ували", "увала", "увало", "уючи", "ують", "ував", "ання", "ення", "іння",
    "ати", "ити", "іти", "ути", "ять", "ють", "уть", "ать", "ить", "али", "или", "ала", "ила",
    "ало", "ило", "ємо", "имо", "емо", "ете", "ите", "ючи", "учи", "ячи", "ачи", "ує", "ав", "ив",
    "ть", "ськими", "ського", "ському", "ської", "ською", "ських", "ським", "ській", "ська",
    "ське", "ські", "ський", "ього", "ьому", "ого", "ому", "ими", "іми", "ій", "ий", "ої", "ою",
    "ею", "єю", "их", "іх", "ім", "им", "ая", "яя", "еє", "ее", "ами", "ями", "ові", "еві", "єві",
    "ах", "ях", "ів", "їв", "ей", "ам", "ям", "ом", "ем", "єм", "а", "я", "о", "е", "є", "и", "і",
    "ї", "у", "ю", "ь", "й",
];

/// A light Ukrainian stemmer: drop a reflexive particle, then the longest inflectional ending
/// that leaves at least three letters, then a soft sign or vowel left dangling. It conflates a
/// word's case and tense forms ("співпраця", "співпраці", "співпрацею"; "підписав",
/// "підписали") at the cost of some over-stemming, which similarity tolerates well.
pub fn ukrainian(word: &str) -> &str {
    let letters = |s: &str| s.chars().count();
    let mut stem = word;
    for particle in ["ся", "сь"] {
        if let Some(s) = stem.strip_suffix(particle) {
            if letters(s) >= 4 {
                stem = s;
                break;
            }
        }
    }
    // The longest ending that leaves a stem of three letters or more.
    let mut best: Option<&str> = None;
    for ending in UK_ENDINGS {
        if let Some(s) = stem.strip_suffix(ending) {
            if letters(s) >= 3 && best.is_none_or(|b| s.len() < b.len()) {
                best = Some(s);
            }
        }
    }
    if let Some(s) = best {
        stem = s;
    }
    // "підписа|ли" leaves the thematic vowel; "співпрац|ь" a soft sign.
    if let Some(last) = stem.chars().last() {
        if "аяоеєиіїуюьй".contains(last) && letters(stem) > 3 {
            stem = &stem[..stem.len() - last.len_utf8()];
        }
    }
    stem
}

// Stop-word lists, sorted (binary search), folded (`ё` as `е`). Hand-written: function words,
// auxiliaries and the reporting verbs of news.

#[rustfmt::skip]
const EN: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
    "another", "any", "are", "around", "as", "at", "be", "became", "because", "been", "before",
    "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
    "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
    "his", "how", "however", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me",
    "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out",
    "over", "own", "per", "same", "she", "should", "since", "so", "some", "still", "such", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
    "this", "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very",
    "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
];

#[rustfmt::skip]
const RU: &[&str] = &[
    "а", "без", "более", "бы", "был", "была", "были", "было", "быть", "в", "вам", "вас", "весь",
    "во", "вот", "все", "всего", "всех", "вы", "где", "да", "даже", "для", "до", "его", "ее", "ей",
    "если", "есть", "еще", "же", "за", "и", "из", "или", "им", "их", "к", "как", "когда", "кого",
    "которые", "который", "которых", "кто", "ли", "лишь", "между", "меня", "мы", "на", "над",
    "нам", "нас", "не", "него", "нее", "нет", "ни", "них", "но", "о", "об", "однако", "он", "она",
    "они", "оно", "от", "очень", "по", "под", "после", "при", "про", "с", "со", "так", "также",
    "такие", "такой", "там", "те", "тем", "то", "того", "тоже", "той", "только", "том", "тот", "у",
    "уже", "чем", "через", "что", "чтобы", "эта", "эти", "этим", "этих", "это", "этого", "этой",
    "этом", "этот", "я",
];

#[rustfmt::skip]
const UK: &[&str] = &[
    "а", "або", "адже", "бо", "був", "буде", "була", "були", "було", "бути", "в", "вже", "ви",
    "вона", "вони", "воно", "все", "всіх", "втім", "від", "він", "де", "для", "до", "же", "з",
    "за", "зі", "й", "його", "лише", "ми", "між", "на", "над", "нас", "не", "но", "ні", "о",
    "однак", "по", "при", "про", "проте", "під", "після", "саме", "та", "так", "також", "там",
    "те", "ти", "то", "того", "тому", "тут", "у", "це", "цей", "цього", "ці", "цієї", "через",
    "ще", "що", "щоб", "як", "яка", "який", "якого", "якщо", "які", "є", "і", "із", "їх", "її",
];

/// A few Kyrgyz function words (and the Russian ones Kyrgyz news quotes freely).
#[rustfmt::skip]
const KY: &[&str] = &[
    "ага", "айтты", "ал", "алар", "анын", "биз", "бир", "болот", "болуп", "боюнча", "бул", "да",
    "де", "деп", "жана", "же", "жок", "кийин", "ким", "мен", "менен", "ошол", "ошондой", "сиз",
    "тарабынан", "эле", "эмес", "үчүн",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(lang: &str, text: &str) -> Vec<String> {
        let words = Words::for_lang(&Lang::parse(lang).unwrap());
        let mut out = Vec::new();
        words.for_each(text, |w| out.push(w.to_owned()));
        out
    }

    #[test]
    fn stop_lists_are_sorted_for_binary_search() {
        for list in [EN, RU, UK, KY] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted, list);
        }
    }

    #[test]
    fn english_stems_and_drops_stop_words() {
        assert_eq!(
            stems(
                "en",
                "The cooperation and the U.S. cooperating, he said, on $5 billion."
            ),
            ["cooper", "u.", "cooper", "said", "billion"]
        );
    }

    #[test]
    fn russian_conflates_case_forms() {
        let s = stems(
            "ru",
            "Сотрудничество сотрудничества, а также Россия и России, ещё",
        );
        assert_eq!(s[0], s[1]);
        assert_eq!(s[2], s[3]);
        assert_eq!(s.len(), 4, "{s:?}"); // «а», «также», «и», «ещё» are stop words
    }

    #[test]
    fn ukrainian_conflates_case_and_tense_forms() {
        for group in [
            &["співпраця", "співпраці", "співпрацю", "співпрацею"][..],
            &["країна", "країни", "країнами", "країнах", "країн"],
            &["український", "українського", "українській", "українська"],
            &["підписав", "підписали", "підписала"],
            &["економічного", "економічний", "економічні"],
        ] {
            let first = ukrainian(group[0]);
            for w in group {
                assert_eq!(ukrainian(w), first, "{w} vs {}", group[0]);
            }
        }
        // Short words keep enough to stay apart.
        assert_ne!(ukrainian("мир"), ukrainian("мито"));
        assert_eq!(
            stems("uk", "Він каже, що співпраця триває"),
            ["каж", "співпрац", "трив"]
        );
    }

    #[test]
    fn languages_without_a_stemmer_use_prefixes() {
        assert_eq!(
            stems("ky", "Кыргызстан менен Казакстандын кызматташтыгы"),
            ["кыргыз", "казакс", "кызмат"]
        );
    }
}
