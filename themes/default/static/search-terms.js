// Index terms, as the search index made them (src/render/search/terms.rs): words, folding,
// stop words and the three stemmers (Snowball English and Russian, the light Ukrainian one).
// Every rule mirrors the Rust side; the browser suite checks that both give the same stems
// for every word of the sample articles, so a query finds every form of its words.
(function (global) {
  "use strict";

  var WORD = /[\p{Alphabetic}\p{N}]+/gu;

  // Lower case, ё as е, accents stripped except on Cyrillic letters (й and ї stay letters).
  function fold(word) {
    var lower = word.toLowerCase().replace(/ё/g, "е");
    if (/^[\x00-\x7f]*$/.test(lower)) return lower;
    return lower.normalize("NFD")
      .replace(/([^\u0400-\u04ff\u0300-\u036f])[\u0300-\u036f]+/g, "$1")
      .normalize("NFC");
  }

  function words(text) { return text.match(WORD) || []; }

  function isCyrillic(word) { return /[\u0400-\u04ff]/.test(word); }

  // The longest of `endings` that `word` ends with, or null.
  function longest(word, endings) {
    var best = null;
    for (var i = 0; i < endings.length; i++) {
      var e = endings[i];
      if (e.length <= word.length && (best === null || e.length > best.length) &&
          word.slice(word.length - e.length) === e) best = e;
    }
    return best;
  }

  // ---- Snowball English (Porter2) ----
  var EN_V = "aeiouy";
  function enV(c) { return c !== undefined && EN_V.indexOf(c) >= 0; }
  var EN_EXCEPTIONS = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl",
    gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl",
    sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias",
    andes: "andes"
  };
  var EN_EXCEPTIONS2 = ["inning", "outing", "canning", "herring", "earring", "proceed",
    "exceed", "succeed"];
  // Whether w[0..end) ends in a short syllable.
  function enShortV(w, end) {
    if (end >= 3 && !enV(w[end - 1]) && "wxY".indexOf(w[end - 1]) < 0 && enV(w[end - 2]) &&
        !enV(w[end - 3])) return true;
    return end === 2 && enV(w[0]) && !enV(w[1]);
  }
  function enStem(word) {
    if (Object.prototype.hasOwnProperty.call(EN_EXCEPTIONS, word)) return EN_EXCEPTIONS[word];
    if (word.length < 3) return word;
    var w = word.split("");
    if (w[0] === "y") w[0] = "Y";
    for (var i = 1; i < w.length; i++) if (w[i] === "y" && enV(w[i - 1])) w[i] = "Y";
    w = w.join("");
    // Regions.
    var n = w.length, p1 = n, p2 = n, j = 0;
    var pre = /^(gener|commun|arsen)/.exec(w);
    if (pre) p1 = pre[1].length;
    else {
      while (j < n && !enV(w[j])) j++;
      while (j < n && enV(w[j])) j++;
      if (j < n) p1 = j + 1;
    }
    if (p1 < n) {
      j = p1;
      while (j < n && !enV(w[j])) j++;
      while (j < n && enV(w[j])) j++;
      if (j < n) p2 = j + 1;
    }
    var e;
    // Step 1a.
    e = longest(w, ["sses", "ied", "ies", "s", "us", "ss"]);
    if (e === "sses") w = w.slice(0, -4) + "ss";
    else if (e === "ied" || e === "ies") w = w.slice(0, -3) + (w.length - 3 >= 2 ? "i" : "ie");
    else if (e === "s") {
      var before = w.slice(0, -2);
      if (w.length >= 2 && /[aeiouy]/.test(before)) w = w.slice(0, -1);
    }
    if (EN_EXCEPTIONS2.indexOf(w) >= 0) return w.replace(/Y/g, "y");
    // Step 1b.
    e = longest(w, ["eed", "eedly", "ed", "edly", "ing", "ingly"]);
    if (e === "eed" || e === "eedly") {
      if (w.length - e.length >= p1) w = w.slice(0, -e.length) + "ee";
    } else if (e) {
      var stem = w.slice(0, -e.length);
      if (/[aeiouy]/.test(stem)) {
        w = stem;
        var tail = longest(w, ["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
        if (tail === "at" || tail === "bl" || tail === "iz") w += "e";
        else if (tail) w = w.slice(0, -1);
        else if (w.length === p1 && enShortV(w, w.length)) w += "e";
      }
    }
    // Step 1c.
    if (w.length > 2 && (w[w.length - 1] === "y" || w[w.length - 1] === "Y") &&
        !enV(w[w.length - 2])) w = w.slice(0, -1) + "i";
    // Step 2.
    var STEP2 = {
      tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize",
      ization: "ize", ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al",
      alli: "al", fulness: "ful", ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive",
      biliti: "ble", bli: "ble", ogi: "og", fulli: "ful", lessli: "less", li: ""
    };
    e = longest(w, Object.keys(STEP2));
    if (e && w.length - e.length >= p1) {
      var base2 = w.slice(0, -e.length);
      if (e === "ogi") { if (base2[base2.length - 1] === "l") w = base2 + "og"; }
      else if (e === "li") { if ("cdeghkmnrt".indexOf(base2[base2.length - 1]) >= 0 && base2.length) w = base2; }
      else w = base2 + STEP2[e];
    }
    // Step 3.
    var STEP3 = { tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic",
      ical: "ic", ful: "", ness: "", ative: "" };
    e = longest(w, Object.keys(STEP3));
    if (e && w.length - e.length >= p1) {
      if (e === "ative") { if (w.length - e.length >= p2) w = w.slice(0, -e.length); }
      else w = w.slice(0, -e.length) + STEP3[e];
    }
    // Step 4.
    e = longest(w, ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
      "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion"]);
    if (e && w.length - e.length >= p2) {
      var base4 = w.slice(0, -e.length);
      if (e !== "ion") w = base4;
      else if (/[st]$/.test(base4)) w = base4;
    }
    // Step 5.
    var last = w[w.length - 1];
    if (last === "e") {
      var at = w.length - 1;
      if (at >= p2 || (at >= p1 && !enShortV(w, at))) w = w.slice(0, -1);
    } else if (last === "l") {
      if (w.length - 1 >= p2 && w[w.length - 2] === "l") w = w.slice(0, -1);
    }
    return w.replace(/Y/g, "y");
  }

  // ---- Snowball Russian ----
  var RU_V = "аеиоуыэюя";
  function ruV(c) { return RU_V.indexOf(c) >= 0; }
  var RU_GERUND = [["в", "вши", "вшись"], ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"]];
  var RU_ADJECTIVE = [[], ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем",
    "им", "ым", "ом", "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"]];
  var RU_PARTICIPLE = [["ем", "нн", "вш", "ющ", "щ"], ["ивш", "ывш", "ующ"]];
  var RU_REFLEXIVE = [[], ["ся", "сь"]];
  var RU_VERB = [["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют",
    "ны", "ть", "ешь", "нно"], ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей",
    "уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт",
    "ены", "ить", "ыть", "ишь", "ую", "ю"]];
  var RU_NOUN = [[], ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и",
    "ией", "ей", "ой", "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях",
    "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я"]];
  // Snowball's `[substring] among (...)`: the longest ending of either group; the first
  // group's only after а or я. The word without it, or null.
  function ruRemove(r, groups) {
    var e = longest(r, groups[0].concat(groups[1]));
    if (e === null) return null;
    var base = r.slice(0, r.length - e.length);
    if (groups[0].indexOf(e) >= 0 && groups[1].indexOf(e) < 0) {
      var c = base[base.length - 1];
      if (c !== "а" && c !== "я") return null;
    }
    return base;
  }
  function ruStem(word) {
    var n = word.length, pV = n, p2 = n, i = 0;
    while (i < n && !ruV(word[i])) i++;
    if (i < n) {
      pV = i + 1;
      i = pV;
      while (i < n && ruV(word[i])) i++;
      if (i < n) {
        i++;
        while (i < n && !ruV(word[i])) i++;
        if (i < n) {
          i++;
          while (i < n && ruV(word[i])) i++;
          if (i < n) p2 = i + 1;
        }
      }
    }
    var head = word.slice(0, pV), r = word.slice(pV), s;
    s = ruRemove(r, RU_GERUND);
    if (s === null) {
      var t = ruRemove(r, RU_REFLEXIVE);
      if (t !== null) r = t;
      s = ruRemove(r, RU_ADJECTIVE);
      if (s !== null) {
        var p = ruRemove(s, RU_PARTICIPLE);
        if (p !== null) s = p;
      }
      if (s === null) s = ruRemove(r, RU_VERB);
      if (s === null) s = ruRemove(r, RU_NOUN);
      if (s === null) s = r;
    }
    r = s;
    if (r[r.length - 1] === "и") r = r.slice(0, -1);
    var d = longest(r, ["ост", "ость"]);
    if (d && pV + r.length - d.length >= p2) r = r.slice(0, -d.length);
    var tidy = longest(r, ["ейш", "ейше", "н", "ь"]);
    if (tidy === "ейш" || tidy === "ейше") {
      r = r.slice(0, -tidy.length);
      if (/нн$/.test(r)) r = r.slice(0, -1);
    } else if (tidy === "н") {
      if (/нн$/.test(r)) r = r.slice(0, -1);
    } else if (tidy === "ь") r = r.slice(0, -1);
    return head + r;
  }

  // ---- The light Ukrainian stemmer (src/analyse/stem.rs, `ukrainian`) ----
  var UK_ENDINGS = ["ування", "ували", "увала", "увало", "уючи", "ують", "ував", "ання",
    "ення", "іння", "ати", "ити", "іти", "ути", "ять", "ють", "уть", "ать", "ить", "али", "или",
    "ала", "ила", "ало", "ило", "ємо", "имо", "емо", "ете", "ите", "ючи", "учи", "ячи", "ачи",
    "ує", "ав", "ив", "ть", "ськими", "ського", "ському", "ської", "ською", "ських", "ським",
    "ській", "ська", "ське", "ські", "ський", "ього", "ьому", "ого", "ому", "ими", "іми", "ій",
    "ий", "ої", "ою", "ею", "єю", "их", "іх", "ім", "им", "ая", "яя", "еє", "ее", "ами", "ями",
    "ові", "еві", "єві", "ах", "ях", "ів", "їв", "ей", "ам", "ям", "ом", "ем", "єм", "а", "я",
    "о", "е", "є", "и", "і", "ї", "у", "ю", "ь", "й"];
  function letters(s) { return Array.from(s).length; }
  function ukStem(word) {
    var stem = word;
    var particles = ["ся", "сь"];
    for (var i = 0; i < particles.length; i++) {
      var q = particles[i];
      if (stem.slice(-q.length) === q && letters(stem.slice(0, -q.length)) >= 4) {
        stem = stem.slice(0, -q.length);
        break;
      }
    }
    var best = null;
    for (var k = 0; k < UK_ENDINGS.length; k++) {
      var e = UK_ENDINGS[k];
      if (stem.length >= e.length && stem.slice(stem.length - e.length) === e) {
        var s = stem.slice(0, stem.length - e.length);
        if (letters(s) >= 3 && (best === null || s.length < best.length)) best = s;
      }
    }
    if (best !== null) stem = best;
    var last = stem[stem.length - 1];
    if (last !== undefined && "аяоеєиіїуюьй".indexOf(last) >= 0 && letters(stem) > 3) {
      stem = stem.slice(0, -1);
    }
    return stem;
  }

  // The index term of a folded word in an article of language `lang`, or null for a stop
  // word or a single character (`stop`: a set of folded stop words).
  function term(folded, lang, stop) {
    if (letters(folded) < 2 || (stop && stop.has(folded))) return null;
    if (!isCyrillic(folded)) return enStem(folded);
    if (lang === "ru") return ruStem(folded);
    if (lang === "uk") return ukStem(folded);
    return folded;
  }

  // The terms a query word may stand for (its language is unknown): a Latin word's English
  // stem; a Cyrillic word's Russian and Ukrainian stems and the word itself.
  function queryTerms(folded) {
    if (!isCyrillic(folded)) return [enStem(folded)];
    var out = [ruStem(folded), ukStem(folded), folded];
    return out.filter(function (t, i) { return out.indexOf(t) === i; });
  }

  global.BriefingTerms = {
    fold: fold, words: words, term: term, queryTerms: queryTerms,
    en: enStem, ru: ruStem, uk: ukStem, WORD: WORD
  };
})(typeof window !== "undefined" ? window : globalThis);
