//! Render: a [`Digest`] becomes [`Page`]s: HTML through the Tera theme, Atom feeds, the
//! sitemap and the theme's static files. Nothing here touches the output folder; pages are
//! plain values handed, page by page, to a sink: `output::Staging` in a build, memory in `check`.
//!
//! Pages are rendered in parallel; each is a pure function of the digest and the theme.
//!
//! This file is the orchestration (jobs, shared context, fingerprints, Tera); each page
//! family's data lives in `pages/`, the search index and feeds in `site_files.rs`.

mod anchors;
mod brief;
mod context;
pub mod data;
pub mod feed;
mod figures;
mod headline;
mod images;
mod lists;
pub mod overview;
mod pages;
mod search;
mod site_files;
pub mod theme;

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

use crate::analyse::{Gazetteer, PartnerId};
use crate::config::BuildOptions;
use crate::digest::{paging, Digest, PageDir, SitePath, YearMonth};
use context::{HomeView, NavView, PageView, SiteView, Views};
pub use theme::Theme;

/// The search index script, at the site root.
const SEARCH_INDEX: &str = "search-index.js";

/// The generator string shown in pages.
pub const GENERATOR: &str = concat!("briefing ", env!("CARGO_PKG_VERSION"));

/// Fatal rendering problems (a broken template breaks every page that uses it).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A template does not parse.
    #[error("template `{}` is invalid: {message}", path.display())]
    Template {
        /// The template file.
        path: PathBuf,
        /// Tera's message with its causes.
        message: String,
    },
    /// A template failed while rendering a page.
    #[error("cannot render `{page}` with template `{template}`: {message}")]
    Render {
        /// The page being rendered.
        page: String,
        /// The template.
        template: String,
        /// Tera's message with its causes.
        message: String,
    },
    /// The theme named in site.toml does not exist.
    #[error("theme `{name}` not found at `{}`", path.display())]
    NoTheme {
        /// The theme name.
        name: String,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A theme file could not be read.
    #[error("cannot read `{}`", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Where it goes in the output folder.
    pub path: SitePath,
    /// Its contents.
    pub body: Vec<u8>,
    /// A hash of everything the written file depends on (for templated pages: the theme,
    /// the template and the page's context; otherwise the bytes), so an incremental build
    /// can tell it is unchanged.
    pub fingerprint: u128,
}

impl Page {
    /// A page whose fingerprint is its bytes' hash.
    pub fn new(path: SitePath, body: Vec<u8>) -> Page {
        let fingerprint = xxh3_128(&body);
        Page {
            path,
            body,
            fingerprint,
        }
    }

    /// A page from text, for tests of the stages after render.
    #[cfg(test)]
    pub(crate) fn for_test(path: &str, body: &str) -> Page {
        Page::new(
            SitePath::new(path).expect("valid test path"),
            body.as_bytes().to_vec(),
        )
    }
}

/// What rendering produced besides the pages it put.
#[derive(Debug, Default)]
pub struct Rendered {
    /// How many pages were put (a sink drops a later page of a path already put).
    pub pages: usize,
    /// Pages not rendered because the `unchanged` predicate said the output already holds
    /// them: (path, fingerprint), sorted.
    pub unchanged: Vec<(SitePath, u128)>,
}

/// Where each finished page goes, as soon as it is rendered and from any of the renderer's
/// threads: a build writes it straight to disk (`output::Staging`), `check` keeps it. Holding
/// a 10,000-article site's pages until the end was most of a build's peak memory. Pages of
/// the same path are put in a fixed order, generated files before theme files, and the first
/// one put should win.
pub type Sink<'a, E> = &'a (dyn Fn(Page) -> Result<(), E> + Sync);

/// Asked per templated page with its fingerprint: true when the output already holds it, so
/// it need not be rendered.
pub type Unchanged<'a> = &'a (dyn Fn(&SitePath, u128) -> bool + Sync);

/// A [`Unchanged`] that renders everything.
pub fn render_all(_: &SitePath, _: u128) -> bool {
    false
}

/// Escape HTML text without touching `/` (Tera's default turns every `/` of a URL into
/// `&#x2F;`, which is legal but unreadable and bloats every link).
fn escape_html(text: &str) -> String {
    crate::ingest::escape_html(text)
}

fn error_chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// Build the Tera instance for a theme.
pub fn templates(theme: &Theme) -> Result<Tera, Error> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    // All at once: templates extend each other, so they are only checkable together.
    let sources = theme
        .templates
        .iter()
        .map(|(name, (source, _))| (name.as_str(), source.as_str()));
    tera.add_raw_templates(sources).map_err(|e| {
        let message = error_chain(&e);
        // Tera names the template in quotes; point at its file.
        let path = theme
            .templates
            .iter()
            .find(|(name, _)| message.contains(&format!("'{name}'")))
            .map_or_else(|| PathBuf::from("templates"), |(_, (_, path))| path.clone());
        Error::Template { path, message }
    })?;
    for required in [
        "index.html",
        "article.html",
        "partners.html",
        "partner.html",
        "partner_month.html",
        "months.html",
        "month.html",
        "search.html",
        "404.html",
    ] {
        if !theme.templates.contains_key(required) {
            return Err(Error::Template {
                path: PathBuf::from(required),
                message: "missing from the theme".into(),
            });
        }
    }
    Ok(tera)
}

/// The path and fingerprint of a page the output already holds, so it was not rendered.
type Kept = (SitePath, u128);

/// A page rendered, or kept.
type Rendering = Result<Page, Kept>;

/// A sitemap entry: absolute URL and, for articles, the date.
type SitemapEntry = (String, Option<chrono::NaiveDate>);

/// What a page needs on top of the shared context. Lists carry their page number (from 1).
enum Job {
    Home(usize),
    Article(usize),
    Partners,
    Partner(PartnerId, usize),
    PartnerMonth(PartnerId, YearMonth, usize),
    Months,
    Month(YearMonth, usize),
    Undated(usize),
    Search,
    NotFound,
    People,
    Person(usize),
    Agreements,
}

/// `job(1)`, `job(2)`, … for each page of a list of `len` articles.
fn paged(len: usize, per_page: usize, job: impl Fn(usize) -> Job) -> impl Iterator<Item = Job> {
    (1..=paging::count(len, per_page)).map(job)
}

/// ` · page 2 of 5` after a paged page's title; nothing on page 1, whose title stays the
/// list's own.
fn page_suffix(page: usize) -> String {
    if page > 1 {
        format!(" · page {page}")
    } else {
        String::new()
    }
}

/// Everything every page template sees.
#[derive(Serialize)]
struct PageContext<'a, T: Serialize> {
    site: &'a SiteView,
    nav: &'a NavView,
    generator: &'static str,
    root: String,
    page: PageView,
    #[serde(flatten)]
    data: T,
}

struct Renderer<'a> {
    /// Hash of every template, so a template change re-renders every page.
    templates_fingerprint: u128,
    digest: &'a Digest,
    opts: &'a BuildOptions,
    tera: Tera,
    views: Views,
    site: SiteView,
    nav: NavView,
    /// People with pages and documents per partner.
    entities: pages::people::Entities,
}

/// Render the whole site into `sink`, skipping the templated pages `unchanged` says the output
/// already holds.
pub fn render<E: From<Error> + Send>(
    digest: &Digest,
    opts: &BuildOptions,
    theme: &Theme,
    gazetteer: &Gazetteer,
    home: Option<&PartnerId>,
    unchanged: Unchanged,
    sink: Sink<E>,
) -> Result<Rendered, E> {
    let pretty = opts.config.pretty_urls;
    let entities = pages::people::Entities::new(digest);
    let renderer = Renderer {
        templates_fingerprint: theme.templates_fingerprint(),
        digest,
        opts,
        tera: templates(theme)?,
        views: Views::new(digest, gazetteer, pretty, opts.config.brief_sentences),
        site: SiteView {
            title: opts.config.title.clone(),
            description: opts.config.description.clone(),
            language: opts.config.language.clone(),
            base_url: opts.base_url.clone(),
            base_path: base_path(&opts.base_url),
            home_country: home.map(|id| HomeView {
                id: id.to_string(),
                name: gazetteer
                    .get(id)
                    .map_or_else(|| id.to_string(), |p| p.name.clone()),
            }),
            extra: opts.config.extra.clone(),
            data_export: opts.config.data_export,
        },
        nav: NavView {
            home: PageDir::home().url(pretty),
            partners: PageDir::partners().url(pretty),
            months: PageDir::months().url(pretty),
            search: PageDir::search().url(pretty),
            feed: "feed.xml".into(),
            people: (!entities.people.is_empty()).then(|| PageDir::people().url(pretty)),
            agreements: (!entities.agreements.is_empty())
                .then(|| PageDir::agreements().url(pretty)),
        },
        entities,
    };

    let per_page = renderer.per_page();
    let mut jobs = vec![Job::Partners, Job::Months, Job::Search, Job::NotFound];
    jobs.extend((1..=renderer.home_pages()).map(Job::Home));
    jobs.extend((0..digest.items.len()).map(Job::Article));
    if !renderer.entities.people.is_empty() {
        jobs.push(Job::People);
        jobs.extend((0..renderer.entities.people.len()).map(Job::Person));
    }
    if !renderer.entities.agreements.is_empty() {
        jobs.push(Job::Agreements);
    }
    let lists = &renderer.views.lists;
    for (id, items) in &lists.partner {
        jobs.extend(paged(items.len(), per_page, |n| {
            Job::Partner(id.clone(), n)
        }));
    }
    for ((id, month), items) in &lists.partner_month {
        jobs.extend(paged(items.len(), per_page, |n| {
            Job::PartnerMonth(id.clone(), *month, n)
        }));
    }
    for (month, items) in &lists.month {
        jobs.extend(paged(items.len(), per_page, |n| Job::Month(*month, n)));
    }
    if !digest.undated.is_empty() {
        jobs.extend(paged(digest.undated.len(), per_page, Job::Undated));
    }
    let html: Vec<(Option<Kept>, Option<SitemapEntry>)> = jobs
        .par_iter()
        .map(|job| {
            let (page, entry) = renderer.page(job, unchanged)?;
            match page {
                Ok(page) => {
                    sink(page)?;
                    Ok((None, entry))
                }
                Err(kept) => Ok((Some(kept), entry)),
            }
        })
        .collect::<Result<_, E>>()?;

    let mut rendered = Rendered::default();
    let mut sitemap = Vec::new();
    for (kept, entry) in html {
        match kept {
            Some(kept) => rendered.unchanged.push(kept),
            None => rendered.pages += 1,
        }
        sitemap.extend(entry);
    }
    sitemap.sort();
    // The rest is small and put in this order: a generated file beats a theme file of the
    // same name.
    let mut rest = vec![Page::new(
        site_path("sitemap.xml"),
        feed::sitemap(&sitemap).into_bytes(),
    )];
    rest.extend(renderer.feeds());
    rest.extend(renderer.search_index());
    rest.extend(data::export(digest, opts, gazetteer, home));
    for (path, bytes) in &theme.statics {
        rest.push(Page::new(path.clone(), bytes.clone()));
    }
    // The sink keeps the first page of a path (a theme file named like a generated one loses).
    for page in rest {
        sink(page)?;
        rendered.pages += 1;
    }
    rendered.unchanged.sort();
    Ok(rendered)
}

fn site_path(path: &str) -> SitePath {
    SitePath::new(path).expect("built-in path is valid")
}

/// `https://x.io/repo/` -> `/repo/`.
fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.find('/')
        .map_or_else(|| "/".to_owned(), |i| rest[i..].to_owned())
}

/// Streams serialised JSON into a hash, so fingerprinting a context allocates nothing.
struct HashWriter(Xxh3);

impl std::io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Renderer<'_> {
    /// Articles per page of partner and month lists (0: no paging).
    fn per_page(&self) -> usize {
        self.opts.config.paginate_by
    }

    /// Articles per home page: `home_articles`; the older ones follow on more pages unless
    /// paging is off.
    fn home_per_page(&self) -> usize {
        self.opts.config.home_articles.max(1)
    }

    /// How many home pages there are: one when paging is off (it then ends with a link to
    /// the months), else as many as the articles fill.
    fn home_pages(&self) -> usize {
        if self.per_page() == 0 {
            1
        } else {
            paging::count(self.views.lists.home.len(), self.home_per_page())
        }
    }

    /// One templated page, or its path and fingerprint when `unchanged` says the output
    /// already holds it.
    fn page(
        &self,
        job: &Job,
        unchanged: Unchanged,
    ) -> Result<(Rendering, Option<SitemapEntry>), Error> {
        let lang = self.opts.config.language.clone();
        let v = &self.views;
        let d = self.digest;
        let (dir, template, kind, title, page_lang, data): (
            PageDir,
            &str,
            &'static str,
            String,
            String,
            serde_json::Value,
        ) = match job {
            Job::Home(n) => (
                PageDir::home().page(*n),
                "index.html",
                "home",
                format!("{}{}", self.site.title, page_suffix(*n)),
                lang,
                json(self.home_data(*n)),
            ),
            Job::Article(i) => {
                let item = &d.items[*i];
                (
                    item.dir.clone(),
                    "article.html",
                    "article",
                    item.article.title.clone(),
                    item.analysis.language.to_string(),
                    json(self.article_data(*i)),
                )
            }
            Job::Partners => (
                PageDir::partners(),
                "partners.html",
                "partners",
                "Partners".into(),
                lang,
                json(self.partners_data()),
            ),
            Job::Partner(id, n) => {
                let link = &v.partners[id];
                (
                    PageDir::partner(id.as_str()).page(*n),
                    "partner.html",
                    "partner",
                    format!("{}{}", link.name, page_suffix(*n)),
                    lang,
                    json(self.partner_data(id, *n)),
                )
            }
            Job::PartnerMonth(id, month, n) => {
                let link = &v.partners[id];
                let title = format!("{} · {}{}", link.name, month.name(), page_suffix(*n));
                (
                    PageDir::partner_month(id.as_str(), month).page(*n),
                    "partner_month.html",
                    "partner_month",
                    title,
                    lang,
                    json(self.partner_month_data(id, month, *n)),
                )
            }
            Job::Months => (
                PageDir::months(),
                "months.html",
                "months",
                "Months".into(),
                lang,
                json(self.months_data()),
            ),
            Job::Month(month, n) => (
                PageDir::month(month).page(*n),
                "month.html",
                "month",
                format!("{}{}", month.name(), page_suffix(*n)),
                lang,
                json(self.month_data(Some(month), *n)),
            ),
            Job::Undated(n) => (
                PageDir::undated().page(*n),
                "month.html",
                "undated",
                format!("Undated{}", page_suffix(*n)),
                lang,
                json(self.month_data(None, *n)),
            ),
            Job::People => (
                PageDir::people(),
                "people.html",
                "people",
                "People".into(),
                lang,
                json(self.people_data()),
            ),
            Job::Person(p) => {
                let person = &self.entities.people[*p];
                (
                    PageDir::person(&person.id.to_string()),
                    "person.html",
                    "person",
                    person.name.clone(),
                    lang,
                    json(self.person_data(*p)),
                )
            }
            Job::Agreements => (
                PageDir::agreements(),
                "agreements.html",
                "agreements",
                "Agreements".into(),
                lang,
                json(self.agreements_data()),
            ),
            Job::Search => (
                PageDir::search(),
                "search.html",
                "search",
                "Search".into(),
                lang,
                serde_json::json!({ "index_url": SEARCH_INDEX }),
            ),
            Job::NotFound => (
                PageDir::home(),
                "404.html",
                "404",
                "Page not found".into(),
                lang,
                serde_json::json!({}),
            ),
        };
        let path = if matches!(job, Job::NotFound) {
            site_path("404.html")
        } else {
            dir.file()
        };
        let canonical = if matches!(job, Job::NotFound) {
            String::new()
        } else {
            dir.absolute(&self.opts.base_url)
        };
        let ctx = PageContext {
            site: &self.site,
            nav: &self.nav,
            generator: GENERATOR,
            root: path.root_prefix(),
            page: PageView {
                kind,
                title,
                lang: page_lang,
                canonical: canonical.clone(),
            },
            data,
        };
        let value = serde_json::to_value(&ctx).map_err(|e| Error::Render {
            page: path.to_string(),
            template: template.to_owned(),
            message: e.to_string(),
        })?;
        let mut hasher = HashWriter(Xxh3::new());
        hasher.0.update(&self.templates_fingerprint.to_le_bytes());
        hasher.0.update(template.as_bytes());
        serde_json::to_writer(&mut hasher, &value).expect("hashing cannot fail");
        let fingerprint = hasher.0.digest128();
        let date = match job {
            Job::Article(i) => d.items[*i].article.date,
            _ => None,
        };
        let entry = (!matches!(job, Job::NotFound)).then_some((canonical, date));
        if unchanged(&path, fingerprint) {
            return Ok((Err((path, fingerprint)), entry));
        }
        let ctx =
            tera::Context::from_value(value).map_err(|e| self.render_error(&path, template, &e))?;
        let body = self
            .tera
            .render(template, &ctx)
            .map_err(|e| self.render_error(&path, template, &e))?;
        let page = Page {
            path,
            body: body.into_bytes(),
            fingerprint,
        };
        Ok((Ok(page), entry))
    }

    fn render_error(&self, path: &SitePath, template: &str, e: &tera::Error) -> Error {
        Error::Render {
            page: path.to_string(),
            template: template.to_owned(),
            message: error_chain(e),
        }
    }
}

fn json<T: Serialize>(value: T) -> serde_json::Value {
    serde_json::to_value(value).expect("views serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_of_project_pages() {
        assert_eq!(base_path("https://user.github.io/repo/"), "/repo/");
        assert_eq!(base_path("https://example.org/"), "/");
    }

    #[test]
    fn embedded_theme_compiles() {
        let theme = Theme::load(
            std::path::Path::new("/nonexistent"),
            "default",
            &mut Vec::new(),
        )
        .unwrap();
        templates(&theme).unwrap();
        assert!(theme.statics.keys().any(|p| p.as_str() == "style.css"));
    }
}
