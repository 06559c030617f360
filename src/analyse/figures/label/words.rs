//! The small word lists labels are read with: clause words, prepositions and qualifiers,
//! fillers, and verbs (English by stem, Russian and Ukrainian by stem and ending). Kept apart
//! from the walk in `label` and laid out compactly (not formatted by rustfmt).

/// Words that start a new clause: the label never crosses one.
pub(super) fn is_clause_word(w: &str) -> bool {
    is_relative(w)
        || matches!(
            w,
            "that" | "while" | "whereas" | "when" | "where" | "but" | "although" | "though" |
            "because" | "if" | "as" | "according" | "said" | "says" | "noted" | "что" | "чтобы"
            | "где" | "когда" | "но" | "хотя" | "если" | "как" | "що" | "щоб" | "де" | "коли" |
            "але" | "хоча" | "якщо" | "як"
        )
}

pub(super) fn is_relative(w: &str) -> bool {
    matches!(w, "which" | "who" | "whose")
        || w.starts_with("котор")
        || [
            "який", "яка", "яке", "які", "якого", "якої", "яких", "якому", "якій",
        ]
        .contains(&w)
}

/// Prepositions and qualifiers between a figure and its verb or noun.
pub(super) fn is_skipped(w: &str) -> bool {
    matches!(
        w,
        "to" | "at"
            | "by" | "of" | "over" | "more" | "than" | "nearly" | "almost" | "about" | "around"
            | "some" | "least" | "up" | "worth" | "approximately" | "roughly" | "estimated" |
            "valued" | "just" | "only" | "another" | "from" | "—" | "–" | "-" | "до" | "на" |
            "в" | "во" | "около" | "более" | "свыше" | "почти" | "порядка" | "не" | "менее" |
            "чем" | "от" | "с" | "у" | "понад" | "більше" | "близько" | "майже" | "щонайменше"
            | "менше" | "ніж" | "від" | "з" | "із" | "сумму" | "суму" | "размере" | "лишь" |
            "лише" | "только" | "всего" | "всього" | "тільки" | "розмірі"
    )
}

/// Words that may follow a counted noun and still qualify it ("companies with …").
pub(super) fn is_modifier(w: &str) -> bool {
    matches!(
        w,
        "with" | "of" | "for" | "from" | "in" | "on" | "under" | "с" | "со" | "из" | "для" |
        "по" | "в" | "з" | "із" | "у"
    )
}

/// Leading and trailing words that are not part of what is measured.
pub(super) fn is_lead_filler(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "these" |
        "those" | "and" | "or" | "with" | "in" | "on" | "for" | "also" | "currently" | "now" |
        "total" | "и" | "а" | "также" | "і" | "та" | "а також" | "також" | "его" | "её" | "их"
        | "його" | "її" | "їх"
    )
}

pub(super) fn is_period_word(w: &str) -> bool {
    matches!(
        w,
        "since" | "until" | "during" | "after" | "before" | "с" | "після" | "после"
    )
}

/// English verbs that state figures, by stem (inflections follow).
const EN_VERBS: &[&str] = &[
    "total", "reach", "amount", "exceed", "surpass", "stand", "stood", "grow", "grew", "rise",
    "rose", "fall", "fell", "increas", "decreas", "declin", "drop", "doubl", "tripl", "climb",
    "invest", "allocat", "provid", "export", "import", "sign", "include", "compris", "attract",
    "earmark", "spend", "spent", "cost", "expect", "aim", "boost", "rais", "bring", "brought",
    "hit", "top", "account", "contribut", "issu", "lend", "lent", "grant", "pledg", "commit",
    "send", "sent", "receiv", "deliver", "ship", "produc", "generat", "creat", "employ",
    "operat", "build", "built", "construct", "purchas", "buy", "bought", "sell", "sold",
    "estimat", "valu", "approv", "launch", "open", "host", "count", "number", "expand",
    "extend", "cut", "reduc", "lower", "return", "transfer", "disburs", "finance", "financ",
    "fund",
];

/// Auxiliaries and adverbs of a verb group.
const EN_AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "should", "can", "may", "might", "shall", "must", "also", "already", "currently",
    "now", "still", "reportedly", "nearly", "almost", "further", "jointly", "together",
];

/// Russian and Ukrainian verb stems that state figures.
const CYR_VERBS: &[&str] = &[
    "состав", "достиг", "достич", "превы", "выр", "увелич", "сократ", "сниз", "упал", "выдел",
    "направ", "инвест", "вложи", "подпис", "план", "намер", "ожида", "оцен", "привлеч",
    "привлек", "экспорт", "импорт", "постав", "был", "будет", "есть", "являе", "насчит", "сяг",
    "склал", "склад", "склав", "зрос", "збільш", "зменш", "перевищ", "виділ", "досяг", "спрям",
    "вклал", "інвест", "підпис", "очіку", "залуч", "експорт", "імпорт", "стан", "буде", "був",
    "була", "були", "налічу", "сост", "реализ", "реаліз", "работа", "працю", "действ", "оцін",
    "оцен", "станов", "оголос", "объяв", "получ", "отрима", "предостав", "діє", "діют",
    "откры", "відкри", "постро", "збуду", "будую", "строя",
];

/// Whether `w` (lower case) is a verb, an auxiliary or an adverb of a verb group, next to a
/// figure (where "totals", "exports" are verbs).
pub(super) fn is_verb(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    if w.is_empty() {
        return false;
    }
    if EN_AUX.contains(&w) {
        return true;
    }
    if w.is_ascii() {
        return EN_VERBS.iter().any(|stem| {
            w.strip_prefix(stem).is_some_and(|rest| {
                matches!(
                    rest,
                    "" | "s" | "es" | "e" | "ed" | "d" | "ing" | "ted" | "ting"
                ) || (rest.len() == 3 && rest.ends_with("ed"))
            })
        }) || (w.len() > 5 && w.ends_with("ed"))
            || matches!(w, "worth" | "reach");
    }
    is_cyrillic_verb(w)
}

/// Whether `w` is surely a verb inside a noun phrase, where "exports", "trade" or "fund" are
/// nouns: an auxiliary, an English past form, a verb after "to" or an auxiliary (`after`
/// is the word before it), or a Cyrillic verb form.
pub(super) fn is_phrase_stop(w: &str, before: Option<&str>) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    if w.is_empty() {
        return false;
    }
    if !w.is_ascii() {
        return is_cyrillic_verb(w);
    }
    EN_AUX.contains(&w)
        || (w.len() > 5 && w.ends_with("ed"))
        || (is_verb(w) && before.is_some_and(|b| b == "to" || EN_AUX.contains(&b)))
}

/// A Russian or Ukrainian verb form: a known stem with a verb ending ("составили",
/// "зросла"), so the nouns sharing a stem ("экспорт", "поставки", "план") are not verbs.
pub(super) fn is_cyrillic_verb(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "л", "ла", "ло", "ли", "ть", "ет", "ит", "ут", "ют", "ат", "ят", "ся", "сь", "ет", "є",
        "ють", "ать", "ить", "ав", "ив", "ів", "ув",
    ];
    // Past tense, infinitive and Ukrainian future endings, which few nouns of seven letters
    // or more share.
    const LONG_ENDINGS: &[&str] = &[
        "ила", "ала", "ела", "ыла", "іла", "или", "али", "ели", "ыли", "іли", "ило", "ало",
        "ело", "ыло", "іло", "ился", "ался", "ились", "ались", "ировал", "ували", "увала",
        "ить", "ать", "ять", "іть", "тиме", "тимуть", "яли", "яла", "яло", "ует", "юет", "ает",
        "яет", "ится", "ается", "уется", "ются", "ують", "юють", "ює",
    ];
    matches!(
        w,
        "зріс" | "виріс" | "вырос" | "рос" | "есть" | "буде" | "будет"
    ) || (CYR_VERBS.iter().any(|stem| w.starts_with(stem))
        && (ENDINGS.iter().any(|e| w.ends_with(e)) || w.ends_with("ме")))
        || (w.chars().count() >= 7 && LONG_ENDINGS.iter().any(|e| w.ends_with(e)))
}


/// Prepositions a label may not start with: what follows is a place, a time or a source.
pub(super) fn is_leading_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on" | "at" | "from" | "by" | "to" | "into" | "after" | "since" | "в" | "во" | "на" |
        "из" | "от" | "к" | "по" | "за" | "у" | "від" | "з" | "із" | "до" | "після" | "после"
    )
}
