//! Link checking of a site built in memory: every `href`/`src` of every page must resolve to a
//! page of the site, and every feed and sitemap entry must name one. `briefing check` runs it
//! on a fresh in-memory build, so it needs no output folder and checks exactly what `build`
//! would write.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::LazyLock;

use regex::Regex;

use crate::diag::Diagnostic;
use crate::render::Page;

/// `href="..."`, `src='...'`, `href=...` (our templates quote, a custom theme may not).
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#)
        .expect("valid regex")
});
/// Script bodies: text there is code (the 404 page builds a `<base>` in a string), not links.
static SCRIPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<script\b.*?</script>").expect("valid regex"));
/// `<loc>...</loc>` in the sitemap and `href="..."` in feeds.
static LOC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<loc>([^<]*)</loc>").expect("valid regex"));

/// Check `pages` (paths relative to the output root). `output` names the folder in messages;
/// `base_url` maps absolute feed and sitemap URLs back to pages.
pub fn check(pages: &[Page], output: &str, base_url: &str, pretty_urls: bool) -> Vec<Diagnostic> {
    let files: HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    let mut diagnostics = Vec::new();
    let shown = |path: &str| PathBuf::from(output).join(path);
    for page in pages {
        let path = page.path.as_str();
        let Ok(text) = std::str::from_utf8(&page.body) else {
            continue;
        };
        if path.ends_with(".html") {
            // Blank scripts out, keeping their newlines so line numbers stay right.
            let text = SCRIPT.replace_all(text, |c: &regex::Captures| {
                c[0].replace(|ch: char| ch != '\n', " ")
            });
            for (line, target) in links(&text, &LINK) {
                if let Some(problem) = internal_problem(path, &target, &files, pretty_urls) {
                    diagnostics
                        .push(Diagnostic::error(shown(path), "broken-link", problem).at_line(line));
                }
            }
        } else if path.ends_with(".xml") {
            let locs = links(text, &LOC).into_iter().chain(links(text, &LINK));
            for (line, url) in locs {
                let Some(rest) = url.strip_prefix(base_url) else {
                    continue;
                };
                let target = if rest.is_empty() || rest.ends_with('/') {
                    format!("{rest}index.html")
                } else {
                    rest.to_owned()
                };
                if !files.contains(target.as_str()) {
                    diagnostics.push(
                        Diagnostic::error(
                            shown(path),
                            "broken-feed-link",
                            format!("`{url}` names no page of the site"),
                        )
                        .at_line(line),
                    );
                }
            }
        }
    }
    diagnostics
}

/// Every match of `pattern` with its 1-based line.
fn links(text: &str, pattern: &Regex) -> Vec<(u32, String)> {
    pattern
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1).or(c.get(2)).or(c.get(3))?;
            let line = text[..m.start()].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
            Some((line, m.as_str().replace("&amp;", "&")))
        })
        .collect()
}

/// What is wrong with a link from page `from`, or `None` when it is fine or external.
fn internal_problem(
    from: &str,
    target: &str,
    files: &HashSet<&str>,
    pretty_urls: bool,
) -> Option<String> {
    let target = target.trim();
    let lower = target.to_ascii_lowercase();
    if lower.starts_with("javascript:") {
        return Some(format!("`{target}` is a script URL"));
    }
    if target.is_empty() {
        return Some("empty link".into());
    }
    let is_external = lower.contains("://")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || lower.starts_with("data:");
    if is_external || target.starts_with('#') {
        return None;
    }
    if target.starts_with('/') {
        return Some(format!(
            "`{target}` is absolute; it breaks from disk and under a sub-path"
        ));
    }
    let path = target.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop(); // the page's own file name
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let resolved = parts.join("/");
    if path.ends_with('/') || path.is_empty() {
        let index = if resolved.is_empty() {
            "index.html".to_owned()
        } else {
            format!("{resolved}/index.html")
        };
        if !files.contains(index.as_str()) {
            return Some(format!("`{target}` leads to no page"));
        }
        if !pretty_urls && !path.is_empty() {
            return Some(format!("`{target}` links a folder, which opens a listing from disk; link `{target}index.html`"));
        }
        return None;
    }
    (!files.contains(resolved.as_str()))
        .then(|| format!("`{target}` leads to no file (`{resolved}`)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, body: &str) -> Page {
        Page::for_test(path, body)
    }

    #[test]
    fn finds_broken_absolute_folder_and_script_links() {
        let pages = [
            page("index.html", "<a href=\"a/index.html\">ok</a>\n<a href=\"missing.html\">x</a>\n<a href='/abs'>y</a><script>x('<a href=\"/in-script\">')</script>"),
            page("a/index.html", "<a href=\"../index.html#top\">ok</a><a href=\"../a/\">dir</a><a href=\"javascript:alert(1)\">j</a><link href=\"../style.css\"><a href=\"https://e.org\">e</a>"),
            page("sitemap.xml", "<urlset><url><loc>https://x.io/a/</loc></url>\n<url><loc>https://x.io/gone/</loc></url></urlset>"),
        ];
        let found = check(&pages, "public", "https://x.io/", false);
        let messages: Vec<String> = found
            .iter()
            .map(|d| format!("{}:{} {}", d.path.display(), d.line.unwrap(), d.code))
            .collect();
        assert_eq!(
            messages,
            [
                "public/index.html:2 broken-link",
                "public/index.html:3 broken-link",
                "public/a/index.html:1 broken-link",
                "public/a/index.html:1 broken-link",
                "public/a/index.html:1 broken-link",
                "public/sitemap.xml:2 broken-feed-link",
            ]
        );
        // With pretty URLs a folder link is fine.
        let pretty = check(&pages[1..2], "public", "https://x.io/", true);
        assert!(
            pretty.iter().all(|d| !d.message.contains("listing")),
            "{pretty:?}"
        );
    }
}
