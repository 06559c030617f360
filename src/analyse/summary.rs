//! Extractive summaries: the sentences that best represent an article, in article order.
//!
//! Each sentence is scored on weighted evidence ([`score`]): its position (news states its
//! main fact first), its centrality ([`centrality`], TextRank), the headline's words, and
//! cues of quality. The best are then picked greedily, skipping near-duplicates of sentences
//! already picked and keeping the brief readable on its own ([`cues`]): a sentence that leans
//! on the one before it ("They had appealed...", "But Mr Balls...") comes with that sentence
//! or not at all, a list item with the sentence that introduces the list; captions, bylines,
//! comments and sentences holding part of a quotation are left out. The picks are put back in
//! article order. Deterministic: ties go to the earlier sentence.
//!
//! An article no longer than the summary plus one sentence is summarised by its lead: a graph
//! of four sentences says little, and cutting a short story's opening loses its point.

mod centrality;
mod cues;
pub mod score;

use super::language::Lang;
use super::stem::Words;
use super::text::{inner_sentences, sentences, split_quotations, tokens};
use crate::ingest::{Article, BlockKind, Origin};
use centrality::{overlap, Bags};

/// How long a summary may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length {
    /// At most this many sentences (at least one).
    pub sentences: usize,
    /// At most this many words, when set; the first sentence is kept whatever its length.
    pub words: Option<usize>,
}

impl Length {
    /// A limit in sentences only.
    pub fn sentences(n: usize) -> Self {
        Length {
            sentences: n.max(1),
            words: None,
        }
    }
}

/// Two sentences sharing more than this share of the shorter one's content words say the
/// same thing. High on purpose: news repeats its key words in every sentence, and at 0.6
/// distinct sentences were dropped (1 point of ROUGE-2 lost on the BBC benchmark).
const REDUNDANT: f32 = 0.75;

/// A candidate sentence and where it stands in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// Index of its paragraph (or list item) among the body's, headings not counted.
    pub paragraph: usize,
    /// The first sentence of its paragraph.
    pub opens_paragraph: bool,
    /// Part of a list item.
    pub list_item: bool,
}

/// The body split into candidate sentences, in article order.
pub fn candidates(article: &Article) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, block) in article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .enumerate()
    {
        for (k, text) in sentences(&block.text).into_iter().enumerate() {
            out.push(Sentence {
                text: text.to_owned(),
                paragraph,
                opens_paragraph: k == 0,
                list_item: block.kind == BlockKind::ListItem,
            });
        }
    }
    out
}

/// Sentences considered for the summary: news puts its gist early, and the graph is quadratic
/// in the number of sentences.
const MAX_CANDIDATES: usize = 200;
/// Longest summary sentence, in characters (a text with no sentence breaks is cut).
const MAX_SENTENCE: usize = 400;

/// Summarise `article`, written in `lang`, within `length` (never empty when the article has
/// text).
pub fn summarise(article: &Article, lang: &Lang, length: Length) -> Vec<String> {
    summarise_candidates(article, &candidates(article), lang, length)
}

/// [`summarise`], given the article's [`candidates`] (which key figures read too: split once).
pub fn summarise_candidates(
    article: &Article,
    candidates: &[Sentence],
    lang: &Lang,
    length: Length,
) -> Vec<String> {
    let all = prepare(candidates);
    let n = length.sentences.max(1);
    if all.len() <= n + 1 {
        let order: Vec<usize> = (0..all.len()).collect();
        let free = vec![None; all.len()];
        return select(&all, &order, &free, n, length.words);
    }
    let (bags, features) = evidence(article, &all, lang);
    let order = rank(&features, &bags, n);
    let needs = leans_on(&all, &features);
    select(&all, &order, &needs, n, length.words)
}

/// Each candidate's [`score::Features`], for fitting the weights
/// (`examples/summary_features.rs`).
pub fn features(
    article: &Article,
    candidates: &[Sentence],
    lang: &Lang,
) -> Vec<(Sentence, score::Features)> {
    let all = prepare(candidates);
    let (_, features) = evidence(article, &all, lang);
    all.into_iter().zip(features).collect()
}

/// The prepared sentences' word bags and [`score::Features`]: what [`summarise_candidates`]
/// ranks by and what [`features`] hands to the fitting script, made in one place so the fit
/// sees exactly the evidence the summariser weighs.
fn evidence(article: &Article, all: &[Sentence], lang: &Lang) -> (Bags, Vec<score::Features>) {
    let words = Words::for_lang(lang);
    let bags = Bags::new(
        all.iter().map(|s| s.text.as_str()),
        independent_title(article),
        &words,
    );
    let features = score::features(all, &bags, lang);
    (bags, features)
}

/// The headline, when it is evidence independent of the body: one made from the lead or the
/// file name is not.
fn independent_title(article: &Article) -> &str {
    match article.title_origin {
        Origin::Lead | Origin::FileName => "",
        _ => article.title.as_str(),
    }
}

/// At most [`MAX_CANDIDATES`] sentences, each short enough to show whole: a long quotation is
/// split at its inner sentences, a text with no sentence breaks is cut.
fn prepare(candidates: &[Sentence]) -> Vec<Sentence> {
    let mut all: Vec<Sentence> = Vec::new();
    for sentence in candidates {
        if all.len() >= MAX_CANDIDATES {
            break;
        }
        if sentence.text.chars().count() <= MAX_SENTENCE {
            all.push(sentence.clone());
            continue;
        }
        for (k, part) in split_quotations(&sentence.text).into_iter().enumerate() {
            all.push(Sentence {
                text: if part.chars().count() > MAX_SENTENCE {
                    crate::ingest::headline::shorten(part, MAX_SENTENCE)
                } else {
                    part.to_owned()
                },
                opens_paragraph: sentence.opens_paragraph && k == 0,
                ..sentence.clone()
            });
        }
    }
    all.truncate(MAX_CANDIDATES);
    all
}

/// Sentence indices, best first for a summary of `n` sentences: by score, a sentence most of
/// whose content the ones ranked above it already say going to the back.
fn rank(features: &[score::Features], bags: &Bags, n: usize) -> Vec<usize> {
    let scores: Vec<f32> = features.iter().map(|f| score::score(f, n)).collect();
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut kept: Vec<usize> = Vec::with_capacity(order.len());
    let mut redundant: Vec<usize> = Vec::new();
    for i in order {
        if kept
            .iter()
            .any(|&p| overlap(&bags.bags[i], &bags.bags[p]) > REDUNDANT)
        {
            redundant.push(i);
        } else {
            kept.push(i);
        }
    }
    kept.extend(redundant);
    kept
}

/// What each sentence needs beside it to be read alone: `Some(j)` when it leans on sentence
/// `j` (a pronoun or connective on the one before it, a list item on the sentence that
/// introduces the list); `None` when it stands alone. A sentence that must not be shown at all
/// (a caption, a comment, part of a quotation) needs itself: `Some(i)`.
fn leans_on(all: &[Sentence], features: &[score::Features]) -> Vec<Option<usize>> {
    let at = |name: &str| {
        score::NAMES
            .iter()
            .position(|n| *n == name)
            .expect("feature")
    };
    let (leans, not_story, broken) = (at("leans"), at("not_story"), at("broken_quote"));
    (0..all.len())
        .map(|i| {
            if features[i][not_story] > 0.0 || features[i][broken] > 0.0 {
                Some(i)
            } else if all[i].list_item {
                (0..i).rev().find(|&j| !all[j].list_item)
            } else if features[i][leans] > 0.0 && i > 0 {
                Some(i - 1)
            } else {
                None
            }
        })
        .collect()
}

/// Take sentences in rank `order` until `n` are picked or the word budget is spent (a sentence
/// that would overrun it is passed over for a shorter one), then restore article order.
///
/// A sentence that leans on another (`needs`) comes with it, both within the budget, or is
/// passed over; one that needs itself is never shown. A sentence holding a quotation of
/// several sentences counts as that many ([`inner_sentences`]): "three sentences" should not
/// become three paragraphs of quotes. Never empty when there is text: when nothing fits, the
/// best sentence that can stand alone (or the best at all) is the brief.
fn select(
    all: &[Sentence],
    order: &[usize],
    needs: &[Option<usize>],
    n: usize,
    words: Option<usize>,
) -> Vec<String> {
    let mut picked = vec![false; all.len()];
    let (mut used, mut units, mut count) = (0, 0, 0);
    let mut group: Vec<usize> = Vec::new();
    for &i in order {
        if units >= n {
            break;
        }
        // The sentence and what it leans on, back to one that stands alone (or one picked).
        group.clear();
        let mut at = i;
        let whole = loop {
            if picked[at] {
                break true;
            }
            group.push(at);
            match needs[at] {
                None => break true,
                Some(j) if j == at || group.len() > 3 => break false,
                Some(j) => at = j,
            }
        };
        if !whole {
            continue;
        }
        let cost: usize = group.iter().map(|&g| inner_sentences(&all[g].text)).sum();
        let len: usize = group.iter().map(|&g| word_count(&all[g].text)).sum();
        if units + cost > n || words.is_some_and(|budget| used + len > budget) {
            continue;
        }
        for &g in &group {
            picked[g] = true;
        }
        units += cost;
        used += len;
        count += group.len();
    }
    if count == 0 {
        let alone = order.iter().find(|&&i| needs[i].is_none());
        if let Some(&i) = alone.or(order.first()) {
            picked[i] = true;
        }
    }
    (0..all.len())
        .filter(|&i| picked[i])
        .map(|i| all[i].text.clone())
        .collect()
}

fn word_count(sentence: &str) -> usize {
    sentence.split_whitespace().count()
}

/// Content words of a text, for similarity: folded words of at least four letters, cut to six
/// characters (a crude but language-independent stand-in for stemming: Russian and Ukrainian
/// endings vary, stems don't). Repeats are kept. `f` sees each word in a reused buffer, so
/// nothing is allocated per word.
pub fn for_content_words(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new(); // the first six folded characters
    let mut full = String::new(); // up to nine, enough to recognise any stop word
    for token in tokens(text) {
        let (mut chars, mut letters) = (0, 0);
        word.clear();
        full.clear();
        for c in token.text.chars().flat_map(char::to_lowercase) {
            let c = if c == 'ё' { 'е' } else { c };
            chars += 1;
            letters += usize::from(c.is_alphabetic());
            if chars <= 6 {
                word.push(c);
            }
            if chars <= 9 {
                full.push(c);
            }
        }
        if chars >= 4 && letters > 0 && !(chars < 9 && is_stop_word(&full)) {
            f(&word);
        }
    }
}

fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "that",
        "this",
        "with",
        "from",
        "have",
        "been",
        "were",
        "will",
        "would",
        "their",
        "there",
        "which",
        "also",
        "about",
        "into",
        "than",
        "they",
        "them",
        "these",
        "those",
        "such",
        "said",
        "what",
        "when",
        "where",
        "while",
        "other",
        "more",
        "most",
        "some",
        "over",
        "after",
        "before",
        "between",
        "both",
        "each",
        "very",
        "only",
        "being",
        "during",
        "under",
        "upon",
        "этот",
        "этого",
        "этой",
        "были",
        "было",
        "будет",
        "который",
        "которые",
        "также",
        "более",
        "между",
        "после",
        "через",
        "всех",
        "этом",
        "того",
        "чтобы",
        "свои",
        "своих",
        "если",
        "цього",
        "цієї",
        "були",
        "було",
        "буде",
        "який",
        "яких",
        "також",
        "більш",
        "між",
        "після",
        "через",
        "всіх",
        "того",
        "щоб",
        "своїх",
        "якщо",
        "вони",
        "саме",
    ];
    STOP.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(paragraphs: &[&str]) -> Article {
        Article::for_test("t", paragraphs)
    }

    fn en() -> Lang {
        Lang::parse("en").unwrap()
    }

    #[test]
    fn short_articles_are_their_own_summary() {
        let a = article(&["One sentence here. Two sentences here."]);
        assert_eq!(
            summarise(&a, &en(), Length::sentences(3)),
            ["One sentence here.", "Two sentences here."]
        );
    }

    #[test]
    fn summary_keeps_article_order_and_skips_duplicates() {
        let a = article(&[
            "The presidents discussed trade and energy cooperation in Bishkek.",
            "The weather was sunny.",
            "Trade between the countries reached record levels, the presidents said.",
            "The presidents discussed trade and energy cooperation in Bishkek today.",
            "Energy cooperation includes new hydroelectric projects and trade corridors.",
            "A band played.",
        ]);
        let s = summarise(&a, &en(), Length::sentences(3));
        assert_eq!(s.len(), 3);
        assert_eq!(
            s[0],
            "The presidents discussed trade and energy cooperation in Bishkek."
        );
        assert!(
            !s.iter().any(|x| x.ends_with("today.")),
            "near-duplicate picked: {s:?}"
        );
        assert!(
            !s.iter().any(|x| x.contains("band") || x.contains("sunny")),
            "{s:?}"
        );
        let positions: Vec<usize> = s
            .iter()
            .map(|x| candidates(&a).iter().position(|c| &c.text == x).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_quotation_of_two_sentences_counts_as_two() {
        let a = article(&[
            "Kyrgyzstan and Pakistan signed agreements on trade and energy.",
            "\"Trade will double. Energy will follow,\" the Pakistani minister said of the agreements.",
            "Trade between Kyrgyzstan and Pakistan reached a record this year.",
            "Energy agreements cover the CASA-1000 line between Kyrgyzstan and Pakistan.",
            "A band played.",
        ]);
        let s = summarise(&a, &en(), Length::sentences(2));
        let units: usize = s.iter().map(|x| inner_sentences(x)).sum();
        assert!(units <= 2 && !s.is_empty(), "{s:?}");
    }

    #[test]
    fn an_overlong_quotation_is_split_not_cut() {
        let long = "word ".repeat(60);
        let quote = format!("\"First {long}here. Second {long}there,\" he said.");
        let a = article(&[&quote]);
        let s = summarise(&a, &en(), Length::sentences(3));
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(
            s[0].ends_with("here.") && s[1].ends_with("he said."),
            "{s:?}"
        );
    }

    #[test]
    fn a_four_sentence_article_gets_its_lead() {
        let a = article(&["One thing happened. A second. A third thing. A fourth thing."]);
        assert_eq!(
            summarise(&a, &en(), Length::sentences(3)),
            ["One thing happened.", "A second.", "A third thing."]
        );
    }

    fn story() -> Article {
        Article::for_test(
            "Kyrgyzstan and Pakistan sign trade agreements",
            &[
                "Kyrgyzstan and Pakistan signed agreements on trade, transit and energy in Bishkek.",
                "The weather in the capital was sunny and warm all week long.",
                "The trade agreements cut tariffs on goods moving between Kyrgyzstan and Pakistan.",
                "Energy cooperation includes the CASA-1000 power line linking the two countries.",
                "The delegation also visited a museum, a theatre and a park:",
                "Transit through China will shorten the road for Pakistan trade with Kyrgyzstan.",
            ],
        )
    }

    #[test]
    fn ranking_prefers_central_sentences_over_asides_and_introductions() {
        let s = summarise(&story(), &en(), Length::sentences(3));
        assert_eq!(s.len(), 3);
        assert!(s[0].starts_with("Kyrgyzstan and Pakistan signed"), "{s:?}");
        assert!(
            !s.iter().any(|x| x.contains("sunny") || x.ends_with(':')),
            "{s:?}"
        );
    }

    #[test]
    fn word_budget_caps_the_summary_but_never_empties_it() {
        let length = Length {
            sentences: 3,
            words: Some(25),
        };
        let s = summarise(&story(), &en(), length);
        let words: usize = s.iter().map(|x| word_count(x)).sum();
        assert!(!s.is_empty() && s.len() < 3 && words <= 25, "{s:?}");
        let one_word = Length {
            sentences: 3,
            words: Some(1),
        };
        assert_eq!(summarise(&story(), &en(), one_word).len(), 1);
    }

    #[test]
    fn russian_and_ukrainian_articles_are_ranked_by_stems() {
        let ru = Article::for_test(
            "Кыргызстан и Китай расширят торговлю",
            &[
                "Кыргызстан и Китай договорились расширить торговлю и транзит.",
                "В Бишкеке шел снег, на дорогах были пробки.",
                "Торговля между Кыргызстаном и Китаем выросла на треть.",
                "Транзит грузов через Кыргызстан в Китай упростят.",
                "Вечером делегация посетила концерт.",
                "Стороны обсудили торговые и транзитные проекты Китая и Кыргызстана.",
            ],
        );
        let s = summarise(&ru, &Lang::parse("ru").unwrap(), Length::sentences(3));
        assert!(
            !s.iter()
                .any(|x| x.contains("снег") || x.contains("концерт")),
            "{s:?}"
        );
        let uk = Article::for_test(
            "Україна і Польща поглиблять співпрацю",
            &[
                "Україна і Польща домовилися поглибити економічну співпрацю.",
                "У Варшаві йшов дощ.",
                "Економічна співпраця України та Польщі зростає третій рік.",
                "Делегація відвідала музей.",
                "Сторони обговорили співпрацю в енергетиці між Польщею та Україною.",
                "Увечері відбувся концерт.",
            ],
        );
        let s = summarise(&uk, &Lang::parse("uk").unwrap(), Length::sentences(3));
        assert!(
            !s.iter()
                .any(|x| x.contains("дощ") || x.contains("музей") || x.contains("концерт")),
            "{s:?}"
        );
    }
}
