//! Partner detection: which countries and organisations an article is *about*, and which it
//! merely mentions.
//!
//! Every alias hit is weighted by where it occurs (the title counts three times, the lead
//! twice) and by what kind of alias it is (a capital standing for its government counts half).
//! The home country never counts. The strongest partner is primary; others are primary too
//! when they come close to it (at least 40% of its score); the rest are `mentioned`.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::gazetteer::Gazetteer;
use crate::ingest::{Article, BlockKind};

/// Weight of a mention in the title.
const TITLE_WEIGHT: f32 = 3.0;
/// Weight of a mention in the lead paragraph.
const LEAD_WEIGHT: f32 = 2.0;
/// A secondary partner must reach this share of the top score.
const CLOSE_TO_TOP: f32 = 0.4;
/// ...and at least this score (two plain mentions).
const MIN_SECONDARY: f32 = 2.0;
/// At most this many primary partners.
const MAX_PRIMARY: usize = 3;

/// A partner id: ISO 3166-1 alpha-2 for countries (`us`), a short name for organisations
/// (`eaeu`). Lower-case ASCII letters and digits only, so it is always safe in a path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnerId(String);

impl PartnerId {
    /// Validate and normalise (`"US"` gives `us`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let id = text.trim().to_ascii_lowercase();
        let ok = (2..=16).contains(&id.len())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        ok.then_some(PartnerId(id))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PartnerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Detection result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detected {
    /// What the article is about, strongest first.
    pub partners: Vec<PartnerId>,
    /// Other partners seen, strongest first.
    pub mentioned: Vec<PartnerId>,
}

/// Detect the partners of `article`, never counting `home`.
pub fn detect(article: &Article, gazetteer: &Gazetteer, home: Option<&PartnerId>) -> Detected {
    let mut scores: BTreeMap<usize, f32> = BTreeMap::new();
    let mut add = |text: &str, weight: f32| {
        for hit in gazetteer.scan(text) {
            *scores.entry(hit.partner).or_default() += hit.weight * weight;
        }
    };
    add(&article.title, TITLE_WEIGHT);
    let mut lead_seen = false;
    for block in &article.blocks {
        let weight = if !lead_seen && block.kind == BlockKind::Paragraph {
            lead_seen = true;
            LEAD_WEIGHT
        } else {
            1.0
        };
        add(&block.text, weight);
    }
    let partners = gazetteer.partners();
    let mut ranked: Vec<(&PartnerId, f32)> = scores
        .into_iter()
        .map(|(i, score)| (&partners[i].id, score))
        .filter(|(id, _)| Some(*id) != home)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut detected = Detected::default();
    let top = ranked.first().map_or(0.0, |r| r.1);
    for (rank, (id, score)) in ranked.into_iter().enumerate() {
        let primary = rank == 0
            || (rank < MAX_PRIMARY && score >= MIN_SECONDARY && score >= CLOSE_TO_TOP * top);
        if primary {
            detected.partners.push(id.clone());
        } else {
            detected.mentioned.push(id.clone());
        }
    }
    detected
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::PartnersConfig;

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article::for_test(title, paragraphs)
    }

    fn run(title: &str, paragraphs: &[&str], home: &str) -> (Vec<String>, Vec<String>) {
        let g = Gazetteer::load(&PartnersConfig::default()).unwrap();
        let home = PartnerId::parse(home).unwrap();
        let d = detect(&article(title, paragraphs), &g, Some(&home));
        let s = |v: Vec<PartnerId>| v.into_iter().map(|p| p.to_string()).collect();
        (s(d.partners), s(d.mentioned))
    }

    #[test]
    fn partner_id_is_validated() {
        assert_eq!(PartnerId::parse(" US ").unwrap().as_str(), "us");
        assert!(PartnerId::parse("../x").is_none());
        assert!(PartnerId::parse("a").is_none());
        assert!(PartnerId::parse("c5plus1").is_some());
    }

    #[test]
    fn home_never_counts_and_minor_mentions_go_to_mentioned() {
        let (partners, mentioned) = run(
            "Kyrgyzstan and Pakistan sign deals",
            &[
                "Kyrgyz-Pakistani relations grew. Pakistan and Kyrgyzstan met.",
                "The China-Kyrgyzstan-Uzbekistan railway was discussed.",
            ],
            "kg",
        );
        assert_eq!(partners, ["pk"]);
        assert!(
            mentioned.contains(&"cn".to_string()) && mentioned.contains(&"uz".to_string()),
            "{mentioned:?}"
        );
        assert!(!mentioned.contains(&"kg".to_string()));
    }

    #[test]
    fn russian_and_ukrainian_names() {
        let (partners, _) = run(
            "",
            &["Президент России провел переговоры. Российская сторона и РФ согласились."],
            "kg",
        );
        assert_eq!(partners, ["ru"]);
        let (partners, _) = run(
            "",
            &["Сполучені Штати та США надають пріоритет. Вашингтон прагне співпраці."],
            "kg",
        );
        assert_eq!(partners, ["us"]);
    }

    #[test]
    fn two_strong_partners_are_both_primary() {
        let (partners, _) = run(
            "OTS Secretary General meets US official",
            &[
                "In Washington, the OTS Secretary General met the U.S. Assistant Secretary.",
                "The OTS and the United States agreed.",
            ],
            "kg",
        );
        assert_eq!(partners.len(), 2, "{partners:?}");
        assert!(partners.contains(&"ots".to_string()) && partners.contains(&"us".to_string()));
    }
}
