//! The search index: a small manifest script plus shards of terms and of documents, each a
//! script the search page loads on demand by adding a `<script src>` element.
//!
//! **Why scripts and shards.** `fetch` is blocked from `file://`, where a digest is often
//! read, so the index is JavaScript that calls back into the page. One script holding every
//! article would be megabytes at 10,000 articles; instead a query loads the manifest
//! (`search-index.js`: shard list, partners, months, stop words), the term shard of each query
//! word (`search/t/<hex of the prefix>.js`, shards split by term prefix until each is under
//! [`SHARD_TARGET`] bytes), and the document blocks of the results it shows
//! (`search/d/<n>.js`, [`DOC_BLOCK`] articles each).
//!
//! **Why stemmers in JavaScript.** A query word must be stemmed as the index stemmed the
//! text. Shipping a surface-form dictionary instead would be bigger than the postings and
//! still miss every form no article happens to use ("сотрудничеству" when the texts say
//! "сотрудничество"), so the search page carries the same three stemmers (Snowball English
//! and Russian, the light Ukrainian one) in `search-terms.js`, and the browser suite checks
//! that Rust and JavaScript agree on every word of the sample articles. See [`terms`].
//!
//! **Postings** are per term, in document order, each entry `gap * 2 + in_title` (`gap` from
//! the previous document of the list, the first from -1), so ranking can weigh title hits
//! without loading documents. Filters are terms too: `~p:<partner id>` and `~m:<yyyy-mm>`.

pub mod terms;

use std::collections::BTreeMap;

use serde::Serialize;

use terms::{Cyrillic, Stemmers};

/// Bytes a term shard should stay under (one term with a longer list gets a shard of its
/// own): a query of three words and a page of results stays under 300 KB at 10,000 articles.
pub const SHARD_TARGET: usize = 24 * 1024;

/// Articles per document block: a page of ten results from ten different blocks loads about
/// 60 KB.
pub const DOC_BLOCK: usize = 10;

/// Where the shards go, under the output root.
pub const SHARD_DIR: &str = "search";

/// One article as the search sees it. Its id is its place in the slice given to [`build`].
#[derive(Debug, Clone, Serialize)]
pub struct SearchDoc {
    /// Headline.
    #[serde(rename = "t")]
    pub title: String,
    /// Site-relative URL.
    #[serde(rename = "u")]
    pub url: String,
    /// Date as displayed.
    #[serde(rename = "d")]
    pub date: String,
    /// Language code (the stemmer for highlighting, and `lang` of the result).
    #[serde(rename = "l")]
    pub lang: String,
    /// Partner names.
    #[serde(rename = "p")]
    pub partners: Vec<String>,
    /// Source and language name, as a card's meta line shows them.
    #[serde(rename = "m")]
    pub meta: String,
    /// The summary: searched, and the snippet shown.
    #[serde(rename = "x")]
    pub text: String,
    /// Ids of the other articles of its story (their hits are folded into this one's).
    #[serde(rename = "g", skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<usize>,
    /// The story's other reports: `[source and language, url, lang]`.
    #[serde(rename = "a", skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<[String; 3]>,
    /// Partner ids (a filter term each; not written: the filters are postings).
    #[serde(skip)]
    pub partner_ids: Vec<String>,
    /// `yyyy-mm` (a filter term; not written).
    #[serde(skip)]
    pub month: Option<String>,
}

/// A filter choice: `[id, label, articles]`.
pub type Choice = (String, String, usize);

/// A file of the index: site-relative path and contents.
pub struct IndexFile {
    pub path: String,
    pub body: String,
}

/// The manifest, as `search-index.js` sets it.
#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    docs: usize,
    block: usize,
    dir: &'static str,
    /// `[prefix, file stem, bytes]`, sorted by prefix.
    shards: Vec<(&'a str, String, usize)>,
    partners: &'a [Choice],
    months: &'a [Choice],
    stop: Vec<&'static str>,
}

/// The postings of one term: `(doc, in_title)` in document order, one entry per document.
type Postings = Vec<(usize, bool)>;

/// Build the manifest (`manifest_path`) and the shards for `docs`, with the filter choices
/// `partners` and `months`. Deterministic: same docs, same bytes.
pub fn build(
    docs: &[SearchDoc],
    partners: &[Choice],
    months: &[Choice],
    manifest_path: &str,
) -> Vec<IndexFile> {
    let postings = postings(docs);
    let encoded: Vec<(&str, String)> = postings
        .iter()
        .map(|(term, list)| (term.as_str(), encode(list)))
        .collect();
    let mut shards = Vec::new();
    split(&encoded, String::new(), &mut shards);
    let mut files = Vec::new();
    let mut listed = Vec::new();
    for (key, range) in &shards {
        let mut body = String::from("{");
        for (i, (term, list)) in encoded[range.clone()].iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(&serde_json::to_string(term).expect("term serialises"));
            body.push(':');
            body.push_str(list);
        }
        body.push('}');
        let name = file_stem(key);
        let script = load_call("t", &serde_json::to_string(key).expect("key"), &body);
        listed.push((key.as_str(), name.clone(), script.len()));
        files.push(IndexFile {
            path: format!("{SHARD_DIR}/t/{name}.js"),
            body: script,
        });
    }
    for (n, block) in docs.chunks(DOC_BLOCK).enumerate() {
        let json = serde_json::to_string(block).expect("docs serialise");
        files.push(IndexFile {
            path: format!("{SHARD_DIR}/d/{n}.js"),
            body: load_call("d", &n.to_string(), &json),
        });
    }
    let mut stop: Vec<&str> = crate::analyse::stem::function_words().collect();
    stop.sort_unstable();
    stop.dedup();
    let manifest = Manifest {
        version: 2,
        docs: docs.len(),
        block: DOC_BLOCK,
        dir: SHARD_DIR,
        shards: listed,
        partners,
        months,
        stop,
    };
    let json = serde_json::to_string(&manifest).expect("manifest serialises");
    files.push(IndexFile {
        path: manifest_path.to_owned(),
        body: script_assign("window.BRIEFING_SEARCH", &json),
    });
    files
}

/// Every term's postings: the words of the title, summary, partner names and source, and the
/// filter terms.
fn postings(docs: &[SearchDoc]) -> BTreeMap<String, Postings> {
    let stemmers = Stemmers::default();
    let mut map: BTreeMap<String, Postings> = BTreeMap::new();
    for (id, doc) in docs.iter().enumerate() {
        let cyrillic = Cyrillic::for_lang(&doc.lang);
        let mut add = |term: &str, title: bool| {
            let list = map.entry(term.to_owned()).or_default();
            match list.last_mut() {
                Some(last) if last.0 == id => last.1 |= title,
                _ => list.push((id, title)),
            }
        };
        terms::for_each_term(&stemmers, &doc.title, cyrillic, |t| add(t, true));
        let rest = [doc.text.as_str(), &doc.meta]
            .into_iter()
            .chain(doc.partners.iter().map(String::as_str));
        for text in rest {
            terms::for_each_term(&stemmers, text, cyrillic, |t| add(t, false));
        }
        for partner in &doc.partner_ids {
            add(&format!("~p:{partner}"), false);
        }
        if let Some(month) = &doc.month {
            add(&format!("~m:{month}"), false);
        }
    }
    map
}

/// A postings list as a JSON array of `gap * 2 + in_title`.
fn encode(list: &Postings) -> String {
    let mut out = String::from("[");
    let mut previous: isize = -1;
    for (i, &(doc, title)) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let gap = doc as isize - previous;
        previous = doc as isize;
        out.push_str(&(gap * 2 + isize::from(title)).to_string());
    }
    out.push(']');
    out
}

/// Split sorted `terms` (all starting with `key`) into shards under [`SHARD_TARGET`]: terms
/// equal to `key` stay in shard `key`, the others go by their next character into shards
/// `key + c`, recursively. A term's shard is the longest shard key it starts with.
fn split(terms: &[(&str, String)], key: String, out: &mut Vec<(String, std::ops::Range<usize>)>) {
    split_range(terms, 0..terms.len(), key, out);
}

fn split_range(
    terms: &[(&str, String)],
    range: std::ops::Range<usize>,
    key: String,
    out: &mut Vec<(String, std::ops::Range<usize>)>,
) {
    let size: usize = terms[range.clone()]
        .iter()
        .map(|(t, l)| t.len() + l.len() + 4)
        .sum();
    if size <= SHARD_TARGET || range.len() <= 1 {
        if !range.is_empty() {
            out.push((key, range));
        }
        return;
    }
    let mut start = range.start;
    // The term equal to the key, if any, sorts first.
    if terms[start].0 == key {
        out.push((key.clone(), start..start + 1));
        start += 1;
    }
    while start < range.end {
        let next = terms[start].0[key.len()..]
            .chars()
            .next()
            .expect("a longer term");
        let child = format!("{key}{next}");
        let end = (start..range.end)
            .find(|&i| !terms[i].0.starts_with(&child))
            .unwrap_or(range.end);
        split_range(terms, start..end, child, out);
        start = end;
    }
}

/// A shard key as a file name: hex of its UTF-8 bytes (`_` for the empty key), so any script
/// is safe in any file system and URL.
fn file_stem(key: &str) -> String {
    if key.is_empty() {
        return "_".into();
    }
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

/// `window.BRIEFING_SEARCH_LOAD("kind",id,json);` for a shard.
fn load_call(kind: &str, id: &str, json: &str) -> String {
    let mut out = format!("window.BRIEFING_SEARCH_LOAD(\"{kind}\",");
    push_escaped(&mut out, id);
    out.push(',');
    push_escaped(&mut out, json);
    out.push_str(");\n");
    out
}

/// `target = json;`, escaped as [`push_escaped`] says.
pub fn script_assign(target: &str, json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 32);
    out.push_str(target);
    out.push('=');
    push_escaped(&mut out, json);
    out.push_str(";\n");
    out
}

/// Push JSON with the characters that JSON allows but a script does not escaped: `<` and `>`
/// (so no text can close a `<script>` element or open a comment), and U+2028 and U+2029,
/// which are line terminators in JavaScript before ES2019 and so a syntax error inside a
/// string literal for older engines.
fn push_escaped(out: &mut String, json: &str) {
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests;
