//! Killed builds (issues 16 and 17): a build stopped at any moment, including between the
//! steps of the output swap, never leaves the output folder missing, half-written or mixed;
//! the next build repairs what the killed one left, succeeds, and its cache is not poisoned.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use crate::util::{assert_same_tree, snapshot_tree, SiteTest};

/// The files of `dir` a build wrote (not the publisher's kept `.git` and `CNAME`).
fn built_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut tree = snapshot_tree(dir);
    tree.retain(|k, _| !k.starts_with(".git/") && k != "CNAME");
    tree
}

fn spawn_build(site: &SiteTest, env: &[(&str, &str)], extra: &[&str]) -> Child {
    let mut cmd = Command::cargo_bin("briefing").expect("the briefing binary is built");
    cmd.current_dir(site.root())
        .arg("build")
        .args(extra)
        .env_remove("BRIEFING_LOG")
        .env_remove("BRIEFING_TEST_SWAP_PAUSE")
        .env_remove("BRIEFING_TEST_NO_EXCHANGE")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().expect("start a build")
}

fn wait_for(path: &Path, child: &mut Child) {
    let start = Instant::now();
    while !path.exists() {
        if let Some(status) = child.try_wait().expect("poll the build") {
            panic!(
                "the build ended ({status}) before reaching {}",
                path.display()
            );
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the build never reached {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn publisher_files(site: &SiteTest) {
    site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n")
        .write("public/CNAME", "digest.example.org\n");
}

fn assert_publisher_files(site: &SiteTest) {
    assert_eq!(site.read("CNAME"), "digest.example.org\n");
    assert_eq!(site.read(".git/HEAD"), "ref: refs/heads/gh-pages\n");
}

/// Add or remove one article, so the next build's output differs from what is on disk.
fn toggle_article(site: &SiteTest, on: bool) {
    let path = site.root().join("content/zz-toggle.md");
    if on {
        site.write(
            "content/zz-toggle.md",
            "+++\ntitle = \"Kyrgyzstan and Japan sign a water accord\"\ndate = 2025-11-30\npartners = [\"jp\"]\n+++\nBishkek and Tokyo signed an accord on water management on Sunday.\n",
        );
    } else {
        let _ = fs::remove_file(path);
    }
}

/// Stop a build at each step of the swap, look at the output, kill the build there, and
/// check that the output is the whole old site or the whole new one, with the publisher's
/// files back after the next build and nothing left beside it.
#[test]
fn a_build_killed_between_the_swap_steps_leaves_a_complete_output() {
    let site = SiteTest::sample();
    site.write("public/.nojekyll", "");
    publisher_files(&site);
    site.build_ok(&[]);
    let mut current = built_tree(&site.out());
    let mut on = false;
    let steps: &[&str] = if cfg!(target_os = "linux") {
        &["staged", "kept", "exchanged"]
    } else {
        &["staged", "kept"]
    };
    for step in steps {
        on = !on;
        toggle_article(&site, on);
        let mut child = spawn_build(&site, &[("BRIEFING_TEST_SWAP_PAUSE", step)], &[]);
        let marker = site.root().join(format!("public.paused-{step}"));
        wait_for(&marker, &mut child);
        let during = built_tree(&site.out());
        child.kill().expect("kill the build");
        child.wait().expect("reap the build");
        fs::remove_file(&marker).expect("remove the marker");
        assert_eq!(
            during,
            built_tree(&site.out()),
            "the output moved after the kill"
        );
        // The next build finishes the job and leaves nothing behind.
        let run = site.build_ok(&[]);
        let after = built_tree(&site.out());
        assert_publisher_files(&site);
        assert!(site.litter().is_empty(), "left behind: {:?}", site.litter());
        if *step == "exchanged" {
            assert_same_tree(&after, &during);
        } else {
            assert_same_tree(&current, &during);
            assert!(
                run.stderr().contains("interrupted build"),
                "no message about the repair:\n{}",
                run.stderr()
            );
        }
        assert_ne!(current, after, "the toggled article changed nothing");
        current = after;
    }
}

/// Where the atomic exchange is not available, a kill between the two renames leaves no
/// output folder; the next build start puts the previous site back before anything else.
#[test]
fn the_two_rename_fallback_is_repaired_at_the_next_build() {
    let site = SiteTest::sample();
    site.write("public/.nojekyll", "");
    publisher_files(&site);
    site.build_ok(&[]);
    let before = built_tree(&site.out());
    toggle_article(&site, true);
    let env = [
        ("BRIEFING_TEST_SWAP_PAUSE", "aside"),
        ("BRIEFING_TEST_NO_EXCHANGE", "1"),
    ];
    let mut child = spawn_build(&site, &env, &[]);
    let marker = site.root().join("public.paused-aside");
    wait_for(&marker, &mut child);
    child.kill().expect("kill the build");
    child.wait().expect("reap the build");
    fs::remove_file(&marker).expect("remove the marker");
    assert!(
        !site.out().exists(),
        "the fallback's window is where this test stops"
    );
    // `check` does not write, but a build repairs first: the old site is back even if this
    // build then fails (here it succeeds).
    let run = site.build_ok(&[]);
    let stderr = run.stderr();
    assert!(stderr.contains("restored"), "{stderr}");
    assert!(stderr.contains("interrupted build"), "{stderr}");
    assert_publisher_files(&site);
    assert!(site.litter().is_empty(), "left behind: {:?}", site.litter());
    assert_ne!(before, built_tree(&site.out()));
    // The fallback path on its own swaps correctly too.
    toggle_article(&site, false);
    let status = spawn_build(&site, &[("BRIEFING_TEST_NO_EXCHANGE", "1")], &[])
        .wait()
        .expect("build");
    assert!(status.success());
    assert_same_tree(&before, &built_tree(&site.out()));
    assert_publisher_files(&site);
    assert!(site.litter().is_empty(), "left behind: {:?}", site.litter());
}

/// A small deterministic generator (xorshift), so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const PARTNERS: [(&str, &str); 10] = [
    ("cn", "China"),
    ("ru", "Russia"),
    ("us", "the United States"),
    ("kz", "Kazakhstan"),
    ("uz", "Uzbekistan"),
    ("tr", "Turkey"),
    ("de", "Germany"),
    ("jp", "Japan"),
    ("in", "India"),
    ("pk", "Pakistan"),
];

/// A 300-article site (Markdown with front matter), deterministic for a seed.
fn big_site(rng: &mut Rng) -> SiteTest {
    let site = SiteTest::sample();
    fs::remove_dir_all(site.root().join("content")).expect("clear content");
    for i in 0..300 {
        let (a_id, a) = PARTNERS[rng.below(PARTNERS.len() as u64) as usize];
        let (b_id, b) = PARTNERS[rng.below(PARTNERS.len() as u64) as usize];
        let month = 1 + i % 12;
        let day = 1 + rng.below(28);
        let body: String = (0..8)
            .map(|p| {
                format!(
                    "Officials of Kyrgyzstan and {a} met in Bishkek on day {day} to discuss \
                     project {i}-{p}, worth ${} million, and its schedule. The delegation of {b} \
                     joined the talks on transport, energy and trade.\n\n",
                    10 + rng.below(900)
                )
            })
            .collect();
        site.write(
            &format!("content/a{i:03}.md"),
            format!(
                "+++\ntitle = \"Kyrgyzstan and {a} agree on project {i}\"\ndate = 2024-{month:02}-{day:02}\npartners = [\"{a_id}\", \"{b_id}\"]\n+++\n{body}"
            ),
        );
    }
    site
}

/// Issue 16 item 7: at least 50 SIGKILLs at random moments of builds of a 300-article site
/// into an output folder holding a good build. After each kill the output is the whole
/// previous site or the whole new one (never missing, half-written or mixed), and the next
/// build succeeds and leaves nothing behind. At the end, the cached build's output equals a
/// build from scratch: the kills did not poison the cache.
#[test]
fn random_kills_never_break_the_output_or_the_cache() {
    let seed = std::env::var("BRIEFING_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x005e_ed17_u64);
    let mut rng = Rng(seed);
    let site = big_site(&mut rng);
    site.write("public/.nojekyll", "");
    publisher_files(&site);
    let start = Instant::now();
    site.build_ok(&[]);
    // Builds after an edit redo one article and rewrite the pages; time one to aim the kills.
    site.write(
        "content/a000.md",
        fs::read(site.root().join("content/a000.md")).unwrap(),
    );
    let timed = Instant::now();
    site.build_ok(&[]);
    let span = timed.elapsed().as_millis().max(50) as u64;
    let mut good = built_tree(&site.out());
    let (mut kills, mut finished, mut repaired) = (0, 0, 0);
    let mut round = 0u64;
    while kills < 50 {
        round += 1;
        assert!(
            round < 400,
            "only {kills} kills landed in {round} rounds (seed {seed})"
        );
        // Change one article, so the build has real work to write.
        let i = rng.below(300);
        let path = site.root().join(format!("content/a{i:03}.md"));
        let mut text = fs::read_to_string(&path).expect("read article");
        text.push_str(&format!(
            "\nA further meeting took place in round {round}.\n"
        ));
        fs::write(&path, text).expect("edit article");
        let mut child = spawn_build(&site, &[], &[]);
        std::thread::sleep(Duration::from_millis(rng.below(span + span / 5)));
        let killed = child.try_wait().expect("poll").is_none();
        if killed {
            child.kill().expect("kill");
        }
        let status = child.wait().expect("reap");
        let after_kill = built_tree(&site.out());
        // The next build repairs and completes.
        let run = site.build_ok(&[]);
        if run.stderr().contains("interrupted build") {
            repaired += 1;
        }
        let next = built_tree(&site.out());
        assert!(site.litter().is_empty(), "left behind: {:?}", site.litter());
        assert_publisher_files(&site);
        if killed {
            kills += 1;
            // Killed before the swap: the previous site; after it: the new one, whole.
            assert!(
                after_kill == good || after_kill == next,
                "kill {kills} (seed {seed}) left an output that is neither the previous nor the next build"
            );
        } else {
            assert!(status.success(), "an unkilled build failed: {status}");
            finished += 1;
        }
        good = next;
    }
    // The cache survived every kill: a build from scratch writes the same site.
    let status = spawn_build(&site, &[], &["--no-cache", "--output", "scratch"])
        .wait()
        .expect("build from scratch");
    assert!(status.success());
    assert_same_tree(&good, &built_tree(&site.root().join("scratch")));
    eprintln!(
        "{kills} kills ({repaired} repaired leftovers), {finished} builds finished first, \
         build span {span} ms, {:.1} s in all",
        start.elapsed().as_secs_f64()
    );
}
