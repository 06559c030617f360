#!/usr/bin/env python3
"""What each coherence rule, each weight and each leaning opener costs or brings (issue 11).

    cargo build --release --example summary_features
    /tmp/summ-venv/bin/python scripts/summary-eval/ablate.py [--weights FILE] [--openers]

On the development data of fit.py (XSum dev, the dev part of BBC business and tech, BBC
headlines; held-out articles are never read) it replays the summariser's selection from the
example binary's features (fit.py's `select`) and prints, for the weights in the file and then
with one thing taken away at a time, the measures fit.py sums:
    XSum R1@3, R2@3, R1@1; BBC R2 (K = the reference's count); BBC headline R1@1.
Taken away: a rule (a leaning sentence comes with the one before it; a list item with its
introduction; captions and partial quotations never shown), or a weight (set to 0). With
--openers, the leaning rule is lifted for one opening word at a time ("it", "this", ...) to
show which entries of data/summary-cues.toml cost the most.
"""
import argparse
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fit  # noqa: E402


def opener(text):
    """The first word, folded as src/analyse/summary/cues.rs folds it."""
    for w in text.split():
        w = re.sub(r"^[^\w']+|[^\w']+$", "", w).lower()
        if w:
            return w
    return ""


def needs_without(doc, names, lifted=(), rules=("leans", "list", "hidden")):
    """fit.needs, with some rules off, or leaning lifted for sentences opening with `lifted`."""
    leans, not_story, broken = (names.index(n) for n in ("leans", "not_story", "broken_quote"))
    out = []
    for i in range(len(doc.text)):
        if "hidden" in rules and (doc.f[i, not_story] > 0 or doc.f[i, broken] > 0):
            out.append(i)
        elif "list" in rules and doc.list_item[i]:
            out.append(next((j for j in range(i - 1, -1, -1) if not doc.list_item[j]), None))
        elif ("leans" in rules and doc.f[i, leans] > 0 and i > 0
              and opener(doc.text[i]) not in lifted):
            out.append(i - 1)
        else:
            out.append(None)
    return out


def measure(docs, needs_of, w):
    sums, counts = Counter(), Counter()
    for d, need in zip(docs, needs_of):
        r1, r2 = fit.rouge(d, fit.select(d, fit.scores_of(d, w), need, d.k))
        for key, value in {"xsum3": {"x3r1": r1, "x3r2": r2}, "xsum1": {"x1r1": r1},
                           "bbc": {"bbcr2": r2}, "bbc_head": {"h1r1": r1}}[d.key].items():
            sums[key] += value
            counts[key] += 1
    return {k: sums[k] / counts[k] for k in ("x3r1", "x3r2", "x1r1", "bbcr2", "h1r1")}


def show(label, parts, base=None):
    cells = []
    for k, v in parts.items():
        cells.append(f"{k} {v:6.2f}" + (f" ({v - base[k]:+5.2f})" if base else ""))
    print(f"{label:34s} " + "  ".join(cells), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default=os.path.join(fit.ROOT, "data/summary-weights.toml"))
    ap.add_argument("--bin", default=os.path.join(fit.ROOT, "target/release/examples/summary_features"))
    ap.add_argument("--openers", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs, names = fit.load_dev(tmp, args.bin)
    w = fit.read_weights(args.weights, names)
    target = fit.anchors(docs)
    show("targets (lead, lead+1, summa)", target)
    base = measure(docs, [needs_without(d, names) for d in docs], w)
    show("as fitted", base)
    for rule in ("leans", "list", "hidden"):
        rules = tuple(r for r in ("leans", "list", "hidden") if r != rule)
        show(f"without rule {rule}", measure(docs, [needs_without(d, names, rules=rules)
                                                     for d in docs], w), base)
    for j, name in enumerate(names):
        if w[j] != 0:
            trial = w.copy()
            trial[j] = 0
            show(f"weight {name} = 0 (was {w[j]:+.2f})",
                 measure(docs, [needs_without(d, names) for d in docs], trial), base)
    if args.openers:
        leans = names.index("leans")
        counts = defaultdict(int)
        for d in docs:
            if d.key == "bbc":
                for i in range(1, len(d.text)):
                    if d.f[i, leans] > 0:
                        counts[opener(d.text[i])] += 1
        for word, n in sorted(counts.items(), key=lambda x: -x[1]):
            parts = measure(docs, [needs_without(d, names, lifted={word}) for d in docs], w)
            show(f"lift opener {word!r} ({n} in BBC dev)", parts, base)


if __name__ == "__main__":
    main()
