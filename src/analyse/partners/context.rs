//! What the words around a partner's name say about its role in the story.
//!
//! A country can be the *counterpart* (who meets, calls, signs, is visited) or the *topic*
//! (what the talks are about, where a war or crisis is). Counting mentions cannot tell them
//! apart: a G7 statement on Russia "about the invasion of Ukraine" names Ukraine more often
//! than the G7. The preposition that governs the name can: "on Ukraine", "about", "over",
//! "against", "на Украину", "вокруг Украины", "против", "щодо", "про" make a topic; the
//! counterpart is met "with" ("с", "з", "менен"), and stands as subject or object without a
//! preposition. And a list of countries after a plural title ("the Presidents of Poland,
//! Latvia, Lithuania and Estonia", "Президенти України, Польщі...") names the participants,
//! not a roll-call of members.

use super::super::lexicon::{folded, LEXICON};
use super::super::text::tokens;

/// Words (folded) that, directly before a partner's name or one word before it ("on the
/// Ukrainian crisis" is caught by the adjective alias), make it the topic of the sentence.
/// Venues are not topics: "in"/"в"/"у" also introduce the host of a visit, so they are not
/// here. The last words of multi-word prepositions ("в отношении", "по поводу", "в адрес",
/// "по отношению к") are enough.
const TOPIC_WORDS: &[&str] = &[
    // English
    "on",
    "about",
    "over",
    "against",
    "regarding",
    "concerning",
    "around",
    "into",
    // Russian
    "на",
    "о",
    "об",
    "обо",
    "про",
    "против",
    "вокруг",
    "относительно",
    "насчет",
    "отношении",
    "поводу",
    "адрес",
    "по",
    // Ukrainian
    "щодо",
    "проти",
    "навколо",
    "стосовно",
    "довкола",
    "відношенні",
    // Kyrgyz / Kazakh (postpositions follow the name; these precede in headlines)
    "боюнча",
    "туралы",
];

/// Nouns (folded prefixes) whose complement is what happened *to* a country, not who acted:
/// "the invasion of Ukraine", "агрессии против" is caught above, "вторжения Украины" is rare but
/// "территории Украины", "кризиса вокруг" and "війни в" follow the same pattern.
const TOPIC_NOUNS: &[&str] = &[
    "invasion",
    "aggression",
    "war",
    "crisis",
    "conflict",
    "situation",
    "territory",
    "defence",
    "defense",
    "occupation",
    "annexation",
    "вторжени",
    "агресси",
    "войн",
    "кризис",
    "конфликт",
    "ситуаци",
    "территори",
    "защит",
    "оборон",
    "оккупаци",
    "аннекси",
    "вторгненн",
    "агресі",
    "війн",
    "криз",
    "конфлікт",
    "ситуаці",
    "територі",
    "захист",
    "окупаці",
    "анексі",
];

fn topic_noun(word: &str) -> bool {
    TOPIC_NOUNS.iter().any(|n| word.starts_with(n))
}

/// Whether the name at byte `start` of `text` is governed by a topic preposition, or is the
/// complement of a noun of war or crisis ("the invasion of Ukraine", "территории Украины").
pub fn is_topic(text: &str, start: usize) -> bool {
    let before = &text[..start];
    // The word directly before, or the one before it when that is an article or determiner.
    let words: Vec<String> = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .map(|w| w.to_lowercase().replace('ё', "е"))
        .collect();
    match words.as_slice() {
        [first, ..] if TOPIC_WORDS.contains(&first.as_str()) || topic_noun(first) => true,
        [first, second] if first == "of" => topic_noun(second),
        [first, second] if matches!(first.as_str(), "the" | "a") => {
            TOPIC_WORDS.contains(&second.as_str())
        }
        _ => false,
    }
}

/// Whether the sentence introduces its countries with a title ("the Presidents of", "leaders
/// of", "Президенти", "главы МИД"): within the few words before `first_name` (byte offset of
/// the first country named), a role word stands. Such a list names who took part.
pub fn introduced_by_role(sentence: &str, first_name: usize) -> bool {
    let toks = tokens(&sentence[..first_name]);
    // English plurals ("Presidents", "Ministers") read as the singular roles of the data file.
    let folded: Vec<String> = folded(&toks)
        .into_iter()
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if w.is_ascii() && stem.len() > 3 => stem.to_owned(),
            _ => w,
        })
        .collect();
    let from = folded.len().saturating_sub(4);
    let leaders = [
        "leader",
        "лидеры",
        "лидеров",
        "лідери",
        "лідерів",
        "head",
        "главы",
        "глави",
    ];
    (from..folded.len()).any(|i| {
        LEXICON.roles.match_at(&folded, i).is_some() || leaders.contains(&folded[i].as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic_at(text: &str, name: &str) -> bool {
        is_topic(text, text.find(name).expect("name in text"))
    }

    #[test]
    fn prepositions_of_topic_in_four_languages() {
        assert!(topic_at(
            "The G7 warned Russia about the invasion of Ukraine",
            "Ukraine"
        ));
        assert!(topic_at("на территорию Украины", "Украины"));
        assert!(!topic_at("The President of Ukraine said", "Ukraine"));
        assert!(topic_at("Talks on Ukraine went on", "Ukraine"));
        assert!(topic_at("a dispute over the Kosovo border", "Kosovo"));
        assert!(topic_at("вторжение на Украину", "Украину"));
        assert!(topic_at("ситуация вокруг Украины", "Украины"));
        assert!(topic_at("агрессия в отношении Украины", "Украины"));
        assert!(topic_at("заява щодо Росії", "Росії"));
        // Counterparts and venues are not topics.
        assert!(!topic_at("Talks with China ended", "China"));
        assert!(!topic_at("переговоры с Китаем", "Китаем"));
        assert!(!topic_at("The President arrived in Turkey", "Turkey"));
        assert!(!topic_at("Президент прибыл в Турцию", "Турцию"));
    }

    #[test]
    fn lists_of_leaders_are_participants() {
        let s = "Президенти України, Польщі, Латвії, Литви та Естонії зробили заяви";
        assert!(introduced_by_role(s, s.find("України").unwrap()));
        let s = "The Presidents of Poland, Latvia, Lithuania and Estonia met in Kyiv";
        assert!(introduced_by_role(s, s.find("Poland").unwrap()));
        let s = "The leaders of Kazakhstan, Uzbekistan and Tajikistan arrived";
        assert!(introduced_by_role(s, s.find("Kazakhstan").unwrap()));
        // A roll-call of members without a title stays a list.
        let s = "The CSTO includes Russia, Belarus, Armenia and Kazakhstan";
        assert!(!introduced_by_role(s, s.find("Russia").unwrap()));
    }
}
