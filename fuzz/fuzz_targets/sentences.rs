//! `cargo +nightly fuzz run sentences`: see `briefing::fuzzing::sentences` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| briefing::fuzzing::sentences(data));
