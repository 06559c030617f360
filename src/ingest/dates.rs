//! Dates as news sites write them.
//!
//! ISO (`2026-02-04`, `2025-11-03T14:05:00+06:00`), numeric (`03.11.2025`), written with month
//! names in English, Russian, Ukrainian, Kyrgyz, Kazakh, Uzbek and Turkish, in their case forms
//! (`November 26, 2025`, `26 ноября 2025 г.`, `4 лютого 2026 року`, `3-ноябрь 2025-жыл`), with
//! weekdays, times and labels around them (`Published: Thursday, 18 December 2025 11:26`,
//! `Опубликовано: 03.11.2025 14:05`, `Updated ...`). A *date line* is a line that is a date
//! and nothing else; a date inside a sentence ("on November 27, both presidents...") is never
//! one, so a story's own dates are never taken for its publication date.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveTime};
use regex::Regex;

/// Month words, lower case (`ё` folded to `е`), with their number.
#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
    ("august", 8), ("aug", 8), ("september", 9), ("sep", 9), ("sept", 9), ("october", 10),
    ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12), ("январь", 1),
    ("января", 1), ("янв", 1), ("февраль", 2), ("февраля", 2), ("фев", 2), ("февр", 2),
    ("март", 3), ("марта", 3), ("мар", 3), ("апрель", 4), ("апреля", 4), ("апр", 4), ("май", 5),
    ("мая", 5), ("июнь", 6), ("июня", 6), ("июн", 6), ("июль", 7), ("июля", 7), ("июл", 7),
    ("август", 8), ("августа", 8), ("авг", 8), ("сентябрь", 9), ("сентября", 9), ("сен", 9),
    ("сент", 9), ("октябрь", 10), ("октября", 10), ("окт", 10), ("ноябрь", 11), ("ноября", 11),
    ("нояб", 11), ("ноя", 11), ("декабрь", 12), ("декабря", 12), ("дек", 12), ("январда", 1),
    ("февралда", 2), ("мартта", 3), ("апрелде", 4), ("майда", 5), ("июнда", 6), ("июлда", 7),
    ("августта", 8), ("сентябрда", 9), ("октябрда", 10), ("ноябрда", 11), ("декабрда", 12),
    ("ноябры", 11), ("декабры", 12), ("октябры", 10), ("січень", 1), ("січня", 1), ("лютий", 2),
    ("лютого", 2), ("березень", 3), ("березня", 3), ("квітень", 4), ("квітня", 4), ("травень", 5),
    ("травня", 5), ("червень", 6), ("червня", 6), ("липень", 7), ("липня", 7), ("серпень", 8),
    ("серпня", 8), ("вересень", 9), ("вересня", 9), ("жовтень", 10), ("жовтня", 10),
    ("листопад", 11), ("листопада", 11), ("грудень", 12), ("грудня", 12), ("қаңтар", 1),
    ("ақпан", 2), ("наурыз", 3), ("сәуір", 4), ("мамыр", 5), ("маусым", 6), ("шілде", 7),
    ("тамыз", 8), ("қыркүйек", 9), ("қазан", 10), ("қараша", 11), ("желтоқсан", 12),
    ("yanvar", 1), ("fevral", 2), ("mart", 3), ("aprel", 4), ("iyun", 6), ("iyul", 7),
    ("avgust", 8), ("sentabr", 9), ("oktabr", 10), ("noyabr", 11), ("dekabr", 12), ("ocak", 1),
    ("şubat", 2), ("nisan", 4), ("mayıs", 5), ("haziran", 6), ("temmuz", 7), ("ağustos", 8),
    ("eylül", 9), ("ekim", 10), ("kasım", 11), ("aralık", 12),
];

/// Words a date line may carry besides the date: weekdays, "year" words, prepositions.
#[rustfmt::skip]
const FILLER: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "at", "on", "of", "the", "utc", "gmt", "am", "pm",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "г",
    "года", "год", "гг", "в", "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "п'ятниця",
    "субота", "неділя", "р", "року", "рік", "о", "об", "жыл", "жылы", "жылдын", "жылдың", "ж",
    "-", "—", "–", "|", "•", "/", "·", "first", "originally",
];

/// Labels before a publication date.
#[rustfmt::skip]
const PUBLISHED: &[&str] = &[
    "published", "posted", "date", "опубликовано", "дата", "публикации", "опубліковано",
    "публікації", "жарыяланды", "жарияланды", "created",
];
/// Labels before a modification date (used only when nothing better exists).
#[rustfmt::skip]
const UPDATED: &[&str] = &[
    "updated", "last", "modified", "обновлено", "изменено", "обновлен", "оновлено", "змінено",
    "жаңыртылды", "жаңыланды",
];
/// Relative days, which need a date from elsewhere (the marker).
const TODAY: &[&str] = &["today", "сегодня", "сьогодні", "бүгүн", "бүгін"];

/// What kind of date a date line states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    /// Just a date.
    Plain,
    /// "Published: ...".
    Published,
    /// "Updated: ...": the weakest evidence of publication.
    Updated,
}

/// A date line, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLine {
    /// Year, when written.
    pub year: Option<i32>,
    /// Month and day, when written.
    pub month_day: Option<(u32, u32)>,
    /// Time of day, when written.
    pub time: Option<NaiveTime>,
    /// "Today", "Сегодня": the date of the context.
    pub today: bool,
    /// What the label says.
    pub label: Label,
}

impl DateLine {
    /// The full date, taking a missing year from `context` (the year of the nearest known
    /// date): a day-month without a year is never more than half a year away from it.
    pub fn date(&self, context: Option<NaiveDate>) -> Option<NaiveDate> {
        if self.today {
            return context;
        }
        let (month, day) = self.month_day?;
        match (self.year, context) {
            (Some(year), _) => NaiveDate::from_ymd_opt(year, month, day),
            (None, Some(ctx)) => {
                let candidates = [ctx.year() - 1, ctx.year(), ctx.year() + 1];
                candidates
                    .iter()
                    .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
                    .min_by_key(|d| (*d - ctx).num_days().abs())
            }
            (None, None) => None,
        }
    }
}

/// The month number of a month word (`"Nov."`, `"ноября"`, `"лютого"`), if it is one.
pub fn month_number(word: &str) -> Option<u32> {
    let word: String = word
        .trim_end_matches('.')
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, n)| n)
}

/// `2026-02-04`, optionally followed by a time or `T...` (only the date is kept).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let head = text.get(..10)?;
    let date = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    match text[10..].chars().next() {
        None | Some(' ') | Some('T') | Some('t') => Some(date),
        _ => None,
    }
}

/// `HH:MM` (optionally `:SS`) at the start of `text`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    let head = text.get(..5)?;
    let time = NaiveTime::parse_from_str(head, "%H:%M").ok()?;
    match text[5..].chars().next() {
        None | Some(':') | Some(' ') | Some('+') | Some('-') | Some('Z') | Some('.')
        | Some(',') => Some(time),
        _ => None,
    }
}

/// A line that is a full date and nothing else (`November 26, 2025`).
pub fn parse_date_line(line: &str) -> Option<NaiveDate> {
    read_line(line)?.date(None)
}

/// Read a date line: a date (or a time with "today"), with only labels, weekdays and
/// separators around it. `None` for anything else, including sentences that contain a date.
pub fn read_line(line: &str) -> Option<DateLine> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 80 {
        return None;
    }
    let mut found = DateLine {
        year: None,
        month_day: None,
        time: None,
        today: false,
        label: Label::Plain,
    };
    let (mut day, mut month) = (None::<u32>, None::<u32>);
    for raw in line.split(|c: char| c.is_whitespace() || c == ',') {
        let word = raw.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '«' | '»' | '"'));
        if word.is_empty() {
            continue;
        }
        // A label ends with a colon: "Published:", "Опубликовано:".
        let bare = word.trim_end_matches(':');
        let lower = bare.to_lowercase();
        if let Some((date, time)) = iso_datetime(bare) {
            found.year = Some(date.year());
            (month, day) = (Some(date.month()), Some(date.day()));
            found.time = found.time.or(time);
        } else if let Some(date) = numeric_date(bare) {
            found.year = Some(date.year());
            (month, day) = (Some(date.month()), Some(date.day()));
        } else if let Some(time) = clock(bare) {
            found.time = Some(time);
        } else if PUBLISHED.contains(&lower.as_str()) {
            if found.label == Label::Plain {
                found.label = Label::Published;
            }
        } else if UPDATED.contains(&lower.as_str()) {
            found.label = Label::Updated;
        } else if TODAY.contains(&lower.as_str()) {
            found.today = true;
        } else if !read_date_word(bare, &mut day, &mut month, &mut found.year) {
            return None;
        }
    }
    found.month_day = month.zip(day);
    let has_date = found.month_day.is_some() || (found.today && found.time.is_some());
    // A lone year or a lone month is not a date.
    has_date.then_some(found)
}

/// Day, month name, year or filler; `3-ноябрь` and `2025-жылы` are split at the hyphen.
fn read_date_word(
    word: &str,
    day: &mut Option<u32>,
    month: &mut Option<u32>,
    year: &mut Option<i32>,
) -> bool {
    if let Some((a, b)) = word.split_once('-') {
        if !a.is_empty() && !b.is_empty() && !word.starts_with('-') {
            return read_date_word(a, day, month, year) && read_date_word(b, day, month, year);
        }
    }
    let clean = word.trim_end_matches(['.', ':']);
    if let Ok(n) = clean.parse::<u32>() {
        match n {
            1..=31 if day.is_none() => *day = Some(n),
            1900..=2200 if year.is_none() => *year = Some(n as i32),
            _ => return false,
        }
        return true;
    }
    if let Some(m) = month_number(clean) {
        if month.is_some() {
            return false;
        }
        *month = Some(m);
        return true;
    }
    let lower = clean.to_lowercase();
    FILLER.contains(&lower.as_str()) || clean.is_empty()
}

/// `2025-11-03`, `2025-11-03T14:05`, `2025-11-03T14:05:00+06:00`: the date and time as written
/// (the offset is dropped, not applied: the local date is the one the site meant).
fn iso_datetime(word: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let date = parse_iso(word)?;
    let time = word.get(11..).and_then(parse_time);
    Some((date, time))
}

/// `03.11.2025` or `03/11/2025` (day first, as in the region's sites; month first only when the
/// first number cannot be a month).
fn numeric_date(word: &str) -> Option<NaiveDate> {
    let sep = if word.contains('.') {
        '.'
    } else if word.contains('/') {
        '/'
    } else {
        return None;
    };
    let parts: Vec<&str> = word.trim_end_matches('.').split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, b, a).or_else(|| NaiveDate::from_ymd_opt(y, a, b))
}

fn clock(word: &str) -> Option<NaiveTime> {
    let word = word.trim_end_matches('.');
    if word.len() > 8 || !word.contains(':') {
        return None;
    }
    NaiveTime::parse_from_str(word, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(word, "%H:%M:%S"))
        .ok()
}

/// Month names of more languages (German, French, Spanish, Portuguese, Italian, Indonesian,
/// Polish, Dutch, Russian prepositional forms), as data: `data/date-months.tsv`. They are
/// only read inside a full day-month-year phrase (`find_in_line`), never as a lone word, so
/// short ones (`set`, `out`, `mar`) cannot turn ordinary words into dates.
static MORE_MONTHS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    include_str!("../../data/date-months.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (_lang, n, names) = (cols.next()?, cols.next()?.parse().ok()?, cols.next()?);
            Some(
                names
                    .split(' ')
                    .map(move |w| (w.to_owned(), n))
                    .collect::<Vec<_>>(),
            )
        })
        .flatten()
        .collect()
});

/// The month number of a word in either table (`find_in_line` only).
fn any_month_number(word: &str) -> Option<u32> {
    month_number(word).or_else(|| {
        let word = word.trim_end_matches('.').to_lowercase().replace('ё', "е");
        MORE_MONTHS
            .iter()
            .find(|(name, _)| *name == word)
            .map(|&(_, n)| n)
    })
}

/// Date phrases inside a line: day-month-year and month-day-year with month names (ordinal
/// suffixes, `de`, dots: `29th December 2014`, `Dec. 29 2014`, `22 de janeiro de 2018`,
/// `28.oct.2012`), ISO dates (also glued to a name: `Plautz2014-12-22`; or with slashes:
/// `2022/04/28`), numeric dates
/// (`13/06/2014`, `11/18/19`, `18.11.2019`) and CJK dates (`2019年11月18日`).
static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?P<cy>\d{4})\s*年\s*(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})\s*日
      | (?P<iy>(?:19|20)\d{2})[-/](?P<im>\d{2})[-/](?P<id>\d{2})(?:[T\s]\d{2}:\d{2})?
      | (?:^|[^\d\p{L}])(?P<d1>\d{1,2})(?:st|nd|rd|th|er|º|\.)?[\s.\-/]*(?:de\s+|of\s+)?(?P<m1>\p{L}{3,12})\.?,?[\s.\-/]*(?:de\s+|del\s+)?(?P<y1>(?:19|20)\d{2})(?:[^\d]|$)
      | (?:^|[^\d\p{L}])(?P<m2>\p{L}{3,12})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d{2})(?:[^\d]|$|(?P<glued>\d{1,2}:\d{2}))
      | (?:^|[^\d\p{L}])(?P<na>\d{1,2})(?P<sep>[./-])(?P<nb>\d{1,2})[./-](?P<ny>(?:19|20)\d{2}|\d{2})(?:[^\d]|$)
    ",
    )
    .expect("valid regex")
});

/// Labels before a date inside a line, in more languages than a date line's labels.
#[rustfmt::skip]
const PUBLISHED_WORDS: &[&str] = &[
    "published", "posted", "publié", "publie", "veröffentlicht", "publicado", "publicada",
    "pubblicato", "postado", "diterbitkan", "опубликовано", "опубліковано", "erstellt",
];
#[rustfmt::skip]
const UPDATED_WORDS: &[&str] = &[
    "updated", "update", "modified", "aktualisiert", "geändert", "mis à jour", "actualizado",
    "atualizado", "modifica", "обновлено", "оновлено", "изменено",
];

/// How the day and month of a numeric date were told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// Not numeric, or only one reading is a real date (`13/06/2014`).
    Certain,
    /// Both readings are real dates (`04/05/2022`): the page's language decided.
    ByLanguage,
}

/// A date found inside a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The date.
    pub date: NaiveDate,
    /// Time of day written after it (`4:08 pm`, `10:42 AM`), when there is one.
    pub time: Option<NaiveTime>,
    /// What the words before it say.
    pub label: Label,
    /// How sure the day/month order is.
    pub order: NumericOrder,
}

/// The first date phrase inside a short line (a byline, a dateline, "Published 10:42 AM EST
/// Nov 13, 2019", "By Jane Doe | Oct 4, 2018"). `month_first` reads an ambiguous numeric
/// date as month/day (American English pages); otherwise day/month. Lines longer than a
/// byline are not searched: a date inside a story sentence is the story's.
pub fn find_in_line(line: &str, month_first: bool) -> Option<Found> {
    if line.chars().count() > 160 || line.split_whitespace().count() > 28 {
        return None;
    }
    for caps in PHRASE.captures_iter(line) {
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (date, order) = if let (Some(y), Some(m), Some(d)) = (num("cy"), num("cm"), num("cd")) {
            (
                NaiveDate::from_ymd_opt(y as i32, m, d),
                NumericOrder::Certain,
            )
        } else if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
            (
                NaiveDate::from_ymd_opt(y as i32, m, d),
                NumericOrder::Certain,
            )
        } else if let (Some(d), Some(m), Some(y)) = (
            num("d1"),
            caps.name("m1").and_then(|m| any_month_number(m.as_str())),
            num("y1"),
        ) {
            (
                NaiveDate::from_ymd_opt(y as i32, m, d),
                NumericOrder::Certain,
            )
        } else if let (Some(m), Some(d), Some(y)) = (
            caps.name("m2").and_then(|m| any_month_number(m.as_str())),
            num("d2"),
            num("y2"),
        ) {
            (
                NaiveDate::from_ymd_opt(y as i32, m, d),
                NumericOrder::Certain,
            )
        } else if let (Some(a), Some(b), Some(y)) = (num("na"), num("nb"), num("ny")) {
            let y = match y {
                0..=69 => 2000 + y as i32,
                70..=99 => 1900 + y as i32,
                _ => y as i32,
            };
            // `-` between numbers is a range or a phone number as often as a date: only with
            // a four-digit year.
            if &caps["sep"] == "-" && caps["ny"].len() != 4 {
                continue;
            }
            let day_month = NaiveDate::from_ymd_opt(y, b, a);
            let month_day = NaiveDate::from_ymd_opt(y, a, b);
            match (day_month, month_day) {
                // Dotted dates are day-first everywhere (`18.11.2019`); slashes follow the
                // page's language.
                (Some(dm), Some(_)) if &caps["sep"] == "." => (Some(dm), NumericOrder::Certain),
                (Some(dm), Some(md)) if dm != md => (
                    Some(if month_first { md } else { dm }),
                    NumericOrder::ByLanguage,
                ),
                (dm, md) => (dm.or(md), NumericOrder::Certain),
            }
        } else {
            (None, NumericOrder::Certain)
        };
        let Some(date) = date else { continue };
        let whole = caps.get(0).expect("match");
        let before = line[..whole.start()].to_lowercase();
        // A time glued to the year ("November 3, 20252:05 PM") starts right after it.
        let after = &line[caps.name("glued").map_or(whole.end(), |g| g.start())..];
        let label = label_before(&before);
        let time = TIME_AFTER
            .captures(after)
            .and_then(|c| clock_of(&c))
            .or_else(|| TIME_AFTER.captures(&before).and_then(|c| clock_of(&c)));
        return Some(Found {
            date,
            time,
            label,
            order,
        });
    }
    None
}

/// The label nearest before a date: "Published ... Updated <date>" is an update.
fn label_before(before: &str) -> Label {
    let last = |words: &[&str]| words.iter().filter_map(|w| before.rfind(w)).max();
    match (last(PUBLISHED_WORDS), last(UPDATED_WORDS)) {
        (Some(p), Some(u)) if u > p => Label::Updated,
        (Some(_), _) => Label::Published,
        (None, Some(_)) => Label::Updated,
        (None, None) => Label::Plain,
    }
}

/// `4:08 pm`, `10:42 AM`, `17:43:29`, `18.00` is not read (too like a price).
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2}):(\d{2})(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?").expect("valid regex")
});

fn clock_of(caps: &regex::Captures) -> Option<NaiveTime> {
    let mut h: u32 = caps[1].parse().ok()?;
    let m: u32 = caps[2].parse().ok()?;
    if let Some(half) = caps.get(3) {
        let pm = half.as_str().to_lowercase().starts_with('p');
        if h == 12 {
            h = 0;
        }
        if pm {
            h += 12;
        }
    }
    NaiveTime::from_hms_opt(h, m, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn iso_dates_and_times() {
        assert_eq!(parse_iso("2026-02-04"), d(2026, 2, 4));
        assert_eq!(parse_iso("2026-02-04 11:26"), d(2026, 2, 4));
        assert_eq!(parse_iso("2026-02-04T11:26:00Z"), d(2026, 2, 4));
        assert_eq!(parse_iso("2026-02-30"), None);
        assert_eq!(parse_iso("2026-02-041"), None);
        assert_eq!(parse_time("11:26"), t(11, 26));
        assert_eq!(parse_time("11:263"), None);
        let line = read_line("2025-11-03T14:05:00+06:00").unwrap();
        assert_eq!((line.date(None), line.time), (d(2025, 11, 3), t(14, 5)));
    }

    #[test]
    fn written_date_lines_in_many_languages() {
        for (text, date) in [
            ("November 26, 2025", d(2025, 11, 26)),
            ("26 November 2025", d(2025, 11, 26)),
            ("Dec. 4, 2025", d(2025, 12, 4)),
            ("Thursday, 18 December 2025", d(2025, 12, 18)),
            ("26 ноября 2025 г.", d(2025, 11, 26)),
            ("3 листопада 2025 р.", d(2025, 11, 3)),
            ("4 лютого 2026 року", d(2026, 2, 4)),
            ("3-ноябрь 2025-жыл", d(2025, 11, 3)),
            ("2025-жылдын 3-ноябры", d(2025, 11, 3)),
            ("03.11.2025", d(2025, 11, 3)),
            ("12/31/2025", d(2025, 12, 31)),
            ("3 қараша 2025", d(2025, 11, 3)),
            ("3 kasım 2025", d(2025, 11, 3)),
            ("2025-11-26", d(2025, 11, 26)),
        ] {
            assert_eq!(parse_date_line(text), date, "{text}");
        }
    }

    #[test]
    fn labels_and_times() {
        let line = read_line("Published: 3 November 2025").unwrap();
        assert_eq!(
            (line.date(None), line.label),
            (d(2025, 11, 3), Label::Published)
        );
        let line = read_line("Опубликовано: 03.11.2025 14:05").unwrap();
        assert_eq!(
            (line.date(None), line.time, line.label),
            (d(2025, 11, 3), t(14, 5), Label::Published)
        );
        let line = read_line("Updated: Nov 4, 2025 09:00").unwrap();
        assert_eq!(line.label, Label::Updated);
        let line = read_line("Nov 3, 2025 14:05").unwrap();
        assert_eq!((line.date(None), line.time), (d(2025, 11, 3), t(14, 5)));
        let line = read_line("5 ноября 2025, 10:15").unwrap();
        assert_eq!((line.date(None), line.time), (d(2025, 11, 5), t(10, 15)));
    }

    #[test]
    fn missing_years_come_from_the_context() {
        let line = read_line("4 лютого").unwrap();
        assert_eq!(line.date(None), None);
        assert_eq!(line.date(d(2026, 1, 20)), d(2026, 2, 4));
        assert_eq!(
            read_line("Dec 30").unwrap().date(d(2026, 1, 2)),
            d(2025, 12, 30)
        );
        let today = read_line("Today, 14:05").unwrap();
        assert_eq!(
            (today.date(d(2025, 11, 3)), today.time),
            (d(2025, 11, 3), t(14, 5))
        );
    }

    #[test]
    fn sentences_and_other_lines_are_not_date_lines() {
        for text in [
            "On November 27, both presidents will meet",
            "USD 87.45",
            "May",
            "2025",
            "10:42",
            "views: 155",
            "Kyrgyzstan signs agreements with Afghanistan for $157 million",
            "18 December, Thursday 18 December",
        ] {
            assert_eq!(
                read_line(text).and_then(|l| l.date(d(2025, 1, 1))),
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn dates_inside_bylines_and_datelines() {
        for (text, date) in [
            ("By Jane Doe | Oct 4, 2018", d(2018, 10, 4)),
            ("Published 10:42 AM EST Nov 13, 2019", d(2019, 11, 13)),
            (
                "Updated 1:39 am, Tuesday, November 19, 2019",
                d(2019, 11, 19),
            ),
            ("November 19th, 2019 at 4:26 pm", d(2019, 11, 19)),
            ("Oct 4, 2018", d(2018, 10, 4)),
            (
                "By Cyrus Engineer & Sophie Alexander / Published 30th December 2014",
                d(2014, 12, 30),
            ),
            ("By Jessica Plautz2014-12-22 17:43:29 UTC", d(2014, 12, 22)),
            (
                "Veröffentlicht am 5. November 2023, 14:09 / ©5min.at",
                d(2023, 11, 5),
            ),
            ("Publicado em 22 de janeiro de 2018", d(2018, 1, 22)),
            ("PepeChan 28.oct.2012 | 11:26", d(2012, 10, 28)),
            ("Rabu, 6 Maret 2019 10:00 WIB", d(2019, 3, 6)),
            ("Опубликовано 11 октября 2019, 12:00", d(2019, 10, 11)),
            ("Publié le 05/04/2013 à 17:08", d(2013, 4, 5)),
            ("2019年11月18日 10:30", d(2019, 11, 18)),
            ("Montag, 06.11.2023", d(2023, 11, 6)),
            ("13/06/2014", d(2014, 6, 13)),
        ] {
            assert_eq!(find_in_line(text, false).map(|f| f.date), date, "{text}");
        }
    }

    #[test]
    fn numeric_order_follows_the_language_unless_a_value_decides() {
        let us = find_in_line("11/18/19", true).unwrap();
        assert_eq!(
            (us.date, us.order),
            (d(2019, 11, 18).unwrap(), NumericOrder::Certain)
        );
        let uk = find_in_line("11/18/19", false).unwrap();
        assert_eq!(uk.date, d(2019, 11, 18).unwrap(), "18 cannot be a month");
        let ambiguous = find_in_line("postado em 04/05/2022 05:49", false).unwrap();
        assert_eq!(
            (ambiguous.date, ambiguous.order),
            (d(2022, 5, 4).unwrap(), NumericOrder::ByLanguage)
        );
        assert_eq!(
            find_in_line("Posted 04/05/2022", true).unwrap().date,
            d(2022, 4, 5).unwrap()
        );
    }

    #[test]
    fn labels_and_times_inside_lines() {
        let f = find_in_line("Published: Jan. 14, 2015 Updated: 4:49 p.m.", false).unwrap();
        assert_eq!(f.label, Label::Published);
        let f = find_in_line("Zuletzt geändert: Nov 7, 2023, 8:54 AM GMT+1", false).unwrap();
        assert_eq!((f.label, f.time), (Label::Updated, t(8, 54)));
        let f = find_in_line("By Paul Ausick December 29, 2014 4:08 pm EST", false).unwrap();
        assert_eq!((f.date, f.time), (d(2014, 12, 29).unwrap(), t(16, 8)));
    }

    #[test]
    fn no_date_inside_long_sentences_or_plain_numbers() {
        for text in [
            "Call 555-12-34 for tickets",
            "The 2014 season ended with 12 wins",
            "Scores: 3/4 and 5/6",
            "On November 27, 2025, both presidents met in Bishkek to sign the long-awaited agreement on water, energy, transport, trade and border crossings, officials said on Thursday",
        ] {
            assert_eq!(find_in_line(text, false), None, "{text}");
        }
    }
}
