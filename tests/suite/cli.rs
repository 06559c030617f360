//! The command line: help, and fatal errors with exit status 2.

use crate::util::SiteTest;

#[test]
fn help_of_every_command_lists_its_options() {
    let site = SiteTest::empty();
    for (args, words) in [
        (
            &["--help"][..],
            &["build", "inspect", "--quiet", "--verbose"][..],
        ),
        (
            &["build", "--help"],
            &["--root", "--output", "--base-url", "--strict"],
        ),
        (
            &["inspect", "--help"],
            &["--json", "--sentences", "--home", "--root"],
        ),
    ] {
        let run = site.run(args);
        run.assert_code(0);
        let help = run.stdout();
        for word in words {
            assert!(
                help.contains(word),
                "`briefing {}` does not mention {word}:\n{help}",
                args.join(" ")
            );
        }
    }
}

#[test]
fn build_without_site_toml_exits_2_naming_site_toml() {
    let site = SiteTest::empty();
    let run = site.build(&[]);
    run.assert_code(2);
    assert!(run.stderr().contains("site.toml"), "{}", run.stderr());
    assert!(!site.out().exists(), "nothing is written");
}

#[test]
fn unknown_key_in_site_toml_exits_2_naming_key_and_line() {
    let site = SiteTest::with_files(&[
        (
            "site.toml",
            b"title = \"x\"\nhome_contry = \"kg\"\n".as_slice(),
        ),
        (
            "content/a.md",
            b"+++\ntitle = \"A\"\ndate = 2026-01-01\n+++\nText.\n".as_slice(),
        ),
    ]);
    let run = site.build(&[]);
    run.assert_code(2);
    let stderr = run.stderr();
    assert!(stderr.contains("home_contry"), "{stderr}");
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(!site.out().exists(), "nothing is written");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let site = SiteTest::sample();
    site.write(
        "content/undated.txt",
        "Officials in Bishkek met Russian partners to discuss trade.\n",
    );
    let plain = site.run(&["build"]);
    assert!(
        plain.stderr().contains("warning[no-date]") && !plain.stderr().contains('\u{1b}'),
        "{}",
        plain.stderr()
    );
    let coloured = site.run(&["--color", "always", "build"]);
    assert!(
        coloured.stderr().contains("\u{1b}["),
        "{}",
        coloured.stderr()
    );
    let help = site.run(&["--help"]);
    assert!(help.stdout().contains("Exit status"), "{}", help.stdout());
}

/// `--output` is a path typed in the shell: relative to the current folder (as in Zola and
/// Hugo), not to `--root`; `output_dir` in site.toml stays relative to the site root. `--help`
/// says so.
#[test]
fn a_relative_output_is_taken_from_the_current_folder() {
    let site = SiteTest::sample();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let run = site
        .cmd()
        .current_dir(elsewhere.path())
        .args(["build", "--root"])
        .arg(site.root())
        .args(["--output", "out"])
        .output()
        .expect("run briefing");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(elsewhere.path().join("out/index.html").is_file());
    assert!(!site.root().join("out").exists());

    // Without --output, site.toml's output_dir is relative to the root.
    let run = site
        .cmd()
        .current_dir(elsewhere.path())
        .args(["build", "--root"])
        .arg(site.root())
        .output()
        .expect("run briefing");
    assert!(run.status.success());
    assert!(site.out().join("index.html").is_file());
    assert!(!elsewhere.path().join("public").exists());

    let help = site.run(&["build", "--help"]).stdout();
    assert!(help.contains("current folder"), "{help}");
}
