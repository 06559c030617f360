//! `briefing init DIR`: a new, working site.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use briefing::render::theme::DEFAULT_THEME;
use clap::Args as ClapArgs;

/// The commented site.toml a new site starts with (a test checks it parses and is complete).
pub const SITE_TEMPLATE: &str = include_str!("site.toml.template");
/// The GitHub Pages workflow of a new site (CI runs actionlint on what `init` writes).
const PAGES_WORKFLOW: &str = include_str!("pages.yml.template");

/// Create a new site: site.toml, an example article, a .gitignore and a GitHub Pages
/// workflow.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Folder of the new site (created if missing; must not hold a site.toml).
    pub dir: PathBuf,
    /// Also copy the built-in theme into themes/default/ for editing.
    #[arg(long)]
    pub theme_eject: bool,
}

/// Run init.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = &args.dir;
    if dir.join(briefing::config::CONFIG_FILE).exists() {
        bail!(
            "`{}` already holds a site.toml; choose a new folder",
            dir.display()
        );
    }
    let title = dir
        .canonicalize()
        .ok()
        .or_else(|| Some(dir.clone()))
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| !n.is_empty() && n != ".")
        .unwrap_or_else(|| "Briefing".into());
    let title = title.replace(['"', '\\'], "");
    write_new(
        &dir.join("site.toml"),
        &SITE_TEMPLATE.replace("{title}", &title),
    )?;
    write_new(&dir.join(".gitignore"), "/public/\n/.briefing-cache/\n")?;
    write_new(
        &dir.join(".github/workflows/pages.yml"),
        &PAGES_WORKFLOW.replace("{version}", env!("CARGO_PKG_VERSION")),
    )?;
    let today = chrono::Local::now().date_naive();
    let example = format!(
        "+++\ntitle = \"Welcome to your briefing digest\"\ndate = {today}\npartners = []   # ids or names: \"cn\", \"Russia\"; detected when empty\n+++\n\n\
         Put articles in this folder: Markdown like this one, `.txt` clippings pasted from news\n\
         sites (start them with ` date YYYY-MM-DD`), or `.html` pages saved from a browser.\n\n\
         Then run `briefing build` and open `public/index.html`.\n"
    );
    write_new(
        &dir.join("content").join(format!("{today}-welcome.md")),
        &example,
    )?;
    if args.theme_eject {
        eject(&DEFAULT_THEME, &dir.join("themes/default"))?;
    }
    eprintln!(
        "created a site in `{}`{}\nnext: cd {} && briefing build   (then open public/index.html)",
        dir.display(),
        if args.theme_eject {
            " with the theme in themes/default/"
        } else {
            ""
        },
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Write a file that must not exist yet.
pub fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).with_context(|| format!("creating `{}`", parent.display()))?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("creating `{}` (it must not exist yet)", path.display()))?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .with_context(|| format!("writing `{}`", path.display()))
}

fn eject(dir: &include_dir::Dir<'static>, to: &Path) -> anyhow::Result<()> {
    for file in dir.files() {
        let path = to.join(file.path());
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("creating `{}`", parent.display()))?;
        }
        fs::write(&path, file.contents())
            .with_context(|| format!("writing `{}`", path.display()))?;
    }
    for sub in dir.dirs() {
        eject(sub, to)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_parses_and_documents_every_key() {
        let text = SITE_TEMPLATE.replace("{title}", "X");
        let config = briefing::config::SiteConfig::parse(&text, Path::new("site.toml")).unwrap();
        assert_eq!(config.title, "X");
        let defaults = toml::Value::try_from(briefing::config::SiteConfig::default()).unwrap();
        for key in defaults.as_table().unwrap().keys() {
            let documented = text.lines().any(|l| {
                let l = l.trim_start_matches(['#', ' ']);
                l.starts_with(&format!("{key} =")) || l.starts_with(&format!("[{key}]"))
            });
            assert!(documented, "`{key}` missing from the init template");
        }
    }
}
