//! `site.toml`: what a site says about itself, and the options a build runs with.
//!
//! Two layers, as ripgrep does with its flags: [`SiteConfig`] is the file as written (serde,
//! every default in one `impl Default`), and [`BuildOptions`] is that file resolved once with
//! the command-line overrides and absolute paths. Stages only ever see `BuildOptions`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The name of the configuration file at a site's root.
pub const CONFIG_FILE: &str = "site.toml";

/// Fatal configuration problems.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file exists but could not be read.
    #[error("cannot read `{}`", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not valid TOML or has unknown keys or wrong types.
    #[error("invalid `{}`{}: {message}", path.display(), line.map(|l| format!(" (line {l})")).unwrap_or_default())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line, when the parser knows it.
        line: Option<u32>,
        /// The parser's message.
        message: String,
    },
    /// A value parsed but makes no sense.
    #[error("invalid `{}`: `{key}` {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The offending key.
        key: &'static str,
        /// What is wrong and what to write instead.
        message: String,
    },
    /// There is no site here.
    #[error("no `site.toml` in `{}`", root.display())]
    NotASite {
        /// The directory searched.
        root: PathBuf,
    },
}

/// `site.toml`, as written. Every key is optional; see the README for the reference.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title, shown in every page header and feed. Default: `"Briefing"`.
    pub title: String,
    /// One-line description for the home page and feeds. Default: empty.
    pub description: String,
    /// Absolute URL the site is published at, e.g. `"https://user.github.io/repo/"`. Only feeds,
    /// the sitemap and canonical links use it; every link inside pages is relative.
    /// Default: `"http://localhost:8000/"`.
    pub base_url: String,
    /// ISO 3166-1 alpha-2 code of the country the digest is about (`"kg"`); it is never
    /// counted as a partner. Default: none.
    pub home_country: Option<String>,
    /// Language of the site's own text (ISO 639-1). Default: `"en"`.
    pub language: String,
    /// Folder of articles, relative to the site root. Default: `"content"`.
    pub content_dir: PathBuf,
    /// Folder the site is written to. Default: `"public"`.
    pub output_dir: PathBuf,
    /// Theme folder name under `themes/`; `"default"` is built in. Default: `"default"`.
    pub theme: String,
    /// Sentences per article summary. Default: `3`.
    pub summary_sentences: usize,
    /// Words per article summary, when set (the sentence limit still applies; the first
    /// sentence is kept whatever its length). Default: none.
    pub summary_words: Option<usize>,
    /// Sentences in each partner-month brief (the most central sentences of the month's
    /// stories with a partner, at the top of its partner-month page; month pages show the
    /// best two per partner, the home page the best one). `0` turns briefs off. Default: `4`.
    pub brief_sentences: usize,
    /// Articles per home page: the home page shows this many, and (with paging on) the rest
    /// of the list continues on `page/2/index.html` and on. Default: `20`.
    pub home_articles: usize,
    /// Articles per page of a partner, month or partner-month list; longer lists continue on
    /// `page/2/index.html` and on, with a pager. `0` turns paging off everywhere (every list
    /// on one page). Default: `20`, which keeps a page of cards under 6,000 px on a phone
    /// (30 cards with their month headings measure about 7,000 px at 390 px); at most 1000.
    #[serde(deserialize_with = "paginate_by")]
    pub paginate_by: usize,
    /// Entries per Atom feed. Default: `50`.
    pub feed_entries: usize,
    /// Minify HTML and CSS (inline JavaScript is left alone). Default: `true`.
    pub minify: bool,
    /// Link directory pages as `partners/us/` instead of `partners/us/index.html`. Only for
    /// sites served by a web server: from disk, such links open a folder listing. Default: `false`.
    pub pretty_urls: bool,
    /// Write the digest as data: `digest.json` (with its schema `digest.schema.json`) and
    /// `articles.csv` at the site root, linked from the home page footer. Default: `true`.
    pub data_export: bool,
    /// Extra names in the output folder to keep across builds (dotfiles and `CNAME` are always
    /// kept). Default: `[]`.
    pub keep: Vec<String>,
    /// Folder for the incremental build cache, relative to the site root; safe to delete.
    /// Default: `".briefing-cache"`.
    pub cache_dir: PathBuf,
    /// Earliest plausible publication date; an article dated before it is listed under
    /// Undated, with a warning. Default: `1900-01-01`.
    #[serde(with = "date_setting")]
    pub earliest_date: NaiveDate,
    /// Latest plausible publication date (a typo such as 9999-12-31 would otherwise top the
    /// home page); later dates are treated like early ones. Default: `2100-12-31`.
    #[serde(with = "date_setting")]
    pub latest_date: NaiveDate,
    /// Partner detection settings.
    pub partners: PartnersConfig,
    /// Free-form values passed to templates as `site.extra`.
    pub extra: toml::Table,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Briefing".into(),
            description: String::new(),
            base_url: "http://localhost:8000/".into(),
            home_country: None,
            language: "en".into(),
            content_dir: "content".into(),
            output_dir: "public".into(),
            theme: "default".into(),
            summary_sentences: 3,
            summary_words: None,
            brief_sentences: crate::digest::brief::DEFAULT_SENTENCES,
            home_articles: 20,
            paginate_by: 20,
            feed_entries: 50,
            minify: true,
            pretty_urls: false,
            data_export: true,
            keep: Vec::new(),
            cache_dir: ".briefing-cache".into(),
            earliest_date: NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date"),
            latest_date: NaiveDate::from_ymd_opt(2100, 12, 31).expect("valid date"),
            partners: PartnersConfig::default(),
            extra: toml::Table::new(),
        }
    }
}

/// Largest `paginate_by`: a page of more articles than this is not a page.
pub const MAX_PAGINATE_BY: usize = 1000;

/// `paginate_by` as an integer from 0 to [`MAX_PAGINATE_BY`], with a message that says what
/// to write (serde's own says `expected usize`, which a site author cannot act on).
fn paginate_by<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<usize, D::Error> {
    let value = i64::deserialize(deserializer)?;
    usize::try_from(value)
        .ok()
        .filter(|&n| n <= MAX_PAGINATE_BY)
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`paginate_by` is {value}; write the number of articles per page, from 1 to \
                 {MAX_PAGINATE_BY}, or 0 to turn paging off"
            ))
        })
}

/// `[partners]`: extend the built-in gazetteer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct PartnersConfig {
    /// Extra names for known partners: `us = ["Uncle Sam"]`.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// New organisations or platforms: `[[partners.organisations]] id = "gcc", name = "...",
    /// aliases = [...]`.
    pub organisations: Vec<OrganisationConfig>,
    /// Partners fixed for a file, whatever detection finds, by its path relative to the site
    /// root: `"content/foo.txt" = ["ru", "eaeu"]`. Front matter `partners` still wins.
    pub pin: BTreeMap<String, Vec<String>>,
}

/// One user-defined organisation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct OrganisationConfig {
    /// Short lower-case id used in URLs (`gcc`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Names and abbreviations to detect in text.
    pub aliases: Vec<String>,
}

impl SiteConfig {
    /// Parse `site.toml` text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self, Error> {
        let config: SiteConfig = toml::from_str(text).map_err(|e| Error::Parse {
            path: path.to_owned(),
            line: e.span().map(|span| line_of(text, span.start)),
            message: e.message().trim().to_owned(),
        })?;
        config.validate(path)?;
        Ok(config)
    }

    /// Read `root/site.toml`; `Ok(None)` when there is none.
    pub fn load(root: &Path) -> Result<Option<Self>, Error> {
        let path = root.join(CONFIG_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::parse(&text, &path).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Read { path, source }),
        }
    }

    fn validate(&self, path: &Path) -> Result<(), Error> {
        let invalid = |key, message: String| Error::Invalid {
            path: path.to_owned(),
            key,
            message,
        };
        if let Some(home) = &self.home_country {
            if home.len() != 2 || !home.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err(invalid(
                    "home_country",
                    format!("is `{home}`; write an ISO 3166-1 alpha-2 code such as \"kg\""),
                ));
            }
        }
        normalise_base_url(&self.base_url).map_err(|m| invalid("base_url", m))?;
        if self.summary_sentences == 0 {
            return Err(invalid("summary_sentences", "must be at least 1".into()));
        }
        if self.summary_words == Some(0) {
            return Err(invalid("summary_words", "must be at least 1".into()));
        }
        if self.language.is_empty()
            || !self
                .language
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '-')
        {
            return Err(invalid(
                "language",
                format!(
                    "is `{}`; write an ISO 639-1 code such as \"en\"",
                    self.language
                ),
            ));
        }
        if self.theme.is_empty() || self.theme.contains(['/', '\\']) || self.theme.starts_with('.')
        {
            return Err(invalid(
                "theme",
                format!(
                    "is `{}`; write the name of a folder under `themes/`",
                    self.theme
                ),
            ));
        }
        if self.cache_dir.as_os_str().is_empty()
            || self
                .cache_dir
                .components()
                .all(|c| matches!(c, std::path::Component::CurDir))
        {
            return Err(invalid(
                "cache_dir",
                "must name a folder of its own, such as \".briefing-cache\"".into(),
            ));
        }
        if self.earliest_date > self.latest_date {
            return Err(invalid(
                "earliest_date",
                format!(
                    "is {}, after latest_date ({}); the window of plausible dates is empty",
                    self.earliest_date, self.latest_date
                ),
            ));
        }
        for (file, ids) in &self.partners.pin {
            let bad_path = file.trim().is_empty()
                || file.starts_with(['/', '\\'])
                || file.contains(':')
                || file.split(['/', '\\']).any(|part| part == "..");
            if bad_path {
                return Err(invalid(
                    "partners.pin",
                    format!(
                        "has the file `{file}`; write a path relative to the site root, such as \"content/foo.txt\""
                    ),
                ));
            }
            if ids.is_empty() {
                return Err(invalid(
                    "partners.pin",
                    format!("pins no partner for `{file}`; list ids such as [\"ru\", \"eaeu\"]"),
                ));
            }
            if let Some(id) = ids
                .iter()
                .find(|id| crate::analyse::PartnerId::parse(id).is_none())
            {
                return Err(invalid(
                    "partners.pin",
                    format!(
                        "has `{id}` for `{file}`; ids are lower-case ASCII letters and digits (\"ru\", \"eaeu\")"
                    ),
                ));
            }
        }
        for org in &self.partners.organisations {
            if org.id.is_empty()
                || !org
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            {
                return Err(invalid(
                    "partners.organisations",
                    format!(
                        "has id `{}`; ids are lower-case ASCII letters and digits",
                        org.id
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A date in `site.toml`, written as a TOML date (`1990-01-01`) or a string (`"1990-01-01"`).
mod date_setting {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = match toml::Value::deserialize(d)? {
            toml::Value::String(text) => text,
            toml::Value::Datetime(dt) if dt.time.is_none() && dt.date.is_some() => dt.to_string(),
            other => {
                return Err(D::Error::custom(format!(
                    "expected a date such as 1990-01-01, found `{other}`"
                )))
            }
        };
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            D::Error::custom(format!(
                "`{text}` is not a date; write it as YYYY-MM-DD, e.g. 1990-01-01"
            ))
        })
    }
}

/// `https://x.io/repo` -> `https://x.io/repo/`; rejects what is not an absolute http(s) URL.
pub fn normalise_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("is `{url}`; write an absolute URL such as \"https://user.github.io/repo/\"")
        })?;
    if rest.is_empty() || rest.starts_with('/') || url.contains(char::is_whitespace) {
        return Err(format!(
            "is `{url}`; it needs a host name, e.g. \"https://example.org/\""
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    })
}

fn line_of(text: &str, offset: usize) -> u32 {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// Command-line overrides, applied on top of `site.toml`.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--output DIR`.
    pub output_dir: Option<PathBuf>,
    /// `--base-url URL`.
    pub base_url: Option<String>,
    /// `--home CODE`.
    pub home_country: Option<String>,
    /// `--strict`.
    pub strict: bool,
    /// `--no-cache`: build from scratch and leave the cache alone.
    pub no_cache: bool,
}

/// Everything a build needs, resolved once: config plus overrides, absolute paths.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site root (where `site.toml` is).
    pub root: PathBuf,
    /// The configuration, with overrides applied.
    pub config: SiteConfig,
    /// Absolute content folder.
    pub content_dir: PathBuf,
    /// Absolute output folder.
    pub output_dir: PathBuf,
    /// Base URL ending in `/`.
    pub base_url: String,
    /// Treat warnings as errors.
    pub strict: bool,
    /// Absolute cache folder; `None` builds from scratch (`--no-cache`).
    pub cache_dir: Option<PathBuf>,
}

impl BuildOptions {
    /// Resolve `config` (read from `root`) with `overrides`.
    pub fn resolve(
        root: &Path,
        mut config: SiteConfig,
        overrides: Overrides,
    ) -> Result<Self, Error> {
        let path = root.join(CONFIG_FILE);
        if let Some(url) = overrides.base_url {
            config.base_url = url;
        }
        if let Some(home) = overrides.home_country {
            config.home_country = Some(home);
        }
        config.validate(&path)?;
        if let Some(home) = &mut config.home_country {
            *home = home.to_ascii_lowercase();
        }
        let base_url = normalise_base_url(&config.base_url).map_err(|message| Error::Invalid {
            path: path.clone(),
            key: "base_url",
            message,
        })?;
        let output_dir = root.join(
            overrides
                .output_dir
                .as_deref()
                .unwrap_or(&config.output_dir),
        );
        let content_dir = root.join(&config.content_dir);
        // A cache inside the content folder would be read as articles, and change the
        // inputs of every build.
        let in_content = config.cache_dir.starts_with(&config.content_dir)
            && !config
                .cache_dir
                .strip_prefix(&config.content_dir)
                .is_ok_and(|rest| {
                    rest.components()
                        .next()
                        .is_some_and(|c| c.as_os_str().to_string_lossy().starts_with('.'))
                });
        if in_content {
            return Err(Error::Invalid {
                path,
                key: "cache_dir",
                message: format!(
                    "is `{}`, inside the content folder; choose a folder such as \".briefing-cache\"",
                    config.cache_dir.display()
                ),
            });
        }
        let cache_dir = (!overrides.no_cache).then(|| root.join(&config.cache_dir));
        Ok(BuildOptions {
            root: root.to_owned(),
            content_dir,
            output_dir,
            base_url,
            strict: overrides.strict,
            cache_dir,
            config,
        })
    }

    /// Load `root/site.toml` and resolve it; a missing file is [`Error::NotASite`].
    pub fn load(root: &Path, overrides: Overrides) -> Result<Self, Error> {
        let config = SiteConfig::load(root)?.ok_or_else(|| Error::NotASite {
            root: root.to_owned(),
        })?;
        Self::resolve(root, config, overrides)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig, Error> {
        SiteConfig::parse(text, Path::new("site.toml"))
    }

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(parse("").unwrap(), SiteConfig::default());
    }

    #[test]
    fn unknown_key_names_line_and_key() {
        let err = parse("title = \"x\"\nhome_contry = \"kg\"\n").unwrap_err();
        let Error::Parse { line, message, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(*line, Some(2));
        assert!(message.contains("home_contry"), "{message}");
        assert!(message.contains("home_country"), "{message}");
    }

    #[test]
    fn bad_values_are_rejected_with_the_key() {
        for (text, key) in [
            ("home_country = \"Kyrgyzstan\"", "home_country"),
            ("base_url = \"example.org\"", "base_url"),
            ("base_url = \"https://\"", "base_url"),
            ("summary_sentences = 0", "summary_sentences"),
            ("cache_dir = \"\"", "cache_dir"),
            ("cache_dir = \".\"", "cache_dir"),
            ("summary_words = 0", "summary_words"),
            ("theme = \"../evil\"", "theme"),
        ] {
            match parse(text) {
                Err(Error::Invalid { key: k, .. }) => assert_eq!(k, key, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn paginate_by_is_a_page_size_or_zero() {
        assert_eq!(parse("paginate_by = 0").unwrap().paginate_by, 0);
        assert_eq!(parse("paginate_by = 12").unwrap().paginate_by, 12);
        assert_eq!(parse("").unwrap().paginate_by, 20);
        for bad in ["-5", "1001", "100000000000"] {
            let err = parse(&format!("title = \"x\"\npaginate_by = {bad}\n")).unwrap_err();
            let Error::Parse { line, message, .. } = &err else {
                panic!("{err:?}")
            };
            assert_eq!(*line, Some(2), "{bad}");
            assert!(
                message.contains(&format!("`paginate_by` is {bad}"))
                    && message.contains("0 to turn paging off"),
                "{message}"
            );
        }
        assert!(parse("paginate_by = \"ten\"").is_err());
    }

    /// The README's configuration reference must parse and name every key.
    #[test]
    fn readme_reference_is_complete_and_valid() {
        let readme = include_str!("../README.md");
        let section = &readme[readme
            .find("## Configuration")
            .expect("README has a Configuration section")..];
        let start = section.find("```toml\n").expect("a toml block") + "```toml\n".len();
        let block = &section[start..start + section[start..].find("```").expect("closed block")];
        let parsed = parse(block).unwrap_or_else(|e| panic!("README example does not parse: {e}"));
        assert_eq!(parsed.partners.organisations[0].id, "gcc");
        let defaults = toml::Value::try_from(SiteConfig::default()).unwrap();
        for key in defaults.as_table().unwrap().keys() {
            let documented = block.lines().any(|l| {
                let l = l.trim_start_matches(['#', ' ']);
                l.starts_with(&format!("{key} =")) || l.starts_with(&format!("[{key}]"))
            });
            assert!(
                documented,
                "site.toml key `{key}` is missing from the README reference"
            );
        }
    }

    #[test]
    fn base_url_gets_trailing_slash() {
        assert_eq!(
            normalise_base_url("https://a.github.io/repo").unwrap(),
            "https://a.github.io/repo/"
        );
        assert_eq!(
            normalise_base_url("http://localhost:8000/").unwrap(),
            "http://localhost:8000/"
        );
    }

    #[test]
    fn overrides_win_and_home_is_lower_cased() {
        let config = parse("home_country = \"KG\"\nbase_url = \"https://a.org\"").unwrap();
        let opts = BuildOptions::resolve(
            Path::new("/site"),
            config,
            Overrides {
                base_url: Some("https://b.org/x".into()),
                output_dir: Some("out".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(opts.base_url, "https://b.org/x/");
        assert_eq!(opts.config.home_country.as_deref(), Some("kg"));
        assert_eq!(opts.output_dir, Path::new("/site/out"));
        assert_eq!(
            opts.cache_dir.as_deref(),
            Some(Path::new("/site/.briefing-cache"))
        );
    }

    #[test]
    fn the_cache_is_never_read_as_content() {
        let resolve = |text: &str| {
            BuildOptions::resolve(
                Path::new("/site"),
                parse(text).unwrap(),
                Overrides::default(),
            )
        };
        match resolve("cache_dir = \"content/cache\"") {
            Err(Error::Invalid { key, .. }) => assert_eq!(key, "cache_dir"),
            other => panic!("{other:?}"),
        }
        // Hidden folders are not read as content.
        assert!(resolve("cache_dir = \"content/.cache\"").is_ok());
        assert!(resolve("cache_dir = \"content-cache\"").is_ok());
        let no_cache = BuildOptions::resolve(
            Path::new("/site"),
            SiteConfig::default(),
            Overrides {
                no_cache: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(no_cache.cache_dir.is_none());
    }
}
