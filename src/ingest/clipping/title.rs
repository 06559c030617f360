//! The headline of a clipping, chosen among the lines above the story by evidence.
//!
//! A copied page has many title-like lines before its story: menu items, the site's name,
//! search and login prompts, teaser headlines of other stories, a breadcrumb, the headline,
//! a standfirst, a photo caption. Taking the nearest one picks the byline, the standfirst or
//! a caption as often as the headline. Instead every line is scored on general features:
//!
//! - a byline or date line just below it (or a date just above it) is the strongest sign;
//! - it is near the story start, and its neighbours are not a list of other headlines;
//! - it has a headline's shape: a few words, capitalised, no final full stop;
//! - the page echoes it (a breadcrumb ending in it, the headline printed twice);
//! - a standfirst (a sentence after the headline, sharing the lead's words) is not a title.
//!
//! Lines that recur across the site's clippings are chrome and never candidates.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::byline::{starts_byline, Dated};
use super::{
    classify, ends_sentence, has_function_word, is_byline, is_list_item, is_plain_chrome,
    looks_like_menu, words, Kind, CLOCK,
};

/// Non-blank lines below a headline within which its byline or date appears.
const CONFIRM_WITHIN: usize = 5;
/// Non-blank lines below a headline in which its story's first paragraphs appear.
const STORY_LOOKAHEAD: usize = 12;

/// The headline's line index, when a line is good enough to be one.
pub(super) fn choose(
    lines: &[String],
    kinds: &[Kind],
    dated: &[Option<Dated>],
    site_chrome: &HashSet<String>,
    start: usize,
) -> Option<usize> {
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| kinds[i] != Kind::Blank)
        .collect();
    let start_rank = non_blank
        .iter()
        .position(|&i| i >= start)
        .unwrap_or(non_blank.len());
    // Story words from each line on: a headline inside what was taken for the story must have
    // most of the story after it (the start ran over a teaser paragraph above the headline).
    let mut prose_after = vec![0usize; non_blank.len() + 1];
    for r in (0..non_blank.len()).rev() {
        let i = non_blank[r];
        let own = if kinds[i] == Kind::Prose {
            words(&lines[i])
        } else {
            0
        };
        prose_after[r] = prose_after[r + 1] + own;
    }
    let story_total = prose_after[start_rank];
    let lowered: Vec<String> = lines.iter().map(|l| l.to_lowercase()).collect();
    let owners: Vec<&str> = lowered
        .iter()
        .filter(|l| l.contains('©') || l.contains("copyright"))
        .map(String::as_str)
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in &lowered {
        *counts.entry(line.as_str()).or_default() += 1;
    }
    // A date under a headline in a list of headlines with dates ("Related": headline, date,
    // headline, date) confirms nothing.
    let listed = listed_dates(&non_blank, dated);
    let dated_at = |r: usize| dated[non_blank[r]].is_some() && !listed[r];
    // An author's name alone on a line, with the date under it, is a byline too.
    let name_over_date = |r: usize| {
        is_name(&lines[non_blank[r]]) && (r + 1..(r + 3).min(non_blank.len())).any(dated_at)
    };
    let evidence =
        |r: usize| dated_at(r) || is_author_line(&lines[non_blank[r]]) || name_over_date(r);

    let mut best: Option<(f32, usize)> = None;
    let mut in_list = false;
    for (r, &i) in non_blank.iter().enumerate() {
        if kinds[i] == Kind::Section {
            in_list = true;
        }
        let line = &lines[i];
        // The site's own name, as its copyright line spells it.
        if words(line) <= 4 && owners.iter().any(|o| o.contains(lowered[i].as_str())) {
            continue;
        }
        let twice = counts.get(lowered[i].as_str()).is_some_and(|&c| c >= 2);
        if !eligible(line, kinds[i], site_chrome, twice) || dated[i].is_some() || name_over_date(r)
        {
            continue;
        }
        let prev = r.checked_sub(1).map(|p| non_blank[p]);
        if prev.is_some_and(|p| CLOCK.is_match(&lines[p])) {
            continue; // a ticker item: "10:23" then its headline
        }
        // The byline or date under the headline. In a list of headlines, not past another
        // headline-shaped line (the byline is that one's; a longer standfirst is fine).
        let n = words(line);
        let below_end = (r + 1 + CONFIRM_WITHIN).min(non_blank.len());
        let mut confirmed_below = None;
        for (k, &j) in non_blank.iter().enumerate().take(below_end).skip(r + 1) {
            if evidence(k) {
                confirmed_below = Some(k - r - 1);
                break;
            }
            let rival = plausible_above(&lines[j], kinds[j], site_chrome)
                && words(&lines[j]) >= 4
                && words(&lines[j]) <= n + 3;
            if rival && in_list {
                break;
            }
        }
        // A date (or a byline) printed right over the headline.
        let confirmed_above = r > 0 && evidence(r - 1);
        let confirmed = confirmed_below.is_some() || confirmed_above;
        // Unconfirmed, a line is a headline by its shape alone: a first paragraph that reads
        // as a lead sentence (long, or ending with a full stop) stays in the body.
        if !confirmed && !crate::ingest::headline::looks_like_headline(line) {
            continue;
        }
        // A short line (a label, a widget) is a headline only with its byline or date.
        if !confirmed && n < 4 && !is_cjk(line) {
            continue;
        }
        let inside = r >= start_rank;
        if inside {
            // Inside what was taken for the story: only a headline (not a sentence) with its
            // byline or date under it and most of the story after it.
            let before = story_total - prose_after[r];
            if kinds[i] == Kind::Prose || confirmed_below.is_none() || before * 3 > prose_after[r] {
                continue;
            }
        }
        let mut score = 0.0f32;
        score += match confirmed_below {
            Some(k) => 5.0 - 0.5 * k as f32,
            None if confirmed_above => 3.5,
            None => 0.0,
        };
        // After a "Popular" or "Related" heading, only a headline with its byline or date.
        if in_list && !confirmed {
            continue;
        }
        // Near the story: the headline is the last title-like line before it (a confirmed
        // one may be farther: the story start is then often a teaser's).
        let gap = start_rank.saturating_sub(r + 1);
        score -= if confirmed { 0.05 } else { 0.25 } * gap as f32;
        if gap == 0 {
            score += 0.5;
        }
        // The story follows: story paragraphs among the next lines (a teaser has one blurb,
        // then the next teaser).
        let next_prose: usize = non_blank[r + 1..]
            .iter()
            .take(STORY_LOOKAHEAD)
            .filter(|&&j| kinds[j] == Kind::Prose)
            .map(|&j| words(&lines[j]))
            .sum();
        score += (next_prose as f32 / 100.0).min(3.0);
        let cjk = is_cjk(line);
        // Headlines say something: longer than section labels and kickers, up to a point.
        let size = if cjk { line.chars().count() / 3 } else { n };
        score += 0.15 * size.min(12) as f32 - if size > 24 { 1.0 } else { 0.0 };
        if ends_sentence(line) && !line.ends_with(['?', '!']) {
            score -= 1.0;
        }
        if capitalised_share(line) >= 0.6 {
            score += 0.5;
        }
        if !line.chars().any(char::is_lowercase) {
            // TAGS, SITE NAMES OR SECTION LABELS IN CAPITALS
            score -= if n > 3 { 2.5 } else { 1.5 };
        }
        match echoes(&lowered, i) {
            1 => score += 1.5,
            0 => {}
            _ => score -= 2.0, // printed again and again: a label, a site or section name
        }
        // Among other headlines (a teaser list, a playlist): both neighbours read as headlines.
        let headline_like = |j: Option<usize>| {
            j.is_some_and(|j| {
                matches!(kinds[j], Kind::Headline | Kind::Prose)
                    && words(&lines[j]) >= 4
                    && dated[j].is_none()
            })
        };
        let next = non_blank.get(r + 1).copied();
        if !confirmed && headline_like(prev) && headline_like(next) {
            score -= 2.0;
        }
        // The second line of a header block, under the headline: a standfirst, a caption, a
        // label, the author's name. The line above is a plausible headline at least as long.
        if let Some(p) = prev.filter(|&p| plausible_above(&lines[p], kinds[p], site_chrome)) {
            let above = words(&lines[p]);
            if above >= 5 || above + 1 >= n || n > above + 3 || ends_sentence(line) || is_name(line)
            {
                score -= 1.5;
            }
        }
        if FURNITURE_WORDS.iter().any(|w| lowered[i].contains(w)) {
            score -= 2.0;
        }
        if is_widget(&lowered[i]) {
            score -= 2.0;
        }
        if is_name(line) {
            score -= 2.0; // an author's name, under or over the headline
        }
        // After menus: the lines above are short labels.
        let menu_above = non_blank[..r]
            .iter()
            .rev()
            .take(2)
            .filter(|&&j| words(&lines[j]) <= 3 && dated[j].is_none())
            .count()
            == 2;
        if menu_above {
            score += 0.5;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.filter(|&(score, _)| score > -3.0).map(|(_, i)| i)
}

/// A line above a candidate that could itself be the headline (so the candidate is the
/// second line of the header block).
fn plausible_above(line: &str, kind: Kind, site_chrome: &HashSet<String>) -> bool {
    eligible(line, kind, site_chrome, false)
        && words(line) >= 3
        && !ends_sentence(line)
        && line.chars().any(char::is_lowercase)
        && !is_author_line(line)
        && {
            let lower = line.to_lowercase();
            !FURNITURE_WORDS.iter().any(|w| lower.contains(w))
        }
}

/// For each non-blank line, whether its date is one of a list's: another unlabelled date
/// two to four lines away, with headline-sized lines between (a related-stories list).
fn listed_dates(non_blank: &[usize], dated: &[Option<Dated>]) -> Vec<bool> {
    let plain = |r: usize| {
        dated[non_blank[r]].is_some_and(|d| d.line.label == super::super::dates::Label::Plain)
    };
    (0..non_blank.len())
        .map(|r| {
            plain(r)
                && (2..=4).any(|k| {
                    (r >= k && plain(r - k) && !plain(r - 1))
                        || (r + k < non_blank.len() && plain(r + k) && !plain(r + 1))
                })
        })
        .collect()
}

/// Words of prompts, legal links and advertising, which headlines rarely use.
#[rustfmt::skip]
const FURNITURE_WORDS: &[&str] = &[
    "newsletter", "subscribe", "sign in", "log in", "terms & conditions", "terms of use",
    "privacy", "cookie", "advertis", "download the", "app store", "google play", "rss",
    "подпис", "рассылк", "реклам", "abonn", "anmeld", "werbung", "suscr", "publicidad",
];

/// Words of buttons and players, in several languages: a short line with one is a widget
/// ("Auf Facebook teilen", "Play / pause", "Close this search box.", "Descarga la App").
#[rustfmt::skip]
const WIDGET_WORDS: &[&str] = &[
    "share", "teilen", "compartir", "partager", "compartilhe", "compartilhar", "condividi",
    "play", "pause", "close", "search", "suche", "buscar", "rechercher", "pesquisar", "app",
    "download", "descarga", "descargar", "télécharger", "herunterladen", "baixe", "apoie",
    "werben", "click", "klicken", "tap", "select", "selecionar", "seleccionar", "upload",
    "enviar", "send", "senden", "envoyer", "print", "drucken", "imprimir", "imprimer", "video",
    "audio", "поделиться", "поділитися", "скачать", "завантажити", "слушать",
    "смотреть", "min", "servings", "prep", "total", "email", "e-mail", "follow", "comment",
    "comments",
];

/// A short line with a button's or a player's word.
fn is_widget(lower: &str) -> bool {
    words(lower) <= 6
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| WIDGET_WORDS.contains(&w))
}

/// A person's name on its own line: two to four capitalised words, nothing else.
fn is_name(line: &str) -> bool {
    let n = words(line);
    (2..=4).contains(&n)
        && capitalised_share(line) == 1.0
        && !line.chars().any(|c| c.is_ascii_digit())
        && !has_function_word(&line.to_lowercase())
        && !line.contains(':')
}

/// A byline naming the story's author: "By Jane Doe", "Jane Doe, Agency By Jane Doe,
/// Agency" (a name printed twice), "Jane Doe, The Agency". It confirms the headline above it.
fn is_author_line(line: &str) -> bool {
    static NAME_AND_PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'-]+,\s+\p{Lu}")
            .expect("valid regex")
    });
    if is_byline(line) || starts_byline(line) {
        return true;
    }
    if words(line) > 24 || ends_sentence(line) {
        return false;
    }
    (words(line) <= 12 && NAME_AND_PLACE.is_match(line))
        || line.split_once(" By ").is_some_and(|(left, right)| {
            right
                .split_whitespace()
                .next()
                .is_some_and(|name| name.len() >= 2 && left.split_whitespace().any(|w| w == name))
        })
}

/// A credit under a picture or a story: "Photographs by Jane Doe", "Text by ...".
fn is_credit_line(line: &str) -> bool {
    static CREDIT_BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:photos?|photographs?|photography|pictures|text|words|story|report|reporting|video|interview|illustrations?|written|posted|edited)\s+(?i:by)\s+\p{Lu}").expect("valid regex")
    });
    words(line) <= 16 && CREDIT_BY.is_match(line)
}

/// A line that may be a headline at all.
/// `printed_twice`: the page shows the line more than once (a headline and its echo are
/// chrome by repetition only, not as an advertisement or a widget).
fn eligible(line: &str, kind: Kind, site_chrome: &HashSet<String>, printed_twice: bool) -> bool {
    let n = words(line);
    let cjk = is_cjk(line);
    let sized = (2..=30).contains(&n) || (cjk && (6..=100).contains(&line.chars().count()));
    if !sized || site_chrome.contains(line) || is_author_line(line) || is_credit_line(line) {
        return false;
    }
    // SITE NAMES AND SECTION LABELS in capitals ("TRAVEL", "LIVE SCORES").
    if n <= 3 && !line.chars().any(char::is_lowercase) {
        return false;
    }
    // A time and what follows it ("1:26 pm ET"): a ticker or a byline's time.
    if line
        .split_whitespace()
        .next()
        .is_some_and(|w| CLOCK.is_match(w.trim_end_matches(',')))
    {
        return false;
    }
    // A weather widget: "Baku +14°C".
    if line.contains('°') && n <= 4 {
        return false;
    }
    if line.ends_with(':') || is_list_item(line) || line.ends_with("...") || line.ends_with('…') {
        return false;
    }
    // "WASHINGTON — The Globe and Mail": a dateline with the agency.
    static DATELINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\p{Lu}{3,}[\p{Lu} ,.]*\s[—–-]\s").expect("valid regex"));
    if DATELINE.is_match(line) {
        return false;
    }
    // A breadcrumb ending in the headline: "Home > News > Headline".
    if [" > ", " › ", " » ", " / "]
        .iter()
        .any(|sep| line.matches(sep).count() >= 2)
    {
        return false;
    }
    // "« Previous post", "Next post »": links to the neighbouring stories.
    if line.starts_with(['«', '‹']) || line.ends_with(['»', '›']) {
        return false;
    }
    if crate::ingest::headline::is_caption(line) {
        return false;
    }
    // Headlines start with a capital (where the script has them) or a digit or a quote.
    if line
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
    {
        return false;
    }
    match kind {
        Kind::Headline => true,
        // Chrome only because it is printed twice (the headline and its echo), or because a
        // title-case headline without function words reads like a menu.
        Kind::Chrome => {
            (classify(line) == Kind::Headline && printed_twice) || {
                let lower = line.to_lowercase();
                // Title Case is an English habit: a short Latin-script line of capitalised
                // words may be a headline; elsewhere, or longer, it is a menu.
                looks_like_menu(line, &lower)
                    && !is_plain_chrome(line, &lower)
                    && n <= 6
                    && line.chars().all(|c| !c.is_alphabetic() || c.is_ascii())
            }
        }
        // A headline that happens to end with a full stop or a question mark.
        Kind::Prose => n <= 20,
        _ => false,
    }
}

/// Share of the words that start with a capital letter (title case).
pub(super) fn capitalised_share(line: &str) -> f32 {
    let alpha: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if alpha.is_empty() {
        return 0.0;
    }
    let caps = alpha
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    caps as f32 / alpha.len() as f32
}

/// How often the page repeats the line elsewhere: printed twice, the end of a breadcrumb
/// ("Home > News > Headline") or a shortened copy ("Headline that goes on ...") nearby.
fn echoes(lowered: &[String], i: usize) -> usize {
    let me = lowered[i].as_str();
    if words(me) < 3 {
        return 0;
    }
    lowered
        .iter()
        .enumerate()
        .filter(|&(j, other)| {
            if j == i || other.is_empty() {
                return false;
            }
            if other == me {
                return true;
            }
            let near = j.abs_diff(i) <= 4;
            let breadcrumb = other.len() > me.len()
                && other.ends_with(me)
                && other[..other.len() - me.len()]
                    .trim_end()
                    .ends_with(['>', '/', '»', '›', '|']);
            let shortened = other
                .strip_suffix("...")
                .or_else(|| other.strip_suffix('…'))
                .map(str::trim_end)
                .is_some_and(|s| words(s) >= 3 && me.starts_with(s));
            near && (breadcrumb || shortened)
        })
        .count()
}

/// Chinese, Japanese or Thai text, where words are not separated by spaces.
fn is_cjk(line: &str) -> bool {
    line.chars().any(|c| {
        matches!(c as u32, 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F)
    })
}
