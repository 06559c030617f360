//! Remote images become links, so an article page never loads anything from the network.
//!
//! Article bodies keep the images of their Markdown or saved page as `<img src="https://…">`
//! (ingest only allows absolute URLs). Shown as they are, an "offline" page would fetch them
//! from their hosts each time it is opened, telling those hosts who reads what. Here each
//! becomes a link to the image, labelled with its alt text (or "image" and the host), which a
//! reader can follow deliberately.
//!
//! The input is ammonia's output (serialised by html5ever), so tags are well formed, text `<`
//! is always escaped, and attribute values are double-quoted with `"` and `&` escaped. A raw
//! `>` may still occur inside a quoted value, so the scanner respects quotes.

/// `html` with every `<img>` replaced by a link to its `src` (or dropped when it has none).
pub fn images_as_links(html: &str) -> String {
    if !html.contains("<img") {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<img") {
        let after = &rest[at + 4..];
        // `<imgx>` is not an img element.
        if !after.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
            out.push_str(&rest[..at + 4]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..at]);
        let Some(end) = tag_end(after) else {
            // Unterminated: drop the rest rather than emit a broken tag.
            return out;
        };
        let attrs = &after[..end];
        if let Some(src) = attribute(attrs, "src").filter(|s| !s.is_empty()) {
            let alt = attribute(attrs, "alt")
                .map(|a| decode(a).trim().to_owned())
                .unwrap_or_default();
            let label = if alt.is_empty() {
                format!("image ({})", host(&decode(src)))
            } else {
                format!("image: {alt}")
            };
            out.push_str("<a class=\"remote-image\" href=\"");
            out.push_str(src);
            out.push_str("\" rel=\"noopener noreferrer nofollow\">");
            out.push_str(&crate::ingest::escape_html(&label));
            out.push_str("</a>");
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The index of the `>` closing a tag whose attributes start `text`, skipping quoted values.
pub(super) fn tag_end(text: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The raw (still escaped) value of attribute `name` in a tag's attribute text.
pub(super) fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let this = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    (&inner[..close], inner.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            rest = next;
            value
        } else {
            ""
        };
        if this.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

/// Undo the attribute escapes html5ever writes (`&amp;`, `&quot;`, `&nbsp;`, and numeric
/// forms), so the text can be escaped again for an element's content.
fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let entity = tail.find(';').filter(|&i| i <= 10).map(|i| &tail[..=i]);
        let decoded = entity.and_then(|e| match e {
            "&amp;" => Some('&'),
            "&quot;" => Some('"'),
            "&nbsp;" => Some('\u{a0}'),
            "&lt;" => Some('<'),
            "&gt;" => Some('>'),
            "&#39;" => Some('\''),
            _ => None,
        });
        match (entity, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &tail[e.len()..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The host of a URL, for a label (`cdn.example.org`), or the whole URL if it has none.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    // Drop credentials.
    host.rsplit_once('@').map_or(host, |(_, h)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_images_become_labelled_links() {
        let html = r#"<p>Before<img src="https://cdn.example.org/a.jpg?x=1&amp;y=2" alt="The river &quot;Chu&quot; > 5 km">after</p>"#;
        assert_eq!(
            images_as_links(html),
            "<p>Before<a class=\"remote-image\" href=\"https://cdn.example.org/a.jpg?x=1&amp;y=2\" \
             rel=\"noopener noreferrer nofollow\">image: The river &quot;Chu&quot; &gt; 5 km</a>after</p>"
        );
        let bare = images_as_links(r#"<figure><img src="http://u:p@h.example/x.png"></figure>"#);
        assert!(bare.contains(">image (h.example)</a>"), "{bare}");
        assert!(!bare.contains("<img"));
        assert_eq!(images_as_links("<p><img alt=\"no source\"></p>"), "<p></p>");
        assert_eq!(
            images_as_links("<p>&lt;img src=x&gt;</p>"),
            "<p>&lt;img src=x&gt;</p>"
        );
        assert_eq!(images_as_links("<imgx>"), "<imgx>");
        assert_eq!(images_as_links("<p><img src=\"http://a"), "<p>");
    }
}
