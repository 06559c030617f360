//! Dates as news sites write them: ISO (`2026-02-04`), English (`November 26, 2025`,
//! `26 November 2025`, `Dec. 4, 2025`), Russian and Ukrainian month names in their case forms
//! (`26 ноября 2025`, `4 лютого 2026`).

use chrono::{NaiveDate, NaiveTime};

/// Month names and their forms, lower case, with the month number. Longest forms first is not
/// needed: matching is on whole words.
const MONTHS: &[(&str, u32)] = &[
    // English, full and abbreviated.
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // Russian: nominative and genitive.
    ("январь", 1),
    ("января", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("март", 3),
    ("марта", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июль", 7),
    ("июля", 7),
    ("август", 8),
    ("августа", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("декабрь", 12),
    ("декабря", 12),
    // Ukrainian: nominative and genitive.
    ("січень", 1),
    ("січня", 1),
    ("лютий", 2),
    ("лютого", 2),
    ("березень", 3),
    ("березня", 3),
    ("квітень", 4),
    ("квітня", 4),
    ("травень", 5),
    ("травня", 5),
    ("червень", 6),
    ("червня", 6),
    ("липень", 7),
    ("липня", 7),
    ("серпень", 8),
    ("серпня", 8),
    ("вересень", 9),
    ("вересня", 9),
    ("жовтень", 10),
    ("жовтня", 10),
    ("листопад", 11),
    ("листопада", 11),
    ("грудень", 12),
    ("грудня", 12),
];

/// The month number of a month word (`"Nov."`, `"ноября"`), if it is one.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
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

/// `HH:MM` at the start of `text`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let head = text.trim().get(..5)?;
    NaiveTime::parse_from_str(head, "%H:%M").ok()
}

/// A line that is nothing but a written date: `November 26, 2025`, `26 November 2025`,
/// `26 ноября 2025 г.`, `4 лютого 2026 року`, `2025-11-26`. Weekday names around it are allowed
/// (`Thursday, 18 December 2025`).
pub fn parse_date_line(line: &str) -> Option<NaiveDate> {
    if let Some(date) = parse_iso(line).filter(|_| line.trim().len() <= 25) {
        return Some(date);
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let (mut day, mut month, mut year) = (None, None, None);
    for word in &words {
        let clean = word.trim_end_matches('.');
        if let Ok(n) = clean.parse::<u32>() {
            match n {
                1..=31 if day.is_none() => day = Some(n),
                1900..=2200 if year.is_none() => year = Some(n as i32),
                _ => return None,
            }
        } else if let Some(m) = month_number(clean) {
            month = Some(m);
        } else if !is_filler(clean) {
            return None;
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

/// Words a date line may carry besides the date itself.
fn is_filler(word: &str) -> bool {
    const FILLER: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "г",
        "года",
        "год",
        "р",
        "року",
        "рік",
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
        "понеділок",
        "вівторок",
        "середа",
        "четвер",
        "пʼятниця",
        "п'ятниця",
        "субота",
        "неділя",
        "of",
        "the",
    ];
    FILLER.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso("2026-02-04"), d(2026, 2, 4));
        assert_eq!(parse_iso("2026-02-04 11:26"), d(2026, 2, 4));
        assert_eq!(parse_iso("2026-02-04T11:26:00Z"), d(2026, 2, 4));
        assert_eq!(parse_iso("2026-02-30"), None);
        assert_eq!(parse_iso("2026-02-041"), None);
        assert_eq!(parse_time("11:26"), NaiveTime::from_hms_opt(11, 26, 0));
    }

    #[test]
    fn written_date_lines() {
        assert_eq!(parse_date_line("November 26, 2025"), d(2025, 11, 26));
        assert_eq!(parse_date_line("26 November 2025"), d(2025, 11, 26));
        assert_eq!(parse_date_line("Dec. 4, 2025"), d(2025, 12, 4));
        assert_eq!(
            parse_date_line("Thursday, 18 December 2025"),
            d(2025, 12, 18)
        );
        assert_eq!(parse_date_line("26 ноября 2025 г."), d(2025, 11, 26));
        assert_eq!(parse_date_line("4 лютого 2026 року"), d(2026, 2, 4));
        assert_eq!(parse_date_line("2025-11-26"), d(2025, 11, 26));
    }

    #[test]
    fn sentences_are_not_date_lines() {
        assert_eq!(
            parse_date_line("On November 27, both presidents will meet"),
            None
        );
        assert_eq!(parse_date_line("18 December, Thursday"), None); // no year: a ticker heading
        assert_eq!(parse_date_line("USD 87.45"), None);
        assert_eq!(parse_date_line("May"), None);
    }
}
