//! The `briefing` command line: parse arguments, set up logging, dispatch to `cmd::*`, and
//! turn the outcome into an exit code (0 ok, 1 problems found, 2 usage or fatal error).

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A static site generator for briefing digests: news clippings about a country's foreign
/// relations, summarised and grouped by partner and by month.
#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    propagate_version = true,
    after_help = "Exit status: 0 success (warnings allowed), 1 problems found (article errors, check findings, \
or any warning with --strict), 2 usage or fatal error (bad site.toml, broken template, unwritable output)."
)]
struct Cli {
    /// Print only errors and warnings.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Log what each stage does, with timings (BRIEFING_LOG=debug for more).
    #[arg(short, long, global = true)]
    verbose: bool,
    /// Colour in diagnostics: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder (atomically).
    Build(cmd::build::Args),
    /// Check content and every internal link without writing anything.
    Check(cmd::check::Args),
    /// Show what briefing makes of articles (title, date, partners, summary...).
    Inspect(cmd::inspect::Args),
    /// Create a new site in a folder.
    Init(cmd::init::Args),
    /// Write a new dated article into content/.
    New(cmd::new::Args),
    /// Serve the site on 127.0.0.1 with live reload.
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_level = if cli.verbose {
        "briefing=debug,warn"
    } else if cli.quiet {
        "error"
    } else {
        "briefing=info,warn"
    };
    env_logger::Builder::from_env(env_logger::Env::new().filter_or("BRIEFING_LOG", default_level))
        .format_timestamp(None)
        .format_target(false)
        .init();
    // The HTML minifier parses recursively; give worker threads room for deep (but legal)
    // documents. Input nesting is also capped in ingest.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(16 << 20)
        .build_global();
    cmd::terminal::show_all_diagnostics(cli.verbose);
    match cli.color {
        ColorWhen::Auto => {}
        ColorWhen::Always => anstream::ColorChoice::Always.write_global(),
        ColorWhen::Never => anstream::ColorChoice::Never.write_global(),
    }
    let outcome = match cli.command {
        Command::Build(args) => cmd::build::run(args, cli.quiet, !cli.quiet && !cli.verbose),
        Command::Check(args) => cmd::check::run(args, cli.quiet),
        Command::Inspect(args) => cmd::inspect::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::New(args) => cmd::new::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
