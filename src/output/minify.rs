//! HTML minification with minify-html. JavaScript minification stays off: it is known to
//! corrupt inline scripts. Settings keep the output standards-compliant (quoted attributes
//! where needed, a normal doctype, `<html lang>` kept).

use std::sync::LazyLock;

static CFG: LazyLock<minify_html::Cfg> = LazyLock::new(|| {
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_css = true;
    cfg.minify_js = false;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.keep_closing_tags = true;
    cfg
});

/// Minify an HTML document.
pub fn html(input: &[u8]) -> Vec<u8> {
    reescape_title(minify_html::minify(input, &CFG))
}

/// minify-html decodes `&lt;` inside `<title>` (legal: a title is text, not markup), so a
/// hostile headline would appear as a raw `<script>` in the file. Harmless to browsers, but
/// alarming to anyone grepping or parsing the output as XML: escape it again.
fn reescape_title(mut html: Vec<u8>) -> Vec<u8> {
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|i| i + from)
    };
    let Some(open) = find(&html, b"<title>", 0) else {
        return html;
    };
    let start = open + b"<title>".len();
    let Some(end) = find(&html, b"</title", start) else {
        return html;
    };
    if !html[start..end].iter().any(|&b| b == b'<' || b == b'>') {
        return html;
    }
    let mut text = Vec::with_capacity(end - start + 16);
    for &b in &html[start..end] {
        match b {
            b'<' => text.extend_from_slice(b"&lt;"),
            b'>' => text.extend_from_slice(b"&gt;"),
            b => text.push(b),
        }
    }
    html.splice(start..end, text);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_lang_and_scripts_and_shrinks() {
        let src = b"<!DOCTYPE html>\n<html lang=\"uk\">\n<head>\n  <title>x</title>\n<script>if (a < b) { go(  1 ); }</script></head>\n<body>\n  <p>  a   b  </p>\n</body>\n</html>\n";
        let out = String::from_utf8(html(src)).unwrap();
        assert!(
            out.contains("lang=uk") || out.contains("lang=\"uk\""),
            "{out}"
        );
        assert!(
            out.contains("if (a < b) { go(  1 ); }"),
            "script changed: {out}"
        );
        assert!(out.len() < src.len());
    }

    #[test]
    fn title_stays_escaped() {
        let src = b"<!DOCTYPE html><html lang=en><head><title>&lt;script&gt;alert(1)&lt;/script&gt; x</title></head><body></body></html>";
        let out = String::from_utf8(html(src)).unwrap();
        assert!(
            out.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; x</title>"),
            "{out}"
        );
    }
}
