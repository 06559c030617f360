//! The summariser's evidence for every candidate sentence, for fitting its weights
//! (`scripts/summary-eval/fit.py`): one JSON object per article on stdout,
//! `{"source", "sentences": [{"text", "paragraph", "features": [...]}], "names": [...]}`.
//!
//!     cargo run --release --example summary_features -- FILE...

use std::io::Write;
use std::path::PathBuf;

use briefing::analyse::summary::{self, score};
use briefing::analyse::{language, Lang};
use briefing::ingest;

fn main() {
    let files: Vec<(PathBuf, PathBuf)> = std::env::args()
        .skip(1)
        .map(|a| (PathBuf::from(&a), PathBuf::from(&a)))
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for loaded in ingest::read_paths(&files) {
        let Some(article) = loaded.article else {
            continue;
        };
        let lang = article
            .front
            .language
            .as_deref()
            .and_then(Lang::parse)
            .or_else(|| language::detect_article(&article.title, article.text().chars()))
            .unwrap_or_else(|| Lang::parse("en").expect("en"));
        let candidates = summary::candidates(&article);
        let sentences: Vec<serde_json::Value> = summary::features(&article, &candidates, &lang)
            .into_iter()
            .map(|(s, f)| {
                serde_json::json!({
                    "text": s.text,
                    "paragraph": s.paragraph,
                    "list_item": s.list_item,
                    "features": f.to_vec(),
                })
            })
            .collect();
        let line = serde_json::json!({
            "source": article.source,
            "language": lang.as_str(),
            "names": score::NAMES,
            "sentences": sentences,
        });
        writeln!(out, "{line}").expect("stdout");
    }
}
