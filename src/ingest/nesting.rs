//! A bound on the nesting depth of saved pages, applied before they are parsed.
//!
//! html5ever's tree builder looks up the stack of open elements for every tag ("has an element
//! in scope"), and dom_smoothie walks every element's ancestors and descendants: both are
//! quadratic in depth, so thirty thousand nested `<div>`s keep a build busy for minutes. Real
//! pages nest a few dozen levels (browsers themselves stop at 512), so a page deeper than
//! [`MAX_DEPTH`] is rewritten with its deeper tags dropped (their text is kept) and the caller
//! warns. The scan is one linear pass of html5ever's tokenizer, without its tree builder.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Deepest element nesting kept in a saved page.
pub const MAX_DEPTH: usize = 256;

/// How far down the open-element stack an end tag looks for its start tag; a stray end tag is
/// ignored (bounded, so the scan itself stays linear).
const END_TAG_REACH: usize = 16;

/// A page rewritten to [`MAX_DEPTH`]: the new HTML and the depth the original reached.
#[derive(Debug)]
pub struct Flattened {
    pub html: String,
    pub depth: usize,
}

/// `None` when `html` nests no deeper than [`MAX_DEPTH`] (the usual case: the page is used
/// as it is); else the page with the tags deeper than that dropped.
pub fn limit_depth(html: &str) -> Option<Flattened> {
    let scan = run(html, None);
    (scan.max_depth > MAX_DEPTH).then(|| {
        let rewritten = run(html, Some(String::with_capacity(html.len())));
        Flattened {
            html: rewritten.out.unwrap_or_default(),
            depth: scan.max_depth,
        }
    })
}

fn run(html: &str, out: Option<String>) -> State {
    let sink = Sink(RefCell::new(State {
        stack: Vec::new(),
        max_depth: 0,
        out,
        raw: false,
    }));
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

struct State {
    /// Names of the open elements (an estimate of the tree builder's stack).
    stack: Vec<String>,
    max_depth: usize,
    /// The rewritten page, when rewriting.
    out: Option<String>,
    /// Inside `<script>`/`<style>`...: text is copied unescaped.
    raw: bool,
}

struct Sink(RefCell<State>);

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements whose end tag is optional: a new one closes the open one (`<p>a<p>b`).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "option", "tr", "td", "th"];

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(&tag),
            Token::CharacterTokens(text) => {
                let raw = state.raw;
                if let Some(out) = &mut state.out {
                    if raw {
                        out.push_str(&text);
                    } else {
                        escape_into(out, &text, false);
                    }
                }
            }
            Token::DoctypeToken(_) => {
                if let Some(out) = &mut state.out {
                    out.push_str("<!DOCTYPE html>");
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        match tag.kind {
            TagKind::StartTag => {
                if self.stack.last().is_some_and(|top| {
                    SELF_CLOSING_SIBLINGS.contains(&name) && top.as_str() == name
                }) {
                    self.stack.pop();
                }
                let void = VOID.contains(&name) || tag.self_closing;
                if !void {
                    self.stack.push(name.to_owned());
                    self.max_depth = self.max_depth.max(self.stack.len());
                }
                if self.stack.len() <= MAX_DEPTH || void && self.stack.len() < MAX_DEPTH {
                    self.write_start(tag);
                }
                self.raw = false;
                if !void {
                    match name {
                        "script" => {
                            self.raw = true;
                            return TokenSinkResult::RawData(RawKind::ScriptData);
                        }
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                            self.raw = true;
                            return TokenSinkResult::RawData(RawKind::Rawtext);
                        }
                        "title" | "textarea" => return TokenSinkResult::RawData(RawKind::Rcdata),
                        "plaintext" => return TokenSinkResult::Plaintext,
                        _ => {}
                    }
                }
            }
            TagKind::EndTag => {
                self.raw = false;
                let reach = self.stack.len().saturating_sub(END_TAG_REACH);
                if let Some(at) = self.stack[reach..].iter().rposition(|n| n == name) {
                    let depth = reach + at + 1;
                    if depth <= MAX_DEPTH {
                        if let Some(out) = &mut self.out {
                            out.push_str("</");
                            out.push_str(name);
                            out.push('>');
                        }
                    }
                    self.stack.truncate(reach + at);
                }
            }
        }
        TokenSinkResult::Continue
    }

    fn write_start(&mut self, tag: &Tag) {
        let Some(out) = &mut self.out else { return };
        out.push('<');
        out.push_str(&tag.name);
        for attr in &tag.attrs {
            out.push(' ');
            out.push_str(&attr.name.local);
            out.push_str("=\"");
            escape_into(out, &attr.value, true);
            out.push('"');
        }
        out.push('>');
    }
}

fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_left_alone() {
        let page = "<html><head><title>T</title><script>if (a<b) {}</script></head><body>\
                    <p>one<p>two<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table></body></html>";
        assert!(limit_depth(page).is_none());
        let paragraphs = "<p>text ".repeat(50_000);
        assert!(
            limit_depth(&paragraphs).is_none(),
            "siblings are not nesting"
        );
    }

    #[test]
    fn deep_pages_are_cut_to_the_limit_and_keep_their_text() {
        let n = 20_000;
        let page = format!(
            "<html><head><title>Deep &amp; odd</title></head><body>{}Kyrgyzstan &lt;and&gt; Russia{}</body></html>",
            "<div class=\"a\">".repeat(n),
            "</div>".repeat(n)
        );
        let flat = limit_depth(&page).expect("too deep");
        assert!(flat.depth >= n);
        assert!(flat.html.contains("Kyrgyzstan &lt;and&gt; Russia"));
        assert!(flat.html.contains("<title>Deep &amp; odd</title>"));
        assert!(
            limit_depth(&flat.html).is_none(),
            "the rewrite is within the limit"
        );
        let unclosed = format!("<body>{}x", "<ul><li>".repeat(n));
        let flat = limit_depth(&unclosed).expect("too deep");
        assert!(flat.html.matches("<ul>").count() < MAX_DEPTH);
    }
}
