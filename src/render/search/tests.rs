use super::*;

fn doc(title: &str, text: &str, lang: &str, partner: &str, month: &str) -> SearchDoc {
    SearchDoc {
        title: title.into(),
        url: format!("articles/{}/", title.len()),
        date: "4 February 2026".into(),
        lang: lang.into(),
        partners: vec![partner.to_uppercase()],
        meta: "Source · English".into(),
        text: text.into(),
        story: Vec::new(),
        also: Vec::new(),
        partner_ids: vec![partner.into()],
        month: Some(month.into()),
    }
}

/// The manifest's JSON, from its script.
fn manifest(files: &[IndexFile]) -> serde_json::Value {
    let body = &files
        .iter()
        .find(|f| f.path == "search-index.js")
        .unwrap()
        .body;
    let json = body
        .strip_prefix("window.BRIEFING_SEARCH=")
        .and_then(|s| s.strip_suffix(";\n"))
        .unwrap();
    serde_json::from_str(json).unwrap()
}

/// A shard's terms and postings, from its script.
fn shard(files: &[IndexFile], name: &str) -> (usize, BTreeMap<String, Vec<u64>>) {
    let file = files
        .iter()
        .find(|f| f.path == format!("search/t/{name}.js"))
        .unwrap();
    let rest = file
        .body
        .strip_prefix("window.BRIEFING_SEARCH_LOAD(\"t\",")
        .unwrap();
    let (_key, json) = rest.split_once(",{").unwrap();
    let json = format!("{{{}", json.strip_suffix(");\n").unwrap());
    (file.body.len(), serde_json::from_str(&json).unwrap())
}

/// The shard a term lives in: the longest key it starts with, as the search page finds it.
fn shard_of(manifest: &serde_json::Value, term: &str) -> Option<(String, usize)> {
    manifest["shards"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| term.starts_with(s[0].as_str().unwrap()))
        .max_by_key(|s| s[0].as_str().unwrap().len())
        .map(|s| {
            (
                s[1].as_str().unwrap().to_owned(),
                s[2].as_u64().unwrap() as usize,
            )
        })
}

/// Decoded postings: documents and title flags.
fn decode(list: &[u64]) -> Vec<(usize, bool)> {
    let mut doc: i64 = -1;
    list.iter()
        .map(|&v| {
            doc += (v / 2) as i64;
            (doc as usize, v % 2 == 1)
        })
        .collect()
}

fn lookup(files: &[IndexFile], term: &str) -> Vec<(usize, bool)> {
    let m = manifest(files);
    let Some((name, _)) = shard_of(&m, term) else {
        return Vec::new();
    };
    shard(files, &name)
        .1
        .get(term)
        .map_or(Vec::new(), |l| decode(l))
}

#[test]
fn inflected_forms_and_folded_spellings_meet_in_one_term() {
    let docs = [
        doc(
            "Сотрудничество с Китаем",
            "Стороны обсудили торговлю.",
            "ru",
            "cn",
            "2026-02",
        ),
        doc(
            "Співпраця з Китаєм",
            "Сторони обговорили торгівлю.",
            "uk",
            "cn",
            "2026-01",
        ),
        doc(
            "Cooperation with Chile",
            "Piñera discussed trade.",
            "en",
            "cl",
            "2026-01",
        ),
    ];
    let files = build(&docs, &[], &[], "search-index.js");
    let stemmers = Stemmers::default();
    let term = |w: &str, lang: &str| {
        stemmers
            .term(&terms::fold(w), Cyrillic::for_lang(lang))
            .unwrap()
            .into_owned()
    };
    assert_eq!(lookup(&files, &term("сотрудничеству", "ru")), [(0, true)]);
    assert_eq!(lookup(&files, &term("співпрацею", "uk")), [(1, true)]);
    assert_eq!(lookup(&files, &term("cooperating", "en")), [(2, true)]);
    assert_eq!(lookup(&files, &term("PINERA", "en")), [(2, false)]);
    assert_eq!(lookup(&files, "~p:cn"), [(0, false), (1, false)]);
    assert_eq!(lookup(&files, "~m:2026-01"), [(1, false), (2, false)]);
    // Stop words are not indexed.
    assert!(lookup(&files, "with").is_empty());
    assert!(lookup(&files, "с").is_empty());
}

/// A synthetic site: `n` articles over a Zipf-distributed vocabulary of made-up words, 40
/// partners and 36 months, the size and shape of the benchmark corpus's summaries.
fn synthetic(n: usize) -> Vec<SearchDoc> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rand = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let syllables = [
        "ka", "ro", "mi", "te", "su", "na", "lo", "vi", "de", "pa", "ri", "go",
    ];
    let vocabulary: Vec<String> = (0..20_000u64)
        .map(|i| {
            let mut w = String::new();
            let mut x = i + 7;
            while x > 0 || w.len() < 4 {
                w.push_str(syllables[(x % 12) as usize]);
                x /= 12;
            }
            w
        })
        .collect();
    // Zipf: word rank r drawn with weight 1/r, by inverting the harmonic sum.
    let harmonic: Vec<f64> = vocabulary
        .iter()
        .enumerate()
        .scan(0.0, |sum, (r, _)| {
            *sum += 1.0 / (r + 1) as f64;
            Some(*sum)
        })
        .collect();
    let total = *harmonic.last().unwrap();
    let mut word = move || {
        let x = (rand() % 1_000_000) as f64 / 1_000_000.0 * total;
        let r = harmonic.partition_point(|&h| h < x);
        vocabulary[r.min(vocabulary.len() - 1)].clone()
    };
    (0..n)
        .map(|i| {
            let title: Vec<String> = (0..9).map(|_| word()).collect();
            let text: Vec<String> = (0..70).map(|_| word()).collect();
            let partner = format!("p{}", (i * 7919) % 40);
            let month = format!("20{}-{:02}", 23 + (i / 12) % 3, 1 + i % 12);
            let mut d = doc(&title.join(" "), &text.join(" "), "en", &partner, &month);
            d.url = format!("articles/{i:05}-{}/", title[0]);
            d
        })
        .collect()
}

#[test]
fn every_term_is_in_the_one_shard_its_prefix_names_and_shards_stay_small() {
    let docs = synthetic(2_000);
    let files = build(&docs, &[], &[], "search-index.js");
    let m = manifest(&files);
    let all = postings(&docs);
    let mut seen = 0;
    for entry in m["shards"].as_array().unwrap() {
        let (key, name) = (entry[0].as_str().unwrap(), entry[1].as_str().unwrap());
        let (bytes, terms) = shard(&files, name);
        assert_eq!(bytes, entry[2].as_u64().unwrap() as usize);
        assert!(
            bytes <= SHARD_TARGET + 200 || terms.len() == 1,
            "shard {key:?}: {bytes} bytes, {} terms",
            terms.len()
        );
        for (term, list) in &terms {
            assert_eq!(
                shard_of(&m, term).unwrap().1,
                bytes,
                "{term} found in {key:?}"
            );
            assert_eq!(decode(list), all[term]);
            seen += 1;
        }
    }
    assert_eq!(seen, all.len(), "every term in exactly one shard");
    assert!(
        m["shards"].as_array().unwrap().len() > 10,
        "the index is sharded"
    );
}

#[test]
fn the_index_is_deterministic() {
    let docs = synthetic(300);
    let a = build(&docs, &[], &[], "search-index.js");
    let b = build(&docs, &[], &[], "search-index.js");
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((&x.path, &x.body), (&y.path, &y.body));
    }
}

/// Issue 16: at 10,000 articles a query loads at most 300 KB of index: the manifest, the
/// shard of each word (and of a filter), and the document blocks of the first ten results.
#[test]
fn a_query_at_ten_thousand_articles_loads_under_300_kb() {
    let docs = synthetic(10_000);
    let partners: Vec<Choice> = (0..40)
        .map(|p| (format!("p{p}"), format!("Partner {p}"), 250))
        .collect();
    let months: Vec<Choice> = (0..36)
        .map(|m| (format!("m{m}"), format!("Month {m}"), 280))
        .collect();
    let files = build(&docs, &partners, &months, "search-index.js");
    let m = manifest(&files);
    let manifest_bytes = files.last().unwrap().body.len();
    let total: usize = files.iter().map(|f| f.body.len()).sum();
    let block = |n: usize| {
        files
            .iter()
            .find(|f| f.path == format!("search/d/{n}.js"))
            .unwrap()
            .body
            .len()
    };
    // The most frequent word, two words, a rare word and a partner filter with a word.
    let first = terms::fold(docs[0].title.split(' ').next().unwrap());
    let common = postings(&docs)
        .into_iter()
        .filter(|(t, _)| !t.starts_with('~'))
        .max_by_key(|(_, l)| l.len())
        .unwrap()
        .0;
    let queries: [&[&str]; 4] = [
        &[&common],
        &[&common, &first],
        &["~p:p3", &first],
        &["~m:2024-05", &common, &first],
    ];
    for query in queries {
        let mut bytes = manifest_bytes;
        let mut shards = std::collections::BTreeSet::new();
        let mut hits: Option<Vec<usize>> = None;
        for term in query {
            let (name, size) = shard_of(&m, term).unwrap();
            if shards.insert(name) {
                bytes += size;
            }
            let docs: Vec<usize> = lookup(&files, term).into_iter().map(|(d, _)| d).collect();
            hits = Some(match hits {
                None => docs,
                Some(h) => h.into_iter().filter(|d| docs.contains(d)).collect(),
            });
        }
        let blocks: std::collections::BTreeSet<usize> = hits
            .unwrap()
            .iter()
            .take(10)
            .map(|d| d / DOC_BLOCK)
            .collect();
        bytes += blocks.iter().map(|&b| block(b)).sum::<usize>();
        eprintln!("{query:?}: {bytes} bytes of {total}");
        assert!(bytes <= 300 * 1024, "{query:?} loads {bytes} bytes");
    }
    assert!(
        total > 3 * 300 * 1024,
        "the whole index ({total}) is far bigger than a query"
    );
}

/// Issue 16: no index script carries a raw U+2028/U+2029 (a syntax error in older engines)
/// or a `<` that could close a script element, and the escapes decode to the same text.
#[test]
fn line_separators_and_script_ends_are_escaped_in_every_file() {
    let hostile = "a\u{2028}b\u{2029}c</script><!--";
    let docs = [doc(hostile, hostile, "en", "us", "2026-02")];
    let files = build(&docs, &[], &[], "search-index.js");
    for f in &files {
        assert!(
            !f.body.contains(['\u{2028}', '\u{2029}', '<', '>']),
            "{}",
            f.path
        );
    }
    let block = &files
        .iter()
        .find(|f| f.path == "search/d/0.js")
        .unwrap()
        .body;
    let json = block
        .strip_prefix("window.BRIEFING_SEARCH_LOAD(\"d\",0,")
        .and_then(|s| s.strip_suffix(");\n"))
        .unwrap();
    let back: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(back[0]["t"], hostile);
    assert_eq!(back[0]["x"], hostile);
}
