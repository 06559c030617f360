//! Terminal output: coloured diagnostics and a progress bar, only where a person is watching.
//!
//! Colours go through anstream, which drops them when stderr is not a terminal, under
//! `NO_COLOR`, or with `--color never`. The progress bar appears only on a terminal and never
//! with `--quiet` or `--verbose` (whose log lines it would garble).

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use briefing::diag::{Diagnostics, Severity};
use indicatif::{ProgressBar, ProgressStyle};

/// Print diagnostics to stderr, one per line (`path:line: severity[code]: message`, then
/// `  = hint: ...`).
pub fn print_diagnostics(diagnostics: &Diagnostics) {
    let mut err = anstream::stderr().lock();
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    for d in diagnostics {
        let colour = match d.severity {
            Severity::Error => AnsiColor::Red,
            Severity::Warning => AnsiColor::Yellow,
        };
        let level = Style::new().bold().fg_color(Some(colour.into()));
        let location = match d.line {
            Some(line) => format!("{}:{line}", d.path.display()),
            None => d.path.display().to_string(),
        };
        let _ = writeln!(
            err,
            "{bold}{location}{bold:#}: {level}{}[{}]{level:#}: {}",
            d.severity, d.code, d.message
        );
        if let Some(hint) = &d.hint {
            let _ = writeln!(err, "  {dim}= hint:{dim:#} {hint}");
        }
    }
}

/// A [`briefing::Progress`] drawn with indicatif on stderr.
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    /// A bar when stderr is a terminal and the user wants one; otherwise silent.
    pub fn new(enabled: bool) -> Bar {
        let enabled = enabled && std::io::stderr().is_terminal();
        Bar {
            bar: enabled.then(ProgressBar::hidden),
        }
    }

    /// Remove the bar before the final summary line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl briefing::Progress for Bar {
    fn stage(&self, name: &str, total: usize) {
        let Some(bar) = &self.bar else { return };
        bar.set_message(name.to_owned());
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        if total > 0 {
            bar.set_style(
                ProgressStyle::with_template("{msg:>9} [{bar:30}] {pos}/{len}")
                    .expect("valid template")
                    .progress_chars("=> "),
            );
            bar.set_length(total as u64);
            bar.set_position(0);
        } else {
            bar.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("valid template"));
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
        }
    }

    fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
}
