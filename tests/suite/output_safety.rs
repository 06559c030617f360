//! The output folder is replaced atomically: kept files survive, stale files go, and a failed
//! build changes nothing.

use std::fs;

use crate::util::{assert_same_tree, snapshot_tree, SiteTest};

#[test]
fn build_keeps_git_cname_and_dotfiles_and_removes_stale_files() {
    let site = SiteTest::sample();
    site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n")
        .write("public/CNAME", "digest.example.org\n")
        .write("public/.well-known/x", "token")
        .write("public/old.html", "<p>stale</p>");
    // Without the `.nojekyll` every briefing build leaves, `public/` holds someone else's
    // files: refused, untouched.
    let run = site.build(&[]);
    run.assert_code(2);
    assert!(run.stderr().contains("old.html"), "{}", run.stderr());
    assert!(site.out().join("old.html").is_file());
    // As the output of an earlier build, its stale pages go and the publisher's files stay.
    site.write("public/.nojekyll", "");
    site.build_ok(&[]);
    let out = site.out();
    assert_eq!(
        fs::read_to_string(out.join(".git/HEAD")).unwrap(),
        "ref: refs/heads/gh-pages\n"
    );
    assert_eq!(
        fs::read_to_string(out.join("CNAME")).unwrap(),
        "digest.example.org\n"
    );
    assert_eq!(
        fs::read_to_string(out.join(".well-known/x")).unwrap(),
        "token"
    );
    assert!(
        !out.join("old.html").exists(),
        "stale old.html survived the build"
    );
    assert!(out.join("index.html").is_file());
    assert!(site.litter().is_empty(), "{:?}", site.litter());
}

#[test]
fn failed_build_reports_the_template_and_leaves_the_output_untouched() {
    let site = SiteTest::sample();
    site.write("public/CNAME", "digest.example.org\n");
    site.build_ok(&[]);
    let before = snapshot_tree(&site.out());

    site.write(
        "templates/article.html",
        "{% extends \"base.html\" %}\n{% if %}\ngarbage\n",
    );
    let run = site.build(&[]);
    run.assert_code(2);
    let stderr = run.stderr();
    assert!(
        stderr.contains("templates/article.html"),
        "the error does not name the template file:\n{stderr}"
    );
    assert_same_tree(&before, &snapshot_tree(&site.out()));
    assert!(site.litter().is_empty(), "left behind: {:?}", site.litter());
}

fn assert_output_refused(site: &SiteTest, output: &str) {
    let before = snapshot_tree(site.root());
    let run = site.build(&["--output", output]);
    run.assert_code(2);
    assert!(
        run.stderr().contains("refusing"),
        "--output {output}: {}",
        run.stderr()
    );
    assert_same_tree(&before, &snapshot_tree(site.root()));
}

#[test]
fn output_over_the_site_or_its_content_is_refused() {
    let site = SiteTest::sample();
    for output in [".", "content"] {
        assert_output_refused(&site, output);
    }
}

/// `output::check_target` canonicalises the paths, but a folder that does not exist yet
/// cannot be canonicalised and is compared as given (`./content/out`) with the canonical
/// content folder (`/tmp/.../content`): with the CLI's default `--root .`, the check never
/// matches and the site is written into its own content folder (the unit test passes only
/// because it uses absolute, already canonical paths).
#[test]
fn output_inside_the_content_folder_is_refused_even_if_new() {
    let site = SiteTest::sample();
    assert_output_refused(&site, "content/out");
}
