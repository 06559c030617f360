// Sorts the misses of the last `score.mjs` run into kinds, so the biggest kind is fixed first.
//
//   node misses.mjs [txt|html] [SPLIT] [OUT] [--list KIND]
//
// SPLIT is dev (the default; held-out pages are never looked into), OUT defaults to
// /work/data/ingest. Reads OUT/devset.jsonl, OUT/score-<kind>.jsonl and OUT/inspect-<kind>.json
// (both written by score.mjs) and the clippings, and prints a table of kinds:
//   title  where the chosen title sits against the gold headline in the clipping: a line
//          above it (menus, site names, other stories' headlines), a byline or date line
//          under it, a story or standfirst line (its words are the gold body's), a line after
//          the story, a headline made from the lead, or a gold headline the text never shows
//   date   none found while the gold year is visible, none and not visible, or a wrong date
//          by the origin it came from
//   body   precision or recall under 0.8; lost pages
//   chrome the summary sentences that are not the gold body's
// With --list KIND the pages of that kind are printed with what was chosen and the gold.

import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const listAt = args.indexOf('--list');
const listKind = listAt >= 0 ? args.splice(listAt, 2)[1] : null;
const [kind = 'txt', split = 'dev', OUT = '/work/data/ingest'] = args;

const read = (f) => fs.readFileSync(path.join(OUT, f), 'utf8');
const gold = new Map(
  read('devset.jsonl')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .map((g) => [g.id, g]),
);
const scores = read(`score-${kind}.jsonl`)
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((r) => r.split === split);
const got = new Map();
for (const a of JSON.parse(read(`inspect-${kind}.json`))) got.set(path.basename(a.source).replace(/\.\w+$/, ''), a);

const norm = (s) =>
  (s || '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
const words = (s) => norm(s).split(' ').filter(Boolean);

/// Index of the first clipping line that is (or holds, with a site name beside it) `text`.
function lineOf(lines, text) {
  const t = norm(text);
  if (!t) return -1;
  let at = lines.findIndex((l) => l === t);
  if (at < 0) at = lines.findIndex((l) => l.length && l.includes(t) && t.length >= 0.6 * l.length);
  return at;
}

const kinds = { title: new Map(), date: new Map(), body: new Map(), chrome: new Map() };
function add(group, name, row, note) {
  if (!kinds[group].has(name)) kinds[group].set(name, []);
  kinds[group].get(name).push({ id: row.id, lang: row.lang, note });
}

for (const r of scores) {
  const g = gold.get(r.id);
  const a = got.get(r.id);
  const raw = fs.readFileSync(path.join(OUT, 'clippings', `${r.id}.txt`), 'utf8').split('\n');
  const lines = raw.map(norm);
  if (r.title === false) {
    const goldAt = lineOf(lines, g.title);
    const predAt = r.title_origin === 'lead' ? -1 : lineOf(lines, r.pred_title);
    const bodyWords = new Set(words(g.body || ''));
    const inBody = (t) => {
      const w = words(t);
      return w.length > 0 && w.filter((x) => bodyWords.has(x)).length / w.length >= 0.8;
    };
    const dated = (t) => /\d{4}|\b\d{1,2}[./]\d{1,2}\b|\b(by|von|por|par)\b/i.test(t || '');
    let k;
    if (goldAt < 0) k = 'gold headline not a line';
    else if (r.title_origin === 'lead') k = 'made from the lead';
    else if (predAt < 0) k = 'chosen line not found';
    else if (predAt < goldAt) k = goldAt - predAt <= 3 ? 'line just above (kicker, label, site)' : 'line far above (menu, other story)';
    else if (dated(r.pred_title) && predAt - goldAt <= 6) k = 'byline/date line under it';
    else if (g.body && inBody(r.pred_title)) k = 'story or standfirst line';
    else if (predAt - goldAt <= 6) k = 'other line just under it (caption, label)';
    else k = 'line far below (other story, footer)';
    add('title', k, r, `got «${r.pred_title}» @${predAt}  gold «${g.title}» @${goldAt}`);
  }
  if (r.date === false) {
    let k;
    if (!r.pred_date) k = r.date_vis === false ? 'none, gold year visible' : 'none, gold year not shown';
    else k = `wrong (${r.date_origin})${r.date_vis === undefined ? ', gold year not shown' : ''}`;
    add('date', k, r, `got ${r.pred_date} (${r.date_origin})  gold ${r.gold_date}`);
  }
  if (r.lost) add('body', 'lost', r, '');
  else if (r.body !== undefined) {
    if (r.prec < 0.8) add('body', 'precision < 0.8', r, `P ${r.prec.toFixed(2)} R ${r.rec.toFixed(2)}`);
    if (r.rec < 0.8) add('body', 'recall < 0.8', r, `P ${r.prec.toFixed(2)} R ${r.rec.toFixed(2)}`);
  }
  if (r.chrome && a) {
    const goldSet = new Set(words(g.body));
    const bad = a.summary.filter((s) => {
      const t = words(s);
      return t.length && t.filter((x) => goldSet.has(x)).length / t.length < 0.5;
    });
    add('chrome', 'summary sentence not in the story', r, bad.map((s) => `«${s.slice(0, 140)}»`).join(' '));
  }
}

console.log(`${kind}, ${split}: ${scores.length} pages`);
for (const [group, map] of Object.entries(kinds)) {
  const total = [...map.values()].reduce((n, l) => n + l.length, 0);
  console.log(`\n${group} (${total})`);
  for (const [name, list] of [...map.entries()].sort((x, y) => y[1].length - x[1].length)) {
    const langs = {};
    for (const m of list) langs[m.lang] = (langs[m.lang] || 0) + 1;
    console.log(`  ${String(list.length).padStart(3)}  ${name.padEnd(44)} ${JSON.stringify(langs)}`);
    if (listKind && name.startsWith(listKind)) for (const m of list) console.log(`         ${m.id} [${m.lang}] ${m.note}`);
  }
}
