//! `briefing inspect --json`: the analysis contract tools and tests rely on.

use serde_json::Value;

use crate::util::SiteTest;

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_else(|| panic!("not a string: {v}")))
        .collect()
}

/// The seed whose file name starts with `prefix` (`"002"`).
fn seed<'a>(all: &'a [Value], prefix: &str) -> &'a Value {
    all.iter()
        .find(|a| {
            a["source"]
                .as_str()
                .is_some_and(|s| s.starts_with(&format!("content/{prefix}_")))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

#[test]
fn inspect_json_reports_the_five_seeds() {
    let site = SiteTest::sample();
    let files = site.sample_clippings();
    assert_eq!(files.len(), 5);
    let all = site.inspect_json(&files, &[]);
    assert_eq!(all.len(), 5);

    for (article, file) in all.iter().zip(&files) {
        for key in [
            "source",
            "title",
            "date",
            "language",
            "partners",
            "mentioned",
            "summary",
            "figures",
        ] {
            assert!(article.get(key).is_some(), "{file}: no `{key}`");
        }
        assert_eq!(
            article["source"],
            file.as_str(),
            "source is the path as given, in order"
        );
        assert!(
            !article["title"].as_str().unwrap().is_empty(),
            "{file}: empty title"
        );
        let summary = strings(&article["summary"]);
        assert!(
            (1..=3).contains(&summary.len()),
            "{file}: {} sentences",
            summary.len()
        );
        strings(&article["figures"]);
        for list in ["partners", "mentioned"] {
            assert!(
                !strings(&article[list]).contains(&"kg"),
                "{file}: the home country kg is in {list}"
            );
        }
    }

    let expected = [
        ("000", "2026-02-04", "en", &["us"][..]),
        ("001", "2026-02-04", "uk", &["us"]),
        ("002", "2025-11-26", "en", &["ru"]),
        ("003", "2025-12-18", "en", &["ots", "us"]),
        ("004", "2025-12-04", "en", &["pk"]),
    ];
    for (prefix, date, language, partners) in expected {
        let a = seed(&all, prefix);
        assert_eq!(a["date"], date, "{prefix}: date");
        assert_eq!(a["language"], language, "{prefix}: language");
        let got = strings(&a["partners"]);
        for p in partners {
            assert!(got.contains(p), "{prefix}: partners {got:?} lack {p}");
        }
    }
}

#[test]
fn inspect_sentences_sets_the_summary_length() {
    let site = SiteTest::sample();
    let all = site.inspect_json(&site.sample_clippings(), &["--sentences", "1"]);
    for a in &all {
        assert_eq!(strings(&a["summary"]).len(), 1, "{}", a["source"]);
    }
}

#[test]
fn inspect_home_overrides_the_home_country() {
    let site = SiteTest::sample();
    let files = site.sample_clippings();
    let default = site.inspect_json(&files, &[]);
    assert!(strings(&seed(&default, "002")["partners"]).contains(&"ru"));
    let all = site.inspect_json(&files, &["--home", "ru"]);
    let russia = seed(&all, "002");
    assert!(!strings(&russia["partners"]).contains(&"ru"), "{russia}");
    assert!(!strings(&russia["mentioned"]).contains(&"ru"), "{russia}");
}

#[test]
fn inspect_of_a_missing_file_fails_naming_it() {
    let site = SiteTest::sample();
    let run = site.run(&["inspect", "--json", "content/nope.txt"]);
    assert_ne!(run.code(), 0, "{}", run.stdout());
    assert!(
        run.stderr().contains("content/nope.txt"),
        "{}",
        run.stderr()
    );
}

#[test]
fn inspect_json_of_the_seeds_snapshot() {
    let site = SiteTest::sample();
    let mut args = vec!["inspect".to_owned(), "--json".to_owned()];
    args.extend(site.sample_clippings());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = site.run(&args);
    run.assert_code(0);
    crate::util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("inspect_json_seeds", run.stdout());
    });
}

#[test]
fn inspect_json_reports_agreements_and_people() {
    let site = SiteTest::sample();
    let all = site.inspect_json(&site.sample_clippings(), &[]);
    let signed: Vec<&Value> = seed(&all, "002")["agreements"]
        .as_array()
        .expect("agreements is an array")
        .iter()
        .filter(|a| a["status"] == "signed")
        .collect();
    assert_eq!(signed.len(), 7, "{signed:#?}");
    assert_eq!(signed[0]["kind"], "memorandum");
    assert_eq!(
        signed[0]["parties"],
        "the Ministries of Economy of Kyrgyzstan and Russia"
    );
    // The same envoy in English and in Ukrainian, with the same cross-script key.
    let gor = |prefix: &str| -> Value {
        seed(&all, prefix)["people"]
            .as_array()
            .expect("people is an array")
            .iter()
            .find(|p| p["name"] == "Sergio Gor" || p["name"] == "Серджіо Гор")
            .unwrap_or_else(|| panic!("no Sergio Gor in {prefix}"))
            .clone()
    };
    let (en, uk) = (gor("000"), gor("001"));
    assert_eq!(en["key"], uk["key"]);
    assert!(!en["roles"].as_array().unwrap().is_empty());
    assert!(en["roles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["title"].as_str().unwrap().contains("Envoy")));
    // Articles without any: empty arrays, never missing keys.
    for a in &all {
        assert!(a["agreements"].is_array() && a["people"].is_array());
    }
}
