//! `briefing new "Title"`: a dated article with its front matter filled in.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use briefing::config::{BuildOptions, Overrides};
use briefing::digest::Slug;
use chrono::NaiveDate;
use clap::Args as ClapArgs;

/// Write a new Markdown article into the content folder (never overwriting) and print its path.
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// The article's title.
    pub title: String,
    /// Publication date (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub date: Option<NaiveDate>,
    /// A partner (id or name); repeat for several. Detected from the text when omitted.
    #[arg(long = "partner", value_name = "PARTNER")]
    pub partners: Vec<String>,
    /// Site root: the folder holding site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Run new.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = BuildOptions::load(&args.root, Overrides::default())
        .with_context(|| format!("loading the site at `{}`", args.root.display()))?;
    let title = args.title.trim();
    anyhow::ensure!(!title.is_empty(), "the title is empty");
    let date = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let path = opts
        .content_dir
        .join(format!("{date}-{}.md", Slug::from_text(title)));
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let partners: Vec<String> = args.partners.iter().map(|p| quote(p)).collect();
    let text = format!(
        "+++\ntitle = {}\ndate = {date}\npartners = [{}]\nsource = \"\"\nurl = \"\"\n+++\n\n",
        quote(title),
        partners.join(", ")
    );
    super::init::write_new(&path, &text)?;
    println!("{}", path.display());
    // Until it has a body, builds skip it (with an `empty-body` warning): say so now.
    eprintln!(
        "write or paste the article's text below the front matter; until then builds skip it"
    );
    Ok(ExitCode::SUCCESS)
}
