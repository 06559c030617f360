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
pub mod cache;
pub mod config;
pub mod diag;
pub mod digest;
#[cfg(test)]
mod eval_split;
#[doc(hidden)]
pub mod fuzzing;
pub mod ingest;
pub mod link_check;
pub mod output;
pub mod render;

use std::time::Instant;

use rayon::prelude::*;

use analyse::{Analysis, AnalysisContext};
use cache::Cache;
use config::BuildOptions;
use diag::{Diagnostic, Diagnostics};
use digest::Digest;

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

/// Read, analyse and assemble the site at `opts.root`, from scratch.
pub fn load(opts: &BuildOptions, progress: &dyn Progress) -> Result<Site, Error> {
    let sources = scan(opts)?;
    load_sources(opts, sources, None, progress)
}

/// Read the content folder (without parsing it).
fn scan(opts: &BuildOptions) -> Result<ingest::Sources, Error> {
    if !opts.content_dir.is_dir() {
        return Err(Error::NoContent(opts.content_dir.clone()));
    }
    let started = Instant::now();
    let sources = ingest::scan(&opts.content_dir, &opts.root);
    log::debug!(
        "read: {} files in {:.3} s",
        sources.files.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(sources)
}

/// An analysis with its diagnostics.
type Analysed = (Analysis, Vec<Diagnostic>);

/// Parse, analyse and assemble `sources`, reusing what `cache` holds for unchanged files.
fn load_sources(
    opts: &BuildOptions,
    sources: ingest::Sources,
    cache: Option<&Cache>,
    progress: &dyn Progress,
) -> Result<Site, Error> {
    let context = AnalysisContext::new(&opts.config)?;
    let started = Instant::now();
    let chrome = sources.site_chrome();
    let mut stored = cache.map(Cache::articles).unwrap_or_default();
    let keys: Vec<(u128, u128)> = sources
        .files
        .par_iter()
        .map(|source| {
            let key = source.fingerprint(&chrome);
            let analysis_key =
                cache::combine(&[&key.to_le_bytes(), &context.fingerprint.to_le_bytes()]);
            (key, analysis_key)
        })
        .collect();
    // Take what the cache holds; what is left over belongs to files changed or deleted.
    let reused: Vec<(Option<ingest::Loaded>, Option<Analysed>)> = keys
        .iter()
        .map(|(key, analysis_key)| {
            (
                stored.loaded.remove(key),
                stored.analysed.remove(analysis_key),
            )
        })
        .collect();
    let stale = stored.loaded.len() + stored.analysed.len();
    log::debug!(
        "cache: {} of {} files unchanged ({:.3} s)",
        reused.iter().filter(|r| r.0.is_some()).count(),
        keys.len(),
        started.elapsed().as_secs_f64()
    );
    progress.stage("analyse", sources.files.len());
    type Outcome = (ingest::Loaded, Option<Analysed>, bool);
    let outcomes: Vec<Outcome> = sources
        .files
        .par_iter()
        .zip(reused)
        .map(|(source, (loaded, analysed))| {
            let mut fresh = loaded.is_none();
            let loaded = loaded.unwrap_or_else(|| source.parse(&chrome));
            let analysed = loaded.article.as_ref().map(|article| {
                analysed.unwrap_or_else(|| {
                    fresh = true;
                    analyse::analyse(article, &context)
                })
            });
            progress.inc();
            (loaded, analysed, fresh)
        })
        .collect();
    log::debug!("analyse: {:.3} s", started.elapsed().as_secs_f64());
    if let Some(cache) = cache {
        if stale > 0 || outcomes.iter().any(|o| o.2) {
            let started = Instant::now();
            let loaded: Vec<(u128, &ingest::Loaded)> = keys
                .iter()
                .zip(&outcomes)
                .map(|((k, _), o)| (*k, &o.0))
                .collect();
            let analysed: Vec<(u128, &Analysis, &[Diagnostic])> = keys
                .iter()
                .zip(&outcomes)
                .filter_map(|((_, k), o)| o.1.as_ref().map(|(a, d)| (*k, a, d.as_slice())))
                .collect();
            cache.save_articles(&loaded, &analysed);
            log::debug!(
                "cache: articles saved in {:.3} s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    let mut diagnostics = sources.diagnostics;
    let mut analysed = Vec::with_capacity(outcomes.len());
    for ((loaded, analysis, _), (_, analysis_key)) in outcomes.into_iter().zip(keys) {
        diagnostics.extend(loaded.diagnostics);
        if let (Some(mut article), Some((analysis, diags))) = (loaded.article, analysis) {
            diagnostics.extend(diags);
            let (earliest, latest) = (opts.config.earliest_date, opts.config.latest_date);
            let mut key = analysis_key;
            if let Some(warning) = ingest::plausible::check_date(&mut article, earliest, latest) {
                // The memo of related articles must not take this article for the dated one.
                key = cache::combine(&[&key.to_le_bytes(), b"undated"]);
                diagnostics.push(warning);
            }
            analysed.push((article, analysis, key));
        }
    }
    let started = Instant::now();
    let memo = cache.and_then(Cache::related);
    let fingerprint = memo.as_ref().map(|m| m.fingerprint);
    let (digest, diags, memo) = digest::assemble_incremental(analysed, memo);
    if let Some(cache) = cache {
        if fingerprint != Some(memo.fingerprint) {
            cache.save_related(&memo);
        }
    }
    log::debug!("digest: {:.3} s", started.elapsed().as_secs_f64());
    diagnostics.extend(diags);
    diagnostics.sort();
    Ok(Site {
        digest,
        context,
        diagnostics,
    })
}

/// Render `site` into `sink`, skipping the pages `unchanged` says the output holds.
fn render_site(
    opts: &BuildOptions,
    site: &Site,
    theme: &render::Theme,
    unchanged: render::Unchanged,
    sink: render::Sink<Error>,
    progress: &dyn Progress,
) -> Result<render::Rendered, Error> {
    progress.stage("render", 0);
    let rendering = Instant::now();
    let rendered = render::render(
        &site.digest,
        opts,
        theme,
        &site.context.gazetteer,
        site.context.home.as_ref(),
        unchanged,
        sink,
    )?;
    log::debug!(
        "render and write: {} pages in {:.3} s ({} unchanged, not rendered)",
        rendered.pages + rendered.unchanged.len(),
        rendering.elapsed().as_secs_f64(),
        rendered.unchanged.len()
    );
    Ok(rendered)
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
    /// True when nothing had changed since the last build, so nothing was done.
    pub up_to_date: bool,
}

/// The options a build's output depends on, as bytes to hash (`--strict` is not one).
fn options_fingerprint(opts: &BuildOptions) -> Vec<u8> {
    serde_json::to_vec(&(
        &opts.config,
        &opts.base_url,
        &opts.content_dir,
        &opts.output_dir,
    ))
    .expect("options serialise")
}

/// Build the site described by `opts` into `opts.output_dir`.
///
/// Per-article problems are diagnostics in the report and do not stop the build; fatal
/// problems (config, templates, output) are errors and leave the previous output untouched.
/// With a cache folder, only what changed since the last build is redone (see [`cache`]).
pub fn build(opts: &BuildOptions, progress: &dyn Progress) -> Result<Report, Error> {
    let started = Instant::now();
    let protected: Vec<std::path::PathBuf> = ["templates", "static", "themes"]
        .iter()
        .map(|f| opts.root.join(f))
        .chain([opts.content_dir.clone()])
        .chain(opts.cache_dir.clone())
        .collect();
    output::check_target(&opts.output_dir, &opts.root, &protected, &opts.config.keep)?;
    // Folders a killed build left beside the output: put back what belongs, delete the rest.
    for message in output::recover(&opts.output_dir)? {
        log::warn!("{message}");
    }
    let sources = scan(opts)?;
    let mut theme_diags = Vec::new();
    let theme = render::Theme::load(&opts.root, &opts.config.theme, &mut theme_diags)?;
    let cache = opts.cache_dir.as_deref().map(Cache::open);
    let inputs = cache.as_ref().map(|c| {
        cache::inputs_fingerprint(
            c.binary(),
            &options_fingerprint(opts),
            theme.fingerprint(),
            &sources,
        )
    });
    let record = cache.as_ref().and_then(|c| c.record(&opts.output_dir));
    if let (Some(inputs), Some(record)) = (inputs, &record) {
        if record.inputs == inputs && record.manifest.intact(&opts.output_dir, &opts.config.keep) {
            log::debug!("nothing changed since the last build");
            let diagnostics = record.diagnostics.clone();
            if opts.strict && !diagnostics.is_empty() {
                return Err(Error::Strict { diagnostics });
            }
            let (articles, partners, months) = record.counts;
            return Ok(Report {
                diagnostics,
                articles,
                partners,
                months,
                pages: record.manifest.files.len() + 1,
                seconds: started.elapsed().as_secs_f64(),
                up_to_date: true,
            });
        }
    }
    let mut site = load_sources(opts, sources, cache.as_ref(), progress)?;
    site.diagnostics.extend(theme_diags);
    site.diagnostics.sort();
    let previous = record.map(|r| r.manifest).unwrap_or_default();
    let unchanged = |path: &digest::SitePath, fingerprint: u128| {
        previous.minify == opts.config.minify
            && previous.holds(&opts.output_dir, path.as_str(), fingerprint)
    };
    let write = output::WriteOptions {
        minify: opts.config.minify,
        keep: opts.config.keep.clone(),
    };
    // Pages go to disk as they are rendered, into a new folder that replaces the output only
    // at the end (and is deleted if the build fails or `--strict` refuses it).
    let staging = output::Staging::begin(&opts.output_dir, &previous, &write)?;
    let sink = |page| staging.put(page).map_err(Error::from);
    let rendered = render_site(opts, &site, &theme, &unchanged, &sink, progress)?;
    if opts.strict && !site.diagnostics.is_empty() {
        return Err(Error::Strict {
            diagnostics: site.diagnostics,
        });
    }
    progress.stage("write", 0);
    let writing = Instant::now();
    let pages = staging.len() + rendered.unchanged.len() + 1; // + .nojekyll
                                                              // Forgotten before the old output is touched: if the swap fails half-way, the next build
                                                              // must not trust the record.
    if let Some(cache) = &cache {
        cache.forget_record(&opts.output_dir);
    }
    let manifest = staging.finish(&rendered.unchanged)?;
    log::debug!("write: {:.3} s", writing.elapsed().as_secs_f64());
    let counts = (
        site.digest.items.len(),
        site.digest.by_partner.len(),
        site.digest.by_month.len(),
    );
    if let (Some(cache), Some(inputs)) = (&cache, inputs) {
        cache.save_record(&cache::BuildRecord {
            output: opts.output_dir.clone(),
            inputs,
            diagnostics: site.diagnostics.clone(),
            counts,
            manifest,
        });
    }
    Ok(Report {
        articles: counts.0,
        partners: counts.1,
        months: counts.2,
        pages,
        diagnostics: site.diagnostics,
        seconds: started.elapsed().as_secs_f64(),
        up_to_date: false,
    })
}

/// Check the site without writing it: content diagnostics, duplicate articles, and every
/// internal link, feed entry and sitemap entry of an in-memory build.
pub fn check(opts: &BuildOptions, progress: &dyn Progress) -> Result<Report, Error> {
    let started = Instant::now();
    let sources = scan(opts)?;
    let cache = opts.cache_dir.as_deref().map(Cache::open);
    let mut site = load_sources(opts, sources, cache.as_ref(), progress)?;
    let mut theme_diags = Vec::new();
    let theme = render::Theme::load(&opts.root, &opts.config.theme, &mut theme_diags)?;
    site.diagnostics.extend(theme_diags);
    // Kept in memory (first page of a path wins, as in a build), then sorted for stable
    // diagnostics.
    let kept = std::sync::Mutex::new(std::collections::BTreeMap::new());
    let sink = |page: render::Page| {
        let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.entry(page.path.clone()).or_insert(page);
        Ok(())
    };
    render_site(opts, &site, &theme, &render::render_all, &sink, progress)?;
    let pages: Vec<render::Page> = kept
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_values()
        .collect();
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
        up_to_date: false,
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
