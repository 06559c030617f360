// gen-gazetteer.mjs: writes data/gazetteer.generated.toml, the country part of briefing's
// gazetteer, from CLDR territory names and i18n-iso-countries' English aliases.
//
// Run from the repository root (Node 18+; the build itself never needs Node or the network):
//
//     cd scripts && npm ci && node gen-gazetteer.mjs
//
// Sources (versions pinned in package.json / package-lock.json):
// - cldr-localenames-full: territory names in en, ru, uk, ky, kk, uz (with their -alt-short
//   and -alt-variant forms). Unicode License v3.
// - cldr-core: the list of ISO 3166-1 codes (supplemental/codeMappings.json) and deprecated
//   codes (supplemental/metadata aliases). Unicode License v3.
// - i18n-iso-countries: English names and aliases ("U.S.A.", "Ivory Coast"). MIT.
//
// What no source has (adjectives, compound adjectives, short forms such as "РФ", capitals,
// organisations) lives in data/gazetteer.curated.toml, edited by hand.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "data", "gazetteer.generated.toml");

const LOCALES = ["en", "ru", "uk", "ky", "kk", "uz"];

// Dependent territories and non-country codes: not partners of a government, and several of
// their names are traps ("Jersey" in "New Jersey", "Georgia" in "South Georgia").
const SKIP = new Set(
  ("AC AI AQ AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EH EU EZ FK FO GF GG GI GL GP GS GU " +
    "HK HM IC IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR QO RE SH SJ SX TA TC TF TK UM UN " +
    "VG VI WF XA XB YT ZZ").split(" "),
);

// Names that are also ordinary words or first names. `~` asks the matcher for context (not
// inside a person's or a place's name: "Chad Miller", "Atlanta, Georgia", "Michael Jordan").
const AMBIGUOUS = new Set(["Chad", "Jordan", "Georgia"]);
// Forms that are too common as ordinary words to use at all ("Того" is "of that").
const DROP = new Set(["Того"]);

function pkgInfo(name) {
  const p = require(`${name}/package.json`);
  return { name, version: p.version, license: p.license };
}

function cldrTerritories(locale) {
  const file = require.resolve(`cldr-localenames-full/main/${locale}/territories.json`);
  return JSON.parse(readFileSync(file, "utf8")).main[locale].localeDisplayNames.territories;
}

// ISO 3166-1 alpha-2 codes: those CLDR maps to an alpha-3 code, plus Kosovo (XK), which CLDR
// names and news treats as a state.
function isoCodes() {
  const file = require.resolve("cldr-core/supplemental/codeMappings.json");
  const map = JSON.parse(readFileSync(file, "utf8")).supplemental.codeMappings;
  const codes = Object.entries(map)
    .filter(([code, v]) => /^[A-Z]{2}$/.test(code) && v._alpha3)
    .map(([code]) => code);
  return [...new Set([...codes, "XK"])].filter((c) => !SKIP.has(c)).sort();
}

// Turn a name into the token form the matcher uses (see the curated file's header): "&" is
// "and", apostrophes split words, parenthesised qualifiers and comma inversions are not how
// news writes names.
function variants(name, locale) {
  if (/[(),]/.test(name)) return [];
  let n = name.replace(/\s*&\s*/g, locale === "en" ? " and " : " ").replace(/\s+/g, " ").trim();
  if (!n || DROP.has(n)) return [];
  const forms = [];
  // Modifier-letter apostrophes (U+02BB, U+02BC) are letters to the tokenizer; typed text
  // mostly has ' or ’, which split words. Keep both spellings.
  if (/[ʻʼ‘’'`]/.test(n)) {
    if (/[ʻʼ]/.test(n)) forms.push(n.replace(/[‘’'`]/g, " "));
    forms.push(n.replace(/[ʻʼ‘’'`]/g, " ").replace(/\s+/g, " "));
  } else {
    forms.push(n);
  }
  return forms.map((f) => (AMBIGUOUS.has(f) ? `~${f}` : f));
}

function main() {
  const countries = require("i18n-iso-countries");
  countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
  const english = countries.getNames("en", { select: "all" });
  const names = Object.fromEntries(LOCALES.map((l) => [l, cldrTerritories(l)]));

  const entries = [];
  for (const code of isoCodes()) {
    const aliases = [];
    const add = (name, locale) => {
      for (const v of variants(name, locale)) if (!aliases.includes(v)) aliases.push(v);
    };
    for (const locale of LOCALES) {
      const t = names[locale];
      for (const key of [code, `${code}-alt-short`, `${code}-alt-variant`]) {
        if (t[key]) add(t[key], locale);
      }
    }
    for (const name of english[code] ?? []) add(name, "en");
    const display = names.en[code];
    if (!display) continue;
    entries.push({ id: code.toLowerCase(), name: display, aliases });
  }

  // An alias naming two countries ("Congo", "Конго") names neither.
  const owners = new Map();
  for (const e of entries) {
    for (const a of e.aliases) {
      const key = a.replace(/^~/, "").toLowerCase();
      owners.set(key, (owners.get(key) ?? new Set()).add(e.id));
    }
  }
  const dropped = [];
  for (const e of entries) {
    e.aliases = e.aliases.filter((a) => {
      const shared = owners.get(a.replace(/^~/, "").toLowerCase()).size > 1;
      if (shared && !dropped.includes(a)) dropped.push(a);
      return !shared;
    });
  }

  const sources = [pkgInfo("cldr-localenames-full"), pkgInfo("cldr-core"), pkgInfo("i18n-iso-countries")];
  const q = (s) => JSON.stringify(s);
  let text = "";
  text += "# gazetteer.generated.toml: countries and their names. GENERATED, do not edit:\n";
  text += "# change scripts/gen-gazetteer.mjs or data/gazetteer.curated.toml and regenerate\n";
  text += "# (cd scripts && npm ci && node gen-gazetteer.mjs).\n#\n# Sources:\n";
  for (const s of sources) text += `# - ${s.name} ${s.version} (npm), licence ${s.license}\n`;
  text += "#   CLDR data: Copyright © 1991-2025 Unicode, Inc., https://www.unicode.org/copyright.html\n";
  text += "#   i18n-iso-countries: Copyright (c) 2016 Michael Wittig, MIT licence\n";
  text += `# Locales: ${LOCALES.join(", ")}. Codes: ISO 3166-1 alpha-2 known to CLDR, plus xk,\n`;
  text += "# without dependent territories. Format and matching rules: see gazetteer.curated.toml.\n";
  text += `# Aliases dropped because two countries share them: ${dropped.join(", ") || "none"}.\n`;
  for (const e of entries) {
    text += `\n[[partner]]\nid = ${q(e.id)}\nkind = "country"\nname = ${q(e.name)}\n`;
    text += `aliases = [${e.aliases.map(q).join(", ")}]\n`;
  }
  writeFileSync(out, text);
  const count = entries.reduce((n, e) => n + e.aliases.length, 0);
  console.log(`wrote ${out}: ${entries.length} countries, ${count} aliases`);
}

main();
