// Layout on a phone, in real Chromium, of any site built by `briefing build`, opened from disk:
//
//   node browser/layout.test.mjs <site-folder>
//
// Crawls every page reachable from index.html at 390x844 (a phone) and checks that
//   - no page is wider than the screen: document.documentElement.scrollWidth <= 390;
//   - no page is taller than MAX_HEIGHT px (default 6000; 0: not checked) at that width;
//   - a second page of a paged list (`page/2/index.html`) opens from file://, shows cards,
//     and its pager links back to page 1 and on, to files that exist.
// Env: CHROMIUM (default /usr/bin/chromium; never downloads a browser), MAX_HEIGHT,
//      SCREENSHOTS (folder: full-page PNGs of the tallest page and of page 2).
// Prints "layout: N pages, widest W px (PAGE), tallest H px (PAGE)" and exits 1 listing every
// problem.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const siteArg = process.argv[2] || process.env.BRIEFING_SITE;
if (!siteArg) {
  console.error('usage: node layout.test.mjs <built-site-folder>');
  process.exit(2);
}
const root = fs.realpathSync(path.resolve(siteArg));
const WIDTH = 390;
// 0 turns the height check off (for sites made of hostile tokens, where only width matters).
const MAX_HEIGHT = Number(process.env.MAX_HEIGHT ?? 6000);
const problems = [];
const rel = (u) => path.relative(root, fileURLToPath(u)).split(path.sep).join('/');
const strip = (u) => { const x = new URL(u); x.hash = ''; x.search = ''; return x.href; };
const inside = (u) => {
  if (!u.startsWith('file:')) return false;
  const p = fileURLToPath(strip(u));
  return p.startsWith(root + path.sep);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const measures = [];
try {
  const ctx = await browser.newContext({
    viewport: { width: WIDTH, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true,
  });
  // Nothing leaves the site folder (remote images would be requests to their hosts).
  await ctx.route('**/*', (r) => (inside(r.request().url()) || r.request().url().startsWith('data:')
    ? r.continue() : (problems.push(`request leaves the site: ${r.request().url()}`), r.abort())));
  const page = await ctx.newPage();
  const start = pathToFileURL(path.join(root, 'index.html')).href;
  const queue = [start];
  const seen = new Set(queue);
  while (queue.length) {
    const url = queue.shift();
    await page.goto(url, { waitUntil: 'load' });
    const m = await page.evaluate(() => {
      const de = document.documentElement;
      let culprit = '';
      if (de.scrollWidth > de.clientWidth) {
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          if (r.right > de.clientWidth + 1 && el.parentElement.getBoundingClientRect().right <= de.clientWidth + 1) {
            culprit = `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}`;
            break;
          }
        }
      }
      return {
        width: de.scrollWidth,
        height: de.scrollHeight,
        culprit,
        // SVG links (chart cells) have an SVGAnimatedString href: resolve it.
        links: [...document.querySelectorAll('a[href]')].map((a) => (typeof a.href === 'string' ? a.href : new URL(a.href.baseVal, document.baseURI).href)),
      };
    });
    measures.push({ page: rel(url), ...m });
    if (m.width > WIDTH) problems.push(`${rel(url)}: ${m.width} px wide at ${WIDTH} px (past the edge: ${m.culprit || '?'})`);
    if (MAX_HEIGHT > 0 && m.height > MAX_HEIGHT) problems.push(`${rel(url)}: ${m.height} px tall at ${WIDTH} px (limit ${MAX_HEIGHT})`);
    for (const l of m.links) {
      if (!inside(l)) continue;
      const next = strip(l);
      if (seen.has(next) || !/\.html$/.test(next) || !fs.existsSync(fileURLToPath(next))) continue;
      seen.add(next);
      queue.push(next);
    }
  }

  // A second page of a paged list, opened from disk: cards, and a pager whose links exist.
  const second = measures.map((m) => m.page).find((p) => /(^|\/)page\/2\/index\.html$/.test(p));
  if (!second) {
    problems.push('no page/2/index.html was reached: lists are not paged');
  } else {
    const url = pathToFileURL(path.join(root, second)).href;
    await page.goto(url, { waitUntil: 'load' });
    const facts = await page.evaluate(() => ({
      cards: document.querySelectorAll('main .card').length,
      prev: document.querySelector('nav.pagination a[rel=prev]')?.href,
      numbers: [...document.querySelectorAll('nav.pagination a')].map((a) => a.href),
      current: document.querySelector('nav.pagination [aria-current=page]')?.textContent,
    }));
    if (facts.cards === 0) problems.push(`${second}: no cards`);
    if (facts.current?.trim() !== '2') problems.push(`${second}: the pager does not mark page 2 (${facts.current})`);
    const first = second.replace(/page\/2\/index\.html$/, 'index.html');
    if (!facts.prev || rel(strip(facts.prev)) !== first) problems.push(`${second}: previous page is ${facts.prev}, not ${first}`);
    for (const n of facts.numbers) {
      if (!fs.existsSync(fileURLToPath(strip(n)))) problems.push(`${second}: pager link ${n} is missing`);
    }
    // Following "previous" works from disk, like a reader clicking it.
    if (facts.prev) {
      await page.click('nav.pagination a[rel=prev]');
      if (rel(strip(page.url())) !== first) problems.push(`${second}: clicking previous opened ${page.url()}`);
    }
    if (process.env.SCREENSHOTS) {
      fs.mkdirSync(process.env.SCREENSHOTS, { recursive: true });
      await page.goto(url, { waitUntil: 'load' });
      await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'page2-390.png'), fullPage: true });
    }
  }
  if (process.env.SCREENSHOTS && measures.length) {
    const tallest = measures.reduce((a, b) => (b.height > a.height ? b : a));
    await page.goto(pathToFileURL(path.join(root, tallest.page)).href, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'tallest-390.png'), fullPage: true });
  }
  await ctx.close();
} finally {
  await browser.close();
}

const widest = measures.reduce((a, b) => (b.width > a.width ? b : a), { width: 0, page: '-' });
const tallest = measures.reduce((a, b) => (b.height > a.height ? b : a), { height: 0, page: '-' });
const byKind = {};
for (const m of measures) {
  const kind = m.page.startsWith('articles/') ? 'article'
    : /^partners\/[^/]+\/\d{4}-\d{2}\//.test(m.page) ? 'partner-month'
      : m.page.startsWith('partners/') && m.page !== 'partners/index.html' ? 'partner'
        : /^months\/.+\//.test(m.page) ? 'month' : /(^|\/)page\//.test(m.page) || m.page === 'index.html' ? 'home' : 'other';
  byKind[kind] = Math.max(byKind[kind] || 0, m.height);
}
for (const p of problems) console.log(`PROBLEM ${p}`);
console.log(`layout: ${measures.length} pages, widest ${widest.width} px (${widest.page}), tallest ${tallest.height} px (${tallest.page}) at ${WIDTH} px`);
console.log(`layout: tallest by kind ${JSON.stringify(byKind)}`);
process.exit(problems.length ? 1 : 0);
