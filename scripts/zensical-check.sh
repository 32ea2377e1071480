#!/bin/sh
# Build the site with zensical (Material for MkDocs' successor) instead of MkDocs:
# the builder writes the generated pages to a folder, the hand-written pages are
# copied next to them, and zensical reads our unchanged mkdocs.yml (it skips the
# `kecamatan` plugin, which it cannot run). zensical lives in its own throwaway
# virtualenv so it never touches the project's pinned packages.
# Usage: sh scripts/zensical-check.sh [WORK_DIR]   (default /tmp/zensical-check)
set -eu
ZENSICAL_VERSION=0.0.73
work=${1:-/tmp/zensical-check}
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$work" && mkdir -p "$work"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "zensical==$ZENSICAL_VERSION"
"$root/.venv/bin/python" -m builder pages --out "$work/docs"
cp -R "$root/content/." "$work/docs/"
cp -R "$root/theme_overrides" "$work/"
sed 's/^docs_dir: content/docs_dir: docs/' "$root/mkdocs.yml" > "$work/mkdocs.yml"
cd "$work" && "$work/venv/bin/zensical" build -f mkdocs.yml
echo "Situs zensical: $work/site ($(find "$work/site" -name '*.html' | wc -l) halaman HTML)"
