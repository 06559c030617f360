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
    minify_html::minify(input, &CFG)
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
}
