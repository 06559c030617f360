//! Analyse: an [`Article`] becomes an [`Analysis`]: language, partners, summary, key figures.
//!
//! `analyse` is a pure function of the article and an [`AnalysisContext`] (gazetteer, home
//! country, summary length), so articles are analysed in parallel and `inspect` shows exactly
//! what a build would use. What front matter states wins over what is inferred.

pub mod agreements;
#[cfg(test)]
mod entities_eval;
pub mod figures;
pub mod gazetteer;
pub mod language;
mod lexicon;
pub mod names;
pub mod partners;
pub mod people;
pub mod stem;
pub mod story_keys;
pub mod summary;
pub mod text;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::SiteConfig;
use crate::diag::Diagnostic;
use crate::ingest::Article;
pub use figures::Figure;
pub use gazetteer::{Gazetteer, Partner, PartnerKind};
pub use language::Lang;
pub use partners::PartnerId;
pub use story_keys::StoryKeys;

/// What the analysis made of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Language (front matter, else detected, else the site's).
    pub language: Lang,
    /// Partners the article is about, strongest first.
    pub partners: Vec<PartnerId>,
    /// Other partners it mentions.
    pub mentioned: Vec<PartnerId>,
    /// Summary sentences in article order.
    pub summary: Vec<String>,
    /// Key figures.
    pub figures: Vec<Figure>,
    /// People named with a role, merged within the article.
    #[serde(default)]
    pub people: Vec<people::Person>,
    /// Documents signed, planned or discussed.
    #[serde(default)]
    pub agreements: Vec<agreements::Agreement>,
    /// The particulars (names, codes, numbers) that tell whether two reports are one story.
    #[serde(default)]
    pub story_keys: StoryKeys,
}

/// Everything analysis needs besides the article.
#[derive(Debug, Clone)]
pub struct AnalysisContext {
    /// Known partners.
    pub gazetteer: Gazetteer,
    /// The country the digest is about: never a partner.
    pub home: Option<PartnerId>,
    /// Summary length in sentences.
    pub summary_sentences: usize,
    /// Summary length in words, when limited.
    pub summary_words: Option<usize>,
    /// Fallback language.
    pub site_language: Lang,
    /// Hash of the settings above, for the build cache: an analysis is reused only under the
    /// same settings.
    pub fingerprint: u128,
    /// `[partners.pin]`: partners fixed per file, by `/`-separated path from the site root.
    pub pins: BTreeMap<String, Vec<PartnerId>>,
}

impl AnalysisContext {
    /// Build the context for a site (the gazetteer extended by its `[partners]` table).
    pub fn new(config: &SiteConfig) -> Result<Self, gazetteer::Error> {
        let gazetteer = Gazetteer::load(&config.partners)?;
        let home = match &config.home_country {
            Some(code) => {
                let id = PartnerId::parse(code)
                    .filter(|id| {
                        gazetteer
                            .get(id)
                            .is_some_and(|p| p.kind == PartnerKind::Country)
                    })
                    .ok_or_else(|| gazetteer::Error {
                        message: format!(
                            "`home_country = \"{code}\"` is not a known ISO 3166-1 country code"
                        ),
                    })?;
                Some(id)
            }
            None => None,
        };
        let mut pins = BTreeMap::new();
        for (file, names) in &config.partners.pin {
            let mut ids = Vec::new();
            for name in names {
                let id = PartnerId::parse(name)
                    .filter(|id| gazetteer.get(id).is_some())
                    .ok_or_else(|| gazetteer::Error {
                        message: format!(
                            "`[partners.pin]` entry `{file}` names `{name}`, which is not a known partner id"
                        ),
                    })?;
                if Some(&id) == home.as_ref() {
                    return Err(gazetteer::Error {
                        message: format!(
                            "`[partners.pin]` entry `{file}` names the home country `{name}`, which is never a partner"
                        ),
                    });
                }
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            pins.insert(normalise_path(file), ids);
        }
        // Every setting analysis reads must be hashed here, and nothing else (a new site
        // title must not re-analyse 5,000 articles).
        let settings = serde_json::to_vec(&(
            &config.partners,
            &config.home_country,
            config.summary_sentences,
            config.summary_words,
            &config.language,
        ))
        .expect("settings serialise");
        Ok(AnalysisContext {
            pins,
            fingerprint: xxhash_rust::xxh3::xxh3_128(&settings),
            gazetteer,
            home,
            summary_sentences: config.summary_sentences,
            summary_words: config.summary_words,
            site_language: Lang::parse(&config.language)
                .unwrap_or_else(|| Lang::parse("en").expect("valid")),
        })
    }
}

impl AnalysisContext {
    /// The partners `[partners.pin]` fixes for this file. `source` is the path an article was
    /// read under: relative to the site root in builds, maybe absolute or `./`-prefixed from
    /// `inspect`, so a pin matches the whole path or its tail.
    pub fn pinned(&self, source: &Path) -> Option<&Vec<PartnerId>> {
        if self.pins.is_empty() {
            return None;
        }
        let source = normalise_path(&source.to_string_lossy());
        self.pins.iter().find_map(|(file, ids)| {
            let tail = source
                .strip_suffix(file.as_str())
                .is_some_and(|head| head.is_empty() || head.ends_with('/'));
            tail.then_some(ids)
        })
    }
}

/// `./content\\foo.txt` -> `content/foo.txt`.
fn normalise_path(path: &str) -> String {
    let path = path.trim().replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    rest.to_owned()
}

/// Analyse one article. Diagnostics are returned beside the result (unknown partner names in
/// front matter, say); the analysis itself never fails.
pub fn analyse(article: &Article, ctx: &AnalysisContext) -> (Analysis, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();

    let language = article
        .front
        .language
        .as_deref()
        .and_then(Lang::parse)
        .or_else(|| {
            // The body as `Article::text` joins it, without joining more than is sampled.
            let body = article
                .blocks
                .iter()
                .flat_map(|b| b.text.chars().chain(['\n']));
            language::detect_article(&article.title, body)
        })
        .unwrap_or_else(|| ctx.site_language.clone());

    let detected = partners::detect(article, &ctx.gazetteer, ctx.home.as_ref());
    let stated = if article.front.partners.is_empty() {
        Vec::new()
    } else {
        stated_partners(article, ctx, &mut diagnostics)
    };
    // Front matter wins, unless none of what it names is known: then a pin in site.toml, then
    // detection files the article (the unknown names were reported).
    let stated = if stated.is_empty() {
        ctx.pinned(&article.source).cloned().unwrap_or_default()
    } else {
        stated
    };
    let (partners, mentioned) = if stated.is_empty() {
        (detected.partners, detected.mentioned)
    } else {
        let mut mentioned: Vec<PartnerId> = detected
            .partners
            .into_iter()
            .chain(detected.mentioned)
            .filter(|p| !stated.contains(p))
            .collect();
        mentioned.dedup();
        (stated, mentioned)
    };

    let candidates = summary::candidates(article);
    let summary = match article
        .front
        .summary
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(given) => text::sentences(given)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        None => {
            // Front matter may set this article's length; site.toml gives the default.
            let length = summary::Length {
                sentences: article
                    .front
                    .summary_sentences
                    .unwrap_or(ctx.summary_sentences)
                    .max(1),
                words: article.front.summary_words.or(ctx.summary_words),
            };
            summary::summarise_candidates(article, &candidates, &language, length)
        }
    };
    let figures = figures::extract(candidates.iter().map(|c| c.text.as_str()));
    // The title too: headlines name people with their titles ("Briefing of the Prime
    // Minister of Ukraine Denys Shmyhal") that the body may not repeat.
    let people = people::detect(
        std::iter::once(article.title.as_str())
            .chain(article.blocks.iter().map(|b| b.text.as_str())),
        &ctx.gazetteer,
    );
    let agreements = agreements::detect(&article.blocks);
    let story_keys = story_keys::extract(article, &ctx.gazetteer);

    (
        Analysis {
            language,
            partners,
            mentioned,
            summary,
            figures,
            people,
            agreements,
            story_keys,
        },
        diagnostics,
    )
}

/// Front matter `partners`: ids or names, resolved through the gazetteer.
fn stated_partners(
    article: &Article,
    ctx: &AnalysisContext,
    diags: &mut Vec<Diagnostic>,
) -> Vec<PartnerId> {
    let mut out = Vec::new();
    for name in &article.front.partners {
        let id = match ctx.gazetteer.resolve(name) {
            Some(partner) => partner.id.clone(),
            None => {
                diags.push(
                    Diagnostic::warning(&article.source, "unknown-partner", format!("unknown partner `{name}`; ignored"))
                        .with_hint("use an ISO country code or a name briefing knows, or add it under `[partners]` in site.toml"),
                );
                continue;
            }
        };
        if Some(&id) == ctx.home.as_ref() {
            diags.push(Diagnostic::warning(
                &article.source,
                "home-partner",
                format!("`{name}` is the home country, which is never a partner; ignored"),
            ));
        } else if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(site: &str) -> Result<AnalysisContext, gazetteer::Error> {
        let config = SiteConfig::parse(site, Path::new("site.toml")).expect("valid site.toml");
        AnalysisContext::new(&config)
    }

    #[test]
    fn pins_file_partners_and_front_matter_still_wins() {
        let ctx = context(
            "home_country = \"kg\"\n[partners.pin]\n\"content/foo.txt\" = [\"RU\", \"eaeu\"]\n",
        )
        .unwrap();
        let ids = |v: &[PartnerId]| v.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        for source in [
            "content/foo.txt",
            "./content/foo.txt",
            "/site/content/foo.txt",
        ] {
            assert_eq!(
                ids(ctx.pinned(Path::new(source)).unwrap()),
                ["ru", "eaeu"],
                "{source}"
            );
        }
        assert!(ctx.pinned(Path::new("content/xfoo.txt")).is_none());
        let mut article = Article::for_test("Japarov meets Pakistani PM", &["Pakistan."]);
        article.source = "content/foo.txt".into();
        assert_eq!(ids(&analyse(&article, &ctx).0.partners), ["ru", "eaeu"]);
        article.front.partners = vec!["China".into()];
        assert_eq!(ids(&analyse(&article, &ctx).0.partners), ["cn"]);
    }

    #[test]
    fn bad_pins_are_refused_with_the_key_and_id() {
        let err = context("[partners.pin]\n\"content/foo.txt\" = [\"xx\"]\n").unwrap_err();
        assert!(err.message.contains("content/foo.txt") && err.message.contains("`xx`"));
        let err =
            context("home_country = \"kg\"\n[partners.pin]\n\"a.txt\" = [\"kg\"]\n").unwrap_err();
        assert!(err.message.contains("home country"), "{}", err.message);
        for bad in [
            "[partners.pin]\n\"../x.txt\" = [\"ru\"]\n",
            "[partners.pin]\n\"x.txt\" = []\n",
            "[partners.pin]\n\"x.txt\" = [\"r u\"]\n",
        ] {
            match SiteConfig::parse(bad, Path::new("site.toml")) {
                Err(crate::config::Error::Invalid { key, .. }) => assert_eq!(key, "partners.pin"),
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
