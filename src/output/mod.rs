//! Output: pages go to disk atomically.
//!
//! The site is written into a fresh sibling folder (same filesystem), then swapped in with
//! one atomic exchange where the platform has it (see [`swap`]), so a failed or interrupted
//! build leaves the previous output intact and a reader never sees half a site or none. What a publisher keeps in the output folder (`.git`,
//! `CNAME`, any dotfile, names listed in `keep`) is carried over into the new folder: Zola
//! users lose `public/.git` on every build, ours do not.

mod minify;
mod staging;
mod swap;

pub use staging::Staging;
pub use swap::recover;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::digest::SitePath;
use crate::render::Page;

/// Fatal output problems.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be written, moved or removed.
    #[error("cannot {action} `{}`", path.display())]
    Io {
        /// What we were doing.
        action: &'static str,
        /// The path concerned.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The output folder would overwrite the site itself.
    #[error("refusing to write the site into `{}`: {reason}", path.display())]
    Unsafe {
        /// The output folder.
        path: PathBuf,
        /// Why it is refused.
        reason: String,
    },
}

/// How to write.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Minify HTML (and its CSS).
    pub minify: bool,
    /// Extra names to carry over from the old output folder.
    pub keep: Vec<String>,
}

/// What an earlier build wrote: per file, the fingerprint of what it was made from and how
/// the file looked on disk. A file whose size and modification time still match holds what
/// its fingerprint says, so an incremental build hard-links it into the new output instead of
/// rendering, minifying and writing it again (and it is not rewritten: same inode, same time).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Whether HTML was minified (a different setting makes every page different).
    pub minify: bool,
    /// Output path -> record.
    pub files: BTreeMap<String, FileRecord>,
}

/// One file of a [`Manifest`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FileRecord {
    /// [`Page::fingerprint`] of what was written.
    pub fingerprint: u128,
    /// Size in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified: i128,
}

impl FileRecord {
    fn of(fingerprint: u128, meta: &fs::Metadata) -> FileRecord {
        FileRecord {
            fingerprint,
            len: meta.len(),
            modified: modified_nanos(meta),
        }
    }
}

fn modified_nanos(meta: &fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(-1, |d| d.as_nanos() as i128)
}

impl Manifest {
    /// True when `output` still holds the file `path` made from `fingerprint`.
    pub fn holds(&self, output: &Path, path: &str, fingerprint: u128) -> bool {
        match self.files.get(path) {
            Some(record) if record.fingerprint == fingerprint => {
                fs::symlink_metadata(output.join(path)).is_ok_and(|meta| {
                    meta.is_file()
                        && meta.len() == record.len
                        && modified_nanos(&meta) == record.modified
                })
            }
            _ => false,
        }
    }

    /// True when `output` holds exactly what was written: every file of the manifest as it
    /// was, and nothing else but `.nojekyll` and what the publisher keeps (`keep`).
    pub fn intact(&self, output: &Path, keep: &[String]) -> bool {
        if !output.join(".nojekyll").is_file() {
            return false;
        }
        let mut count = 0;
        let walker = walkdir::WalkDir::new(output)
            .min_depth(1)
            .into_iter()
            .filter_entry(|e| e.depth() > 1 || !is_kept(&e.file_name().to_string_lossy(), keep));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) if e.depth() == 1 && e.file_name() == ".nojekyll" => {}
                Ok(e) => {
                    let rel = e.path().strip_prefix(output).unwrap_or(e.path());
                    if !self.files.contains_key(&*rel.to_string_lossy()) {
                        return false;
                    }
                    count += 1;
                }
                Err(_) => return false,
            }
        }
        count == self.files.len()
            && self
                .files
                .par_iter()
                .all(|(path, record)| self.holds(output, path, record.fingerprint))
    }
}

pub(crate) fn io<'a>(
    action: &'static str,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> Error + 'a {
    move |source| Error::Io {
        action,
        path: path.to_owned(),
        source,
    }
}

/// Refuse output folders whose replacement would destroy something: the site root or one of
/// its ancestors, a folder inside or around the site's own folders (`protected`: content,
/// templates, static, themes), a folder holding a `site.toml`, and an existing folder full of
/// files briefing did not write (a build output carries `.nojekyll`; a new output may hold
/// only what is kept, such as `.git` and `CNAME`).
pub fn check_target(
    output: &Path,
    root: &Path,
    protected: &[PathBuf],
    keep: &[String],
) -> Result<(), Error> {
    let out = resolve(output);
    let unsafe_ = |reason: String| {
        Err(Error::Unsafe {
            path: output.to_owned(),
            reason,
        })
    };
    if resolve(root).starts_with(&out) {
        return unsafe_("it contains the site itself; choose a folder such as `public`".into());
    }
    for folder in protected {
        let folder = resolve(folder);
        if out.starts_with(&folder) || folder.starts_with(&out) {
            return unsafe_(format!(
                "it overlaps the site's `{}` folder",
                folder.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    if out.join(crate::config::CONFIG_FILE).exists() {
        return unsafe_(
            "it holds a `site.toml`, so it looks like a site, not a build output".into(),
        );
    }
    if out.is_dir() && !out.join(".nojekyll").exists() {
        let foreign: Vec<String> = fs::read_dir(&out)
            .map_err(io("read", output))?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !is_kept(n, keep))
            .collect();
        if let Some(first) = foreign.iter().min() {
            return unsafe_(format!(
                "it already holds files briefing did not write (`{first}`{}); empty it or choose another folder (`.git`, `CNAME` and dotfiles may stay)",
                if foreign.len() > 1 { format!(" and {} more", foreign.len() - 1) } else { String::new() }
            ));
        }
    }
    Ok(())
}

/// What survives a rebuild in the output folder.
pub(crate) fn is_kept(name: &str, keep: &[String]) -> bool {
    (name.starts_with('.') && name != ".nojekyll")
        || name == "CNAME"
        || keep.iter().any(|k| k == name)
}

/// An absolute, symlink-free form of `path`, even when it does not exist yet: the nearest
/// existing ancestor is canonicalised and the rest appended (so `./content/out` compares
/// equal to a canonical `/site/content/out`).
fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = fs::canonicalize(existing) {
            let mut resolved = canonical;
            for part in rest.iter().rev() {
                resolved.push(part);
            }
            return resolved;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// Write `pages` as the new contents of `output`, with the `unchanged` files of the previous
/// build taken over from it (see [`Manifest`]). Returns what was written. A build streams its
/// pages through a [`Staging`] instead; this is the same for pages already in memory.
pub fn write(
    pages: Vec<Page>,
    unchanged: &[(SitePath, u128)],
    previous: &Manifest,
    output: &Path,
    options: &WriteOptions,
) -> Result<Manifest, Error> {
    let staging = Staging::begin(output, previous, options)?;
    pages
        .into_par_iter()
        .try_for_each(|page| staging.put(page))?;
    staging.finish(unchanged)
}

/// Temp folders are private (0700); a published site must be readable by a web server.
fn set_readable(dir: &Path) -> Result<(), Error> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755))
            .map_err(io("set permissions of", dir))?;
    }
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, body: &str) -> Page {
        Page::for_test(path, body)
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut out: Vec<String> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn writes_pages_and_nojekyll_and_replaces_stale_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let opts = WriteOptions::default();
        write(
            vec![
                page("index.html", "<p>one</p>"),
                page("a/b/index.html", "x"),
            ],
            &[],
            &Manifest::default(),
            &out,
            &opts,
        )
        .unwrap();
        assert_eq!(listing(&out), [".nojekyll", "a/b/index.html", "index.html"]);
        write(
            vec![page("index.html", "<p>two</p>")],
            &[],
            &Manifest::default(),
            &out,
            &opts,
        )
        .unwrap();
        assert_eq!(listing(&out), [".nojekyll", "index.html"]);
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "<p>two</p>"
        );
        let litter: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(litter, ["public"], "no staging folders left behind");
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_taken_over_not_rewritten() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let opts = WriteOptions::default();
        let pages = vec![page("a/index.html", "a"), page("b/index.html", "b")];
        let first = write(pages.clone(), &[], &Manifest::default(), &out, &opts).unwrap();
        let inode = |p: &str| fs::metadata(out.join(p)).unwrap().ino();
        let (a, b) = (inode("a/index.html"), inode("b/index.html"));
        // `a` changes; `b` is passed as unchanged without its bytes.
        let b_path = SitePath::new("b/index.html").unwrap();
        let second = write(
            vec![page("a/index.html", "a2")],
            &[(b_path, pages[1].fingerprint)],
            &first,
            &out,
            &opts,
        )
        .unwrap();
        assert_ne!(inode("a/index.html"), a);
        assert_eq!(inode("b/index.html"), b, "unchanged file not rewritten");
        assert_eq!(fs::read_to_string(out.join("b/index.html")).unwrap(), "b");
        assert!(second.intact(&out, &[]));
        // A stray file makes the output not intact; a kept one does not.
        fs::write(out.join("stray.html"), "x").unwrap();
        assert!(!second.intact(&out, &[]));
        assert!(second.intact(&out, &["stray.html".to_owned()]));
        fs::remove_file(out.join("stray.html")).unwrap();
        fs::write(out.join("CNAME"), "x").unwrap();
        assert!(second.intact(&out, &[]));
        // A page whose bytes match what is there is taken over too.
        let third = write(
            vec![page("a/index.html", "a2"), page("b/index.html", "b")],
            &[],
            &second,
            &out,
            &opts,
        )
        .unwrap();
        assert_eq!(inode("b/index.html"), b);
        assert_eq!(third, second);
        // A file edited by hand is no longer held, so it is written again.
        fs::write(out.join("b/index.html"), "edited").unwrap();
        assert!(!third.intact(&out, &[]));
        assert!(!third.holds(&out, "b/index.html", pages[1].fingerprint));
    }

    #[test]
    fn keeps_git_cname_dotfiles_and_listed_names() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir_all(out.join(".git/objects")).unwrap();
        fs::write(out.join(".git/HEAD"), "ref").unwrap();
        fs::write(out.join("CNAME"), "digest.example.org").unwrap();
        fs::write(out.join(".well-known"), "x").unwrap();
        fs::write(out.join("google123.html"), "verify").unwrap();
        fs::write(out.join("stale.html"), "old").unwrap();
        let opts = WriteOptions {
            minify: false,
            keep: vec!["google123.html".into()],
        };
        write(
            vec![page("index.html", "new")],
            &[],
            &Manifest::default(),
            &out,
            &opts,
        )
        .unwrap();
        assert_eq!(
            listing(&out),
            [
                ".git/HEAD",
                ".nojekyll",
                ".well-known",
                "CNAME",
                "google123.html",
                "index.html"
            ]
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_output_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write(
            vec![page("index.html", "good")],
            &[],
            &Manifest::default(),
            &out,
            &WriteOptions::default(),
        )
        .unwrap();
        // A page whose parent is also a file cannot be written.
        let bad = vec![page("x", "file"), page("x/index.html", "under a file")];
        assert!(write(
            bad,
            &[],
            &Manifest::default(),
            &out,
            &WriteOptions::default()
        )
        .is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "good");
        let litter: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(litter, ["public"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_output_is_written_through() {
        let tmp = tempfile::tempdir().unwrap();
        let www = tmp.path().join("www");
        fs::create_dir_all(www.join(".git")).unwrap();
        fs::write(www.join("CNAME"), "x").unwrap();
        let link = tmp.path().join("public");
        std::os::unix::fs::symlink(&www, &link).unwrap();
        write(
            vec![page("index.html", "new")],
            &[],
            &Manifest::default(),
            &link,
            &WriteOptions::default(),
        )
        .unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(listing(&www), [".nojekyll", "CNAME", "index.html"]);
        assert!(www.join(".git").is_dir());
    }

    #[test]
    fn refuses_to_write_over_the_site() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("content")).unwrap();
        let protected = [root.join("content"), root.join("templates")];
        assert!(check_target(root, root, &protected, &[]).is_err());
        assert!(check_target(&root.join("content/out"), root, &protected, &[]).is_err());
        assert!(check_target(&root.join("templates"), root, &protected, &[]).is_err());
        assert!(check_target(&root.join("public"), root, &protected, &[]).is_ok());
        // Content inside the output folder.
        let inner = [root.join("public/content")];
        assert!(check_target(&root.join("public"), root, &inner, &[]).is_err());
        // A folder of someone else's files is refused; a git checkout with a CNAME is not.
        fs::create_dir_all(root.join("docs/.git")).unwrap();
        fs::write(root.join("docs/CNAME"), "x").unwrap();
        assert!(check_target(&root.join("docs"), root, &protected, &[]).is_ok());
        fs::write(root.join("docs/thesis.pdf"), "x").unwrap();
        assert!(check_target(&root.join("docs"), root, &protected, &[]).is_err());
        fs::write(root.join("docs/.nojekyll"), "").unwrap();
        assert!(check_target(&root.join("docs"), root, &protected, &[]).is_ok());
    }
}
