// Theme, validity and accessibility of any site built by `briefing build`, opened from disk:
//
//   node browser/theme.test.mjs <site-folder>
//
// Checks, and exits 1 listing every problem:
//   - the Nu HTML checker (node_modules/vnu-jar, run on the machine's Java) finds 0 errors in
//     every *.html of the site;
//   - axe-core (injected into each page) finds 0 serious or critical violations on every page in
//     the light scheme, and on one page of each type in the dark scheme (colour contrast of text
//     is one of axe's rules, so dark mode keeps text at 4.5:1 or more);
//   - one page of each type (home, article, partner, partner-month, month, months, partners,
//     search) has a skip link as its first focusable element pointing at <main>, one each of
//     header/nav/main/footer landmarks and one h1, and no horizontal scroll at 320, 390, 768,
//     1280 and 1600 px (folded <details> opened), in light and dark;
//   - the overview charts (home heatmap, partner bar timeline), in light and dark at 390 px:
//     their box is no wider than the screen and scrolls inside itself, cells and bars are
//     links that open a partner-month page when clicked, and the labels' and cells' colours
//     stand out from the background (text 4.5:1, cells 1.5:1 against the page);
//   - printed (print media emulated), a month page hides the site navigation, skip link, pagers
//     and footer, and links to the web print their address.
// Env: CHROMIUM (default /usr/bin/chromium; never downloads a browser), SCREENSHOTS (folder for
//      PNGs of each page type at 390 and 1280 px, light and dark, and the printed month page).
// Prints "theme: N pages, M problems".

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const siteArg = process.argv[2] || process.env.BRIEFING_SITE;
if (!siteArg) {
  console.error('usage: node theme.test.mjs <built-site-folder>');
  process.exit(2);
}
const root = fs.realpathSync(path.resolve(siteArg));
const shots = process.env.SCREENSHOTS;
const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);
const rel = (p) => path.relative(root, p).split(path.sep).join('/');

// Every page on disk.
const pages = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.html')) pages.push(p);
  }
})(root);

// 1. The Nu HTML checker over every page.
const vnu = path.join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
if (!fs.existsSync(vnu)) {
  problem('vnu', `${vnu} missing: run npm ci --prefix browser`);
} else {
  // The JSON report goes to stderr; the exit code is 1 when there are errors.
  const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...pages],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = `${run.stdout || ''}${run.stderr || ''}`;
  const json = out.slice(out.indexOf('{'));
  let messages = [];
  try {
    messages = JSON.parse(json).messages || [];
  } catch {
    problem('vnu', `unreadable report: ${out.slice(0, 500)}`);
  }
  for (const m of messages.filter((m) => m.type === 'error' || m.subType === 'fatal')) {
    const file = m.url ? rel(fileURLToPath(m.url)) : '?';
    problem(`vnu ${file}:${m.lastLine ?? '?'}`, `${m.message} [${(m.extract || '').trim().slice(0, 80)}]`);
  }
  console.log(`theme: Nu HTML checker: ${messages.length} errors in ${pages.length} pages`);
}

// One page of each type.
// A page showing key figures where one exists (the screenshots should show them).
const find = (re) => {
  const all = pages.filter((p) => re.test(rel(p)));
  return all.find((p) => fs.readFileSync(p, 'utf8').includes('figure-')) || all[0];
};
const types = {
  home: find(/^index\.html$/),
  article: find(/^articles\/[^/]+\/index\.html$/),
  partner: find(/^partners\/[^/]+\/index\.html$/),
  'partner-month': find(/^partners\/[^/]+\/\d{4}-\d\d\/index\.html$/),
  month: find(/^months\/\d{4}-\d\d\/index\.html$/),
  months: find(/^months\/index\.html$/),
  partners: find(/^partners\/index\.html$/),
  search: find(/^search\/index\.html$/),
};
for (const [type, p] of Object.entries(types)) if (!p) problem(type, 'no page of this type');

const axeSource = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});

/** axe's serious and critical violations on the open page. */
async function axe(page, where) {
  await page.addScriptTag({ path: axeSource });
  // Under file:// axe's stylesheet preload is blocked; the computed styles are what count.
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { preload: false, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary || ''}`.replace(/\s+/g, ' ').slice(0, 240)),
    }));
  });
  for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    problem(where, `axe ${v.impact} ${v.id}: ${v.help}; ${v.nodes.join(' | ')}`);
  }
}

/** Landmarks, skip link and headings of the open page. */
const structure = () => {
  const count = (s) => document.querySelectorAll(s).length;
  const first = document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
  const skip = first && first.getAttribute('href');
  return {
    header: count('body > header'), nav: count('body > header nav'), main: count('main'), footer: count('body > footer'),
    h1: count('h1'),
    skip: skip && skip.startsWith('#') && document.getElementById(skip.slice(1))?.tagName === 'MAIN' ? skip : null,
  };
};
const overflow = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

try {
  // 2. axe on every page, light scheme.
  const light = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const page = await light.newPage();
  for (const p of pages) {
    await page.goto(pathToFileURL(p).href, { waitUntil: 'load' });
    await axe(page, rel(p));
  }
  await light.close();

  // 3. Each page type: structure, widths, dark axe, screenshots.
  if (shots) fs.mkdirSync(shots, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    const pg = await ctx.newPage();
    for (const [type, p] of Object.entries(types)) {
      if (!p) continue;
      const where = `${rel(p)} (${type}, ${scheme})`;
      await pg.setViewportSize({ width: 1280, height: 900 });
      await pg.goto(pathToFileURL(p).href, { waitUntil: 'load' });
      const s = await pg.evaluate(structure);
      for (const [k, n] of Object.entries({ header: s.header, nav: s.nav, main: s.main, footer: s.footer, h1: s.h1 })) {
        if (n !== 1) problem(where, `${n} ${k} elements, want 1`);
      }
      if (!s.skip) problem(where, 'first focusable element is not a skip link to <main>');
      if (scheme === 'dark') {
        const bg = await pg.evaluate(() => getComputedStyle(document.body).backgroundColor);
        if (bg === 'rgb(251, 251, 250)' || bg === 'rgb(255, 255, 255)') problem(where, `light background in dark mode (${bg})`);
        await axe(pg, where);
      }
      // Folded parts (a partner's key figures table) open, so they are measured and shown.
      await pg.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      for (const width of [320, 390, 768, 1280, 1600]) {
        await pg.setViewportSize({ width, height: 900 });
        const o = await pg.evaluate(overflow);
        if (o > 0) problem(where, `horizontal scroll at ${width} px (${o} px too wide)`);
        if (shots && (width === 390 || width === 1280)) {
          await pg.screenshot({ path: path.join(shots, `${type}-${width}-${scheme}.png`), fullPage: true });
        }
      }
    }
    await ctx.close();
  }

  // 4a. The overview charts from file://, light and dark, on a phone.
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  for (const scheme of ['light', 'dark']) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
    const pg = await ctx.newPage();
    for (const [type, selector, target] of [
      ['home', 'svg.heatmap', /\/partners\/[^/]+\/\d{4}-\d\d\/index\.html$/],
      ['partner', 'svg.bar-timeline', /\/partners\/[^/]+\/\d{4}-\d\d\/index\.html$/],
    ]) {
      const p = types[type];
      if (!p) continue;
      const where = `${rel(p)} (${selector}, ${scheme}, 390 px)`;
      await pg.goto(pathToFileURL(p).href, { waitUntil: 'load' });
      const m = await pg.evaluate((sel) => {
        const svg = document.querySelector(sel);
        if (!svg) return null;
        const box = svg.closest('.chart-box');
        const r = box.getBoundingClientRect();
        const colour = (el, prop) => (getComputedStyle(el)[prop].match(/[\d.]+/g) || []).slice(0, 3).map(Number);
        const bg = colour(document.body, 'backgroundColor');
        const label = svg.querySelector('text');
        const cell = svg.querySelector('a .ov-cell, a .ov-bar');
        const opacity = cell ? Number(getComputedStyle(cell).fillOpacity || 1) : 1;
        // A cell's colour over the page, its fill opacity blended in.
        const fill = cell ? colour(cell, 'fill').map((c, i) => c * opacity + bg[i] * (1 - opacity)) : bg;
        return {
          left: r.left, right: r.right, scroll: box.scrollWidth, client: box.clientWidth,
          overflowX: getComputedStyle(box).overflowX,
          links: svg.querySelectorAll('a[href]').length,
          text: label ? colour(label, 'fill') : bg, bg, fill,
        };
      }, selector);
      if (!m) { problem(where, 'no chart'); continue; }
      if (m.left < 0 || m.right > 390) problem(where, `chart box spans ${m.left}..${m.right} px`);
      if (m.scroll > m.client && m.overflowX !== 'auto') problem(where, 'chart wider than its box, which does not scroll');
      if (!m.links) problem(where, 'no links in the chart');
      if (contrast(m.text, m.bg) < 4.5) problem(where, `chart text contrast ${contrast(m.text, m.bg).toFixed(2)}`);
      if (contrast(m.fill, m.bg) < 1.5) problem(where, `chart cell contrast ${contrast(m.fill, m.bg).toFixed(2)}`);
      // A cell (or bar) is a working link from disk.
      const link = pg.locator(`${selector} a:has(.ov-cell), ${selector} a:has(.ov-bar)`).last();
      await link.scrollIntoViewIfNeeded();
      await Promise.all([pg.waitForEvent('load'), link.click()]);
      if (!target.test(pg.url())) problem(where, `a cell opened ${pg.url()}`);
      const h1 = await pg.evaluate(() => document.querySelector('h1')?.textContent || '');
      if (!h1.includes('·')) problem(where, `a cell opened a page headed ${JSON.stringify(h1)}`);
      if (shots) await pg.screenshot({ path: path.join(shots, `chart-${type}-390-${scheme}.png`) });
    }
    await ctx.close();
  }

  // 4. Print: a month page as a clean briefing.
  const print = await browser.newContext({ viewport: { width: 800, height: 1100 } });
  const pp = await print.newPage();
  await pp.emulateMedia({ media: 'print' });
  // An article citing a web source, to see its address printed.
  const cited = pages.find((p) => /^articles\//.test(rel(p)) && /class=["']?source["']? href=["']?http/.test(fs.readFileSync(p, 'utf8')))
    || pages.find((p) => /^articles\//.test(rel(p)) && /href=["']?http/.test(fs.readFileSync(p, 'utf8')));
  const printed = { ...types, 'cited-article': cited };
  for (const type of ['month', 'partner-month', 'article', 'cited-article']) {
    const p = printed[type];
    if (!p) continue;
    const where = `${rel(p)} (print)`;
    await pp.goto(pathToFileURL(p).href, { waitUntil: 'load' });
    const shown = await pp.evaluate(() => ['.site-nav', '.skip-link', '.pager', '.pagination', '.site-footer', '.search-form']
      .flatMap((s) => [...document.querySelectorAll(s)].filter((e) => getComputedStyle(e).display !== 'none').map(() => s)));
    if (shown.length) problem(where, `printed with ${[...new Set(shown)].join(', ')}`);
    const bare = await pp.evaluate(() => [...document.querySelectorAll('main a[href^="http"]')]
      .filter((a) => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')))
      .map((a) => a.getAttribute('href')));
    if (bare.length) problem(where, `web links printed without their address: ${bare.slice(0, 3).join(', ')}`);
    if (shots) await pp.screenshot({ path: path.join(shots, `${type}-print.png`), fullPage: true });
  }
  await print.close();
} finally {
  await browser.close();
}

for (const p of problems) console.log(`PROBLEM ${p}`);
console.log(`theme: ${pages.length} pages, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
