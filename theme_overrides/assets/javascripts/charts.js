/* Draws the Plotly charts that the builder embeds in a page.
 *
 * plotly.js (our own small bundle, served from this site) is fetched only when
 * the page has a chart, and only after the page text is shown. Works with
 * Material's instant navigation (document$ emits on every page change) and
 * follows the light/dark palette. It also names Material's page-load progress
 * bar, which the theme creates without a label (axe: aria-progressbar-name). */
(function () {
  "use strict";
  var script = document.currentScript;
  var plotlyUrl = new URL("vendor/plotly-kecamatan.min.js", script ? script.src : window.location.href).href;
  var loading = null;

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

  function themed(layout) {
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    var ink = dark ? "#e2e4e9" : "#1f2937";
    var grid = dark ? "rgba(226,228,233,0.15)" : "rgba(31,41,55,0.12)";
    layout.font = Object.assign({}, layout.font, { color: ink });
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({}, layout[axis], { gridcolor: grid, zerolinecolor: grid });
    });
    return layout;
  }

  function draw() {
    var nodes = document.querySelectorAll("[data-chart]");
    if (!nodes.length) return;
    nodes.forEach(function (node) {  // set here, not in a style attribute: the page's CSP allows no inline styles
      node.style.minHeight = (parseInt(node.getAttribute("data-height"), 10) || 320) + "px";
    });
    loadPlotly().then(function (Plotly) {
      nodes.forEach(function (node) {
        var source = document.querySelector('script[data-chart-data="' + node.getAttribute("data-chart") + '"]');
        if (!source) return;
        var figure = JSON.parse(source.textContent);
        var layout = themed(figure.layout);
        layout.height = parseInt(node.getAttribute("data-height"), 10) || 320;
        Plotly.newPlot(node, figure.data, layout, figure.config);
      });
    }).catch(function (error) {
      nodes.forEach(function (node) {
        node.textContent = "Grafik tidak dapat ditampilkan (" + error.message + "); angkanya ada di tabel.";
      });
    });
  }

  function redrawOnPaletteChange() {
    new MutationObserver(function () {
      if (!window.Plotly) return;
      document.querySelectorAll("[data-chart]").forEach(function (node) {
        if (node.data) window.Plotly.relayout(node, themed({ font: node.layout.font, xaxis: node.layout.xaxis, yaxis: node.layout.yaxis }));
      });
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(draw);
  } else {
    document.addEventListener("DOMContentLoaded", draw);
  }
  redrawOnPaletteChange();

  new MutationObserver(function () {
    var bar = document.querySelector(".md-progress:not([aria-label])");
    if (bar) bar.setAttribute("aria-label", "Memuat halaman");
  }).observe(document.body, { childList: true, subtree: true });
})();
