//! The harness shared by every integration test: a site in a temp dir, the `briefing` binary
//! run hermetically against it, and helpers to read what it wrote.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use scraper::{Html, Selector};

/// The sample site shipped with the repository (site.toml + content/).
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `base_url` of the sample site's site.toml.
pub const SAMPLE_BASE_URL: &str = "https://example.github.io/briefing/";

/// insta settings shared by every snapshot: files in `tests/snapshots/`, named after the
/// snapshot only (`inspect_json_seeds.snap`).
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(repo_root().join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// A site in a temporary folder, deleted when dropped.
pub struct SiteTest {
    dir: tempfile::TempDir,
}

impl SiteTest {
    /// An empty folder (no site.toml).
    pub fn empty() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("briefing-test-")
            .tempdir()
            .expect("create a temp dir");
        SiteTest { dir }
    }

    /// A copy of the sample site: site.toml and every file of content/.
    pub fn sample() -> Self {
        let site = Self::empty();
        fs::copy(repo_root().join("site.toml"), site.root().join("site.toml"))
            .expect("copy site.toml");
        copy_dir(&repo_root().join("content"), &site.root().join("content"));
        site
    }

    /// A site made of the given files (paths relative to the root).
    pub fn with_files(files: &[(&str, &[u8])]) -> Self {
        let site = Self::empty();
        for (path, bytes) in files {
            site.write(path, bytes);
        }
        site
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Names next to the output folder that a build must not leave behind (its staging and
    /// previous-output folders).
    pub fn litter(&self) -> Vec<String> {
        fs::read_dir(self.root())
            .expect("read root")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public."))
            .collect()
    }

    /// Write (or overwrite) a file under the root, creating its folders.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.root().join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create parent folders");
        }
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        self
    }

    /// Set a top-level key of site.toml (`value` is TOML), replacing its line if present.
    pub fn set_config(&self, key: &str, value: &str) -> &Self {
        let path = self.root().join("site.toml");
        let text = fs::read_to_string(&path).unwrap_or_default();
        let line = format!("{key} = {value}");
        let mut found = false;
        let mut lines: Vec<String> = text
            .lines()
            .map(|l| {
                let is_key = l
                    .split_once('=')
                    .is_some_and(|(k, _)| k.trim() == key && !l.trim_start().starts_with('#'));
                if is_key && !found {
                    found = true;
                    line.clone()
                } else {
                    l.to_owned()
                }
            })
            .collect();
        if !found {
            // Before any [table], so the key stays top-level.
            let at = lines
                .iter()
                .position(|l| l.trim_start().starts_with('['))
                .unwrap_or(lines.len());
            lines.insert(at, line);
        }
        fs::write(path, lines.join("\n") + "\n").expect("write site.toml");
        self
    }

    /// The `briefing` binary, run from the site root, with no colour or log settings
    /// inherited from the environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("briefing").expect("the briefing binary is built");
        cmd.current_dir(self.root())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("BRIEFING_LOG")
            .env_remove("RUST_LOG");
        cmd
    }

    /// Run `briefing <args>` and return what happened (no assertion on the status).
    pub fn run(&self, args: &[&str]) -> Run {
        let output = self.cmd().args(args).output().expect("run briefing");
        Run { output }
    }

    /// `briefing build <args>`.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// `briefing build <args>`, which must exit 0.
    pub fn build_ok(&self, args: &[&str]) -> Run {
        let run = self.build(args);
        run.assert_code(0);
        run
    }

    /// The default output folder, `public/`.
    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// A file of the default output folder, as text.
    pub fn read(&self, rel: &str) -> String {
        read_text(&self.out().join(rel))
    }

    /// True when a file of the default output folder contains `needle` (bytes).
    pub fn file_contains(&self, rel: &str, needle: &str) -> bool {
        let bytes = fs::read(self.out().join(rel)).expect("read output file");
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    /// A page of the default output folder, parsed.
    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.read(rel))
    }

    /// Every file of the default output folder, relative, `/`-separated, sorted.
    pub fn files(&self) -> Vec<String> {
        list_files(&self.out())
    }

    /// The article page folders (`articles/<name>`), sorted.
    pub fn article_pages(&self) -> Vec<String> {
        self.files()
            .into_iter()
            .filter(|f| f.starts_with("articles/") && f.ends_with("/index.html"))
            .collect()
    }

    /// `briefing inspect <files> --json <extra>` from the root, parsed.
    pub fn inspect_json(&self, files: &[String], extra: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["inspect".to_owned(), "--json".to_owned()];
        args.extend(files.iter().cloned());
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = self.run(&args);
        run.assert_code(0);
        let value: serde_json::Value = serde_json::from_str(&run.stdout())
            .unwrap_or_else(|e| panic!("inspect --json is not JSON ({e}):\n{}", run.stdout()));
        value.as_array().expect("a JSON array").clone()
    }

    /// The sample's clippings, `content/*.txt`, sorted, relative to the root.
    pub fn sample_clippings(&self) -> Vec<String> {
        let mut files: Vec<String> = list_files(&self.root().join("content"))
            .into_iter()
            .filter(|f| f.ends_with(".txt"))
            .map(|f| format!("content/{f}"))
            .collect();
        files.sort();
        files
    }
}

/// What a run of the binary did.
pub struct Run {
    /// Status and captured streams.
    pub output: Output,
}

impl Run {
    /// The exit code (panics on a signal).
    pub fn code(&self) -> i32 {
        self.output.status.code().expect("exited normally")
    }

    /// Standard output, lossily decoded.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    /// Standard error, lossily decoded.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Panic with both streams unless the exit code is `code`.
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.output.status.code(),
            Some(code),
            "unexpected exit status\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }
}

/// Copy a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("read entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Read a file as UTF-8 text, with the path in the panic message.
pub fn read_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every file under `dir` (dotfiles included), relative, `/`-separated, sorted.
pub fn list_files(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.expect("read entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            let kind = entry.file_type().expect("file type");
            if kind.is_dir() {
                walk(&entry.path(), &rel, out);
            } else {
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

/// Every file under `dir` with its bytes, for byte-for-byte comparisons.
pub fn snapshot_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    list_files(dir)
        .into_iter()
        .map(|rel| {
            let bytes = fs::read(dir.join(&rel)).expect("read file");
            (rel, bytes)
        })
        .collect()
}

/// Assert two trees are identical, naming the first differences.
pub fn assert_same_tree(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) {
    let names_a: Vec<&String> = a.keys().collect();
    let names_b: Vec<&String> = b.keys().collect();
    assert_eq!(names_a, names_b, "the file lists differ");
    let differing: Vec<&String> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(differing.is_empty(), "these files differ: {differing:?}");
}

/// One `href` or `src` found in a page.
#[derive(Debug, Clone)]
pub struct Link {
    /// Element name (`a`, `link`, `script`, `img`, ...).
    pub tag: String,
    /// `href` or `src`.
    pub attr: &'static str,
    /// The attribute value, as parsed (entities decoded).
    pub value: String,
    /// The element's `rel` attribute, if any.
    pub rel: Option<String>,
}

/// Every `href` and `src` of every element of a page.
pub fn links(html: &Html) -> Vec<Link> {
    let mut out = Vec::new();
    for element in html.select(&sel("[href], [src]")) {
        let el = element.value();
        for attr in ["href", "src"] {
            if let Some(value) = el.attr(attr) {
                out.push(Link {
                    tag: el.name().to_owned(),
                    attr,
                    value: value.to_owned(),
                    rel: el.attr("rel").map(str::to_owned),
                });
            }
        }
    }
    out
}

/// A CSS selector (panics on a typo).
pub fn sel(selector: &str) -> Selector {
    Selector::parse(selector).unwrap_or_else(|e| panic!("bad selector {selector:?}: {e:?}"))
}

/// Every `id` in a page.
pub fn ids(html: &Html) -> Vec<String> {
    html.select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id").map(str::to_owned))
        .collect()
}

/// Resolve a relative URL path against the folder of `page` (both `/`-separated, relative to
/// the output root). `None` when it climbs above the root.
pub fn resolve(page: &str, url_path: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop(); // the page's own file name
    for part in url_path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Strip `?query` and `#fragment` from a URL.
pub fn strip_query_fragment(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    &url[..end]
}

/// True for `scheme:` URLs (`https:`, `javascript:`, `mailto:`...).
pub fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// True when `path` (inside `dir`, no `..`) is within `dir` lexically and on disk.
pub fn is_inside(dir: &Path, rel: &str) -> bool {
    let rel = Path::new(rel);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return false;
    }
    let (Ok(dir), Ok(file)) = (dir.canonicalize(), dir.join(rel).canonicalize()) else {
        return false;
    };
    file.starts_with(dir)
}

/// The name of an article page folder is `yyyy-mm-dd-slug` or `undated-slug`, with the slug
/// made of `[a-z0-9-]` (checked by hand: no regex dependency in tests).
pub fn is_article_dir_name(name: &str) -> bool {
    fn slug_ok(s: &str) -> bool {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }
    if let Some(slug) = name.strip_prefix("undated-") {
        return slug_ok(slug);
    }
    let b = name.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    name.len() > 11
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'-'
        && slug_ok(&name[11..])
}

/// The raw text of the first `<tag ...>...</tag>` element of `html` (no nesting of the same tag).
pub fn raw_element<'a>(html: &'a str, tag: &str) -> Option<&'a str> {
    let open = html.find(&format!("<{tag}"))?;
    let close_tag = format!("</{tag}>");
    let close = html[open..].find(&close_tag)? + open + close_tag.len();
    Some(&html[open..close])
}
