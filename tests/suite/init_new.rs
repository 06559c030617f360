//! `briefing init` makes a site that builds and checks clean; `briefing new` writes a dated
//! article and never overwrites one.

use crate::util::SiteTest;

#[test]
fn init_then_new_then_build_and_strict_check() {
    let tmp = SiteTest::empty();
    tmp.run(&["init", "digest", "--theme-eject"]).assert_code(0);
    let site = tmp.root().join("digest");
    for file in [
        "site.toml",
        ".gitignore",
        ".github/workflows/pages.yml",
        "themes/default/templates/article.html",
        "themes/default/static/style.css",
    ] {
        assert!(site.join(file).is_file(), "{file} missing");
    }
    // The Pages workflow installs this version, passes the Pages URL to --base-url, and
    // (where CI provides actionlint) lints clean.
    let workflow = site.join(".github/workflows/pages.yml");
    let text = std::fs::read_to_string(&workflow).unwrap();
    for needle in [
        "actions/configure-pages@",
        "actions/deploy-pages@",
        "--base-url \"$BASE_URL\"",
        ".briefing-cache",
        concat!("BRIEFING_VERSION: \"", env!("CARGO_PKG_VERSION"), "\""),
    ] {
        assert!(text.contains(needle), "{needle} missing from the workflow");
    }
    if let Some(actionlint) = std::env::var_os("ACTIONLINT") {
        let out = std::process::Command::new(actionlint)
            .arg(&workflow)
            .output()
            .expect("run actionlint");
        assert!(
            out.status.success(),
            "actionlint: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let run = tmp.run(&[
        "new",
        "Kyrgyzstan and Uzbekistan sign a transit deal",
        "--date",
        "2026-03-01",
        "--partner",
        "uz",
        "--root",
        "digest",
    ]);
    run.assert_code(0);
    let path = run.stdout().trim().to_owned();
    assert!(
        path.ends_with("content/2026-03-01-kyrgyzstan-and-uzbekistan-sign-a-transit-deal.md"),
        "{path}"
    );
    let article = tmp.root().join(&path);
    let text = std::fs::read_to_string(&article).unwrap();
    assert!(
        text.contains("date = 2026-03-01") && text.contains("partners = [\"uz\"]"),
        "{text}"
    );
    std::fs::write(
        &article,
        format!("{text}Officials signed the agreement in Tashkent on Monday, the ministry said.\n"),
    )
    .unwrap();

    // Never overwrite.
    let again = tmp.run(&[
        "new",
        "Kyrgyzstan and Uzbekistan sign a transit deal",
        "--date",
        "2026-03-01",
        "--root",
        "digest",
    ]);
    again.assert_code(2);
    assert!(std::fs::read_to_string(&article)
        .unwrap()
        .contains("Officials signed"));

    tmp.run(&["build", "--root", "digest"]).assert_code(0);
    assert!(site.join("public/partners/uz/index.html").is_file());
    tmp.run(&["check", "--strict", "--root", "digest"])
        .assert_code(0);
    // A second init into the same folder is refused.
    tmp.run(&["init", "digest"]).assert_code(2);
}
