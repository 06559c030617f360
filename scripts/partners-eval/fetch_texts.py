#!/usr/bin/env python3
"""Rebuild the texts of the partners-eval "real" set (labels: tests/partners-eval/real.toml).

The texts are not redistributed in the repository; this script extracts them from pinned
public GitHub repositories into one JSONL file (default /work/data/partners/real.jsonl):

- wmt-conference/wmt22-news-systems @ 20240a2e96a50e823ea8cdf37fd8af52547146e3
  xml/wmttest2022.ru-en.all.xml (Russian news, domain="news") and
  xml/wmttest2022.en-hr.all.xml (English news, domain="news"): the WMT22 general test set,
  released by the WMT shared task for research use.
- Amice13/resistinua @ 2391318cf8c1d24d492995fbf99934ba696ef334
  static/content/messages.js: Ukrainian texts of the President of Ukraine's site
  (president.gov.ua, CC BY 4.0) collected by that repository.

Usage: fetch_texts.py [--git-dir-wmt DIR] [--git-dir-resist DIR] [--out FILE]
Without --git-dir-*, the repositories are cloned (blobless) into a temporary folder.
Each line: {"id", "lang", "source", "title", "paragraphs"}; ids are stable ("wmt22-ru:<docid>",
"wmt22-en:<docid>", "resist:<video id>#<n>").
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


def wmt_docs(text, prefix, lang):
    root = ET.fromstring(text)
    for doc in root.iter("doc"):
        if doc.get("domain") != "news":
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
        # The first segment of a WMT news document is its headline.
        first = [(s.text or "").strip() for s in src.iter("seg")][0]
        body = paras[:]
        if body[0].startswith(first):
            rest = body[0][len(first):].strip()
            body = ([rest] if rest else []) + body[1:]
        yield {"id": f"{prefix}:{doc.get('id')}", "lang": lang, "source": "wmt22",
               "title": first, "paragraphs": body}


def resist_items(text):
    pat = re.compile(r"id: '([^']+)',\s*name: '((?:[^'\\]|\\.)*)',.*?date: '([^']+)',.*?text: `(.*?)`", re.S)
    seen = {}
    for vid, name, date, body in pat.findall(text):
        n = seen.get(vid, 0)
        seen[vid] = n + 1
        name = name.replace("\\'", "'")
        paras = [p.strip().replace("**", "") for p in body.split("\n\n")]
        paras = [p for p in paras if p]
        yield {"id": f"resist:{vid}#{n}", "lang": "uk", "source": "president.gov.ua via resistinua",
               "date": date[:10], "title": name, "paragraphs": paras}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--git-dir-wmt")
    ap.add_argument("--git-dir-resist")
    ap.add_argument("--out", default="/work/data/partners/real.jsonl")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wd, wc = git_dir(WMT, a.git_dir_wmt, tmp)
        rd, rc = git_dir(RESIST, a.git_dir_resist, tmp)
        items = list(wmt_docs(show(wd, wc, "xml/wmttest2022.ru-en.all.xml"), "wmt22-ru", "ru"))
        items += list(wmt_docs(show(wd, wc, "xml/wmttest2022.en-hr.all.xml"), "wmt22-en", "en"))
        items += list(resist_items(show(rd, rc, "static/content/messages.js")))
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{len(items)} texts -> {a.out}")


if __name__ == "__main__":
    main()
