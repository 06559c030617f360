//! The new output folder while a build writes it.
//!
//! Pages arrive one at a time, from the renderer's threads, and go to disk (minified) at once:
//! holding a 10,000-article site's pages in memory until the end was most of a build's peak
//! memory. The folder is a fresh sibling of the output; [`Staging::finish`] takes over the
//! unchanged files of the previous build and swaps the folder in, and a staging dropped before
//! that (an error, `--strict`) deletes itself, so a failed build leaves no litter.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::{io, minify, set_readable, swap, Error, FileRecord, Manifest, WriteOptions};
use crate::digest::SitePath;
use crate::render::Page;

/// An output folder being written. See the module documentation.
pub struct Staging<'a> {
    dir: tempfile::TempDir,
    /// The output folder (symlinks resolved: a linked output is written through).
    output: PathBuf,
    parent: PathBuf,
    name: String,
    /// The previous build's manifest, or an empty one when its files cannot be reused.
    previous: &'a Manifest,
    options: WriteOptions,
    /// Path -> record; `None` while the file is being written (the path is taken).
    written: Mutex<BTreeMap<String, Option<FileRecord>>>,
}

static NO_MANIFEST: Manifest = Manifest {
    minify: false,
    files: BTreeMap::new(),
};

impl<'a> Staging<'a> {
    /// Start a new output for `output`, beside it. `previous` is what the last build wrote
    /// there: a page it already holds is hard-linked rather than written again.
    pub fn begin(
        output: &Path,
        previous: &'a Manifest,
        options: &WriteOptions,
    ) -> Result<Staging<'a>, Error> {
        // A symlinked output folder (`public -> /srv/www`) is written through: the real folder
        // is replaced, the link stays.
        let output = fs::canonicalize(output).unwrap_or_else(|_| output.to_owned());
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io("create", &parent))?;
        if output.exists() && !output.is_dir() {
            return Err(Error::Unsafe {
                path: output,
                reason: "it exists and is not a folder".into(),
            });
        }
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let dir = tempfile::Builder::new()
            .prefix(&swap::prefix(&name, "building"))
            .tempdir_in(&parent)
            .map_err(io("create a build folder in", &parent))?;
        let previous = if previous.minify == options.minify {
            previous
        } else {
            &NO_MANIFEST
        };
        Ok(Staging {
            dir,
            output,
            parent,
            name,
            previous,
            options: options.clone(),
            written: Mutex::new(BTreeMap::new()),
        })
    }

    /// Write one page (safe from several threads). The first page put under a path wins; a
    /// later one with the same path is dropped, so generated files beat theme files of the
    /// same name when the renderer puts them first.
    pub fn put(&self, page: Page) -> Result<(), Error> {
        let key = page.path.to_string();
        match self.lock().entry(key.clone()) {
            Entry::Occupied(_) => return Ok(()),
            Entry::Vacant(slot) => {
                slot.insert(None);
            }
        }
        let record = if self.previous.holds(&self.output, &key, page.fingerprint) {
            self.take_over(&page.path, page.fingerprint)?
        } else {
            let path = self.dir.path().join(page.path.as_str());
            if let Some(folder) = path.parent() {
                fs::create_dir_all(folder).map_err(io("create", folder))?;
            }
            let body = if self.options.minify && key.ends_with(".html") {
                minify::html(&page.body)
            } else {
                page.body
            };
            fs::write(&path, body).map_err(io("write", &path))?;
            let meta = fs::metadata(&path).map_err(io("read", &path))?;
            FileRecord::of(page.fingerprint, &meta)
        };
        self.lock().insert(key, Some(record));
        Ok(())
    }

    /// How many files have been put so far.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// True when nothing has been put.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Take over `unchanged` files from the previous output (pages the renderer skipped
    /// because the output holds them), then swap the new folder in. Returns what it holds.
    pub fn finish(self, unchanged: &[(SitePath, u128)]) -> Result<Manifest, Error> {
        let kept: Vec<(String, FileRecord)> = unchanged
            .par_iter()
            .map(|(path, fingerprint)| Ok((path.to_string(), self.take_over(path, *fingerprint)?)))
            .collect::<Result<_, Error>>()?;
        let mut files: BTreeMap<String, FileRecord> = self
            .written
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .filter_map(|(path, record)| Some((path, record?)))
            .collect();
        for (path, record) in kept {
            files.entry(path).or_insert(record);
        }
        let nojekyll = self.dir.path().join(".nojekyll");
        fs::write(&nojekyll, b"").map_err(io("write", &nojekyll))?;
        set_readable(self.dir.path())?;
        swap::swap(
            self.dir,
            &self.output,
            &self.parent,
            &self.name,
            &self.options,
        )?;
        Ok(Manifest {
            minify: self.options.minify,
            files,
        })
    }

    /// Hard-link a file of the previous output into the new one; where links are impossible
    /// (another file system, say), copy it.
    fn take_over(&self, path: &SitePath, fingerprint: u128) -> Result<FileRecord, Error> {
        let from = self.output.join(path.as_str());
        let to = self.dir.path().join(path.as_str());
        if let Some(folder) = to.parent() {
            fs::create_dir_all(folder).map_err(io("create", folder))?;
        }
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(io("copy the unchanged file", &from))?;
        }
        let meta = fs::metadata(&to).map_err(io("read", &to))?;
        Ok(FileRecord::of(fingerprint, &meta))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Option<FileRecord>>> {
        // A panic while the lock was held leaves a consistent map (inserts are single steps).
        self.written.lock().unwrap_or_else(|e| e.into_inner())
    }
}
