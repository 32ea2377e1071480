"""A thin adapter: the builder makes the pages, this hands them to MkDocs.

All work happens in `on_files` (generated pages need no files on disk);
`on_serve` watches data/ so `mkdocs serve` rebuilds when a YAML file changes.
Data errors become a PluginError under `mkdocs build`: MkDocs prints the
Indonesian messages, no traceback, and the Makefile leaves the previous site in
place. Under `mkdocs serve` a broken save must not take the site away: the last
good pages stay and every page shows the messages at its top until the data is
fixed. (If the very first build fails, serve stops with the messages.)
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import os
import pickle
import re
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

import builder
from builder.history import History, head_commit_time
from builder.search_index import SearchIndexError, index_site

from .config import KecamatanConfig


# 'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly; it does not allow eval() of scripts.
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
          "form-action 'self'")
# The theme's own inline scripts, read from these partials of the theme (never from a finished page: a script data
# managed to put there must find no hash). The first names the site's root relative to the page.
THEME_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                 "partials/javascripts/content.html")
SCOPE = '{{ config.extra.scope | d(base_url) }}'
SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def theme_scripts(env) -> tuple[str, ...]:
    """The inline scripts of THEME_SCRIPTS in the theme's Jinja environment (our overrides first), the page's root
    left as SCOPE; a script with any other template expression in it is not one we can hash, so it is left out."""
    found = []
    for name in THEME_SCRIPTS:
        source = env.loader.get_source(env, name)[0]
        found += [s for s in SCRIPT.findall(source) if "{{" not in s.replace(SCOPE, "") and "{%" not in s]
    return tuple(found)


def script_hash(script: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"


def with_content_security_policy(page_html: str, scripts: tuple[str, ...], base_url: str, serving: bool = False) -> str:
    """A Content-Security-Policy for the page: only this site's own files, and the theme's few inline scripts
    (`theme_scripts`) by their hashes, with the page's root (`base_url`) in the first. Whatever inline script the
    page holds besides them has no matching hash and does not run.

    Under `mkdocs serve` (a local preview) inline scripts are allowed: the server adds its live-reload script to
    every response, with a different text each time, so no hash could name it."""
    hashes = "'unsafe-inline'" if serving else " ".join(
        dict.fromkeys(script_hash(s.replace(SCOPE, base_url)) for s in scripts))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=hashes)}">'
    return page_html.replace("<head>", "<head>\n    " + meta, 1)


def nav_pages(nav) -> set[str]:
    """The page paths listed in mkdocs.yml's `nav` (any depth): those pages stay in the navigation."""
    found: set[str] = set()
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found |= nav_pages(value)
        elif isinstance(value, str):
            found.add(value)
    return found


class KecamatanPlugin(BasePlugin[KecamatanConfig]):
    def __init__(self):
        self._cache_key: str | None = None
        self._pages: builder.Pages = builder.Pages()
        self._history = builder.HistoryCache()
        self._parts = builder.PartCache()  # unchanged kabupaten folders are not re-read across serve rebuilds
        self._serving = False
        self._error = ""  # the data's errors while serving, shown on every page
        self._theme_scripts: tuple[str, ...] | None = None

    def on_startup(self, *, command, dirty):
        # Defining on_startup keeps one plugin instance across `mkdocs serve`
        # rebuilds, so the page and history caches survive them. (Its `command`
        # says "build" for a default `mkdocs serve`; on_serve tells serving apart.)
        pass

    def _data_dir(self, config) -> Path:
        return Path(config.config_file_path).parent / self.config.data_dir

    def _shard(self) -> tuple[str, ...]:
        return tuple(str(self.config.provinsi).replace(",", " ").split())

    def _parts_dir(self, config) -> Path | None:
        return Path(config.config_file_path).parent / self.config.bagian if self.config.bagian else None

    def on_config(self, config):
        # Reproducible builds: MkDocs dates the sitemap (<lastmod>, the .gz header) by SOURCE_DATE_EPOCH, else by
        # the day it runs. Let it be the time of the commit built (MkDocs reads it when it makes the pages, later).
        if self.config.enabled and (epoch := head_commit_time(self._data_dir(config))):
            os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
        if self.config.enabled and (self._shard() or self.config.bagian):
            # A shard has only its kecamatan pages, the national build none of them: links between them are
            # checked once the sites are merged (tests/test_shards.py).
            config.validation.links.not_found = logging.DEBUG
        return config

    @staticmethod
    def _content(config) -> set[str]:
        docs = Path(config.docs_dir)
        return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}

    def _publication(self, config) -> builder.Publication:
        link = self.config.data_link
        if "{repo_url}" in link:
            link = link.replace("{repo_url}", (config.repo_url or "").rstrip("/")) if config.repo_url else ""
        return builder.Publication(config.repo_url, config.site_url or None, link or None)

    def _build(self, data_dir: Path, config, history) -> builder.Pages:
        shard, parts_dir = self._shard(), self._parts_dir(config)
        publication = self._publication(config)
        provenance = builder.Provenance(data_dir, use_git=self.config.history)
        if shard:
            if parts_dir is None:
                raise PluginError("provinsi diisi tanpa bagian: isi juga folder bagian (KECAMATAN_BAGIAN)")
            pages, part = builder.run_shard(data_dir, shard, publication, provenance)
            parts_dir.mkdir(parents=True, exist_ok=True)
            # Read back only by the national build of the same workflow run (run_national below).
            (parts_dir / f"provinsi-{'-'.join(shard)}.pickle").write_bytes(pickle.dumps(part))
            # The nav's generated pages come from the national build; here they only hold the nav's place, so
            # that every page's navigation is the same as in one whole build (merge_shards.py drops them).
            stub = "---\nsearch:\n  exclude: true\n---\n# Bagian situs\n"
            for uri in nav_pages(config.nav) - self._content(config) - set(pages):
                pages[uri] = stub
            return pages
        if parts_dir is not None:
            parts = [pickle.loads(p.read_bytes()) for p in sorted(parts_dir.glob("provinsi-*.pickle"))]
            if not parts:
                raise PluginError(f"tidak ada bagian (provinsi-*.pickle) di {parts_dir}")
            return builder.run_national(data_dir, parts, publication, history)
        scope = tuple(self.config.only.replace(",", " ").split())
        return builder.run(data_dir, publication, history, scope, self._parts, provenance)

    def _fingerprint(self, data_dir: Path) -> str:
        """What the pages depend on: every data file's size and time, and the commit (for the history)."""
        digest = hashlib.sha256()
        for path in sorted(data_dir.rglob("*.y*ml")):
            stat = path.stat()
            digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
        if self.config.history:
            digest.update(builder.head_commit(data_dir).encode())
        return digest.hexdigest()

    # Runs early so that theme and other plugins see the generated pages.
    @event_priority(50)
    def on_files(self, files: Files, /, *, config) -> Files | None:
        if not self.config.enabled:
            return None
        data_dir = self._data_dir(config)
        key = self._fingerprint(data_dir)
        if key != self._cache_key:
            if self.config.only:
                history = History(False, "Ini pratinjau sebagian situs (HANYA): riwayat perubahan data tidak dibuat.")
            elif not self.config.history:
                history = History(False, "Riwayat perubahan data dimatikan untuk situs ini (mkdocs.yml: history: false).")
            else:  # (a shard's Riwayat page is the national build's)
                history = builder.data_history(data_dir, self.config.history_commits, self._history)
            try:
                self._pages = self._build(data_dir, config, history)
                self._error = ""
            except builder.DataError as error:
                lines = "\n".join(str(p) for p in error.problems if p.is_error)
                if not (self._serving and self._pages):
                    raise PluginError(f"Data tidak sah:\n{lines}") from None
                self._error = lines  # keep the last good pages; on_page_markdown shows the messages
            self._cache_key = key
        in_nav = nav_pages(config.nav)
        for uri in self._pages:
            inclusion = InclusionLevel.UNDEFINED if uri in in_nav else InclusionLevel.NOT_IN_NAV
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            on_disk = self._pages.path_of(uri)  # MkDocs copies it: its bytes are never held in memory
            files.append(File.generated(config, uri, abs_src_path=str(on_disk), inclusion=inclusion) if on_disk else
                         File.generated(config, uri, content=self._pages[uri], inclusion=inclusion))
        return files

    def on_page_markdown(self, markdown, /, *, page, config, files):
        if not self.config.enabled or not self._error:
            return None
        notice = ('<div class="admonition failure"><p class="admonition-title">Data tidak sah: perbaiki '
                  'berkas berikut, halaman ini masih menampilkan data terakhir yang sah</p><pre>'
                  f"{html.escape(self._error)}</pre></div>\n\n")
        return notice + markdown

    @event_priority(-100)
    def on_post_page(self, output, /, *, page, config):
        if not self.config.enabled:
            return None
        # `mkdocs serve` builds into a fresh temporary folder named mkdocs_* (mkdocs/commands/serve.py).
        site = Path(config.site_dir)
        serving = site.name.startswith("mkdocs_") and site.parent == Path(tempfile.gettempdir())
        if self._theme_scripts is None:
            self._theme_scripts = theme_scripts(config.theme.get_env())
        base_url = config.extra.get("scope") or get_relative_url(".", page.url)  # as the theme computes it
        return with_content_security_policy(output, self._theme_scripts, base_url, serving)

    def on_post_build(self, *, config):
        if not self.config.enabled or self._shard() or self.config.bagian:
            return  # a shard's or the national build's site gets its index once merged (scripts/merge_shards.py)
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def on_serve(self, server, /, *, config, builder):
        self._serving = True  # from now on a broken save keeps the last good pages (see on_files)
        if self.config.enabled:
            server.watch(str(self._data_dir(config)))
        return server
