//! Broken articles are reported (file, line, code) and skipped; the rest of the site is built.

use crate::util::{assert_same_tree, snapshot_tree, SiteTest};

/// Parse `path[:line]: severity[code]: message`; `None` for other lines.
fn parse_diagnostic(line: &str) -> Option<(String, Option<u32>, String, String)> {
    let (head, rest) = line.split_once(": ")?;
    let (path, line_no) = match head.rsplit_once(':') {
        Some((p, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
            (p.to_owned(), Some(n.parse().ok()?))
        }
        _ => (head.to_owned(), None),
    };
    let (severity, rest) = rest.split_once('[')?;
    if !matches!(severity, "warning" | "error") {
        return None;
    }
    let (code, message) = rest.split_once("]: ")?;
    if code.is_empty()
        || message.is_empty()
        || !code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return None;
    }
    Some((path, line_no, severity.to_owned(), code.to_owned()))
}

#[test]
fn bad_articles_are_reported_with_path_and_code_and_the_rest_is_built() {
    let site = SiteTest::sample();
    site.write(
        "content/unclosed.md",
        "+++\ntitle = \"Never closed\"\ndate = 2026-01-01\n\nBody.\n",
    )
    .write(
        "content/latin1.txt",
        b" date 2026-01-03\nCaf\xe9 opened in Bishkek with Russian partners.\n".as_slice(),
    )
    .write(
        "content/x.txt",
        b"PK\x03\x04\x00\x00binary\x00junk".as_slice(),
    )
    .write("content/empty.md", "")
    .write(
        "content/undated.txt",
        "Officials in Bishkek met Russian partners to discuss trade.\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    let stderr = run.stderr();

    let diagnostics: Vec<_> = stderr.lines().filter_map(parse_diagnostic).collect();
    let mut missing = Vec::new();
    for (file, severity, code) in [
        ("content/unclosed.md", "error", "bad-front-matter"),
        ("content/latin1.txt", "warning", "invalid-utf8"),
        ("content/x.txt", "error", "binary-file"),
        ("content/empty.md", "warning", "empty-file"),
        ("content/undated.txt", "warning", "no-date"),
    ] {
        let found = diagnostics
            .iter()
            .any(|(p, _, s, c)| p == file && s == severity && c == code);
        if !found {
            missing.push(format!("{file}: {severity}[{code}]"));
        }
    }
    assert!(
        missing.is_empty(),
        "not reported: {missing:?}\nstderr:\n{stderr}"
    );
    // Where a line is known it is given: the invalid byte is on line 2.
    assert!(
        diagnostics
            .iter()
            .any(|(p, l, _, c)| p == "content/latin1.txt" && c == "invalid-utf8" && *l == Some(2)),
        "{stderr}"
    );

    // The five seeds, the lossily decoded clipping and the undated one are published.
    let articles = site.article_pages();
    assert_eq!(articles.len(), 7, "{articles:#?}");
    assert!(
        articles
            .iter()
            .any(|p| p.starts_with("articles/2026-01-03-")),
        "{articles:#?}"
    );
    assert!(
        articles.iter().any(|p| p.starts_with("articles/undated-")),
        "{articles:#?}"
    );
    assert!(site.out().join("months/undated/index.html").is_file());
}

#[test]
fn strict_refuses_warnings_and_leaves_the_output_unchanged() {
    let site = SiteTest::sample();
    site.build_ok(&["--strict"]);
    let before = snapshot_tree(&site.out());

    site.write(
        "content/undated.txt",
        "Officials in Bishkek met Russian partners to discuss trade.\n",
    );
    let run = site.build(&["--strict"]);
    run.assert_code(1);
    let stderr = run.stderr();
    assert!(
        stderr.contains("content/undated.txt") && stderr.contains("warning[no-date]"),
        "{stderr}"
    );
    assert!(stderr.contains("--strict"), "{stderr}");
    assert_same_tree(&before, &snapshot_tree(&site.out()));

    // Without --strict the same site builds, with the warning.
    let run = site.build_ok(&[]);
    assert!(run.stderr().contains("warning[no-date]"));
    assert_eq!(site.article_pages().len(), 6);
}
