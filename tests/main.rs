//! Integration tests of `briefing`: real sites built into temp dirs by the real binary.
//!
//! One test binary (as mdBook and ripgrep do) so the crate links once. Cargo makes a test
//! binary of every `tests/*.rs`, so the test modules live in `tests/suite/` and `util` (the
//! `SiteTest` harness they share) in `tests/util/`. Snapshots are in `tests/snapshots/`.

mod util;

mod suite {
    mod bad_input;
    mod browser;
    mod build;
    mod cache;
    mod check;
    mod cli;
    mod clippings;
    mod crash_safety;
    mod data;
    mod determinism;
    mod feeds;
    mod fuzz_corpus;
    pub(crate) mod hostile;
    mod init_new;
    mod inspect;
    mod lang;
    pub(crate) mod links;
    mod output_safety;
    mod overview;
    mod page_snapshot;
    pub(crate) mod pages;
    mod people;
    mod robustness;
    mod serve;
    mod stories;
}
