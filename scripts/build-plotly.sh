#!/usr/bin/env bash
# Rebuilds theme_overrides/assets/javascripts/vendor/plotly-kecamatan.min.js: plotly.js
# core plus only the trace types builder/charts.py uses (bar, scatter).
# Needs Node.js and the npm registry; the result is committed, so the site build
# itself never needs Node. plotly.js is MIT licensed (see vendor/LICENSE-plotly.txt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund plotly.js@3.7.0 esbuild@0.28.2 >/dev/null
cp "$here/plotly-entry.js" entry.js
npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --define:global=window \
  --outfile="$here/../theme_overrides/assets/javascripts/vendor/plotly-kecamatan.min.js"
cp node_modules/plotly.js/LICENSE "$here/../theme_overrides/assets/javascripts/vendor/LICENSE-plotly.txt"
