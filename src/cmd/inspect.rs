//! `briefing inspect`: what ingest and analysis make of some articles, without building.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use briefing::analyse::{self, AnalysisContext};
use briefing::config::{BuildOptions, Overrides, SiteConfig};
use briefing::diag::{Diagnostic, Diagnostics};
use briefing::ingest::{self, Article, Origin};
use clap::Args as ClapArgs;
use serde::Serialize;

/// Show what briefing makes of articles: title, date, language, partners, summary, figures,
/// agreements and people.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Uses the site.toml of --root (default: the current folder) when there is one.\n\
Exit status: 0 all files read, 1 a file could not be read, 2 fatal error."
)]
pub struct Args {
    /// Article files (.md or .txt).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print one JSON array, one object per article.
    #[arg(long)]
    pub json: bool,
    /// Summary length in sentences (default: site.toml's `summary_sentences`, 3).
    #[arg(long, value_name = "K")]
    pub sentences: Option<usize>,
    /// Home country (ISO 3166-1 alpha-2), never counted as a partner.
    #[arg(long, value_name = "CODE")]
    pub home: Option<String>,
    /// Site root whose site.toml to use.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// One article in `--json` output. Key names are a contract: tools and tests rely on them.
#[derive(Serialize)]
struct Inspected<'a> {
    source: String,
    title: &'a str,
    title_origin: Origin,
    date: Option<String>,
    date_origin: Option<Origin>,
    time: Option<String>,
    language: String,
    partners: Vec<String>,
    mentioned: Vec<String>,
    summary: &'a [String],
    figures: Vec<&'a str>,
    /// Documents signed, planned or discussed (kind, text, subject, parties, status).
    agreements: &'a [analyse::agreements::Agreement],
    /// People named with a role (name, key, roles with title and country, mentions).
    people: &'a [analyse::people::Person],
    /// The story the article reports, among the files inspected together: the source of its
    /// earliest report (its own source when no other file reports the same event).
    story: String,
    source_name: Option<&'a str>,
    url: Option<&'a str>,
    /// The clean body, one entry per paragraph or list item.
    body: Vec<&'a str>,
    removed: &'a [String],
}

/// Run inspect.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = SiteConfig::load(&args.root)?.unwrap_or_default();
    let overrides = Overrides {
        home_country: args.home.clone(),
        ..Default::default()
    };
    let mut opts = BuildOptions::resolve(&args.root, config, overrides)?;
    if let Some(k) = args.sentences {
        anyhow::ensure!(k > 0, "`--sentences` must be at least 1");
        opts.config.summary_sentences = k;
    }
    let context = AnalysisContext::new(&opts.config).context("setting up partner detection")?;

    let mut diagnostics = Diagnostics::new();
    let mut files = Vec::new();
    for path in &args.files {
        if path.is_file() {
            files.push((path.clone(), path.clone()));
        } else {
            let what = if path.is_dir() {
                "is a folder, not an article file"
            } else {
                "no such file"
            };
            diagnostics.push(Diagnostic::error(path, "not-found", what));
        }
    }
    // Read together, as a build does: lines recurring across the clippings are site chrome.
    let mut results = Vec::new();
    for loaded in ingest::read_paths(&files) {
        diagnostics.extend(loaded.diagnostics);
        if let Some(article) = loaded.article {
            let (analysis, diags) = analyse::analyse(&article, &context);
            diagnostics.extend(diags);
            results.push((article, analysis));
        }
    }
    diagnostics.sort();
    super::print_diagnostics(&diagnostics);

    let out = if args.json {
        json(&results)?
    } else {
        human(&results, &context)
    };
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(out.as_bytes()).and_then(|_| lock.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other.context("writing to standard output")?,
    }
    Ok(if diagnostics.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn ids(list: &[analyse::PartnerId]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

/// Per result, its story's id: the source of the story's earliest report (by date, time,
/// then source), as a build's story clusters group the same files.
fn story_ids(results: &[(Article, analyse::Analysis)]) -> Vec<String> {
    let reports: Vec<briefing::digest::stories::Report> = results
        .iter()
        .map(|(a, an)| briefing::digest::stories::Report {
            date: a.date,
            partners: &an.partners,
            keys: &an.story_keys,
        })
        .collect();
    let (story_of, stories) = briefing::digest::stories::cluster(&reports);
    let earliest = |members: &[usize]| -> usize {
        members
            .iter()
            .copied()
            .min_by(|&x, &y| {
                let key = |i: usize| (results[i].0.date, results[i].0.time, &results[i].0.source);
                key(x).cmp(&key(y))
            })
            .expect("a story has members")
    };
    story_of
        .iter()
        .enumerate()
        .map(|(i, story)| {
            let first = story.map_or(i, |s| earliest(&stories[s]));
            display(&results[first].0.source)
        })
        .collect()
}

fn json(results: &[(Article, analyse::Analysis)]) -> anyhow::Result<String> {
    let stories = story_ids(results);
    let items: Vec<Inspected> = results
        .iter()
        .zip(stories)
        .map(|((a, an), story)| Inspected {
            story,
            source: display(&a.source),
            title: &a.title,
            title_origin: a.title_origin,
            date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
            date_origin: a.date_origin,
            time: a.time.map(|t| t.format("%H:%M").to_string()),
            language: an.language.to_string(),
            partners: ids(&an.partners),
            mentioned: ids(&an.mentioned),
            summary: &an.summary,
            figures: an.figures.iter().map(|f| f.text.as_str()).collect(),
            agreements: &an.agreements,
            people: &an.people,
            source_name: a.source_name.as_deref(),
            url: a.url.as_deref(),
            body: a.blocks.iter().map(|b| b.text.as_str()).collect(),
            removed: &a.removed,
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&items)?;
    text.push('\n');
    Ok(text)
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn human(results: &[(Article, analyse::Analysis)], context: &AnalysisContext) -> String {
    let name = |id: &analyse::PartnerId| match context.gazetteer.get(id) {
        Some(p) => format!("{id} ({})", p.name),
        None => id.to_string(),
    };
    let mut out = String::new();
    for (a, an) in results {
        out.push_str(&format!("{}\n", a.source.display()));
        out.push_str(&format!(
            "  title      {} [{}]\n",
            a.title,
            origin(a.title_origin)
        ));
        match (a.date, a.date_origin) {
            (Some(d), Some(o)) => out.push_str(&format!(
                "  date       {} [{}]\n",
                d.format("%Y-%m-%d"),
                origin(o)
            )),
            _ => out.push_str("  date       (none)\n"),
        }
        if let Some(s) = &a.source_name {
            out.push_str(&format!("  source     {s}\n"));
        }
        if let Some(u) = &a.url {
            out.push_str(&format!("  url        {u}\n"));
        }
        out.push_str(&format!(
            "  language   {} ({})\n",
            an.language,
            an.language.name()
        ));
        let list = |ids: &[analyse::PartnerId]| {
            if ids.is_empty() {
                "(none)".to_owned()
            } else {
                ids.iter().map(name).collect::<Vec<_>>().join(", ")
            }
        };
        out.push_str(&format!("  partners   {}\n", list(&an.partners)));
        out.push_str(&format!("  mentioned  {}\n", list(&an.mentioned)));
        out.push_str("  summary\n");
        for (i, s) in an.summary.iter().enumerate() {
            out.push_str(&format!("    {}. {s}\n", i + 1));
        }
        if !an.figures.is_empty() {
            let figures: Vec<&str> = an.figures.iter().map(|f| f.text.as_str()).collect();
            out.push_str(&format!("  figures    {}\n", figures.join("; ")));
        }
        for x in &an.agreements {
            out.push_str(&format!(
                "  agreement  {} [{}]\n",
                x.text,
                x.status.as_str()
            ));
        }
        for p in &an.people {
            let roles: Vec<&str> = p.roles.iter().map(|r| r.title.as_str()).collect();
            out.push_str(&format!("  person     {} ({})\n", p.name, roles.join("; ")));
        }
        if !a.removed.is_empty() {
            out.push_str(&format!(
                "  removed    {} lines of site chrome\n",
                a.removed.len()
            ));
        }
        out.push('\n');
    }
    out
}

fn origin(o: Origin) -> String {
    serde_json::to_value(o)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
