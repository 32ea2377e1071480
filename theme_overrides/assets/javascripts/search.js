/* The site search: Pagefind's index (written by the builder's MkDocs plugin after each build), shown in the
 * theme's search dialog. Pagefind fetches only the index fragments a query needs, so what a visitor downloads
 * does not grow with the number of pages. Words are stemmed for Indonesian (the pages say lang="id"), so
 * "kepuasan" also finds "puas". Results are built as DOM nodes: titles and headings as text, excerpts keep
 * only Pagefind's <mark> highlights. */
(function () {
  "use strict";
  var PAGE = 8;
  var pagefind = null;
  var shown = 0;
  var results = [];
  var latest = 0;

  function $(id) { return document.getElementById(id); }

  function load(box) {
    if (!pagefind) {
      pagefind = import(box.dataset.pagefindUrl).then(function (pf) {
        // A report's longest year is its fullest, not its least relevant: page length barely counts, so the
        // weights the pages give their titles (latest year, kecamatan with reports) decide the order.
        return pf.options({ baseUrl: new URL(box.dataset.rootUrl).pathname, ranking: { pageLength: 0.1 } })
          .then(function () { return pf; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  /* Pagefind's excerpt is escaped page text with <mark> around the words found: keep exactly that. */
  function excerpt(html) {
    var out = document.createElement("p");
    var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeType === 3) out.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else out.appendChild(document.createTextNode(node.textContent || ""));
    });
    return out;
  }

  function safeUrl(url) {
    var parsed = new URL(url, window.location.href);
    return parsed.origin === window.location.origin || parsed.protocol === "file:" ? parsed.href : "#";
  }

  function article(level, title, text, url) {
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = safeUrl(url);
    var art = document.createElement("article");
    art.className = "md-search-result__article md-typeset";
    if (level === 1) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      art.appendChild(icon);
    }
    var heading = document.createElement(level === 1 ? "h1" : "h2");
    heading.textContent = title;
    art.appendChild(heading);
    art.appendChild(excerpt(text));
    link.appendChild(art);
    return link;
  }

  function item(data) {
    var li = document.createElement("li");
    var title = (data.meta && data.meta.title) || data.url;
    li.className = "md-search-result__item";
    li.appendChild(article(1, title, data.excerpt, data.url));
    (data.sub_results || []).filter(function (sub) { return sub.title !== title; }).slice(0, 3)
      .forEach(function (sub) { li.appendChild(article(2, sub.title, sub.excerpt, sub.url)); });
    return li;
  }

  function showMore(box, query) {
    var list = $("kc-search-list");
    var more = $("kc-search-more");
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      if (query !== latest) return;
      datas.forEach(function (d) { list.appendChild(item(d)); });
      more.textContent = "";
      if (shown < results.length) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = "Tampilkan hasil lainnya (" + (results.length - shown) + ")";
        button.addEventListener("click", function () { showMore(box, query); });
        more.appendChild(button);
      }
    });
  }

  function noResult(box, text) {
    var meta = $("kc-search-meta");
    meta.textContent = "Tidak ada hasil untuk “" + text + "”. Mungkin laporan wilayah itu belum dimuat: ";
    var link = document.createElement("a");
    link.href = box.dataset.wilayahUrl;
    link.textContent = "lihat daftar semua wilayah";
    meta.appendChild(link);
    meta.appendChild(document.createTextNode(", termasuk kecamatan yang belum ada laporannya."));
  }

  function search(box, text) {
    var query = ++latest;
    var meta = $("kc-search-meta");
    $("kc-search-list").textContent = "";
    $("kc-search-more").textContent = "";
    if (!text.trim()) { meta.textContent = "Ketik untuk mencari"; return; }
    meta.textContent = "Mencari…";
    load(box).then(function (pf) { return pf.debouncedSearch(text, {}, 250); }).then(function (found) {
      if (query !== latest || found === null) return;
      results = found.results;
      shown = 0;
      if (!results.length) { noResult(box, text); return; }
      meta.textContent = results.length === 1 ? "1 halaman cocok" : results.length + " halaman cocok";
      return showMore(box, query);
    }).catch(function () {
      if (query !== latest) return;
      meta.textContent = window.location.protocol === "file:"
        ? "Pencarian tidak berjalan pada berkas yang dibuka langsung. Di folder situs, jalankan " +
          "python3 -m http.server lalu buka http://localhost:8000/ untuk mencari."
        : "Pencarian tidak dapat dimuat; coba muat ulang halaman.";
    });
  }

  function init() {
    var box = $("kc-search-result");
    var input = $("kc-search-input");
    var toggle = $("__search");
    if (!box || !input || input.dataset.ready) return;
    input.dataset.ready = "1";
    // The header may outlive this page under instant navigation: resolve its relative links now, once.
    box.dataset.pagefindUrl = new URL(box.dataset.pagefind, window.location.href).href;
    box.dataset.rootUrl = new URL(box.dataset.root + "/", window.location.href).href;
    box.dataset.wilayahUrl = new URL(box.dataset.wilayah, window.location.href).href;
    input.addEventListener("input", function () { search(box, input.value); });
    $("kc-search-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = $("kc-search-list").querySelector("a");
      if (first) window.location.href = first.href;
    });
    $("kc-search-form").addEventListener("reset", function () { setTimeout(function () { search(box, ""); }); });
    input.addEventListener("focus", function () { if (toggle) toggle.checked = true; load(box); });
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; input.blur(); }
      var typing = /INPUT|TEXTAREA|SELECT/.test((document.activeElement || {}).tagName || "");
      if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        if (toggle) toggle.checked = true;
        input.focus();
      }
    });
  }

  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
  init();
})();
