#!/usr/bin/env python3
"""Build the summary development data of issue 11 from public repository snapshots.

    python3 scripts/summary-eval/fetch.py [OUT]      (OUT defaults to /work/data/summary)

Needs the snapshot of voidism/Lookback-Lens as a bare git directory under $MIRROR (default
/work/.mirror/<owner>+<name>/repo, what the search tool's `fetch` brings).

Writes OUT/xsum/articles.jsonl: one object per article with
  id        the XSum id (the BBC article number)
  split     "dev" or "held-out" by the project's shared rule (src/eval_split.rs: the 64-bit
            FNV-1a hash of the id is divisible by 3 -> held-out)
  text      the article body, one paragraph per line (XSum's document, whose first, bold
            "intro" sentence was taken out to become the summary)
  summary   the one-sentence summary a BBC editor wrote (the article's intro)

Source: XSum (Narayan, Cohen and Lapata, EMNLP 2018; BBC articles 2010-2017 of every section,
not the 2004-2005 "BBC News Summary" politics set kept for the independent check), the 1,000
test articles shipped as data/xsum-1000.jsonl by voidism/Lookback-Lens. The texts remain the
BBC's; the dataset is for research use: nothing of it is committed here.
"""
import json
import os
import subprocess
import sys

MIRROR = os.environ.get("MIRROR", "/work/.mirror")
SOURCES = [
    # (name, repo, path in its newest commit)
    ("xsum", "voidism/Lookback-Lens", "data/xsum-1000.jsonl"),
]


def held_out(key: str) -> bool:
    """src/eval_split.rs::held_out, byte for byte."""
    h = 0xCBF29CE484222325
    for b in key.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % 3 == 0


def git_show(repo: str, path: str) -> str:
    git_dir = os.path.join(MIRROR, repo.replace("/", "+"), "repo")
    if not os.path.isdir(git_dir):
        sys.exit(f"missing snapshot {git_dir}: fetch github:{repo} with the search tool first")
    out = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"],
        check=True,
        capture_output=True,
    )
    return out.stdout.decode("utf-8")


def main() -> None:
    out_root = sys.argv[1] if len(sys.argv) > 1 else "/work/data/summary"
    for name, repo, path in SOURCES:
        rows = [json.loads(line) for line in git_show(repo, path).splitlines() if line.strip()]
        out_dir = os.path.join(out_root, name)
        os.makedirs(out_dir, exist_ok=True)
        counts = {"dev": 0, "held-out": 0}
        with open(os.path.join(out_dir, "articles.jsonl"), "w", encoding="utf-8") as f:
            for row in rows:
                key = str(row["id"])
                text = "\n".join(p.strip() for p in row["document"].split("\n") if p.strip())
                summary = " ".join(row["summary"].split())
                if not text or not summary:
                    continue
                split = "held-out" if held_out(key) else "dev"
                counts[split] += 1
                f.write(json.dumps({"id": key, "split": split, "text": text, "summary": summary},
                                   ensure_ascii=False) + "\n")
        print(f"{name}: {counts['dev']} dev, {counts['held-out']} held-out -> {out_dir}")


if __name__ == "__main__":
    main()
