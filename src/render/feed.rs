//! Atom feeds and the sitemap: the only places with absolute URLs, as their standards require.
//! Written directly (not through templates) so they are always well-formed XML.

use std::fmt::Write;

use chrono::{NaiveDate, NaiveTime};

use crate::digest::{Digest, PageDir};

/// Escape text for XML.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 3339 timestamp of an article: midnight UTC when it has no time; with a time, the
/// offset is unknown (a clipping's time is the source's local time), which RFC 3339 §4.3
/// writes as `-00:00`.
fn timestamp(date: NaiveDate, time: Option<NaiveTime>) -> String {
    match time {
        Some(t) => format!("{}T{}-00:00", date.format("%Y-%m-%d"), t.format("%H:%M:%S")),
        None => format!("{}T00:00:00Z", date.format("%Y-%m-%d")),
    }
}

/// A feed of `items` (newest first). `self_path` is the feed's own path, `page` the HTML page
/// it belongs to. `updated` is the newest article's date, never the clock, so feeds are
/// reproducible.
pub fn atom(
    digest: &Digest,
    items: &[usize],
    title: &str,
    self_path: &str,
    page: &PageDir,
    base_url: &str,
    limit: usize,
) -> String {
    let dated: Vec<usize> = items
        .iter()
        .copied()
        .filter(|&i| digest.items[i].article.date.is_some())
        .take(limit)
        .collect();
    let updated = dated
        .first()
        .map(|&i| {
            let a = &digest.items[i].article;
            timestamp(a.date.expect("dated"), a.time)
        })
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
    let mut xml = String::new();
    let page_url = page.absolute(base_url);
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{updated}</updated>\n  <generator>briefing</generator>\n",
        xml_escape(title),
        xml_escape(&page_url),
        xml_escape(base_url),
        xml_escape(self_path),
        xml_escape(&page_url),
    );
    for i in dated {
        let item = &digest.items[i];
        let a = &item.article;
        let url = item.dir.absolute(base_url);
        let stamp = timestamp(a.date.expect("dated"), a.time);
        let _ = write!(
            xml,
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <published>{stamp}</published>\n    <updated>{stamp}</updated>\n    <author><name>{}</name></author>\n",
            xml_escape(&a.title),
            xml_escape(&url),
            xml_escape(&url),
            xml_escape(a.source_name.as_deref().unwrap_or("unknown")),
        );
        for partner in &item.analysis.partners {
            let _ = writeln!(
                xml,
                "    <category term=\"{}\"/>",
                xml_escape(partner.as_str())
            );
        }
        let summary = item.analysis.summary.join(" ");
        let _ = write!(
            xml,
            "    <summary xml:lang=\"{}\">{}</summary>\n  </entry>\n",
            item.analysis.language,
            xml_escape(&summary)
        );
    }
    xml.push_str("</feed>\n");
    xml
}

/// `sitemap.xml`: every page with its absolute URL; article pages carry their date.
pub fn sitemap(entries: &[(String, Option<NaiveDate>)]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (url, date) in entries {
        let _ = write!(xml, "  <url><loc>{}</loc>", xml_escape(url));
        if let Some(date) = date {
            let _ = write!(xml, "<lastmod>{}</lastmod>", date.format("%Y-%m-%d"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(xml_escape("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }
}
