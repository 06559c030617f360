//! What readers see on the list and article pages (issue 17, issue 16 item 1): paged lists
//! with relative links, month pages that show each article once, whole headlines without
//! repeats, cards made for scanning, folded key figures, images as links.
//!
//! The sites are generated here (deterministically) so the lists are long enough to page and
//! span several years; `generated_site` is shared with the browser test.

use std::collections::{BTreeMap, BTreeSet};

use crate::util::{sel, SiteTest};

/// A small deterministic generator (xorshift), so a site can be rebuilt from its seed.
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

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Partner ids and names, the first much more frequent than the last (as in real news).
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

const TOPICS: [&str; 8] = [
    "a new railway line to the border",
    "wheat and flour exports",
    "a hydropower plant on the Naryn river",
    "visa-free travel for students",
    "joint customs checkpoints",
    "a loan for rural roads",
    "direct flights between the capitals",
    "cooperation against drug trafficking",
];

const SENTENCES: [&str; 10] = [
    "The ministers signed a memorandum that sets out the next steps and names the agencies responsible for each of them.",
    "Officials said the first stage would be financed from the state budget, with private investors expected to join later.",
    "Experts note that trade between the two countries has grown steadily over the past five years despite higher transport costs.",
    "The talks also touched on the situation in the region and on coordination within international organisations.",
    "A working group will meet every quarter to review progress and report to both governments.",
    "Farmers and exporters welcomed the decision, saying that new markets would help them plan the next season.",
    "The agreement still has to be ratified by parliament, which is expected to debate it in the spring session.",
    "Local authorities promised to simplify the paperwork for companies taking part in the project.",
    "The delegation visited an industrial park outside the capital and met representatives of the business community.",
    "Both sides stressed that the project would create jobs in the regions and improve living standards.",
];

/// A site of `n` articles (Markdown with front matter) spread over three years (2023-2025),
/// one to three partners each, 350-500 words, deterministic for `seed`. Every seventh
/// article has no title, so its headline is made from a lead sentence longer than 100
/// characters. With `hostile`, titles, sources and bodies carry unbroken tokens (a 300-letter
/// word, a long URL, a hash) and a remote image, which must neither widen nor hot-link a page.
pub(crate) fn generated_site(n: usize, seed: u64, hostile: bool) -> SiteTest {
    let mut rng = Rng(seed.max(1));
    let site = SiteTest::empty();
    site.write(
        "site.toml",
        "title = \"Generated Briefing\"\nbase_url = \"https://example.org/briefing/\"\nhome_country = \"kg\"\n",
    );
    for i in 0..n {
        // Skewed: China and Russia in most articles, Pakistan in few.
        let first = (rng.below(10) * rng.below(10) / 9) as usize;
        let mut partners = vec![PARTNERS[first]];
        for _ in 0..rng.below(3) {
            let p = *rng.pick(&PARTNERS);
            if !partners.contains(&p) {
                partners.push(p);
            }
        }
        let year = 2023 + (i * 3 / n.max(1)) as u32;
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let topic = rng.pick(&TOPICS);
        let names: Vec<&str> = partners.iter().map(|(_, name)| *name).collect();
        let ids: Vec<String> = partners.iter().map(|(id, _)| format!("\"{id}\"")).collect();
        let with = names.join(" and ");
        let lead = format!(
            "Kyrgyzstan and {with} agreed on {topic} during talks in Bishkek on day {day}, \
             a step both sides described as the most important in their relations this year."
        );
        let mut body = vec![lead.clone()];
        for p in 0..6 {
            let mut paragraph = Vec::new();
            for _ in 0..4 {
                paragraph.push(*rng.pick(&SENTENCES));
            }
            if p == 2 {
                paragraph.push("The project is worth $120 million, officials said.");
            }
            body.push(paragraph.join(" "));
        }
        let mut title = format!("Kyrgyzstan and {} agree on {topic}", names[0]);
        let mut source = "Kabar".to_owned();
        if hostile {
            let word = "x".repeat(300);
            let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".repeat(3);
            title = format!("{title} {word}");
            source = format!("Agency{}", "Z".repeat(120));
            body.insert(
                1,
                format!(
                    "Full text: https://example.org/{}/{hash}?ref={hash} and the checksum {hash}.",
                    "very-long-path-segment".repeat(12)
                ),
            );
            body.insert(
                2,
                "![Delegations at the talks](https://cdn.example.org/photos/talks.jpg)".to_owned(),
            );
        }
        let title_line = if i % 7 == 3 {
            String::new()
        } else {
            format!("title = \"{title}\"\n")
        };
        site.write(
            &format!("content/a{i:03}.md"),
            format!(
                "+++\n{title_line}date = {year}-{month:02}-{day:02}\npartners = [{}]\nsource = \"{source}\"\nurl = \"https://example.org/news/{i}\"\n+++\n{}\n",
                ids.join(", "),
                body.join("\n\n")
            ),
        );
    }
    site
}

/// `href`s of the `a` elements matching `selector` on a page.
fn hrefs(site: &SiteTest, page: &str, selector: &str) -> Vec<String> {
    site.html(page)
        .select(&sel(selector))
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

fn texts(site: &SiteTest, page: &str, selector: &str) -> Vec<String> {
    site.html(page)
        .select(&sel(selector))
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

/// Resolve a relative link of `page` to a path in the output folder.
fn target(page: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or_default();
    crate::util::resolve(page, href).unwrap_or_else(|| panic!("{page}: {href} leaves the site"))
}

#[test]
fn long_lists_are_paged_with_relative_links() {
    let site = generated_site(90, 7, false);
    site.set_config("paginate_by", "10");
    site.set_config("home_articles", "12");
    site.build_ok(&[]);
    let files: BTreeSet<String> = site.files().into_iter().collect();

    // Home: 90 articles, 12 per page = 8 pages.
    assert!(files.contains("page/2/index.html") && files.contains("page/8/index.html"));
    assert!(!files.contains("page/9/index.html") && !files.contains("page/1/index.html"));
    let next = hrefs(&site, "index.html", "main a[rel=next]");
    assert!(next.contains(&"./page/2/index.html".to_owned()), "{next:?}");
    assert_eq!(
        site.html("index.html").select(&sel("main .card")).count(),
        12
    );
    let back = hrefs(&site, "page/2/index.html", "nav.pagination a[rel=prev]");
    assert_eq!(back, ["../../index.html"]);
    // The last home page still ends with a way to older articles: the months index.
    let last = hrefs(&site, "page/8/index.html", "main .older-articles a");
    assert_eq!(last, ["../../months/index.html"]);

    // Partner pages: China has more than 10 articles; every page link resolves, page 1 stays
    // at the partner's own address and the pages hold every article exactly once.
    let china = site.read("partners/cn/index.html");
    assert!(china.contains("page/2/index.html"), "no link to page 2");
    let mut seen = Vec::new();
    let mut page = "partners/cn/index.html".to_owned();
    let mut pages = 0;
    loop {
        pages += 1;
        assert!(files.contains(&page), "{page} is linked but missing");
        for href in hrefs(&site, &page, "nav.pagination a") {
            assert!(files.contains(&target(&page, &href)), "{page}: {href}");
        }
        seen.extend(hrefs(&site, &page, "main .card-title a"));
        match hrefs(&site, &page, "nav.pagination a[rel=next]").first() {
            Some(next) => page = target(&page, next),
            None => break,
        }
    }
    assert!(pages >= 2);
    let count: usize = texts(&site, "partners/cn/index.html", "header .meta")[0]
        .split_whitespace()
        .find_map(|w| w.parse().ok())
        .expect("an article count");
    assert_eq!(seen.len(), count);
    let unique: BTreeSet<String> = seen
        .iter()
        .map(|h| h.trim_start_matches("../").to_owned())
        .collect();
    assert_eq!(unique.len(), count, "an article shown twice across pages");

    // Year jumps: three years, each linking to the page and heading where the year starts.
    let jumps = hrefs(&site, "partners/cn/index.html", "nav.year-jumps a");
    assert_eq!(jumps.len(), 3, "{jumps:?}");
    for jump in &jumps {
        let (path, anchor) = jump.split_once('#').expect("a year jump names its heading");
        let target = target("partners/cn/index.html", path);
        let ids = crate::util::ids(&site.html(&target));
        assert!(
            ids.contains(&anchor.to_owned()),
            "{jump}: no #{anchor} on {target}"
        );
    }

    // Deterministic: a clean rebuild writes the same pages, byte for byte.
    let before = crate::util::snapshot_tree(&site.out());
    std::fs::remove_dir_all(site.out()).expect("remove the output");
    std::fs::remove_dir_all(site.root().join(".briefing-cache")).ok();
    site.build_ok(&[]);
    crate::util::assert_same_tree(&before, &crate::util::snapshot_tree(&site.out()));

    // Month pages page too, and the sitemap lists every page.
    let sitemap = site.read("sitemap.xml");
    for file in files
        .iter()
        .filter(|f| f.contains("/page/") || f.starts_with("page/"))
    {
        let url = format!(
            "https://example.org/briefing/{}",
            file.trim_end_matches("index.html")
        );
        assert!(sitemap.contains(&url), "sitemap lacks {url}");
    }
}

#[test]
fn paging_follows_pretty_urls_and_can_be_turned_off() {
    let site = generated_site(40, 3, false);
    site.set_config("paginate_by", "5");
    site.set_config("pretty_urls", "true");
    site.build_ok(&[]);
    let next = hrefs(
        &site,
        "partners/cn/index.html",
        "nav.pagination a[rel=next]",
    );
    assert_eq!(next, ["../../partners/cn/page/2/"]);
    let back = hrefs(
        &site,
        "partners/cn/page/2/index.html",
        "nav.pagination a[rel=prev]",
    );
    assert_eq!(back, ["../../../../partners/cn/"]);

    site.set_config("paginate_by", "0");
    site.set_config("pretty_urls", "false");
    site.build_ok(&[]);
    let paged: Vec<String> = site
        .files()
        .into_iter()
        .filter(|f| f.contains("page/"))
        .collect();
    assert!(paged.is_empty(), "{paged:?}");
    assert!(site
        .html("index.html")
        .select(&sel("nav.pagination"))
        .next()
        .is_none());
    // Without paging the home page still ends with the way to older articles.
    let more = hrefs(&site, "index.html", "main .older-articles a");
    assert_eq!(more, ["./months/index.html"]);
}

#[test]
fn a_bad_paginate_by_is_a_clear_error() {
    let site = generated_site(3, 1, false);
    for bad in ["-1", "5000"] {
        site.set_config("paginate_by", bad);
        let run = site.build(&[]);
        run.assert_code(2);
        let err = run.stderr();
        assert!(
            err.contains("site.toml") && err.contains("line 4") && err.contains("paginate_by"),
            "{err}"
        );
        assert!(err.contains("0 to turn paging off"), "{err}");
    }
}

#[test]
fn month_pages_show_each_article_once_with_its_partners() {
    let site = generated_site(60, 11, false);
    site.build_ok(&[]);
    let months: Vec<String> = site
        .files()
        .into_iter()
        .filter(|f| f.starts_with("months/2") && f.ends_with("/index.html"))
        .collect();
    assert!(!months.is_empty());
    let mut multi_partner = 0;
    for month in &months {
        let html = site.html(month);
        let cards: Vec<String> = hrefs(&site, month, "main .card-title a");
        let unique: BTreeSet<&String> = cards.iter().collect();
        assert_eq!(cards.len(), unique.len(), "{month}: an article shown twice");
        for card in html.select(&sel("main .card")) {
            let chips = card.select(&sel(".chips a")).count();
            assert!(chips >= 1, "{month}: a card without partner chips");
            multi_partner += usize::from(chips > 1);
        }
        // The month's partners head the page, linking to their pages for the month.
        for href in hrefs(&site, month, "nav.month-partners a") {
            let t = target(month, &href);
            assert!(
                t.starts_with("partners/") && t.ends_with(&format!("{}/index.html", &month[7..14])),
                "{t}"
            );
        }
    }
    assert!(
        multi_partner > 0,
        "no article with several partners to test"
    );
}

#[test]
fn cards_are_headline_meta_dek_and_chips_never_the_headline_twice() {
    let site = generated_site(30, 5, false);
    site.build_ok(&[]);
    let html = site.html("index.html");
    let cards: Vec<_> = html.select(&sel("main .card")).collect();
    assert!(!cards.is_empty());
    let words = |t: &str| -> BTreeSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let mut deks = 0;
    for card in cards {
        let title: String = card
            .select(&sel(".card-title"))
            .next()
            .unwrap()
            .text()
            .collect();
        let meta: String = card.select(&sel(".meta")).next().unwrap().text().collect();
        assert!(meta.contains("Kabar") && meta.contains("English"), "{meta}");
        assert!(card.select(&sel(".chips a")).count() >= 1);
        assert!(card.select(&sel(".card-summary")).next().is_none());
        if let Some(dek) = card.select(&sel(".card-dek")).next() {
            deks += 1;
            let dek: String = dek.text().collect();
            let (t, d) = (words(&title), words(&dek));
            let shared = t.intersection(&d).count() as f64;
            assert!(
                shared / (t.len().min(d.len()) as f64) < 0.8,
                "the dek repeats the headline:\n{title}\n{dek}"
            );
        }
        // Made headlines are whole in cards too.
        assert!(!title.trim().ends_with('…'), "{title}");
    }
    assert!(deks > 0);
}

#[test]
fn article_pages_say_things_once_with_the_whole_headline() {
    let site = generated_site(30, 5, false);
    site.build_ok(&[]);
    let mut made = 0;
    for page in site.article_pages() {
        let html = site.html(&page);
        let h1: String = html.select(&sel("h1")).next().unwrap().text().collect();
        assert!(!h1.ends_with('…'), "{page}: cut heading {h1}");
        let title: String = html.select(&sel("title")).next().unwrap().text().collect();
        // A made headline (the generated leads open "Kyrgyzstan and ..."): compressed from
        // the lead, never cut with "…", the same in the tab title.
        if h1.starts_with("Kyrgyzstan and") {
            made += 1;
            assert!(h1.chars().count() <= 90, "{page}: {h1}");
            assert!(
                !title.contains('…') && title.contains(h1.trim()),
                "{page}: {title}"
            );
        }
        // No summary item repeats the heading.
        for item in html.select(&sel(".summary li")) {
            let item: String = item.text().collect();
            assert!(!item.starts_with(&h1[..h1.len().min(60)]), "{page}: {item}");
        }
        // One "Filed under": each partner page linked once there, no "By partner" section.
        let headings: Vec<String> = texts(&site, &page, ".article-links h2");
        assert!(!headings.iter().any(|h| h == "By partner"), "{headings:?}");
        let partner_links: Vec<String> = hrefs(&site, &page, ".article-links a")
            .into_iter()
            .filter(|h| {
                let t = target(&page, h);
                t.starts_with("partners/") && t.matches('/').count() == 2
            })
            .collect();
        let unique: BTreeSet<&String> = partner_links.iter().collect();
        assert_eq!(
            unique.len(),
            partner_links.len(),
            "{page}: {partner_links:?}"
        );
    }
    assert!(made > 0, "no made headline to test");
}

#[test]
fn partner_key_figures_are_few_and_folded() {
    let site = generated_site(60, 9, false);
    site.build_ok(&[]);
    let html = site.html("partners/cn/index.html");
    // A compact table: date, figure, what it measures and a link to the article.
    let figures: Vec<_> = html.select(&sel("details.figures tbody tr")).collect();
    assert!(
        !figures.is_empty() && figures.len() <= 8,
        "{}",
        figures.len()
    );
    for row in &figures {
        assert_eq!(row.select(&sel("td")).count(), 3);
        let link = row
            .select(&sel("td a"))
            .next()
            .expect("a link to the article");
        assert!(link.value().attr("href").unwrap().contains("articles/"));
    }
    // Folded (no `open`), so the first story is right under the heading on a phone.
    let details = html.select(&sel("details.figures")).next().unwrap();
    assert!(details.value().attr("open").is_none());
    assert!(html
        .select(&sel("main > .figures:not(details)"))
        .next()
        .is_none());
}

#[test]
fn images_are_links_and_long_tokens_can_wrap() {
    let site = generated_site(12, 13, true);
    site.build_ok(&[]);
    let mut links = 0;
    let mut by_page: BTreeMap<String, usize> = BTreeMap::new();
    for file in site.files().into_iter().filter(|f| f.ends_with(".html")) {
        let text = site.read(&file);
        for needle in ["<img src=\"http", "<img src=http", "<img src='http"] {
            assert!(!text.contains(needle), "{file} hot-links an image");
        }
        let html = site.html(&file);
        assert!(
            html.select(&sel("img")).next().is_none(),
            "{file} has an <img>"
        );
        let n = html.select(&sel("a.remote-image")).count();
        links += n;
        by_page.insert(file, n);
    }
    assert!(links >= 12, "{by_page:?}");
    let article = &site.article_pages()[0];
    let label: String = site
        .html(article)
        .select(&sel("a.remote-image"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(label, "image: Delegations at the talks");
    // The stylesheet lets any token wrap (the browser test measures the result).
    let css = site.read("style.css");
    assert!(css.contains("overflow-wrap:anywhere") || css.contains("overflow-wrap: anywhere"));
}

/// Issue 16, item 2: on the seeds, the article's key figures quote each sentence once (seed
/// 002 quoted the same sentence under $110 million and "over 1,800 companies", and under $1
/// billion and 3,500 projects), never a sentence the summary shows, at most five figures, the
/// money first and labelled; the partner page gathers them in a table.
#[test]
fn key_figures_are_grouped_by_sentence_ranked_and_labelled_on_the_seeds() {
    let site = SiteTest::sample();
    site.build_ok(&[]);
    let mut checked = 0;
    for page in site.article_pages() {
        let html = site.html(&page);
        let summary: Vec<String> = html
            .select(&sel(".summary li"))
            .map(|e| e.text().collect())
            .collect();
        let quotes: Vec<String> = html
            .select(&sel(".figures .figure-quote"))
            .map(|e| e.text().collect())
            .collect();
        let unique: BTreeSet<&String> = quotes.iter().collect();
        assert_eq!(unique.len(), quotes.len(), "{page}: {quotes:?}");
        for q in &quotes {
            assert!(!summary.contains(q), "{page}: quoted again: {q}");
        }
        let values: Vec<String> = html
            .select(&sel(".figures .figure-value"))
            .map(|e| e.text().collect())
            .collect();
        assert!(values.len() <= 5, "{page}: {values:?}");
        // Every highlighted figure is one of the listed figures' text.
        let marks = html.select(&sel(".figures mark")).count();
        assert!(marks <= values.len(), "{page}");
        if page.starts_with("articles/2025-11-26-") {
            // Seed 002: money before the multiple, labels from the sentence.
            assert_eq!(values[0], "$5 billion", "{values:?}");
            let items: Vec<String> = html
                .select(&sel(".figures .figure-items li"))
                .map(|e| e.text().collect())
                .collect();
            assert!(
                items.contains(&"Russian direct investments, H1 2025: $110 million".to_owned()),
                "{items:?}"
            );
            checked += 1;
        }
        if page.starts_with("articles/2025-12-04-") {
            // Seed 004: one figure, labelled.
            assert_eq!(values, ["$200 million"]);
            let label: String = html
                .select(&sel(".figures .figure-label"))
                .next()
                .expect("a label")
                .text()
                .collect();
            assert_eq!(label, "Bilateral trade:");
            checked += 1;
        }
    }
    assert_eq!(checked, 2, "seed 002 and 004 article pages");
    let html = site.html("partners/ru/index.html");
    let rows: Vec<String> = html
        .select(&sel(".figure-table tbody tr"))
        .map(|e| e.text().collect::<String>())
        .collect();
    assert!(!rows.is_empty() && rows.len() <= 8, "{rows:?}");
    assert!(rows.iter().any(|r| r.contains("$110 million")), "{rows:?}");
}
