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

It also writes OUT/ru/articles.jsonl and OUT/uk/articles.jsonl, Russian and Ukrainian news with
their editors' headlines (`summary` is then the headline; same keys, plus `source`):
  ru  the sample files natasha/corus ships for its tests (MIT-licensed code; the texts remain
      their outlets'): data/ods/*.csv.gz (gazeta, interfax, iz, meduza, ria, rt, tass; 2008-2019)
      and data/buriy/*.tar.bz2 (news sites 1999-2016), news outlets only (a software wiki, a
      classified ad, a web archive, a 1914 "library" page, TV listings and a photo blog are
      left out). The ods texts lost their line breaks to a literal "n" ("Новости.nПрезидент"):
      they are restored. Key: "ru/<file>/<url>".
  uk  the press part (category A, "good" texts) of the Ukrainian Brown corpus, brown-uk/corpus
      (CC BY-NC-SA 4.0): 324 articles of 2010-2018 from national and regional papers and sites,
      with their titles from meta/meta.csv. Key: "uk/<file name>".
Neither is a source the issue keeps for its independent check.
"""
import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tarfile

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


def git(repo: str, *args: str) -> bytes:
    git_dir = os.path.join(MIRROR, repo.replace("/", "+"), "repo")
    if not os.path.isdir(git_dir):
        sys.exit(f"missing snapshot {git_dir}: fetch github:{repo} with the search tool first")
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True,
                          capture_output=True).stdout


def git_show(repo: str, path: str) -> str:
    return git(repo, "show", f"HEAD:{path}").decode("utf-8")


def paragraphs(text: str) -> str:
    """One paragraph per line, spaces normalised (no-break spaces included)."""
    lines = (" ".join(p.replace("\xa0", " ").split()) for p in text.split("\n"))
    return "\n".join(p for p in lines if p)


# Sources of natasha/corus's buriy samples that are not news.
NOT_NEWS = ("joomla.org", "olx.ba", "archive.is", "1914-", "1tv.ru", "bigpicture.ru")


def ods_text(text: str) -> str:
    """The ods samples wrote line breaks as a bare "n": after a sentence's end it was a
    paragraph break, beside a Cyrillic letter a link's edge (a space)."""
    text = re.sub(r"(?<=[.!?»\"”…:])n(?=[^\sa-z])", "\n", text)
    return re.sub(r"(?<=[а-яёА-ЯЁ,])n(?=[^a-z])|(?<=[^a-zA-Z])n(?=[а-яёА-ЯЁ«])", " ", text)


def russian():
    """(key, title, text, source) of natasha/corus's Russian news samples."""
    repo = "natasha/corus"
    csv.field_size_limit(1 << 30)
    names = git(repo, "ls-tree", "-r", "--name-only", "HEAD", "data/ods", "data/buriy")
    for path in sorted(names.decode().split()):
        if path.endswith(".csv.gz"):
            raw = gzip.decompress(git(repo, "show", f"HEAD:{path}")).decode("utf-8")
            tables = [(os.path.basename(path), raw, True)]
        elif path.endswith(".tar.bz2"):
            tar = tarfile.open(fileobj=io.BytesIO(git(repo, "show", f"HEAD:{path}")), mode="r:bz2")
            tables = [(m.name, tar.extractfile(m).read().decode("utf-8"), False)
                      for m in sorted(tar.getmembers(), key=lambda m: m.name) if m.isfile()]
        else:
            continue
        for name, raw, ods in tables:
            if any(bad in name for bad in NOT_NEWS):
                continue
            for row in csv.DictReader(io.StringIO(raw)):
                url = row.get("url") or row.get("URL") or ""
                text = ods_text(row["text"]) if ods else row["text"]
                yield f"ru/{name}/{url}", row["title"], paragraphs(text), name


def ukrainian():
    """(key, title, text, source) of the press texts of the Ukrainian Brown corpus."""
    repo = "brown-uk/corpus"
    meta = csv.DictReader(io.StringIO(git_show(repo, "meta/meta.csv")))
    for row in meta:
        if row["group"] != "good" or row["cat"] != "A":
            continue
        text = git_show(repo, f"data/good/{row['file']}")
        yield f"uk/{row['file']}", row["title"], paragraphs(text), row["publ_in"]


def write_headlines(out_root: str, name: str, rows) -> None:
    out_dir = os.path.join(out_root, name)
    os.makedirs(out_dir, exist_ok=True)
    counts = {"dev": 0, "held-out": 0}
    seen = set()
    with open(os.path.join(out_dir, "articles.jsonl"), "w", encoding="utf-8") as f:
        for key, title, text, source in rows:
            title = " ".join(title.replace("\xa0", " ").split())
            # A text that is its headline alone, or repeats it as its first line, gives the
            # answer away (fontanka.ru and charter97.org open with the headline).
            lines = text.split("\n")
            if lines and lines[0].strip(" .") == title.strip(" ."):
                text = "\n".join(lines[1:])
            if not title or len(text.split()) < 40 or key in seen:
                continue
            seen.add(key)
            split = "held-out" if held_out(key) else "dev"
            counts[split] += 1
            f.write(json.dumps({"id": f"{name}{len(seen):04d}", "key": key, "split": split,
                                "source": source, "text": text, "summary": title},
                               ensure_ascii=False) + "\n")
    print(f"{name}: {counts['dev']} dev, {counts['held-out']} held-out -> {out_dir}")


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
    write_headlines(out_root, "ru", russian())
    write_headlines(out_root, "uk", ukrainian())


if __name__ == "__main__":
    main()
