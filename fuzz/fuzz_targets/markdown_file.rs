//! `cargo +nightly fuzz run markdown_file`: see `briefing::fuzzing::markdown_file` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| briefing::fuzzing::markdown_file(data));
