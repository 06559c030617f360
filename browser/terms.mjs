// Reads a JSON array of texts on standard input and prints, for each, the words of the text
// as themes/default/static/search-terms.js sees them: [folded, English, Russian, Ukrainian
// stem]. The Rust side (src/render/search/terms.rs) compares them with its own.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = fs.readFileSync(path.join(here, '..', 'themes', 'default', 'static', 'search-terms.js'), 'utf8');
const context = { window: {} };
vm.createContext(context);
vm.runInContext(source, context);
const T = context.window.BriefingTerms;
const texts = JSON.parse(fs.readFileSync(0, 'utf8'));
const out = texts.map((text) => T.words(text).map((w) => {
  const f = T.fold(w);
  return [f, T.en(f), T.ru(f), T.uk(f)];
}));
process.stdout.write(JSON.stringify(out));
