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
