//! `briefing serve` for real: start it on a free port, fetch pages, change the site, and see
//! the rebuilt page, the reload signal and the error overlay's message.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::SiteTest;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Some((status, body))
}

/// Poll until `check` holds (the server rebuilds in the background); fail after a minute.
fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    let started = Instant::now();
    while !check() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn state(port: u16) -> serde_json::Value {
    let (_, body) = get(port, "/__briefing/state").expect("state endpoint");
    serde_json::from_str(&body).expect("state is JSON")
}

#[test]
fn serve_rebuilds_on_change_signals_reload_and_reports_errors() {
    let site = SiteTest::sample();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let tmp = tempfile::tempdir().unwrap();
    let child = Command::new(assert_cmd::cargo::cargo_bin("briefing"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .env_remove("NO_COLOR")
        .env("TMPDIR", tmp.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let mut server = Server(child);

    wait_for("the first page", || {
        get(port, "/").is_some_and(|(s, _)| s == 200)
    });
    let (_, home) = get(port, "/").unwrap();
    assert!(
        home.contains("__briefing/state"),
        "live-reload script injected into served pages"
    );
    assert_eq!(get(port, "/partners/us/").unwrap().0, 200);
    assert_eq!(get(port, "/../site.toml").map(|r| r.0), Some(404));
    assert!(!site.out().exists(), "serve never writes public/");
    let first = state(port)["version"].as_u64().unwrap();

    site.write("content/serve-test.md", "+++\ntitle = \"Serve test article\"\ndate = 2026-03-01\n+++\nOfficials met in Bishkek to discuss trade, the ministry said.\n");
    wait_for("a rebuild", || {
        state(port)["version"].as_u64().unwrap() > first
    });
    wait_for("the new article", || {
        get(port, "/").is_some_and(|(_, b)| b.contains("Serve test article"))
    });

    site.write("templates/article.html", "{% if %}");
    wait_for("the template error", || {
        state(port)["error"]
            .as_str()
            .is_some_and(|e| e.contains("article.html"))
    });
    assert_eq!(
        get(port, "/").unwrap().0,
        200,
        "the last good site stays up"
    );
    std::fs::remove_file(site.root().join("templates/article.html")).unwrap();
    wait_for("recovery", || state(port)["error"].is_null());

    // Ctrl-C (SIGINT) exits cleanly and removes the served copy.
    assert!(std::fs::read_dir(tmp.path()).unwrap().next().is_some());
    let pid = server.0.id().to_string();
    assert!(Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    let status = server.0.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
