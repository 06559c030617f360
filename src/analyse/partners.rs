//! Partner detection: which countries and organisations an article is *about*, and which it
//! merely mentions.
//!
//! Every alias hit is weighted by where it occurs (the title counts three times, the lead
//! twice) and by what kind of alias it is (a capital standing for its government counts half,
//! a weak signal such as "Turkish Airlines" or "Chinese-made" a tenth). A sentence that names
//! three or more countries is a list (the members at a summit, the participants of a forum):
//! its countries count little, so a CSTO summit is filed under the CSTO, not under each
//! member, unless a title introduces the list ("the Presidents of Poland, Latvia and
//! Lithuania" took part). A country governed by a preposition of topic ("talks on Ukraine",
//! "вторжение на Украину": see `context`) counts a third: what the talks were about is not who
//! they were with. The home country never counts. The strongest partner is primary when it is more
//! than a passing mention; others are primary too when they come close to it (at least 40%
//! of its score); the rest are `mentioned`.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::gazetteer::{Gazetteer, Hit, PartnerKind, WEAK_WEIGHT};
use super::text::sentences;
use crate::ingest::{Article, BlockKind, Origin};

/// Weight of a mention in the title.
const TITLE_WEIGHT: f32 = 3.0;
/// Weight of a mention in the lead paragraph.
const LEAD_WEIGHT: f32 = 2.0;
/// A country named in a list (a sentence naming this many countries or more)...
const LIST_SIZE: usize = 3;
/// ...counts this much.
const LIST_WEIGHT: f32 = 0.3;
/// A country that is the topic of its sentence ("talks on Ukraine", "вторжение на Украину")
/// counts this much: the story is about it, not with it.
const TOPIC_WEIGHT: f32 = 0.3;
/// The top partner needs at least this score: more than one mention in the body.
const MIN_PRIMARY: f32 = 1.5;
/// A secondary partner must reach this share of the top score.
const CLOSE_TO_TOP: f32 = 0.4;
/// ...and at least this score (two plain mentions).
const MIN_SECONDARY: f32 = 2.0;
/// At most this many primary partners.
const MAX_PRIMARY: usize = 4;

/// A partner id: ISO 3166-1 alpha-2 for countries (`us`), a short name for organisations
/// (`eaeu`). Lower-case ASCII letters and digits only, so it is always safe in a path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnerId(String);

impl PartnerId {
    /// Validate and normalise (`"US"` gives `us`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let id = text.trim().to_ascii_lowercase();
        let ok = (2..=16).contains(&id.len())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        ok.then_some(PartnerId(id))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PartnerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Detection result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detected {
    /// What the article is about, strongest first.
    pub partners: Vec<PartnerId>,
    /// Other partners seen, strongest first.
    pub mentioned: Vec<PartnerId>,
}

/// Where in the article a hit was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Title,
    Lead,
    Body,
}

/// One partner's evidence.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    score: f32,
    /// Named in the title (more than weakly): the article's counterpart.
    title: bool,
    /// Named in the lead.
    lead: bool,
    /// An organisation or platform named in the title or lead as the setting of the event
    /// ("the B5+1 forum", "саммит ОДКБ"): the article is about it, however often the
    /// participants are named.
    event: bool,
}

/// Words that make an organisation named next to them the setting of the event (matched as
/// lower-case word prefixes, within a few words of the name).
const EVENT_WORDS: &[&str] = &[
    "summit",
    "forum",
    "meeting",
    "session",
    "ministerial",
    "conference",
    "format",
    "саммит",
    "форум",
    "встреч",
    "заседан",
    "совещан",
    "формат",
    "конференц",
    "саміт",
    "зустріч",
    "засідан",
    "нарад",
    "конференц",
    "жыйын",
    "кеңешме",
];

/// Characters on either side of a name searched for an event word.
const EVENT_WINDOW: usize = 40;

/// Whether an event word stands within [`EVENT_WINDOW`] characters of `text[start..end]`.
fn names_an_event(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start]
        .char_indices()
        .rev()
        .nth(EVENT_WINDOW)
        .map_or(0, |(i, _)| i);
    let after = text[end..]
        .char_indices()
        .nth(EVENT_WINDOW)
        .map_or(text.len(), |(i, _)| end + i);
    [&text[before..start], &text[end..after]]
        .iter()
        .any(|side| {
            side.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .any(|w| {
                    let w = w.to_lowercase();
                    EVENT_WORDS.iter().any(|e| w.starts_with(e))
                })
        })
}

/// Detect the partners of `article`, never counting `home`.
///
/// When the title names partners, those are the article's counterparts: another partner is
/// primary only if it is in the lead and scores at least as much as the strongest of them
/// (a call with the European Council President about Ukraine is filed under the EU).
pub fn detect(article: &Article, gazetteer: &Gazetteer, home: Option<&PartnerId>) -> Detected {
    let home = home.and_then(|id| gazetteer.position(id));
    let mut tallies: BTreeMap<usize, Tally> = BTreeMap::new();
    let mut add = |text: &str, place: Place| score_text(text, place, gazetteer, home, &mut tallies);
    // A title made from the lead or the file name is no headline: the lead counts already.
    if !matches!(article.title_origin, Origin::Lead | Origin::FileName) {
        add(&article.title, Place::Title);
    }
    let mut lead_seen = false;
    for block in &article.blocks {
        if !lead_seen && block.kind == BlockKind::Paragraph {
            lead_seen = true;
            // A text without paragraph breaks is all one "paragraph": its lead is the first
            // sentences, not the whole story.
            match lead_split(&block.text) {
                Some(at) => {
                    add(&block.text[..at], Place::Lead);
                    add(&block.text[at..], Place::Body);
                }
                None => add(&block.text, Place::Lead),
            }
        } else {
            add(&block.text, Place::Body);
        }
    }
    let partners = gazetteer.partners();
    let mut ranked: Vec<(&PartnerId, Tally)> = tallies
        .into_iter()
        .map(|(i, tally)| (&partners[i].id, tally))
        .collect();
    ranked.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then_with(|| a.0.cmp(b.0)));
    let mut detected = Detected::default();
    let top = ranked.first().map_or(0.0, |r| r.1.score);
    let top_in_title = ranked
        .iter()
        .filter(|r| r.1.title)
        .map(|r| r.1.score)
        .next();
    for (id, tally) in ranked {
        let room = detected.partners.len() < MAX_PRIMARY;
        // An event's organisation counts only when no headline names the counterparts: a
        // bilateral meeting "on the sidelines of the CSTO summit" is about the counterpart.
        let primary = room
            && match top_in_title {
                Some(best) => tally.title || (tally.lead && tally.score >= best),
                None => {
                    tally.event
                        || (top >= MIN_PRIMARY
                            && (detected.partners.is_empty()
                                || (tally.score >= MIN_SECONDARY
                                    && tally.score >= CLOSE_TO_TOP * top)))
                }
            };
        if primary {
            detected.partners.push(id.clone());
        } else {
            detected.mentioned.push(id.clone());
        }
    }
    detected
}

/// Sentences a lead holds at most.
const LEAD_SENTENCES: usize = 2;

/// Where a first paragraph too long to be a lead stops being one: after
/// [`LEAD_SENTENCES`] sentences of a paragraph of at least twice as many. Short paragraphs
/// are cheap to leave whole (and are not split into sentences).
fn lead_split(paragraph: &str) -> Option<usize> {
    if paragraph.len() < 400 {
        return None;
    }
    let all = sentences(paragraph);
    if all.len() < 2 * LEAD_SENTENCES {
        return None;
    }
    let last = all[LEAD_SENTENCES - 1];
    Some(last.as_ptr() as usize - paragraph.as_ptr() as usize + last.len())
}

/// Add the hits of one title or block to `tallies`.
fn score_text(
    text: &str,
    place: Place,
    gazetteer: &Gazetteer,
    home: Option<usize>,
    tallies: &mut BTreeMap<usize, Tally>,
) {
    let hits = gazetteer.scan(text);
    let partners = gazetteer.partners();
    let is_country = |i: usize| partners[i].kind == PartnerKind::Country;
    let countries = |hits: &[Hit]| {
        let mut seen: Vec<usize> = hits
            .iter()
            .map(|h| h.partner)
            .filter(|&p| is_country(p) && Some(p) != home)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    // Which hits stand in a list. Splitting into sentences costs more than scanning, so only
    // a block naming enough countries is split.
    let mut in_list = vec![false; hits.len()];
    if countries(&hits) >= LIST_SIZE {
        let base = text.as_ptr() as usize;
        let mut first = 0;
        for sentence in sentences(text) {
            let start = sentence.as_ptr() as usize - base;
            let end = start + sentence.len();
            while first < hits.len() && hits[first].start < start {
                first += 1;
            }
            let mut last = first;
            while last < hits.len() && hits[last].start < end {
                last += 1;
            }
            // A list after a title ("the Presidents of ...") names the participants.
            if countries(&hits[first..last]) >= LIST_SIZE
                && !context::introduced_by_role(sentence, hits[first].start - start)
            {
                in_list[first..last].fill(true);
            }
            first = last;
        }
    }
    let weight = match place {
        Place::Title => TITLE_WEIGHT,
        Place::Lead => LEAD_WEIGHT,
        Place::Body => 1.0,
    };
    for (hit, listed) in hits.iter().zip(in_list) {
        if Some(hit.partner) == home {
            continue;
        }
        let listed = listed && is_country(hit.partner);
        let topic = is_country(hit.partner) && context::is_topic(text, hit.start);
        let factor =
            if listed { LIST_WEIGHT } else { 1.0 } * if topic { TOPIC_WEIGHT } else { 1.0 };
        let tally = tallies.entry(hit.partner).or_default();
        tally.score += hit.weight * weight * factor;
        let strong = hit.weight > WEAK_WEIGHT && !listed && !topic;
        tally.title |= place == Place::Title && strong;
        tally.lead |= place == Place::Lead && strong;
        tally.event |= place != Place::Body
            && strong
            && !is_country(hit.partner)
            && names_an_event(text, hit.start, hit.end);
    }
}

mod context;

#[cfg(test)]
mod eval;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::PartnersConfig;

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article::for_test(title, paragraphs)
    }

    fn run(title: &str, paragraphs: &[&str], home: &str) -> (Vec<String>, Vec<String>) {
        let g = Gazetteer::load(&PartnersConfig::default()).unwrap();
        let home = PartnerId::parse(home).unwrap();
        let d = detect(&article(title, paragraphs), &g, Some(&home));
        let s = |v: Vec<PartnerId>| v.into_iter().map(|p| p.to_string()).collect();
        (s(d.partners), s(d.mentioned))
    }

    #[test]
    fn an_organisation_hosting_the_event_is_a_partner() {
        let (partners, _) = run(
            "",
            &[
                "Бішкек цього тижня приймає форум B5+1, на якому збираються посадовці з Казахстану, Таджикистану, Узбекистану і Сполучених Штатів Америки.",
                "Посланець США заявив, що Вашингтон прагне співпраці. США підтримують регіон.",
            ],
            "kg",
        );
        assert!(partners.contains(&"b5plus1".to_string()), "{partners:?}");
        assert!(partners.contains(&"us".to_string()), "{partners:?}");
        let (partners, _) = run(
            "",
            &[
                "Лидеры государств ОДКБ провели саммит в Москве.",
                "Россия и Казахстан обсудили сотрудничество.",
            ],
            "kg",
        );
        assert_eq!(
            partners.first().map(String::as_str),
            Some("csto"),
            "{partners:?}"
        );
        // Named in passing, an organisation stays mentioned.
        let (partners, mentioned) = run(
            "Pakistan and Kyrgyzstan sign trade deals",
            &[
                "Pakistan and Kyrgyzstan signed trade deals, and both support the SCO.",
                "Pakistani officials said trade with Kyrgyzstan would grow.",
            ],
            "kg",
        );
        assert_eq!(partners, ["pk"]);
        assert!(mentioned.contains(&"sco".to_string()), "{mentioned:?}");
    }

    #[test]
    fn the_topic_of_talks_is_not_the_counterpart() {
        // Home Russia: the G7 is the counterpart, Ukraine what its statement is about.
        let (partners, mentioned) = run(
            "G7 предупредила Россию об ответственности за вторжение на Украину",
            &[
                "Министры иностранных дел стран G7 предупредили Россию о последствиях агрессии против Украины.",
                "G7 хочет, чтобы Россия отказалась от агрессии по отношению к Украине и вторжения на Украину.",
            ],
            "ru",
        );
        assert_eq!(partners, ["g7"], "{mentioned:?}");
        let (partners, _) = run(
            "Kazakhstan and France hold talks on Ukraine",
            &["Kazakhstan and France discussed the situation around Ukraine and the war in Ukraine."],
            "kz",
        );
        assert_eq!(partners, ["fr"]);
    }

    #[test]
    fn leaders_named_together_are_all_partners() {
        let (partners, _) = run(
            "Президенти України, Польщі, Латвії, Литви та Естонії зробили заяви для ЗМІ",
            &["Президенти Польщі, Латвії, Литви та Естонії прибули до Києва."],
            "ua",
        );
        let mut sorted = partners.clone();
        sorted.sort();
        assert_eq!(sorted, ["ee", "lt", "lv", "pl"], "{partners:?}");
    }

    #[test]
    fn a_long_single_paragraph_has_a_lead_of_two_sentences() {
        // Turkey and China are named equally often; only Turkey in the first two sentences.
        let text = "Turkey and Kyrgyzstan signed a memorandum on trade in the capital today. \
            The Turkish side will open a trade house in the spring of next year. \
            The parties also discussed transport, energy, education and culture at length. \
            Officials noted that China invests in the region as well. \
            Experts expect investment from China to grow over the coming years. \
            The meeting ended with a joint press conference and a working lunch for the delegations.";
        assert!(text.len() >= 400);
        let (partners, _) = run("", &[text], "kg");
        assert_eq!(
            partners.first().map(String::as_str),
            Some("tr"),
            "{partners:?}"
        );
        assert_eq!(lead_split("Short. Text. Here. Now."), None);
        let at = lead_split(text).expect("a long paragraph is split");
        assert!(text[..at].ends_with("next year."), "{}", &text[..at]);
    }

    #[test]
    fn kyrgyz_ethnonyms_name_their_country() {
        let (partners, _) = run(
            "",
            &["Бишкекте казак ишкерлери менен жолугушуу өттү. Казак тарап соода көлөмүн көбөйтүүнү сунуштады."],
            "kg",
        );
        assert_eq!(partners, ["kz"]);
        let (partners, _) = run(
            "",
            &["Орус тили боюнча олимпиада өттү. Орус делегациясы келди."],
            "kg",
        );
        assert_eq!(partners, ["ru"]);
    }

    #[test]
    fn partner_id_is_validated() {
        assert_eq!(PartnerId::parse(" US ").unwrap().as_str(), "us");
        assert!(PartnerId::parse("../x").is_none());
        assert!(PartnerId::parse("a").is_none());
        assert!(PartnerId::parse("c5plus1").is_some());
    }

    #[test]
    fn home_never_counts_and_minor_mentions_go_to_mentioned() {
        let (partners, mentioned) = run(
            "Kyrgyzstan and Pakistan sign deals",
            &[
                "Kyrgyz-Pakistani relations grew. Pakistan and Kyrgyzstan met.",
                "The China-Kyrgyzstan-Uzbekistan railway was discussed.",
            ],
            "kg",
        );
        assert_eq!(partners, ["pk"]);
        assert!(
            mentioned.contains(&"cn".to_string()) && mentioned.contains(&"uz".to_string()),
            "{mentioned:?}"
        );
        assert!(!mentioned.contains(&"kg".to_string()));
    }

    #[test]
    fn russian_and_ukrainian_names() {
        let (partners, _) = run(
            "",
            &["Президент России провел переговоры. Российская сторона и РФ согласились."],
            "kg",
        );
        assert_eq!(partners, ["ru"]);
        let (partners, _) = run(
            "",
            &["Сполучені Штати та США надають пріоритет. Вашингтон прагне співпраці."],
            "kg",
        );
        assert_eq!(partners, ["us"]);
    }

    #[test]
    fn two_strong_partners_are_both_primary() {
        let (partners, _) = run(
            "OTS Secretary General meets US official",
            &[
                "In Washington, the OTS Secretary General met the U.S. Assistant Secretary.",
                "The OTS and the United States agreed.",
            ],
            "kg",
        );
        assert_eq!(partners.len(), 2, "{partners:?}");
        assert!(partners.contains(&"ots".to_string()) && partners.contains(&"us".to_string()));
    }
}
