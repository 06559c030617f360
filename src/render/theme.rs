//! Themes: templates and static files, looked up file by file.
//!
//! Lookup order (as in Zola): the site's own `templates/` and `static/`, then
//! `themes/<name>/` in the site, then the default theme embedded in the binary. So a site can
//! override one template without copying the rest, and `briefing` works with no theme folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use walkdir::WalkDir;

use super::Error;
use crate::diag::Diagnostic;
use crate::digest::SitePath;

/// The default theme, embedded.
pub static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Templates (by name, e.g. `article.html`) and static files (by output path).
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name -> (source text, where it came from).
    pub templates: BTreeMap<String, (String, PathBuf)>,
    /// Output path -> file contents.
    pub statics: BTreeMap<SitePath, Vec<u8>>,
}

impl Theme {
    /// A hash of every template's name and source.
    pub fn templates_fingerprint(&self) -> u128 {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for (name, (source, _)) in &self.templates {
            hasher.update(name.as_bytes());
            hasher.update(&[0]);
            hasher.update(source.as_bytes());
            hasher.update(&[0]);
        }
        hasher.digest128()
    }

    /// A hash of the whole theme: templates and static files.
    pub fn fingerprint(&self) -> u128 {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(&self.templates_fingerprint().to_le_bytes());
        for (path, bytes) in &self.statics {
            hasher.update(path.as_str().as_bytes());
            hasher.update(&[0]);
            hasher.update(&xxhash_rust::xxh3::xxh3_128(bytes).to_le_bytes());
        }
        hasher.digest128()
    }

    /// Load the theme for a site at `root`.
    pub fn load(
        root: &Path,
        name: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<Theme, Error> {
        let mut theme = Theme::default();
        // Lowest priority first; later layers replace earlier entries.
        theme.add_embedded(&DEFAULT_THEME);
        let theme_dir = root.join("themes").join(name);
        if theme_dir.is_dir() {
            theme.add_dir(
                &theme_dir.join("templates"),
                &theme_dir.join("static"),
                root,
                diagnostics,
            )?;
        } else if name != "default" {
            return Err(Error::NoTheme {
                name: name.to_owned(),
                path: theme_dir,
            });
        }
        theme.add_dir(
            &root.join("templates"),
            &root.join("static"),
            root,
            diagnostics,
        )?;
        Ok(theme)
    }

    fn add_embedded(&mut self, dir: &Dir<'static>) {
        for entry in dir.entries() {
            if let Some(sub) = entry.as_dir() {
                self.add_embedded(sub);
            }
        }
        for file in dir.files() {
            let path = file.path();
            if let Ok(name) = path.strip_prefix("templates") {
                if let Some(text) = file.contents_utf8() {
                    let shown = Path::new("(built-in theme)").join(path);
                    self.templates
                        .insert(slash_path(name), (text.to_owned(), shown));
                }
            } else if let Ok(rel) = path.strip_prefix("static") {
                if let Some(site_path) = SitePath::new(&slash_path(rel)) {
                    self.statics.insert(site_path, file.contents().to_vec());
                }
            }
        }
    }

    fn add_dir(
        &mut self,
        templates: &Path,
        statics: &Path,
        root: &Path,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<(), Error> {
        let shown = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
        for (path, rel) in files(templates)? {
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
                path: shown(&path),
                source,
            })?;
            self.templates.insert(rel, (text, shown(&path)));
        }
        for (path, rel) in files(statics)? {
            let Some(site_path) = SitePath::new(&rel) else {
                diagnostics.push(
                    Diagnostic::warning(
                        shown(&path),
                        "bad-static-name",
                        "static file name is not URL-safe; not copied",
                    )
                    .with_hint("use ASCII letters, digits, `-`, `_` and `.` in static file names"),
                );
                continue;
            };
            let bytes = std::fs::read(&path).map_err(|source| Error::Read {
                path: shown(&path),
                source,
            })?;
            self.statics.insert(site_path, bytes);
        }
        Ok(())
    }
}

/// Files under `dir` (none if it does not exist), with their `/`-separated relative paths;
/// hidden files are skipped.
fn files(dir: &Path) -> Result<Vec<(PathBuf, String)>, Error> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| Error::Read {
            path: e.path().unwrap_or(dir).to_path_buf(),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("walk failed")),
        })?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).expect("walked under dir");
            out.push((entry.path().to_path_buf(), slash_path(rel)));
        }
    }
    Ok(out)
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
