//! `cargo +nightly fuzz run date_line`: see `briefing::fuzzing::date_line` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| briefing::fuzzing::date_line(data));
