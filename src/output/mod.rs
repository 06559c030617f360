//! Output: pages go to disk atomically.
//!
//! The site is written into a fresh sibling folder (same filesystem), then swapped in with
//! two renames, so a failed or interrupted build leaves the previous output intact and a
//! reader never sees half a site. What a publisher keeps in the output folder (`.git`,
//! `CNAME`, any dotfile, names listed in `keep`) is carried over into the new folder: Zola
//! users lose `public/.git` on every build, ours do not.

mod minify;

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

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

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> Error + 'a {
    move |source| Error::Io {
        action,
        path: path.to_owned(),
        source,
    }
}

/// Refuse output folders that would swallow the site: the root itself, one of its ancestors,
/// or a folder inside the content.
pub fn check_target(output: &Path, root: &Path, content: &Path) -> Result<(), Error> {
    let (out, root, content) = (resolve(output), resolve(root), resolve(content));
    let unsafe_ = |reason: &str| {
        Err(Error::Unsafe {
            path: output.to_owned(),
            reason: reason.to_owned(),
        })
    };
    if root.starts_with(&out) {
        return unsafe_("it contains the site itself; choose a folder such as `public`");
    }
    if out.starts_with(&content) {
        return unsafe_("it is inside the content folder");
    }
    if out.join(crate::config::CONFIG_FILE).exists() {
        return unsafe_("it holds a `site.toml`, so it looks like a site, not a build output");
    }
    Ok(())
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

/// Write `pages` as the new contents of `output`.
pub fn write(pages: &[Page], output: &Path, options: &WriteOptions) -> Result<(), Error> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io("create", &parent))?;
    if output.exists() && !output.is_dir() {
        return Err(Error::Unsafe {
            path: output.to_owned(),
            reason: "it exists and is not a folder".into(),
        });
    }
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    // Dropped (and deleted) on any early return: a failed build leaves no litter.
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.building-"))
        .tempdir_in(&parent)
        .map_err(io("create a build folder in", &parent))?;
    write_all(pages, staging.path(), options)?;
    fs::write(staging.path().join(".nojekyll"), b"")
        .map_err(io("write", &staging.path().join(".nojekyll")))?;
    set_readable(staging.path())?;
    swap(staging, output, &parent, &name, options)
}

fn write_all(pages: &[Page], dir: &Path, options: &WriteOptions) -> Result<(), Error> {
    let mut folders: Vec<PathBuf> = pages
        .iter()
        .filter_map(|p| Path::new(p.path.as_str()).parent().map(|f| dir.join(f)))
        .collect();
    folders.sort();
    folders.dedup();
    for folder in &folders {
        fs::create_dir_all(folder).map_err(io("create", folder))?;
    }
    pages.par_iter().try_for_each(|page| {
        let path = dir.join(page.path.as_str());
        let is_html = page.path.as_str().ends_with(".html");
        let body = if options.minify && is_html {
            minify::html(&page.body)
        } else {
            page.body.clone()
        };
        fs::write(&path, body).map_err(io("write", &path))
    })
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

/// Names in the old output that the publisher keeps.
fn kept(old: &Path, options: &WriteOptions) -> Result<Vec<String>, Error> {
    let mut names = Vec::new();
    for entry in fs::read_dir(old).map_err(io("read", old))? {
        let entry = entry.map_err(io("read", old))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let keep = (name.starts_with('.') && name != ".nojekyll")
            || name == "CNAME"
            || options.keep.contains(&name);
        if keep {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

fn swap(
    staging: tempfile::TempDir,
    output: &Path,
    parent: &Path,
    name: &str,
    options: &WriteOptions,
) -> Result<(), Error> {
    if !output.exists() {
        let built = staging.keep();
        return fs::rename(&built, output).map_err(|e| {
            let _ = fs::remove_dir_all(&built);
            Error::Io {
                action: "move the new site to",
                path: output.to_owned(),
                source: e,
            }
        });
    }
    // Carry kept files over; on failure put back what was moved.
    let names = kept(output, options)?;
    let mut moved: Vec<&String> = Vec::new();
    for n in &names {
        let (from, to) = (output.join(n), staging.path().join(n));
        if to.exists() {
            let removal = if to.is_dir() {
                fs::remove_dir_all(&to)
            } else {
                fs::remove_file(&to)
            };
            removal.map_err(io("replace", &to))?;
        }
        if let Err(e) = fs::rename(&from, &to) {
            restore(&moved, staging.path(), output);
            return Err(Error::Io {
                action: "keep",
                path: from,
                source: e,
            });
        }
        moved.push(n);
    }
    let retired = tempfile::Builder::new()
        .prefix(&format!(".{name}.previous-"))
        .tempdir_in(parent)
        .map_err(io("create a folder in", parent))?;
    let old = retired.path().join(name);
    if let Err(e) = fs::rename(output, &old) {
        restore(&moved, staging.path(), output);
        return Err(Error::Io {
            action: "move aside",
            path: output.to_owned(),
            source: e,
        });
    }
    let built = staging.keep();
    if let Err(e) = fs::rename(&built, output) {
        let _ = fs::rename(&old, output);
        restore(&moved, &built, output);
        let _ = fs::remove_dir_all(&built);
        return Err(Error::Io {
            action: "move the new site to",
            path: output.to_owned(),
            source: e,
        });
    }
    drop(retired); // deletes the previous output
    Ok(())
}

fn restore(names: &[&String], from: &Path, to: &Path) {
    for n in names {
        let _ = fs::rename(from.join(n), to.join(n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::SitePath;

    fn page(path: &str, body: &str) -> Page {
        Page {
            path: SitePath::new(path).unwrap(),
            body: body.as_bytes().to_vec(),
        }
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
            &[
                page("index.html", "<p>one</p>"),
                page("a/b/index.html", "x"),
            ],
            &out,
            &opts,
        )
        .unwrap();
        assert_eq!(listing(&out), [".nojekyll", "a/b/index.html", "index.html"]);
        write(&[page("index.html", "<p>two</p>")], &out, &opts).unwrap();
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
        write(&[page("index.html", "new")], &out, &opts).unwrap();
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
            &[page("index.html", "good")],
            &out,
            &WriteOptions::default(),
        )
        .unwrap();
        // A page whose parent is also a file cannot be written.
        let bad = [page("x", "file"), page("x/index.html", "under a file")];
        assert!(write(&bad, &out, &WriteOptions::default()).is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "good");
        let litter: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(litter, ["public"]);
    }

    #[test]
    fn refuses_to_write_over_the_site() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_target(root, root, &root.join("content")).is_err());
        assert!(check_target(&root.join("content/out"), root, &root.join("content")).is_err());
        assert!(check_target(&root.join("public"), root, &root.join("content")).is_ok());
    }
}
