#!/usr/bin/env python3
"""Rebuild the texts of the entities-eval set (labels: tests/entities-eval/labels.toml).

The texts are not redistributed in the repository; this script extracts them from pinned
public GitHub repositories into one JSONL file (default /work/data/entities/texts.jsonl):

- wmt-conference/wmt22-news-systems @ 20240a2e96a50e823ea8cdf37fd8af52547146e3:
  xml/wmttest2022.ru-en.all.xml (Russian news) and xml/wmttest2022.en-hr.all.xml (English
  news), documents with domain="news" (WMT22 general test set, released for research use).
- wmt-conference/wmt21-news-systems @ f41750d (full hash resolved from the mirror):
  xml/newstest2021.ru-en.all.xml (Russian news) and xml/newstest2021.en-ja.all.xml (English
  news) of the WMT21 news test set.
- Amice13/resistinua @ 2391318cf8c1d24d492995fbf99934ba696ef334:
  static/content/messages{,-2,-3}.js (Ukrainian) and messages{,-2,-3}-en.js (English):
  texts of the President of Ukraine's and the Government's sites (CC BY 4.0).

Usage: fetch_texts.py --git-dir-wmt22 DIR --git-dir-wmt21 DIR --git-dir-resist DIR [--out FILE]
(bare git directories, e.g. from `git clone --bare --filter=blob:none URL DIR`).
Each line: {"id", "lang", "source", "title", "paragraphs"}. Ids: "wmt22-ru:<docid>",
"wmt22-en:<docid>", "wmt21-ru:<docid>", "wmt21-en:<docid>", "resist:<video id>#<n>" (the
partners-eval ids), "resist2:", "resist3:", "resist-en:", "resist2-en:", "resist3-en:".
"""
import argparse, json, os, subprocess, sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "partners-eval"))
from fetch_texts import resist_items, show  # noqa: E402

WMT22 = "20240a2e96a50e823ea8cdf37fd8af52547146e3"
RESIST = "2391318cf8c1d24d492995fbf99934ba696ef334"
WMT21_PREFIX = "f41750d"


def wmt_docs(text, prefix, lang):
    """WMT news documents: paragraphs of segments; the first segment is the headline."""
    root = ET.fromstring(text)
    for doc in root.iter("doc"):
        if doc.get("domain", "news") != "news":
            continue
        src = doc.find("src")
        paras = []
        for p in src.iter("p"):
            segs = [(s.text or "").strip() for s in p.iter("seg")]
            segs = [s for s in segs if s]
            if segs:
                paras.append(" ".join(segs))
        if not paras:
            continue
        first = [(s.text or "").strip() for s in src.iter("seg")][0]
        body = paras[:]
        if body[0].startswith(first):
            rest = body[0][len(first):].strip()
            body = ([rest] if rest else []) + body[1:]
        yield {"id": f"{prefix}:{doc.get('id')}", "lang": lang, "source": prefix.split("-")[0],
               "title": first, "paragraphs": body}


def resolve(gd, prefix):
    return subprocess.run(["git", "--git-dir", gd, "rev-parse", prefix], check=True,
                          capture_output=True, text=True).stdout.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--git-dir-wmt22", required=True)
    ap.add_argument("--git-dir-wmt21", required=True)
    ap.add_argument("--git-dir-resist", required=True)
    ap.add_argument("--out", default="/work/data/entities/texts.jsonl")
    a = ap.parse_args()
    w21 = resolve(a.git_dir_wmt21, WMT21_PREFIX)
    items = []
    items += wmt_docs(show(a.git_dir_wmt22, WMT22, "xml/wmttest2022.ru-en.all.xml"), "wmt22-ru", "ru")
    items += wmt_docs(show(a.git_dir_wmt22, WMT22, "xml/wmttest2022.en-hr.all.xml"), "wmt22-en", "en")
    items += wmt_docs(show(a.git_dir_wmt21, w21, "xml/newstest2021.ru-en.all.xml"), "wmt21-ru", "ru")
    items += wmt_docs(show(a.git_dir_wmt21, w21, "xml/newstest2021.en-ja.all.xml"), "wmt21-en", "en")
    for name, prefix, lang in [("messages", "resist", "uk"), ("messages-2", "resist2", "uk"),
                               ("messages-3", "resist3", "uk"), ("messages-en", "resist-en", "en"),
                               ("messages-2-en", "resist2-en", "en"),
                               ("messages-3-en", "resist3-en", "en")]:
        for it in resist_items(show(a.git_dir_resist, RESIST, f"static/content/{name}.js")):
            it["id"] = prefix + it["id"][len("resist"):]
            it["lang"] = lang
            items.append(it)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{len(items)} texts -> {a.out}")


if __name__ == "__main__":
    main()
