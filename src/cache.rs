//! Incremental builds: what earlier builds computed, kept in `.briefing-cache/` (the
//! `cache_dir` setting), so a build redoes only the work its changes need.
//!
//! Every layer is keyed by a 128-bit hash of exactly what it depends on, never by file times:
//!
//! 1. **The whole build**: the binary, the resolved options, the theme and every content
//!    file. When none changed and the output still holds what the last build wrote, there is
//!    nothing to do, and the last build's report (with its warnings) is replayed.
//! 2. **Articles**: a parsed article per [`ingest::Source::fingerprint`], its analysis per
//!    (that fingerprint, the analysis settings), and the related-article lists per
//!    [`Digest::fingerprint`](crate::digest::Digest). Editing one article re-reads and
//!    re-analyses that article only; changing the site title re-analyses nothing.
//! 3. **Pages**: the [`output::Manifest`] of the last build into each output folder. A page
//!    whose fingerprint (theme + its context) is unchanged is neither rendered nor written: the
//!    old file is hard-linked into the new output.
//!
//! Everything is also keyed by the binary (its version and a hash of its bytes), so a new or
//! rebuilt `briefing` never trusts an older one's results. A cache that cannot be
//! read is ignored and rebuilt; one that cannot be written costs speed, never correctness.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::analyse::Analysis;
use crate::diag::{Diagnostic, Diagnostics};
use crate::digest::RelatedMemo;
use crate::ingest::{self, Loaded};
use crate::output::Manifest;

/// Bump when the layout of cached data changes.
const FORMAT: u32 = 1;
const ARTICLES: &str = "articles.bin";
const RELATED: &str = "related.bin";

/// The cache folder of a site.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    /// Hash of the running binary: every entry is keyed by it.
    binary: u128,
}

/// Parsed articles and analyses of the last build, by fingerprint.
#[derive(Debug, Default)]
pub struct Articles {
    /// Source fingerprint -> parse result.
    pub loaded: HashMap<u128, Loaded>,
    /// Analysis fingerprint -> analysis and its diagnostics.
    pub analysed: HashMap<u128, (Analysis, Vec<Diagnostic>)>,
}

/// What the last build into one output folder did.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BuildRecord {
    /// The output folder.
    pub output: PathBuf,
    /// Fingerprint of every input (layer 1).
    pub inputs: u128,
    /// Its diagnostics.
    pub diagnostics: Diagnostics,
    /// Articles, partners and months published.
    pub counts: (usize, usize, usize),
    /// The files written.
    pub manifest: Manifest,
}

/// Stored values carry the format and binary they were made by.
#[derive(Serialize, Deserialize)]
struct Stamped<T> {
    format: u32,
    binary: u128,
    value: T,
}

/// Borrowed form of [`Articles`] for writing without cloning.
#[derive(Serialize)]
struct ArticlesOut<'a> {
    loaded: Vec<(u128, &'a Loaded)>,
    analysed: Vec<(u128, &'a Analysis, &'a [Diagnostic])>,
}

#[derive(Deserialize)]
struct ArticlesIn {
    loaded: Vec<(u128, Loaded)>,
    analysed: Vec<(u128, Analysis, Vec<Diagnostic>)>,
}

impl Cache {
    /// The cache at `dir` (created on first write).
    pub fn open(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_owned(),
            binary: binary_fingerprint(),
        }
    }

    /// Hash of the running binary.
    pub fn binary(&self) -> u128 {
        self.binary
    }

    /// The articles of the last build (empty when there is no usable cache).
    pub fn articles(&self) -> Articles {
        match self.read::<ArticlesIn>(ARTICLES) {
            Some(stored) => Articles {
                loaded: stored.loaded.into_iter().collect(),
                analysed: stored
                    .analysed
                    .into_iter()
                    .map(|(k, a, d)| (k, (a, d)))
                    .collect(),
            },
            None => Articles::default(),
        }
    }

    /// Store the articles of this build (only those: entries of deleted or changed files go).
    pub fn save_articles(
        &self,
        loaded: &[(u128, &Loaded)],
        analysed: &[(u128, &Analysis, &[Diagnostic])],
    ) {
        let out = ArticlesOut {
            loaded: loaded.to_vec(),
            analysed: analysed.to_vec(),
        };
        self.write(ARTICLES, &out);
    }

    /// The related lists of the last build.
    pub fn related(&self) -> Option<RelatedMemo> {
        self.read(RELATED)
    }

    /// Store this build's related lists.
    pub fn save_related(&self, memo: &RelatedMemo) {
        self.write(RELATED, memo);
    }

    /// The last build into `output`.
    pub fn record(&self, output: &Path) -> Option<BuildRecord> {
        self.read::<BuildRecord>(&record_name(output))
            .filter(|r| r.output == output)
    }

    /// Store the build into `record.output`, and forget builds into folders that are gone
    /// (`serve` builds into temporary folders).
    pub fn save_record(&self, record: &BuildRecord) {
        self.write(&record_name(&record.output), record);
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.starts_with("build-") || name == record_name(&record.output) {
                continue;
            }
            let gone = self
                .read::<BuildRecord>(&name)
                .is_none_or(|r| !r.output.exists());
            if gone {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Forget the build into `output` (it was not finished).
    pub fn forget_record(&self, output: &Path) {
        let _ = fs::remove_file(self.dir.join(record_name(output)));
    }

    fn read<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        let path = self.dir.join(name);
        let bytes = fs::read(&path).ok()?;
        match rmp_serde::from_slice::<Stamped<T>>(&bytes) {
            Ok(s) if s.format == FORMAT && s.binary == self.binary => Some(s.value),
            Ok(_) => None,
            Err(e) => {
                log::info!("ignoring unreadable cache file {}: {e}", path.display());
                None
            }
        }
    }

    /// Write atomically (a temp file renamed over), so a concurrent or interrupted build
    /// never leaves a torn file. Failures are logged: the cache only saves time.
    fn write<T: Serialize>(&self, name: &str, value: &T) {
        let stamped = Stamped {
            format: FORMAT,
            binary: self.binary,
            value,
        };
        if let Err(e) = self.try_write(name, &stamped) {
            log::warn!(
                "cannot write the build cache `{}`: {e}",
                self.dir.join(name).display()
            );
        }
    }

    fn try_write<T: Serialize>(&self, name: &str, value: &T) -> std::io::Result<()> {
        self.create()?;
        let bytes = rmp_serde::to_vec(value).map_err(std::io::Error::other)?;
        let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
        file.write_all(&bytes)?;
        file.persist(self.dir.join(name)).map_err(|e| e.error)?;
        Ok(())
    }

    /// The folder, tagged so that git and backup tools leave it alone.
    fn create(&self) -> std::io::Result<()> {
        if self.dir.join("CACHEDIR.TAG").is_file() {
            return Ok(());
        }
        fs::create_dir_all(&self.dir)?;
        fs::write(self.dir.join(".gitignore"), "# Created by briefing\n*\n")?;
        fs::write(
            self.dir.join("CACHEDIR.TAG"),
            "Signature: 8a477f597d28d172789f06886806bc55\n\
             # This file is a cache directory tag created by briefing.\n\
             # For information about cache directory tags see https://bford.info/cachedir/\n",
        )
    }
}

fn record_name(output: &Path) -> String {
    format!(
        "build-{:016x}.bin",
        xxhash_rust::xxh3::xxh3_64(output.to_string_lossy().as_bytes())
    )
}

/// The running binary's version and contents: a rebuilt binary (even of the same version,
/// as in development) invalidates everything, and the same binary restored in CI (with new
/// file times) does not. Hashing it costs a few milliseconds. The file is read in pieces: read
/// whole, the binary (tens of MiB, hundreds with debug info) was most of a small site's peak
/// memory.
fn binary_fingerprint() -> u128 {
    let mut hasher = Xxh3::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&FORMAT.to_le_bytes());
    if std::env::current_exe()
        .and_then(|exe| hash_file(&exe, &mut hasher))
        .is_err()
    {
        // Unknowable: a random key, so nothing cached is trusted.
        hasher.update(&format!("{:?}", std::time::SystemTime::now()).into_bytes());
    }
    hasher.digest128()
}

/// Feed a file's bytes to `hasher` (the same digest as hashing them in one piece).
fn hash_file(path: &Path, hasher: &mut Xxh3) -> std::io::Result<()> {
    use std::io::Read;
    let mut file = fs::File::open(path)?;
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Combine hashes (and small values) into one.
pub fn combine(parts: &[&[u8]]) -> u128 {
    let mut hasher = Xxh3::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest128()
}

/// Fingerprint of every input of a build: layer 1.
pub fn inputs_fingerprint(
    binary: u128,
    options: &[u8],
    theme: u128,
    sources: &ingest::Sources,
) -> u128 {
    combine(&[
        &binary.to_le_bytes(),
        options,
        &theme.to_le_bytes(),
        &sources.fingerprint().to_le_bytes(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_hashed_in_pieces_hashes_as_one() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("blob");
        let bytes: Vec<u8> = (0..(3 << 20) + 12345)
            .map(|i: u32| (i * 31 % 251) as u8)
            .collect();
        fs::write(&path, &bytes).unwrap();
        let mut hasher = Xxh3::new();
        hash_file(&path, &mut hasher).unwrap();
        assert_eq!(hasher.digest128(), xxhash_rust::xxh3::xxh3_128(&bytes));
        assert!(hash_file(&tmp.path().join("missing"), &mut Xxh3::new()).is_err());
    }

    #[test]
    fn records_round_trip_and_are_keyed_by_output_and_binary() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(&tmp.path().join(".briefing-cache"));
        let out = tmp.path().join("public");
        fs::create_dir_all(&out).unwrap();
        let record = BuildRecord {
            output: out.clone(),
            inputs: 42,
            counts: (1, 2, 3),
            ..BuildRecord::default()
        };
        cache.save_record(&record);
        assert_eq!(cache.record(&out).unwrap().inputs, 42);
        assert!(cache.record(&tmp.path().join("other")).is_none());
        assert!(tmp.path().join(".briefing-cache/CACHEDIR.TAG").is_file());
        assert_eq!(
            fs::read_to_string(tmp.path().join(".briefing-cache/.gitignore")).unwrap(),
            "# Created by briefing\n*\n"
        );
        let other_binary = Cache {
            dir: cache.dir.clone(),
            binary: cache.binary ^ 1,
        };
        assert!(other_binary.record(&out).is_none());
    }

    #[test]
    fn records_of_vanished_outputs_are_pruned() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(&tmp.path().join("c"));
        let gone = tmp.path().join("gone");
        fs::create_dir_all(&gone).unwrap();
        cache.save_record(&BuildRecord {
            output: gone.clone(),
            ..BuildRecord::default()
        });
        fs::remove_dir(&gone).unwrap();
        let kept = tmp.path().join("public");
        cache.save_record(&BuildRecord {
            output: kept.clone(),
            ..BuildRecord::default()
        });
        let names: Vec<String> = fs::read_dir(tmp.path().join("c"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("build-"))
            .collect();
        assert_eq!(names, [record_name(&kept)]);
    }

    #[test]
    fn a_corrupt_file_is_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path());
        fs::write(tmp.path().join(ARTICLES), b"\xff\x00garbage").unwrap();
        let articles = cache.articles();
        assert!(articles.loaded.is_empty() && articles.analysed.is_empty());
    }
}
