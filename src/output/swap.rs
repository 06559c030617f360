//! Swapping a finished build in, and cleaning up after builds that were killed.
//!
//! A build writes into `.<name>.building-<pid>-<random>` beside the output folder. Swapping it
//! in is one step where the platform allows it: Linux `renameat2(RENAME_EXCHANGE)` exchanges
//! the two folders atomically, so at every instant `public/` is either the whole previous site
//! or the whole new one (issue 17: with two renames, a kill between them left no `public/` at
//! all). Elsewhere, or on a file system that refuses the exchange, the old output is first moved
//! into `.<name>.previous-<pid>-<random>/` and the new one renamed in; a kill between those two
//! steps is repaired by [`recover`] at the next build start.
//!
//! The folder names carry the builder's process id so that [`recover`] never touches the
//! folders of a build that is still running (two builds into one folder, or `serve`).
//!
//! Files the publisher keeps (`.git`, `CNAME`, dotfiles) move from the old folder into the new
//! one just before the swap. They are the one thing a kill can leave in the wrong place; the
//! next build start moves them back (see [`recover`]).

use std::fs;
use std::path::{Path, PathBuf};

use super::{io, is_kept, Error, WriteOptions};

/// Marks the folders of a build in progress.
const BUILDING: &str = "building";
/// Marks the folder holding the previous output during a two-rename swap.
const PREVIOUS: &str = "previous";

/// The prefix of this process's working folders of one kind, e.g. `.public.building-4242-`.
pub(super) fn prefix(name: &str, kind: &str) -> String {
    format!(".{name}.{kind}-{}-", std::process::id())
}

/// A test-only hook: with `BRIEFING_TEST_SWAP_PAUSE=<step>` the build stops at that step of
/// the swap, creates `<output>.paused-<step>` next to the output folder and sleeps, so an
/// integration test can look at the output and kill the process exactly there. Steps:
/// `staged` (the new folder is complete), `kept` (kept files moved into it), `exchanged`
/// (swapped, the old site not yet deleted), `aside` (two-rename path: the old output moved
/// aside, the new one not yet in place). Unset, it costs one environment lookup per build.
fn pause_for_test(output: &Path, step: &str) {
    if std::env::var_os("BRIEFING_TEST_SWAP_PAUSE").is_some_and(|s| s == step) {
        let mut marker = output.as_os_str().to_owned();
        marker.push(format!(".paused-{step}"));
        let _ = fs::write(&marker, b"");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    }
}

/// True when the platform's atomic exchange should not be tried (a test-only switch,
/// `BRIEFING_TEST_NO_EXCHANGE=1`, to exercise the two-rename path on Linux).
fn exchange_disabled() -> bool {
    std::env::var_os("BRIEFING_TEST_NO_EXCHANGE").is_some_and(|v| v == "1")
}

/// Atomically exchange two existing paths. `Ok(false)` when the platform or file system
/// cannot (the caller then falls back to two renames).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    if exchange_disabled() {
        return Ok(false);
    }
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::other("path holds a NUL byte"))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both pointers are valid NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(true);
    }
    let err = std::io::Error::last_os_error();
    match err.raw_os_error() {
        // Old kernels (ENOSYS), file systems without the flag (EINVAL, e.g. some network and
        // FUSE file systems), seccomp filters that refuse the call (EPERM).
        Some(libc::ENOSYS) | Some(libc::EINVAL) | Some(libc::EOPNOTSUPP) | Some(libc::EPERM) => {
            Ok(false)
        }
        _ => Err(err),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<bool> {
    let _ = exchange_disabled;
    Ok(false)
}

/// Swap the built folder in. The old output is never deleted before the new one is in
/// place: on any failure it is put back, and if even that fails the error says where it is.
/// Kept files (`.git`...) only ever move between the old and the new folder, never into
/// something that gets deleted.
pub(super) fn swap(
    staging: tempfile::TempDir,
    output: &Path,
    parent: &Path,
    name: &str,
    options: &WriteOptions,
) -> Result<(), Error> {
    pause_for_test(output, "staged");
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
    let built = staging.keep();
    let names = match kept(output, options) {
        Ok(names) => names,
        Err(e) => {
            let _ = fs::remove_dir_all(&built);
            return Err(e);
        }
    };
    // Kept files go back to the output folder on failure; the build folder is then removed.
    let give_back = |moved: &[String], error: Error| -> Error {
        for n in moved {
            let _ = fs::rename(built.join(n), output.join(n));
        }
        let _ = fs::remove_dir_all(&built);
        error
    };
    let mut moved: Vec<String> = Vec::new();
    for n in &names {
        let target = built.join(n);
        if let Err(e) = remove_any(&target) {
            return Err(give_back(
                &moved,
                Error::Io {
                    action: "replace",
                    path: target,
                    source: e,
                },
            ));
        }
        if let Err(e) = fs::rename(output.join(n), &target) {
            return Err(give_back(
                &moved,
                Error::Io {
                    action: "keep",
                    path: output.join(n),
                    source: e,
                },
            ));
        }
        moved.push(n.clone());
    }
    pause_for_test(output, "kept");
    match exchange(&built, output) {
        Ok(true) => {
            // `built` now holds the previous site.
            pause_for_test(output, "exchanged");
            let _ = fs::remove_dir_all(&built);
            return Ok(());
        }
        Ok(false) => {}
        Err(e) => {
            return Err(give_back(
                &moved,
                Error::Io {
                    action: "swap the new site in at",
                    path: output.to_owned(),
                    source: e,
                },
            ))
        }
    }
    two_renames(&built, output, parent, name, &moved)
}

/// The fallback swap: the old output moves into a `.previous` folder, the new one takes its
/// place, the old one is deleted. A kill between the renames leaves no output folder until
/// the next build start puts the previous one back ([`recover`]).
fn two_renames(
    built: &Path,
    output: &Path,
    parent: &Path,
    name: &str,
    moved: &[String],
) -> Result<(), Error> {
    let put_back_kept = |old: &Path| {
        for n in moved {
            let _ = fs::rename(built.join(n), old.join(n));
        }
    };
    let retired = match tempfile::Builder::new()
        .prefix(&prefix(name, PREVIOUS))
        .tempdir_in(parent)
    {
        Ok(dir) => dir,
        Err(e) => {
            put_back_kept(output);
            let _ = fs::remove_dir_all(built);
            return Err(Error::Io {
                action: "create a folder in",
                path: parent.to_owned(),
                source: e,
            });
        }
    };
    let old = retired.path().join(name);
    if let Err(e) = fs::rename(output, &old) {
        put_back_kept(output);
        let _ = fs::remove_dir_all(built);
        return Err(Error::Io {
            action: "move aside",
            path: output.to_owned(),
            source: e,
        });
    }
    // From here on the previous site lives in `old`: nothing may delete it on failure.
    let retired = retired.keep();
    pause_for_test(output, "aside");
    if let Err(e) = fs::rename(built, output) {
        put_back_kept(&old);
        return Err(if fs::rename(&old, output).is_ok() {
            let _ = fs::remove_dir_all(built);
            let _ = fs::remove_dir_all(&retired);
            Error::Io {
                action: "move the new site to",
                path: output.to_owned(),
                source: e,
            }
        } else {
            Error::Io {
                action: "restore the previous site (it is kept at its temporary path) to",
                path: output.to_owned(),
                source: std::io::Error::other(format!(
                    "{e}; previous site left in `{}`",
                    old.display()
                )),
            }
        });
    }
    let _ = fs::remove_dir_all(&retired);
    Ok(())
}

fn remove_any(path: &Path) -> std::io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Names in the output folder that the publisher keeps.
fn kept(old: &Path, options: &WriteOptions) -> Result<Vec<String>, Error> {
    let mut names = Vec::new();
    for entry in fs::read_dir(old).map_err(io("read", old))? {
        let name = entry
            .map_err(io("read", old))?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if is_kept(&name, &options.keep) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// A working folder left beside the output by an earlier build.
#[derive(Debug)]
struct Leftover {
    path: PathBuf,
    kind: &'static str,
}

/// Find the working folders of earlier builds of `output` whose process is gone.
fn leftovers(parent: &Path, name: &str) -> Vec<Leftover> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut found: Vec<Leftover> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let file = e.file_name().to_string_lossy().into_owned();
            let kind = [BUILDING, PREVIOUS]
                .into_iter()
                .find(|k| file.starts_with(&format!(".{name}.{k}-")))?;
            let rest = &file[name.len() + kind.len() + 3..];
            // Folders named by older versions (no pid) belong to no running build.
            let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
            if pid.is_some_and(is_running) {
                return None;
            }
            e.file_type().ok().filter(|t| t.is_dir()).map(|_| Leftover {
                path: e.path(),
                kind,
            })
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// True when process `pid` exists (and is not this one, whose own folders are never left over
/// at the start of a build).
fn is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only checks whether the process exists.
        let rc = unsafe { libc::kill(pid, 0) };
        rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Repair what killed builds left beside `output`, before a new build writes: a previous
/// output moved aside and never replaced is put back, kept files (`.git`, `CNAME`) caught in
/// an unfinished build folder return to the output, and every leftover working folder is
/// deleted. Returns one message per repair, for the user.
pub fn recover(output: &Path) -> Result<Vec<String>, Error> {
    let real = fs::canonicalize(output).ok();
    let output = real.as_deref().unwrap_or(output);
    let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
        return Ok(Vec::new());
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let name = name.to_string_lossy();
    let mut messages = Vec::new();
    let found = leftovers(parent, &name);
    // Previous outputs first: a missing output is restored before kept files go back into it.
    for left in found.iter().filter(|l| l.kind == PREVIOUS) {
        let old = left.path.join(&*name);
        if !output.exists() && old.is_dir() {
            fs::rename(&old, output).map_err(io("restore the previous site to", output))?;
            messages.push(format!(
                "restored `{}` from `{}`, where an interrupted build had left it",
                output.display(),
                left.path.display()
            ));
        }
    }
    for left in found.iter().filter(|l| l.kind == BUILDING) {
        if !output.is_dir() {
            continue;
        }
        let Ok(entries) = fs::read_dir(&left.path) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let n = entry.file_name();
            let text = n.to_string_lossy();
            if is_kept(&text, &[]) && !output.join(&n).exists() {
                fs::rename(entry.path(), output.join(&n))
                    .map_err(io("move back the kept file", &entry.path()))?;
                messages.push(format!(
                    "moved `{text}` back into `{}` from an interrupted build",
                    output.display()
                ));
            }
        }
    }
    for left in &found {
        let only_copy = !output.is_dir()
            && match left.kind {
                PREVIOUS => left.path.join(&*name).is_dir(),
                _ => fs::read_dir(&left.path).is_ok_and(|mut entries| {
                    entries.any(|e| e.is_ok_and(|e| is_kept(&e.file_name().to_string_lossy(), &[])))
                }),
            };
        if only_copy {
            // Never delete the only copy of a site or of the publisher's files.
            messages.push(format!(
                "left `{}` in place: there is no `{}` to restore it into",
                left.path.display(),
                output.display()
            ));
            continue;
        }
        fs::remove_dir_all(&left.path).map_err(io("remove the leftover folder", &left.path))?;
        messages.push(format!(
            "removed `{}`, left by an interrupted build",
            left.path.display()
        ));
    }
    Ok(messages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_restores_a_missing_output_and_removes_dead_builds_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        // A two-rename swap killed between its steps (pid 0 never names a user process
        // folder's owner; an unparsable pid counts as dead).
        let previous = tmp.path().join(".public.previous-x-abc");
        fs::create_dir_all(previous.join("public")).unwrap();
        fs::write(previous.join("public/index.html"), "old").unwrap();
        let building = tmp.path().join(".public.building-x-def");
        fs::create_dir_all(building.join(".git")).unwrap();
        fs::write(building.join("CNAME"), "x").unwrap();
        fs::write(building.join("index.html"), "new").unwrap();
        let messages = recover(&out).unwrap();
        assert_eq!(messages.len(), 5, "{messages:?}");
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert!(out.join(".git").is_dir());
        assert!(out.join("CNAME").is_file());
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"]);
        assert!(recover(&out).unwrap().is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn recovery_leaves_a_running_builds_folders_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir_all(&out).unwrap();
        // The parent of this test process is alive (the test harness or cargo).
        let alive = std::os::unix::process::parent_id();
        let theirs = tmp.path().join(format!(".public.building-{alive}-abc"));
        fs::create_dir_all(&theirs).unwrap();
        assert!(recover(&out).unwrap().is_empty());
        assert!(theirs.is_dir());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn exchange_swaps_two_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("x"), "a").unwrap();
        if exchange(&a, &b).unwrap() {
            assert!(b.join("x").is_file());
            assert!(!a.join("x").exists());
        }
    }
}
