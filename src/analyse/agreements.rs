//! Documents signed, planned or discussed: "An agreement on cooperation in sanitary and
//! epidemiological welfare" under "a number of documents were signed, including:", "the
//! parties signed a memorandum on cardiology", "подписали соглашение о ...".
//!
//! A document needs a status verb (data/entities.toml `[status]`) in its sentence, or in the
//! sentence that introduces the list it is an item of; a discussed or planned document also
//! needs a stated subject, so "the agreements reached" alone is nothing.

use serde::{Deserialize, Serialize};

use super::lexicon::{folded, LEXICON};
use super::text::{sentences, tokens, Token};
use crate::ingest::{Block, BlockKind};

/// Where a document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Signed, initialled, ratified, concluded.
    Signed,
    /// To be signed.
    Planned,
    /// Discussed, drafted, being prepared or implemented.
    Discussed,
}

impl Status {
    fn parse(label: &str) -> Option<Status> {
        match label {
            "signed" => Some(Status::Signed),
            "planned" => Some(Status::Planned),
            "discussed" => Some(Status::Discussed),
            _ => None,
        }
    }

    /// Lower-case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Signed => "signed",
            Status::Planned => "planned",
            Status::Discussed => "discussed",
        }
    }
}

/// A document an article names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// Kind (`memorandum`, `agreement`, `protocol`, `treaty`, `roadmap`, `declaration`,
    /// `contract`, `programme`, `plan of action`).
    pub kind: String,
    /// The document as written ("An agreement on cooperation in sanitary and epidemiological
    /// welfare").
    pub text: String,
    /// What it is about ("cooperation in sanitary and epidemiological welfare").
    pub subject: Option<String>,
    /// Who it is between, where stated ("the Ministries of Health of both countries").
    pub parties: Option<String>,
    /// Signed, planned or discussed.
    pub status: Status,
}

/// Words that open a subject.
const SUBJECT_OPENERS: [&str; 22] = [
    "on",
    "about",
    "regarding",
    "concerning",
    "for",
    "in",
    "of",
    "amending",
    "to",
    "о",
    "об",
    "по",
    "в",
    "про",
    "щодо",
    "у",
    "між",
    "между",
    "between",
    "with",
    "с",
    "з",
];

/// Words that open the parties.
const PARTY_OPENERS: [&str; 4] = ["between", "между", "між", "with"];

/// The documents of an article's blocks.
pub fn detect(blocks: &[Block]) -> Vec<Agreement> {
    let lex = &*LEXICON;
    let mut out = Vec::new();
    // Status of the sentence that introduced the current list, while its items last.
    let mut list_status: Option<Status> = None;
    let mut after_dash = false;
    for block in blocks {
        let text = block.text.trim();
        let bare = text.trim_start_matches(['-', '–', '—', '•', '*', '·', ' ']);
        let dash_line = bare.is_empty() && !text.is_empty();
        let item = block.kind == BlockKind::ListItem || bare.len() < text.len() || after_dash;
        after_dash = dash_line;
        if dash_line {
            continue;
        }
        if item {
            if let Some(status) = list_status {
                let toks = tokens(bare);
                let f = folded(&toks);
                if let Some(a) = first_document(bare, &toks, &f, status, true) {
                    out.push(a);
                }
                continue;
            }
        } else {
            list_status = None;
        }
        for sentence in sentences(text) {
            let toks = tokens(sentence);
            let f = folded(&toks);
            if sentence.trim_end().ends_with(':') {
                list_status = sentence_status(&f);
            }
            let marks = status_marks(&f);
            if marks.is_empty() {
                continue;
            }
            let mut k = 0;
            while k < toks.len() {
                match lex.documents.match_at(&f, k) {
                    Some((len, kind)) => {
                        if let Some(status) = status_near(&marks, k, len) {
                            if let Some(a) = document_at(sentence, &toks, &f, k, len, kind, status)
                            {
                                out.push(a);
                            }
                        }
                        k += len;
                    }
                    None => k += 1,
                }
            }
        }
    }
    out
}

/// A status phrase in a sentence: first token, length, status, and whether it is a "draft"
/// word that only qualifies the document right after it ("проект соглашения").
struct Mark {
    at: usize,
    len: usize,
    status: Status,
    draft: bool,
}

/// At most this many tokens between a document and the status phrase that gives its status:
/// "принятое Верховной Радой постановление ... игнорирует минские соглашения" states nothing
/// about the agreements.
const STATUS_REACH: usize = 10;

/// The status phrases of a sentence, longest first at each position ("буде підписано" is
/// planned, not "підписано" signed).
fn status_marks(f: &[String]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut k = 0;
    while k < f.len() {
        match LEXICON.status.match_at(f, k) {
            Some((len, label)) => {
                if let Some(status) = Status::parse(label) {
                    let draft = ["проект", "проєкт", "draft"]
                        .iter()
                        .any(|d| f[k].starts_with(d));
                    marks.push(Mark {
                        at: k,
                        len,
                        status,
                        draft,
                    });
                }
                k += len;
            }
            None => k += 1,
        }
    }
    marks
}

/// The status of the document at tokens `k..k+len`: that of the nearest status phrase within
/// reach (a draft word only right before it).
fn status_near(marks: &[Mark], k: usize, len: usize) -> Option<Status> {
    marks
        .iter()
        .filter_map(|m| {
            let distance = if m.at + m.len <= k {
                k - (m.at + m.len)
            } else if m.at >= k + len {
                if m.draft {
                    return None;
                }
                m.at - (k + len)
            } else {
                0
            };
            let reach = if m.draft { 1 } else { STATUS_REACH };
            (distance <= reach).then_some((distance, m.status))
        })
        .min()
        .map(|(_, status)| status)
}

/// The strongest status a sentence states.
fn sentence_status(f: &[String]) -> Option<Status> {
    let mut best: Option<Status> = None;
    for k in 0..f.len() {
        if let Some((_, label)) = LEXICON.status.match_at(f, k) {
            let s = Status::parse(label);
            if s.is_some() && (best.is_none() || s < best) {
                best = s;
            }
        }
    }
    best
}

fn first_document(
    text: &str,
    toks: &[Token],
    f: &[String],
    status: Status,
    in_list: bool,
) -> Option<Agreement> {
    (0..toks.len()).find_map(|k| {
        LEXICON.documents.match_at(f, k).and_then(|(len, kind)| {
            let mut a = document_at(text, toks, f, k, len, kind, status)?;
            if in_list {
                // A list item is the document: its whole text.
                a.text = text
                    .trim()
                    .trim_end_matches([';', '.', ',', '”', '"'])
                    .trim()
                    .to_owned();
            }
            Some(a)
        })
    })
}

/// The document whose kind word is tokens `k..k+len` of `sentence`.
fn document_at(
    sentence: &str,
    toks: &[Token],
    f: &[String],
    k: usize,
    len: usize,
    kind: &str,
    status: Status,
) -> Option<Agreement> {
    // Its subject: from an opener right after the kind word to the end of the clause.
    let after = k + len;
    let opens = after < toks.len() && SUBJECT_OPENERS.contains(&f[after].as_str()) && {
        let g = &sentence[toks[after - 1].start + toks[after - 1].text.len()..toks[after].start];
        g.chars().all(char::is_whitespace)
    };
    let kind_end = toks[after - 1].start + toks[after - 1].text.len();
    let (subject, parties) = if opens {
        let rest = &sentence[toks[after].start..];
        let clause_end = clause_end(rest);
        let clause = rest[..clause_end].trim();
        split_parties(clause)
    } else {
        (None, None)
    };
    // A planned or discussed document needs a subject: "agreements with allies" is no
    // particular document.
    if status != Status::Signed && subject.is_none() {
        return None;
    }
    let start = toks[k].start;
    let end = match (&subject, &parties) {
        (None, None) => kind_end,
        _ => toks[after].start + clause_end(&sentence[toks[after].start..]),
    };
    let text = sentence[start..end]
        .trim()
        .trim_end_matches([';', '.', ',', '”', '"'])
        .trim()
        .to_owned();
    Some(Agreement {
        kind: kind.to_owned(),
        text,
        subject,
        parties,
        status,
    })
}

/// Where the clause that starts `rest` ends: `;`, a sentence end, a comma, a dash, or a
/// lower-case document word after "and" (a second document).
fn clause_end(rest: &str) -> usize {
    let toks = tokens(rest);
    let f = folded(&toks);
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            let g = &rest[toks[k - 1].start + toks[k - 1].text.len()..t.start];
            if g.contains([';', ',', '(', ':', '—', '–']) || g.contains(". ") {
                return toks[k - 1].start + toks[k - 1].text.len();
            }
            let lower = t.text.chars().next().is_some_and(char::is_lowercase);
            let conj = matches!(f[k - 1].as_str(), "and" | "и" | "і" | "та" | "a" | "an");
            let is_doc = LEXICON.documents.match_at(&f, k).is_some();
            if lower
                && is_doc
                && k >= 2
                && matches!(f[k - 1].as_str(), "a" | "an")
                && f[k - 2] == "and"
            {
                return toks[k - 2].start;
            }
            if lower && conj && is_doc {
                return toks[k - 1].start;
            }
            if k >= 2
                && lower
                && matches!(f[k - 1].as_str(), "a" | "an")
                && matches!(f[k - 2].as_str(), "and")
            {
                return toks[k - 2].start;
            }
            // Verbs that end the noun phrase ("... was signed", "... which").
            if matches!(
                f[k].as_str(),
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "which"
                    | "that"
                    | "will"
                    | "has"
                    | "have"
                    | "был"
                    | "была"
                    | "были"
                    | "который"
                    | "которое"
                    | "которые"
                    | "було"
                    | "який"
                    | "яка"
                    | "які"
            ) {
                return toks[k - 1].start + toks[k - 1].text.len();
            }
            if k >= 30 {
                return toks[k - 1].start + toks[k - 1].text.len();
            }
        }
    }
    toks.last().map_or(0, |t| t.start + t.text.len())
}

/// "cooperation in cardiology between the Ministries of Health" -> subject, parties.
fn split_parties(clause: &str) -> (Option<String>, Option<String>) {
    let clean = |s: &str| {
        let s = s
            .trim()
            .trim_end_matches([';', '.', ',', '”', '"', '“'])
            .trim();
        (!s.is_empty()).then(|| s.to_owned())
    };
    let toks = tokens(clause);
    let f = folded(&toks);
    // "with the allies", "с союзниками": parties, no subject.
    if f.first()
        .is_some_and(|w| matches!(w.as_str(), "with" | "с" | "со" | "з" | "із"))
    {
        return (None, clean(clause));
    }
    if let Some(k) = (0..toks.len()).find(|&k| PARTY_OPENERS.contains(&f[k].as_str())) {
        let parties = clean(&clause[toks[k].start + toks[k].text.len()..]);
        let subject = clean(&clause[..toks[k].start]);
        return (subject, parties);
    }
    (clean(clause), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: t.into(),
        }
    }

    #[test]
    fn dash_list_after_a_signing_sentence() {
        let blocks = [
            para("During the talks, a number of documents were signed, including:"),
            para("-"),
            para("A memorandum on cooperation in strategic planning between the Ministries of Economy of Kyrgyzstan and Russia;"),
            para("-"),
            para("An agreement on cooperation in sanitary and epidemiological welfare;"),
            para("-"),
            para("A protocol amending the Agreement on Military-Technical Cooperation;"),
            para("According to Japarov, the treaty and legal framework includes over 400 documents."),
        ];
        let got = detect(&blocks);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].kind, "memorandum");
        assert_eq!(
            got[0].subject.as_deref(),
            Some("on cooperation in strategic planning")
        );
        assert_eq!(
            got[0].parties.as_deref(),
            Some("the Ministries of Economy of Kyrgyzstan and Russia")
        );
        assert_eq!(
            got[1].subject.as_deref(),
            Some("on cooperation in sanitary and epidemiological welfare")
        );
        assert_eq!(got[2].kind, "protocol");
        assert!(got.iter().all(|a| a.status == Status::Signed));
    }

    #[test]
    fn sentences_in_several_languages() {
        let got = detect(&[
            para("The sides signed a memorandum on cooperation in education and an agreement on air services."),
            para("Стороны обсудили проект соглашения о свободной торговле."),
            para("Сторони підписали угоду про співпрацю у сфері енергетики."),
            para("The parties discussed the implementation of agreements reached earlier."),
        ]);
        let kinds: Vec<(&str, Status)> = got.iter().map(|a| (a.kind.as_str(), a.status)).collect();
        assert_eq!(
            kinds,
            [
                ("memorandum", Status::Signed),
                ("agreement", Status::Signed),
                ("agreement", Status::Discussed),
                ("agreement", Status::Signed)
            ],
            "{got:?}"
        );
        assert_eq!(
            got[0].subject.as_deref(),
            Some("on cooperation in education")
        );
    }
}
