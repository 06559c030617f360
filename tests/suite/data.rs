//! The digest as data: `digest.json` validates against its published schema, `articles.csv`
//! is RFC 4180 and safe to open in a spreadsheet, and `data_export = false` turns both off.

use serde_json::Value;

use crate::util::{read_text, repo_root, SiteTest};

fn digest(site: &SiteTest) -> Value {
    serde_json::from_str(&site.read("digest.json")).expect("digest.json is JSON")
}

fn schema() -> Value {
    serde_json::from_str(&read_text(&repo_root().join("docs/digest.schema.json")))
        .expect("docs/digest.schema.json is JSON")
}

fn validation_errors(instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema()).expect("the schema is a valid schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_sample_sites_digest_json_validates_against_its_schema() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let doc = digest(&site);
    let errors = validation_errors(&doc);
    assert!(
        errors.is_empty(),
        "digest.json does not validate:\n{}",
        errors.join("\n")
    );
    // The published schema is the documented one.
    assert_eq!(
        site.read("digest.schema.json"),
        read_text(&repo_root().join("docs/digest.schema.json"))
    );

    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    // Every article link resolves to a built page.
    for a in articles {
        let url = a["url"].as_str().unwrap();
        assert!(site.out().join(url).is_file(), "{url} is not a page");
        assert!(url.starts_with("articles/") && !url.starts_with('/'));
    }
    // Seed 002: Russia, with the documents signed at the talks.
    let ru_seed = articles
        .iter()
        .find(|a| a["source"].as_str().unwrap().starts_with("content/002_"))
        .unwrap();
    let signed: Vec<&str> = ru_seed["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["status"] == "signed")
        .map(|x| x["text"].as_str().unwrap())
        .collect();
    assert_eq!(signed.len(), 7, "{signed:#?}");
    let ru = doc["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "ru")
        .unwrap();
    assert!(ru["articles"].as_array().unwrap().contains(&ru_seed["id"]));
    // Sergio Gor: one person, named in the English and the Ukrainian article.
    let gor: Vec<&Value> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "Sergio Gor")
        .collect();
    assert_eq!(gor.len(), 1, "{:#}", doc["people"]);
    let langs: Vec<&str> = gor[0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| {
            articles.iter().find(|a| &a["id"] == id).unwrap()["language"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(langs.contains(&"en") && langs.contains(&"uk"), "{langs:?}");

    // The home page footer links both files; other pages do not repeat it.
    let home = site.read("index.html");
    assert!(home.contains("digest.json"), "no digest.json link");
    assert!(home.contains("articles.csv"));
    let article = site.read(articles[0]["url"].as_str().unwrap());
    assert!(
        !article.contains("digest.json"),
        "the data link is on the home page only"
    );
}

#[test]
fn a_broken_export_fails_validation() {
    // The schema test above could pass with a schema that accepts anything: prove it refuses.
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let mut doc = digest(&site);
    doc["articles"][0]["date"] = Value::from("26 November");
    doc["articles"][1]["agreements"] = serde_json::json!([{ "kind": "treaty" }]);
    doc["schema_version"] = Value::from(99);
    let errors = validation_errors(&doc);
    assert!(errors.len() >= 3, "{errors:?}");
}

#[test]
fn articles_csv_is_one_quoted_row_per_article_and_defuses_formulas() {
    let site = SiteTest::sample();
    site.write(
        "content/formula.md",
        "+++\ntitle = \"=HYPERLINK(\\\"http://x.invalid\\\",\\\"click\\\")\"\ndate = 2025-11-30\n+++\n\n@SUM(A1:A9), \"quoted\", and a comma\nsecond line.\n",
    );
    site.build_ok(&[]);
    let text = site.read("articles.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.get(0), Some("id"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid CSV")).collect();
    assert_eq!(rows.len(), 6);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let formula = rows
        .iter()
        .find(|r| r[col("source")].ends_with("formula.md"))
        .expect("the formula article");
    assert!(
        formula[col("title")].starts_with("'=HYPERLINK("),
        "{formula:?}"
    );
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "live formula {cell:?}"
            );
        }
    }
    // Rows follow digest.json's order and ids.
    let doc = digest(&site);
    let ids: Vec<&str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let csv_ids: Vec<&str> = rows.iter().map(|r| &r[col("id")]).collect();
    assert_eq!(ids, csv_ids);
}

#[test]
fn data_export_false_writes_neither_file_nor_link() {
    let site = SiteTest::sample();
    site.set_config("data_export", "false");
    site.build_ok(&[]);
    let files = site.files();
    for f in ["digest.json", "digest.schema.json", "articles.csv"] {
        assert!(!files.contains(&f.to_owned()), "{f} written");
    }
    assert!(!site.read("index.html").contains("digest.json"));
    // A wrong type is refused with the key's line.
    site.set_config("data_export", "\"no\"");
    let run = site.build(&[]);
    assert_ne!(run.code(), 0);
    let err = run.stderr();
    assert!(
        err.contains("site.toml") && err.contains("line") && err.contains("boolean"),
        "{err}"
    );
}

#[test]
fn the_export_is_byte_identical_across_builds() {
    let site = SiteTest::sample();
    site.build_ok(&["--no-cache"]);
    let first = (site.read("digest.json"), site.read("articles.csv"));
    site.build_ok(&["--no-cache"]);
    assert_eq!(first, (site.read("digest.json"), site.read("articles.csv")));
}
