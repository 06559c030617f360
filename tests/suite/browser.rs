//! The sample site in real headless Chromium, opened from disk: `browser/site.test.mjs`
//! (playwright-core driving Debian's chromium) crawls every page.
//!
//! It needs Node, `/usr/bin/chromium` (or `$CHROMIUM`) and `npm ci --prefix browser`; `.ci/run`
//! installs all three, so CI always runs it. On a machine without them the test says so and
//! passes, unless `BRIEFING_BROWSER_TESTS=1` demands it.

use std::path::Path;
use std::process::Command;

use crate::util::{repo_root, SiteTest};

#[test]
fn sample_site_works_in_a_real_browser_from_disk() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let script = repo_root().join("browser/site.test.mjs");
    let deps = repo_root().join("browser/node_modules/playwright-core");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let missing: Vec<&str> = [
        (!node).then_some("node"),
        (!Path::new(&chromium).exists()).then_some("chromium"),
        (!deps.exists()).then_some("browser/node_modules (npm ci --prefix browser)"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !missing.is_empty() {
        assert!(
            std::env::var_os("BRIEFING_BROWSER_TESTS").is_none(),
            "BRIEFING_BROWSER_TESTS is set but {missing:?} are missing"
        );
        eprintln!("browser test skipped: missing {missing:?} (see browser/README.md)");
        return;
    }
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let output = Command::new("node")
        .arg(&script)
        .arg(site.out())
        .env("CHROMIUM", &chromium)
        .env("BRIEFING_TITLE", "Kyrgyzstan Foreign Relations Briefing")
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "browser test failed:\n{stdout}\n{stderr}"
    );
}
