//! `cargo +nightly fuzz run partners`: see `briefing::fuzzing::partners` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| briefing::fuzzing::partners(data));
