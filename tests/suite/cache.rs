//! The build cache: a cached build writes exactly what a cold build writes, redoes only what
//! a change needs, and leaves unchanged files alone.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::util::{assert_same_tree, snapshot_tree, SiteTest};

/// Inode and modification time of every file: a file rewritten gets new ones.
fn identities(dir: &Path) -> BTreeMap<String, (u64, i64, i64)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !e.path().starts_with(dir.join(".git")))
        .map(|e| {
            let meta = e.metadata().unwrap();
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, (meta.ino(), meta.mtime(), meta.mtime_nsec()))
        })
        .collect()
}

fn changed(
    before: &BTreeMap<String, (u64, i64, i64)>,
    after: &BTreeMap<String, (u64, i64, i64)>,
) -> Vec<String> {
    after
        .iter()
        .filter(|(path, id)| before.get(*path) != Some(*id))
        .map(|(path, _)| path.clone())
        .collect()
}

/// After each edit, the cached build into `public/` must equal a `--no-cache` build.
fn assert_cached_equals_cold(site: &SiteTest, what: &str) {
    site.build_ok(&[]);
    site.build_ok(&["--no-cache", "--output", "cold"]);
    let cached = snapshot_tree(&site.out());
    let cold = snapshot_tree(&site.root().join("cold"));
    assert!(cached.len() > 20, "{what}: too few files");
    if cached != cold {
        eprintln!("after: {what}");
        assert_same_tree(&cached, &cold);
    }
    fs::remove_dir_all(site.root().join("cold")).unwrap();
}

#[test]
fn a_cached_build_writes_what_a_cold_build_writes_through_every_kind_of_change() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    assert!(site.root().join(".briefing-cache/CACHEDIR.TAG").is_file());

    let first = site.sample_clippings()[0].clone();
    let text = fs::read_to_string(site.root().join(&first)).unwrap();
    site.write(&first, text.replace("the", "a"));
    assert_cached_equals_cold(&site, "an article edited");

    site.write(
        "content/new.md",
        "+++\ntitle = \"Envoys meet in Ankara\"\ndate = 2026-01-20\n+++\n\nTurkish and Kyrgyz envoys met in Ankara to discuss trade. They agreed to meet again in spring.\n",
    );
    assert_cached_equals_cold(&site, "an article added");

    fs::remove_file(site.root().join(&first)).unwrap();
    assert_cached_equals_cold(&site, "an article deleted");

    site.set_config("title", "\"Another title\"");
    assert_cached_equals_cold(&site, "the site title changed");

    site.set_config("summary_sentences", "1");
    assert_cached_equals_cold(&site, "the summary length changed");

    site.set_config("home_country", "\"tr\"");
    assert_cached_equals_cold(&site, "the home country changed");

    site.set_config("minify", "false");
    assert_cached_equals_cold(&site, "minify turned off");

    site.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{% endblock %}",
    );
    assert_cached_equals_cold(&site, "a template overridden");
}

#[test]
fn an_unchanged_build_does_nothing_and_keeps_its_warnings() {
    let site = SiteTest::sample();
    site.write(
        "content/undated.md",
        "+++\ntitle = \"No date\"\n+++\n\nSome text about Russia and trade.\n",
    );
    let first = site.build_ok(&[]);
    let before = identities(&site.out());
    let second = site.build_ok(&[]);
    assert!(
        second.stderr().contains("up to date"),
        "{}",
        second.stderr()
    );
    assert_eq!(
        changed(&before, &identities(&site.out())),
        Vec::<String>::new()
    );
    // The warnings of the last real build are shown again.
    let warnings = |s: String| {
        s.lines()
            .filter(|l| l.contains("warning["))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert!(!warnings(first.stderr()).is_empty());
    assert_eq!(warnings(first.stderr()), warnings(second.stderr()));
    // ... and --strict still refuses them.
    site.build(&["--strict"]).assert_code(1);
}

#[test]
fn an_edit_rewrites_only_the_pages_it_changes() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let before = identities(&site.out());
    // The last paragraph of one article: its own page changes, most others do not.
    let first = site.sample_clippings()[0].clone();
    let mut text = fs::read_to_string(site.root().join(&first)).unwrap();
    text.push_str("\nThe talks will continue in a working group.\n");
    site.write(&first, text);
    let run = site.run(&["-v", "build"]);
    run.assert_code(0);
    assert!(
        run.stderr().contains("cache: 4 of 5 files unchanged"),
        "{}",
        run.stderr()
    );
    let rewritten = changed(&before, &identities(&site.out()));
    assert!(
        rewritten.iter().any(|p| p.starts_with("articles/")),
        "{rewritten:?}"
    );
    assert!(
        rewritten.len() * 2 < before.len(),
        "{} of {} files rewritten: {rewritten:?}",
        rewritten.len(),
        before.len()
    );
    assert!(!rewritten.contains(&"style.css".to_owned()));
}

#[test]
fn a_render_only_setting_reanalyses_nothing() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    site.set_config("description", "\"Weekly\"");
    let run = site.run(&["-v", "build"]);
    run.assert_code(0);
    assert!(
        run.stderr().contains("cache: 5 of 5 files unchanged"),
        "{}",
        run.stderr()
    );
    // An analysis setting re-analyses (the summary length is part of the analysis key).
    site.set_config("summary_sentences", "2");
    let run = site.run(&["-v", "build"]);
    assert!(!run.stderr().contains("up to date"));
    run.assert_code(0);
    assert!(fs::read_to_string(site.out().join("index.html"))
        .unwrap()
        .contains("Weekly"));
}

#[test]
fn a_damaged_output_or_cache_is_rebuilt() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let pristine = snapshot_tree(&site.out());
    // A page edited by hand is written again, though nothing else changed.
    fs::write(site.out().join("index.html"), "defaced").unwrap();
    let run = site.build_ok(&[]);
    assert!(!run.stderr().contains("up to date"));
    assert_same_tree(&snapshot_tree(&site.out()), &pristine);
    // A stray file is removed, as a cold build would.
    fs::write(site.out().join("stray.html"), "stray").unwrap();
    site.build_ok(&[]);
    assert_same_tree(&snapshot_tree(&site.out()), &pristine);
    // Garbage in the cache is ignored.
    for entry in fs::read_dir(site.root().join(".briefing-cache")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "bin") {
            fs::write(&path, b"\x93garbage").unwrap();
        }
    }
    fs::remove_dir_all(site.out()).unwrap();
    site.build_ok(&[]);
    assert_same_tree(&snapshot_tree(&site.out()), &pristine);
}

#[test]
fn the_cache_folder_is_configurable_and_never_the_output() {
    let site = SiteTest::sample();
    site.set_config("cache_dir", "\"build-cache\"");
    site.build_ok(&[]);
    assert!(site.root().join("build-cache/CACHEDIR.TAG").is_file());
    assert!(!site.root().join(".briefing-cache").exists());
    let run = site.build(&["--output", "build-cache"]);
    run.assert_code(2);
    assert!(run.stderr().contains("overlaps"), "{}", run.stderr());
    site.build_ok(&["--no-cache", "--output", "other"]);
}
