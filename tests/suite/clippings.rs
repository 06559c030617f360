//! Generality of the clipping parser: 24 hand-made clippings from sites unlike the seeds
//! (`tests/fixtures/clippings`, English, Russian, Ukrainian, Kyrgyz), each with what a
//! perfect parser would extract. Story text must never be lost; for the rest the suite holds
//! the scores reached so far as floors, so an improvement passes and a regression fails.

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::{repo_root, SiteTest};

/// Whitespace collapsed, soft hyphens and list bullets dropped (the parser turns `• item`
/// into a list item without the bullet).
fn norm(s: &str) -> String {
    let s = s.replace('\u{ad}', "");
    let s = s.trim().trim_start_matches(['•', '-']).trim_start();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Score {
    hits: BTreeMap<&'static str, (usize, usize)>,
    failures: Vec<String>,
}

impl Score {
    fn mark(&mut self, what: &'static str, ok: bool, file: &str, detail: impl FnOnce() -> String) {
        let entry = self.hits.entry(what).or_default();
        entry.1 += 1;
        if ok {
            entry.0 += 1;
        } else {
            self.failures.push(format!("{file}: {what}: {}", detail()));
        }
    }

    fn at_least(&self, what: &str, floor: usize) {
        let (hits, total) = self.hits.get(what).copied().unwrap_or_default();
        assert!(
            hits >= floor,
            "{what}: {hits}/{total} below the floor of {floor}\n{}",
            self.failures.join("\n")
        );
    }
}

#[test]
fn clippings_from_unseen_sites_parse_cleanly() {
    let dir = repo_root().join("tests/fixtures/clippings");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 24);
    let site = SiteTest::empty();
    let mut args = vec!["inspect", "--json", "--home", "kg"];
    args.extend(files.iter().map(String::as_str));
    let run = site.run(&args);
    let results: Vec<serde_json::Value> =
        serde_json::from_str(&run.stdout()).expect("inspect prints JSON");
    let by_file: BTreeMap<String, &serde_json::Value> = results
        .iter()
        .map(|r| {
            (
                Path::new(r["source"].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                r,
            )
        })
        .collect();

    let mut score = Score::default();
    for file in &files {
        let name = Path::new(file)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let expected: toml::Table = std::fs::read_to_string(file.replace(".txt", ".expected.toml"))
            .unwrap()
            .parse()
            .unwrap();
        let got = by_file.get(&name);
        if expected.get("no_story").and_then(|v| v.as_bool()) == Some(true) {
            score.mark("no-story", got.is_none(), &name, || {
                "a page of chrome became an article".into()
            });
            continue;
        }
        let Some(got) = got else {
            score.mark("present", false, &name, || "article missing".into());
            continue;
        };
        let s = |v: &serde_json::Value| v.as_str().map(norm);
        let e = |k: &str| expected.get(k).and_then(|v| v.as_str()).map(norm);
        let body: Vec<String> = got["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| norm(b.as_str().unwrap()))
            .collect();
        let text = body.join("\n");

        // Story text is never lost.
        for must in expected
            .get("must_contain")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let must = norm(must.as_str().unwrap());
            score.mark("story kept", text.contains(&must), &name, || {
                format!("lost {must:?}")
            });
        }
        let first = e("body_first").unwrap();
        let last = e("body_last").unwrap();
        // The parser takes the dateline ("МОСКВА, 12 ноября. /ТАСС/.") off the analysed text.
        let head = |t: &str| t.chars().take(40).collect::<String>();
        let starts = body
            .first()
            .is_some_and(|b| b.contains(&head(&first)) || first.contains(&head(b)));
        score.mark("body start", starts, &name, || {
            format!("starts {:?}", body.first())
        });
        score.mark(
            "body end",
            body.last().is_some_and(|b| b.contains(&last)),
            &name,
            || format!("ends {:?}", body.last()),
        );
        for chrome in expected
            .get("must_not_contain")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let chrome = norm(chrome.as_str().unwrap());
            if chrome.starts_with("date 20") {
                continue; // the marker shares its line with the first sentence
            }
            score.mark("chrome removed", !text.contains(&chrome), &name, || {
                format!("kept {chrome:?}")
            });
        }
        if let Some(date) = e("date") {
            score.mark("date", s(&got["date"]) == Some(date.clone()), &name, || {
                format!("{} != {date}", got["date"])
            });
        }
        if let Some(time) = e("time") {
            score.mark("time", s(&got["time"]) == Some(time.clone()), &name, || {
                format!("{} != {time}", got["time"])
            });
        }
        if let Some(title) = e("title") {
            score.mark(
                "title",
                s(&got["title"]) == Some(title.clone()),
                &name,
                || format!("{} != {title:?}", got["title"]),
            );
        } else if expected.get("title_from_lead").and_then(|v| v.as_bool()) == Some(true) {
            let from_lead = got["title_origin"] == "lead";
            score.mark("title from lead", from_lead, &name, || {
                format!("took {} as a title", got["title"])
            });
            let title = got["title"].as_str().unwrap();
            score.mark(
                "lead title length",
                title.chars().count() <= 101,
                &name,
                || format!("{title:?}"),
            );
        }
        if let Some(source) = e("source_name") {
            score.mark(
                "source",
                s(&got["source_name"]) == Some(source.clone()),
                &name,
                || format!("{} != {source:?}", got["source_name"]),
            );
        }
        if let Some(url) = e("url") {
            score.mark("url", s(&got["url"]) == Some(url.clone()), &name, || {
                format!("{} != {url:?}", got["url"])
            });
        }
        let lang = e("language").unwrap();
        score.mark(
            "language",
            s(&got["language"]) == Some(lang.clone()),
            &name,
            || format!("{} != {lang}", got["language"]),
        );
    }
    eprintln!("clipping fixtures: {:?}", score.hits);
    // Hard guarantees.
    for what in [
        "story kept",
        "no-story",
        "body start",
        "body end",
        "language",
        "url",
    ] {
        let (hits, total) = score.hits[what];
        assert_eq!(hits, total, "{what}\n{}", score.failures.join("\n"));
    }
    // Floors: the scores reached when this test was written (issue 3).
    score.at_least("date", 22); // of 23
    score.at_least("time", 14); // of 15
    score.at_least("title", 12); // of 12
    score.at_least("title from lead", 11); // of 11
    score.at_least("source", 15); // of 21; most misses are other spellings of the right name
    score.at_least("chrome removed", 236); // of 236
}
