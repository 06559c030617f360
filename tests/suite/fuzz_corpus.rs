//! Every input of the committed fuzz corpora (`fuzz/corpus/<target>/`) and every past finding
//! (`fuzz/regressions/<target>/`) through the same entry points the `cargo fuzz` targets call
//! (`briefing::fuzzing`), on stable: a fixed crash stays fixed without nightly in CI.

use std::path::Path;

use briefing::fuzzing::TARGETS;

fn inputs(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

#[test]
fn every_corpus_input_and_past_finding_runs_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    for (name, run) in TARGETS {
        let corpus = inputs(&root.join("corpus").join(name));
        assert!(
            !corpus.is_empty(),
            "fuzz/corpus/{name} holds the seeds of the `{name}` target"
        );
        assert!(
            root.join("fuzz_targets")
                .join(format!("{name}.rs"))
                .is_file(),
            "every entry point has a cargo-fuzz target"
        );
        for file in corpus
            .iter()
            .chain(&inputs(&root.join("regressions").join(name)))
        {
            let data = std::fs::read(file).unwrap();
            let outcome = std::panic::catch_unwind(|| run(&data));
            assert!(outcome.is_ok(), "`{name}` fails on {}", file.display());
        }
    }
}
