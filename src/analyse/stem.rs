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
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;

use super::language::Lang;
use super::text::tokens;

/// How one language's words become comparable stems.
pub struct Words {
    stem: Stem,
    /// The stop list as a set: asked of every word of every sentence, where a binary search
    /// of the sorted list cost a tenth of summarising.
    stop: &'static FxHashSet<&'static str>,
}

/// Words remembered per language and thread by [`Words::with_stem`] before the memo starts
/// afresh (a bound on memory: tens of bytes a word).
const MEMO_WORDS: usize = 100_000;

thread_local! {
    /// Language code -> folded word -> Snowball stem.
    static SNOWBALL_STEMS: std::cell::RefCell<rustc_hash::FxHashMap<&'static str, rustc_hash::FxHashMap<String, String>>> =
        Default::default();
}

/// The stop lists as sets, in the order of [`Stop`].
static STOP_SETS: LazyLock<[FxHashSet<&'static str>; 4]> = LazyLock::new(|| {
    [EN, RU, UK, KY].map(|list| {
        debug_assert!(list.windows(2).all(|w| w[0] < w[1]), "stop list unsorted");
        list.iter().copied().collect()
    })
});

/// Which stop list a language uses (an index into [`STOP_SETS`]).
#[derive(Clone, Copy)]
enum Stop {
    En = 0,
    Ru = 1,
    Uk = 2,
    Ky = 3,
}

enum Stem {
    /// The stemmer, and its language (the key of its [`SNOWBALL_STEMS`] memo).
    Snowball(Stemmer, &'static str),
    Ukrainian,
    /// The first six characters.
    Prefix,
}

impl Words {
    /// The stemmer and stop words for `lang` (unknown languages get the prefix rule and no
    /// stop words beyond the shared English ones, which news in any language quotes).
    pub fn for_lang(lang: &Lang) -> Self {
        let code: &'static str = match lang.as_str() {
            "en" => "en",
            "ru" => "ru",
            "tr" => "tr",
            "de" => "de",
            "fr" => "fr",
            "es" => "es",
            "it" => "it",
            "pt" => "pt",
            "nl" => "nl",
            "sv" => "sv",
            "fi" => "fi",
            "hu" => "hu",
            "ro" => "ro",
            "el" => "el",
            "ar" => "ar",
            _ => "",
        };
        let snowball = |a| Stem::Snowball(Stemmer::create(a), code);
        let (stem, stop) = match lang.as_str() {
            "en" => (snowball(Algorithm::English), Stop::En),
            "ru" => (snowball(Algorithm::Russian), Stop::Ru),
            "uk" => (Stem::Ukrainian, Stop::Uk),
            "ky" => (Stem::Prefix, Stop::Ky),
            "kk" | "uz" | "tk" => (Stem::Prefix, Stop::Ru),
            "tr" => (snowball(Algorithm::Turkish), Stop::En),
            "de" => (snowball(Algorithm::German), Stop::En),
            "fr" => (snowball(Algorithm::French), Stop::En),
            "es" => (snowball(Algorithm::Spanish), Stop::En),
            "it" => (snowball(Algorithm::Italian), Stop::En),
            "pt" => (snowball(Algorithm::Portuguese), Stop::En),
            "nl" => (snowball(Algorithm::Dutch), Stop::En),
            "sv" => (snowball(Algorithm::Swedish), Stop::En),
            "fi" => (snowball(Algorithm::Finnish), Stop::En),
            "hu" => (snowball(Algorithm::Hungarian), Stop::En),
            "ro" => (snowball(Algorithm::Romanian), Stop::En),
            "el" => (snowball(Algorithm::Greek), Stop::En),
            "ar" => (snowball(Algorithm::Arabic), Stop::En),
            _ => (Stem::Prefix, Stop::En),
        };
        Words {
            stem,
            stop: &STOP_SETS[stop as usize],
        }
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
            Stem::Snowball(stemmer, _) => stemmer.stem(folded),
            Stem::Ukrainian => Cow::Borrowed(ukrainian(folded)),
            Stem::Prefix => Cow::Borrowed(prefix(folded, 6)),
        }
    }

    /// Call `f` with the stem of a folded content word, as [`Words::stem`] gives it. Snowball
    /// stems are remembered per thread across articles: the same words recur in every
    /// article, and stemming them again was a fifth of summarising.
    pub fn with_stem<R>(&self, folded: &str, f: impl FnOnce(&str) -> R) -> R {
        let Stem::Snowball(stemmer, code) = &self.stem else {
            return f(&self.stem(folded));
        };
        SNOWBALL_STEMS.with_borrow_mut(|memo| {
            let words = memo.entry(code).or_default();
            if let Some(stem) = words.get(folded) {
                return f(stem);
            }
            if words.len() >= MEMO_WORDS {
                words.clear();
            }
            let stem = stemmer.stem(folded).into_owned();
            let out = f(&stem);
            words.insert(folded.to_owned(), stem);
            out
        })
    }

    /// True for a folded stop word of this language.
    pub fn is_stop(&self, folded: &str) -> bool {
        self.stop.contains(folded)
    }
}

/// True for a folded function word of English, Russian or Ukrainian (the sentence splitter
/// asks this of the word after an ambiguous abbreviation, before it knows the language).
pub fn is_function_word(folded: &str) -> bool {
    [EN, RU, UK]
        .iter()
        .any(|list| list.binary_search(&folded).is_ok())
}

/// The function words of English, Russian and Ukrainian, folded (the search index skips them
/// and ships them so the search page skips them in a query too).
pub fn function_words() -> impl Iterator<Item = &'static str> {
    [EN, RU, UK].into_iter().flatten().copied()
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
