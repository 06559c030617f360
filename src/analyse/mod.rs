//! Analyse: an [`Article`] becomes an [`Analysis`]: language, partners, summary, key figures.
//!
//! `analyse` is a pure function of the article and an [`AnalysisContext`] (gazetteer, home
//! country, summary length), so articles are analysed in parallel and `inspect` shows exactly
//! what a build would use. What front matter states wins over what is inferred.

pub mod figures;
pub mod gazetteer;
pub mod language;
pub mod partners;
pub mod stem;
pub mod summary;
pub mod text;

use serde::Serialize;

use crate::config::SiteConfig;
use crate::diag::Diagnostic;
use crate::ingest::Article;
pub use figures::Figure;
pub use gazetteer::{Gazetteer, Partner, PartnerKind};
pub use language::Lang;
pub use partners::PartnerId;

/// What the analysis made of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
        Ok(AnalysisContext {
            gazetteer,
            home,
            summary_sentences: config.summary_sentences,
            summary_words: config.summary_words,
            site_language: Lang::parse(&config.language)
                .unwrap_or_else(|| Lang::parse("en").expect("valid")),
        })
    }
}

/// Analyse one article. Diagnostics are returned beside the result (unknown partner names in
/// front matter, say); the analysis itself never fails.
pub fn analyse(article: &Article, ctx: &AnalysisContext) -> (Analysis, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let body = article.text();

    let language = article
        .front
        .language
        .as_deref()
        .and_then(Lang::parse)
        .or_else(|| language::detect(&format!("{}\n{}", article.title, body)))
        .unwrap_or_else(|| ctx.site_language.clone());

    let detected = partners::detect(article, &ctx.gazetteer, ctx.home.as_ref());
    let stated = if article.front.partners.is_empty() {
        Vec::new()
    } else {
        stated_partners(article, ctx, &mut diagnostics)
    };
    // Front matter wins, unless none of what it names is known: then detection still files
    // the article (the unknown names were reported).
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
            summary::summarise(article, &language, length)
        }
    };
    let figures = figures::extract(summary::candidates(article).iter().map(String::as_str));

    (
        Analysis {
            language,
            partners,
            mentioned,
            summary,
            figures,
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
