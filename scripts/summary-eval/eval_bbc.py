#!/usr/bin/env python3
"""BBC business and tech by the shared harness's protocol, by part (issue 11: match summa).

    /tmp/summ-venv/bin/python scripts/summary-eval/eval_bbc.py [--bin target/release/briefing]
        [--split business --split tech]

The protocol of ../shared/eval/eval_summ.py, with its own functions: each article file as it
is (title on line 1), K = the reference's sentence count, briefing's summary capped at K of
the harness's sentences (cap_text), rouge-score ROUGE-1/2 F1 with Porter stemming against the
aligned reference, beside lead-K and summa's TextRank (sys_leadk, sys_textrank_summa). The
one difference: briefing runs once per distinct K over all the articles of that K (`inspect
--json --sentences K FILE...`) rather than once per article, so that a debug build is usable;
the summaries are the same. Printed: the whole set, its development part and its held-out
part (src/eval_split.rs's rule on "<split>/<file name>"), with 95% percentile bootstrap
intervals (1000 resamples, seed 0) and briefing minus summa paired on the same resamples.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict

import numpy as np
from rouge_score import rouge_scorer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
SHARED = os.environ.get("SHARED_EVAL", "/work/shared/eval")
sys.path.insert(0, SHARED)
import eval_summ  # noqa: E402
from fetch import held_out  # noqa: E402


def interval(x, idx):
    means = x[idx].mean(axis=1)
    return f"{x.mean():6.2f} [{np.percentile(means, 2.5):6.2f}, {np.percentile(means, 97.5):6.2f}]"


def summaries(binary, arts, tmp):
    """briefing's summary of each article, by name."""
    by_k = defaultdict(list)
    for a in arts:
        path = os.path.join(tmp, a.name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(a.raw)
        by_k[a.k].append(path)
    out = {}
    for k, paths in sorted(by_k.items()):
        for i in range(0, len(paths), 300):
            res = subprocess.run([binary, "inspect", "--json", "--sentences", str(k)]
                                 + paths[i:i + 300], capture_output=True, check=False)
            if res.returncode not in (0, 1):
                sys.exit(res.stderr.decode("utf-8", "replace"))
            for item in json.loads(res.stdout):
                out[os.path.basename(item["source"])] = "\n".join(item["summary"])
    return out


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":  # summa iterates over sets: as eval_summ.py
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/briefing")
    ap.add_argument("--split", action="append")
    args = ap.parse_args()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    for split in args.split or ["business", "tech"]:
        arts = eval_summ.load_split(os.path.join(SHARED, "bbc-dev"), split)
        tmp = tempfile.mkdtemp(prefix="bbc-")
        try:
            made = summaries(os.path.abspath(args.bin), arts, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        # The baselines' scores do not change between runs: kept in a cache.
        cache = os.path.join(tempfile.gettempdir(), f"summary-eval-bbc-{split}-baselines.json")
        baselines = json.load(open(cache)) if os.path.exists(cache) else None
        scores = {"briefing": [], "lead-K": [], "summa": []}
        for j, a in enumerate(arts):
            texts = {"briefing": eval_summ.cap_text(made.get(a.name, ""), "sentences", a.k, a.w)[0]}
            if baselines is None:
                texts["lead-K"] = "\n".join(a.sents[i] for i in eval_summ.sys_leadk(a, "sentences"))
                texts["summa"] = "\n".join(
                    a.sents[i] for i in eval_summ.sys_textrank_summa(a, "sentences"))
            else:
                for name in ("lead-K", "summa"):
                    scores[name].append(tuple(baselines[name][j]))
            ref = "\n".join(a.ref_sents)
            for name, text in texts.items():
                s = scorer.score(ref, text)
                scores[name].append((100 * s["rouge1"].fmeasure, 100 * s["rouge2"].fmeasure))
        if baselines is None:
            with open(cache, "w") as f:
                json.dump({n: scores[n] for n in ("lead-K", "summa")}, f)
        arrays = {n: np.array(v) for n, v in scores.items()}
        for part in ("all", "dev", "held-out"):
            keep = [i for i, a in enumerate(arts)
                    if part == "all" or held_out(f"{split}/{a.name}") == (part == "held-out")]
            rng = np.random.default_rng(0)
            idx = rng.integers(0, len(keep), size=(1000, len(keep)))
            print(f"BBC {split} {part}: n={len(keep)}")
            for name, arr in arrays.items():
                print(f"  {name:12s} R1 {interval(arr[keep, 0], idx)}  R2 {interval(arr[keep, 1], idx)}")
            d = arrays["briefing"][keep] - arrays["summa"][keep]
            print(f"  {'- summa':12s} R1 {interval(d[:, 0], idx)}  R2 {interval(d[:, 1], idx)}",
                  flush=True)


if __name__ == "__main__":
    main()
