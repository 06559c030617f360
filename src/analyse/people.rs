//! People an article names with a role: "Prime Minister Shehbaz Sharif", "U.S. Special Envoy
//! for South and Central Asia, Sergio Gor", "з президентом Киргизстану Садиром Жапаровим".
//!
//! Precision first: a person is only taken where a role word (data/entities.toml) introduces
//! a capitalised name, so headings, cities and site-menu words never become people. Within the
//! article, surname-only mentions ("Japarov", "сказав Гор") attach to the full name; across
//! articles `digest::people` merges by [`names::key`].

use serde::{Deserialize, Serialize};

use super::gazetteer::Gazetteer;
use super::lexicon::{folded, LEXICON};
use super::names::{self, NameKey};
use super::partners::PartnerId;
use super::text::{tokens, Token};

/// A role as the article states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Role {
    /// The title as written ("U.S. Special Envoy for South and Central Asia").
    pub title: String,
    /// The country or organisation the title names, when it names one.
    pub country: Option<PartnerId>,
}

/// A person named in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest form of the name in the article, in the nominative where endings tell.
    pub name: String,
    /// Its cross-script key.
    pub key: NameKey,
    /// Roles given, in article order, without repeats.
    pub roles: Vec<Role>,
    /// How often the surname occurs in the article.
    pub mentions: usize,
}

/// At most this many words in a name taken from a longer capitalised run.
const NAME_WORDS: usize = 2;

/// The people of an article's paragraphs.
pub fn detect<'a>(
    paragraphs: impl IntoIterator<Item = &'a str>,
    gazetteer: &Gazetteer,
) -> Vec<Person> {
    let paragraphs: Vec<&str> = paragraphs.into_iter().collect();
    let mut found: Vec<(String, Role)> = Vec::new();
    for p in &paragraphs {
        find_in(p, gazetteer, &mut found);
    }
    if found.is_empty() {
        return Vec::new();
    }
    // Full names first; a lone surname joins the one full name it fits.
    let mut people: Vec<Person> = Vec::new();
    let mut lone: Vec<(String, Role)> = Vec::new();
    for (name, role) in found {
        let key = names::key(&name);
        if key.0.len() < 2 {
            lone.push((name, role));
            continue;
        }
        match people.iter_mut().find(|p| p.key == key) {
            Some(p) => add_role(p, role),
            None => people.push(Person {
                name: names::display(&name),
                key,
                roles: vec![role],
                mentions: 0,
            }),
        }
    }
    for (name, role) in lone {
        let key = names::key(&name);
        let mut fits: Vec<usize> = (0..people.len())
            .filter(|&i| people[i].key.compatible(&key))
            .collect();
        if fits.is_empty() {
            // A given name alone ("President Sadyr" in a cut headline) joins the one full
            // name it opens.
            fits = (0..people.len())
                .filter(|&i| {
                    people[i].key.given().is_some() && people[i].key.given() == key.surname()
                })
                .collect();
        }
        match fits.as_slice() {
            [i] => add_role(&mut people[*i], role),
            [] => match people.iter_mut().find(|p| p.key == key) {
                Some(p) => add_role(p, role),
                None => people.push(Person {
                    name: names::display(&name),
                    key,
                    roles: vec![role],
                    mentions: 0,
                }),
            },
            _ => {}
        }
    }
    // Mentions: capitalised words keyed like a surname.
    for p in &paragraphs {
        for t in tokens(p) {
            if !is_name_like_shape(t.text) {
                continue;
            }
            let k = names::word_key(t.text);
            for person in people.iter_mut() {
                if person.key.surname() == Some(k.as_str()) {
                    person.mentions += 1;
                }
            }
        }
    }
    people
}

fn add_role(person: &mut Person, role: Role) {
    if !role.title.is_empty() && !person.roles.contains(&role) {
        person.roles.push(role);
    }
}

/// Title case: an upper-case letter then lower-case letters (not "OTS", not "U.S").
fn is_name_like_shape(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    first.is_uppercase()
        && !rest.is_empty()
        && rest.iter().all(|c| c.is_alphabetic())
        && rest.iter().all(|c| !c.is_uppercase())
}

/// Lower-case words that may sit inside a role's complement ("Minister *of* Foreign Affairs",
/// "посланець США *з питань* Центральної Азії").
const CONNECTORS: [&str; 27] = [
    "of",
    "for",
    "the",
    "and",
    "on",
    "in",
    "to",
    "по",
    "делам",
    "вопросам",
    "в",
    "и",
    "з",
    "питань",
    "у",
    "і",
    "та",
    "с",
    "со",
    // Honorifics between a title and a name ("Президентом Литви паном Наусєдою").
    "пан",
    "пана",
    "паном",
    "пані",
    "господин",
    "господина",
    "госпожа",
    "госпожи",
];

/// What lies between two tokens.
fn gap<'a>(text: &'a str, a: &Token, b: &Token) -> &'a str {
    &text[a.start + a.text.len()..b.start]
}

/// Role-introduced names in one paragraph, as (name as written, role).
fn find_in(text: &str, gazetteer: &Gazetteer, out: &mut Vec<(String, Role)>) {
    let toks = tokens(text);
    if toks.len() < 2 {
        return;
    }
    let f = folded(&toks);
    let lex = &*LEXICON;
    let role_at: Vec<bool> = (0..toks.len())
        .map(|i| lex.roles.match_at(&f, i).is_some())
        .collect();
    // Most paragraphs name no title: they need no gazetteer scan.
    if !role_at.contains(&true) {
        return;
    }
    // Tokens inside a partner name (a country is never a person). Office-holders and
    // institutions are gazetteer aliases too, as evidence for their country: a person's
    // name is still a name here.
    let hits = gazetteer.scan_tokens(text, &toks);
    let mut partner_at: Vec<Option<usize>> = vec![None; toks.len()];
    for h in hits
        .iter()
        .filter(|h| !matches!(h.cue, super::gazetteer::Cue::Person))
    {
        for (i, t) in toks.iter().enumerate() {
            if t.start >= h.start && t.start < h.end {
                partner_at[i] = Some(h.partner);
            }
        }
    }
    let name_like = |i: usize| {
        is_name_like_shape(toks[i].text)
            && partner_at[i].is_none()
            && !role_at[i]
            && lex.not_name.match_at(&f, i).is_none()
    };
    let spaced = |a: usize, b: usize| {
        let g = gap(text, &toks[a], &toks[b]);
        // Whitespace, a hyphen, or an acronym's parentheses: "(OTS) Kubanychbek".
        g.chars().all(|c| c.is_whitespace() || c == '(' || c == ')')
            && !g.is_empty()
            && g.trim().len() <= 1
            || g == "-"
    };
    let mut i = 0;
    while i < toks.len() {
        let Some((len, _)) = lex.roles.match_at(&f, i) else {
            i += 1;
            continue;
        };
        // A plural title ("с мэрами", "з міністрами") introduces no one person.
        if names::is_cyrillic(toks[i + len - 1].text)
            && ["ами", "ями", "ах", "ях"]
                .iter()
                .any(|e| f[i + len - 1].ends_with(e))
        {
            i += len;
            continue;
        }
        // Back over a qualifier: "U.S.", "Pakistani", "Kyrgyzstan's", "Deputy".
        let mut start = i;
        while start > 0 && i - start < 4 {
            let k = start - 1;
            let g = gap(text, &toks[k], &toks[start]);
            let possessive = (toks[start].text == "s") && matches!(g, "'" | "’");
            let joined = g.trim().is_empty() || g.trim() == "." || possessive;
            let qualifier = partner_at[k].is_some()
                || toks[k].text == "s" && k > 0 && partner_at[k - 1].is_some()
                || (is_name_like_shape(toks[k].text)
                    && lex.not_name.match_at(&f, k).is_some()
                    && !matches!(f[k].as_str(), "the" | "of" | "and" | "for"));
            if !(joined && qualifier) {
                break;
            }
            start = k;
        }
        // Forward over the complement: capitalised words and connectors, no punctuation, up
        // to the next title ("U.S. President Donald Trump to President Sadyr Japarov").
        let role_end = i + len;
        let mut end = role_end;
        while end < toks.len()
            && spaced(end - 1, end)
            && !role_at[end]
            && (toks[end]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || CONNECTORS.contains(&f[end].as_str()))
        {
            end += 1;
        }
        // "... Angela Merkel in ...": a connector after the name is not part of it.
        while end > role_end && CONNECTORS.contains(&f[end - 1].as_str()) {
            end -= 1;
        }
        // The name: the trailing name-like run of the complement.
        let mut name_start = end;
        while name_start > role_end && name_like(name_start - 1) {
            name_start -= 1;
        }
        if end - name_start == 1 && !lone_surname_fits(text, &toks, &f, name_start, role_end) {
            name_start = end;
        }
        let (mut n_start, mut n_end) = (name_start, end);
        if n_start == n_end {
            let g = if end < toks.len() {
                gap(text, &toks[end - 1], &toks[end]).trim()
            } else {
                ""
            };
            if g == "," {
                // "Kyrgyzstan's President, Sadyr Japarov": a name right after a comma.
                let mut e = end;
                while e < toks.len()
                    && e - end < 3
                    && name_like(e)
                    && (e == end || spaced(e - 1, e))
                {
                    e += 1;
                }
                let then_capital = e < toks.len()
                    && spaced(e - 1, e)
                    && toks[e].text.chars().next().is_some_and(char::is_uppercase);
                if e - end >= 2 && !then_capital {
                    n_start = end;
                    n_end = e;
                }
            }
            if n_start == n_end {
                // A complement in lower case, as Slavic titles have ("заместитель министра
                // иностранных дел Польши Павел Яблоньский"): the first full name within a few
                // words, in the title's script.
                if let Some((s, e)) = name_after_lowercase(text, &toks, role_end, &name_like) {
                    if names::is_cyrillic(toks[s].text) == names::is_cyrillic(toks[i].text) {
                        n_start = s;
                        n_end = e;
                    }
                }
            }
            if n_start == n_end {
                // "Terry Branstad, the U.S. ambassador to China": a full name before ", the".
                if let Some((s, e)) = name_before_apposition(text, &toks, &f, start, &name_like) {
                    let title_end = (end.max(role_end)) - 1;
                    let title = text
                        [toks[start].start..toks[title_end].start + toks[title_end].text.len()]
                        .trim()
                        .to_owned();
                    let country = (start..end.max(role_end))
                        .find_map(|k| partner_at[k])
                        .map(|p| gazetteer.partners()[p].id.clone());
                    let name = &text[toks[s].start..toks[e - 1].start + toks[e - 1].text.len()];
                    out.push((name.to_owned(), Role { title, country }));
                    i = end.max(role_end);
                    continue;
                }
            }
        } else if n_end - n_start > 3 || (n_end - n_start == 3 && n_start != role_end) {
            n_start = n_end - NAME_WORDS;
            // Never start inside a hyphenated word.
            while n_start > name_start && gap(text, &toks[n_start - 1], &toks[n_start]) == "-" {
                n_start -= 1;
            }
        }
        if n_start < n_end {
            let name =
                &text[toks[n_start].start..toks[n_end - 1].start + toks[n_end - 1].text.len()];
            let title_end = if n_start > role_end {
                n_start - 1
            } else {
                role_end - 1
            };
            let mut title_end = title_end;
            while title_end > i && CONNECTORS.contains(&f[title_end].as_str()) {
                title_end -= 1;
            }
            let mut title = text
                [toks[start].start..toks[title_end].start + toks[title_end].text.len()]
                .trim()
                .to_owned();
            // "... Turkic States (OTS" -> "... Turkic States (OTS)".
            if title.matches('(').count() > title.matches(')').count() {
                title.push(')');
            }
            let country = (start..n_start)
                .find_map(|k| partner_at[k])
                .map(|p| gazetteer.partners()[p].id.clone());
            out.push((name.to_owned(), Role { title, country }));
            i = n_end;
        } else {
            i += 1;
        }
    }
}

/// Words after which a lone capitalised word in a title is a place or a second party, not
/// the holder's name ("governor of Iowa", "the outgoing leader and Ennahdha").
const PLACE_WORDS: [&str; 15] = [
    "of", "in", "for", "to", "on", "and", "по", "в", "у", "з", "с", "со", "и", "і", "та",
];

/// Words of the lower-case part of a title scanned for a name after it.
const LOWERCASE_TITLE_WORDS: usize = 10;

/// Adjectival endings of a capitalised modifier ("Хабаровского края", "Тихого океана",
/// "Иркутской области"), which a surname in a title never has when a lower-case noun follows.
const ADJECTIVE_ENDINGS: [&str; 16] = [
    "ого", "его", "ому", "ему", "ой", "ей", "ых", "их", "ая", "яя", "ую", "юю", "ое", "ее", "ої",
    "ій",
];

/// Whether a one-word name at `k` (the end of a title's complement starting at `role_end`)
/// is a surname rather than a place: not after "of"/"по" and the like ("governor of Iowa"),
/// and not a capitalised adjective before a lower-case noun ("губернатора Хабаровского
/// края").
fn lone_surname_fits(text: &str, toks: &[Token], f: &[String], k: usize, role_end: usize) -> bool {
    if k > role_end && PLACE_WORDS.contains(&f[k - 1].as_str()) {
        return false;
    }
    let next_lower = toks.get(k + 1).is_some_and(|n| {
        gap(text, &toks[k], n).trim().is_empty()
            && n.text.chars().next().is_some_and(char::is_lowercase)
            && names::is_cyrillic(n.text)
    });
    let adjective = ADJECTIVE_ENDINGS.iter().any(|e| f[k].ends_with(e));
    !(next_lower && adjective)
}

/// The first run of two or three name-like words within a few words after `from`, where the
/// words between are lower-case (Cyrillic), capitalised or connectors and no punctuation
/// intervenes except quotes and hyphens.
fn name_after_lowercase(
    text: &str,
    toks: &[Token],
    from: usize,
    name_like: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let joined = |a: usize, b: usize| {
        let g = gap(text, &toks[a], &toks[b]);
        !g.is_empty()
            && g.chars()
                .all(|c| c.is_whitespace() || matches!(c, '-' | '"' | '«' | '»' | '“' | '”'))
    };
    let mut k = from;
    while k < toks.len() && k < from + LOWERCASE_TITLE_WORDS && (k == 0 || joined(k - 1, k)) {
        let t = toks[k].text;
        let lower_latin =
            t.chars().next().is_some_and(char::is_lowercase) && !names::is_cyrillic(t);
        if lower_latin && !CONNECTORS.contains(&t) {
            return None;
        }
        if name_like(k) {
            let mut e = k + 1;
            while e < toks.len()
                && e - k < 3
                && name_like(e)
                && joined(e - 1, e)
                && gap(text, &toks[e - 1], &toks[e]).trim().is_empty()
            {
                e += 1;
            }
            if e - k >= 2 {
                return Some((k, e));
            }
            k = e;
            continue;
        }
        k += 1;
    }
    None
}

/// "Terry Branstad, the U.S. ambassador": a full name of two or three words right before
/// ", the" (or ", a"), which opens the title at `start`.
fn name_before_apposition(
    text: &str,
    toks: &[Token],
    f: &[String],
    start: usize,
    name_like: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let article = start.checked_sub(1)?;
    if !matches!(f[article].as_str(), "the" | "a" | "an") || article == 0 {
        return None;
    }
    let end = article;
    if gap(text, &toks[end - 1], &toks[article]).trim() != "," {
        return None;
    }
    let mut s = end;
    while s > 0
        && end - s < 3
        && name_like(s - 1)
        && (s == end || gap(text, &toks[s - 1], &toks[s]).trim().is_empty())
    {
        s -= 1;
    }
    (end - s >= 2).then_some((s, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::gazetteer::Gazetteer;
    use crate::config::PartnersConfig;

    fn gaz() -> Gazetteer {
        Gazetteer::load(&PartnersConfig::default()).unwrap()
    }

    fn names_roles(text: &[&str]) -> Vec<(String, Vec<String>, Vec<Option<String>>)> {
        detect(text.iter().copied(), &gaz())
            .into_iter()
            .map(|p| {
                (
                    p.name,
                    p.roles.iter().map(|r| r.title.clone()).collect(),
                    p.roles
                        .iter()
                        .map(|r| r.country.as_ref().map(|c| c.to_string()))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn officials_with_roles_and_countries() {
        let got = names_roles(&[
            "Kyrgyzstan's President, Sadyr Japarov, engaged in talks with Pakistani Prime Minister Shehbaz Sharif, Trend reports.",
            "Prime Minister Sharif warmly welcomed President Japarov.",
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "Sadyr Japarov");
        assert_eq!(got[0].2[0].as_deref(), Some("kg"));
        assert_eq!(got[1].0, "Shehbaz Sharif");
        assert_eq!(got[1].1[0], "Pakistani Prime Minister");
        assert_eq!(got[1].2[0].as_deref(), Some("pk"));
    }

    #[test]
    fn complements_and_commas() {
        let got = names_roles(&[
            "President of the Kyrgyz Republic Sadyr Japarov received Ambassador, the United States Special Envoy for South and Central Asia, Sergio Gor today, February 4.",
            "In Washington, Secretary General of the Organization of Turkic States (OTS) Kubanychbek Omuraliev met with U.S. Assistant Secretary of State Paul Kapur.",
        ]);
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "Sadyr Japarov",
                "Sergio Gor",
                "Kubanychbek Omuraliev",
                "Paul Kapur"
            ],
            "{got:?}"
        );
        assert_eq!(
            got[1].1[0],
            "United States Special Envoy for South and Central Asia"
        );
        assert_eq!(got[3].2[0].as_deref(), Some("us"));
    }

    #[test]
    fn ukrainian_inflected_names() {
        let got = names_roles(&[
            "Серед учасників форуму – спеціальний посланець США з питань Південної і Центральної Азії, посол Серджіо Гор, який заявив журналістам.",
            "Гор також зустрівся з президентом Киргизстану Садиром Жапаровим, підтвердивши меседж.",
        ]);
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["Серджіо Гор", "Садир Жапаров"], "{got:?}");
        assert_eq!(got[1].2[0].as_deref(), Some("kg"));
    }

    #[test]
    fn no_people_from_headings_cities_or_menus() {
        let got = names_roles(&[
            "President attaches great importance to cooperation",
            "Prime Minister Office Bishkek",
            "The President said the Minister of Foreign Affairs of Kyrgyzstan would travel.",
            "Home News Politics Economy President Contacts",
        ]);
        // A lone capitalised word after a role stays a surname-only candidate, which the digest
        // keeps only when it attaches to a full name; no full name comes from these lines.
        assert!(got.iter().all(|g| !g.0.contains(' ')), "{got:?}");
    }
}
