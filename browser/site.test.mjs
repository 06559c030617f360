// Real-browser checks of a site built by `briefing build`, opened from disk (file://).
//
//   node browser/site.test.mjs <site-folder>        (or BRIEFING_SITE=<site-folder>)
//
// Env: CHROMIUM (default /usr/bin/chromium, Debian's package; never downloads a browser),
//      SCREENSHOTS (folder for PNGs; skipped if unset),
//      BRIEFING_TITLE (expected home title; default: `title` from ../site.toml).
// Prints "browser: N pages crawled, M problems" and exits 1 listing every problem.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const siteArg = process.argv[2] || process.env.BRIEFING_SITE;
if (!siteArg) {
  console.error('usage: node site.test.mjs <built-site-folder>   (or set BRIEFING_SITE)');
  process.exit(2);
}
const root = fs.realpathSync(path.resolve(siteArg));
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`browser: no index.html in ${root}: build the site first`);
  process.exit(2);
}

const PARTNERS = ['United States', 'Russia', 'Pakistan', 'Organization of Turkic States'];
const ARTICLE_COUNT = 5;
const STORY_COUNT = 4; // seeds 000 and 001 report one story
const expectedTitle = process.env.BRIEFING_TITLE ?? (() => {
  try {
    const toml = fs.readFileSync(path.join(here, '..', 'site.toml'), 'utf8');
    return toml.match(/^\s*title\s*=\s*"([^"]*)"/m)?.[1];
  } catch { return undefined; }
})();

const problems = [];
let passed = 0;
/** Records one check; never throws, so every problem is reported. */
function check(where, what, fn) {
  try {
    fn();
    passed++;
  } catch (e) {
    const msg = e instanceof assert.AssertionError ? e.message : String(e?.stack || e);
    problems.push(`${where}: ${what}: ${msg.split('\n')[0]}`);
  }
}
const rel = (u) => {
  try { return path.relative(root, fileURLToPath(u)).split(path.sep).join('/') || '.'; } catch { return String(u); }
};
const stripHash = (u) => { const x = new URL(u); x.hash = ''; x.search = ''; return x.href; };
const insideSite = (u) => {
  if (!u.startsWith('file:')) return false;
  const p = fileURLToPath(stripHash(u));
  return p === root || p.startsWith(root + path.sep);
};

const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
};
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const MOBILE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Opens url in a new page of ctx, collecting console errors, page errors and failed
 * or out-of-site requests while it loads. */
async function open(ctx, url) {
  const page = await ctx.newPage();
  const errors = [];
  const loaded = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${rel(r.url())} (${r.failure()?.errorText})`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !insideSite(u)) errors.push(`request leaves the site folder: ${u}`);
  });
  page.on('requestfinished', (r) => loaded.push(r.url()));
  let navError = null;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 15000 });
  } catch (e) {
    navError = e.message.split('\n')[0];
  }
  return { page, errors, loaded, navError };
}

/** Facts about the page used by the per-page checks. */
const pageFacts = () => {
  const cs = getComputedStyle(document.body);
  const rootCs = getComputedStyle(document.documentElement);
  const links = [...document.querySelectorAll('a[href], link[href]')].map((a) => ({
    tag: a.tagName.toLowerCase(), rel: a.getAttribute('rel') || '', raw: a.getAttribute('href'),
    // An SVG link's href is an SVGAnimatedString (the overview charts' cells): resolve it.
    href: typeof a.href === 'string' ? a.href : new URL(a.href.baseVal, document.baseURI).href,
  }));
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  return {
    title: document.title,
    bodyStart: (document.body?.innerText || '').trim().slice(0, 200),
    dirListing: !!document.querySelector('#listingParsingErrorBox, #parentDirLinkBox, table#table'),
    lang: document.documentElement.getAttribute('lang'),
    mains: document.querySelectorAll('main').length,
    h1s: document.querySelectorAll('h1').length,
    fontFamily: cs.fontFamily,
    bodyMargin: cs.margin,
    cssVars: ['--bg', '--fg', '--accent'].map((v) => rootCs.getPropertyValue(v).trim()).filter(Boolean).length,
    sheets: document.styleSheets.length,
    scripts: document.querySelectorAll('script').length,
    links,
    ids,
  };
};

/** The per-page checks shared by the crawl and the 404 page. */
const isListing = (facts) => /^Index of\b/i.test(facts.title) || /^Index of\b/i.test(facts.bodyStart) || facts.dirListing;

function checkPage(where, facts, errors, loaded) {
  check(where, 'not a directory listing', () => {
    assert.ok(!isListing(facts), `Chrome shows a directory listing (title ${JSON.stringify(facts.title)})`);
  });
  if (isListing(facts)) return; // its other checks and links say nothing about the site
  check(where, 'has a title', () => assert.ok(facts.title.trim().length > 0, 'empty <title>'));
  check(where, 'has <main>', () => assert.equal(facts.mains, 1, `${facts.mains} <main> elements`));
  check(where, 'exactly one h1', () => assert.equal(facts.h1s, 1, `${facts.h1s} h1 elements`));
  check(where, '<html lang> set', () => assert.ok(facts.lang && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(facts.lang),
    `lang=${JSON.stringify(facts.lang)}`));
  check(where, 'stylesheet loaded', () => {
    assert.ok(loaded.some((u) => /\.css$/.test(new URL(u).pathname)), 'no .css file finished loading');
    assert.ok(!/times/i.test(facts.fontFamily), `body font-family is the browser default (${facts.fontFamily})`);
    assert.ok(facts.cssVars > 0 || facts.bodyMargin !== '8px', 'no theme CSS variable and default body margin');
  });
  check(where, 'no console errors, page errors or failed requests', () => {
    assert.deepEqual(errors, [], errors.join('; '));
  });
  for (const l of facts.links) {
    if (!l.raw || !l.href) continue;
    const u = l.href;
    if (!u.startsWith('file:')) continue; // http(s), mailto: external, not followed
    const label = `${l.tag}${l.rel ? `[rel=${l.rel}]` : ''} href=${JSON.stringify(l.raw)}`;
    check(where, `link ${label}`, () => {
      assert.ok(!/^(\/|file:)/i.test(l.raw), 'internal link is not relative');
      assert.ok(insideSite(u), `points outside the site folder (${u})`);
      const target = fileURLToPath(stripHash(u));
      const st = fs.statSync(target, { throwIfNoEntry: false });
      assert.ok(st, `target missing on disk: ${rel(stripHash(u))}`);
      assert.ok(!st.isDirectory() && !stripHash(u).endsWith('/'),
        `links to a folder (${rel(stripHash(u))}/), which file:// shows as a directory listing: end it in index.html`);
      const hash = decodeURIComponent(new URL(u).hash.slice(1));
      if (hash && stripHash(u) === stripHash(facts.url)) {
        assert.ok(facts.ids.includes(hash), `fragment #${hash} matches no id on the page`);
      }
    });
  }
}

const t0 = Date.now();
const browser = await chromium.launch(LAUNCH);
const homeUrl = pathToFileURL(path.join(root, 'index.html')).href;
const visited = new Map(); // url -> facts
try {
  // 1 + 2. Crawl every same-site page breadth-first from index.html, checking each.
  const ctx = await browser.newContext(DESKTOP);
  const queue = [homeUrl];
  const seen = new Set(queue);
  while (queue.length) {
    const url = queue.shift();
    const where = rel(url);
    const { page, errors, loaded, navError } = await open(ctx, url);
    check(where, 'navigation succeeds', () => assert.equal(navError, null, navError));
    if (navError) { await page.close(); continue; }
    const facts = { ...(await page.evaluate(pageFacts)), url };
    visited.set(url, facts);
    checkPage(where, facts, errors, loaded);
    if (isListing(facts)) { await page.close(); continue; } // not followed, not a page
    for (const l of facts.links) {
      if (l.tag !== 'a' || !l.href || !insideSite(l.href)) continue;
      const next = stripHash(l.href);
      if (seen.has(next) || !fs.existsSync(fileURLToPath(next))) continue; // missing: reported by the link check
      // Pages, and folders (which file:// shows as a listing: visited to show what a reader gets).
      if (!/\.html?$/i.test(new URL(next).pathname) && !fs.statSync(fileURLToPath(next)).isDirectory()) continue;
      seen.add(next);
      queue.push(next);
    }
    await page.close();
  }

  // 1. The home page.
  const home = visited.get(homeUrl);
  {
    const { page } = await open(ctx, homeUrl);
    const main = page.locator('main');
    if (expectedTitle !== undefined) {
      check('index.html', 'title', () => assert.equal(home?.title, expectedTitle));
    }
    check('index.html', 'exactly one h1', () => assert.equal(home?.h1s, 1));
    const articleLinks = await main.locator('a[href*="articles/"]').evaluateAll((as) =>
      [...new Set(as.map((a) => a.href).filter((h) => /\/articles\/[^/]+\/index\.html$/.test(h)))]);
    check('index.html', `${ARTICLE_COUNT} article links`, () => assert.equal(articleLinks.length, ARTICLE_COUNT,
      `${articleLinks.length} distinct article links in <main>`));
    // A story reported twice (seeds 000 and 001) is one card naming the other report, so
    // every article is still one click away (the links above) but there is a card less.
    const cards = await main.locator('article').count();
    check('index.html', `${STORY_COUNT} article cards`, () => assert.equal(cards, STORY_COUNT, `${cards} <article> cards`));
    for (const name of PARTNERS) {
      const n = await main.locator('a[href*="partners/"]').filter({ hasText: name }).count();
      check('index.html', `partner link "${name}"`, () => assert.ok(n > 0, 'no link to its partner page'));
    }
    // 3. The Ukrainian article: the home card marked lang=uk, and any article titled in Ukrainian.
    const ukLinks = await main.locator('a[lang="uk"][href*="articles/"]').evaluateAll((as) => as.map((a) => a.href));
    const ukPages = new Set(ukLinks.map(stripHash));
    for (const [u, f] of visited) {
      if (/\/articles\//.test(u) && /[ієїґІЄЇҐ]/.test(f.title)) ukPages.add(u);
    }
    check('articles', 'a Ukrainian article exists', () => assert.ok(ukPages.size > 0, 'none found'));
    for (const u of ukPages) {
      check(rel(u), 'html lang="uk"', () => assert.equal(visited.get(u)?.lang, 'uk', `lang=${visited.get(u)?.lang}`));
    }
    await page.close();
  }

  // Nothing orphaned: every *.html on disk (but 404.html) was reached by the crawl.
  const onDisk = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.html?$/i.test(e.name)) onDisk.push(p);
    }
  })(root);
  const reached = new Set([...visited.keys()].map((u) => fileURLToPath(u)));
  const orphans = onDisk.filter((p) => p !== path.join(root, '404.html') && !reached.has(p));
  check('site', 'every page reachable from index.html', () => assert.equal(orphans.length, 0,
    `not reached by the crawl: ${orphans.map((p) => rel(pathToFileURL(p).href)).join(', ')}`));

  // The 404 page is not linked, but it must work from disk as well.
  const notFound = path.join(root, '404.html');
  if (fs.existsSync(notFound)) {
    const url = pathToFileURL(notFound).href;
    const { page, errors, loaded, navError } = await open(ctx, url);
    check('404.html', 'navigation succeeds', () => assert.equal(navError, null, navError));
    if (!navError) checkPage('404.html', { ...(await page.evaluate(pageFacts)), url }, errors, loaded);
    await page.close();
  }

  const articleUrl = [...visited.keys()].find((u) => /\/articles\/[^/]+\/index\.html$/.test(u)
    && visited.get(u).lang === 'en') || [...visited.keys()].find((u) => /\/articles\//.test(u));
  check('articles', 'an article page was crawled', () => assert.ok(articleUrl));

  // Search, from disk: typing a partner's name lists its articles, and each result opens.
  const searchUrl = pathToFileURL(path.join(root, 'search', 'index.html')).href;
  if (fs.existsSync(fileURLToPath(searchUrl))) {
    const { page, errors, navError } = await open(ctx, searchUrl);
    check('search/index.html', 'navigation succeeds', () => assert.equal(navError, null, navError));
    if (!navError) {
      const input = page.locator('#search-input');
      const shown = await input.isVisible();
      check('search/index.html', 'search box shown', () => assert.ok(shown));
      await input.fill(PARTNERS[0]);
      const results = page.locator('#search-results li a');
      await results.first().waitFor({ timeout: 5000 }).catch(() => {});
      const hrefs = await results.evaluateAll((as) => as.map((a) => a.href));
      check('search/index.html', `"${PARTNERS[0]}" finds articles`, () => assert.ok(hrefs.length > 0, 'no results'));
      for (const h of hrefs) {
        check('search/index.html', `result ${rel(h)} exists`, () => assert.ok(fs.existsSync(fileURLToPath(stripHash(h)))));
      }
      await input.fill('zzzz-no-such-word');
      const status = await page.locator('#search-status').innerText();
      check('search/index.html', 'no match says so', () => assert.match(status, /No articles match/));
      check('search/index.html', 'no errors while searching', () => assert.deepEqual(errors, [], errors.join('; ')));
    }
    await page.close();
  }

  // 4. Without JavaScript the home page and an article show the same content, summaries visible.
  const mainTexts = new Map();
  for (const u of [homeUrl, articleUrl].filter(Boolean)) {
    const { page } = await open(ctx, u);
    mainTexts.set(u, await page.locator('main').innerText());
    await page.close();
  }
  const noJs = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
  for (const u of [homeUrl, articleUrl].filter(Boolean)) {
    const where = `${rel(u)} (no JavaScript)`;
    const { page, errors, navError } = await open(noJs, u);
    check(where, 'navigation succeeds', () => assert.equal(navError, null, navError));
    if (navError) continue;
    const summary = page.locator('main .card-dek, main .summary, main .article-body p').first();
    const visible = (await summary.count()) > 0 && (await summary.isVisible());
    const text = visible ? (await summary.innerText()).trim() : '';
    check(where, 'summary text visible', () => assert.ok(visible && text.length > 20,
      visible ? `summary too short: ${JSON.stringify(text)}` : 'no visible .card-dek/.summary/body text in <main>'));
    const mainText = await page.locator('main').innerText();
    check(where, 'same <main> text as with JavaScript', () => assert.equal(mainText, mainTexts.get(u)));
    check(where, 'no errors', () => assert.deepEqual(errors, [], errors.join('; ')));
    await page.close();
  }
  await noJs.close();

  // 5. Mobile viewport: no horizontal overflow, on the home page and every crawled page.
  const mobile = await browser.newContext(MOBILE);
  // Mobile emulation widens window.innerWidth to fit overflowing content (it zooms out),
  // so the layout viewport's width (documentElement.clientWidth) is the measure here.
  const overflowOf = () => {
    const vw = document.documentElement.clientWidth;
    const sw = document.documentElement.scrollWidth;
    const culprits = [];
    if (sw > vw + 1) {
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        const pr = el.parentElement.getBoundingClientRect();
        if (r.width > 0 && r.right > vw + 1 && pr.right <= vw + 1) {
          const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
          culprits.push(`${el.tagName.toLowerCase()}${cls} (right edge ${Math.round(r.right)}px)`);
          if (culprits.length === 3) break;
        }
      }
    }
    return { vw, sw, culprits };
  };
  for (const [u, f] of visited) {
    if (isListing(f)) continue;
    const { page, navError } = await open(mobile, u);
    if (!navError) {
      const o = await page.evaluate(overflowOf);
      check(`${rel(u)} (390x844)`, 'no horizontal overflow', () => assert.ok(o.sw <= o.vw + 1,
        `scrollWidth ${o.sw} > viewport width ${o.vw}; past the edge: ${o.culprits.join(', ') || '?'}`));
    }
    await page.close();
  }

  // 6. Screenshots.
  const shots = process.env.SCREENSHOTS;
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    const take = async (c, u, name) => {
      const { page } = await open(c, u);
      await page.screenshot({ path: path.join(shots, name), fullPage: true });
      await page.close();
    };
    await take(ctx, homeUrl, 'home-desktop.png');
    await take(mobile, homeUrl, 'home-mobile.png');
    if (articleUrl) {
      await take(ctx, articleUrl, 'article-desktop.png');
      await take(mobile, articleUrl, 'article-mobile.png');
    }
  }
  await mobile.close();
  await ctx.close();
} finally {
  await browser.close();
}

const secs = ((Date.now() - t0) / 1000).toFixed(1);
for (const p of problems) console.log(`PROBLEM ${p}`);
const crawled = [...visited.values()].filter((f) => !isListing(f)).length;
console.log(`browser: ${crawled} pages crawled, ${problems.length} problems (${secs} s)`);
console.log(`browser: ${passed} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
