//! Per-file problems that do not stop a build.
//!
//! A clipping with no date or a partner name nobody knows is not a reason to lose the other
//! 999 articles: stages record a [`Diagnostic`] and degrade that one article. Only the CLI prints
//! them (sorted, one per line, rustc style); `--strict` turns warnings into a failed exit.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The output is degraded but still produced (`--strict` makes it fail).
    Warning,
    /// The file (or the build) could not be handled.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem, tied to a file (and a line when known).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// The file concerned, as the user knows it (relative to the site root when possible).
    pub path: PathBuf,
    /// 1-based line number, when known.
    pub line: Option<u32>,
    /// Stable kebab-case code (`no-date`, `bad-front-matter`, ...), for tests and filters.
    /// (A `Cow` so diagnostics can be read back from the build cache.)
    pub code: Cow<'static, str>,
    /// What went wrong, lower case, no trailing period.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A warning about `path`.
    pub fn warning(
        path: impl Into<PathBuf>,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, path, code, message)
    }

    /// An error about `path`.
    pub fn error(path: impl Into<PathBuf>, code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, code, message)
    }

    fn new(
        severity: Severity,
        path: impl Into<PathBuf>,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            path: path.into(),
            line: None,
            code: Cow::Borrowed(code),
            message: message.into(),
            hint: None,
        }
    }

    /// Attach a 1-based line number.
    pub fn at_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    /// Attach a hint saying what to do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    fn sort_key(&self) -> (&Path, Option<u32>, &str, &str) {
        (&self.path, self.line, &self.code, &self.message)
    }
}

impl Diagnostic {
    /// `path` or `path:line`, with control characters escaped (see [`printable`]).
    pub fn location(&self) -> String {
        let path = self.path.display().to_string();
        match self.line {
            Some(line) => format!("{}:{line}", printable(&path)),
            None => printable(&path).into_owned(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `content/a.txt:3: warning[no-date]: message` then `  = hint: ...`; one line each
    /// whatever the file name or quoted value holds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.location(),
            self.severity,
            self.code,
            printable(&self.message)
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {}", printable(hint))?;
        }
        Ok(())
    }
}

/// `text` safe to print on one terminal line: control characters (newlines, escape
/// sequences that would recolour or rewrite the terminal), line and paragraph separators and
/// bidirectional overrides in a file name or a quoted front-matter value are shown escaped
/// (`\n`, `\u{1b}`) instead of acting.
pub fn printable(text: &str) -> Cow<'_, str> {
    let acts = |c: char| {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `1 warning`, `2 warnings`: a count with its noun (regular English plurals only).
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// A collection of diagnostics, kept sorted on demand.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Record one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Take over all of `other`'s diagnostics.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// Sort by (path, line, code, message) so output is stable whatever the thread order.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0.dedup();
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterate in the current order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// `"2 errors, 5 warnings"`, or `None` when there is nothing to say.
    pub fn tally(&self) -> Option<String> {
        match (self.errors(), self.warnings()) {
            (0, 0) => None,
            (0, w) => Some(plural(w, "warning")),
            (e, 0) => Some(plural(e, "error")),
            (e, w) => Some(format!("{}, {}", plural(e, "error"), plural(w, "warning"))),
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_short_form_with_hint() {
        let d = Diagnostic::warning("content/a.txt", "no-date", "no date found")
            .at_line(3)
            .with_hint("add ` date YYYY-MM-DD` on the first line");
        assert_eq!(
            d.to_string(),
            "content/a.txt:3: warning[no-date]: no date found\n  = hint: add ` date YYYY-MM-DD` on the first line"
        );
    }

    #[test]
    fn file_names_and_values_cannot_break_the_line_or_drive_the_terminal() {
        let d = Diagnostic::warning("content/a\nb.md", "bad-url", "`url` is `x\ny\u{1b}[31m`")
            .at_line(2)
            .with_hint("fix\u{202E}it");
        let shown = d.to_string();
        assert_eq!(shown.lines().count(), 2, "{shown}");
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{202E}'));
        assert!(
            shown.starts_with("content/a\\nb.md:2: warning[bad-url]: `url` is `x\\ny\\u{1b}[31m`")
        );
        assert_eq!(printable("plain ünïcode"), Cow::Borrowed("plain ünïcode"));
    }

    #[test]
    fn sorted_by_path_then_line_and_tallied() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::error("b.md", "x", "late"));
        all.push(Diagnostic::warning("a.md", "y", "second").at_line(9));
        all.push(Diagnostic::warning("a.md", "y", "first").at_line(2));
        all.sort();
        let order: Vec<_> = all.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(order, ["first", "second", "late"]);
        assert_eq!(all.tally().as_deref(), Some("1 error, 2 warnings"));
        assert_eq!(Diagnostics::new().tally(), None);
    }
}
