#!/usr/bin/env python3
"""Made headlines against editors' headlines (issue 11, item 3).

    /tmp/summ-venv/bin/python scripts/summary-eval/eval_headlines.py [--bin target/release/briefing]

Data: the BBC business and tech sets of ../shared/eval (line 1 of each article is the BBC's
headline), split dev/held-out by src/eval_split.rs's rule on "<split>/<file name>". Each body
is given to `briefing inspect` without its headline (Markdown, front matter with a date only),
so the title it shows is made from the lead. Compared with the real headline: ROUGE-1 F1
(rouge-score, Porter stemming, x100, 95% bootstrap interval) and length in characters, beside
the previous rule (the lead's first sentence cut at 100 characters with "…") and the lead's
first sentence whole.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from rouge_score import rouge_scorer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.environ.get("SHARED_EVAL", "/work/shared/eval"))
import eval_summ  # noqa: E402
from fetch import held_out  # noqa: E402


def cut(text, n=100):
    if len(text) <= n:
        return text
    head = text[:n]
    if " " in head[n // 2:]:
        head = head[: head.rfind(" ")]
    return head.rstrip(" ,;:-") + "…"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/briefing")
    args = ap.parse_args()
    arts = []
    for split in ("business", "tech"):
        for a in eval_summ.load_split("/work/shared/eval/bbc-dev", split):
            arts.append((f"{split}/{a.name}", a))
    made = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for key, a in arts:
            p = os.path.join(tmp, key.replace("/", "-") + ".md")
            with open(p, "w", encoding="utf-8") as f:
                f.write("---\ndate: 2005-01-01\n---\n\n" + a.body + "\n")
            paths.append(p)
        for i in range(0, len(paths), 400):
            res = subprocess.run([args.bin, "inspect", "--json", "--root", tmp] + paths[i:i + 400],
                                 capture_output=True, check=False)
            for item in json.loads(res.stdout):
                made[os.path.basename(item["source"])] = (item["title"], item["title_origin"])
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    for part in ("dev", "held-out"):
        rows = [(k, a) for k, a in arts if held_out(k) == (part == "held-out")]
        systems = {"made": [], "lead cut at 100 (before)": [], "lead sentence": []}
        lengths = {name: [] for name in systems}
        for key, a in rows:
            title, origin = made[key.replace("/", "-") + ".md"]
            assert origin == "lead", (key, origin)
            first = a.sents[0] if a.sents else ""
            for name, text in (("made", title), ("lead cut at 100 (before)", cut(first.rstrip("."))),
                               ("lead sentence", first)):
                systems[name].append(100 * scorer.score(a.title, text)["rouge1"].fmeasure)
                lengths[name].append(len(text))
        rng = np.random.default_rng(0)
        idx = rng.integers(0, len(rows), size=(1000, len(rows)))
        ref_len = np.mean([len(a.title) for _, a in rows])
        print(f"BBC headlines {part}: n={len(rows)}, real headlines {ref_len:.0f} characters on average")
        for name, v in systems.items():
            x = np.array(v)
            lo, hi = np.percentile(x[idx].mean(axis=1), [2.5, 97.5])
            print(f"  {name:26s} R1 {x.mean():6.2f} [{lo:6.2f}, {hi:6.2f}]  length {np.mean(lengths[name]):5.0f}"
                  f"")
        d = np.array(systems["made"]) - np.array(systems["lead cut at 100 (before)"])
        lo, hi = np.percentile(d[idx].mean(axis=1), [2.5, 97.5])
        print(f"  paired made - before       R1 {d.mean():6.2f} [{lo:6.2f}, {hi:6.2f}]")


if __name__ == "__main__":
    main()
