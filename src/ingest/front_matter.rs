//! Front matter: TOML between `+++` lines or YAML between `---` lines, at the top of a
//! Markdown article (or a whole `NAME.toml` companion of a clipping).
//!
//! Both formats are read into one JSON-like value first, so unknown keys can be reported as
//! warnings (a typo should not fail a build, nor pass silently) and TOML dates
//! (`date = 2026-02-04`, a TOML datetime, not a string) read the same as YAML's.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What an article's author states about it. Each field, when present, wins over analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FrontMatter {
    /// Headline.
    pub title: Option<String>,
    /// Publication date: `2026-02-04`, optionally with a time.
    pub date: Option<String>,
    /// Partner ids or names (`"cn"`, `"China"`, `"Китай"`).
    #[serde(deserialize_with = "one_or_many")]
    pub partners: Vec<String>,
    /// A hand-written summary, used instead of the extracted one.
    pub summary: Option<String>,
    /// This article's summary length in sentences (site.toml's `summary_sentences` otherwise).
    pub summary_sentences: Option<usize>,
    /// This article's summary length in words (site.toml's `summary_words` otherwise).
    pub summary_words: Option<usize>,
    /// Name of the publication.
    pub source: Option<String>,
    /// Address of the original article.
    pub url: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Drafts are not published.
    pub draft: bool,
}

/// The keys [`FrontMatter`] knows.
const KNOWN_KEYS: &[&str] = &[
    "title",
    "date",
    "partners",
    "summary",
    "summary_sentences",
    "summary_words",
    "source",
    "url",
    "language",
    "draft",
];

/// Which syntax the front matter used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `+++` fences.
    Toml,
    /// `---` fences.
    Yaml,
}

/// A front matter problem, with the 1-based line in the article file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based line in the file.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

/// The result of splitting a file: front matter (if any), the body, and where the body starts.
#[derive(Debug)]
pub struct Split<'a> {
    /// Parsed front matter (default when the file has none).
    pub front: FrontMatter,
    /// Text after the closing fence.
    pub body: &'a str,
    /// 1-based line of the first body line.
    pub body_line: u32,
    /// Unknown keys, as warnings.
    pub unknown_keys: Vec<String>,
}

/// Split `text` into front matter and body. A file without an opening fence is all body.
pub fn split(text: &str) -> Result<Split<'_>, Problem> {
    let fence = match text.lines().next().map(str::trim_end) {
        Some("+++") => Syntax::Toml,
        Some("---") => Syntax::Yaml,
        _ => {
            return Ok(Split {
                front: FrontMatter::default(),
                body: text,
                body_line: 1,
                unknown_keys: vec![],
            })
        }
    };
    let marker = if fence == Syntax::Toml { "+++" } else { "---" };
    let start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = start;
    for (line_no, line) in (2u32..).zip(text[start..].split_inclusive('\n')) {
        if line.trim_end() == marker {
            let header = &text[start..offset];
            let body = &text[offset + line.len()..];
            let (front, unknown_keys) = parse(header, fence, 2)?;
            return Ok(Split {
                front,
                body,
                body_line: line_no + 1,
                unknown_keys,
            });
        }
        offset += line.len();
    }
    Err(Problem {
        line: 1,
        message: format!("front matter opened with `{marker}` on line 1 is never closed; add a `{marker}` line after it"),
    })
}

/// Parse front matter text (`first_line` is where it starts in the file, for messages).
pub fn parse(
    header: &str,
    syntax: Syntax,
    first_line: u32,
) -> Result<(FrontMatter, Vec<String>), Problem> {
    let value = match syntax {
        Syntax::Toml => {
            let table: toml::Table = toml::from_str(header).map_err(|e| Problem {
                line: first_line + e.span().map_or(0, |s| line_offset(header, s.start)),
                message: format!("invalid TOML front matter: {}", one_line(e.message())),
            })?;
            toml_to_json(toml::Value::Table(table))
        }
        Syntax::Yaml => {
            if header.trim().is_empty() {
                Value::Object(Default::default())
            } else {
                serde_saphyr::from_str::<Value>(header).map_err(|e| Problem {
                    line: first_line,
                    message: format!(
                        "invalid YAML front matter: {}",
                        one_line(first_line_of(&e.to_string()))
                    ),
                })?
            }
        }
    };
    let Value::Object(map) = value else {
        return Err(Problem {
            line: first_line,
            message: "front matter must be a table of `key = value` pairs".into(),
        });
    };
    let unknown_keys = map
        .keys()
        .filter(|k| !KNOWN_KEYS.contains(&k.as_str()))
        .cloned()
        .collect();
    let front = serde_json::from_value(Value::Object(map)).map_err(|e| Problem {
        line: first_line,
        message: format!("invalid front matter: {e}"),
    })?;
    Ok((front, unknown_keys))
}

fn line_offset(text: &str, byte: usize) -> u32 {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
}

/// Parser messages may span lines; diagnostics are one line each.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_line_of(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

/// TOML datetimes become strings; the rest maps one to one.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// `partners = "cn"` and `partners = ["cn", "ru"]` both work.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    let value = Option::<OneOrMany>::deserialize(d).map_err(|_| {
        serde::de::Error::custom(
            "`partners` must be a name or a list of names, e.g. partners = [\"cn\", \"Russia\"]",
        )
    })?;
    Ok(match value {
        None => vec![],
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_front_matter_with_native_date() {
        let s = split(
            "+++\ntitle = \"T\"\ndate = 2026-02-04\npartners = [\"cn\", \"Russia\"]\n+++\nBody\n",
        )
        .unwrap();
        assert_eq!(s.front.title.as_deref(), Some("T"));
        assert_eq!(s.front.date.as_deref(), Some("2026-02-04"));
        assert_eq!(s.front.partners, ["cn", "Russia"]);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 6);
    }

    #[test]
    fn yaml_front_matter_with_single_partner_and_unknown_key() {
        let s =
            split("---\ntitle: Hello\ndate: 2025-12-04\npartners: Pakistan\ntags: [x]\n---\nText")
                .unwrap();
        assert_eq!(s.front.title.as_deref(), Some("Hello"));
        assert_eq!(s.front.date.as_deref(), Some("2025-12-04"));
        assert_eq!(s.front.partners, ["Pakistan"]);
        assert_eq!(s.unknown_keys, ["tags"]);
        assert_eq!(s.body, "Text");
    }

    #[test]
    fn summary_length_per_article() {
        let s = split("+++\nsummary_sentences = 2\nsummary_words = 50\n+++\nBody").unwrap();
        assert_eq!(s.front.summary_sentences, Some(2));
        assert_eq!(s.front.summary_words, Some(50));
        assert!(s.unknown_keys.is_empty());
        let s = split("---\nsummary_sentences: 1\n---\nBody").unwrap();
        assert_eq!(s.front.summary_sentences, Some(1));
        let e = split("+++\nsummary_sentences = -1\n+++\n").unwrap_err();
        assert!(e.message.contains("invalid front matter"), "{}", e.message);
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let s = split("Just text\n---\nmore").unwrap();
        assert_eq!(s.front, FrontMatter::default());
        assert_eq!(s.body_line, 1);
    }

    #[test]
    fn unclosed_and_broken_front_matter_name_a_line() {
        let e = split("+++\ntitle = \"x\"\nBody").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("never closed"), "{}", e.message);
        let e = split("+++\ntitle = \"x\"\ndate = = 3\n+++\n").unwrap_err();
        assert_eq!(e.line, 3, "{}", e.message);
        let e = split("---\n- a list\n---\n").unwrap_err();
        assert!(e.message.contains("table"), "{}", e.message);
        let e = split("+++\ntitle = 5\n+++\n").unwrap_err();
        assert!(e.message.contains("invalid front matter"), "{}", e.message);
    }
}
