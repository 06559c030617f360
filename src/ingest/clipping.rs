//! Plain-text clippings (`.txt`), as pasted from news sites.
//!
//! A clipping is a story with site furniture around it, and sometimes inside it. Rather than
//! knowing sites, the parser classifies each line by general features and keeps what reads as
//! a story:
//!
//! 1. A ` date YYYY-MM-DD[ HH:MM]` marker is taken off the first line.
//! 2. Every line is classified: prose (ends like a sentence), headline-like, a date line,
//!    a field (`link:`, `views:`, `Source:`), a section heading that opens page furniture
//!    (`Related`, `Read more`, `Читайте также`), or chrome by its features (tickers, share
//!    rows, cookie banners, menus and breadcrumbs, copyright, subscription prompts, photo
//!    credits, counters, lines repeated within the file or across many files of the site).
//! 3. The story core runs from the first to the last prose line, cut where a furniture section
//!    is followed by little prose (a "Related" list whose headlines happen to end in a period).
//! 4. Above the core: the title (the last headline-like line), a byline, dates. Below it: the
//!    publication date, the site name, the article URL.
//! 5. Inside the core, chrome lines are dropped and the rest becomes paragraphs and list items.
//!
//! Every dropped line is kept in `removed`, so `inspect` shows what went and nothing is lost
//! unseen.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use regex::Regex;

use super::dates::{self, DateLine, Label};
use super::{Block, BlockKind};

mod byline;
mod source;
mod story;
mod title;

use byline::Candidate;
use source::{agency_of, source_from_chrome, split_site_suffix};
use story::story_core;

/// What the parser made of a clipping.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Clipping {
    /// A title line found above the body.
    pub title: Option<String>,
    /// Publication date and where it came from.
    pub date: Option<(NaiveDate, DateOrigin)>,
    /// Time of day.
    pub time: Option<NaiveTime>,
    /// Site or agency name.
    pub source_name: Option<String>,
    /// URL of the article.
    pub url: Option<String>,
    /// A dateline opening the story ("BISHKEK, Kyrgyzstan, December 4.").
    pub dateline: Option<String>,
    /// Clean body.
    pub blocks: Vec<Block>,
    /// Lines dropped as site chrome, in file order.
    pub removed: Vec<String>,
    /// True when no line of the file reads as story text.
    pub no_story: bool,
    /// Characters of sentence-like lines among `removed`: story text the parser may have cut
    /// (headline lists and widgets do not count).
    pub removed_prose: usize,
    /// Characters of sentence-like lines kept.
    pub kept_prose: usize,
    /// A ` date ` marker whose date does not exist (`2026-13-45`), taken off the text.
    pub bad_marker: Option<String>,
}

/// Where a clipping's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrigin {
    /// The ` date ` marker.
    Marker,
    /// A "Published: ..." line.
    PublishedLine,
    /// A date line above the story.
    HeaderLine,
    /// A date line after the story.
    TrailingLine,
    /// An "Updated: ..." line (nothing better was found).
    UpdatedLine,
    /// The story's dateline ("BISHKEK, Nov 3 (Reuters)").
    Dateline,
    /// A date inside a byline or dateline line by the headline ("By Jane Doe | Oct 4, 2018").
    BylineLine,
    /// A numeric date by the headline whose day and month could be either way round
    /// (`04/05/2022`), read in the order of the page's language: worth checking.
    GuessedOrder,
}

/// How a line reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    /// Ends like a sentence: story text.
    Prose,
    /// A short line without a full stop: a title, a headline in a list, a label.
    Headline,
    /// A date (with labels/time) and nothing else.
    Date,
    /// `link: URL`, `views: 155`, `Source: X`.
    Field,
    /// `Related`, `Read more`, `Tags:`...: page furniture starts here.
    Section,
    /// Recognised furniture: tickers, share rows, banners, menus, counters, credits.
    Chrome,
    /// A lone list marker (`-`, `•`).
    Bullet,
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?\b\s*(.*)$")
        .expect("valid regex")
});
/// `link: https://...`, `views: 155`, `Source: Kabar`.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(link|url|source|views|просмотр\w*|перегляд\w*|источник|джерело|булак|ссылка|посилання|шилтеме|адрес)\s*:\s*(.*)$")
        .expect("valid regex")
});
/// `USD 87.45`, `EUR 102.48 ▲`, `RUB 1.10`: currency tickers.
static TICKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]{3}\s*[\d.,]+\s*[▲▼↑↓%+\-\d.,\s]*$").expect("valid regex"));
/// `CentralasianLIGHT.org`, `www.akipress.com`: a bare site name.
static SITE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:https?://)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-zA-Z\p{L}]{2,}/?$")
        .expect("valid regex")
});
/// `© 2025 AKIpress`, `All rights reserved`, `Все права защищены`.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(©|\(c\)\s*\d{4}|all rights reserved|все права защищены|усі права захищені|бардык укуктар корголгон|копирование .* запрещено|при использовании материалов)")
        .expect("valid regex")
});
/// A byline: `By Aigerim Sadykova`, `Автор: ...`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|автор|автор материала|author|authors|авторы?)\s*:?\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}$").expect("valid regex")
});
/// Photo and video credits and captions.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(photo|photos|фото|видео|video|image|иллюстрация|ілюстрація|сүрөт|кадр)\b\s*(credit|by)?\s*[:©/—–-]").expect("valid regex")
});
/// A time alone (`10:42`) or a time followed by a ticker headline.
static CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}:\d{2}$").expect("valid regex"));
/// A line that is only an e-mail address (a press contact), possibly labelled.
static EMAIL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:e-?mail\s*:\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$").expect("valid regex")
});
/// Comment counters and bare numbers: `Comments (3)`, `155`, `👁 1 234`.
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[^\p{L}\d]*[\d\s.,]+[^\p{L}\d]*|(?:comments?|комментари\w*|коментар\w*|likes?|shares?)\s*[(:]?\s*\d*\)?|\d[\d\s.,]*\s*(?:comments?|views?|likes?|shares?|комментари\w*|просмотр\w*|коментар\w*|перегляд\w*)|\p{L}{3,}\s*:\s*[\d\s.,]+)$").expect("valid regex")
});

/// Section headings that open page furniture (compared lower-cased, without a trailing colon).
#[rustfmt::skip]
const SECTIONS: &[&str] = &[
    "related", "related news", "related articles", "related stories", "related posts", "popular",
    "most popular", "most read", "popular news", "read more", "read also", "see also", "also read",
    "more news", "more on this topic", "latest news", "latest", "news feed", "topics", "comments",
    "leave a comment", "you may also like", "recommended", "top stories", "trending", "other news",
    "more from", "читайте также", "читайте еще", "похожие новости", "по теме", "популярное",
    "самое читаемое", "комментарии", "лента новостей", "последние новости", "другие новости",
    "читайте також", "схожі новини", "популярне", "коментарі", "стрічка новин", "останні новини",
    "інші новини", "окшош жаңылыктар", "тасма", "дагы окуңуз", "популярдуу", "акыркы жаңылыктар",
];
/// Single buttons and labels: chrome wherever they appear, but they do not open a section.
#[rustfmt::skip]
const BUTTONS: &[&str] = &[
    "print", "share", "tags", "advertisement", "печать", "распечатать", "поделиться", "теги",
    "метки", "реклама", "друк", "поділитися", "бөлүшүү", "english", "русский", "кыргызча",
    "українська", "қазақша", "o'zbekcha", "en", "ru", "kg", "ky", "uz", "kz", "ua", "жарнама",
    "sponsored", "loading", "загрузка", "партнерский материал", "skip to main content", "sign in",
    "register", "log in", "search", "menu", "donate", "donate now", "subscribe", "press release",
    "more", "my news", "newest", "oldest", "most liked", "sign in to comment", "окуңуз",
];
/// Labels after which the next line is an advertisement.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "реклама",
    "жарнама",
    "sponsored",
    "партнерский материал",
];
/// Prefixes of single-line furniture ("Read more: headline", "Tags: China, trade").
#[rustfmt::skip]
const CHROME_PREFIXES: &[&str] = &[
    "read more:", "read also:", "also read:", "see also:", "related:", "tags:", "topics:", "share:",
    "follow us", "follow the author", "subscribe", "sign up", "download the app",
    "download our app", "join our telegram", "join us on", "stay up-to-date", "читайте также:",
    "читайте также", "читайте еще:", "смотрите также", "теги:", "метки:", "подписывайтесь",
    "подпишитесь", "следите за", "читайте також:", "читайте також", "дивіться також",
    "підписуйтесь", "підпишіться", "стежте за", "жазылыңыз", "катталыңыз", "окуңуз:",
    "home >", "главная >", "головна >", "башкы бет >", "home /", "главная /", "головна /",
    "purchase licensing", "reporting by", "editing by", "contact:", "contacts:", "media contact",
];
/// Openings of short account and newsletter prompts ("Sign in to Site", "Enter your email
/// address", "Join now!"): chrome when the line is short.
#[rustfmt::skip]
const PROMPTS: &[&str] = &[
    "sign in", "sign up", "log in", "login", "log out", "join now", "join us", "enter your",
    "create an account", "create account", "register", "forgot your", "remember me",
    "please enter", "get the app", "войти", "войдите", "зарегистрир", "увійти", "увійдіть",
    "anmelden", "registrieren", "se connecter", "connexion", "iniciar sesión", "entrar",
];
/// Social networks and sharing words: a line naming two or more is a share row.
#[rustfmt::skip]
const SOCIAL: &[&str] = &[
    "facebook", "twitter", "x", "telegram", "whatsapp", "vk", "vkontakte", "вконтакте", "ok",
    "одноклассники", "linkedin", "email", "e-mail", "pinterest", "reddit", "viber", "instagram",
    "youtube", "tiktok", "threads", "copy", "link", "print", "share", "поделиться", "поділитися",
    "скопировать", "копировать", "ссылку", "скопіювати", "посилання", "мессенджер", "digg",
    "delicious", "myspace", "stumbleupon", "mixx", "tumblr", "google+", "flipboard", "pocket",
    "tweet", "pin", "whatsapp", "messenger", "xing", "weibo", "line",
];
/// Cookie and consent banners.
const COOKIE: &[&str] = &[
    "cookie",
    "cookies",
    "куки",
    "файлы cookie",
    "файли cookie",
    "персональных данных",
    "gdpr",
];
#[rustfmt::skip]
const CONSENT: &[&str] = &[
    "accept", "agree", "consent", "decline", "settings", "принять", "согласен", "согласиться",
    "прийняти", "погоджуюсь", "experience", "используем", "використовуємо", "use", "колдонобуз",
    "utilisons", "accepter", "verwenden", "nutzen", "akzeptieren", "zustimmen", "utilizamos",
    "usamos", "aceptar", "aceitar", "utilizziamo", "accetta",
];
/// What a notice about JavaScript says of it, in several languages ("requires",
/// "benötigt", "activez").
#[rustfmt::skip]
const JAVASCRIPT_ASKS: &[&str] = &[
    "enable", "disabled", "required", "requires", "turn on", "support", "experienced",
    "benötigt", "aktivier", "deaktiviert", "activez", "activer", "désactivé", "activar",
    "habilit", "ative", "attiva", "abilita", "включ", "увімкн", "отключ", "启用", "啟用", "有効",
];
/// The reader's browser, and what a notice asks of it ("use the latest browser").
#[rustfmt::skip]
const BROWSER: &[&str] = &["browser", "navigateur", "navegador", "браузер", "浏览器", "瀏覽器", "ブラウザ"];
#[rustfmt::skip]
const BROWSER_ASKS: &[&str] = &[
    "upgrade your", "update your", "outdated", "veraltet", "obsolète", "устаревш", "请使用",
    "請使用", "最新",
];

/// "This site requires JavaScript", "Zur optimalen Darstellung wird Javascript benötigt",
/// "请使用最新的浏览器": a notice about the reader's browser, not a story line.
fn is_browser_notice(lower: &str, n_words: usize) -> bool {
    let javascript =
        lower.contains("javascript") && JAVASCRIPT_ASKS.iter().any(|w| lower.contains(w));
    let browser =
        BROWSER.iter().any(|w| lower.contains(w)) && BROWSER_ASKS.iter().any(|w| lower.contains(w));
    n_words < 40 && (javascript || browser)
}

/// Story lines have at least this many words (shorter full sentences count when inside the core).
const MIN_PROSE_WORDS: usize = 6;

/// Parse a clipping's text. `site_chrome` holds lines that recur across many clippings of the
/// same site (navigation, footers), found by `ingest::read` before parsing.
pub fn parse(text: &str, site_chrome: &HashSet<String>) -> Clipping {
    let mut clip = Clipping::default();
    let mut lines: Vec<String> = text.lines().map(normalise_line).collect();

    // 1. The date marker, which may run straight into the first sentence.
    let mut marker_date = None;
    if let Some(first) = lines.iter().position(|l| !l.is_empty()) {
        if let Some(caps) = MARKER.captures(&lines[first]) {
            match dates::parse_iso(&caps[1]) {
                Some(date) => {
                    marker_date = Some(date);
                    clip.date = Some((date, DateOrigin::Marker));
                    clip.time = caps.get(2).and_then(|t| dates::parse_time(t.as_str()));
                }
                None => clip.bad_marker = Some(caps[1].to_owned()),
            }
            lines[first] = caps[3].trim().to_owned();
        }
    }

    // 2. Classify.
    let mut seen: HashSet<&str> = HashSet::new();
    let kinds: Vec<Kind> = lines
        .iter()
        .map(|line| {
            let repeated = words(line) >= 2 && !seen.insert(line.as_str()) && !is_prose(line);
            if repeated || site_chrome.contains(line) {
                Kind::Chrome
            } else {
                classify(line)
            }
        })
        .collect();

    // An advertisement label makes the next (non-story) line an advertisement too.
    let mut kinds = kinds;
    for i in 1..kinds.len() {
        let prev = (0..i).rev().find(|&j| kinds[j] != Kind::Blank);
        let after_ad = prev
            .is_some_and(|j| AD_LABELS.contains(&lines[j].to_lowercase().trim_end_matches(':')));
        // Advertisements are short; a long paragraph after the label is the story resuming.
        // A quotation is the story's, not an advertiser's.
        let quoted = lines[i].starts_with(['“', '«', '"', '„', '‘']);
        let ad_sized =
            matches!(kinds[i], Kind::Headline | Kind::Prose) && words(&lines[i]) <= 25 && !quoted;
        if after_ad && ad_sized {
            kinds[i] = Kind::Chrome;
        }
    }

    // 3. The story core.
    let Some((start, end)) = story_core(&lines, &kinds) else {
        clip.no_story = true;
        clip.removed = lines.into_iter().filter(|l| !l.is_empty()).collect();
        return clip;
    };

    // 4. Around the core: title, dates, source, URL. The headline is chosen by evidence (a
    // byline or date under it, its shape, its place); when the story start ran over it (a
    // teaser paragraph above the headline), the story starts after it.
    let (mut start, end) = (start, end);
    let dated = byline::dated_lines(&lines, &kinds);
    let title_at = title::choose(&lines, &kinds, &dated, site_chrome, start);
    if let Some(t) = title_at.filter(|&t| t >= start && t < end) {
        start = t + 1;
    }
    let mut candidates = byline::header_candidates(&lines, &kinds, &dated, title_at, (start, end));
    if title_at.is_some() {
        // The headline may be wrong: the story start's own header zone comes next.
        candidates.extend(
            byline::header_candidates(&lines, &kinds, &dated, None, (start, end))
                .into_iter()
                .map(|c| Candidate {
                    rank: c.rank + 1,
                    ..c
                }),
        );
    }
    candidates.extend(byline::earlier_candidates(&lines, &kinds, &dated, start));
    // Below the story, only the first few lines before any furniture: dates further down
    // belong to news tickers and headline lists.
    let mut seen_lines = 0;
    let mut headlines = 0;
    for i in end + 1..lines.len() {
        if kinds[i] == Kind::Blank {
            continue;
        }
        seen_lines += 1;
        // A byline with its date after the story ("December 29, 2014 at 02:13PM EST by Julia
        // Wayne", "June 30, 2014 • No Comment").
        if !matches!(kinds[i], Kind::Date | Kind::Section) {
            if let Some(d) = dated[i].filter(|d| d.line.label != Label::Updated) {
                let origin = if d.guessed {
                    DateOrigin::GuessedOrder
                } else {
                    origin_of(&d.line, DateOrigin::TrailingLine)
                };
                candidates.push(Candidate {
                    line: d.line,
                    origin,
                    rank: 5,
                });
            }
        }
        match kinds[i] {
            Kind::Section => break,
            Kind::Headline => {
                headlines += 1;
                if headlines >= 3 {
                    break;
                }
                // A short name right next to the closing date is the site: "Центральноазійський
                // вісник" / "5 грудня 2025 р.".
                let next_is_date = lines.get(i + 1).is_some() && kinds[i + 1] == Kind::Date;
                let prev_is_date = kinds[i - 1] == Kind::Date;
                if (next_is_date || prev_is_date)
                    && words(&lines[i]) <= 4
                    && !ends_sentence(&lines[i])
                {
                    clip.source_name.get_or_insert_with(|| lines[i].clone());
                }
            }
            Kind::Date => {
                if let Some(line) = dates::read_line(&lines[i]) {
                    let origin = origin_of(&line, DateOrigin::TrailingLine);
                    let rank = if origin == DateOrigin::UpdatedLine {
                        9
                    } else {
                        5
                    };
                    candidates.push(Candidate { line, origin, rank });
                }
            }
            Kind::Chrome => {
                if let Some(name) = source_from_chrome(&lines[i]) {
                    clip.source_name.get_or_insert(name);
                }
            }
            _ => {}
        }
        if seen_lines >= 8 {
            break;
        }
    }
    // A copyright footer anywhere below names the site.
    if clip.source_name.is_none() {
        clip.source_name = (end + 1..lines.len())
            .filter(|&i| COPYRIGHT.is_match(&lines[i]))
            .find_map(|i| source_from_chrome(&lines[i]));
    }
    // Fields anywhere (they are never story text).
    for (i, line) in lines.iter().enumerate() {
        if kinds[i] != Kind::Field {
            continue;
        }
        if let Some(caps) = FIELD.captures(line) {
            let (key, value) = (caps[1].to_lowercase(), caps[2].trim());
            let is_url = value.starts_with("http://") || value.starts_with("https://");
            if is_url && !value.contains(char::is_whitespace) {
                if matches!(
                    key.as_str(),
                    "link"
                        | "url"
                        | "ссылка"
                        | "посилання"
                        | "шилтеме"
                        | "адрес"
                        | "source"
                        | "источник"
                        | "джерело"
                ) {
                    clip.url.get_or_insert_with(|| value.to_owned());
                }
            } else if matches!(key.as_str(), "source" | "источник" | "джерело" | "булак")
                && !value.is_empty()
                && value.len() < 60
            {
                clip.source_name
                    .get_or_insert_with(|| value.trim_end_matches('.').to_owned());
            }
        }
    }
    if let Some(i) = title_at {
        let (title, site) = split_site_suffix(&lines[i]);
        clip.title = Some(title);
        if let Some(site) = site {
            clip.source_name.get_or_insert(site);
        }
    }

    // 5. The body.
    let mut pending_item = false;
    let mut removed_inside = Vec::new();
    let furniture = story::furniture_inside(&lines, &kinds, (start, end));
    for i in start..=end {
        let line = &lines[i];
        match kinds[i] {
            Kind::Blank => {}
            _ if furniture[i] => removed_inside.push(i),
            Kind::Bullet => pending_item = true,
            Kind::Prose | Kind::Headline | Kind::Date => {
                let (kind, text) = match line.strip_prefix("- ").or_else(|| line.strip_prefix("• "))
                {
                    Some(rest) => (BlockKind::ListItem, rest.trim().to_owned()),
                    None if pending_item => (BlockKind::ListItem, line.clone()),
                    None => (BlockKind::Paragraph, line.clone()),
                };
                pending_item = false;
                clip.blocks.push(Block { kind, text });
            }
            Kind::Field | Kind::Section | Kind::Chrome => removed_inside.push(i),
        }
    }
    // The dateline opening the story.
    if let Some(first) = clip.blocks.first_mut() {
        let rest = super::headline::strip_dateline(&first.text);
        if rest.len() < first.text.len() && !rest.is_empty() {
            let dateline = first.text[..first.text.len() - rest.len()]
                .trim()
                .to_owned();
            if let Some(name) = agency_of(&dateline) {
                clip.source_name.get_or_insert(name);
            }
            if let Some(line) = dates::read_line(dateline_date_part(&dateline)) {
                candidates.push(Candidate {
                    line,
                    origin: DateOrigin::Dateline,
                    rank: 7,
                });
            }
            clip.dateline = Some(dateline);
            first.text = rest.to_owned();
        }
    }

    // Dates: the marker first, then the header zone's "Published" line, its other date lines
    // (nearest the headline first), date lines after the story, the dateline, and "Updated"
    // last. Years missing from a line come from the marker or other dates.
    let context = marker_date.or_else(|| candidates.iter().find_map(|c| c.line.date(None)));
    if clip.date.is_none() {
        // A date that states its year beats one that does not (ticker headings like
        // "4 грудня, четвер"), then by rank; the sort keeps the zone's order within a rank.
        candidates.sort_by_key(|c| (c.line.year.is_none() && !c.line.today, c.rank));
        if let Some((c, date)) = candidates
            .iter()
            .find_map(|c| c.line.date(context).map(|d| (c, d)))
        {
            clip.date = Some((date, c.origin));
            clip.time = clip.time.or(c.line.time);
        }
    } else if clip.time.is_none() {
        // A "Today, 14:05" or same-day line gives the marker's date a time.
        let same_day = candidates
            .iter()
            .find(|c| c.line.time.is_some() && c.line.date(context) == marker_date);
        clip.time = same_day.and_then(|c| c.line.time);
    }

    for (i, line) in lines.iter().enumerate() {
        let outside = i < start || i > end;
        let is_title = Some(i) == title_at;
        if !line.is_empty() && !is_title && (outside || removed_inside.contains(&i)) {
            clip.removed.push(line.clone());
            if kinds[i] == Kind::Prose {
                clip.removed_prose += line.len();
            }
        } else if kinds[i] == Kind::Prose {
            clip.kept_prose += line.len();
        }
    }
    clip
}

/// Trim, collapse inner whitespace, drop zero-width and non-breaking oddities: a line as the
/// parser compares it, and as site chrome is counted.
pub(crate) fn normalise_line(line: &str) -> String {
    let cleaned: String = line
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}'
            )
        })
        .map(|c| if c == '\u{00A0}' || c == '\t' { ' ' } else { c })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of a line. Chinese and Japanese write without spaces: there every two characters
/// count as a word (about the length of a word there), so their sentences read as prose.
fn words(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            let ideographs = w.chars().filter(|&c| is_ideograph(c)).count();
            if ideographs >= 2 {
                ideographs / 2 + usize::from(ideographs < w.chars().count())
            } else {
                1
            }
        })
        .sum()
}

/// A Han character or kana: text written without spaces between words.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Ends like a sentence (allowing closing quotes and brackets), in Latin, Cyrillic or CJK
/// punctuation.
fn ends_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '»', '”', '’', ')', '\'', '“', '」', '』', '）']);
    end.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？', '：', '；'])
}

/// A line that reads as story text: a sentence of six words or more, or a long line. Story
/// sentences are never site chrome, however often they recur.
pub(crate) fn is_prose(line: &str) -> bool {
    (ends_sentence(line) && words(line) >= MIN_PROSE_WORDS) || (words(line) >= 40)
}

fn is_byline(line: &str) -> bool {
    BYLINE.is_match(line)
}

/// A line of a list: a bullet or dash, then text.
fn is_list_item(line: &str) -> bool {
    ["- ", "• ", "* ", "– ", "— ", "· "]
        .iter()
        .any(|m| line.starts_with(m) && line.len() > m.len())
}

fn classify(line: &str) -> Kind {
    if line.is_empty() {
        return Kind::Blank;
    }
    if matches!(line, "-" | "–" | "—" | "•" | "*" | "·") {
        return Kind::Bullet;
    }
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches([':', '.', '»', '›', '>']).trim();
    if SECTIONS.contains(&bare) {
        return Kind::Section;
    }
    if BUTTONS.contains(&bare) {
        return Kind::Chrome;
    }
    if FIELD.is_match(line) {
        return Kind::Field;
    }
    if dates::read_line(line).is_some() {
        return Kind::Date;
    }
    if is_chrome(line, &lower) {
        return Kind::Chrome;
    }
    if is_prose(line) && !is_title_case_question(line) {
        return Kind::Prose;
    }
    Kind::Headline
}

/// "Bachelor 2015 Spoilers: Who Is Alissa Giambrone, Season 19 Contestant?": a question or
/// exclamation in Title Case is a headline; story sentences are not written so.
fn is_title_case_question(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '»', '”', '’', ')', '\'', '“']);
    end.ends_with(['?', '!'])
        && (4..=20).contains(&words(line))
        && title::capitalised_share(line) >= 0.7
}

/// Furniture recognisable on its own, whatever the site.
fn is_chrome(line: &str, lower: &str) -> bool {
    is_plain_chrome(line, lower) || looks_like_menu(line, lower)
}

/// Furniture by any sign but a menu's look (which title-case headlines share).
fn is_plain_chrome(line: &str, lower: &str) -> bool {
    let n_words = words(line);
    if TICKER.is_match(line)
        || CLOCK.is_match(line)
        || COUNTER.is_match(line)
        || SITE_NAME.is_match(line)
        || EMAIL_LINE.is_match(line)
    {
        return true;
    }
    // Press contacts: a short line with an e-mail address in it.
    if n_words < 25
        && line
            .split_whitespace()
            .any(|w| w.contains('@') && w.contains('.') && !w.starts_with('@'))
    {
        return true;
    }
    if COPYRIGHT.is_match(line) && n_words < 40 {
        return true;
    }
    if CREDIT.is_match(line) && n_words < 25 {
        return true;
    }
    if BYLINE.is_match(line) {
        return true;
    }
    // "Read more: headline", "Подписывайтесь на наш канал": but a sentence of the story that
    // happens to begin with such words ("Subscribers to the scheme said...") is not chrome.
    if CHROME_PREFIXES.iter().any(|p| lower.starts_with(p))
        && n_words < 30
        && (!is_prose(line) || lower[..lower.find(' ').unwrap_or(lower.len())].ends_with(':'))
    {
        return true;
    }
    if n_words <= 8 && PROMPTS.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // "This site requires JavaScript", "Zur optimalen Darstellung wird Javascript benötigt",
    // "请使用最新的浏览器": notices about the reader's browser.
    if is_browser_notice(lower, n_words) {
        return true;
    }
    // A headline repeated twice on one line (a "Popular" widget copied with its alt text).
    if let Some(half) = doubled(line) {
        return words(half) >= 2;
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    let social = tokens
        .iter()
        .filter(|w| SOCIAL.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        .count();
    if social >= 2 && social * 2 >= tokens.len() {
        return true;
    }
    if COOKIE.iter().any(|c| lower.contains(c))
        && CONSENT.iter().any(|c| lower.contains(c))
        && n_words < 60
    {
        return true;
    }
    // Menus and breadcrumbs: several short items separated by `|`, `•`, `>`, `/` or just
    // capitalised single words with no sentence around them ("News Politics Economy Sport").
    let separated = [" | ", " • ", " > ", " › ", " » ", " / ", " · ", " // "]
        .iter()
        .map(|sep| line.matches(sep).count())
        .sum::<usize>();
    if separated >= 2 && !ends_sentence(line) && n_words <= 3 * (separated + 1) {
        return true;
    }
    false
}

/// Capitalised single words with no sentence around them ("News Politics Economy Sport"). A
/// title-case headline without function words looks the same, so the headline chooser
/// still considers such lines.
fn looks_like_menu(line: &str, lower: &str) -> bool {
    let n_words = words(line);
    let capitalised = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    n_words >= 4
        && capitalised == n_words
        && !ends_sentence(line)
        && line.chars().count() < 80
        && !has_function_word(lower)
}

/// Titles have articles, prepositions and conjunctions; menus do not.
fn has_function_word(lower: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "of",
        "the",
        "and",
        "in",
        "to",
        "for",
        "with",
        "on",
        "at",
        "a",
        "by",
        "from",
        "as",
        "is",
        "и",
        "в",
        "на",
        "с",
        "по",
        "для",
        "о",
        "об",
        "к",
        "из",
        "за",
        "і",
        "й",
        "у",
        "з",
        "до",
        "про",
        "від",
        "менен",
        "жана",
        "үчүн",
    ];
    lower.split_whitespace().any(|w| FUNCTION.contains(&w))
}

/// `X X` -> `X` when a line is one text written twice.
fn doubled(line: &str) -> Option<&str> {
    let len = line.len();
    if len < 20 || len.is_multiple_of(2) {
        return None;
    }
    let half = len / 2;
    let (a, b) = (line.get(..half)?, line.get(half + 1..)?);
    (line.as_bytes()[half] == b' ' && a == b).then_some(a)
}

fn origin_of(line: &DateLine, position: DateOrigin) -> DateOrigin {
    match line.label {
        Label::Published => DateOrigin::PublishedLine,
        Label::Updated => DateOrigin::UpdatedLine,
        Label::Plain => position,
    }
}

/// `BISHKEK, Kyrgyzstan, December 4.` -> `December 4`; `МОСКВА, 3 ноября. /ТАСС/.` -> `3 ноября`.
fn dateline_date_part(dateline: &str) -> &str {
    let no_agency = dateline.split(['(', '/']).next().unwrap_or(dateline);
    let part = no_agency.rsplit(',').next().unwrap_or(no_agency);
    part.trim().trim_end_matches(['.', '-', '–', '—', ' '])
}

#[cfg(test)]
mod tests;
