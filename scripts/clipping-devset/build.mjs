// Builds the clipping development set of issue 10 from saved pages in public repositories.
//
//   node build.mjs [OUT]          (OUT defaults to /work/data/ingest)
//
// Needs the repository snapshots listed in sources.tsv as bare git directories under
// $MIRROR (default /work/.mirror/<owner>+<name>/repo, what the search tool's `fetch` brings)
// and Debian's chromium at /usr/bin/chromium (playwright-core drives it; it never downloads a
// browser). For every page it writes:
//   OUT/html/<id>.html        the saved page, as the repository has it
//   OUT/clippings/<id>.txt    document.body.innerText with JavaScript off and the network
//                             blocked: what "select all + copy" gives
//   OUT/devset.jsonl          one object per page: id, source, lang, split, and the gold
//                             title, date and body taken from the page's own metadata and
//                             article markup (or the dataset's own gold text where it has one
//                             and it is the story, not a note about it)
// The pages stay outside the repository (their licences vary); this script rebuilds them.
// scrapinghub/article-extraction-benchmark and mozilla/readability's pages are kept for the
// independent check and never used: trafilatura's copies of the former (32-hex names) are
// skipped.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const OUT = process.argv[2] || '/work/data/ingest';
const MIRROR = process.env.MIRROR || '/work/.mirror';
const HERE = path.dirname(new URL(import.meta.url).pathname);

function git(repo, ...args) {
  const dir = path.join(MIRROR, repo.replace('/', '+'), 'repo');
  return execFileSync('git', ['--git-dir', dir, ...args], { maxBuffer: 1 << 28 });
}

function list(repo, under) {
  return git(repo, 'ls-tree', '-r', '--name-only', 'HEAD', under).toString().split('\n').filter(Boolean);
}

/// The held-out third: decided by a hash of the id alone, before any tuning.
function splitOf(id) {
  const h = createHash('sha256').update(id).digest();
  return h[0] % 3 === 0 ? 'heldout' : 'dev';
}

function langAttr(html) {
  const m = /<html[^>]*\slang=["']?([A-Za-z]{2})/i.exec(html);
  return m ? m[1].toLowerCase() : null;
}

// sources.tsv: repo, folder, selection rule, gold-text folder (optional).
const sources = fs
  .readFileSync(path.join(HERE, 'sources.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t'));

const pages = [];
for (const [repo, under, rule, goldDir] of sources) {
  const perLang = new Map();
  for (const file of list(repo, under).sort()) {
    if (!/\.html?$/i.test(file)) continue;
    const base = path.basename(file).replace(/\.html?$/i, '');
    if (/^[0-9a-f]{32}$/.test(base)) continue; // article-extraction-benchmark pages: kept out
    const html = git(repo, 'show', `HEAD:${file}`);
    const lang = langAttr(html.toString('latin1'));
    // rule "all", or "cap:N": at most N pages per declared language (unknown counts as one).
    if (rule.startsWith('cap:')) {
      const cap = Number(rule.slice(4));
      const key = lang || '?';
      const n = perLang.get(key) || 0;
      if (n >= cap) continue;
      perLang.set(key, n + 1);
    }
    let goldText = null;
    if (goldDir) {
      try {
        goldText = git(repo, 'show', `HEAD:${goldDir}/${base}.txt`).toString('utf8');
      } catch {
        goldText = null;
      }
    }
    const id = `${repo.split('/')[1]}--${base}`.replace(/[^\w.-]+/g, '_');
    pages.push({ id, repo, file, html, goldText });
  }
}

fs.mkdirSync(path.join(OUT, 'html'), { recursive: true });
fs.mkdirSync(path.join(OUT, 'clippings'), { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ javaScriptEnabled: false });
await context.route('**/*', (route) =>
  route.request().url().startsWith('file:') ? route.continue() : route.abort(),
);

const rows = [];
for (const p of pages) {
  const file = path.join(OUT, 'html', `${p.id}.html`);
  fs.writeFileSync(file, p.html);
  const page = await context.newPage();
  try {
    await page.goto('file://' + file, { waitUntil: 'domcontentloaded', timeout: 20000 });
    const got = await page.evaluate(() => {
      const meta = (sel) => {
        const el = document.querySelector(sel);
        return el ? (el.getAttribute('content') || '').trim() : '';
      };
      const text = (el) => (el ? el.innerText.replace(/\s+/g, ' ').trim() : '');
      // Title: the page's headline (h1 inside the article first), og:title as fallback.
      const art =
        document.querySelector('[itemprop="articleBody"]') ||
        [...document.querySelectorAll('article')].sort((a, b) => b.innerText.length - a.innerText.length)[0] ||
        null;
      const h1s = [...document.querySelectorAll('h1')].map(text).filter((t) => t.length > 3);
      const og = meta('meta[property="og:title"]') || meta('meta[name="twitter:title"]');
      // Date: article:published_time, JSON-LD datePublished, itemprop, common meta names, <time>.
      let date = meta('meta[property="article:published_time"]') || meta('meta[itemprop="datePublished"]');
      if (!date) {
        for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
          const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(s.textContent);
          if (m) {
            date = m[1];
            break;
          }
        }
      }
      if (!date) {
        const el = document.querySelector('[itemprop="datePublished"]');
        if (el) date = el.getAttribute('datetime') || el.getAttribute('content') || '';
      }
      for (const n of ['date', 'pubdate', 'publishdate', 'DC.date.issued', 'dc.date', 'sailthru.date', 'article.published', 'OriginalPublicationDate']) {
        if (date) break;
        date = meta(`meta[name="${n}"]`);
      }
      if (!date) {
        const t = (art || document).querySelector('time[datetime]');
        if (t) date = t.getAttribute('datetime');
      }
      const iso = /(\d{4})[-/](\d{2})[-/](\d{2})/.exec(date || '');
      return {
        innerText: document.body ? document.body.innerText : '',
        h1s,
        og,
        docTitle: document.title,
        date: iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : null,
        body: art ? art.innerText : null,
        lang: (document.documentElement.getAttribute('lang') || '').slice(0, 2).toLowerCase() || null,
      };
    });
    fs.writeFileSync(path.join(OUT, 'clippings', `${p.id}.txt`), got.innerText);
    const norm = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const visible = norm(got.innerText);
    // Gold title: the h1 that og:title echoes (a site's name or "Menu" in an h1 is not the
    // headline); else og:title (without a " | Site" suffix) when the copied text shows it;
    // else the only visible h1.
    const shown = (t) => t && visible.includes(norm(t));
    const og = norm(got.og || '');
    const echoed = (h) => og && (og.includes(norm(h)) || norm(h).includes(og)) && norm(h).length >= 0.4 * og.length;
    const ogShort = (got.og || '').split(/\s+[|–—-]\s+/)[0];
    let title = got.h1s.find((h) => shown(h) && echoed(h)) || null;
    if (!title && shown(got.og)) title = got.og;
    if (!title && ogShort.split(/\s+/).length >= 3 && shown(ogShort)) title = ogShort;
    if (!title && !og && got.h1s.filter(shown).length === 1) title = got.h1s.find(shown);
    // The dataset's gold text, unless it is a note rather than the story ("MISSED LAST
    // PARAGRAPH" in some of newspaper's files): under 20 words, or mostly words the page
    // does not show.
    const goldWords = norm(p.goldText || '').split(' ').filter(Boolean);
    const shownWords = new Set(visible.split(' '));
    const goldUsable =
      goldWords.length >= 20 && goldWords.filter((w) => shownWords.has(w)).length >= 0.5 * goldWords.length;
    rows.push({
      id: p.id,
      source: `${p.repo}:${p.file}`,
      lang: got.lang,
      split: splitOf(p.id),
      title,
      og_title: got.og || null,
      date: got.date,
      body: goldUsable ? p.goldText.trim() : got.body ? got.body.trim() : null,
      body_from: goldUsable ? 'dataset' : got.body ? 'markup' : null,
    });
  } catch (e) {
    console.error(`${p.id}: ${e.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
}
await browser.close();
fs.writeFileSync(path.join(OUT, 'devset.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const byLang = {};
for (const r of rows) byLang[r.lang || '?'] = (byLang[r.lang || '?'] || 0) + 1;
console.log(`${rows.length} pages`, JSON.stringify(byLang));
