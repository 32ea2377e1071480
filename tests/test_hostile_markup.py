"""Data never becomes markup (issue 24): a data string reaches a page only as text, or as sanitised HTML that no
later Markdown pass reads again.

The payloads are data (tests/hostile/markup.yaml). Each one goes through the two renderers in every context a
template puts a value in, under the site's own Markdown extensions (read from mkdocs.yml); then all of them at once
go into every free-text field of every file kind of a copy of data/, and the site is built by MkDocs: no page may
hold an element, attribute, link or table-of-contents entry that the data did not earn.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from builder.site.render import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, inline, narrative, text, url

from .conftest import DATA, ROOT

PAYLOADS = yaml.safe_load((Path(__file__).parent / "hostile" / "markup.yaml").read_text(encoding="utf-8"))
IDS = [p["nama"] for p in PAYLOADS]
SCOPE = "bengkalis/rupat-utara paser/batu-sopang batu-bara/lima-puluh-pesisir"
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
MARKERS = ("JUDULPALSU", "SETEXTPALSU", "DAFTARPALSU", "KODEPALSU", "DATA INI PALSU", "Data ini ditarik")


class _EnvLoader(yaml.SafeLoader):
    pass


_EnvLoader.add_constructor("!ENV", lambda loader, node: None)


def site_markdown() -> markdown.Markdown:
    """Python-Markdown as MkDocs runs it for this site: the extensions of mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


MD = site_markdown()


class Elements(HTMLParser):
    """Every element of an HTML fragment as (tag, attribute names), with its attributes and the text it starts with."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.open: list[int] = []
        self.text_of: dict[int, str] = {}

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self.text_of[len(self.elements) - 1] = ""
        if tag not in ("br", "hr", "img", "meta", "link", "input"):
            self.open.append(len(self.elements) - 1)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.elements[self.open[i]][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for i in self.open:
            if len(self.text_of[i]) < 200:
                self.text_of[i] += data


def elements(fragment: str) -> Elements:
    parser = Elements()
    parser.feed(fragment)
    parser.close()
    return parser


def page(source: str) -> tuple[str, int]:
    """A page's Markdown as the site renders it: its HTML and the number of table-of-contents entries."""
    MD.reset()
    out = MD.convert(source)

    def count(tokens):
        return sum(1 + count(t["children"]) for t in tokens)

    return out, count(MD.toc_tokens)


def attack_surface(fragment: str, scripts: bool = True) -> list[str]:
    """What no data string may put in a page: event attributes, script-capable URLs and (in a fragment of a page)
    executable scripts."""
    found = []
    for tag, attrs in elements(fragment).elements:
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcset") and \
                    re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(BAD_SCHEMES):
                found.append(f"<{tag} {name}={value[:40]}>")
        if scripts and tag == "script" and "type" not in attrs:
            found.append("<script>")
    return found


# Where templates put a plain data value: mid-paragraph, at the start of a Markdown line, after a list marker, in a
# heading, in emphasis and link text, in an HTML block's cell, summary and attribute, in a table row's <th>.
TEXT_CONTEXTS = [
    "Sumber: {v}. Angka dari laporan lain disebut sumbernya.",
    "Paragraf sebelumnya.\n{v}\nParagraf sesudahnya.",
    "{v}",
    "- {v}\n- butir kedua",
    "    - *{v}* (<code>{v}</code>): {v}.",
    "## Judul {v}\n\nTeks.",
    "# Kecamatan {v} — kinerja 2023\n\nTeks.",
    "Teks **{v}** dan [{v}](lain.md).",
    '<div class="kc-table" data-search-exclude><table class="kc-data">\n<tbody><tr><th scope="row">{v}</th>'
    '<td data-label="{v}">{v}</td></tr></tbody></table></div>',
    '<details class="note kc-fold"><summary>{v}</summary>\n<p>{v}</p>\n</details>',
    '<p class="kc-note"><a href="x.html" title="Baris {v}">data</a> {v}</p>',
]


def signature(fragment: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(tag, tuple(sorted(attrs))) for tag, attrs in elements(fragment).elements]


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_a_data_value_is_text_in_every_context(payload):
    """A plain value makes exactly the elements a harmless value makes, in every context, and its text survives."""
    for context in TEXT_CONTEXTS:
        harmless, harmless_toc = page(context.replace("{v}", str(text("Nilai"))))
        hostile, hostile_toc = page(context.replace("{v}", str(text(payload["teks"]))))
        assert signature(hostile) == signature(harmless), (context, hostile)
        assert hostile_toc == harmless_toc, (context, hostile)
        assert not attack_surface(hostile), (context, hostile)
    shown = " ".join(elements(page(f"<p>{text(payload['teks'])}</p>")[0]).text_of.values())
    visible = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", payload["teks"])
    for word in re.findall(r"[A-Za-z]{4,}", visible):
        assert word in shown, (word, shown)  # shown as text, not dropped


# Where templates put data Markdown: a block in an HTML block or on its own line, inline in a sentence or list item.
NARRATIVE_CONTEXTS = [
    ('<details class="abstract kc-story"><summary>Catatan</summary>\n{n}\n</details>', narrative),
    ("## Catatan kecamatan\n\n{n}\n\nTeks sesudahnya.", narrative),
    ("Sebelum.\n{n}\nSesudah.", narrative),
    ("- *Rumus* (<code>id</code>): a ÷ b. {n} Contoh: x.", inline),
    ("Definisi: {n}", inline),
]


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_data_markdown_earns_only_the_allow_list(payload):
    """Data Markdown may become the allow-listed text structure and http(s) links, nothing else, and the page's
    own Markdown pass adds nothing to it (the output it gives is the output it got)."""
    for context, renderer in NARRATIVE_CONTEXTS:
        harmless, harmless_toc = page(context.replace("{n}", str(renderer("Teks"))))
        rendered = str(renderer(payload["teks"]))
        hostile, hostile_toc = page(context.replace("{n}", rendered))
        assert hostile_toc == harmless_toc, (context, hostile)
        assert not attack_surface(hostile), (context, hostile)
        extra = list(signature(hostile))
        for element in signature(harmless):
            extra.remove(element) if element in extra else None
        for tag, attrs in extra:
            assert tag in ALLOWED_TAGS | {"div"}, (context, tag, hostile)
            assert set(attrs) <= ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel", "class"}, (context, tag, attrs)
        for tag, attrs in elements(hostile).elements:
            if "href" in attrs:  # http(s), mail, or a page of the site (no scheme)
                assert urllib.parse.urlsplit(attrs["href"]).scheme in ("", "http", "https", "mailto"), attrs
        # The page's Markdown pass reads the sanitised HTML as it is: every element of it is still there, as it was.
        alone = signature(rendered)
        inside = signature(hostile)
        assert all(inside.count(e) >= alone.count(e) for e in set(alone)), (context, rendered, hostile)


def test_sanitised_html_is_not_read_as_markdown_again():
    """rumus.yaml `keterangan` once became a live link in the second pass: escaped link syntax survived nh3 as text
    and metodologi's Markdown paragraph made it a link."""
    keterangan = "\\[x\\](javascript:alert(1)) dan *penting*"
    html, _ = page(f"- *Rumus* (<code>id</code>): a ÷ b. {inline(keterangan)} Contoh: x.")
    assert not attack_surface(html) and "<em>penting</em>" in html
    assert "[x](javascript:alert(1))" in "".join(elements(html).text_of.values())


def test_markdown_of_the_data_is_rendered_in_linear_time():
    """Python-Markdown is quadratic on unclosed link openers: an 80 KB note took a scoped build from 3 s to 119 s
    (40.000 characters, the most a field holds now: 488 s). The data's Markdown is rendered by markdown-it-py, and
    what reaches the page's Markdown pass is inert HTML."""
    started = time.perf_counter()
    html, _ = page(f'<details class="abstract kc-story"><summary>Catatan</summary>\n{narrative("[" * 40_000)}\n</details>')
    html2, _ = page(f"Definisi: {inline('![' * 20_000)}")
    elapsed = time.perf_counter() - started
    assert html.count("&#91;") == 40_000 and "<a" not in html2
    assert elapsed < 30, elapsed  # about 3 s on one core


@pytest.mark.parametrize("address, shown", [
    ("https://bengkaliskab.go.id/lkjip-2023.pdf", "https://bengkaliskab.go.id/lkjip-2023.pdf"),
    ("http://contoh.go.id/a_b?x=1&y=2#h", "http://contoh.go.id/a&#95;b?x=1&amp;y=2&#35;h"),
    ("https://contoh.invalid/a)[klik](javascript:alert(1))", "https://contoh.invalid/a)&#91;klik&#93;(javascript:alert(1))"),
    ("javascript:alert(1)", None),
    ("JAVASCRIPT://contoh.go.id/%0aalert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("https://contoh.go.id/\x01", None),
    ("https://contoh.go.id/\u0085x", None),
    ("https://contoh.go.id/ a", None),
    ('https://contoh.go.id/"onmouseover="alert(1)', None),
    ("https://", None),
    ("//contoh.go.id/x", None),
    ("https://[::1", None),
    ("https://contoh.go.id:99999/", None),
])
def test_a_data_url_is_parsed_and_written_as_an_attribute(address, shown):
    assert (None if url(address) is None else str(url(address))) == shown
    if shown:
        html, _ = page(f'Sumber: <a href="{url(address)}"><em>{text("Judul")}</em></a>.')
        assert [a["href"] for tag, a in elements(html).elements if tag == "a"] == [address]


def test_the_report_link_is_an_attribute_not_markdown(minimal_data: Path):
    """laporan[].url matched ^https?://[^\\s<>"']+$ and went into [judul](url): a ')' ended the link there."""
    from builder import run

    profil = minimal_data / "wilayah/contoh/kec-contoh/profil.yaml"
    address = "https://contoh.invalid/lkjip.pdf)[klik](javascript:alert(1))"
    profil.write_text(profil.read_text(encoding="utf-8").replace(
        "    tanggal: 2024-01-31\n", f"    tanggal: 2024-01-31\n    url: '{address}'\n", 1), encoding="utf-8")
    source = run(minimal_data)["wilayah/contoh/kec-contoh/2023.md"]
    html, _ = page(source.split("---\n", 2)[2])
    hrefs = [a["href"] for tag, a in elements(html).elements if tag == "a" and "contoh.invalid" in a.get("href", "")]
    assert hrefs == [address, address] and not attack_surface(html)


def test_the_policy_hashes_the_theme_scripts_not_the_page():
    """The CSP once hashed every inline <script> of the finished page: a script data put there would have run."""
    from jinja2 import DictLoader, Environment

    from builder.mkdocs_plugin.plugin import SCOPE, with_content_security_policy, theme_scripts

    theme = Environment(loader=DictLoader({
        "partials/javascripts/base.html": '<script>__md_scope=new URL("' + SCOPE + '",location)</script>',
        "partials/javascripts/palette.html": "<script>var palette=1</script>",
        "partials/javascripts/content.html": '{% if x %}<script>var t="{{ x }}"</script>{% endif %}<script>var c=2</script>',
    }))
    scripts = theme_scripts(theme)
    assert scripts == ('__md_scope=new URL("' + SCOPE + '",location)', "var palette=1", "var c=2")
    page_html = ('<html><head></head><body><script>__md_scope=new URL("../..",location)</script>'
                 "<script>alert(document.domain)</script><script>var palette=1</script></body></html>")
    policy = re.search(r'content="([^"]*)"', with_content_security_policy(page_html, scripts, "../..", False))[1]

    def sha(script: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"

    assert sha('__md_scope=new URL("../..",location)') in policy and sha("var palette=1") in policy
    assert sha("alert(document.domain)") not in policy and "unsafe-inline" not in policy


# --------------------------------------------------------------------------------------------------------------
# Every free-text field of every file kind, the whole (scoped) site built
# --------------------------------------------------------------------------------------------------------------

REPORT_URL = "https://contoh.invalid/lkjip.pdf)[klik](javascript:alert(1))"


def _strings(value, path=""):
    """(field path as the validator names it, value) of every string in a YAML document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def _set(document, path: str, new) -> None:
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    target = document
    for part in parts[:-1]:
        target = target[int(part[1:-1])] if part.startswith("[") else target[part]
    last = parts[-1]
    if last.startswith("["):
        target[int(last[1:-1])] = new
    else:
        target[last] = new


def inject(data: Path, payload: str) -> tuple[int, int]:
    """The payload after the value of every string field of every data file (not the Kemendagri list). A field the
    validator refuses it in gets it on one line (single-line fields refuse line breaks), and a field that refuses
    that too (ids, codes, numbers, dates, categories) gets its value back: what is left is free text. Returns the
    number of fields that kept the payload with its line breaks, and on one line."""
    from builder.load import file_kind
    from builder.validate import load_and_validate

    one_line = re.sub(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", " ", payload)
    files = {p.relative_to(data).as_posix(): p for p in data.rglob("*.yaml") if file_kind(p.relative_to(data).as_posix())}
    documents = {rel: yaml.safe_load(p.read_text(encoding="utf-8")) for rel, p in files.items()}
    # Each field's values to try, the current one first; the last is the value it had.
    tries: dict[tuple[str, str], list[str]] = {}
    for rel, document in documents.items():
        for path, value in list(_strings(document)):
            if path.rpartition(".")[2] not in ("versi_format", "kode", "id"):  # (codes name things in other files)
                tries[(rel, path)] = [REPORT_URL, value] if path.endswith(".url") else \
                    [value + payload, value + one_line, value]
                _set(document, path, tries[(rel, path)][0])

    def write():
        for rel, document in documents.items():
            files[rel].write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10_000),
                                  encoding="utf-8")

    write()
    for _ in range(8):
        _dataset, problems = load_and_validate(data)
        errors = [p for p in problems if p.is_error]
        if not errors:
            kept = [values[0] for values in tries.values() if len(values) > 1]
            return sum(v.endswith(payload) for v in kept), sum(v.endswith(one_line) and v != one_line for v in kept)
        given_back = set()
        for problem in errors:
            rel = next((r for r in files if problem.path.endswith(r)), None)
            field = problem.field  # may be named from an inner model: '[0].indikator' for 'sasaran[2].indikator[0]...'
            refused = [key for key in tries if key[0] == rel and field and
                       re.search(rf"(^|[.\]]|(?=\[)){re.escape(field.lstrip('.'))}($|[.\[])", key[1])]
            assert refused, f"no field to give back for: {problem}"
            for key in refused:
                if len(tries[key]) > 1 and key not in given_back:
                    given_back.add(key)
                    tries[key].pop(0)
                    _set(documents[key[0]], key[1], tries[key][0])
        write()
    raise AssertionError(f"still refused: {errors[:5]}")


def test_hostile_markup_in_every_field_builds_a_site_with_nothing_it_did_not_earn(tmp_path: Path):
    project = tmp_path / "proyek"
    project.mkdir()
    for name in ("mkdocs.yml", "content", "theme_overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    shutil.copytree(DATA, project / "data")
    payload = " " + " ".join(p["teks"] for p in PAYLOADS) + " " + PAYLOADS[0]["teks"] + "\n{: onclick=alert(1) }"
    multiline, one_line = inject(project / "data", payload)
    assert multiline > 50 and one_line > 300, (multiline, one_line)  # notes, narratives; names, titles, sources

    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "situs")],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "KECAMATAN_HANYA": SCOPE})
    assert result.returncode == 0, result.stderr[-3000:]
    built = time.perf_counter() - started

    problems, reached = [], 0
    for path in sorted((tmp_path / "situs").rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(tmp_path / "situs").as_posix()
        reached += "DAFTARPALSU" in source
        parsed = elements(source)
        problems += [f"{name}: {found}" for found in attack_surface(source, scripts=False)]
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', source)
        for script in re.findall(r"<script>(.*?)</script>", source, re.S):  # the theme's, each with its hash
            digest = "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
            if "alert" in script or (policy and digest not in policy[1]):
                problems.append(f"{name}: inline script not the theme's: {script[:60]}")
        for i, (tag, attrs) in enumerate(parsed.elements):
            own = parsed.text_of[i].strip()
            if re.fullmatch(r"h[1-6]", tag) and own.startswith(MARKERS):
                problems.append(f"{name}: heading made by data: <{tag}> {own[:60]}")
            if "attrpalsu" in (attrs.get("id", ""), *attrs.get("class", "").split()):
                problems.append(f"{name}: attribute list applied: <{tag} {attrs}>")
            if "data-pagefind-meta" in attrs or "markdown" in attrs:
                problems.append(f"{name}: <{tag}> with {set(attrs) & {'data-pagefind-meta', 'markdown'}}")
            if tag == "img" and "contoh.invalid" in attrs.get("src", ""):
                problems.append(f"{name}: remote image")
            if tag == "a" and "contoh.invalid/lkjip" in attrs.get("href", "") and attrs["href"] != REPORT_URL:
                problems.append(f"{name}: the report link cut short: {attrs['href']}")
            if tag == "a" and attrs.get("href", "").startswith("#") and own.startswith(MARKERS):
                problems.append(f"{name}: table-of-contents entry made by data: {own[:60]}")
    assert not problems, problems[:20]
    assert reached >= 10, reached  # the payload is on the pages, as text
    assert built < 240, built



# --------------------------------------------------------------------------------------------------------------
# The low findings: the PR job summary, terminal and CI log output, the XLSX cell limit
# --------------------------------------------------------------------------------------------------------------

HOSTILE_NAME = ("Contoh\r\n## Aman digabung\r\n<img src=x onerror=alert(1)> <b>tebal</b> | sel palsu |\n"
                "\x1b[2J\x1b[31m::error file=x::gagal\n##[group]x")


def test_the_pull_request_summary_shows_names_as_text():
    """`diff --format markdown` is the PR job summary (GitHub Markdown): it passed \\r and HTML (a fake "aman
    digabung" heading, an <img>)."""
    from markdown_it import MarkdownIt

    from builder.diff import Change, DiffResult

    result = DiffResult(changes=[Change(HOSTILE_NAME, 2023, HOSTILE_NAME, "realisasi", "1", "2\r\n# baru")],
                        added_kecamatan=[HOSTILE_NAME], removed_kecamatan=["1. " + HOSTILE_NAME])
    summary = result.markdown()
    assert "\r" not in summary and "\x1b" not in summary
    html = MarkdownIt("gfm-like", {"linkify": False}).render(summary)  # as GitHub reads it: HTML allowed, tables
    tags = [tag for tag, _attrs in elements(html).elements]
    assert not {"img", "b", "h1", "h2", "ol"} & set(tags), html
    assert tags.count("tr") == 2 and tags.count("td") == 6, html  # the header row and one row of six cells
    assert "Aman digabung" in html and "tebal" in html


def test_diff_and_audit_print_no_escape_sequence_or_workflow_command(monkeypatch, capsys):
    """`diff` and `audit` printed ANSI escape sequences and `::error` workflow commands from the data raw."""
    import builder.__main__ as cli
    from builder.diff import Change, DiffResult

    result = DiffResult(changes=[Change(HOSTILE_NAME, 2023, HOSTILE_NAME, "realisasi", "1", "2")],
                        added_kecamatan=[HOSTILE_NAME])

    class Finding:
        kind = type("Kind", (), {"label": "Selisih"})()
        table, what, stated_text, computed_text, cause = HOSTILE_NAME, HOSTILE_NAME, "1", "2", HOSTILE_NAME

    kec = type("Kec", (), {"name": HOSTILE_NAME})()
    monkeypatch.setattr(cli.api, "analyse_data", lambda data: (None, []))
    monkeypatch.setattr(cli, "_findings", lambda results: [(kec, 2023, Finding())])
    cli.cmd_audit(type("Args", (), {"data": "data"})())
    for output in (result.text(), capsys.readouterr().out):
        assert "\x1b" not in output and "\r" not in output and "##[" not in output, output
        for line in output.splitlines():
            assert not line.lstrip().startswith("::"), line
        assert "Aman digabung" in output and "\\x1b[31m" in output  # shown, as escapes


def test_a_text_longer_than_an_excel_cell_says_where_the_rest_is():
    """The XLSX export cut text over 32.767 characters silently."""
    from openpyxl import load_workbook

    from builder.site.exports import XLSX_CELL_LIMIT, workbook_bytes
    from builder.site.tables import Column, Schema, Table

    long_text = "catatan panjang " * 3_000  # 48.000 characters
    schema = Schema("catatan", "Catatan", "Catatan.", (Column("teks", "string", "Teks", "Teks."),))
    book = load_workbook(io.BytesIO(workbook_bytes({"catatan": Table(schema, ({"teks": long_text},))}, {})))
    cell = book["catatan"]["A2"].value
    assert len(cell) == XLSX_CELL_LIMIT and cell.startswith(long_text[:1000])
    assert cell.endswith("[dipotong: teks lengkapnya 48.000 karakter, ada di CSV dan JSON halaman]")
    short = "catatan pendek"
    book = load_workbook(io.BytesIO(workbook_bytes({"catatan": Table(schema, ({"teks": short},))}, {})))
    assert book["catatan"]["A2"].value == short


def test_a_single_line_field_refuses_a_line_break_and_says_where(minimal_data: Path):
    """A name, title or source is one line (issue 24: camat.nama "\\n===\\n\\n- DATA INI PALSU" made an <h1> and a
    list); data Markdown (catatan, narasi, keterangan, definisi) keeps its lines."""
    from builder.validate import load_and_validate

    year = minimal_data / "wilayah/contoh/kec-contoh/2023.yaml"
    original = year.read_text(encoding="utf-8")
    for line_break in ("\n", "\r", "\u2028", "\x85"):
        hostile = "Tabel 3.2" + line_break + "{: onclick=alert(1) }"
        year.write_text(original.replace("sumber: {tabel: Tabel 3.2}", "sumber: {tabel: " + yaml.safe_dump(
            hostile, width=1000).strip().removesuffix("...").strip() + "}", 1), encoding="utf-8")
        _dataset, problems = load_and_validate(minimal_data)
        errors = [str(p) for p in problems if p.is_error]
        assert len(errors) == 1, errors
        assert "2023.yaml:8" in errors[0] and "kinerja[0].sumber.tabel" in errors[0], errors
        assert "harus satu baris" in errors[0] and "jenis galat" not in errors[0], errors
    year.write_text(original + "catatan: |\n  Baris pertama.\n\n  - butir\n", encoding="utf-8")
    _dataset, problems = load_and_validate(minimal_data)
    assert not [p for p in problems if p.is_error]


@pytest.mark.parametrize("address, reason", [
    ("https://contoh.go.id/lkjip\x01.pdf", "karakter yang tidak boleh"),
    ("https://contoh.go.id/lkjip\x7f.pdf", "karakter yang tidak boleh"),
    ("https://contoh.go.id:99999/lkjip.pdf", "bukan alamat web yang dapat dibaca"),
    ("https://:80/lkjip.pdf", "tidak memuat nama situs"),
])
def test_a_report_url_is_parsed_by_the_validator(minimal_data: Path, address, reason):
    """laporan[].url was matched by ^https?://[^\\s<>"']+$ only: control characters passed."""
    from builder.validate import load_and_validate

    profil = minimal_data / "wilayah/contoh/kec-contoh/profil.yaml"
    profil.write_text(profil.read_text(encoding="utf-8").replace(
        "    tanggal: 2024-01-31\n", f"    tanggal: 2024-01-31\n    url: {yaml.safe_dump(address).strip().removesuffix('...').strip()}\n", 1),
        encoding="utf-8")
    _dataset, problems = load_and_validate(minimal_data)
    errors = [str(p) for p in problems if p.is_error and "profil.yaml" in p.path]  # (other files then lack it)
    assert len(errors) == 1 and "profil.yaml:10" in errors[0] and "laporan[0].url" in errors[0], errors
    assert "alamat web tidak dapat ditautkan" in errors[0] and reason in errors[0] and "\x01" not in errors[0], errors
