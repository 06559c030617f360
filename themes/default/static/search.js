// The search page. search-index.js (a <script>, so it works from file://, where fetch is
// blocked) sets window.BRIEFING_SEARCH, the manifest; the term shards of the query's words
// and the document blocks of the results shown are loaded on demand the same way, by adding
// <script src> elements that call window.BRIEFING_SEARCH_LOAD. Words are folded and stemmed
// as the index did (search-terms.js); every word (or a form of it) must appear in a result,
// the last word as typed also as a prefix. Results are built with textContent and <mark>
// elements, never HTML from the index.
(function () {
  "use strict";
  var manifest = window.BRIEFING_SEARCH;
  var T = window.BriefingTerms;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var partnerSelect = document.getElementById("search-partner");
  var monthSelect = document.getElementById("search-month");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!manifest || !T || !form || !input || !list || !status) return;
  var root = form.getAttribute("data-root") || "";
  var PAGE = 10;
  // Prefix matching may load extra shards, but no more than this many bytes of them.
  var PREFIX_BUDGET = 96 * 1024;
  var stop = new Set(manifest.stop || []);
  var shards = manifest.shards || []; // [prefix, file, bytes], sorted by prefix
  var loaded = { t: {}, d: {} };
  var waiting = {};
  var generation = 0;

  window.BRIEFING_SEARCH_LOAD = function (kind, id, data) {
    loaded[kind][id] = data;
    var key = kind + ":" + id;
    var callbacks = waiting[key] || [];
    delete waiting[key];
    callbacks.forEach(function (f) { f(); });
  };

  // Load the shards `needs` ([kind, id, file]) and then call `done`.
  function load(needs, done) {
    var pending = 0;
    function one() { if (--pending === 0) done(); }
    needs.forEach(function (need) {
      var kind = need[0], id = need[1];
      if (loaded[kind][id] !== undefined) return;
      var key = kind + ":" + id;
      pending++;
      if (waiting[key]) { waiting[key].push(one); return; }
      waiting[key] = [one];
      var script = document.createElement("script");
      script.src = root + manifest.dir + "/" + kind + "/" + need[2] + ".js";
      script.onerror = function () { window.BRIEFING_SEARCH_LOAD(kind, id, null); };
      document.head.appendChild(script);
    });
    if (pending === 0) done();
  }

  // The shard holding `term`: the longest prefix that it starts with.
  function shardOf(term) {
    var best = null;
    for (var i = 0; i < shards.length; i++) {
      var key = shards[i][0];
      if (term.slice(0, key.length) === key && (!best || key.length > best[0].length)) best = shards[i];
    }
    return best;
  }

  // The query's words: folded, stop words dropped; each with its candidate terms and, for
  // the last word while it is being typed, a prefix.
  function parse(text) {
    var raw = T.words(text);
    var typing = raw.length > 0 && !/[\s.,;:!?]$/.test(text);
    var out = [];
    raw.forEach(function (w, i) {
      var folded = T.fold(w);
      if (Array.from(folded).length < 2 || stop.has(folded)) return;
      var prefix = typing && i === raw.length - 1 && Array.from(folded).length >= 3 ? folded : null;
      out.push({ folded: folded, terms: T.queryTerms(folded), prefix: prefix });
    });
    return out;
  }

  function needsOf(words, filters) {
    var needs = [];
    function add(s) { if (s) needs.push(["t", s[0], s[1]]); }
    words.forEach(function (w) {
      w.terms.forEach(function (t) { add(shardOf(t)); });
      if (w.prefix) {
        add(shardOf(w.prefix));
        var extra = shards.filter(function (s) {
          return s[0].length > w.prefix.length && s[0].slice(0, w.prefix.length) === w.prefix;
        });
        var bytes = extra.reduce(function (n, s) { return n + s[2]; }, 0);
        if (bytes <= PREFIX_BUDGET) extra.forEach(add);
      }
    });
    filters.forEach(function (f) { add(shardOf(f)); });
    return needs;
  }

  // Postings of a term: Map doc -> in title.
  function postings(term, into) {
    var s = shardOf(term);
    var shard = s && loaded.t[s[0]];
    var list = shard && Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : null;
    if (!list) return;
    var doc = -1;
    for (var i = 0; i < list.length; i++) {
      doc += Math.floor(list[i] / 2);
      var title = list[i] % 2 === 1;
      into.set(doc, (into.get(doc) || false) || title);
    }
  }

  // Terms of loaded shards that start with `prefix`.
  function prefixTerms(prefix) {
    var out = [];
    Object.keys(loaded.t).forEach(function (key) {
      var shard = loaded.t[key];
      if (!shard || (key.slice(0, prefix.length) !== prefix && prefix.slice(0, key.length) !== key)) return;
      Object.keys(shard).forEach(function (t) { if (t.slice(0, prefix.length) === prefix) out.push(t); });
    });
    return out;
  }

  // Ranked document ids: every word and filter matched; title hits and rare words weigh more.
  function rank(words, filters) {
    var n = manifest.docs || 1;
    var scores = null;
    words.forEach(function (w) {
      var hits = new Map();
      w.terms.forEach(function (t) { postings(t, hits); });
      if (w.prefix) prefixTerms(w.prefix).forEach(function (t) { postings(t, hits); });
      var idf = Math.log(1 + n / Math.max(1, hits.size));
      var next = new Map();
      hits.forEach(function (title, doc) {
        if (scores && !scores.has(doc)) return;
        next.set(doc, (scores ? scores.get(doc) : 0) + idf * (title ? 3 : 1));
      });
      scores = next;
    });
    filters.forEach(function (f) {
      var hits = new Map();
      postings(f, hits);
      var next = new Map();
      if (scores) scores.forEach(function (s, doc) { if (hits.has(doc)) next.set(doc, s); });
      else hits.forEach(function (title, doc) { next.set(doc, 0); });
      scores = next;
    });
    var ids = [];
    (scores || new Map()).forEach(function (s, doc) { ids.push([doc, s]); });
    ids.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return ids.map(function (x) { return x[0]; });
  }

  function docOf(id) {
    var block = loaded.d[Math.floor(id / manifest.block)];
    return block ? block[id % manifest.block] : null;
  }

  // Append `text` to `el`, words matching the query in <mark>.
  function highlighted(el, text, lang, matcher) {
    var last = 0, m;
    T.WORD.lastIndex = 0;
    while ((m = T.WORD.exec(text)) !== null) {
      if (!matcher(m[0], lang)) continue;
      if (m.index > last) el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      last = m.index + m[0].length;
    }
    if (last < text.length) el.appendChild(document.createTextNode(text.slice(last)));
  }

  function matcherFor(words) {
    var terms = new Set(), prefixes = [];
    words.forEach(function (w) {
      w.terms.forEach(function (t) { terms.add(t); });
      if (w.prefix) prefixes.push(w.prefix);
    });
    return function (word, lang) {
      var folded = T.fold(word);
      var t = T.term(folded, lang, stop);
      if (t === null) return false;
      if (terms.has(t) || terms.has(folded)) return true;
      return prefixes.some(function (p) { return folded.slice(0, p.length) === p || t.slice(0, p.length) === p; });
    };
  }

  // The part of `text` around its first match, at most about 240 characters.
  function snippet(text, lang, matcher) {
    if (text.length <= 240) return text;
    var m, first = 0;
    T.WORD.lastIndex = 0;
    while ((m = T.WORD.exec(text)) !== null) {
      if (matcher(m[0], lang)) { first = m.index; break; }
    }
    var start = first < 80 ? 0 : text.lastIndexOf(" ", first - 60) + 1;
    var end = Math.min(text.length, start + 240);
    var cut = text.lastIndexOf(" ", end);
    if (end < text.length && cut > start) end = cut;
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function render(doc, matcher) {
    var item = document.createElement("li");
    var heading = document.createElement("a");
    heading.href = root + doc.u;
    heading.lang = doc.l;
    heading.className = "search-title";
    highlighted(heading, doc.t, doc.l, matcher);
    item.appendChild(heading);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = [doc.d, doc.m, (doc.p || []).join(", ")].filter(Boolean).join(" · ");
    item.appendChild(meta);
    if (doc.x) {
      var p = document.createElement("p");
      p.lang = doc.l;
      p.className = "search-snippet";
      highlighted(p, snippet(doc.x, doc.l, matcher), doc.l, matcher);
      item.appendChild(p);
    }
    if (doc.a && doc.a.length) {
      var also = document.createElement("p");
      also.className = "search-also meta";
      also.appendChild(document.createTextNode("Also reported by "));
      doc.a.forEach(function (other, i) {
        if (i > 0) also.appendChild(document.createTextNode(", "));
        var a = document.createElement("a");
        a.href = root + other[1];
        a.lang = other[2];
        a.textContent = other[0];
        also.appendChild(a);
      });
      item.appendChild(also);
    }
    return item;
  }

  var state = null;

  // Show up to PAGE more results (stories), loading the document blocks they need.
  function showMore(g) {
    if (!state || g !== generation) return;
    var s = state;
    var upto = Math.min(s.ids.length, s.next + PAGE * 2);
    var needs = [];
    for (var i = s.next; i < upto; i++) {
      var b = Math.floor(s.ids[i] / manifest.block);
      needs.push(["d", b, b]);
    }
    load(needs, function () {
      if (g !== generation) return;
      var shown = 0;
      while (s.next < s.ids.length && shown < PAGE) {
        var id = s.ids[s.next];
        var doc = docOf(id);
        if (!doc) {
          if (loaded.d[Math.floor(id / manifest.block)] === undefined) { showMore(g); return; }
          s.next++;
          continue;
        }
        s.next++;
        if (s.seen.has(id)) continue;
        s.seen.add(id);
        (doc.g || []).forEach(function (other) { s.seen.add(other); });
        list.appendChild(render(doc, s.matcher));
        s.stories++;
        shown++;
      }
      announce();
    });
  }

  function announce() {
    var s = state;
    var n = s.ids.length;
    var left = s.ids.slice(s.next).some(function (id) { return !s.seen.has(id); });
    if (more) more.hidden = !left;
    if (n === 0) { status.textContent = "No articles match."; return; }
    var text = n + (n === 1 ? " article matches" : " articles match");
    if (s.stories < n || left) text += "; " + s.stories + (s.stories === 1 ? " story" : " stories") + " shown";
    status.textContent = text + ".";
  }

  function run() {
    var g = ++generation;
    var words = parse(input.value);
    var filters = [];
    if (partnerSelect && partnerSelect.value) filters.push("~p:" + partnerSelect.value);
    if (monthSelect && monthSelect.value) filters.push("~m:" + monthSelect.value);
    list.textContent = "";
    if (more) more.hidden = true;
    state = null;
    if (!words.length && !filters.length) {
      status.textContent = input.value.trim() ? "Type a longer word." : manifest.docs + " articles.";
      return;
    }
    load(needsOf(words, filters), function () {
      if (g !== generation) return;
      state = { ids: rank(words, filters), next: 0, seen: new Set(), stories: 0, matcher: matcherFor(words) };
      if (!state.ids.length) { announce(); return; }
      showMore(g);
    });
  }

  function fill(select, choices) {
    if (!select) return;
    (choices || []).forEach(function (c) {
      var option = document.createElement("option");
      option.value = c[0];
      option.textContent = c[1] + " (" + c[2] + ")";
      select.appendChild(option);
    });
  }
  fill(partnerSelect, manifest.partners);
  fill(monthSelect, manifest.months);

  // Keys: "/" focuses the box; arrow keys move between the box and the results; Enter on
  // a result opens it (it is a link); Escape goes back to the box.
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a.search-title")); }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA");
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "Escape") return;
    var all = links();
    var at = all.indexOf(target);
    if (target === input && event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[0].focus();
    } else if (at >= 0) {
      event.preventDefault();
      if (event.key === "Escape") input.focus();
      else if (event.key === "ArrowDown" && at + 1 < all.length) all[at + 1].focus();
      else if (event.key === "ArrowUp") (at > 0 ? all[at - 1] : input).focus();
    }
  });

  form.hidden = false;
  input.addEventListener("input", run);
  [partnerSelect, monthSelect].forEach(function (s) { if (s) s.addEventListener("change", run); });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  if (more) more.addEventListener("click", function () { showMore(generation); });
  var params = new URLSearchParams(location.search);
  if (params.get("q")) input.value = params.get("q");
  if (partnerSelect && params.get("partner")) partnerSelect.value = params.get("partner");
  if (monthSelect && params.get("month")) monthSelect.value = params.get("month");
  run();
})();
