//! The subcommands, one file each: `Args` (clap) and `run`.

pub mod build;
pub mod check;
pub mod init;
pub mod inspect;
pub mod new;

use std::io::Write;

use briefing::diag::Diagnostics;

/// Print diagnostics to stderr, one per line, then the tally.
pub fn print_diagnostics(diagnostics: &Diagnostics) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in diagnostics {
        let _ = writeln!(err, "{d}");
    }
}
