//! What clustering costs at scale (run by hand; never a timed assertion): the particulars of
//! every article of a generated corpus (`../shared/bench/gen_corpus.py`), then [`cluster`] over
//! them, in process CPU seconds (the machine is shared: wall time would measure the others).
//! Every article gets the same partner, so each pair within the date window compares its
//! particulars: an upper bound of the grouping's cost.
//!
//! `STORIES_BENCH=/tmp/c10k/articles cargo test --release --lib stories_cost -- --ignored
//! --nocapture`; compare with the CPU time of a cold `briefing build --no-cache` of the same
//! corpus (`/usr/bin/time`).

use super::{cluster, Report};
use crate::analyse::{story_keys, AnalysisContext, PartnerId};
use crate::config::SiteConfig;
use crate::ingest;

/// User + system CPU seconds of this process so far (Linux `/proc/self/stat`, in ticks of
/// 1/100 s).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat readable");
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')').expect("stat has a command") + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 =
        fields[11].parse::<u64>().unwrap_or(0) + fields[12].parse::<u64>().unwrap_or(0);
    ticks as f64 / 100.0
}

#[test]
#[ignore = "needs a generated corpus in $STORIES_BENCH; prints CPU seconds"]
fn stories_cost() {
    let Ok(dir) = std::env::var("STORIES_BENCH") else {
        eprintln!("skipped: set STORIES_BENCH to a folder of generated articles");
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let sources = ingest::scan(&dir, &dir);
    let chrome = sources.site_chrome();
    let articles: Vec<_> = sources
        .files
        .iter()
        .filter_map(|s| s.parse(&chrome).article)
        .collect();
    let context = AnalysisContext::new(&SiteConfig::default()).expect("context");
    let started = cpu_seconds();
    let keys: Vec<_> = articles
        .iter()
        .map(|a| story_keys::extract(a, &context.gazetteer))
        .collect();
    let extracted = cpu_seconds();
    let partner = [PartnerId::parse("us").expect("valid id")];
    let reports: Vec<Report> = articles
        .iter()
        .zip(&keys)
        .map(|(a, k)| Report {
            date: a.date,
            partners: &partner,
            keys: k,
        })
        .collect();
    let (_, stories) = cluster(&reports);
    let grouped = cpu_seconds();
    eprintln!(
        "{} articles: particulars {:.2} s CPU, grouping {:.2} s CPU ({} stories of 2 or more)",
        articles.len(),
        extracted - started,
        grouped - extracted,
        stories.len()
    );
}
