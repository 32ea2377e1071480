// Smallest plotly.js bundle for the chart types the builder uses (builder/charts.py).
var Plotly = require('plotly.js/lib/core');
Plotly.register([
  require('plotly.js/lib/bar'),
  require('plotly.js/lib/scatter'),
]);
module.exports = Plotly;
