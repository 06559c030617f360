//! Two builds of the same site are byte-identical.

use crate::util::{assert_same_tree, snapshot_tree, SiteTest};

#[test]
fn two_builds_into_different_folders_are_byte_identical() {
    let site = SiteTest::sample();
    site.build_ok(&["--output", "out-a"]);
    site.build_ok(&["--output", "out-b"]);
    let a = snapshot_tree(&site.root().join("out-a"));
    let b = snapshot_tree(&site.root().join("out-b"));
    assert!(a.len() > 20, "suspiciously few files: {:?}", a.keys());
    assert_same_tree(&a, &b);
}

#[test]
fn rebuilding_in_place_changes_nothing() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let first = snapshot_tree(&site.out());
    site.build_ok(&[]);
    assert_same_tree(&first, &snapshot_tree(&site.out()));
}

#[test]
fn duplicate_titles_get_the_same_pages_on_every_build() {
    let site = super::links::mixed_site();
    site.build_ok(&["--output", "out-a"]);
    site.build_ok(&["--output", "out-b"]);
    assert_same_tree(
        &snapshot_tree(&site.root().join("out-a")),
        &snapshot_tree(&site.root().join("out-b")),
    );
}

/// Articles are parsed, analysed, rendered and written in parallel: the output must not
/// depend on how many threads there are or in which order they finish.
#[test]
fn one_thread_and_many_build_the_same_site() {
    let site = SiteTest::sample();
    for (threads, out) in [("1", "out-one"), ("4", "out-many")] {
        let output = site
            .cmd()
            .env("RAYON_NUM_THREADS", threads)
            .args(["build", "--no-cache", "--output", out])
            .output()
            .expect("run briefing");
        assert!(
            output.status.success(),
            "{threads} threads: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let one = snapshot_tree(&site.root().join("out-one"));
    assert!(one.len() > 20, "suspiciously few files: {:?}", one.keys());
    assert_same_tree(&one, &snapshot_tree(&site.root().join("out-many")));
}
