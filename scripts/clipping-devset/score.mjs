// Scores `briefing inspect --json` on the development set that build.mjs made.
//
//   node score.mjs BRIEFING_BINARY [txt|html] [OUT]     (OUT defaults to /work/data/ingest)
//
// txt scores the copy-all clippings (OUT/clippings/<id>.txt), html the saved pages
// (OUT/html/<id>.html). Measures, per split (dev / heldout) and per language:
//   title    the parser's title equals the page's headline (normalised: case, punctuation,
//            spacing; a site suffix on either side is allowed), over pages with a gold title
//   date     the date equals the metadata's publication date, over pages with a gold date;
//            `date_vis` only over pages whose clipping shows the gold year (a date the copied
//            text does not show cannot be found)
//   body     token F1 (precision / recall) of the body against the gold body (bag of words;
//            Chinese, Japanese and Thai counted per character), over pages with a gold body
//   chrome   share of summaries with a sentence that is not in the gold body (under half of
//            its tokens found there): site chrome in the summary
//   lost     pages that gave no article (missing from the output, or an empty body)
// Writes OUT/score-<kind>.jsonl with one row per page, and OUT/inspect-<kind>.json (what
// inspect printed), for looking into misses (misses.mjs).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [bin, kind = 'txt', OUT = '/work/data/ingest'] = process.argv.slice(2);
if (!bin) {
  console.error('usage: node score.mjs BRIEFING_BINARY [txt|html] [OUT]');
  process.exit(2);
}
const gold = fs
  .readFileSync(path.join(OUT, 'devset.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const dir = kind === 'html' ? 'html' : 'clippings';
const ext = kind === 'html' ? 'html' : 'txt';
const files = gold.map((g) => path.join(OUT, dir, `${g.id}.${ext}`));

// inspect runs from an empty folder, so no site.toml of ours is used.
const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'devset-'));
const started = process.hrtime.bigint();
let out;
try {
  out = execFileSync(bin, ['inspect', '--json', ...files], { cwd: empty, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
} catch (e) {
  out = e.stdout; // exit 1 when a file could not be read: the others still count
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
fs.writeFileSync(path.join(OUT, `inspect-${kind}.json`), out);
const got = new Map();
for (const a of JSON.parse(out.toString('utf8'))) got.set(path.basename(a.source).replace(/\.\w+$/, ''), a);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
function tokens(text) {
  const out = [];
  for (const m of (text || '').toLowerCase().matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const w = m[0];
    if (CJK.test(w)) for (const ch of w) out.push(ch);
    else out.push(w);
  }
  return out;
}
function bag(list) {
  const m = new Map();
  for (const t of list) m.set(t, (m.get(t) || 0) + 1);
  return m;
}
function f1(pred, ref) {
  const p = bag(pred);
  const r = bag(ref);
  let common = 0;
  for (const [t, n] of p) common += Math.min(n, r.get(t) || 0);
  const prec = pred.length ? common / pred.length : 0;
  const rec = ref.length ? common / ref.length : 0;
  return { prec, rec, f1: prec + rec ? (2 * prec * rec) / (prec + rec) : 0 };
}
const norm = (s) => tokens(s).join(' ');
function sameTitle(pred, goldTitle) {
  const p = norm(pred);
  const g = norm(goldTitle);
  if (!p || !g) return false;
  if (p === g) return true;
  // a site name added or dropped ("Headline | Site", "Site - Headline")
  const [short, long] = p.length < g.length ? [p, g] : [g, p];
  return long.includes(short) && short.length >= 0.7 * long.length;
}

const rows = [];
for (const g of gold) {
  const a = got.get(g.id);
  const clip = fs.readFileSync(path.join(OUT, 'clippings', `${g.id}.txt`), 'utf8');
  const lang = g.lang || (a && a.language) || '?';
  const row = { id: g.id, split: g.split, lang, lost: !a || !a.body || a.body.join('').trim() === '' };
  if (g.title) row.title = a ? sameTitle(a.title, g.title) : false;
  if (g.date) {
    row.date = a ? a.date === g.date : false;
    if (clip.includes(g.date.slice(0, 4))) row.date_vis = row.date;
  }
  if (g.body) {
    const s = f1(tokens(a ? a.body.join('\n') : ''), tokens(g.body));
    row.body = s.f1;
    row.prec = s.prec;
    row.rec = s.rec;
    if (a && a.summary.length) {
      const goldSet = new Set(tokens(g.body));
      row.chrome = a.summary.some((sentence) => {
        const t = tokens(sentence);
        return t.length > 0 && t.filter((x) => goldSet.has(x)).length / t.length < 0.5;
      });
    }
  }
  row.pred_title = a ? a.title : null;
  row.title_origin = a ? a.title_origin : null;
  row.gold_title = g.title;
  row.pred_date = a ? a.date : null;
  row.date_origin = a ? a.date_origin : null;
  row.gold_date = g.date;
  rows.push(row);
}
fs.writeFileSync(path.join(OUT, `score-${kind}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

function mean(list, key) {
  const v = list.filter((r) => r[key] !== undefined).map((r) => Number(r[key]));
  return v.length ? { v: v.reduce((x, y) => x + y, 0) / v.length, n: v.length } : null;
}
function line(label, list) {
  const cell = (key) => {
    const m = mean(list, key);
    return m ? `${m.v.toFixed(3)} (${m.n})`.padEnd(13) : '-'.padEnd(13);
  };
  const lost = list.filter((r) => r.lost).length;
  return `${label.padEnd(14)} ${String(list.length).padEnd(5)} ${cell('title')} ${cell('date')} ${cell('date_vis')} ${cell('body')} ${cell('prec')} ${cell('rec')} ${cell('chrome')} ${lost}`;
}
console.log(`${kind}: ${rows.length} pages, inspect took ${seconds.toFixed(1)} s`);
console.log(`${'group'.padEnd(14)} ${'n'.padEnd(5)} ${'title'.padEnd(13)} ${'date'.padEnd(13)} ${'date_vis'.padEnd(13)} ${'body F1'.padEnd(13)} ${'precision'.padEnd(13)} ${'recall'.padEnd(13)} ${'chrome'.padEnd(13)} lost`);
for (const split of ['dev', 'heldout']) {
  const part = rows.filter((r) => r.split === split);
  console.log(line(split, part));
  const langs = [...new Set(part.map((r) => r.lang))].sort();
  const big = langs.filter((l) => part.filter((r) => r.lang === l).length >= 5);
  for (const l of big) console.log(line(`  ${l}`, part.filter((r) => r.lang === l)));
  const rest = part.filter((r) => !big.includes(r.lang));
  if (rest.length) console.log(line('  other', rest));
  console.log(line('  not en', part.filter((r) => r.lang !== 'en')));
}
console.log(line('all', rows));
