//! Dates no article can have: a typo such as `9999-12-31` or `0202-01-05` would otherwise
//! top the home page and open a `months/9999-12` page. The window is the site's
//! (`earliest_date`, `latest_date`), so it is applied after ingest, whose results are cached
//! per file whatever the configuration.

use chrono::NaiveDate;

use super::Article;
use crate::diag::Diagnostic;

/// Drop `article`'s date (it is then listed under Undated) when it falls outside
/// `earliest..=latest`, and say so.
pub fn check_date(
    article: &mut Article,
    earliest: NaiveDate,
    latest: NaiveDate,
) -> Option<Diagnostic> {
    let date = article.date?;
    if (earliest..=latest).contains(&date) {
        return None;
    }
    article.date = None;
    article.date_origin = None;
    article.time = None;
    Some(
        Diagnostic::warning(
            &article.source,
            "implausible-date",
            format!(
                "the date {date} is outside the plausible window {earliest} to {latest}; listed under Undated"
            ),
        )
        .with_hint("correct the date, or widen `earliest_date` / `latest_date` in site.toml"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_outside_the_window_are_dropped_with_a_warning() {
        let (from, to) = (ymd(1900, 1, 1), ymd(2100, 12, 31));
        let mut article = Article::for_test("T", &["Body."]);
        article.date = Some(ymd(2026, 2, 4));
        assert!(check_date(&mut article, from, to).is_none());
        assert_eq!(article.date, Some(ymd(2026, 2, 4)));
        for bad in [ymd(9999, 12, 31), ymd(202, 1, 5)] {
            article.date = Some(bad);
            let d = check_date(&mut article, from, to).expect("a warning");
            assert_eq!(d.code, "implausible-date");
            assert!(d.message.contains(&bad.to_string()), "{}", d.message);
            assert_eq!(article.date, None);
        }
        // The bounds themselves are plausible.
        article.date = Some(to);
        assert!(check_date(&mut article, from, to).is_none());
    }
}
