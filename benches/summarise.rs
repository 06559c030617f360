//! Summariser speed: mean time per article of `summarise` (and `figures::extract`) over a
//! folder of articles, after ingest. A plain timing loop, not criterion: one number is all we
//! need, and tests never assert on timings.
//!
//!     cargo bench --bench summarise -- [DIR] [ROUNDS]   (defaults: content, 50)
//!
//! e.g. `cargo bench --bench summarise -- "../shared/eval/bbc-dev/News Articles/business"`.

use std::path::PathBuf;
use std::time::Instant;

use briefing::analyse::summary::{self, Length};
use briefing::analyse::{figures, Lang};
use briefing::ingest;

fn main() {
    // `cargo bench` passes `--bench`; skip flags.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let dir = PathBuf::from(args.first().map_or("content", String::as_str));
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(50);
    let mut files: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .map(|p| (p.clone(), p))
        .collect();
    files.sort();
    let articles: Vec<_> = ingest::read_paths(&files)
        .into_iter()
        .filter_map(|l| l.article)
        .collect();
    let langs: Vec<Lang> = articles
        .iter()
        .map(|a| {
            briefing::analyse::language::detect(&a.text()).unwrap_or(Lang::parse("en").unwrap())
        })
        .collect();
    let mut sentences = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        for (article, lang) in articles.iter().zip(&langs) {
            sentences += summary::summarise(article, lang, Length::sentences(3)).len();
        }
    }
    let summarise = start.elapsed();
    let start = Instant::now();
    for _ in 0..rounds {
        for article in &articles {
            let figures =
                figures::extract(summary::candidates(article).iter().map(|c| c.text.as_str()));
            std::hint::black_box(figures);
        }
    }
    let extract = start.elapsed();
    let runs = (rounds * articles.len()).max(1) as f64;
    println!(
        "{} articles x {rounds} rounds, per article: summary {:.1} µs, figures {:.1} µs \
         ({sentences} summary sentences)",
        articles.len(),
        summarise.as_secs_f64() * 1e6 / runs,
        extract.as_secs_f64() * 1e6 / runs,
    );
}
