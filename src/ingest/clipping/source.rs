//! The site or agency a clipping comes from: a site suffix on the headline (`Title |
//! AKIpress`), a site name or copyright line in the footer, the agency of a dateline.

use std::sync::LazyLock;

use regex::Regex;

use super::{words, SITE_NAME};

/// `Title | AKIpress`, `Title - 24.kg`, `Title — Kabar`: (title, site) when the suffix is a
/// short name.
pub(super) fn split_site_suffix(line: &str) -> (String, Option<String>) {
    for sep in [" | ", " — ", " – ", " - ", " :: "] {
        if let Some((title, site)) = line.rsplit_once(sep) {
            let site = site.trim();
            let short = words(site) <= 3 && site.chars().count() <= 30;
            let looks_like_site = SITE_NAME.is_match(site) || site.chars().any(char::is_uppercase);
            if short && looks_like_site && words(title) >= 3 {
                return (title.trim().to_owned(), Some(site.to_owned()));
            }
        }
    }
    (line.to_owned(), None)
}

/// A site name from a line of footer chrome: `CentralasianLIGHT.org`, `© 2025 AKIpress. All
/// rights reserved`.
pub(super) fn source_from_chrome(line: &str) -> Option<String> {
    if SITE_NAME.is_match(line) {
        let name = line
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.");
        return Some(name.trim_end_matches('/').to_owned());
    }
    copyright_holder(line)
}

/// The holder named in a copyright line: `© 2025 Kabar. All rights reserved.`, `AKIpress ©
/// 1998-2025.`, `© ТАСС, 1999–2025.`, `© 2025 «Жаңы Ордо» маалымат порталы`.
fn copyright_holder(line: &str) -> Option<String> {
    static QUOTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"«([^»]{2,})»").expect("valid regex"));
    static YEARS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\(c\)|©|\b(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?\b")
            .expect("valid regex")
    });
    if !line.contains('©') && !line.to_lowercase().contains("(c)") {
        return None;
    }
    if let Some(caps) = QUOTED.captures(line).filter(|c| c[1].chars().count() <= 40) {
        return Some(caps[1].trim().to_owned());
    }
    // The sentence holding the © sign, or the text just before it.
    let at = line.find('©').unwrap_or(0);
    let sentence_start = line[..at].rfind(". ").map_or(0, |i| i + 2);
    let sentence_end = line[at..].find(". ").map_or(line.len(), |i| at + i);
    let sentence = &line[sentence_start..sentence_end];
    let cleaned = YEARS.replace_all(sentence, " ");
    let cleaned = cleaned
        .split([',', '.'])
        .map(str::trim)
        .find(|part| {
            let lower = part.to_lowercase();
            !part.is_empty() && !lower.starts_with("all rights") && !lower.starts_with("inc")
        })?
        .trim_start_matches("All rights reserved")
        .trim();
    (words(cleaned) >= 1 && words(cleaned) <= 6 && cleaned.chars().any(char::is_alphabetic))
        .then(|| cleaned.to_owned())
}

/// The agency named in a dateline: `(Reuters)`, `/ТАСС/`, `– Укрінформ`.
pub(super) fn agency_of(dateline: &str) -> Option<String> {
    static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\(([\p{L}][\p{L} .-]+)\)|/([\p{L}][\p{L} .-]+)/|[–—-]\s*([\p{Lu}][\p{L}.-]+)\.?\s*$)").expect("valid regex")
    });
    let caps = AGENCY.captures(dateline)?;
    let name = caps.get(1).or(caps.get(2)).or(caps.get(3))?.as_str().trim();
    (2..=25)
        .contains(&name.chars().count())
        .then(|| name.to_owned())
}
