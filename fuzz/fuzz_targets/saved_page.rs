//! `cargo +nightly fuzz run saved_page`: see `briefing::fuzzing::saved_page` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| briefing::fuzzing::saved_page(data));
