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
        let fits: Vec<usize> = (0..people.len())
            .filter(|&i| people[i].key.compatible(&key))
            .collect();
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
const CONNECTORS: [&str; 19] = [
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
    let role_at: Vec<bool> = (0..toks.len())
        .map(|i| lex.roles.match_at(&f, i).is_some())
        .collect();
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
        // Forward over the complement: capitalised words and connectors, no punctuation.
        let role_end = i + len;
        let mut end = role_end;
        while end < toks.len()
            && spaced(end - 1, end)
            && (toks[end]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || CONNECTORS.contains(&f[end].as_str()))
        {
            end += 1;
        }
        // The name: the trailing name-like run of the complement.
        let mut name_start = end;
        while name_start > role_end && name_like(name_start - 1) {
            name_start -= 1;
        }
        let (mut n_start, mut n_end) = (name_start, end);
        if n_start == n_end {
            // "Kyrgyzstan's President, Sadyr Japarov": a name right after a comma.
            let g = if end < toks.len() {
                gap(text, &toks[end - 1], &toks[end]).trim()
            } else {
                ""
            };
            if g == "," {
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
            let title = text[toks[start].start..toks[title_end].start + toks[title_end].text.len()]
                .trim()
                .to_owned();
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
