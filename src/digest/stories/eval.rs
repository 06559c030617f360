//! Pairwise precision and recall of story clustering on real reports: the WMT22 Russian news
//! documents with their human English translations (one story in two languages), mixed with
//! Ukrainian presidential texts on the same partners and people (hard negatives, with their own
//! dates). The WMT documents share one date, so time never separates them. Texts stay outside the repository
//! (`scripts/stories-eval/fetch_texts.py`; `$STORIES_EVAL` overrides the path); the test is
//! skipped when they are absent. `cargo test --lib stories_eval -- --nocapture` prints the table.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::eval_split::{held_out, ratio};

use super::{cluster, Report};
use crate::analyse::{analyse, AnalysisContext};
use crate::config::SiteConfig;
use crate::ingest::{Article, Block, BlockKind};

const TEXTS: &str = "/work/data/stories/eval.jsonl";
const LABELS: &str = include_str!("../../../tests/stories-eval/labels.toml");

#[derive(Deserialize)]
struct Text {
    id: String,
    story: String,
    date: NaiveDate,
    title: String,
    paragraphs: Vec<String>,
}

#[derive(Deserialize)]
struct Labels {
    same: Vec<Vec<String>>,
}

#[derive(Default)]
struct Pairs {
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
}

impl Pairs {
    fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }
    fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }
}

#[test]
fn stories_eval() {
    let path = std::env::var("STORIES_EVAL").unwrap_or_else(|_| TEXTS.to_owned());
    let Ok(corpus) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {path} is absent");
        return;
    };
    let labels: Labels = toml::from_str(LABELS).expect("labels.toml parses");
    let texts: Vec<Text> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("text line parses"))
        .collect();
    // Gold story per text, with the groups read to be one event merged in.
    let mut gold: BTreeMap<&str, String> = texts
        .iter()
        .map(|t| (t.id.as_str(), t.story.clone()))
        .collect();
    for group in &labels.same {
        let story = gold[group[0].as_str()].clone();
        for id in group {
            let old = gold[id.as_str()].clone();
            for value in gold.values_mut() {
                if *value == old {
                    *value = story.clone();
                }
            }
        }
    }
    let ctx = AnalysisContext::new(&SiteConfig::default()).expect("context");
    let analysed: Vec<_> = texts
        .iter()
        .map(|t| {
            let mut article = Article::for_test(&t.title, &[]);
            article.blocks = t
                .paragraphs
                .iter()
                .map(|p| Block {
                    kind: BlockKind::Paragraph,
                    text: p.clone(),
                })
                .collect();
            article.date = Some(t.date);
            analyse(&article, &ctx).0
        })
        .collect();
    let verbose = std::env::var("STORIES_VERBOSE").is_ok();
    if let Ok(dump) = std::env::var("STORIES_DUMP") {
        // The dev part's evidence, for trying rules without rebuilding (held-out left out).
        let lines: Vec<String> = texts
            .iter()
            .zip(&analysed)
            .filter(|(t, _)| !held_out(&gold[t.id.as_str()]))
            .map(|(t, a)| {
                serde_json::json!({"id": t.id, "gold": gold[t.id.as_str()], "date": t.date,
                    "partners": a.partners, "keys": a.story_keys.0})
                .to_string()
            })
            .collect();
        std::fs::write(dump, lines.join("\n")).expect("dump written");
    }
    let mut table = String::new();
    for heldout in [false, true] {
        let members: Vec<usize> = (0..texts.len())
            .filter(|&i| held_out(&gold[texts[i].id.as_str()]) == heldout)
            .collect();
        let reports: Vec<Report> = members
            .iter()
            .map(|&i| Report {
                date: Some(texts[i].date),
                partners: &analysed[i].partners,
                keys: &analysed[i].story_keys,
            })
            .collect();
        let (story_of, _) = cluster(&reports);
        if verbose && !heldout {
            // Direct links between different gold stories, with what they shared.
            for a in 0..members.len() {
                for b in a + 1..members.len() {
                    let (ta, tb) = (&texts[members[a]], &texts[members[b]]);
                    let same_gold = gold[ta.id.as_str()] == gold[tb.id.as_str()];
                    let shared: Vec<&str> = reports[a].keys.shared(reports[b].keys).collect();
                    let smaller = reports[a].keys.len().min(reports[b].keys.len());
                    if !same_gold && super::same_story(&reports[a], &reports[b]) {
                        eprintln!("LINK {} | {} | {shared:?}", ta.id, tb.id);
                    }
                    if same_gold {
                        let linked = super::same_story(&reports[a], &reports[b]);
                        eprintln!(
                            "GOLD {} {}/{smaller} linked={linked} partners={:?}/{:?}",
                            ta.id,
                            shared.len(),
                            reports[a].partners,
                            reports[b].partners
                        );
                        if !linked {
                            eprintln!("  shared {shared:?}");
                            eprintln!("  {} {:?}", ta.id, reports[a].keys.0);
                            eprintln!("  {} {:?}", tb.id, reports[b].keys.0);
                        }
                    }
                }
            }
        }
        let mut pairs = Pairs::default();
        for a in 0..members.len() {
            for b in a + 1..members.len() {
                let (ta, tb) = (&texts[members[a]], &texts[members[b]]);
                let same_gold = gold[ta.id.as_str()] == gold[tb.id.as_str()];
                let same_got = story_of[a].is_some() && story_of[a] == story_of[b];
                match (same_gold, same_got) {
                    (true, true) => pairs.true_pos += 1,
                    (false, true) => {
                        pairs.false_pos += 1;
                        if verbose && !heldout {
                            eprintln!("FP {} | {}", ta.id, tb.id);
                        }
                    }
                    (true, false) => {
                        pairs.false_neg += 1;
                        if verbose && !heldout {
                            eprintln!("FN {} | {}", ta.id, tb.id);
                        }
                    }
                    (false, false) => {}
                }
            }
        }
        table.push_str(&format!(
            "{:<9} texts {:>3}  gold pairs {:>3}  precision {:.3}  recall {:.3}\n",
            if heldout { "held-out" } else { "dev" },
            members.len(),
            pairs.true_pos + pairs.false_neg,
            pairs.precision(),
            pairs.recall()
        ));
    }
    eprintln!("{table}");
}
