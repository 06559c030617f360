//! A headline from a lead sentence, the way an editor shortens one: the actor, the action
//! and its counterpart, without the dateline's leftovers, the attribution ("Trend reports via
//! the press service of..."), appositions, relative and participial clauses, time phrases,
//! and in English the present tense ("Japarov receives US envoy Sergio Gor"). Never cut with
//! an ellipsis: a clause too many is dropped whole, and a headline still too long ends at the
//! last word that can end one.

use std::sync::LazyLock;

use regex::Regex;

/// Longest made headline, in characters.
pub const MAX_CHARS: usize = 90;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

/// "According to the ministry, ", "Как сообщает пресс-служба, ", "За даними МЗС, ".
static LEADING_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:according to|как сообщает|как сообщили|как передает|по данным|по словам|по информации|як повідомляє|як повідомили|за даними|за словами|за інформацією)\s[^,]{1,80},\s*",
    )
});
/// ", the press service reported", ", сообщила пресс-служба МИД" at the end.
static TRAILING_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r",\s+(?:[^,]{0,60}\s)?(?i:reported|reports|said|says|announced|сообщает|сообщила?|сообщили|передает|заявили?|повідомляє|повідомила?|повідомили|заявила?)(?:\s[^,]{0,80})?$",
    )
});
/// Parentheses: "(OTS)", "(photo)".
static PARENTHESES: LazyLock<Regex> = LazyLock::new(|| re(r"\s*\([^()]*\)"));

const EN_MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const RU_MONTHS: &str =
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";
const UK_MONTHS: &str =
    "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня";
const EN_DAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// Time phrases, with the comma before them: "today, February 4", "on Monday", "this week",
/// "сегодня", "4 февраля 2026 года", "цього тижня", "у середу".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    let date_en = format!(
        r"(?:(?:on\s+)?(?:{EN_DAYS}),?\s+)?(?:on\s+)?(?:(?:{EN_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{EN_MONTHS}))(?:,?\s+\d{{4}})?"
    );
    let date_cyr = format!(
        r"\d{{1,2}}\s+(?:{RU_MONTHS}|{UK_MONTHS})(?:\s+\d{{4}}(?:\s+(?:года|г\.|року|р\.))?)?"
    );
    re(&format!(
        r"(?i:,?\s+(?:today|yesterday|tonight|this\s+(?:week|morning|afternoon|evening|month|year)|last\s+(?:week|month|year|night)|earlier\s+(?:today|this\s+week)|on\s+(?:{EN_DAYS})|in\s+(?:{EN_MONTHS})(?:\s+\d{{4}})?))\b(?:,?\s+{date_en})?|,?\s+{date_en}\b|(?i:,?\s+(?:сегодня|вчера|сьогодні|учора|вчора|на\s+этой\s+неделе|на\s+прошлой\s+неделе|цього\s+тижня|минулого\s+тижня|на\s+цьому\s+тижні|в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|[ув]\s+(?:понеділок|вівторок|середу|четвер|п'ятницю|п’ятницю|суботу|неділю)))(?:,?\s+{date_cyr})?(?:\s|$)|,?\s+{date_cyr}(?:\s|$)"
    ))
});
/// The start of a relative clause: ", who", ", which", ", где", ", который", ", на якому".
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r",\s+(?:(?:in|at|on|during|of|with|for)\s+)?(?:who|whom|whose|which|where|when|что|где|куда|когда|котор\p{L}*|(?:в|на|с|о|по|при|во|в\s+ходе)\s+котор\p{L}*|який|яка|яке|які|якого|якої|яких|якому|якій|де|куди|коли|(?:у|в|на|з|під\s+час)\s+як\p{L}*)\b",
    )
});
/// Tails that add circumstance, not the news: ", addressing...", ", as well as...", ", while...".
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r",\s+(?:\p{Ll}+ing\b|as\s+well\s+as\b|while\b|thus\b|including\b|in\s+order\s+to\b|with\s+the\s+aim\b|aimed\s+at\b|marking\b|as\s+part\s+of\b|within\s+the\s+framework\b|в\s+том\s+числе\b|включая\b|а\s+также\b|в\s+рамках\b|зокрема\b|у\s+тому\s+числі\b|а\s+також\b|у\s+рамках\b|в\s+рамках\b)",
    )
});
/// An apposition between commas that starts with an article: ", the United States Special
/// Envoy for South and Central Asia,".
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| re(r",\s+(?:the|a|an)\s+[^,]{3,90},\s*"));
/// A role before a name at the start ("President of the Kyrgyz Republic Sadyr Japarov",
/// "Kyrgyzstan's President, Sadyr Japarov,"): headlines name the person by surname.
static ROLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\p{Lu}[\p{L}.]*(?:'s|’s)\s+)?(?:President|Prime\s+Minister|Foreign\s+Minister|Minister|Secretary(?:\s+General)?|Speaker|Chairman|Chair|Ambassador|King|Emir|Chancellor|Президент|Премьер-министр|Прем'єр-міністр|Прем’єр-міністр|Министр|Міністр|Глава|Голова|Председатель|Посол)(?:\s+(?:of|for|и|і|та|иностранных|закордонних|дел|справ|the|\p{Lu}[\p{L}.'’-]*)){0,8},?\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?),?\s+(\p{Ll})",
    )
});

/// Circumstances opening the lead: "In Bishkek, ", "at the Yntymak Ordo residence, ",
/// "During the meeting, ", "В Бишкеке, ", "У Києві, ".
static LEADING_CIRCUMSTANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?i:in|at|on|during|following|after|within|в|во|на|по|после|у|під|після)\s[^,]{1,60},\s*)+",
    )
});
/// A role and a full name inside the sentence ("Russian President Vladimir Putin",
/// "Pakistani Prime Minister Shehbaz Sharif"): the surname, when the headline is too long.
static ROLE_NAME_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\p{Lu}[\p{L}.]*(?:'s|’s)?\s+)?(?:President|Prime\s+Minister|Foreign\s+Minister|Minister|Secretary|Ambassador|Envoy|Chancellor|Президент\p{L}*|Премьер-министр\p{L}*|Прем['’]єр-міністр\p{L}*|Министр\p{L}*|Міністр\p{L}*|Посол\p{L}*)\s+(?:\p{Lu}\p{Ll}+\s+)?(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b",
    )
});

/// The headline made from a lead `sentence` (dateline and agency tag already gone).
pub fn compress(sentence: &str) -> String {
    let mut text = sentence
        .trim()
        .trim_end_matches(['.', '!', ';', ':', ','])
        .to_owned();
    let english = !text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    text = LEADING_ATTRIBUTION.replace(&text, "").into_owned();
    text = TRAILING_ATTRIBUTION.replace(&text, "").into_owned();
    text = PARENTHESES.replace_all(&text, "").into_owned();
    text = TIME.replace_all(&text, " ").into_owned();
    text = squeeze(&text);
    text = APPOSITION.replace_all(&text, " ").into_owned();
    text = cut_clause(&text, &RELATIVE);
    text = cut_clause(&text, &TAIL);
    // "In Bishkek, at the residence, talks concluded...": the news starts after them (when
    // enough of it follows).
    if let Some(m) = LEADING_CIRCUMSTANCE.find(&text) {
        if text[m.end()..].split_whitespace().count() >= 3 {
            text = text[m.end()..].to_owned();
        }
    }
    if let Some(caps) = ROLE_NAME.captures(&text) {
        let whole = caps.get(0).expect("whole match");
        let verb_at = caps.get(3).expect("verb").start();
        // Keep the role when the name is not followed by a verb-like word.
        if whole.end() - verb_at == caps[3].len() {
            text = format!("{} {}", &caps[2], &text[verb_at..]);
        }
    }
    if english {
        text = present_tense(&text);
    }
    text = squeeze(&text);
    if text.chars().count() > MAX_CHARS {
        text = ROLE_NAME_INSIDE.replace_all(&text, "$1").into_owned();
    }
    let text = fit(&text, MAX_CHARS);
    capitalise(&text)
}

/// `text` without the clause `clause` starts: up to the next comma when the main clause goes
/// on after it (a lower-case word), else to the end.
fn cut_clause(text: &str, clause: &Regex) -> String {
    let Some(m) = clause.find(text) else {
        return text.to_owned();
    };
    let rest = &text[m.end()..];
    if let Some(comma) = rest.find(", ") {
        let after = &rest[comma + 2..];
        let continues = after.chars().next().is_some_and(char::is_lowercase)
            && !clause.is_match(&format!(", {after}"));
        if continues {
            return format!("{} {}", &text[..m.start()], after);
        }
    }
    text[..m.start()].to_owned()
}

/// The first past-tense verb of an English lead in the present tense ("received" ->
/// "receives", "have signed" -> "sign"); the subject before it decides the number.
fn present_tense(text: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("met", "meet"),
        ("agreed", "agree"),
        ("held", "hold"),
        ("took", "take"),
        ("made", "make"),
        ("said", "say"),
        ("gave", "give"),
        ("sent", "send"),
        ("told", "tell"),
        ("won", "win"),
        ("lost", "lose"),
        ("began", "begin"),
        ("paid", "pay"),
        ("became", "become"),
        ("left", "leave"),
        ("led", "lead"),
        ("sought", "seek"),
        ("brought", "bring"),
        ("spoke", "speak"),
        ("wrote", "write"),
        ("hit", "hit"),
        ("cut", "cut"),
        ("set", "set"),
        ("put", "put"),
        ("rose", "rise"),
        ("fell", "fall"),
        ("saw", "see"),
        ("went", "go"),
        ("came", "come"),
        ("found", "find"),
        ("built", "build"),
        ("bought", "buy"),
        ("sold", "sell"),
        ("kept", "keep"),
        ("chose", "choose"),
    ];
    let words: Vec<&str> = text.split(' ').collect();
    for (i, w) in words.iter().enumerate().skip(1) {
        let lower = w.to_lowercase();
        if lower != *w {
            continue; // names and capitalised words are no verbs here
        }
        let (skip_aux, verb) = if matches!(lower.as_str(), "has" | "have" | "had") {
            match words.get(i + 1) {
                Some(next) if next.ends_with("ed") || IRREGULAR.iter().any(|(p, _)| p == next) => {
                    (true, next.to_string())
                }
                _ => continue,
            }
        } else {
            (false, lower.clone())
        };
        let base = if let Some((_, base)) = IRREGULAR.iter().find(|(p, _)| *p == verb) {
            base.to_string()
        } else if verb.len() > 4 && verb.ends_with("ed") && !verb.ends_with("eed") {
            regular_base(&verb)
        } else {
            continue;
        };
        let subject = words[..i].join(" ");
        let plural = subject.contains(" and ")
            || subject.contains(" и ")
            || words[i - 1]
                .strip_suffix('s')
                .is_some_and(|s| !s.ends_with('s') && words[i - 1].chars().all(char::is_lowercase));
        let form = if plural { base } else { third_person(&base) };
        let mut out: Vec<String> = words[..i].iter().map(|s| s.to_string()).collect();
        out.push(form);
        let from = if skip_aux { i + 2 } else { i + 1 };
        out.extend(words[from..].iter().map(|s| s.to_string()));
        return out.join(" ");
    }
    text.to_owned()
}

/// "received" -> "receive", "signed" -> "sign", "stopped" -> "stop", "carried" -> "carry".
fn regular_base(verb: &str) -> String {
    let stem = &verb[..verb.len() - 2];
    if let Some(s) = stem.strip_suffix('i') {
        return format!("{s}y");
    }
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n >= 2 && chars[n - 1] == chars[n - 2] && !matches!(chars[n - 1], 'l' | 's' | 'z' | 'f') {
        return chars[..n - 1].iter().collect();
    }
    const E_ENDINGS: &[&str] = &[
        "iv", "av", "ov", "ev", "rv", "lv", "c", "at", "ot", "ut", "ud", "iz", "yz", "us", "as",
        "os", "ag", "rg", "dg", "ng", "ir", "ur", "ar", "ok", "ak", "ik", "ap", "ip", "op", "ib",
        "ul", "il", "ol", "bl", "pl", "tl", "gl", "dl", "kl", "ue", "ut", "id", "ad", "od", "pt",
    ];
    // "signed", "visited", "opened" keep their stem; "noted", "stated" take an e back.
    const KEEP: &[&str] = &[
        "visit",
        "sign",
        "open",
        "discuss",
        "call",
        "host",
        "meet",
        "hold",
        "express",
        "attend",
        "launch",
        "start",
        "report",
        "want",
        "expect",
        "attack",
        "warn",
        "back",
        "plan",
        "end",
        "help",
        "ask",
        "look",
        "mark",
        "seek",
        "pledg",
        "limit",
        "edit",
        "exhibit",
        "credit",
        "deposit",
        "profit",
        "benefit",
        "target",
        "budget",
        "contact",
        "protest",
        "suggest",
        "request",
        "interest",
        "insist",
        "resist",
        "assist",
        "list",
        "boost",
        "post",
        "fail",
        "detail",
        "sail",
        "mail",
        "install",
        "fulfil",
        "appeal",
        "reveal",
        "sell",
        "kill",
        "fill",
        "rally",
        "surg",
        "appoint",
        "point",
        "demand",
        "spend",
        "offer",
        "agre",
        "conduct",
        "adopt",
        "accept",
        "support",
        "reject",
        "elect",
        "enact",
        "award",
        "reward",
        "affect",
        "connect",
        "inspect",
        "correct",
        "collect",
        "protect",
        "reflect",
        "select",
        "attract",
        "extract",
        "act",
        "react",
        "sound",
        "found",
        "ground",
        "lend",
        "depend",
        "attend",
        "commend",
        "recommend",
        "extend",
        "intend",
        "pretend",
        "defend",
        "ban",
    ];
    if KEEP.contains(&stem) || stem.ends_with("ect") || stem.ends_with("ist") {
        return if stem == "agre" {
            "agree".to_owned()
        } else {
            stem.to_owned()
        };
    }
    if E_ENDINGS.iter().any(|e| stem.ends_with(e)) {
        return format!("{stem}e");
    }
    stem.to_owned()
}

fn third_person(base: &str) -> String {
    if base.ends_with(['s', 'x', 'z'])
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('o')
    {
        format!("{base}es")
    } else if let Some(s) = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{s}ies")
    } else {
        format!("{base}s")
    }
}

/// Words a headline cannot end with.
fn dangling(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "within",
        "during",
        "after",
        "before",
        "under",
        "over",
        "against",
        "through",
        "without",
        "после",
        "через",
        "под",
        "над",
        "при",
        "протягом",
        "після",
        "під",
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "its",
        "their",
        "his",
        "her",
        "that",
        "which",
        "who",
        "between",
        "about",
        "into",
        "и",
        "в",
        "во",
        "на",
        "с",
        "со",
        "по",
        "к",
        "о",
        "об",
        "за",
        "из",
        "от",
        "для",
        "между",
        "а",
        "но",
        "что",
        "і",
        "й",
        "та",
        "у",
        "з",
        "із",
        "зі",
        "до",
        "від",
        "про",
        "між",
        "але",
        "що",
        "його",
        "её",
        "її",
        "их",
        "їх",
    ];
    WORDS.contains(
        &word
            .to_lowercase()
            .trim_matches(|c: char| !c.is_alphanumeric()),
    )
}

/// At most `max` characters: whole clauses first (the text up to a comma), then whole words,
/// never ending on a word that cannot end a headline, never an ellipsis.
fn fit(text: &str, max: usize) -> String {
    let text = text
        .trim()
        .trim_end_matches([',', ';', ':', '-', '—', '–'])
        .trim_end();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let limit = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    if let Some(comma) = head.rfind(", ") {
        let clause = &head[..comma];
        if clause.split_whitespace().count() >= 4 {
            return fit(clause, max);
        }
    }
    let mut words: Vec<&str> = head.split_whitespace().collect();
    if !text[limit..].starts_with(' ') && !text[limit..].is_empty() {
        words.pop(); // cut inside a word
    }
    // End before the last phrase that the limit cut into ("...dollars within three").
    if let Some(k) = (4..words.len()).rev().find(|&k| dangling(words[k])) {
        if words[..k].join(" ").chars().count() * 3 >= max * 2 {
            words.truncate(k);
        }
    }
    while words.len() > 3 && words.last().is_some_and(|w| dangling(w)) {
        words.pop();
    }
    words
        .join(" ")
        .trim_end_matches([',', ';', ':', '-', '—', '–'])
        .to_owned()
}

fn squeeze(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .replace(" ,", ",")
        .trim_matches([',', ' '])
        .to_owned()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_leads_become_headlines() {
        assert_eq!(
            compress("President of the Kyrgyz Republic Sadyr Japarov received Ambassador, the United States Special Envoy for South and Central Asia, Sergio Gor today, February 4."),
            "Japarov receives Ambassador Sergio Gor"
        );
        assert_eq!(
            compress("Бішкек цього тижня приймає форум B5+1, на якому збираються посадовці й бізнес-лідери з Казахстану, Киргизстану, Таджикистану."),
            "Бішкек приймає форум B5+1"
        );
        let made = compress("Kyrgyzstan's President, Sadyr Japarov, engaged in both narrow and expanded-format discussions with Pakistani Prime Minister Shehbaz Sharif, addressing a wide array of issues aimed at enhancing bilateral cooperation");
        assert_eq!(
            made,
            "Japarov engages in both narrow and expanded-format discussions with Sharif"
        );
        assert!(made.chars().count() <= MAX_CHARS, "{made}");
    }

    #[test]
    fn relative_clauses_time_phrases_and_attributions_go() {
        let made = compress("In Bishkek, at the “Yntymak Ordo” residence, talks concluded between Kyrgyzstan's President Sadyr Japarov and Russian President Vladimir Putin, who is on a state visit to Kyrgyzstan.");
        assert_eq!(made, "Talks conclude between Japarov and Putin");
        assert!(
            !made.contains("who") && made.chars().count() <= MAX_CHARS,
            "{made}"
        );
        assert_eq!(
            compress("Президент Кыргызстана Садыр Жапаров сегодня принял посла США, сообщает пресс-служба."),
            "Жапаров принял посла США"
        );
        assert_eq!(
            compress("According to the ministry, the two countries signed a trade deal on Monday."),
            "The two countries sign a trade deal"
        );
    }

    #[test]
    fn long_leads_lose_clauses_then_words_never_with_an_ellipsis() {
        let lead = "The ministers of foreign affairs of the five Central Asian states agreed on a common position on water and energy, and on transport corridors linking the region with Europe and China";
        let made = compress(lead);
        assert!(made.chars().count() <= MAX_CHARS, "{made}");
        assert!(
            !made.contains('…') && !made.ends_with(" of") && !made.ends_with(" and"),
            "{made}"
        );
        assert!(
            made.starts_with("The ministers of foreign affairs"),
            "{made}"
        );
    }

    #[test]
    fn past_tense_becomes_present() {
        assert_eq!(
            present_tense("Japarov received Gor"),
            "Japarov receives Gor"
        );
        assert_eq!(
            present_tense("The presidents met in Bishkek"),
            "The presidents meet in Bishkek"
        );
        assert_eq!(
            present_tense("China and Kyrgyzstan signed a deal"),
            "China and Kyrgyzstan sign a deal"
        );
        assert_eq!(
            present_tense("Kyrgyzstan has signed a deal"),
            "Kyrgyzstan signs a deal"
        );
        assert_eq!(present_tense("Trade discussed"), "Trade discusses");
        assert_eq!(regular_base("noted"), "note");
        assert_eq!(regular_base("visited"), "visit");
        assert_eq!(regular_base("stopped"), "stop");
        assert_eq!(regular_base("carried"), "carry");
        assert_eq!(regular_base("engaged"), "engage");
    }
}
