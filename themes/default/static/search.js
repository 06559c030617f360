// Search over window.BRIEFING_SEARCH, which search-index.js sets (loaded by a <script> tag,
// so it works from file://, where fetch is blocked). Every term must appear in an article's
// title, partners, date or summary; case, accents and ё/е are ignored. Results are built
// with textContent, never HTML.
(function () {
  "use strict";
  var data = window.BRIEFING_SEARCH || [];
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) return;
  var root = form.getAttribute("data-root") || "";
  var MAX = 100;
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ё/g, "е");
  }
  var haystacks = data.map(function (e) { return fold([e.t, e.p, e.d, e.s].join(" ")); });
  function run() {
    var query = fold(input.value.trim());
    list.textContent = "";
    if (!query) { status.textContent = data.length + " articles"; return; }
    var terms = query.split(/\s+/);
    var total = 0;
    for (var i = 0; i < data.length; i++) {
      var hay = haystacks[i];
      var hit = terms.every(function (t) { return hay.indexOf(t) >= 0; });
      if (!hit) continue;
      total++;
      if (total > MAX) continue;
      var e = data[i];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + e.u;
      link.textContent = e.t;
      link.lang = e.l;
      item.appendChild(link);
      var meta = [e.d, e.p].filter(Boolean).join(" · ");
      if (meta) {
        var m = document.createElement("span");
        m.className = "meta";
        m.textContent = " · " + meta;
        item.appendChild(m);
      }
      if (e.s) {
        var p = document.createElement("p");
        p.textContent = e.s;
        p.lang = e.l;
        item.appendChild(p);
      }
      list.appendChild(item);
    }
    status.textContent = total === 0 ? "No articles match."
      : total + (total === 1 ? " article" : " articles") + (total > MAX ? ", the first " + MAX + " shown" : "");
  }
  form.hidden = false;
  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  var q = /[?&]q=([^&#]*)/.exec(location.search);
  if (q) input.value = decodeURIComponent(q[1].replace(/\+/g, " "));
  run();
})();
