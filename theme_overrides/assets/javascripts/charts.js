/* Draws the Plotly charts that the builder embeds in a page.
 *
 * plotly.js (our own small bundle, served from this site) is fetched only when
 * the page has a chart, and only after the page text is shown. Works with
 * Material's instant navigation (document$ emits on every page change) and
 * follows the light/dark palette. It also names Material's page-load progress
 * bar, which the theme creates without a label (axe: aria-progressbar-name).
 *
 * Under each drawn chart it shows the buttons of the chart macro (builder/site/templates/_macros.j2):
 * "Unduh PNG" / "Unduh SVG" save the chart with Plotly's own export, always in the light palette on white,
 * whatever the page's palette, with the caption as title and the chart's address as source; "Salin kode
 * sematan" copies the <iframe> code of the chart's embed page (builder/site/embed.py), which loads this file.
 *
 * SVG is Plotly.downloadImage. PNG is Plotly.toImage's SVG drawn on a canvas here: Plotly makes its PNG from a
 * blob: image (except in Safari), which the page's CSP (img-src 'self' data:) refuses; a data: image is allowed. */
(function () {
  "use strict";
  var script = document.currentScript;
  var plotlyUrl = new URL("vendor/plotly-kecamatan.min.js", script ? script.src : window.location.href).href;
  var loading = null;
  var EXPORT_MIN_WIDTH = 720;  // px: a chart saved from a phone still has room for its labels

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = plotlyUrl;
        tag.async = true;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = function () { loading = null; reject(new Error("plotly.js tidak dapat dimuat")); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function themed(layout, dark) {
    var ink = dark ? "#e2e4e9" : "#1f2937";
    var grid = dark ? "rgba(226,228,233,0.15)" : "rgba(31,41,55,0.12)";
    layout.font = Object.assign({}, layout.font, { color: ink });
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({}, layout[axis], { gridcolor: grid, zerolinecolor: grid });
    });
    return layout;
  }

  function chartHeight(node) {
    return parseInt(node.getAttribute("data-height"), 10) || 320;
  }

  function figureOf(node) {
    var source = document.querySelector('script[data-chart-data="' + node.getAttribute("data-chart") + '"]');
    return source ? JSON.parse(source.textContent) : null;
  }

  // Plotly reads a little HTML in text; a caption is shown as it is written.
  function plotlyText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function wrapped(text, width) {
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    if (line) lines.push(line);
    return lines;
  }

  // Where the chart is published: the page address with the chart's anchor (on an embed page, the full page).
  function addressOf(figure) {
    var link = figure.querySelector("a.kc-tautan") || document.querySelector(".kc-sumber a");
    return link ? link.href : window.location.href;
  }

  function exportFigure(node) {
    var figure = figureOf(node);
    var box = node.closest("figure");
    var width = Math.max(node.clientWidth, EXPORT_MIN_WIDTH);
    var title = wrapped(node.getAttribute("aria-label") || "", Math.floor(width / 8.5));
    var layout = themed(figure.layout, false);
    layout.paper_bgcolor = "#ffffff";
    layout.plot_bgcolor = "#ffffff";
    var top = 58 + 20 * title.length;  // px above the plot: the caption's lines and the source line
    var height = chartHeight(node) + top + 8;
    layout.margin = Object.assign({}, layout.margin, { t: top, l: 12, r: 16, b: 16 });
    layout.title = {
      text: title.map(plotlyText).join("<br>"), x: 12 / width, xref: "container", xanchor: "left",
      y: 1 - 20 / height, yref: "container", yanchor: "top", font: { size: 15 },
      subtitle: { text: plotlyText("Sumber: Kinerja Kecamatan, " + addressOf(box)), font: { size: 11 } }
    };
    layout.height = height;
    layout.width = width;
    return { data: figure.data, layout: layout, config: Object.assign({}, figure.config, { responsive: false }) };
  }

  function save(blob, filename) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function png(figure, filename) {
    var scale = 2;  // sharp on a phone's screen and in print
    var width = figure.layout.width, height = figure.layout.height;
    return window.Plotly.toImage(figure, { format: "svg", width: width, height: height }).then(function (url) {
      return new Promise(function (resolve, reject) {
        var image = new Image();
        image.onload = function () {
          var canvas = document.createElement("canvas");
          canvas.width = width * scale;
          canvas.height = height * scale;
          var context = canvas.getContext("2d");
          context.fillStyle = "#ffffff";
          context.fillRect(0, 0, canvas.width, canvas.height);
          context.drawImage(image, 0, 0, canvas.width, canvas.height);
          canvas.toBlob(function (blob) {
            if (!blob) return reject(new Error("PNG tidak dapat dibuat"));
            save(blob, filename + ".png");
            resolve();
          }, "image/png");
        };
        image.onerror = function () { reject(new Error("gambar SVG tidak dapat dibaca")); };
        image.src = url;
      });
    });
  }

  function exportImage(node, format) {  // (plotly.js is fetched now if the chart was left as drawn by the builder)
    return loadPlotly().then(function () {
      var figure = exportFigure(node), filename = node.getAttribute("data-chart");
      if (format === "png") return png(figure, filename);
      return window.Plotly.downloadImage(figure, {
        format: "svg", filename: filename, width: figure.layout.width, height: figure.layout.height
      });
    });
  }

  function embedCode(box, node) {
    var link = box.querySelector("a.kc-sematkan");
    var height = chartHeight(node) + 140;  // room for the caption and the source line under the chart
    var title = (node.getAttribute("aria-label") || "Grafik").replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    return '<iframe src="' + link.href + '" title="' + title + '" height="' + height +
      '" style="width:100%;border:0" loading="lazy"></iframe>';
  }

  function say(box, text) {
    var status = box.querySelector(".kc-chart__status");
    if (status) status.textContent = text;
  }

  function copyEmbedCode(box, node) {
    var code = embedCode(box, node);
    var shown = function () {  // no clipboard (e.g. a page served over plain http): the code to select by hand
      var field = box.querySelector("input.kc-chart__code");
      if (!field) {
        field = document.createElement("input");
        field.type = "text";
        field.readOnly = true;
        field.className = "kc-chart__code";
        field.setAttribute("aria-label", "Kode sematan grafik ini");
        box.querySelector(".kc-chart__tools").appendChild(field);
      }
      field.value = code;
      field.focus();
      field.select();
      say(box, "Salin kode di kotak ini.");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code).then(function () { say(box, "Kode sematan disalin."); }, shown);
    } else {
      shown();
    }
  }

  // The buttons work once the chart is drawn; each is wired once (instant navigation draws a page again).
  function enableTools(node) {
    var box = node.closest("figure");
    var tools = box && box.querySelector(".kc-chart__export");
    if (!tools || tools.getAttribute("data-ready")) return;
    tools.setAttribute("data-ready", "1");
    tools.querySelectorAll("button[data-chart-export]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (button.disabled) return;
        var format = button.getAttribute("data-chart-export");
        button.disabled = true;
        say(box, "Menyiapkan berkas " + format.toUpperCase() + "…");
        exportImage(node, format).then(function () {
          say(box, "Berkas " + format.toUpperCase() + " diunduh.");
        }, function (error) {
          say(box, "Berkas tidak dapat dibuat" + (error && error.message ? " (" + error.message + ")." : "."));
        }).then(function () { button.disabled = false; });
      });
    });
    var copy = tools.querySelector("button[data-chart-embed-code]");
    if (copy) copy.addEventListener("click", function () { copyEmbedCode(box, node); });
    tools.hidden = false;
  }

  function drawOne(Plotly, node) {
    var figure = figureOf(node);
    if (!figure || node.getAttribute("data-drawn")) return;
    node.setAttribute("data-drawn", "1");
    var still = node.querySelector(".kc-chart__static");  // the builder's static drawing, until this one is ready
    if (still) still.remove();
    var layout = themed(figure.layout, isDark());
    layout.height = chartHeight(node);
    Plotly.newPlot(node, figure.data, layout, figure.config).then(function () { enableTools(node); });
  }

  function failed(nodes, error) {
    var where = document.querySelector(".kc-sumber") ? "di halaman sumbernya" : "di tabel";
    nodes.forEach(function (node) {
      node.textContent = "Grafik tidak dapat ditampilkan (" + error.message + "); angkanya ada " + where + ".";
    });
  }

  // plotly.js (the largest file of the site) is fetched only when a chart comes near the screen, and each chart is
  // drawn when it does: a reader who stops at the first screen pays for no chart.
  function draw() {
    var nodes = Array.prototype.slice.call(document.querySelectorAll("[data-chart]:not([data-kc-seen])"));
    if (!nodes.length) return;  // none, or already seen (draw has two triggers, below)
    nodes.forEach(function (node) { node.setAttribute("data-kc-seen", ""); });
    nodes.forEach(function (node) {  // set here, not in a style attribute: the page's CSP allows no inline styles
      if (!node.querySelector(".kc-chart__static")) node.style.minHeight = chartHeight(node) + "px";
    });
    function show(list) {
      loadPlotly().then(function (Plotly) {
        list.forEach(function (node) { drawOne(Plotly, node); });
      }).catch(function (error) { failed(list, error); });
    }
    if (!("IntersectionObserver" in window) || document.querySelector(".kc-sumber")) {
      show(nodes);  // an old browser, or an embed page (its one chart is the page)
      return;
    }
    // On a phone a bar chart stays as the builder drew it (legible at that width, and no plotly.js to fetch);
    // its export buttons fetch plotly.js when tapped.
    if (window.matchMedia && window.matchMedia("(max-width: 44.9375em)").matches) {
      nodes = nodes.filter(function (node) {
        if (!node.querySelector(".kc-chart__static")) return true;
        enableTools(node);
        return false;
      });
    }
    var observer = new IntersectionObserver(function (entries) {
      var near = entries.filter(function (e) { return e.isIntersecting; }).map(function (e) { return e.target; });
      near.forEach(function (node) { observer.unobserve(node); });
      if (near.length) show(near);
    }, { rootMargin: "400px 0px" });
    nodes.forEach(function (node) { observer.observe(node); });
  }

  function redrawOnPaletteChange() {
    new MutationObserver(function () {
      if (!window.Plotly) return;
      document.querySelectorAll("[data-chart]").forEach(function (node) {
        if (node.data) window.Plotly.relayout(node, themed({ font: node.layout.font, xaxis: node.layout.xaxis, yaxis: node.layout.yaxis }, isDark()));
      });
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  // Material announces each page (also after instant navigation) on document$; opened from a file (the preview
  // artifact, file://) it announces none, so the page's own load event draws too.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(draw);
  if (document.readyState === "complete") draw(); else window.addEventListener("load", draw);
  redrawOnPaletteChange();

  // Material opens every <details> just before printing; print.css prints a budget programme's rows, or a story,
  // only as the reader left it (data-kc-open), so note that first: a capturing listener runs before Material's.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".md-typeset details").forEach(function (d) {
      d.setAttribute("data-kc-open", d.open ? "true" : "false");
    });
  }, true);

  new MutationObserver(function () {
    var bar = document.querySelector(".md-progress:not([aria-label])");
    if (bar) bar.setAttribute("aria-label", "Memuat halaman");
  }).observe(document.body, { childList: true, subtree: true });
})();
