#!/usr/bin/env python3
"""Score briefing's summaries against human-written summaries (issue 11).

    /tmp/summ-venv/bin/python scripts/summary-eval/eval_highlights.py \
        --data /work/data/summary/xsum --split dev --k 3 [--bin target/release/briefing]
        [--json out.json] [--weights FILE]

Data: OUT/<set>/articles.jsonl as written by fetch.py (id, split, text, summary).
Every article is written as a Markdown file without a title (front matter with a date only),
so the summariser sees the body as the reader would and no headline (XSum has none). One
`briefing inspect --json --sentences K` call summarises them all.

Systems, all cut to K sentences of the harness's splitter (eval_summ.split_sentences):
  briefing     the `summary` of inspect's JSON
  lead-K       the first K sentences
  summa        summa's TextRank on the same sentences (eval_summ.sys_textrank_summa)
Scores: rouge-score ROUGE-1/2 F1 with Porter stemming, x100 (for Russian and Ukrainian, whose
letters rouge-score's default tokenizer drops, --tokenizer unicode: lower-case \w+ tokens, no
stemming, the shared harness's UnicodeTokenizer), mean over articles with a 95%
percentile bootstrap interval (1000 resamples, seed 0); "paired" is briefing minus lead-K on
the same resamples. --weights FILE sets BRIEFING_SUMMARY_WEIGHTS for the fitting script.
"""
import argparse
import json
import re
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from rouge_score import rouge_scorer

sys.path.insert(0, os.environ.get("SHARED_EVAL", "/work/shared/eval"))
import eval_summ  # noqa: E402  (the shared harness: splitter, summa baseline)


def load(data, split, limit=None):
    rows = []
    with open(os.path.join(data, "articles.jsonl"), encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if split in ("all", row["split"]):
                rows.append(row)
    return rows[:limit] if limit else rows


def run_briefing(binary, rows, k, weights=None):
    """Summaries by article id, and the wall time per article."""
    env = dict(os.environ)
    if weights:
        env["BRIEFING_SUMMARY_WEIGHTS"] = weights
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for row in rows:
            path = os.path.join(tmp, f"{row['id']}.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write("---\ndate: 2016-01-01\n---\n\n")
                f.write("\n\n".join(row["text"].split("\n")) + "\n")
            files.append(path)
        out = {}
        start = time.perf_counter()
        # In chunks: an argument list has a limit.
        for i in range(0, len(files), 400):
            res = subprocess.run(
                [binary, "inspect", "--json", "--sentences", str(k), "--root", tmp]
                + files[i:i + 400],
                capture_output=True, env=env, check=False,
            )
            if res.returncode not in (0, 1):
                sys.exit(res.stderr.decode("utf-8", "replace"))
            for item in json.loads(res.stdout):
                key = os.path.splitext(os.path.basename(item["source"]))[0]
                out[key] = item["summary"]
        elapsed = time.perf_counter() - start
    return out, 1000.0 * elapsed / max(1, len(rows))


# An agency dateline the harness's splitter takes for the first sentence ("МОСКВА, 10 авг –
# РИА Новости.", "KYIV, May 3 (Reuters) -"): a capitalised place and a comma, few words.
# briefing strips these; a lead-K that starts with one would be a straw man.
DATELINE = re.compile(r"^[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ\s.-]{2,},")


def skip_dateline(sents):
    if sents and DATELINE.match(sents[0]) and len(sents[0].split()) <= 10:
        return sents[1:]
    return sents


class _Art:
    """What eval_summ's baselines read of an article."""

    def __init__(self, text, k):
        self.body = text
        self.sents = skip_dateline(eval_summ.split_sentences(text))
        self.k = k
        self.w = 10**6


def cap(sentences, k):
    return eval_summ.split_sentences("\n".join(sentences))[:k]


def bootstrap(x, idx):
    means = x[idx].mean(axis=1)
    return float(x.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def evaluate(rows, summaries, k, with_summa=True, tokenizer="default"):
    if tokenizer == "unicode":
        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"],
                                          tokenizer=eval_summ.UnicodeTokenizer())
    else:
        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    systems = {"briefing": [], f"lead-{k}": []}
    if with_summa:
        systems["summa"] = []
    starts_lead = 0
    for row in rows:
        art = _Art(row["text"], k)
        outs = {
            "briefing": cap(summaries.get(row["id"], []), k),
            f"lead-{k}": art.sents[:k],
        }
        if with_summa:
            outs["summa"] = [art.sents[i] for i in eval_summ.sys_textrank_summa(art, "sentences")]
        if outs["briefing"] and art.sents and outs["briefing"][0] == art.sents[0]:
            starts_lead += 1
        for name, sents in outs.items():
            s = scorer.score(row["summary"], "\n".join(sents))
            systems[name].append((100 * s["rouge1"].fmeasure, 100 * s["rouge2"].fmeasure))
    rng = np.random.default_rng(0)
    idx = rng.integers(0, len(rows), size=(1000, len(rows)))
    result = {"n": len(rows), "k": k, "briefing_starts_with_lead": starts_lead / max(1, len(rows))}
    arrays = {name: np.array(v) for name, v in systems.items()}
    for name, arr in arrays.items():
        result[name] = {m: bootstrap(arr[:, j], idx) for j, m in enumerate(["R1", "R2"])}
    diff = arrays["briefing"] - arrays[f"lead-{k}"]
    result["paired_vs_lead"] = {m: bootstrap(diff[:, j], idx) for j, m in enumerate(["R1", "R2"])}
    return result


def main():
    # summa iterates over sets of words: fix the string hash, as eval_summ.py does.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/data/summary/xsum")
    ap.add_argument("--split", default="dev", choices=["dev", "held-out", "all"])
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument("--bin", default="target/release/briefing")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--weights")
    ap.add_argument("--no-summa", action="store_true")
    ap.add_argument("--tokenizer", choices=["default", "unicode"],
                    help="default: unicode for the ru and uk sets, rouge-score's otherwise")
    ap.add_argument("--json")
    args = ap.parse_args()
    tokenizer = args.tokenizer or (
        "unicode" if os.path.basename(args.data.rstrip("/")) in ("ru", "uk") else "default")
    rows = load(args.data, args.split, args.limit)
    summaries, ms = run_briefing(args.bin, rows, args.k, args.weights)
    result = evaluate(rows, summaries, args.k, not args.no_summa, tokenizer)
    result["ms_per_article_process"] = ms
    fmt = lambda t: f"{t[0]:6.2f} [{t[1]:6.2f}, {t[2]:6.2f}]"  # noqa: E731
    print(f"{os.path.basename(args.data)} {args.split}: n={result['n']} K={args.k}"
          f" tokenizer={tokenizer}")
    for name in [n for n in result if isinstance(result[n], dict) and "R1" in result[n]]:
        print(f"  {name:16s} R1 {fmt(result[name]['R1'])}  R2 {fmt(result[name]['R2'])}")
    print(f"  briefing starts with the lead sentence in {100 * result['briefing_starts_with_lead']:.0f}%")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
