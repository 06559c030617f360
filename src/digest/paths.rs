//! The URL scheme and the types that make it safe.
//!
//! Every output path is built from validated parts (ASCII slugs, partner ids, dates), so no
//! title or file name can make a page write outside the output folder.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Longest slug, in bytes (cut at a hyphen).
const MAX_SLUG: usize = 60;

/// A URL-safe ASCII slug: `[a-z0-9-]`, no leading/trailing or doubled hyphen, never empty.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Make a slug from any text; Cyrillic and other scripts are transliterated.
    pub fn from_text(text: &str) -> Slug {
        let ascii = deunicode::deunicode(text).to_ascii_lowercase();
        let mut slug = String::with_capacity(ascii.len());
        for c in ascii.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let mut slug = slug.trim_end_matches('-').to_owned();
        if slug.len() > MAX_SLUG {
            let cut = slug[..MAX_SLUG]
                .rfind('-')
                .filter(|&i| i > MAX_SLUG / 2)
                .unwrap_or(MAX_SLUG);
            slug.truncate(cut);
        }
        if slug.is_empty() {
            slug.push_str("article");
        }
        Slug(slug)
    }

    /// The slug with a suffix (ASCII letters and digits), to make it unique.
    pub fn with_suffix_text(&self, suffix: &str) -> Slug {
        let clean: String = suffix
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Slug(format!("{}-{clean}", self.0))
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
}

impl YearMonth {
    /// The month of a date.
    pub fn of(date: NaiveDate) -> Self {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `February 2026`.
    pub fn name(&self) -> String {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!(
            "{} {}",
            NAMES[(self.month as usize).clamp(1, 12) - 1],
            self.year
        )
    }
}

impl fmt::Display for YearMonth {
    /// `2026-02`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A path inside the output folder: relative, `/`-separated, made only of safe parts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SitePath(String);

impl SitePath {
    /// Validate a relative path: no empty, `.` or `..` parts, no backslashes or drive letters,
    /// no leading slash.
    pub fn new(path: &str) -> Option<SitePath> {
        let ok = !path.is_empty()
            && !path.starts_with('/')
            && path.split('/').all(|part| {
                !part.is_empty()
                    && part != "."
                    && part != ".."
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            });
        ok.then(|| SitePath(path.to_owned()))
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many folders deep the file is (`index.html` is 0, `a/b/index.html` is 2).
    pub fn depth(&self) -> usize {
        self.0.matches('/').count()
    }

    /// The relative prefix from this file to the site root: `./` or `../../`.
    pub fn root_prefix(&self) -> String {
        match self.depth() {
            0 => "./".to_owned(),
            n => "../".repeat(n),
        }
    }
}

impl fmt::Display for SitePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A directory page of the site: the folder, its `index.html` file, and the link to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageDir(String);

impl PageDir {
    /// The home page.
    pub fn home() -> PageDir {
        PageDir(String::new())
    }

    /// `articles/2026-02-04-slug`.
    pub fn article(date: Option<NaiveDate>, slug: &Slug) -> PageDir {
        match date {
            Some(d) => PageDir(format!("articles/{}-{slug}", d.format("%Y-%m-%d"))),
            None => PageDir(format!("articles/undated-{slug}")),
        }
    }

    /// `partners`.
    pub fn partners() -> PageDir {
        PageDir("partners".into())
    }

    /// `partners/us`.
    pub fn partner(id: &str) -> PageDir {
        PageDir(format!("partners/{id}"))
    }

    /// `partners/us/2026-02`.
    pub fn partner_month(id: &str, month: &YearMonth) -> PageDir {
        PageDir(format!("partners/{id}/{month}"))
    }

    /// `months`.
    pub fn months() -> PageDir {
        PageDir("months".into())
    }

    /// `months/2026-02`.
    pub fn month(month: &YearMonth) -> PageDir {
        PageDir(format!("months/{month}"))
    }

    /// `people`.
    pub fn people() -> PageDir {
        PageDir("people".into())
    }

    /// `people/sergio-gor`.
    pub fn person(id: &str) -> PageDir {
        PageDir(format!("people/{id}"))
    }

    /// `agreements`.
    pub fn agreements() -> PageDir {
        PageDir("agreements".into())
    }

    /// `search`.
    pub fn search() -> PageDir {
        PageDir("search".into())
    }

    /// `months/undated`.
    pub fn undated() -> PageDir {
        PageDir("months/undated".into())
    }

    /// Page `n` of this list page: page 1 is the page itself, page `n > 1` the folder
    /// `page/<n>` under it (`partners/us/page/2`, `page/2` for the home page).
    pub fn page(&self, n: usize) -> PageDir {
        match (n, self.0.is_empty()) {
            (0 | 1, _) => self.clone(),
            (_, true) => PageDir(format!("page/{n}")),
            (_, false) => PageDir(format!("{}/page/{n}", self.0)),
        }
    }

    /// The folder, relative to the site root (`articles/2026-02-04-slug`; empty for home).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML file of this page.
    pub fn file(&self) -> SitePath {
        let path = if self.0.is_empty() {
            "index.html".to_owned()
        } else {
            format!("{}/index.html", self.0)
        };
        SitePath::new(&path).expect("page dirs are built from validated parts")
    }

    /// The link to this page from the site root: `partners/us/index.html`, or `partners/us/`
    /// with pretty URLs.
    pub fn url(&self, pretty: bool) -> String {
        match (pretty, self.0.is_empty()) {
            (true, true) => String::new(),
            (true, false) => format!("{}/", self.0),
            (false, _) => self.file().to_string(),
        }
    }

    /// The public URL (for feeds, sitemap and canonical links), always pretty.
    pub fn absolute(&self, base_url: &str) -> String {
        if self.0.is_empty() {
            base_url.to_owned()
        } else {
            format!("{base_url}{}/", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_bounded() {
        assert_eq!(
            Slug::from_text("US President attaches great importance").as_str(),
            "us-president-attaches-great-importance"
        );
        assert_eq!(
            Slug::from_text("Бішкек приймає форум B5+1").as_str(),
            "bishkek-priimaie-forum-b5-1"
        );
        assert_eq!(Slug::from_text("../../etc/passwd").as_str(), "etc-passwd");
        assert_eq!(Slug::from_text("«»!!!").as_str(), "article");
        assert_eq!(Slug::from_text("").as_str(), "article");
        let long = Slug::from_text(&"word ".repeat(50));
        assert!(long.as_str().len() <= MAX_SLUG && !long.as_str().ends_with('-'));
        for text in [
            "日本語のタイトル",
            "<script>alert(1)</script>",
            "a/b\\c:d",
            "\u{0}\u{202e}x",
        ] {
            let slug = Slug::from_text(text);
            assert!(
                slug.as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{slug}"
            );
            assert!(SitePath::new(&format!("articles/{slug}/index.html")).is_some());
        }
    }

    #[test]
    fn site_paths_refuse_escapes() {
        for bad in [
            "", "/abs", "../x", "a/../b", "a//b", "a\\b", "c:/x", "a/./b",
        ] {
            assert!(SitePath::new(bad).is_none(), "{bad}");
        }
        let p = SitePath::new("partners/us/index.html").unwrap();
        assert_eq!(p.depth(), 2);
        assert_eq!(p.root_prefix(), "../../");
        assert_eq!(SitePath::new("index.html").unwrap().root_prefix(), "./");
    }

    #[test]
    fn page_urls() {
        let ym = YearMonth {
            year: 2026,
            month: 2,
        };
        assert_eq!(
            PageDir::partner_month("us", &ym).url(false),
            "partners/us/2026-02/index.html"
        );
        assert_eq!(
            PageDir::partner_month("us", &ym).url(true),
            "partners/us/2026-02/"
        );
        assert_eq!(PageDir::home().url(false), "index.html");
        assert_eq!(
            PageDir::month(&ym).absolute("https://x.io/r/"),
            "https://x.io/r/months/2026-02/"
        );
        assert_eq!(ym.name(), "February 2026");
        assert_eq!(PageDir::home().page(1).url(false), "index.html");
        assert_eq!(PageDir::home().page(2).url(false), "page/2/index.html");
        assert_eq!(PageDir::home().page(2).url(true), "page/2/");
        assert_eq!(
            PageDir::partner("cn").page(3).url(false),
            "partners/cn/page/3/index.html"
        );
        assert_eq!(
            PageDir::month(&ym).page(2).absolute("https://x.io/"),
            "https://x.io/months/2026-02/page/2/"
        );
    }
}
