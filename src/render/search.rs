//! The search index as a script (`search-index.js`), safe in any JavaScript engine and inside
//! any page.

/// `window.BRIEFING_SEARCH = json;` with the characters that JSON allows but a script does
/// not escaped: `<` (so no text can close a `<script>` element or open a comment), and U+2028
/// and U+2029, which are line terminators in JavaScript before ES2019 and so a syntax error
/// inside a string literal for older engines.
pub fn index_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 32);
    out.push_str("window.BRIEFING_SEARCH=");
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out.push_str(";\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_separators_and_script_ends_are_escaped() {
        let entries = vec!["a\u{2028}b\u{2029}c</script><!--"];
        let json = serde_json::to_string(&entries).unwrap();
        let script = index_script(&json);
        assert!(!script.contains('\u{2028}') && !script.contains('\u{2029}'));
        assert!(!script.contains('<') && !script.contains('>'));
        let back = script
            .strip_prefix("window.BRIEFING_SEARCH=")
            .and_then(|s| s.strip_suffix(";\n"))
            .unwrap();
        let decoded: Vec<String> = serde_json::from_str(back).unwrap();
        assert_eq!(decoded, entries, "the escapes decode to the same text");
    }
}
