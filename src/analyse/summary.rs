//! Extractive summaries: the sentences that best represent an article, in article order.
//!
//! The ranking is TextRank (Mihalcea and Tarau, 2004) with a position prior: sentences are the
//! nodes of a graph whose edges weigh how many stemmed content words two sentences share
//! (normalised by their lengths, so long sentences do not win by size alone); a sentence's
//! score is its stationary probability under a random walk over that graph that restarts, with
//! probability `1 - DAMPING`, at a sentence drawn from the prior. The prior favours the lead
//! (news states its gist first) and sentences that share words with the headline. The best
//! are then picked greedily, skipping near-duplicates of sentences already picked, and put
//! back in article order. Deterministic: ties go to the earlier sentence.
//!
//! An article no longer than the summary plus one sentence is summarised by its lead: a graph
//! of four sentences says little, and cutting a short story's opening loses its point.

use rustc_hash::FxHashMap;

use super::language::Lang;
use super::stem::Words;
use super::text::{inner_sentences, sentences, split_quotations, tokens};
use crate::ingest::{Article, BlockKind, Origin};

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

/// Sentences shorter than this (in words) are poor summary material unless nothing else is left.
const MIN_WORDS: usize = 5;
/// Two sentences sharing more than this share of the shorter one's content words say the
/// same thing. High on purpose: news repeats its key words in every sentence, and at 0.6
/// distinct sentences were dropped (1 point of ROUGE-2 lost on the BBC benchmark).
const REDUNDANT: f32 = 0.75;
/// Probability that the random walk follows an edge rather than restarting (TextRank's 0.85).
const DAMPING: f32 = 0.85;

/// The body split into candidate sentences, in article order.
pub fn candidates(article: &Article) -> Vec<String> {
    article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .flat_map(|b| sentences(&b.text))
        .map(str::to_owned)
        .collect()
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
    candidates: &[String],
    lang: &Lang,
    length: Length,
) -> Vec<String> {
    // Too long to show whole: a long quotation is split at its inner sentences, a text with
    // no sentence breaks is cut.
    let mut all: Vec<String> = Vec::new();
    for sentence in candidates {
        if all.len() >= MAX_CANDIDATES {
            break;
        }
        if sentence.chars().count() <= MAX_SENTENCE {
            all.push(sentence.clone());
            continue;
        }
        for part in split_quotations(sentence) {
            all.push(if part.chars().count() > MAX_SENTENCE {
                crate::ingest::headline::shorten(part, MAX_SENTENCE)
            } else {
                part.to_owned()
            });
        }
    }
    all.truncate(MAX_CANDIDATES);
    let n = length.sentences.max(1);
    let order: Vec<usize> = if all.len() <= n + 1 {
        (0..all.len()).collect()
    } else {
        let words = Words::for_lang(lang);
        // A headline made from the lead or the file name is no independent evidence.
        let title = match article.title_origin {
            Origin::Lead | Origin::FileName => "",
            _ => article.title.as_str(),
        };
        rank(&all, title, &words)
    };
    select(&all, &order, n, length.words)
}

/// Sentence indices, best first.
fn rank(all: &[String], title: &str, words: &Words) -> Vec<usize> {
    // Sentences as sorted, deduplicated stem ids: similarity is then a merge, not hashing.
    // Stemming is the costly step: stem each distinct word once (`known`), then map stems to
    // ids (`stems`).
    let mut known: FxHashMap<String, u32> = FxHashMap::default();
    let mut stems: FxHashMap<String, u32> = FxHashMap::default();
    let mut bag_of = |text: &str| {
        let mut bag: Vec<u32> = Vec::new();
        words.for_each_folded(text, |w| {
            let id = match known.get(w) {
                Some(&id) => id,
                None => {
                    let next = stems.len() as u32;
                    let id = words.with_stem(w, |stem| match stems.get(stem) {
                        Some(&id) => id,
                        None => {
                            stems.insert(stem.to_owned(), next);
                            next
                        }
                    });
                    known.insert(w.to_owned(), id);
                    id
                }
            };
            bag.push(id);
        });
        let count = bag.len();
        bag.sort_unstable();
        bag.dedup();
        (bag, count)
    };
    let (title_bag, _) = bag_of(title);
    let (bags, counts): (Vec<Vec<u32>>, Vec<usize>) = all.iter().map(|s| bag_of(s)).unzip();
    let n = bags.len();

    // Edge weights: shared stems over the sum of log lengths (TextRank's similarity).
    let logs: Vec<f32> = counts.iter().map(|&c| (c.max(1) as f32).ln()).collect();
    let mut weight = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let shared = shared(&bags[i], &bags[j]);
            let norm = logs[i] + logs[j];
            if shared > 0 && norm > 0.0 {
                let w = shared as f32 / norm;
                weight[i * n + j] = w;
                weight[j * n + i] = w;
            }
        }
    }
    // The walk's transitions into each sentence: (from, probability), a sparse list.
    let mut inflows: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    let mut dangling_nodes: Vec<usize> = Vec::new();
    for j in 0..n {
        let row = &weight[j * n..(j + 1) * n];
        let out: f32 = row.iter().sum();
        if out == 0.0 {
            dangling_nodes.push(j);
            continue;
        }
        for (i, &w) in row.iter().enumerate() {
            if w > 0.0 {
                inflows[i].push((j, w / out));
            }
        }
    }

    // Restart distribution: position and headline.
    let prior: Vec<f32> = (0..n)
        .map(|i| {
            let position = 1.0 / (1.0 + POSITION * i as f32);
            let headline = shared(&bags[i], &title_bag) as f32 / (1.0 + title_bag.len() as f32);
            position + HEADLINE * headline
        })
        .collect();
    let total: f32 = prior.iter().sum();
    let prior: Vec<f32> = prior.iter().map(|p| p / total).collect();

    let mut score = prior.clone();
    let mut next = vec![0.0f32; n];
    for _ in 0..100 {
        // Sentences with no edge hand their mass back to the prior (a dangling node).
        let dangling: f32 = dangling_nodes.iter().map(|&j| score[j]).sum();
        for i in 0..n {
            let inflow: f32 = inflows[i].iter().map(|&(j, p)| p * score[j]).sum();
            next[i] = (1.0 - DAMPING + DAMPING * dangling) * prior[i] + DAMPING * inflow;
        }
        let delta: f32 = score.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut score, &mut next);
        if delta < 1e-6 {
            break;
        }
    }
    for (i, s) in score.iter_mut().enumerate() {
        // Fragments, and sentences that only introduce what follows ("...including
        // Kyrgyzstan:"), read badly out of context.
        if counts[i] < MIN_WORDS.saturating_sub(2)
            || word_count(&all[i]) < MIN_WORDS
            || all[i].trim_end().ends_with(':')
        {
            *s *= 0.3;
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
    // Redundancy: a sentence most of whose content the ones ranked above it already say
    // goes to the back.
    let mut kept: Vec<usize> = Vec::with_capacity(n);
    let mut redundant: Vec<usize> = Vec::new();
    for i in order {
        if kept
            .iter()
            .any(|&p| overlap(&bags[i], &bags[p]) > REDUNDANT)
        {
            redundant.push(i);
        } else {
            kept.push(i);
        }
    }
    kept.extend(redundant);
    kept
}

/// Weight of the lead in the prior: sentence `i` weighs `1 / (1 + POSITION * i)`. Mild: on
/// the BBC benchmark a stronger prior (0.1 and up) drifts towards lead-k and loses ROUGE.
const POSITION: f32 = 0.05;
/// Weight of the headline's words in the prior.
const HEADLINE: f32 = 0.5;

/// Take sentences in rank `order` until `n` are picked or the word budget is spent (a sentence
/// that would overrun it is passed over for a shorter one), then restore article order.
///
/// A sentence holding a quotation of several sentences counts as that many ([`inner_sentences`]):
/// "three sentences" should not become three paragraphs of quotes.
fn select(all: &[String], order: &[usize], n: usize, words: Option<usize>) -> Vec<String> {
    let mut picked: Vec<usize> = Vec::with_capacity(n);
    let (mut used, mut units) = (0, 0);
    for &i in order {
        if units >= n {
            break;
        }
        let cost = inner_sentences(&all[i]);
        if !picked.is_empty() && units + cost > n {
            continue;
        }
        units += cost;
        let len = word_count(&all[i]);
        if let Some(budget) = words {
            if !picked.is_empty() && used + len > budget {
                continue;
            }
        }
        used += len;
        picked.push(i);
    }
    picked.sort_unstable();
    picked.into_iter().map(|i| all[i].clone()).collect()
}

fn word_count(sentence: &str) -> usize {
    sentence.split_whitespace().count()
}

/// Number of elements two sorted slices share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let mut n = 0;
    for_shared(a, b, |_| n += 1);
    n
}

/// Share of the smaller bag found in the other.
fn overlap(a: &[u32], b: &[u32]) -> f32 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let mut shared = 0;
    for_shared(a, b, |_| shared += 1);
    shared as f32 / smaller as f32
}

/// Call `f` for each element two sorted slices share.
fn for_shared(a: &[u32], b: &[u32], mut f: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
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
            .map(|x| candidates(&a).iter().position(|c| c == x).unwrap())
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
