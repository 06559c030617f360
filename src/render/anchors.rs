//! Anchors whose link the sanitiser removed (`[x](javascript:…)`, a relative link into the
//! site an article was copied from) stay as `<a rel="noopener noreferrer nofollow">`: ammonia
//! adds `rel` to every `<a>`, and HTML allows `rel` only with `href` (issue 16: the Nu
//! checker's errors on a site of hostile articles). Such an anchor is plain text; its `rel`
//! goes.
//!
//! The input is ammonia's output, as for `render::images`: well-formed tags, attribute values
//! double-quoted.

use super::images::{attribute, tag_end};

/// `html` with `rel` dropped from every `<a>` that has no `href`.
pub fn drop_rel_without_href(html: &str) -> String {
    if !html.contains("<a ") {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<a ") {
        out.push_str(&rest[..at + 2]);
        let after = &rest[at + 3..];
        let Some(end) = tag_end(after) else {
            out.push(' ');
            out.push_str(after);
            return out;
        };
        let attrs = &after[..end];
        let attrs = if attribute(attrs, "href").is_none() {
            without_rel(attrs)
        } else {
            attrs.to_owned()
        };
        if !attrs.trim().is_empty() {
            out.push(' ');
            out.push_str(&attrs);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// `attrs` without its `rel="…"` attribute.
fn without_rel(attrs: &str) -> String {
    let Some(start) = attrs
        .match_indices("rel=\"")
        .map(|(i, _)| i)
        .find(|&i| i == 0 || attrs[..i].ends_with(char::is_whitespace))
    else {
        return attrs.to_owned();
    };
    let value_end = attrs[start + 5..]
        .find('"')
        .map_or(attrs.len(), |e| start + 5 + e + 1);
    let mut out = attrs[..start].trim_end().to_owned();
    out.push_str(&attrs[value_end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rel_goes_only_where_href_went() {
        assert_eq!(
            drop_rel_without_href(r#"<p><a rel="noopener noreferrer nofollow">click</a></p>"#),
            "<p><a>click</a></p>"
        );
        assert_eq!(
            drop_rel_without_href(r#"<a title="t" rel="nofollow">x</a>"#),
            r#"<a title="t">x</a>"#
        );
        let kept = r#"<a href="https://e.org" rel="noopener noreferrer nofollow">e</a>"#;
        assert_eq!(drop_rel_without_href(kept), kept);
        assert_eq!(drop_rel_without_href("<abbr>x</abbr>"), "<abbr>x</abbr>");
        assert_eq!(drop_rel_without_href("<a rel=\"x"), "<a rel=\"x");
    }
}
