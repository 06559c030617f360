//! `briefing build`: the whole site into the output folder.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use briefing::config::{BuildOptions, Overrides};
use clap::Args as ClapArgs;

/// Build the site into `public/` (or the configured output folder).
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Exit status: 0 built (warnings allowed), 1 built with article errors or refused by --strict, 2 fatal error."
)]
pub struct Args {
    /// Site root: the folder holding site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output folder. A relative path is taken from the current folder, as in Zola and Hugo
    /// (the default, site.toml's `output_dir`, `public`, is relative to the site root).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Public URL of the site, for feeds, sitemap and canonical links
    /// (e.g. https://user.github.io/repo/).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Treat warnings as errors: fail without writing the output.
    #[arg(long)]
    pub strict: bool,
    /// Build from scratch: neither read nor write the build cache (`cache_dir`).
    #[arg(long)]
    pub no_cache: bool,
}

/// Run the build.
pub fn run(args: Args, quiet: bool, progress_bar: bool) -> anyhow::Result<ExitCode> {
    let overrides = Overrides {
        // `--output` is a path typed in the shell: relative to where the user stands, not to
        // `--root` (which site.toml's own `output_dir` is relative to).
        output_dir: args
            .output
            .map(|dir| {
                std::path::absolute(&dir).with_context(|| format!("resolving `{}`", dir.display()))
            })
            .transpose()?,
        base_url: args.base_url,
        home_country: None,
        strict: args.strict,
        no_cache: args.no_cache,
    };
    let opts = BuildOptions::load(&args.root, overrides)
        .with_context(|| format!("loading the site at `{}`", args.root.display()))?;
    let bar = super::terminal::Bar::new(progress_bar);
    let outcome = briefing::build(&opts, &bar);
    bar.finish();
    match outcome {
        Ok(report) => {
            super::print_diagnostics(&report.diagnostics);
            if !quiet {
                use briefing::diag::plural;
                eprintln!(
                    "{}, {}, {} → {} in {} ({:.2} s{}){}",
                    plural(report.articles, "article"),
                    plural(report.partners, "partner"),
                    plural(report.months, "month"),
                    plural(report.pages, "file"),
                    opts.output_dir.display(),
                    report.seconds,
                    if report.up_to_date {
                        ", up to date"
                    } else {
                        ""
                    },
                    report
                        .diagnostics
                        .tally()
                        .map(|t| format!("; {t}"))
                        .unwrap_or_default(),
                );
            }
            Ok(if report.diagnostics.errors() > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Err(briefing::Error::Strict { diagnostics }) => {
            super::print_diagnostics(&diagnostics);
            let tally = diagnostics.tally().unwrap_or_default();
            eprintln!(
                "error: {tally} with --strict; `{}` left unchanged",
                opts.output_dir.display()
            );
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(anyhow::Error::new(e)
            .context(format!("building the site at `{}`", args.root.display()))),
    }
}
