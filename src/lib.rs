//! briefing: a static site generator for briefing digests.
//!
//! Data flows one way through five stages, each a module with a small surface:
//!
//! 1. [`ingest`]: files in `content/` become [`ingest::Article`]s (front matter, clippings).
//! 2. [`analyse`]: each article gets an [`analyse::Analysis`] (language, partners, summary,
//!    key figures); pure, parallel.
//! 3. [`digest`]: analysed articles become the site model, grouped by partner and month,
//!    cross-linked.
//! 4. [`render`]: the digest becomes [`render::Page`]s through the Tera theme.
//! 5. [`output`]: pages are written atomically.
//!
//! [`build`] strings them together; `inspect` stops after analysis.
#![warn(missing_docs)]

pub mod analyse;
pub mod config;
pub mod diag;
pub mod digest;
pub mod ingest;
pub mod link_check;
pub mod output;
pub mod render;

use std::time::Instant;

use rayon::prelude::*;

use analyse::{Analysis, AnalysisContext};
use config::BuildOptions;
use diag::{Diagnostic, Diagnostics};
use digest::Digest;
use ingest::Article;

/// Fatal errors: the build cannot produce a site.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `site.toml` is missing or wrong.
    #[error(transparent)]
    Config(#[from] config::Error),
    /// The gazetteer (built in or extended by site.toml) is invalid.
    #[error("partner settings: {0}")]
    Gazetteer(#[from] analyse::gazetteer::Error),
    /// A template failed.
    #[error(transparent)]
    Render(#[from] render::Error),
    /// The output could not be written.
    #[error(transparent)]
    Output(#[from] output::Error),
    /// The content folder does not exist: building would publish an empty site.
    #[error("content folder `{}` not found; check `content_dir` in site.toml (nothing was written)", .0.display())]
    NoContent(std::path::PathBuf),
    /// `--strict` and there were warnings: nothing was written.
    #[error("{} with --strict; the output was not written", diagnostics.tally().unwrap_or_default())]
    Strict {
        /// What was found.
        diagnostics: Diagnostics,
    },
}

/// Reports progress of long stages (the CLI shows a bar; the library default is silent).
pub trait Progress: Sync {
    /// A stage starts with `total` steps.
    fn stage(&self, name: &str, total: usize);
    /// One step done.
    fn inc(&self);
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn stage(&self, _: &str, _: usize) {}
    fn inc(&self) {}
}

/// The site model after ingest, analysis and digest: what `build` renders and `check` checks.
pub struct Site {
    /// The digest.
    pub digest: Digest,
    /// Analysis settings (gazetteer, home country).
    pub context: AnalysisContext,
    /// Everything noticed on the way.
    pub diagnostics: Diagnostics,
}

/// Read, analyse and assemble the site at `opts.root`.
pub fn load(opts: &BuildOptions, progress: &dyn Progress) -> Result<Site, Error> {
    if !opts.content_dir.is_dir() {
        return Err(Error::NoContent(opts.content_dir.clone()));
    }
    let context = AnalysisContext::new(&opts.config)?;
    let started = Instant::now();
    let (articles, mut diagnostics) = ingest::read(&opts.content_dir, &opts.root);
    log::debug!(
        "ingest: {} articles in {:.3} s",
        articles.len(),
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    progress.stage("analyse", articles.len());
    let analysed: Vec<((Article, Analysis), Vec<Diagnostic>)> = articles
        .into_par_iter()
        .map(|article| {
            let (analysis, diags) = analyse::analyse(&article, &context);
            progress.inc();
            ((article, analysis), diags)
        })
        .collect();
    let mut pairs = Vec::with_capacity(analysed.len());
    for (pair, diags) in analysed {
        pairs.push(pair);
        diagnostics.extend(diags);
    }
    log::debug!("analyse: {:.3} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let (digest, diags) = digest::assemble(pairs);
    log::debug!("digest: {:.3} s", started.elapsed().as_secs_f64());
    diagnostics.extend(diags);
    diagnostics.sort();
    Ok(Site {
        digest,
        context,
        diagnostics,
    })
}

/// Ingest, analyse, assemble and render in memory: what `build` writes and `check` checks.
fn load_and_render(
    opts: &BuildOptions,
    progress: &dyn Progress,
) -> Result<(Site, Vec<render::Page>), Error> {
    let mut site = load(opts, progress)?;
    let mut theme_diags = Vec::new();
    let theme = render::Theme::load(&opts.root, &opts.config.theme, &mut theme_diags)?;
    site.diagnostics.extend(theme_diags);
    site.diagnostics.sort();
    progress.stage("render", 0);
    let rendering = Instant::now();
    let pages = render::render(
        &site.digest,
        opts,
        &theme,
        &site.context.gazetteer,
        site.context.home.as_ref(),
    )?;
    log::debug!(
        "render: {} pages in {:.3} s",
        pages.len(),
        rendering.elapsed().as_secs_f64()
    );
    Ok((site, pages))
}

/// What a build did.
#[derive(Debug, Default)]
pub struct Report {
    /// Problems found, sorted.
    pub diagnostics: Diagnostics,
    /// Articles published.
    pub articles: usize,
    /// Partners with a page.
    pub partners: usize,
    /// Months with a page.
    pub months: usize,
    /// Files written.
    pub pages: usize,
    /// Wall time of the whole build, in seconds.
    pub seconds: f64,
}

/// Build the site described by `opts` into `opts.output_dir`.
///
/// Per-article problems are diagnostics in the report and do not stop the build; fatal
/// problems (config, templates, output) are errors and leave the previous output untouched.
pub fn build(opts: &BuildOptions, progress: &dyn Progress) -> Result<Report, Error> {
    let started = Instant::now();
    let protected: Vec<std::path::PathBuf> = ["templates", "static", "themes"]
        .iter()
        .map(|f| opts.root.join(f))
        .chain([opts.content_dir.clone()])
        .collect();
    output::check_target(&opts.output_dir, &opts.root, &protected, &opts.config.keep)?;
    let (site, pages) = load_and_render(opts, progress)?;
    if opts.strict && !site.diagnostics.is_empty() {
        return Err(Error::Strict {
            diagnostics: site.diagnostics,
        });
    }
    progress.stage("write", 0);
    let write = output::WriteOptions {
        minify: opts.config.minify,
        keep: opts.config.keep.clone(),
    };
    let writing = Instant::now();
    output::write(&pages, &opts.output_dir, &write)?;
    log::debug!("write: {:.3} s", writing.elapsed().as_secs_f64());
    Ok(Report {
        articles: site.digest.items.len(),
        partners: site.digest.by_partner.len(),
        months: site.digest.by_month.len(),
        pages: pages.len() + 1, // + .nojekyll
        diagnostics: site.diagnostics,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Check the site without writing it: content diagnostics, duplicate articles, and every
/// internal link, feed entry and sitemap entry of an in-memory build.
pub fn check(opts: &BuildOptions, progress: &dyn Progress) -> Result<Report, Error> {
    let started = Instant::now();
    let (mut site, pages) = load_and_render(opts, progress)?;
    let shown = opts
        .output_dir
        .strip_prefix(&opts.root)
        .unwrap_or(&opts.output_dir)
        .to_string_lossy()
        .into_owned();
    site.diagnostics.extend(link_check::check(
        &pages,
        &shown,
        &opts.base_url,
        opts.config.pretty_urls,
    ));
    site.diagnostics.extend(duplicates(&site.digest));
    site.diagnostics.sort();
    Ok(Report {
        articles: site.digest.items.len(),
        partners: site.digest.by_partner.len(),
        months: site.digest.by_month.len(),
        pages: pages.len() + 1,
        diagnostics: site.diagnostics,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The same article twice: the same source URL, or the same text (compared with case,
/// punctuation and spacing ignored).
fn duplicates(digest: &Digest) -> Vec<Diagnostic> {
    use std::collections::BTreeMap;
    let mut by_url: BTreeMap<&str, Vec<&std::path::Path>> = BTreeMap::new();
    let mut by_text: BTreeMap<String, Vec<&std::path::Path>> = BTreeMap::new();
    for item in &digest.items {
        let a = &item.article;
        if let Some(url) = &a.url {
            by_url
                .entry(url.trim_end_matches('/'))
                .or_default()
                .push(&a.source);
        }
        let text: String = a
            .text()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        if text.len() >= 200 {
            by_text.entry(text).or_default().push(&a.source);
        }
    }
    let mut out = Vec::new();
    let mut report = |code: &'static str, what: &str, mut sources: Vec<&std::path::Path>| {
        sources.sort();
        for later in &sources[1..] {
            out.push(
                Diagnostic::warning(
                    *later,
                    code,
                    format!("{what} as `{}`", sources[0].display()),
                )
                .with_hint("remove one of them, or mark one `draft = true`"),
            );
        }
    };
    for (_, sources) in by_url.into_iter().filter(|(_, s)| s.len() > 1) {
        report("duplicate-url", "same source URL", sources);
    }
    for (_, sources) in by_text.into_iter().filter(|(_, s)| s.len() > 1) {
        report("duplicate-text", "same text", sources);
    }
    out
}
