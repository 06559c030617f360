//! Render: a [`Digest`] becomes [`Page`]s: HTML through the Tera theme, Atom feeds, the
//! sitemap and the theme's static files. Nothing here touches the output folder; pages are
//! plain values handed to `output::write` (or kept in memory by `check`).
//!
//! Pages are rendered in parallel; each is a pure function of the digest and the theme.

mod context;
pub mod data;
pub mod feed;
mod search;
pub mod theme;

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

use crate::analyse::{Gazetteer, PartnerId, PartnerKind};
use crate::config::BuildOptions;
use crate::digest::{Digest, PageDir, SitePath, YearMonth};
use context::{
    ArticleCard, ArticleLink, HomeView, MonthLink, NavView, PageView, PartnerLink, SiteView, Views,
};
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

/// What rendering produced.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Pages rendered, sorted by path.
    pub pages: Vec<Page>,
    /// Pages not rendered because the `unchanged` predicate said the output already holds
    /// them: (path, fingerprint).
    pub unchanged: Vec<(SitePath, u128)>,
}

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

/// A page rendered, or its path and fingerprint when the output already holds it.
type Rendering = Result<Page, (SitePath, u128)>;

/// A sitemap entry: absolute URL and, for articles, the date.
type SitemapEntry = (String, Option<chrono::NaiveDate>);

/// What a page needs on top of the shared context.
enum Job {
    Home,
    Article(usize),
    Partners,
    Partner(PartnerId),
    PartnerMonth(PartnerId, YearMonth),
    Months,
    Month(YearMonth),
    Undated,
    Search,
    NotFound,
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
}

/// Render the whole site, skipping the templated pages `unchanged` says the output already
/// holds.
pub fn render(
    digest: &Digest,
    opts: &BuildOptions,
    theme: &Theme,
    gazetteer: &Gazetteer,
    home: Option<&PartnerId>,
    unchanged: Unchanged,
) -> Result<Rendered, Error> {
    let pretty = opts.config.pretty_urls;
    let renderer = Renderer {
        templates_fingerprint: theme.templates_fingerprint(),
        digest,
        opts,
        tera: templates(theme)?,
        views: Views::new(digest, gazetteer, pretty),
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
        },
    };

    let mut jobs = vec![
        Job::Home,
        Job::Partners,
        Job::Months,
        Job::Search,
        Job::NotFound,
    ];
    jobs.extend((0..digest.items.len()).map(Job::Article));
    jobs.extend(digest.by_partner.keys().cloned().map(Job::Partner));
    jobs.extend(
        digest
            .by_partner_month
            .keys()
            .map(|(p, m)| Job::PartnerMonth(p.clone(), *m)),
    );
    jobs.extend(digest.by_month.keys().copied().map(Job::Month));
    if !digest.undated.is_empty() {
        jobs.push(Job::Undated);
    }
    let html: Vec<(Rendering, Option<SitemapEntry>)> = jobs
        .par_iter()
        .map(|job| renderer.page(job, unchanged))
        .collect::<Result<_, _>>()?;

    let mut rendered = Rendered {
        pages: Vec::with_capacity(html.len() + theme.statics.len() + digest.by_partner.len() + 2),
        unchanged: Vec::new(),
    };
    let mut sitemap = Vec::new();
    for (page, entry) in html {
        match page {
            Ok(page) => rendered.pages.push(page),
            Err(kept) => rendered.unchanged.push(kept),
        }
        sitemap.extend(entry);
    }
    sitemap.sort();
    rendered.pages.push(Page::new(
        site_path("sitemap.xml"),
        feed::sitemap(&sitemap).into_bytes(),
    ));
    rendered.pages.extend(renderer.feeds());
    rendered.pages.push(renderer.search_index());
    rendered
        .pages
        .extend(data::export(digest, opts, gazetteer, home));
    for (path, bytes) in &theme.statics {
        rendered.pages.push(Page::new(path.clone(), bytes.clone()));
    }
    rendered.pages.sort_by(|a, b| a.path.cmp(&b.path));
    rendered.pages.dedup_by(|a, b| a.path == b.path);
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
            Job::Home => (
                PageDir::home(),
                "index.html",
                "home",
                self.site.title.clone(),
                lang,
                json(self.home_data()),
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
            Job::Partner(id) => {
                let link = &v.partners[id];
                (
                    PageDir::partner(id.as_str()),
                    "partner.html",
                    "partner",
                    link.name.clone(),
                    lang,
                    json(self.partner_data(id)),
                )
            }
            Job::PartnerMonth(id, month) => {
                let link = &v.partners[id];
                let title = format!("{} · {}", link.name, month.name());
                (
                    PageDir::partner_month(id.as_str(), month),
                    "partner_month.html",
                    "partner_month",
                    title,
                    lang,
                    json(self.partner_month_data(id, month)),
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
            Job::Month(month) => (
                PageDir::month(month),
                "month.html",
                "month",
                month.name(),
                lang,
                json(self.month_data(Some(month))),
            ),
            Job::Undated => (
                PageDir::undated(),
                "month.html",
                "undated",
                "Undated".into(),
                lang,
                json(self.month_data(None)),
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

    /// `search-index.js`: every article's title, date, partners and summary as a script that
    /// sets `window.BRIEFING_SEARCH`. A script, not JSON to fetch, because `fetch` is blocked
    /// from `file://`; `<` is escaped so no text can close a script element.
    fn search_index(&self) -> Page {
        #[derive(Serialize)]
        struct Entry<'a> {
            t: &'a str,
            u: &'a str,
            d: &'a str,
            l: &'a str,
            p: String,
            s: String,
        }
        let entries: Vec<Entry> = self
            .views
            .cards
            .iter()
            .map(|card| Entry {
                t: &card.link.title,
                u: &card.link.url,
                d: &card.link.date_display,
                l: &card.link.lang,
                p: card
                    .partners
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                s: card.summary.join(" "),
            })
            .collect();
        let json = serde_json::to_string(&entries).expect("search entries serialise");
        Page::new(
            site_path(SEARCH_INDEX),
            search::index_script(&json).into_bytes(),
        )
    }

    fn feeds(&self) -> Vec<Page> {
        let d = self.digest;
        let base = &self.opts.base_url;
        let limit = self.opts.config.feed_entries;
        let all: Vec<usize> = (0..d.items.len()).collect();
        let mut pages = vec![Page::new(
            site_path("feed.xml"),
            feed::atom(
                d,
                &all,
                &self.site.title,
                "feed.xml",
                &PageDir::home(),
                base,
                limit,
            )
            .into_bytes(),
        )];
        for (id, items) in &d.by_partner {
            let path = format!("partners/{id}/feed.xml");
            let title = format!("{} · {}", self.views.partners[id].name, self.site.title);
            let body = feed::atom(
                d,
                items,
                &title,
                &path,
                &PageDir::partner(id.as_str()),
                base,
                limit,
            );
            pages.push(Page::new(site_path(&path), body.into_bytes()));
        }
        pages
    }

    fn home_data(&self) -> HomeData {
        let d = self.digest;
        let latest: Vec<usize> = (0..d.items.len())
            .take(self.opts.config.home_articles)
            .collect();
        let mut partners: Vec<PartnerLink> = self.views.partners.values().cloned().collect();
        partners.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        HomeData {
            latest: self.views.cards(&latest),
            partners,
            months: d
                .by_month
                .iter()
                .rev()
                .map(|(m, items)| self.views.month(m, items.len()))
                .collect(),
            undated: (!d.undated.is_empty()).then(|| self.views.undated(d.undated.len())),
            counts: Counts {
                articles: d.items.len(),
                partners: d.by_partner.len(),
                months: d.by_month.len(),
            },
        }
    }

    fn article_data(&self, i: usize) -> ArticleData {
        let d = self.digest;
        let v = &self.views;
        let item = &d.items[i];
        let links = &d.links[i];
        let a = &item.article;
        let link = |j: Option<usize>| j.map(|j| v.links[j].clone());
        ArticleData {
            article: ArticleView {
                title: a.title.clone(),
                url: item.dir.url(v.pretty),
                date: v.links[i].date.clone(),
                date_display: v.links[i].date_display.clone(),
                time: a.time.map(|t| t.format("%H:%M").to_string()),
                source_name: a.source_name.clone(),
                source_url: a.url.clone(),
                lang: item.analysis.language.to_string(),
                language_name: item.analysis.language.name().to_owned(),
                summary: item.analysis.summary.clone(),
                body_html: a.html.clone(),
                figures: item
                    .analysis
                    .figures
                    .iter()
                    .map(|f| FigureView {
                        text: f.text.clone(),
                        sentence: f.sentence.clone(),
                    })
                    .collect(),
                partners: v.partner_links(&item.analysis.partners),
                mentioned: v.partner_links(&item.analysis.mentioned),
                month: item.month.map(|m| v.month(&m, d.by_month[&m].len())),
                older: link(links.older),
                newer: link(links.newer),
                partner_nav: links
                    .by_partner
                    .iter()
                    .map(|(p, older, newer)| PartnerNav {
                        partner: v.partners[p].clone(),
                        month_url: item
                            .month
                            .map(|m| PageDir::partner_month(p.as_str(), &m).url(v.pretty)),
                        // Neighbours already shown for the whole digest are not repeated.
                        older: link(older.filter(|o| Some(*o) != links.older)),
                        newer: link(newer.filter(|n| Some(*n) != links.newer)),
                    })
                    .collect(),
                related: links.related.iter().map(|&j| v.links[j].clone()).collect(),
            },
        }
    }

    fn partners_data(&self) -> PartnersData {
        let mut all: Vec<PartnerLink> = self.views.partners.values().cloned().collect();
        all.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        let (countries, organisations) = all
            .into_iter()
            .partition(|p| p.kind == PartnerKind::Country);
        PartnersData {
            countries,
            organisations,
        }
    }

    fn partner_data(&self, id: &PartnerId) -> PartnerData {
        let d = self.digest;
        let items = &d.by_partner[id];
        let mut months: Vec<MonthGroup> = Vec::new();
        for ((p, m), list) in d.by_partner_month.range(
            (
                id.clone(),
                YearMonth {
                    year: i32::MIN,
                    month: 0,
                },
            )..,
        ) {
            if p != id {
                break;
            }
            months.push(MonthGroup {
                month: self.views.partner_month(id, m, list.len()),
                articles: self.views.cards(list),
            });
        }
        months.reverse();
        let undated: Vec<usize> = items
            .iter()
            .copied()
            .filter(|&i| d.items[i].month.is_none())
            .collect();
        PartnerData {
            partner: self.views.partners[id].clone(),
            feed_url: format!("partners/{id}/feed.xml"),
            figures: self.partner_figures(items),
            months,
            undated: self.views.cards(&undated),
        }
    }

    /// The key figures of a partner's newest articles (a few per article, so one
    /// number-heavy report does not fill the list), each linked to its article.
    fn partner_figures(&self, items: &[usize]) -> Vec<PartnerFigure> {
        const MAX: usize = 12;
        const PER_ARTICLE: usize = 2;
        let mut figures = Vec::new();
        for &i in items {
            for f in self.digest.items[i]
                .analysis
                .figures
                .iter()
                .take(PER_ARTICLE)
            {
                if figures.len() == MAX {
                    return figures;
                }
                figures.push(PartnerFigure {
                    text: f.text.clone(),
                    sentence: f.sentence.clone(),
                    article: self.views.links[i].clone(),
                });
            }
        }
        figures
    }

    fn partner_month_data(&self, id: &PartnerId, month: &YearMonth) -> PartnerMonthData {
        let d = self.digest;
        let list = &d.by_partner_month[&(id.clone(), *month)];
        let key = (id.clone(), *month);
        let older = d
            .by_partner_month
            .range(..key.clone())
            .next_back()
            .filter(|((p, _), _)| p == id);
        let newer = d
            .by_partner_month
            .range(key..)
            .nth(1)
            .filter(|((p, _), _)| p == id);
        let as_link = |e: Option<(&(PartnerId, YearMonth), &Vec<usize>)>| {
            e.map(|((p, m), l)| self.views.partner_month(p, m, l.len()))
        };
        PartnerMonthData {
            partner: self.views.partners[id].clone(),
            month: self.views.month(month, d.by_month[month].len()),
            articles: self.views.cards(list),
            older: as_link(older),
            newer: as_link(newer),
        }
    }

    fn months_data(&self) -> MonthsData {
        let d = self.digest;
        let mut years: Vec<YearGroup> = Vec::new();
        for (m, items) in d.by_month.iter().rev() {
            let link = self.views.month(m, items.len());
            match years.last_mut() {
                Some(y) if y.year == m.year.to_string() => y.months.push(link),
                _ => years.push(YearGroup {
                    year: m.year.to_string(),
                    months: vec![link],
                }),
            }
        }
        MonthsData {
            years,
            undated: (!d.undated.is_empty()).then(|| self.views.undated(d.undated.len())),
        }
    }

    /// A month page, or the undated page when `month` is `None`.
    fn month_data(&self, month: Option<&YearMonth>) -> MonthData {
        let d = self.digest;
        let v = &self.views;
        let items: &[usize] = match month {
            Some(m) => &d.by_month[m],
            None => &d.undated,
        };
        let mut by_partner: BTreeMap<&PartnerId, Vec<usize>> = BTreeMap::new();
        let mut orphans = Vec::new();
        for &i in items {
            let partners = &d.items[i].analysis.partners;
            if partners.is_empty() {
                orphans.push(i);
            }
            for p in partners {
                by_partner.entry(p).or_default().push(i);
            }
        }
        let mut groups: Vec<PartnerGroup> = by_partner
            .into_iter()
            .map(|(p, list)| PartnerGroup {
                partner: Some(v.partners[p].clone()),
                url: month.map(|m| PageDir::partner_month(p.as_str(), m).url(v.pretty)),
                articles: v.cards(&list),
            })
            .collect();
        groups.sort_by(|a, b| {
            let name = |g: &PartnerGroup| {
                g.partner
                    .as_ref()
                    .map(|p| p.name.clone())
                    .unwrap_or_default()
            };
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then_with(|| name(a).cmp(&name(b)))
        });
        if !orphans.is_empty() {
            groups.push(PartnerGroup {
                partner: None,
                url: None,
                articles: v.cards(&orphans),
            });
        }
        let (this, older, newer) = match month {
            Some(m) => (
                v.month(m, items.len()),
                d.by_month
                    .range(..*m)
                    .next_back()
                    .map(|(m, l)| v.month(m, l.len())),
                d.by_month
                    .range(*m..)
                    .nth(1)
                    .map(|(m, l)| v.month(m, l.len())),
            ),
            None => (v.undated(items.len()), None, None),
        };
        MonthData {
            month: this,
            groups,
            older,
            newer,
        }
    }
}

fn json<T: Serialize>(value: T) -> serde_json::Value {
    serde_json::to_value(value).expect("views serialise")
}

#[derive(Serialize)]
struct Counts {
    articles: usize,
    partners: usize,
    months: usize,
}

#[derive(Serialize)]
struct HomeData {
    latest: Vec<ArticleCard>,
    partners: Vec<PartnerLink>,
    months: Vec<MonthLink>,
    undated: Option<MonthLink>,
    counts: Counts,
}

#[derive(Serialize)]
struct ArticleData {
    article: ArticleView,
}

#[derive(Serialize)]
struct ArticleView {
    title: String,
    url: String,
    date: Option<String>,
    date_display: String,
    time: Option<String>,
    source_name: Option<String>,
    source_url: Option<String>,
    lang: String,
    language_name: String,
    summary: Vec<String>,
    body_html: String,
    figures: Vec<FigureView>,
    partners: Vec<PartnerLink>,
    mentioned: Vec<PartnerLink>,
    month: Option<MonthLink>,
    older: Option<ArticleLink>,
    newer: Option<ArticleLink>,
    partner_nav: Vec<PartnerNav>,
    related: Vec<ArticleLink>,
}

#[derive(Serialize)]
struct FigureView {
    text: String,
    sentence: String,
}

#[derive(Serialize)]
struct PartnerFigure {
    text: String,
    sentence: String,
    article: ArticleLink,
}

#[derive(Serialize)]
struct PartnerNav {
    partner: PartnerLink,
    month_url: Option<String>,
    older: Option<ArticleLink>,
    newer: Option<ArticleLink>,
}

#[derive(Serialize)]
struct PartnersData {
    countries: Vec<PartnerLink>,
    organisations: Vec<PartnerLink>,
}

#[derive(Serialize)]
struct MonthGroup {
    month: MonthLink,
    articles: Vec<ArticleCard>,
}

#[derive(Serialize)]
struct PartnerData {
    partner: PartnerLink,
    feed_url: String,
    figures: Vec<PartnerFigure>,
    months: Vec<MonthGroup>,
    undated: Vec<ArticleCard>,
}

#[derive(Serialize)]
struct PartnerMonthData {
    partner: PartnerLink,
    month: MonthLink,
    articles: Vec<ArticleCard>,
    older: Option<MonthLink>,
    newer: Option<MonthLink>,
}

#[derive(Serialize)]
struct YearGroup {
    year: String,
    months: Vec<MonthLink>,
}

#[derive(Serialize)]
struct MonthsData {
    years: Vec<YearGroup>,
    undated: Option<MonthLink>,
}

#[derive(Serialize)]
struct PartnerGroup {
    partner: Option<PartnerLink>,
    url: Option<String>,
    articles: Vec<ArticleCard>,
}

#[derive(Serialize)]
struct MonthData {
    month: MonthLink,
    groups: Vec<PartnerGroup>,
    older: Option<MonthLink>,
    newer: Option<MonthLink>,
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
