#!/usr/bin/env python3
"""Rebuild the texts of the story-cluster evaluation (src/digest/stories/eval.rs).

The texts are not redistributed in the repository; this script extracts them from pinned public
GitHub repositories into one JSONL file (default /work/data/stories/eval.jsonl):

- wmt-conference/wmt22-news-systems @ 20240a2e96a50e823ea8cdf37fd8af52547146e3,
  xml/wmttest2022.ru-en.all.xml: the 80 Russian news documents (domain="news") of the WMT22
  general test set with their human English translations (translator A), released by the WMT
  shared task for research use. A document and its translation are one story reported in two
  languages; different documents are different stories (checked by reading where the
  clusterer joined two documents: see tests/stories-eval/labels.toml).
- Amice13/resistinua @ 2391318cf8c1d24d492995fbf99934ba696ef334, static/content/messages.js:
  Ukrainian texts of the President of Ukraine's site (president.gov.ua, CC BY 4.0), many on
  the same partners and people: hard negatives, each its own story unless labels.toml joins them.

The WMT documents carry no date: they all get 2021-12-15 (the test set was collected in December
2021), so time never separates them and the particulars must. The presidential texts keep their
own dates, as a digest would.

Usage: fetch_texts.py [--git-dir-wmt DIR] [--git-dir-resist DIR] [--out FILE]
Without --git-dir-*, the repositories are cloned (blobless) into a temporary folder.
Each line: {"id", "story", "lang", "date", "title", "paragraphs"}.
"""
import argparse, json, os, re, subprocess, tempfile
import xml.etree.ElementTree as ET

WMT = ("https://github.com/wmt-conference/wmt22-news-systems", "20240a2e96a50e823ea8cdf37fd8af52547146e3")
RESIST = ("https://github.com/Amice13/resistinua", "2391318cf8c1d24d492995fbf99934ba696ef334")


def git_dir(url_commit, given, tmp):
    if given:
        return given, url_commit[1]
    d = os.path.join(tmp, os.path.basename(url_commit[0]))
    subprocess.run(["git", "clone", "--bare", "--filter=blob:none", url_commit[0], d], check=True)
    return d, url_commit[1]


def show(gd, commit, path):
    return subprocess.run(["git", "--git-dir", gd, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout.decode("utf-8")


def side(node):
    """Title (the first segment) and paragraphs of a WMT <src> or <ref>."""
    paras = []
    for p in node.iter("p"):
        segs = [(s.text or "").strip() for s in p.iter("seg")]
        segs = [s for s in segs if s]
        if segs:
            paras.append(" ".join(segs))
    first = [(s.text or "").strip() for s in node.iter("seg")][0]
    if paras and paras[0].startswith(first):
        rest = paras[0][len(first):].strip()
        paras = ([rest] if rest else []) + paras[1:]
    return first, paras


def wmt_items(text):
    for doc in ET.fromstring(text).iter("doc"):
        if doc.get("domain") != "news":
            continue
        src = doc.find("src")
        ref = next((r for r in doc.findall("ref") if r.get("translator", "A") == "A"), None)
        if src is None or ref is None:
            continue
        story = f"wmt22:{doc.get('id')}"
        for node, lang in ((src, src.get("lang")), (ref, ref.get("lang"))):
            title, paras = side(node)
            if paras:
                yield {"id": f"{story}:{lang}", "story": story, "lang": lang,
                       "date": "2021-12-15", "title": title, "paragraphs": paras}


def resist_items(text):
    pat = re.compile(r"id: '([^']+)',\s*name: '((?:[^'\\]|\\.)*)',.*?date: '([^']+)',.*?text: `(.*?)`", re.S)
    seen = {}
    for vid, name, date, body in pat.findall(text):
        n = seen.get(vid, 0)
        seen[vid] = n + 1
        paras = [p.strip().replace("**", "") for p in body.split("\n\n")]
        paras = [p for p in paras if p]
        if paras:
            ident = f"resist:{vid}#{n}"
            yield {"id": ident, "story": ident, "lang": "uk", "date": date[:10],
                   "title": name.replace("\\'", "'"), "paragraphs": paras}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--git-dir-wmt")
    ap.add_argument("--git-dir-resist")
    ap.add_argument("--out", default="/work/data/stories/eval.jsonl")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wd, wc = git_dir(WMT, a.git_dir_wmt, tmp)
        rd, rc = git_dir(RESIST, a.git_dir_resist, tmp)
        items = list(wmt_items(show(wd, wc, "xml/wmttest2022.ru-en.all.xml")))
        items += list(resist_items(show(rd, rc, "static/content/messages.js")))
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{len(items)} texts -> {a.out}")


if __name__ == "__main__":
    main()
