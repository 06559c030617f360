//! Terminal output: coloured diagnostics and a progress bar, only where a person is watching.
//!
//! Colours go through anstream, which drops them when stderr is not a terminal, under
//! `NO_COLOR`, or with `--color never`. The progress bar appears only on a terminal and never
//! with `--quiet` or `--verbose` (whose log lines it would garble).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use anstyle::{AnsiColor, Style};
use briefing::diag::{printable, Diagnostics, Severity};
use indicatif::{ProgressBar, ProgressStyle};

/// Diagnostics of one code shown before the rest are summed up in one line.
const SHOWN_PER_CODE: usize = 5;

/// Set by `--verbose`: print every diagnostic, however many share a code.
static SHOW_ALL: AtomicBool = AtomicBool::new(false);

/// Print every diagnostic, not only the first few of each kind (`--verbose`).
pub fn show_all_diagnostics(all: bool) {
    SHOW_ALL.store(all, Ordering::Relaxed);
}

/// Print diagnostics to stderr, one per line (`path:line: severity[code]: message`, then
/// `  = hint: ...`). After the first few of one kind (10,000 duplicate files are one problem,
/// not 10,000 lines) the rest are counted in a line of their own, unless `--verbose`.
pub fn print_diagnostics(diagnostics: &Diagnostics) {
    let mut err = anstream::stderr().lock();
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let show_all = SHOW_ALL.load(Ordering::Relaxed);
    let mut seen: BTreeMap<(Severity, &str), usize> = BTreeMap::new();
    for d in diagnostics {
        let count = seen.entry((d.severity, &d.code)).or_default();
        *count += 1;
        if !show_all && *count > SHOWN_PER_CODE {
            continue;
        }
        let level = level_style(d.severity);
        let _ = writeln!(
            err,
            "{bold}{}{bold:#}: {level}{}[{}]{level:#}: {}",
            d.location(),
            d.severity,
            d.code,
            printable(&d.message)
        );
        if let Some(hint) = &d.hint {
            let _ = writeln!(err, "  {dim}= hint:{dim:#} {}", printable(hint));
        }
    }
    for ((severity, code), count) in seen.into_iter().rev() {
        if show_all || count <= SHOWN_PER_CODE {
            continue;
        }
        let level = level_style(severity);
        let _ = writeln!(
            err,
            "{level}{severity}[{code}]{level:#}: {} more not shown ({count} in all; --verbose lists every one)",
            count - SHOWN_PER_CODE,
        );
    }
}

fn level_style(severity: Severity) -> Style {
    let colour = match severity {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
    };
    Style::new().bold().fg_color(Some(colour.into()))
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
