//! `briefing serve`: build into a temporary folder, serve it on 127.0.0.1, rebuild when
//! content, site.toml, templates, static files or themes change, and reload open pages.
//!
//! A thin loop over the library (mdBook's serve is the model, not Zola's): the watcher thread
//! rebuilds and bumps a version number; served HTML pages carry a small script (added to the
//! response only, never to built files) that polls the version and reloads, and shows the
//! error of a failed rebuild as an overlay. The last good site stays up while a build fails.

use std::net::TcpListener;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use briefing::config::{BuildOptions, Overrides};
use clap::Args as ClapArgs;
use notify::Watcher;

/// Serve the site locally with live reload.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Site root: the folder holding site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port on 127.0.0.1 (the next free one is used if it is taken).
    #[arg(long, short, default_value_t = 1111)]
    pub port: u16,
}

/// What the browser polls.
#[derive(Default)]
struct State {
    version: u64,
    error: Option<String>,
}

const RELOAD_SCRIPT: &str = r#"<script>(function(){var v=null;function tick(){fetch("/__briefing/state").then(function(r){return r.json()}).then(function(s){if(v!==null&&s.version!==v){location.reload();return}v=s.version;var o=document.getElementById("__briefing_error");if(s.error){if(!o){o=document.createElement("pre");o.id="__briefing_error";o.style.cssText="position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1em;background:#7f1d1d;color:#fff;font:14px monospace;z-index:99999;white-space:pre-wrap";document.body.appendChild(o)}o.textContent=s.error}else if(o){o.remove()}}).catch(function(){}).finally(function(){setTimeout(tick,500)})}tick()})();</script>"#;

/// Run the server until interrupted.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (listener, port) = bind(args.port)?;
    let site_dir = tempfile::Builder::new()
        .prefix("briefing-serve-")
        .tempdir()
        .context("creating a folder for the served site")?;
    // Ctrl-C (or a termination signal) removes the served copy before exiting.
    let served = site_dir.path().to_owned();
    ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&served);
        eprintln!("stopped");
        std::process::exit(0);
    })
    .context("setting up Ctrl-C handling")?;
    let output = site_dir.path().join("site");
    let base_url = format!("http://127.0.0.1:{port}/");
    let load = {
        let (output, root) = (output.clone(), args.root.clone());
        move || -> anyhow::Result<BuildOptions> {
            let overrides = Overrides {
                output_dir: Some(output.clone()),
                base_url: Some(base_url.clone()),
                ..Default::default()
            };
            Ok(BuildOptions::load(&root, overrides)?)
        }
    };
    let state = Arc::new(Mutex::new(State::default()));
    let rebuild = {
        let state = Arc::clone(&state);
        move || {
            let outcome =
                load().and_then(|opts| Ok(briefing::build(&opts, &briefing::NoProgress)?));
            let mut s = state.lock().expect("state lock");
            match outcome {
                // A save that changed nothing (or only what the site does not use) keeps
                // the open tabs as they are.
                Ok(report) if report.up_to_date && s.error.is_none() && s.version > 0 => return,
                Ok(report) => {
                    super::print_diagnostics(&report.diagnostics);
                    eprintln!(
                        "rebuilt: {} articles in {:.2} s",
                        report.articles, report.seconds
                    );
                    s.error = None;
                }
                Err(e) => {
                    let message = format!("{e:#}");
                    eprintln!("error: {message}");
                    s.error = Some(message);
                }
            }
            s.version += 1;
        }
    };
    rebuild();

    // Watch the site; rebuild after a short quiet period (editors write in bursts).
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            let _ = tx.send(event);
        }
    })
    .context("starting the file watcher")?;
    let root = args
        .root
        .canonicalize()
        .unwrap_or_else(|_| args.root.clone());
    watcher
        .watch(&root, notify::RecursiveMode::Recursive)
        .with_context(|| format!("watching `{}`", root.display()))?;
    // Not the site's sources: build outputs, the cache (written by every build), VCS.
    let mut ignored: Vec<PathBuf> = [
        "public",
        "target",
        ".git",
        ".briefing-cache",
        "node_modules",
    ]
    .map(|d| root.join(d))
    .into();
    if let Ok(config) = briefing::config::SiteConfig::load(&root) {
        let config = config.unwrap_or_default();
        ignored.extend([root.join(&config.cache_dir), root.join(&config.output_dir)]);
    }
    std::thread::spawn(move || {
        let _watcher = watcher; // keep it alive
        while let Ok(event) = rx.recv() {
            let relevant = |e: &notify::Event| {
                e.paths
                    .iter()
                    .any(|p| !ignored.iter().any(|i| p.starts_with(i)))
            };
            if !relevant(&event) {
                continue;
            }
            while rx.recv_timeout(Duration::from_millis(150)).is_ok() {}
            rebuild();
        }
    });

    eprintln!(
        "serving {} at http://127.0.0.1:{port}/ (Ctrl-C to stop)",
        args.root.display()
    );
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| anyhow::anyhow!("starting the server: {e}"))?;
    for request in server.incoming_requests() {
        let response = respond(request.url(), &output, &state);
        let _ = request.respond(response);
    }
    Ok(ExitCode::SUCCESS)
}

/// Bind 127.0.0.1:`port`, or the next free port (port 0 picks any).
fn bind(port: u16) -> anyhow::Result<(TcpListener, u16)> {
    let candidates: Vec<u16> = if port == 0 {
        vec![0]
    } else {
        (port..port.saturating_add(20)).collect()
    };
    for p in candidates {
        if let Ok(listener) = TcpListener::bind(("127.0.0.1", p)) {
            let port = listener.local_addr()?.port();
            return Ok((listener, port));
        }
    }
    anyhow::bail!(
        "no free port from {port} to {}; choose one with --port",
        port.saturating_add(19)
    )
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn respond(url: &str, output: &Path, state: &Mutex<State>) -> Response {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == "/__briefing/state" {
        let s = state.lock().expect("state lock");
        let body = serde_json::json!({ "version": s.version, "error": s.error }).to_string();
        return with_type(
            tiny_http::Response::from_data(body.into_bytes()),
            "application/json",
        );
    }
    let Some(file) = resolve(output, path) else {
        return not_found(output);
    };
    match std::fs::read(&file) {
        Ok(bytes) => {
            let kind = content_type(&file);
            let bytes = if kind.starts_with("text/html") {
                inject(bytes)
            } else {
                bytes
            };
            with_type(tiny_http::Response::from_data(bytes), kind)
        }
        Err(_) => not_found(output),
    }
}

/// The file a URL path names inside the site, or `None` (never outside it).
fn resolve(output: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = output.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn not_found(output: &Path) -> Response {
    let body = std::fs::read(output.join("404.html"))
        .map(inject)
        .unwrap_or_else(|_| b"not found".to_vec());
    with_type(
        tiny_http::Response::from_data(body),
        "text/html; charset=utf-8",
    )
    .with_status_code(404)
}

/// The live-reload script goes before `</body>` of served pages only.
fn inject(mut html: Vec<u8>) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(at..at, RELOAD_SCRIPT.bytes());
    html
}

fn with_type(response: Response, kind: &str) -> Response {
    let header =
        tiny_http::Header::from_bytes(&b"Content-Type"[..], kind.as_bytes()).expect("valid header");
    response.with_header(header)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_site() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "x").unwrap();
        assert_eq!(
            resolve(dir.path(), "/a/"),
            Some(dir.path().join("a/index.html"))
        );
        assert_eq!(
            resolve(dir.path(), "/a/%69ndex.html"),
            Some(dir.path().join("a/index.html"))
        );
        for bad in ["/../etc/passwd", "/a/../../x", "/%2e%2e/x", "/missing"] {
            assert_eq!(resolve(dir.path(), bad), None, "{bad}");
        }
    }

    #[test]
    fn reload_script_is_injected_before_body_end() {
        let html = inject(b"<html><body><p>x</p></body></html>".to_vec());
        let text = String::from_utf8(html).unwrap();
        assert!(
            text.contains("__briefing/state") && text.ends_with("</script></body></html>"),
            "{text}"
        );
    }
}
