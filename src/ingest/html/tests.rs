//! Tests of the saved-page reader.

use super::*;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn t(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

fn text(page: &SavedPage) -> String {
    page.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn kinds_of(page: &SavedPage, kind: BlockKind) -> Vec<&str> {
    page.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| b.text.as_str())
        .collect()
}

/// An English story buried in a cookie banner, menus, ticker, share bars, an inline
/// "Read more" box, a newsletter box, comments, a "Most read" sidebar and a footer.
const ENGLISH: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Kyrgyzstan and Kazakhstan sign water-sharing deal for the Chu and Talas rivers | Steppe Herald</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Steppe Herald">
<meta property="og:type" content="article">
<meta property="og:url" content="https://www.steppeherald.example/world/2025/11/26/water-deal">
<link rel="canonical" href="https://www.steppeherald.example/world/2025/11/26/water-deal">
<meta property="article:published_time" content="2025-11-26T09:15:00+06:00">
<meta property="article:modified_time" content="2025-11-27T18:02:00+06:00">
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
</head>
<body class="article-page">
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. <a href="/privacy">Privacy policy</a> <button>Accept all</button></div>
<header class="site-header">
  <a class="logo" href="/">Steppe Herald</a>
  <nav class="main-nav" aria-label="Main">
<ul>
  <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
  <li><a href="/business">Business</a></li><li><a href="/energy">Energy</a></li><li><a href="/culture">Culture</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/video">Video</a></li>
</ul>
  </nav>
  <div class="ticker">USD 87.45 ▲ EUR 102.48 ▼ Brent 73.10</div>
  <form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
</header>
<div class="ad-slot ad-leaderboard">Advertisement</div>
<main id="content">
  <div class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a> › Central Asia</div>
  <article class="story">
<header class="story-header">
  <h1 class="story-title">Kyrgyzstan and Kazakhstan sign water-sharing deal for the Chu and Talas rivers</h1>
  <p class="byline">By <a href="/authors/aida-bekova">Aida Bekova</a>, Central Asia correspondent</p>
  <time class="published" datetime="2025-11-26T09:15:00+06:00">26 November 2025, 09:15</time>
  <div class="share-bar"><span>Share</span> <a href="https://facebook.com/sharer">Facebook</a> <a href="https://twitter.com/intent/tweet">X</a> <a href="https://t.me/share">Telegram</a> <a href="mailto:?subject=deal">Email</a></div>
</header>
<figure class="lead-image"><img src="https://cdn.steppeherald.example/img/chu-river.jpg" alt="The Chu river near Tokmok"><figcaption>The Chu river near Tokmok. Photo: Steppe Herald</figcaption></figure>
<div class="story-body">
  <p>BISHKEK, 26 November — Kyrgyzstan and Kazakhstan signed a long-awaited agreement on Wednesday that sets out how the two countries will share water from the Chu and Talas rivers during the spring irrigation season, ending a dispute that has simmered for more than a decade.</p>
  <p>The deal, signed in Bishkek by the two countries' water ministers, commits Kazakhstan to pay a share of the maintenance costs of reservoirs and canals on Kyrgyz territory, in return for guaranteed summer releases to farms in the Zhambyl region.</p>
  <div class="inline-related"><h3>Read more</h3><ul><li><a href="/world/2025/10/01/drought">Drought cuts Zhambyl wheat harvest by a third</a></li><li><a href="/world/2025/09/12/kambarata">Kambarata-1 dam: who will pay?</a></li></ul></div>
  <p>"This is a practical agreement, not a political declaration," said one of the officials who negotiated it. "Farmers on both sides of the border will know in March how much water they will get in July."</p>
  <h2>What the agreement covers</h2>
  <p>According to the text published by the Kyrgyz government, the agreement covers three main areas:</p>
  <ul>
    <li>a joint commission that sets monthly release schedules by 1 March each year;</li>
    <li>shared funding for the repair of the Orto-Tokoy and Kirov reservoirs;</li>
    <li>an exchange of hydrological data every ten days during the growing season.</li>
  </ul>
  <p>Analysts said the deal could become a model for other transboundary rivers in Central Asia, where Soviet-era water arrangements broke down after 1991 and have been replaced by annual bargaining over water, electricity and coal.</p>
  <blockquote><p>"The important part is the data exchange. Without trusted numbers, every summer starts with accusations," said a hydrologist at the Kazakh-German University in Almaty.</p></blockquote>
  <p>The agreement still has to be ratified by both parliaments, which is expected early next year.</p>
</div>
<div class="tags"><span>Tags:</span> <a href="/tag/water">water</a> <a href="/tag/kyrgyzstan">Kyrgyzstan</a> <a href="/tag/kazakhstan">Kazakhstan</a></div>
<div class="share-bar bottom"><a href="https://facebook.com/sharer">Share on Facebook</a> <a href="https://twitter.com/intent/tweet">Share on X</a> <button onclick="copyLink()">Copy link</button></div>
  </article>
  <section class="newsletter"><h2>Get the Central Asia briefing</h2><p>Our free weekly newsletter lands every Friday morning with the week's most important stories from the region. Sign up now and never miss a story.</p><form><input type="email" placeholder="Your email"><button>Subscribe</button></form></section>
  <section id="comments" class="comments">
<h2>Comments (3)</h2>
<div class="comment"><p class="comment-author">Nurlan_K</p><p>Finally! My uncle farms near Taraz and every summer the canals are half empty by July. I hope this actually changes something this time, but I have heard promises like this before from both governments, so we will see.</p></div>
<div class="comment"><p class="comment-author">bishkek_watcher</p><p>The real question is who pays for Kambarata, nobody wants to talk about that, and the article does not mention the electricity side of the bargain at all, which is the only thing that matters in winter.</p></div>
<div class="comment"><p class="comment-author">Ainura</p><p>Good news for once. Thank you for the detailed reporting, the list of what is covered is very helpful.</p></div>
<form class="comment-form"><textarea placeholder="Write a comment"></textarea><button>Post</button></form>
  </section>
</main>
<aside class="sidebar">
  <section class="most-read"><h2>Most read</h2><ol>
<li><a href="/a">Tashkent metro extension opens three new stations ahead of schedule</a></li>
<li><a href="/b">Gold prices hit record as central banks keep buying</a></li>
<li><a href="/c">Dushanbe hosts regional summit on migration and remittances</a></li>
<li><a href="/d">Review: a new novel about the Aral Sea disaster</a></li>
  </ol></section>
  <div class="ad-slot ad-mpu">Advertisement</div>
</aside>
<footer class="site-footer">
  <nav><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/advertise">Advertise</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms of use</a></nav>
  <p>© 2025 Steppe Herald Media LLC. All rights reserved. Reproduction without permission is prohibited.</p>
</footer>
<script src="/static/app.js"></script>
</body>
</html>"##;

/// A Russian story with no `<article>` or `<main>`: its date is only in a `<time>`.
const RUSSIAN: &str = r##"<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>В Ташкенте открылся межправительственный форум по логистике — Новости Центральной Азии</title>
<meta property="og:title" content="В Ташкенте открылся межправительственный форум по логистике">
<meta property="og:site_name" content="Новости Центральной Азии">
<meta property="og:url" content="https://ca-news.example/ru/news/2025/12/04/logistics-forum/">
<meta name="description" content="Делегации пяти стран обсуждают транзитные коридоры">
<script>var _tmr = window._tmr || (window._tmr = []);</script>
</head>
<body>
<div class="top-line"><a href="/ru/">RU</a> | <a href="/uz/">UZ</a> | <a href="/en/">EN</a> <span class="weather">Ташкент +4°</span> <span class="rates">USD 12 050 сум</span></div>
<header>
  <div class="logo"><a href="/ru/">Новости Центральной Азии</a></div>
  <ul class="menu">
<li><a href="/ru/politics/">Политика</a></li><li><a href="/ru/economy/">Экономика</a></li><li><a href="/ru/society/">Общество</a></li>
<li><a href="/ru/world/">В мире</a></li><li><a href="/ru/sport/">Спорт</a></li><li><a href="/ru/video/">Видео</a></li><li><a href="/ru/photo/">Фото</a></li>
  </ul>
</header>
<div class="wrapper">
  <div class="content-col">
<div class="news-item">
  <h1 class="news-title">В Ташкенте открылся межправительственный форум по логистике</h1>
  <div class="news-meta"><time datetime="2025-12-04T11:26:00+05:00">4 декабря 2025, 11:26</time> <span class="views">Просмотров: 1543</span></div>
  <div class="news-text" itemprop="articleBody">
    <p>ТАШКЕНТ, 4 декабря. В столице Узбекистана в четверг открылся межправительственный форум по транспорту и логистике, в котором участвуют делегации Казахстана, Кыргызстана, Таджикистана, Туркменистана и Узбекистана.</p>
    <p>Главная тема форума — развитие Транскаспийского международного транспортного маршрута и новых железнодорожных коридоров в обход перегруженных направлений. По словам организаторов, за два дня участники планируют подписать более двадцати соглашений.</p>
    <p>Министр транспорта Узбекистана в приветственном слове отметил, что объём транзитных перевозок через республику за десять месяцев вырос на 18 процентов по сравнению с прошлым годом.</p>
    <h2>Что обсуждают участники</h2>
    <ul>
      <li>строительство железной дороги Китай — Кыргызстан — Узбекистан;</li>
      <li>единые электронные транзитные декларации;</li>
      <li>тарифы на перевозку контейнеров через Каспийское море.</li>
    </ul>
    <p>Эксперты отмечают, что страны региона всё активнее конкурируют за транзитные грузы между Китаем и Европой, однако без согласованных тарифов и цифровых документов этот потенциал реализовать сложно.</p>
    <p>Форум продлится до 5 декабря. Итоговую декларацию планируется опубликовать в пятницу вечером.</p>
  </div>
  <div class="share"><span>Поделиться:</span> <a href="https://vk.com/share.php">ВКонтакте</a> <a href="https://t.me/share/url">Telegram</a> <a href="https://wa.me/">WhatsApp</a></div>
  <div class="read-also"><h3>Читайте также</h3><ul>
    <li><a href="/ru/news/1">Узбекистан и Китай договорились об увеличении грузовых перевозок</a></li>
    <li><a href="/ru/news/2">В Алматы обсудили цифровизацию таможни</a></li>
    <li><a href="/ru/news/3">Туркменистан запустит новый паром на Каспии</a></li>
  </ul></div>
</div>
<div class="comments-block"><h3>Комментарии</h3><p>Чтобы оставить комментарий, войдите на сайт.</p></div>
  </div>
  <div class="right-col">
<div class="block-popular"><h3>Популярное</h3>
  <a href="/ru/p/1">Курс доллара в Узбекистане обновил максимум</a>
  <a href="/ru/p/2">Снегопад в Ташкенте: какие дороги закрыты</a>
  <a href="/ru/p/3">Назван лучший футболист года в Центральной Азии</a>
</div>
<div class="banner">Реклама</div>
  </div>
</div>
<footer><p>© 2025 «Новости Центральной Азии». При использовании материалов ссылка обязательна.</p><p><a href="/ru/about/">О нас</a> <a href="/ru/ads/">Реклама на сайте</a> <a href="/ru/contacts/">Контакты</a></p></footer>
</body>
</html>"##;

/// JSON-LD `NewsArticle` in a `@graph`, `article:published_time`, a later `dateModified`
/// and a later `<meta name="date">`.
const JSON_LD: &str = r##"<!doctype html>
<html lang="EN">
<head>
<meta charset="utf-8">
<title>Central bank holds key rate at 9% - The Caspian Ledger</title>
<link rel="canonical" href="https://caspianledger.example/economy/central-bank-holds-rate">
<meta property="og:title" content="Central bank holds key rate at 9% as inflation slows">
<meta property="article:published_time" content="2026-02-04T16:40:00+04:00">
<meta name="date" content="2026-02-05">
<script type="application/ld+json">
{
  "@context": "https://schema.org",
  "@graph": [
{"@type": "WebSite", "@id": "https://caspianledger.example/#website", "name": "The Caspian Ledger", "url": "https://caspianledger.example/"},
{"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Economy"}]},
{
  "@type": ["NewsArticle"],
  "headline": "Central bank holds key rate at 9%",
  "datePublished": "2026-02-04T16:40:00+04:00",
  "dateModified": "2026-02-06T08:00:00+04:00",
  "author": [{"@type": "Person", "name": "Rustam Aliyev"}],
  "publisher": {"@type": "NewsMediaOrganization", "name": "The Caspian Ledger", "logo": {"@type": "ImageObject", "url": "https://caspianledger.example/logo.png"}},
  "mainEntityOfPage": "https://caspianledger.example/economy/central-bank-holds-rate"
}
  ]
}
</script>
</head>
<body>
<nav class="topbar"><a href="/">The Caspian Ledger</a> <a href="/economy">Economy</a> <a href="/markets">Markets</a> <a href="/energy">Energy</a> <a href="/subscribe">Subscribe</a> <a href="/login">Log in</a></nav>
<div class="layout">
<article itemscope itemtype="https://schema.org/NewsArticle">
  <h1 itemprop="headline">Central bank holds key rate at 9%</h1>
  <div class="meta">By Rustam Aliyev · <time datetime="2026-02-04T16:40:00+04:00">4 February 2026</time> · Updated <time datetime="2026-02-06T08:00:00+04:00">6 February 2026</time></div>
  <section itemprop="articleBody">
<p>The central bank of Azerbaijan left its key interest rate unchanged at 9 percent on Wednesday, saying that inflation had slowed for a fourth consecutive month but that risks from food prices and the budget remained.</p>
<p>Annual consumer price inflation fell to 4.8 percent in January from 5.3 percent in December, the bank said in a statement, within its target corridor of 4 plus or minus 2 percent for the first time since last spring.</p>
<p>The bank said it would consider cutting the rate at its next meeting in March if the slowdown continued and the manat remained stable against the dollar. Most analysts polled before the decision had expected a hold.</p>
<p>Non-oil economic growth reached 5.1 percent last year, driven by construction and services, while oil and gas output fell slightly as ageing fields declined.</p>
<figure><img src="https://caspianledger.example/img/cb.jpg" alt="Central bank building"><figcaption>The central bank building in Baku.</figcaption></figure>
  </section>
  <aside class="paywall-note">Subscribe for unlimited access to markets coverage.</aside>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Manat steady ahead of rate decision</a></li><li><a href="/y">Budget 2026 assumes $70 oil</a></li></ul></aside>
</div>
<footer>© 2026 The Caspian Ledger · <a href="/terms">Terms</a> · <a href="/privacy">Privacy</a></footer>
</body>
</html>"##;

/// Nothing but navigation.
const NAV_ONLY: &str = r##"<!DOCTYPE html><html lang="en"><head><title>Steppe Herald - Sections</title><meta property="og:site_name" content="Steppe Herald"></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><h2>Latest</h2><ul><li><a href="/1">Tashkent metro extension opens three new stations</a></li><li><a href="/2">Gold prices hit record as central banks keep buying</a></li><li><a href="/3">Dushanbe hosts regional summit on migration</a></li></ul></main>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a> © 2025 Steppe Herald</footer></body></html>"##;

#[test]
fn english_story_without_the_chrome() {
    let page = parse(ENGLISH);
    assert!(page.found_article);
    assert_eq!(
        page.title.as_deref(),
        Some("Kyrgyzstan and Kazakhstan sign water-sharing deal for the Chu and Talas rivers")
    );
    assert_eq!((page.date, page.time), (d(2025, 11, 26), t(9, 15)));
    assert_eq!(page.date_origin, Some(ORIGIN_META));
    assert_eq!(page.source_name.as_deref(), Some("Steppe Herald"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://www.steppeherald.example/world/2025/11/26/water-deal")
    );
    assert_eq!(page.language.as_deref(), Some("en"));

    let first = &page.blocks[0];
    assert_eq!(first.kind, BlockKind::Paragraph);
    assert!(first
        .text
        .starts_with("BISHKEK, 26 November — Kyrgyzstan and Kazakhstan signed"));
    assert_eq!(
        kinds_of(&page, BlockKind::Heading),
        ["What the agreement covers"]
    );
    assert_eq!(
        kinds_of(&page, BlockKind::ListItem),
        [
            "a joint commission that sets monthly release schedules by 1 March each year;",
            "shared funding for the repair of the Orto-Tokoy and Kirov reservoirs;",
            "an exchange of hydrological data every ten days during the growing season.",
        ]
    );
    let body = text(&page);
    for kept in [
        "guaranteed summer releases to farms in the Zhambyl region.",
        "\"This is a practical agreement, not a political declaration,\"",
        "Without trusted numbers, every summer starts with accusations",
        "The agreement still has to be ratified by both parliaments",
    ] {
        assert!(body.contains(kept), "lost {kept:?} from {body}");
    }
    for chrome in [
        "We use cookies",
        "Politics",
        "USD 87.45",
        "Drought cuts",
        "Share on Facebook",
        "Get the Central Asia briefing",
        "My uncle farms",
        "Most read",
        "Tashkent metro",
        "All rights reserved",
        "Advertisement",
    ] {
        assert!(!body.contains(chrome), "kept {chrome:?} in {body}");
        assert!(
            !page.html.contains(chrome),
            "kept {chrome:?} in {}",
            page.html
        );
    }
    // The headline is the title, not the body's first heading.
    assert!(!body.contains("Kyrgyzstan and Kazakhstan sign water-sharing deal"));
    assert!(
        page.html.contains("<ul>") && page.html.contains("<h2>"),
        "{}",
        page.html
    );
    assert!(!page.html.contains("<script"), "{}", page.html);
}

#[test]
fn russian_story_dated_by_its_time_element() {
    let page = parse(RUSSIAN);
    assert!(page.found_article);
    assert_eq!(
        page.title.as_deref(),
        Some("В Ташкенте открылся межправительственный форум по логистике")
    );
    assert_eq!((page.date, page.time), (d(2025, 12, 4), t(11, 26)));
    assert_eq!(page.date_origin, Some(ORIGIN_TIME_ELEMENT));
    assert_eq!(
        page.source_name.as_deref(),
        Some("Новости Центральной Азии")
    );
    assert_eq!(
        page.url.as_deref(),
        Some("https://ca-news.example/ru/news/2025/12/04/logistics-forum/")
    );
    assert_eq!(page.language.as_deref(), Some("ru"));
    assert_eq!(
        kinds_of(&page, BlockKind::Heading),
        ["Что обсуждают участники"]
    );
    assert_eq!(
        kinds_of(&page, BlockKind::ListItem).len(),
        3,
        "{:#?}",
        page.blocks
    );
    // Neither the date-and-views line nor the "Read also" links inside the story.
    assert!(
        page.blocks[0].text.starts_with("ТАШКЕНТ, 4 декабря."),
        "{:#?}",
        page.blocks
    );
    let body = text(&page);
    for kept in [
        "ТАШКЕНТ, 4 декабря. В столице Узбекистана в четверг открылся",
        "Транскаспийского международного транспортного маршрута",
        "вырос на 18 процентов",
        "строительство железной дороги Китай — Кыргызстан — Узбекистан;",
        "Форум продлится до 5 декабря.",
    ] {
        assert!(body.contains(kept), "lost {kept:?} from {body}");
    }
    for chrome in [
        "Экономика",
        "USD 12 050",
        "Поделиться",
        "Чтобы оставить комментарий",
        "Популярное",
        "Курс доллара",
        "Реклама",
        "При использовании материалов",
        "Просмотров",
        "Читайте также",
        "Узбекистан и Китай договорились",
    ] {
        assert!(!body.contains(chrome), "kept {chrome:?} in {body}");
        assert!(
            !page.html.contains(chrome),
            "kept {chrome:?} in {}",
            page.html
        );
    }
}

#[test]
fn json_ld_news_article() {
    let page = parse(JSON_LD);
    assert!(page.found_article);
    // og:title wins over the JSON-LD headline and the <title>.
    assert_eq!(
        page.title.as_deref(),
        Some("Central bank holds key rate at 9% as inflation slows")
    );
    assert_eq!((page.date, page.time), (d(2026, 2, 4), t(16, 40)));
    assert_eq!(page.date_origin, Some(ORIGIN_META));
    assert_eq!(page.source_name.as_deref(), Some("The Caspian Ledger"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://caspianledger.example/economy/central-bank-holds-rate")
    );
    assert_eq!(page.language.as_deref(), Some("en"));
    let body = text(&page);
    // The byline and date line is not the lead.
    assert!(page.blocks[0]
        .text
        .starts_with("The central bank of Azerbaijan left"));
    assert!(body.contains("left its key interest rate unchanged at 9 percent"));
    assert!(body.contains("Non-oil economic growth reached 5.1 percent"));
    for chrome in ["Markets", "Manat steady", "Related", "Privacy", "Log in"] {
        assert!(!body.contains(chrome), "kept {chrome:?} in {body}");
    }
    // The figure's image had an absolute address, so it stays.
    assert!(
        page.html
            .contains("https://caspianledger.example/img/cb.jpg"),
        "{}",
        page.html
    );

    // Without the meta tags, JSON-LD decides: its headline, its datePublished (not the
    // later dateModified, not the later <meta name="date">) and its publisher.
    let bare = JSON_LD
        .replace(r#"<meta property="og:title" content="Central bank holds key rate at 9% as inflation slows">"#, "")
        .replace(r#"<meta property="article:published_time" content="2026-02-04T16:40:00+04:00">"#, "");
    let page = parse(&bare);
    assert_eq!(
        page.title.as_deref(),
        Some("Central bank holds key rate at 9%")
    );
    assert_eq!((page.date, page.time), (d(2026, 2, 4), t(16, 40)));
    assert_eq!(page.date_origin, Some(ORIGIN_JSON_LD));
    assert_eq!(page.source_name.as_deref(), Some("The Caspian Ledger"));
}

#[test]
fn navigation_only_is_no_article() {
    let page = parse(NAV_ONLY);
    assert!(!page.found_article);
    assert!(page.blocks.is_empty());
    assert!(page.html.is_empty());
    assert_eq!(page.source_name.as_deref(), Some("Steppe Herald"));
    assert_eq!(page.language.as_deref(), Some("en"));
    assert_eq!(page.date, None);
}

#[test]
fn scripts_and_handlers_in_the_article_are_removed() {
    let html = r#"<html><head><title>Hostile</title></head><body><article>
        <h1>Parliament approves the budget</h1>
        <p>The parliament approved the budget for next year on Tuesday after a long debate about
        spending on roads, schools and hospitals in the regions.<script>alert('p')</script></p>
        <script>document.cookie = 'stolen';</script>
        <p onclick="alert('click')">Deputies voted 78 to 12 in favour of the draft, which now goes
        to the president for signature. <a href="javascript:alert('link')">Details</a>
        <a href="https://example.org/budget" onmouseover="alert('hover')">Full text</a></p>
        <p>The budget assumes growth of five percent.<img src="https://example.org/x.png" onerror="alert('img')">
        <iframe src="https://evil.example/"></iframe></p>
        </article></body></html>"#;
    let page = parse(html);
    assert!(page.found_article);
    for bad in [
        "<script",
        "alert(",
        "onclick",
        "onmouseover",
        "onerror",
        "javascript:",
        "<iframe",
        "document.cookie",
    ] {
        assert!(!page.html.contains(bad), "{bad} survived in {}", page.html);
    }
    assert!(!text(&page).contains("alert"), "{}", text(&page));
    assert!(text(&page).contains("Deputies voted 78 to 12"));
    assert!(
        page.html.contains("href=\"https://example.org/budget\""),
        "{}",
        page.html
    );
    assert!(
        page.html.contains("rel=\"noopener noreferrer nofollow\""),
        "{}",
        page.html
    );
}

#[test]
fn date_modified_is_used_only_when_nothing_else_is_there() {
    let html = r##"<html lang="en"><head><title>Updated story - Daily</title>
        <script type="application/ld+json">[{"@type": "WebSite", "name": "Daily"},
          {"@type": "Article", "headline": "Updated story", "dateModified": "2025-10-03T07:05:00Z",
           "publisher": {"@id": "#org"}}, {"@id": "#org", "@type": "Organization", "name": "The Daily"}]</script>
        </head><body><article><p>The story was only ever dated by its last update, which is what the page
        states in its structured data and nowhere else on the page at all.</p></article></body></html>"##;
    let page = parse(html);
    assert_eq!((page.date, page.time), (d(2025, 10, 3), t(7, 5)));
    assert_eq!(page.date_origin, Some(ORIGIN_JSON_LD_MODIFIED));
    assert_eq!(page.title.as_deref(), Some("Updated story"));
    // The publisher is an @id reference into the same array.
    assert_eq!(page.source_name.as_deref(), Some("The Daily"));

    let meta_only = r#"<html><head><meta property="article:modified_time" content="2025-10-04">
        </head><body><p>x</p></body></html>"#;
    let page = parse(meta_only);
    assert_eq!((page.date, page.time), (d(2025, 10, 4), None));
    assert_eq!(page.date_origin, Some(ORIGIN_META_MODIFIED));
}

#[test]
fn malformed_html_is_read() {
    let html = "<html><head><title>Broken page</title><body><div class=\"content\">\
        <p>The first paragraph of a story that has no closing tags at all, which browsers forgive \
        and parsers must too, because saved pages are often truncated.\
        <p>A second paragraph with <b>bold text and an <i>italic part that never closes, still \
        part of the story about malformed markup.\
        <div><p>Third paragraph inside an unclosed div, long enough to count as article text for a \
        readability scorer that wants commas, length, and so on.";
    let page = parse(html);
    assert!(page.found_article);
    assert_eq!(page.title.as_deref(), Some("Broken page"));
    let paragraphs = kinds_of(&page, BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 3, "{paragraphs:#?}");
    assert!(paragraphs[1].starts_with("A second paragraph with bold text and an italic part"));
    assert!(paragraphs[2].starts_with("Third paragraph inside an unclosed div"));
    // Truncated in the middle of a tag, a comment, a script.
    for cut in [
        "<p>Some text <a hr",
        "<p>Text<!-- comm",
        "<p>Text</p><script>var x = '",
        "<",
        "<html",
        "</p></div></body>",
    ] {
        let _ = parse(cut);
    }
}

#[test]
fn empty_input() {
    assert_eq!(parse(""), SavedPage::default());
    assert!(!parse("  \n ").found_article);
    let page = parse("<html><head></head><body></body></html>");
    assert!(!page.found_article);
    assert!(page.blocks.is_empty() && page.title.is_none());
}

#[test]
fn title_tag_loses_its_site_suffix() {
    let page = |title: &str, site: &str| {
        let html = format!(
            "<html><head><title>{title}</title>{site}</head><body><p>Body.</p></body></html>"
        );
        parse(&html).title
    };
    let site = r#"<meta property="og:site_name" content="Steppe Herald">"#;
    assert_eq!(
        page("Water deal signed | Steppe Herald", site).as_deref(),
        Some("Water deal signed")
    );
    assert_eq!(
        page("Water deal signed — Steppe Herald", site).as_deref(),
        Some("Water deal signed")
    );
    assert_eq!(
        page("Central bank holds key rate at 9% - The Caspian Ledger", "").as_deref(),
        Some("Central bank holds key rate at 9%")
    );
    // A long suffix that is not the site's name is part of the headline.
    assert_eq!(
        page(
            "Elections - what the new parliament means for the region's economy",
            ""
        )
        .as_deref(),
        Some("Elections - what the new parliament means for the region's economy")
    );
    assert_eq!(
        page("Kyrgyzstan - Kazakhstan talks", "").as_deref(),
        Some("Kyrgyzstan - Kazakhstan talks")
    );
}

#[test]
fn dates_keep_their_local_time() {
    let p = |s: &str| parse_datetime(s);
    assert_eq!(
        p("2025-11-26T23:30:00+06:00"),
        Some((d(2025, 11, 26).unwrap(), t(23, 30)))
    );
    assert_eq!(
        p("2025-11-26T23:30:00-05:00"),
        Some((d(2025, 11, 26).unwrap(), t(23, 30)))
    );
    assert_eq!(
        p("2025-11-26T23:30:15.123Z"),
        Some((
            d(2025, 11, 26).unwrap(),
            NaiveTime::from_hms_opt(23, 30, 15)
        ))
    );
    assert_eq!(
        p("2025-11-26T23:30+0600"),
        Some((d(2025, 11, 26).unwrap(), t(23, 30)))
    );
    assert_eq!(
        p("2025-11-26 08:05"),
        Some((d(2025, 11, 26).unwrap(), t(8, 5)))
    );
    assert_eq!(p("2025-11-26"), Some((d(2025, 11, 26).unwrap(), None)));
    assert_eq!(
        p("26 November 2025"),
        Some((d(2025, 11, 26).unwrap(), None))
    );
    assert_eq!(
        p("2025-11-26T25:00"),
        Some((d(2025, 11, 26).unwrap(), None))
    );
    assert_eq!(p("yesterday"), None);
    assert_eq!(p(""), None);
}

#[test]
fn url_and_language_are_checked() {
    let page = |head: &str| parse(&format!("<html {head}</head><body><p>x</p></body></html>"));
    let p = page(
        r#"lang="ru-RU"><head><link rel="canonical" href="/relative/path"><meta property="og:url" content="https://example.org/a">"#,
    );
    assert_eq!(p.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(p.language.as_deref(), Some("ru"));
    let p = page(r#"lang="x"><head><link rel="Canonical" href="javascript:alert(1)">"#);
    assert_eq!(p.url, None);
    assert_eq!(p.language, None);
    let p = page(
        r#"lang="uz_Latn"><head><link rel="alternate canonical" href=" HTTP://example.org/b ">"#,
    );
    assert_eq!(p.url.as_deref(), Some("HTTP://example.org/b"));
    assert_eq!(p.language.as_deref(), Some("uz"));
    let p = page(r#"lang="english"><head>"#);
    assert_eq!(p.language, None);
}

#[test]
fn meta_date_is_the_last_resort_for_a_publication_date() {
    let html = r#"<html><head><meta name="DC.date.issued" content="2024-05-06">
        </head><body><main><p>No time element here.</p></main></body></html>"#;
    let page = parse(html);
    assert_eq!(
        (page.date, page.date_origin),
        (d(2024, 5, 6), Some(ORIGIN_META_DATE))
    );
    // A <time> in a sidebar is not the article's.
    let html = r#"<html><head><meta name="pubdate" content="2024-05-07"></head><body>
        <aside><time datetime="2020-01-01">old</time></aside>
        <article><p>Text.</p><time datetime="2024-05-08T10:00">8 May</time></article></body></html>"#;
    let page = parse(html);
    assert_eq!(
        (page.date, page.time, page.date_origin),
        (d(2024, 5, 8), t(10, 0), Some(ORIGIN_TIME_ELEMENT))
    );
}
#[test]
fn sentences_and_content_lists_are_not_chrome() {
    let html = r#"<html><body><article><h1>Talks end</h1>
        <p>The talks between the two delegations ended in Astana after three days of meetings,
        with both sides promising to meet again in spring to continue the discussion.</p>
        <p>They ended on <time datetime="2025-12-05">5 December</time>.</p>
        <p>The delegations agreed on the following documents, which were published online:</p>
        <ul><li>a memorandum on <a href="https://example.org/m">transit</a> and customs;</li>
        <li>a protocol on <a href="https://example.org/p">energy</a> swaps.</li></ul>
        <h3>Sources</h3>
        <ul><li><a href="https://example.org/1">Ministry statement</a></li>
        <li><a href="https://example.org/2">Joint communiqué</a></li></ul>
        </article></body></html>"#;
    let page = parse(html);
    let body = text(&page);
    assert!(body.contains("They ended on 5 December."), "{body}");
    assert_eq!(
        kinds_of(&page, BlockKind::ListItem).len(),
        2,
        "{:#?}",
        page.blocks
    );
    assert!(
        !body.contains("Ministry statement") && !body.contains("Sources"),
        "{body}"
    );
    assert_eq!(
        (page.date, page.date_origin),
        (d(2025, 12, 5), Some(ORIGIN_TIME_ELEMENT))
    );
}
