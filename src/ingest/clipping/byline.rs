//! The publication date of a clipping, read from the lines around its headline.
//!
//! A copied page shows many dates: the site header's "today", the headline's byline or dateline
//! ("By Jane Doe | Oct 4, 2018", "Published 10:42 AM EST Nov 13, 2019"), an "Updated" line,
//! dates inside the story, reader comments with their times, and a related-articles list with
//! a date under each headline. Only the byline/dateline belongs to the story, and it sits in
//! the *header zone*: a few lines above the headline and the lines below it down to the first
//! story paragraphs. Dates elsewhere are ignored here (the trailing lines and the story's
//! dateline are tried by the caller when the zone has none).
//!
//! Numeric dates (`04/05/2022`) are read day-first or month-first: by the page's own
//! unambiguous numeric dates when it has some (`13/06/2014` settles day-first), else by its
//! language (English pages month-first). A date read by such a guess says so in its origin.

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use super::super::dates::{self, DateLine, Found, Label, NumericOrder};
use super::{is_prose, words, DateOrigin, Kind};

/// A line of the clipping that states a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dated {
    /// The date as read (a missing year is filled in from the context later).
    pub line: DateLine,
    /// The date is all the line says (`Oct 4, 2018`), not part of a byline.
    pub alone: bool,
    /// Day and month order came from the page's language, not from the values.
    pub guessed: bool,
}

/// A publication date candidate, ranked: lower `rank` is better evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Candidate {
    pub line: DateLine,
    pub origin: DateOrigin,
    pub rank: u8,
}

/// Longest line searched for a date (bylines are short; story sentences are not searched).
const MAX_LINE_CHARS: usize = 160;
/// Non-blank lines above the headline that still belong to its header (a date over the title).
const ABOVE: usize = 4;
/// Non-blank lines below the headline searched for its byline.
const BELOW: usize = 14;
/// Story paragraphs passed below the headline before the search stops (bylines come after a
/// standfirst or the first paragraph, never deep in the story).
const PROSE_PASSED: usize = 3;

/// Read the date stated by every line that can carry one (a date line, a byline, a
/// dateline), once per clipping. Story sentences are skipped unless labelled
/// ("Published ..."), so a date the story mentions is never its publication date.
pub(super) fn dated_lines(lines: &[String], kinds: &[Kind]) -> Vec<Option<Dated>> {
    let month_first = month_first(lines);
    lines
        .iter()
        .zip(kinds)
        .map(|(line, &kind)| {
            if line.is_empty() || matches!(kind, Kind::Field | Kind::Section) {
                return None;
            }
            let line = undoubled(line);
            if !line.bytes().any(|b| b.is_ascii_digit()) || line.chars().count() > MAX_LINE_CHARS {
                return None;
            }
            if kind == Kind::Date {
                // A line that is nothing but a date: the line reader also knows dates without
                // a year ("4 лютого") and "Today, 14:05"; the phrase finder settles the order
                // of numeric ones.
                let found = dates::find_in_line(line, month_first);
                if let Some(found) = found.filter(|f| f.order == NumericOrder::ByLanguage) {
                    return Some(from_found(found, true));
                }
                return dates::read_line(line).map(|line| Dated {
                    line,
                    alone: true,
                    guessed: false,
                });
            }
            // An embedded post's signature ("— Name (@handle) December 22, 2014") dates the
            // post, a photo caption the photo, not the story.
            if line.contains("(@") || crate::ingest::headline::is_caption(line) {
                return None;
            }
            let found = dates::find_in_line(line, month_first)?;
            // A story sentence mentions dates; a short sentence that is mostly a date
            // ("Miércoles, 4 de Mayo de 2022 a las 07:46hrs.") is a dateline.
            if is_prose(line)
                && found.label == Label::Plain
                && !starts_byline(line)
                && !(words(line) <= 10 && opens_with_date(line))
            {
                return None;
            }
            // A date with at most a weekday or a label around it stands alone; a name or a
            // site beside it makes a byline.
            let letters = line.chars().filter(|c| c.is_alphabetic()).count();
            let alone = letters <= 16 && !starts_byline(line) && !line.contains('|');
            Some(from_found(found, alone))
        })
        .collect()
}

/// Weekdays that open a dateline, in the languages of `data/date-months.tsv` and the code's.
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes",
    "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "domingo", "segunda-feira",
    "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
];

/// A line that opens with a date: a number, a month or a weekday first.
fn opens_with_date(line: &str) -> bool {
    let first = line
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.'])
        .to_lowercase();
    first.starts_with(|c: char| c.is_ascii_digit())
        || dates::month_number(&first).is_some()
        || WEEKDAYS.contains(&first.as_str())
}

fn from_found(found: Found, alone: bool) -> Dated {
    Dated {
        line: DateLine {
            year: Some(found.date.year()),
            month_day: Some((found.date.month(), found.date.day())),
            time: found.time,
            today: false,
            label: found.label,
        },
        alone,
        guessed: found.order == NumericOrder::ByLanguage,
    }
}

/// A line that opens like a byline: "By ...", "Von ...", "Por ...", "Автор: ...".
pub(super) fn starts_byline(line: &str) -> bool {
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:by|von|por|par|di|door|av|af|автор|авторы|posted by|written by|text by|words by)\s*:?\s+\p{Lu}")
            .expect("valid regex")
    });
    OPENING.is_match(line) && words(line) <= 20
}

/// The date candidates of the header zone around the headline at `title` (or, without a
/// headline, around the story start; never past the story's `end`), best first: below the headline before above it, nearer
/// before farther.
pub(super) fn header_candidates(
    lines: &[String],
    kinds: &[Kind],
    dated: &[Option<Dated>],
    title: Option<usize>,
    (start, end): (usize, usize),
) -> Vec<Candidate> {
    let anchor = title.unwrap_or(start);
    let mut zone = Vec::new();
    // Below the headline (or from the story start): bylines come after a standfirst, a photo
    // caption, share buttons; stop after a few story paragraphs or at furniture.
    let from = if title.is_some() { anchor + 1 } else { anchor };
    let (mut seen, mut prose) = (0, 0);
    // Dates after the story's end are the trailing lines' (the caller's), not the header's.
    for i in from..=end.min(lines.len().saturating_sub(1)) {
        if kinds[i] == Kind::Blank {
            continue;
        }
        if kinds[i] == Kind::Section || seen >= BELOW || prose >= PROSE_PASSED {
            break;
        }
        seen += 1;
        if kinds[i] == Kind::Prose && dated[i].is_none() {
            prose += 1;
        }
        zone.push(i);
    }
    // Above it: a date printed over the headline, but not the site header's "today" in a menu
    // (a date line among menu items is the header's, not the story's).
    let mut above = 0;
    for i in (0..anchor).rev() {
        if kinds[i] == Kind::Blank {
            continue;
        }
        above += 1;
        if above > ABOVE || matches!(kinds[i], Kind::Prose | Kind::Section) {
            break;
        }
        if dated[i].is_some() && !among_menu(lines, kinds, i) {
            zone.push(i);
        }
    }
    zone.into_iter()
        .filter_map(|i| {
            let d = dated[i]?;
            let origin = match (d.line.label, d.guessed, d.alone) {
                (Label::Updated, _, _) => DateOrigin::UpdatedLine,
                (_, true, _) => DateOrigin::GuessedOrder,
                (Label::Published, _, _) => DateOrigin::PublishedLine,
                (Label::Plain, _, true) => DateOrigin::HeaderLine,
                (Label::Plain, _, false) => DateOrigin::BylineLine,
            };
            let rank = match d.line.label {
                Label::Published => 1,
                Label::Plain => 2,
                Label::Updated => 9,
            };
            Some(Candidate {
                line: d.line,
                origin,
                rank,
            })
        })
        .collect()
}

/// Dates standing alone or in a byline anywhere above the story, nearest first, when the
/// header zone had none: not among menu items (the site header's "today") and not one of a
/// list of dated headlines.
pub(super) fn earlier_candidates(
    lines: &[String],
    kinds: &[Kind],
    dated: &[Option<Dated>],
    start: usize,
) -> Vec<Candidate> {
    let non_blank: Vec<usize> = (0..start.min(lines.len()))
        .filter(|&i| kinds[i] != Kind::Blank)
        .collect();
    let is_dated = |r: usize| dated[non_blank[r]].is_some();
    (0..non_blank.len())
        .rev()
        .filter(|&r| is_dated(r))
        .filter(|&r| {
            // In a list: other dates two to four lines away with something between.
            !(2..=4).any(|k| {
                (r >= k && is_dated(r - k) && !is_dated(r - 1))
                    || (r + k < non_blank.len() && is_dated(r + k) && !is_dated(r + 1))
            })
        })
        .filter(|&r| !among_menu(lines, kinds, non_blank[r]))
        .filter_map(|r| {
            let d = dated[non_blank[r]]?;
            (d.line.label != Label::Updated).then_some(Candidate {
                line: d.line,
                origin: if d.guessed {
                    DateOrigin::GuessedOrder
                } else {
                    DateOrigin::HeaderLine
                },
                rank: 6,
            })
        })
        .collect()
}

/// A line between menu items: both neighbours are one- or two-word labels.
fn among_menu(lines: &[String], kinds: &[Kind], i: usize) -> bool {
    let menu_like = |j: Option<usize>| {
        j.is_some_and(|j| {
            matches!(kinds[j], Kind::Headline | Kind::Chrome)
                && words(&lines[j]) <= 2
                && !lines[j].bytes().any(|b| b.is_ascii_digit())
        })
    };
    let prev = (0..i).rev().find(|&j| kinds[j] != Kind::Blank);
    let next = (i + 1..lines.len()).find(|&j| kinds[j] != Kind::Blank);
    menu_like(prev) && menu_like(next)
}

/// `22/04/202222/04/2022` -> `22/04/2022`: a date copied twice without a space (a visible
/// and a hidden copy of the same element).
fn undoubled(line: &str) -> &str {
    let len = line.len();
    if len >= 12 && len.is_multiple_of(2) {
        if let (Some(a), Some(b)) = (line.get(..len / 2), line.get(len / 2..)) {
            if a == b {
                return a;
            }
        }
    }
    line
}

/// Whether ambiguous numeric dates of this clipping read month-first: its own unambiguous
/// numeric dates decide (`13/06/2014` day-first, `11/18/19` month-first); without them,
/// English text reads month-first and every other language day-first.
fn month_first(lines: &[String]) -> bool {
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d])(\d{1,2})[./](\d{1,2})[./](?:\d{4}|\d{2})(?:[^\d]|$)")
            .expect("valid regex")
    });
    let (mut day_first, mut month_first) = (0, 0);
    let mut english = 0;
    let mut counted = 0;
    for line in lines {
        if line.len() <= MAX_LINE_CHARS && line.bytes().any(|b| b.is_ascii_digit()) {
            for caps in NUMERIC.captures_iter(line) {
                let (a, b): (u32, u32) = match (caps[1].parse(), caps[2].parse()) {
                    (Ok(a), Ok(b)) => (a, b),
                    _ => continue,
                };
                match (a, b) {
                    (13..=31, 1..=12) => day_first += 1,
                    (1..=12, 13..=31) => month_first += 1,
                    _ => {}
                }
            }
        }
        if counted < 2000 && is_prose(line) {
            for w in line.split_whitespace() {
                counted += 1;
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                if matches!(
                    w.as_str(),
                    "the" | "and" | "of" | "to" | "is" | "that" | "with" | "for" | "was"
                ) {
                    english += 1;
                }
            }
        }
    }
    if day_first != month_first {
        return month_first > day_first;
    }
    counted > 0 && english * 100 >= counted * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(super::super::normalise_line).collect()
    }

    #[test]
    fn english_pages_read_numeric_dates_month_first_unless_the_page_says_otherwise() {
        let story = "The minister said that the talks with the delegation were useful and that the next round is planned for the spring.";
        assert!(month_first(&lines(story)));
        assert!(!month_first(&lines(&format!("{story}\nPosted 13/06/2014"))));
        assert!(!month_first(&lines(
            "Der Minister sagte, die Gespräche seien nützlich gewesen und würden fortgesetzt."
        )));
        assert!(month_first(&lines(
            "Le ministre a dit que les pourparlers ont été utiles.\n11/18/19"
        )));
    }

    #[test]
    fn doubled_dates_are_read_once() {
        assert_eq!(undoubled("22/04/202222/04/2022"), "22/04/2022");
        assert_eq!(undoubled("22/04/2022"), "22/04/2022");
    }

    #[test]
    fn byline_openings_in_several_languages() {
        for line in [
            "By Jane Doe | Oct 4, 2018",
            "Von Jan Kupitz | Oct 24, 2023",
            "Por Adriano Fernandes | 03/05/2022 20:36",
            "par Didier Roy, 21 juin 2018",
            "Автор: Иван Петров",
        ] {
            assert!(starts_byline(line), "{line}");
        }
        for line in ["Bystander footage shows the crash", "by the way, it rained"] {
            assert!(!starts_byline(line), "{line}");
        }
    }
}
