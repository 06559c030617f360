//! `cargo +nightly fuzz run clipping_file`: see `briefing::fuzzing::clipping_file` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| briefing::fuzzing::clipping_file(data));
