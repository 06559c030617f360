//! Clipping parser tests: the seed forms, then each general rule on hand-made clippings from
//! other sites (tests/fixtures/clippings holds whole ones, checked by the integration suite).

use super::*;

fn parse_text(text: &str) -> Clipping {
    parse(text, &HashSet::new())
}

fn texts(clip: &Clipping) -> Vec<&str> {
    clip.blocks.iter().map(|b| b.text.as_str()).collect()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const STORY: &str = "The two ministers signed an agreement on transit trade in the capital.\n\
    They also discussed energy cooperation and new railway links across the region.\n\
    The next round of talks will take place in the spring of next year in Tashkent.\n";

#[test]
fn marker_running_into_the_first_sentence() {
    let clip = parse_text(" date 2026-02-04 President met the envoy today, the press service said.\n\nThe second paragraph is here too, with more words.\n");
    assert_eq!(clip.date, Some((d(2026, 2, 4), DateOrigin::Marker)));
    assert_eq!(clip.time, None);
    assert_eq!(clip.title, None);
    assert_eq!(
        texts(&clip),
        [
            "President met the envoy today, the press service said.",
            "The second paragraph is here too, with more words."
        ]
    );
}

#[test]
fn marker_with_time_tickers_title_and_related_list() {
    let text = format!(" date 2025-12-18 11:26\nUSD 87.45\nEUR 102.48\nEnglish\n\nEnvoy meets secretary general\n\n{STORY}link: https://example.kg/en/1/\nviews: 155\nPrint\nRelated\nOther headline here today\nAnother headline about trade\n");
    let clip = parse_text(&text);
    assert_eq!(clip.time, NaiveTime::from_hms_opt(11, 26, 0));
    assert_eq!(clip.title.as_deref(), Some("Envoy meets secretary general"));
    assert_eq!(clip.url.as_deref(), Some("https://example.kg/en/1/"));
    assert_eq!(clip.blocks.len(), 3);
    for gone in [
        "USD 87.45",
        "English",
        "views: 155",
        "Other headline here today",
    ] {
        assert!(
            clip.removed.iter().any(|l| l == gone),
            "{gone} not in {:?}",
            clip.removed
        );
    }
}

#[test]
fn trailing_site_name_and_date_without_marker() {
    let clip = parse_text(&format!("{STORY}On November 27, both presidents will meet again in Bishkek.\nExampleNews.org\nNovember 26, 2025\n"));
    assert_eq!(clip.date, Some((d(2025, 11, 26), DateOrigin::TrailingLine)));
    assert_eq!(clip.source_name.as_deref(), Some("ExampleNews.org"));
    assert_eq!(clip.blocks.len(), 4, "{:?}", texts(&clip));
}

#[test]
fn lone_dashes_make_list_items() {
    let clip = parse_text(&format!("{STORY}Documents were signed, including the following ones:\n-\nA memorandum on trade;\n-\nAn agreement on transit.\nThen the delegations left the residence for the airport.\n"));
    let kinds: Vec<_> = clip.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds[3..],
        [
            BlockKind::Paragraph,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Paragraph
        ]
    );
    assert_eq!(clip.blocks[4].text, "A memorandum on trade;");
}

#[test]
fn published_line_beats_ticker_dates_and_story_dates() {
    let text = format!("Ministers sign transit deal | AKIpress\nPublished: 3 November 2025 14:05\nUpdated: 4 November 2025 09:00\n\n{STORY}On 27 November 2025, the presidents will meet.\nRead more:\nOther news\n5 ноября 2025, 10:15\nAnother ticker headline\n");
    let clip = parse_text(&text);
    assert_eq!(clip.date, Some((d(2025, 11, 3), DateOrigin::PublishedLine)));
    assert_eq!(clip.time, NaiveTime::from_hms_opt(14, 5, 0));
    assert_eq!(clip.title.as_deref(), Some("Ministers sign transit deal"));
    assert_eq!(clip.source_name.as_deref(), Some("AKIpress"));
}

#[test]
fn updated_line_is_used_only_when_nothing_else_dates_the_story() {
    let clip = parse_text(&format!("Обновлено: 04.11.2025 09:00\n\n{STORY}"));
    assert_eq!(clip.date, Some((d(2025, 11, 4), DateOrigin::UpdatedLine)));
}

#[test]
fn numeric_and_cyrillic_header_dates() {
    let clip = parse_text(&format!(
        "Министры подписали соглашение\n03.11.2025 14:05\n\n{STORY}"
    ));
    assert_eq!(clip.date, Some((d(2025, 11, 3), DateOrigin::HeaderLine)));
    let clip = parse_text(&format!(
        "Міністри підписали угоду\n3 листопада 2025 р.\n\n{STORY}"
    ));
    assert_eq!(clip.date.map(|x| x.0), Some(d(2025, 11, 3)));
}

#[test]
fn dateline_is_recorded_and_dates_an_undated_clipping() {
    let clip = parse_text(&format!("МОСКВА, 3 ноября 2025. /ТАСС/. Президенты провели переговоры в Кремле и обсудили торговлю.\n{STORY}"));
    assert_eq!(
        clip.dateline.as_deref(),
        Some("МОСКВА, 3 ноября 2025. /ТАСС/.")
    );
    assert_eq!(clip.source_name.as_deref(), Some("ТАСС"));
    assert_eq!(clip.date, Some((d(2025, 11, 3), DateOrigin::Dateline)));
    assert!(
        clip.blocks[0].text.starts_with("Президенты провели"),
        "{}",
        clip.blocks[0].text
    );
}

#[test]
fn cookie_banner_share_row_menu_breadcrumbs_and_credits_are_chrome() {
    let text = format!(
        "News Politics Economy Society Sport\nHome > Politics > World\nWe use cookies to improve your experience. Accept Decline\n\
         Kyrgyzstan and Japan agree on a new grant\nBy Aigerim Sadykova\n\n{STORY}Photo: press service of the President\n\
         Share this: Facebook Twitter Telegram WhatsApp\nSubscribe to our Telegram channel\nTags: Japan, grants\n\
         © 2025 Kabar. All rights reserved.\n"
    );
    let clip = parse_text(&text);
    assert_eq!(
        clip.title.as_deref(),
        Some("Kyrgyzstan and Japan agree on a new grant")
    );
    assert_eq!(clip.blocks.len(), 3, "{:?}", texts(&clip));
    assert_eq!(clip.source_name.as_deref(), Some("Kabar"));
    for gone in [
        "News Politics Economy Society Sport",
        "Home > Politics > World",
        "By Aigerim Sadykova",
        "Photo: press service of the President",
    ] {
        assert!(
            clip.removed.iter().any(|l| l == gone),
            "{gone} not removed: {:?}",
            clip.removed
        );
    }
}

#[test]
fn chrome_inside_the_story_is_dropped_but_short_story_lines_stay() {
    let text = format!(
        "{STORY}Read also: Tajikistan and Kyrgyzstan open a new border crossing\nAdvertisement\n\
         “We are ready,” the minister said.\nThe minister said the agreement would be ratified by parliament before the end of the year.\n\
         The talks will continue tomorrow.\n"
    );
    let clip = parse_text(&text);
    let t = texts(&clip);
    assert!(t.contains(&"“We are ready,” the minister said."), "{t:?}");
    assert!(t.contains(&"The talks will continue tomorrow."), "{t:?}");
    assert!(
        !t.iter()
            .any(|x| x.starts_with("Read also") || *x == "Advertisement"),
        "{t:?}"
    );
}

#[test]
fn related_list_of_sentence_headlines_after_a_section_is_cut() {
    let text = format!("{STORY}{STORY}Related\nKazakhstan raises oil supplies to Kyrgyzstan in December.\nKyrgyzstan signs agreements with Afghanistan worth $157 million.\n");
    let clip = parse_text(&text);
    assert_eq!(clip.blocks.len(), 6, "{:?}", texts(&clip));
}

#[test]
fn repeated_lines_and_site_wide_lines_are_chrome() {
    let mut site = HashSet::new();
    site.insert("Kabar news agency, independent since 1937".to_owned());
    let text = format!("Kabar news agency, independent since 1937\n{STORY}Popular headline about trade today\nPopular headline about trade today\n");
    let clip = parse(&text, &site);
    assert_eq!(clip.blocks.len(), 3);
    assert!(clip
        .removed
        .iter()
        .any(|l| l.starts_with("Kabar news agency")));
    let doubled = parse_text(&format!(
        "{STORY}China railway: Financing distributed China railway: Financing distributed\n"
    ));
    assert_eq!(doubled.blocks.len(), 3, "{:?}", texts(&doubled));
}

#[test]
fn only_chrome_is_no_story() {
    let clip = parse_text("News Politics Economy Sport\nUSD 87.45\n10:42\nKyrgyzstan signs deal\nPopular\nAnother headline here\n");
    assert!(clip.no_story);
    assert!(clip.blocks.is_empty());
    assert!(clip.removed.len() >= 5);
}

#[test]
fn today_line_gives_the_marker_date_a_time() {
    let clip = parse_text(&format!(" date 2025-11-03\nToday, 14:05\n{STORY}"));
    assert_eq!(clip.date, Some((d(2025, 11, 3), DateOrigin::Marker)));
    assert_eq!(clip.time, NaiveTime::from_hms_opt(14, 5, 0));
}

#[test]
fn parser_never_panics_on_odd_input() {
    for text in [
        "",
        "\n\n\n",
        "-",
        "date",
        " date 2025-13-45 x",
        "© ",
        "a | b | c",
        "\u{feff}\u{200b}",
        "x.y",
        "1:2",
        "—\n—\n—",
    ] {
        let _ = parse_text(text);
    }
}

#[test]
fn story_without_full_stops_is_still_a_story() {
    let clip = parse_text(" date 2026-01-01\nKyrgyzstan and Russia sign deal\n\nThe two presidents signed an agreement on trade in Moscow\n");
    assert!(!clip.no_story);
    assert_eq!(
        clip.title.as_deref(),
        Some("Kyrgyzstan and Russia sign deal")
    );
    assert_eq!(
        texts(&clip),
        ["The two presidents signed an agreement on trade in Moscow"]
    );
}

#[test]
fn impossible_marker_date_is_reported_and_removed_from_the_text() {
    let clip =
        parse_text(" date 2026-13-45 Something happened in Bishkek today, officials said.\n");
    assert_eq!(clip.bad_marker.as_deref(), Some("2026-13-45"));
    assert_eq!(clip.date, None);
    assert_eq!(
        texts(&clip),
        ["Something happened in Bishkek today, officials said."]
    );
}

/// Every prefix and suffix (at character boundaries) of a clipping full of chrome, dates and
/// mixed scripts parses without panicking: the parser slices strings in many places.
#[test]
fn no_prefix_or_suffix_of_a_messy_clipping_panics() {
    let text = " date 2025-12-18 11:26\nUSD 87.45\nEnglish\nНовости | Политика | Экономика\nМОСКВА, 3 ноября. /ТАСС/. Президенты «Кыргызстана» встретились.\n\
                Опубликовано: 03.11.2025 14:05\n© 2025 «Кабар». Бардык укуктар корголгон.\nShare this: Facebook Twitter\n-\n• пункт;\n\
                Read more: EU and Central Asia agree\nПрезиденты обсудили $110 млн и 40% роста, “quote.” Конец.\n3-ноябрь 2025-жыл\nCentralasianLIGHT.org\n";
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    for &i in &boundaries {
        let _ = parse_text(&text[..i]);
        let _ = parse_text(&text[i..]);
    }
}

#[test]
fn a_list_the_story_introduces_is_story_not_furniture() {
    let text = "India unveils budget\n\n\
        India is to boost spending on primary schools and health in a budget flagged as a boost for the ordinary citizen. The finance minister presented it to parliament on Monday.\n\n\
        The finance minister says he is committed to continue reforming the tax system. As part of his reforms he has announced:\n\n\
        - Duty cuts on capital goods and raw materials\n\
        - Expanded service tax net\n\
        - Raised the income-tax threshold\n\
        - Reduced income tax for low earners\n\
        - Reduced corporate tax rates to 30%\n\n\
        An annual economic survey released on Friday said India needed to ease restrictions on foreign investment. The Communists are hostile to such measures.\n";
    let clip = parse_text(text);
    let body = texts(&clip).join("\n");
    assert!(body.contains("Expanded service tax net"), "{body}");
    assert!(body.contains("An annual economic survey"), "{body}");
    // Without the introducing colon, a run of short lines after the story is still a
    // headline list, and what follows it is not story.
    let related = "Budget unveiled\n\n\
        India is to boost spending on primary schools and health in a budget flagged as a boost for the ordinary citizen. The finance minister presented it to parliament on Monday. He said growth was strong and inflation under control this year.\n\n\
        - Markets rally on budget hopes\n\
        - Rupee hits a six-month high\n\
        - Oil prices ease in Asian trade\n\
        - Gold steadies after sell-off\n\n\
        Subscribe to our newsletter for the latest business news.\n";
    let clip = parse_text(related);
    let body = texts(&clip).join("\n");
    assert!(!body.contains("Subscribe"), "{body}");
}

// Header zones of copied news pages (issue 10): the date on the byline or dateline by the
// headline, and the headline among menus, teasers, standfirsts, names and captions.

/// Site furniture above a headline: a menu, the site's name, a search prompt.
const MENU: &str = "Home\nNews\nPolitics\nBusiness\nSport\nThe Daily Courier\nSearch\n";

fn header_then_story(header: &str) -> Clipping {
    parse_text(&format!("{MENU}\n{header}\n\n{STORY}"))
}

#[test]
fn byline_with_a_date_dates_the_story() {
    let clip = header_then_story(
        "Ministers agree on new transit rules for the region\nBy Jane Doe | Oct 4, 2018",
    );
    assert_eq!(clip.date, Some((d(2018, 10, 4), DateOrigin::BylineLine)));
    assert_eq!(
        clip.title.as_deref(),
        Some("Ministers agree on new transit rules for the region")
    );
}

#[test]
fn published_line_with_time_zone_and_weekday() {
    let clip = header_then_story(
        "Ministers agree on new transit rules\nPublished 10:42 AM EST Nov 13, 2019",
    );
    assert_eq!(
        clip.date,
        Some((d(2019, 11, 13), DateOrigin::PublishedLine))
    );
    assert_eq!(clip.time, NaiveTime::from_hms_opt(10, 42, 0));
}

#[test]
fn published_beats_updated_and_updated_alone_still_dates() {
    let clip = header_then_story(
        "Ministers agree on new transit rules\nUpdated 1:39 am, Tuesday, November 19, 2019\nPublished 6:00 pm, Monday, November 18, 2019",
    );
    assert_eq!(
        clip.date,
        Some((d(2019, 11, 18), DateOrigin::PublishedLine))
    );
    let clip = header_then_story(
        "Ministers agree on new transit rules\nUpdated 1:39 am, Tuesday, November 19, 2019",
    );
    assert_eq!(clip.date, Some((d(2019, 11, 19), DateOrigin::UpdatedLine)));
}

#[test]
fn ordinal_date_line_with_at_and_time() {
    let clip =
        header_then_story("Ministers agree on new transit rules\nNovember 19th, 2019 at 4:26 pm");
    assert_eq!(clip.date, Some((d(2019, 11, 19), DateOrigin::HeaderLine)));
    assert_eq!(clip.time, NaiveTime::from_hms_opt(16, 26, 0));
}

#[test]
fn site_header_today_and_related_list_dates_are_not_the_story_date() {
    let text = format!(
        "Home\nWorld\nThursday, 4 December 2025\nBusiness\nSport\n\nMinisters agree on new transit rules\nBy Jane Doe\n\n{STORY}Related\nOther ministers meet in the capital today\nDecember 1, 2025\nTrade talks continue next week\nNovember 30, 2025\n"
    );
    let clip = parse_text(&text);
    assert_eq!(clip.date, None, "{:?}", clip.date);
    assert_eq!(
        clip.title.as_deref(),
        Some("Ministers agree on new transit rules")
    );
}

#[test]
fn numeric_dates_follow_the_values_then_the_language() {
    // 13 cannot be a month: certain whatever the language.
    let clip = header_then_story("Ministers agree on new transit rules\n13/06/2014");
    assert_eq!(clip.date, Some((d(2014, 6, 13), DateOrigin::HeaderLine)));
    // Either way round: an English page reads month first, and says it guessed.
    let clip = header_then_story("Ministers agree on new transit rules\nPosted 04/05/2022");
    assert_eq!(clip.date, Some((d(2022, 4, 5), DateOrigin::GuessedOrder)));
    let clip = parse_text(
        "Ministros aprovam novas regras de trânsito\npostado em 04/05/2022 05:49\n\n\
         Os dois ministros assinaram um acordo sobre o comércio de trânsito na capital.\n\
         Eles também discutiram a cooperação em energia e novas ligações ferroviárias.\n",
    );
    assert_eq!(clip.date, Some((d(2022, 5, 4), DateOrigin::GuessedOrder)));
}

#[test]
fn month_names_of_more_languages_on_bylines() {
    for (line, date) in [
        ("Por Redação | 22 de janeiro de 2018", d(2018, 1, 22)),
        ("Rabu, 6 Maret 2019 10:00 WIB", d(2019, 3, 6)),
        ("Опубликовано 11 октября 2019, 12:00", d(2019, 10, 11)),
        ("Veröffentlicht am 5. November 2023, 14:09", d(2023, 11, 5)),
    ] {
        let clip = header_then_story(&format!("Ministers agree on new transit rules\n{line}"));
        assert_eq!(clip.date.map(|x| x.0), Some(date), "{line}");
    }
}

#[test]
fn a_date_in_a_story_sentence_is_not_the_publication_date() {
    let clip = parse_text(&format!(
        "Ministers agree on new transit rules\n\nOn 27 November 2025 the two ministers met again.\n{STORY}"
    ));
    assert_eq!(clip.date, None);
}

#[test]
fn headline_not_the_standfirst_under_it() {
    let clip = header_then_story(
        "Ministers agree on new transit rules\nThe agreement ends a dispute that has held up trucks at the border for two years and opens a new route.\nBy Jane Doe\nDec. 4, 2025",
    );
    assert_eq!(
        clip.title.as_deref(),
        Some("Ministers agree on new transit rules")
    );
    assert_eq!(clip.date.map(|x| x.0), Some(d(2025, 12, 4)));
}

#[test]
fn headline_not_the_authors_name_over_the_date() {
    let clip = header_then_story(
        "Ministers agree on new transit rules for the region\nJane Doe\nDec. 4, 2025, 5:04 PM",
    );
    assert_eq!(
        clip.title.as_deref(),
        Some("Ministers agree on new transit rules for the region")
    );
    assert_eq!(clip.date, Some((d(2025, 12, 4), DateOrigin::HeaderLine)));
}

#[test]
fn headline_not_a_kicker_or_a_caption() {
    let clip = header_then_story(
        "Trade Talks\nMinisters agree on new transit rules for the region\nBy Jane Doe\nDec. 4, 2025\nTrucks wait at the border crossing. Photo: Jane Doe/Getty Images",
    );
    assert_eq!(
        clip.title.as_deref(),
        Some("Ministers agree on new transit rules for the region")
    );
}

#[test]
fn headline_not_banners_prompts_or_breadcrumbs() {
    let text = format!(
        "This site uses cookies. By continuing to browse the site you accept our use of cookies. Accept\nThe Daily Courier is best experienced with JavaScript enabled.\nSign in to The Daily Courier\nEnter your email address\nHome > World > Ministers agree on new transit rules\nMinisters agree on new transit rules\nDecember 4, 2025\n\n{STORY}"
    );
    let clip = parse_text(&text);
    assert_eq!(
        clip.title.as_deref(),
        Some("Ministers agree on new transit rules")
    );
}

#[test]
fn headline_not_a_teaser_of_another_story() {
    let text = format!(
        "{MENU}Popular\nPresident opens a new bridge over the river\nFarmers expect a record harvest this year\nMinisters agree on new transit rules\nBy Jane Doe | Dec 4, 2025\n\n{STORY}"
    );
    let clip = parse_text(&text);
    assert_eq!(
        clip.title.as_deref(),
        Some("Ministers agree on new transit rules")
    );
    assert_eq!(clip.date, Some((d(2025, 12, 4), DateOrigin::BylineLine)));
}

#[test]
fn headline_after_a_teaser_paragraph_that_looked_like_the_story() {
    let text = format!(
        "{MENU}Back to The Wire: the latest news coverage from our reporters, all day.\nMinisters agree on new transit rules\nBy Jane Doe | Dec 4, 2025\n\n{STORY}The talks were the first since the border was closed in the summer of last year.\nBoth sides said they expected trade to recover within months of the agreement.\n"
    );
    let clip = parse_text(&text);
    assert_eq!(
        clip.title.as_deref(),
        Some("Ministers agree on new transit rules")
    );
    assert!(
        !texts(&clip)
            .iter()
            .any(|t| t.starts_with("Back to The Wire")),
        "{:?}",
        texts(&clip)
    );
}

#[test]
fn chinese_and_japanese_stories_are_not_lost() {
    let text = "首页\n新闻\n体育\n财经\n中俄签署能源合作协议\n2019年11月18日 10:05 来源：新华社\n\
        新华社北京11月18日电，中国和俄罗斯今天在北京签署了一项新的能源合作协议，双方同意扩大天然气贸易。\n\
        两国领导人表示，这项协议将为地区经济发展带来新的机遇，并加强两国在基础设施领域的合作。\n\
        相关新闻\n";
    let clip = parse_text(text);
    assert!(!clip.no_story);
    assert_eq!(clip.title.as_deref(), Some("中俄签署能源合作协议"));
    assert_eq!(clip.date.map(|x| x.0), Some(d(2019, 11, 18)));
    assert_eq!(clip.blocks.len(), 2, "{:?}", texts(&clip));
    let ja = parse_text("日本と中央アジアの外相会合\n東京で開かれた会合で、外相たちは物流と脱炭素の協力を進めることで合意した。\n");
    assert!(!ja.no_story);
    assert_eq!(ja.blocks.len(), 1, "{:?}", texts(&ja));
}

#[test]
fn notices_about_the_browser_are_chrome_in_several_languages() {
    for line in [
        "Zur optimalen Darstellung von Osthessen|News wird Javascript benötigt.",
        "JavaScript is disabled on your browser. Please enable JavaScript to view this page.",
        "Veuillez activer JavaScript pour afficher cette page.",
        "如欲取得最佳浏览效果，请使用最新的、使用串联样式表（CSS）的浏览器。",
        "Please upgrade your browser to view this site.",
    ] {
        assert_eq!(classify(&normalise_line(line)), Kind::Chrome, "{line}");
    }
    let story =
        "Google said the update would support the Chrome browser on older phones from March.";
    assert_eq!(classify(story), Kind::Prose);
}

#[test]
fn a_title_case_question_is_a_headline_and_a_dated_byline_after_the_story_dates_it() {
    let text = format!(
        "Celebrity\nLogout\nSpoiler!\nBachelor 2015 Spoilers: Who Is Alissa Giambrone, Season 19 Contestant?\n\
         Share Tweet\n\n{STORY}\nDecember 29, 2014 at 02:13PM EST by Julia Wayne\nRelated:\nSeason 19,\n"
    );
    let clip = parse_text(&text);
    assert_eq!(
        clip.title.as_deref(),
        Some("Bachelor 2015 Spoilers: Who Is Alissa Giambrone, Season 19 Contestant?")
    );
    assert_eq!(clip.date.map(|x| x.0), Some(d(2014, 12, 29)));
    assert_eq!(clip.blocks.len(), 3, "{:?}", texts(&clip));
    // A question in a story sentence stays story.
    assert_eq!(
        classify("What will the two ministers agree on when they meet again in Tashkent?"),
        Kind::Prose
    );
}

#[test]
fn the_story_is_the_densest_run_of_prose_not_the_first_sentence_on_the_page() {
    // A teaser's blurb above the menus, and reader comments after the story.
    let text = format!(
        "Our newsletter brings you the best stories of the week every Friday morning.\n\
         News\nWorld\nBusiness\nSport\nCulture\nOpinion\nVideo\n\
         Ministers sign a transit deal in Bishkek\nBy Aigerim Sadykova\n\n{STORY}{STORY}\
         Comments\nJohn Smith\n2 hours ago\nI think this is a good deal for both countries and their people.\nReply\n12 likes\n"
    );
    let clip = parse_text(&text);
    assert_eq!(
        clip.title.as_deref(),
        Some("Ministers sign a transit deal in Bishkek")
    );
    assert_eq!(clip.blocks.len(), 6, "{:?}", texts(&clip));
    assert!(clip.removed.iter().any(|l| l.starts_with("Our newsletter")));
    assert!(clip.removed.iter().any(|l| l.starts_with("I think this")));
}

#[test]
fn words_of_text_without_spaces() {
    assert_eq!(words("两国领导人表示"), 3);
    assert_eq!(words("Talks in Bishkek"), 3);
    assert!(ends_sentence("合作协议。"));
    assert!(ends_sentence("「合作する。」"));
}

#[test]
fn cookie_banners_in_french_german_and_spanish_are_chrome() {
    for line in [
        "Nous utilisons des cookies pour améliorer l'offre que nous vous proposons.",
        "Wir verwenden Cookies, um Ihnen ein optimales Erlebnis zu bieten.",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
    ] {
        assert_eq!(classify(line), Kind::Chrome, "{line}");
    }
}
