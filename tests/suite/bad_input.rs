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
    .write(
        "content/corrupt.txt",
        b" date 2026-01-04\n\xd0\x9c\xd0\xb8\xd0\xbd\xd0\xb8\xd1\x81\xd1\x82\xd1\x80 met Russian partners in Bishkek.\nA broken \xff byte.\n"
            .as_slice(),
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
        ("content/latin1.txt", "warning", "not-utf8"),
        ("content/corrupt.txt", "warning", "invalid-utf8"),
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
    // Where a line is known it is given: the broken byte of a UTF-8 file is on line 3.
    assert!(
        diagnostics
            .iter()
            .any(|(p, l, _, c)| p == "content/corrupt.txt" && c == "invalid-utf8" && *l == Some(3)),
        "{stderr}"
    );

    // The five seeds, the Latin-1 and the lossily decoded clippings and the undated one are
    // published; the Latin-1 one reads right.
    let articles = site.article_pages();
    assert_eq!(articles.len(), 8, "{articles:#?}");
    let latin1 = articles
        .iter()
        .find(|p| p.starts_with("articles/2026-01-03-"))
        .expect("the Latin-1 clipping's page");
    assert!(site.read(latin1).contains("Café opened"), "{latin1}");
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

/// Every kind of input the issue lists gets one clear, one-line, escaped message, and the rest
/// of the site is built.
#[test]
fn odd_files_are_named_not_silently_skipped_or_published_as_garbage() {
    let site = SiteTest::sample();
    // A "web page" that is really an image, with no NUL byte in it.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let noise: Vec<u8> = (0..6000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state as u8).max(1)
        })
        .collect();
    // Notepad's "Unicode" without a byte-order mark.
    let utf16: Vec<u8> =
        " date 2026-01-06\nTashkent and Bishkek agreed on a new border crossing with Uzbekistan.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
    site.write("content/photo.html", &noise)
        .write("content/notepad.txt", &utf16)
        .write("content/..md", "+++\ntitle = \"Dots\"\ndate = 2026-01-01\n+++\nBody.\n")
        .write("content/.hidden.md", "+++\ntitle = \"Hidden\"\ndate = 2026-01-01\n+++\nBody.\n")
        .write(
            "content/far-future.md",
            "+++\ntitle = \"Far future\"\ndate = 9999-12-31\n+++\nTalks with Russia.\n",
        )
        .write(
            "content/bad\nname.md",
            "+++\ntitle = \"Odd name\"\ndate = 2026-01-02\nurl = \"ftp://x\\ny\"\n+++\nTalks with Russia.\n",
        );
    let fifo = site.root().join("content/pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let have_fifo = made.is_ok_and(|s| s.success());

    let run = site.build(&[]);
    run.assert_code(1);
    let stderr = run.stderr();
    let mut expected = vec![
        ("content/photo.html", "error[binary-file]"),
        ("content/..md", "warning[hidden-file]"),
        ("content/.hidden.md", "warning[hidden-file]"),
        ("content/far-future.md", "warning[implausible-date]"),
        ("content/bad\\nname.md", "warning[bad-url]"),
    ];
    if have_fifo {
        expected.push(("content/pipe.md", "warning[not-a-file]"));
    }
    for (file, code) in expected {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(&format!("{file}: {code}"))),
            "{file}: {code} missing from\n{stderr}"
        );
    }
    // The newline in the name and in the url value is escaped: every line is a diagnostic,
    // a hint, or the summary.
    for line in stderr.lines() {
        assert!(
            line.starts_with("content/") || line.starts_with("  = hint:") || line.contains(" → "),
            "a diagnostic split over lines: {line:?}\n{stderr}"
        );
    }
    assert!(stderr.contains("`ftp://x\\ny`"), "{stderr}");
    // The UTF-16 clipping is read; the far-future article is undated, so no 9999 month.
    let notepad = site
        .article_pages()
        .into_iter()
        .find(|p| p.starts_with("articles/2026-01-06-"))
        .expect("the UTF-16 clipping is published");
    assert!(site.read(&notepad).contains("border crossing"));
    assert!(!site.out().join("months/9999-12").exists());
    assert!(
        site.files().iter().all(|f| !f.contains("9999")),
        "{:?}",
        site.files()
    );
}

#[test]
fn the_date_window_is_configurable_and_checked() {
    let site = SiteTest::sample();
    site.write(
        "content/old.md",
        "+++\ntitle = \"Independence\"\ndate = 1991-08-31\n+++\nKyrgyzstan declared independence.\n",
    );
    let run = site.build(&[]);
    assert!(
        !run.stderr().contains("implausible-date"),
        "{}",
        run.stderr()
    );
    site.set_config("earliest_date", "2000-01-01");
    let run = site.build(&[]);
    assert!(
        run.stderr()
            .contains("content/old.md: warning[implausible-date]: the date 1991-08-31 is outside"),
        "{}",
        run.stderr()
    );
    site.set_config("latest_date", "\"1999-01-01\"");
    let run = site.build(&[]);
    run.assert_code(2);
    assert!(run.stderr().contains("earliest_date"), "{}", run.stderr());
}

#[test]
fn many_warnings_of_one_kind_are_summed_up_unless_verbose() {
    let site = SiteTest::sample();
    for i in 0..40 {
        site.write(
            &format!("content/undated-{i:02}.txt"),
            format!("Officials in Bishkek met Russian partners, meeting {i}.\n"),
        );
    }
    let run = site.build_ok(&[]);
    let stderr = run.stderr();
    let shown = stderr
        .lines()
        .filter(|l| l.contains("warning[no-date]: no publication"))
        .count();
    assert_eq!(shown, 5, "{stderr}");
    assert!(
        stderr.contains("warning[no-date]: 35 more not shown (40 in all"),
        "{stderr}"
    );
    let run = site.build_ok(&["--verbose"]);
    let shown = run
        .stderr()
        .lines()
        .filter(|l| l.contains("warning[no-date]: no publication"))
        .count();
    assert_eq!(shown, 40);
}
