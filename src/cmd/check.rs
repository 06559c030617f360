//! `briefing check`: build in memory and report every problem, without writing anything.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use briefing::config::{BuildOptions, Overrides};
use clap::Args as ClapArgs;

/// Check content and every internal link of a build, without writing it.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Reports content problems (undated, no title, unreadable files...), duplicate articles \
(same source URL or same text), and every internal link, feed entry or sitemap entry of the built site \
that does not resolve.\n\
Exit status: 0 no errors (warnings allowed), 1 errors found (or warnings with --strict), 2 fatal error."
)]
pub struct Args {
    /// Site root: the folder holding site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Public URL of the site (checks feeds and sitemap against it).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Treat warnings as errors (for CI).
    #[arg(long)]
    pub strict: bool,
}

/// Run the check.
pub fn run(args: Args, quiet: bool) -> anyhow::Result<ExitCode> {
    let overrides = Overrides {
        base_url: args.base_url,
        strict: args.strict,
        ..Default::default()
    };
    let opts = BuildOptions::load(&args.root, overrides)
        .with_context(|| format!("loading the site at `{}`", args.root.display()))?;
    let report = briefing::check(&opts, &briefing::NoProgress)
        .with_context(|| format!("checking the site at `{}`", args.root.display()))?;
    super::print_diagnostics(&report.diagnostics);
    let d = &report.diagnostics;
    if !quiet {
        use briefing::diag::plural;
        eprintln!(
            "checked {}, {} → {}",
            plural(report.articles, "article"),
            plural(report.pages, "file"),
            d.tally().unwrap_or_else(|| "no problems".into())
        );
    }
    let failed = d.errors() > 0 || (args.strict && d.warnings() > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
