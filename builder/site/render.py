"""Stage 5, render: view models -> {page uri: Markdown}.

Pages are Markdown with HTML blocks for tables, badges and charts, then read by Python-Markdown (MkDocs) with
`attr_list` and `md_in_html` on. One rule for data in pages, applied by the environment's `finalize` to every
`{{ value }}` so that no template can forget it:

- a data string is shown as text: `text` writes it with every character that HTML or the site's Markdown reads as
  syntax inside a line as a character reference, line breaks as spaces and control characters dropped. The result
  means the same in an HTML block, an attribute, a Markdown paragraph or a heading, and no Markdown pass can make
  anything of it: no emphasis, link, heading, list, attribute list (`{: onclick=... }`) or raw HTML;
- text the data declares as Markdown (`results.Markdown`) is rendered by `narrative`: markdown-it-py (linear in its
  input, HTML in the source shown as text), nh3 (an allow-list of tags, attributes and URL schemes), and its output
  made inert the same way, so the Markdown pass of the page cannot read it again;
- a URL from the data reaches a page only through `url`: parsed, http(s) with a host, no control characters or
  spaces, written as an escaped attribute value (never in Markdown link syntax).

Values the templates build themselves (links between pages, macros, `narrative`, `source_rows`) are `Markup`.
Front-matter values go through `yaml`, which quotes them. Templates keep data out of Markdown code spans and
fences, where references would show as written (data in code is written as `<code>` / `<pre>` HTML).
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from decimal import Decimal
from pathlib import Path

import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown_it import MarkdownIt
from markupsafe import Markup

from .. import formatting as fmt
from .urls import anchor, html_path
from ..analysis.results import Markdown, Status

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Characters Markdown (the site's extensions, GitHub's strikethrough) or HTML read as syntax inside a line, as
# decimal references.
_SYNTAX = "&<>\"'`*_{}[]#|!~"
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in _LINE_BREAKS + "\t"]
# One line without control characters: what a single-line value becomes anywhere (page, front matter).
_ONE_LINE = {ord(c): " " for c in _LINE_BREAKS + "\t"} | {ord(c): None for c in _CONTROLS}
_TEXT = _ONE_LINE | {ord(c): f"&#{ord(c)};" for c in _SYNTAX} | {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
# Data Markdown before rendering: control characters dropped, every kind of line break a newline.
_SOURCE = {ord(c): "\n" for c in _LINE_BREAKS} | {ord(c): None for c in _CONTROLS}
# Sanitised HTML keeps its tags and their quoting (nh3 already escaped <, >, & and quotes in text and attributes);
# the rest of the Markdown syntax and the line breaks become references, so the page's Markdown pass reads one
# line of plain inline HTML.
_HTML = {ord(c): f"&#{ord(c)};" for c in _SYNTAX + "\n" if c not in "&<>\"'"}


# What makes a block of a line when it starts the line (a list item, a setext underline, a rule), in case a value
# lands at the start of a line of Markdown or right after a list marker: that character as a reference. (Leading
# spaces, which could make indented code, are stripped.)
_BLOCK_START = re.compile(r"^(?:[-+](?=\s|$)|[-=]+\s*$|\d{1,9}[.)](?=\s|$))")


def text(value: object) -> Markup:
    """A data string as text in any part of a page: HTML block, attribute value, Markdown paragraph or heading."""
    escaped = str(value).translate(_TEXT).strip(" ")  # (emphasis around a value needs it to start with a letter)
    if _BLOCK_START.match(escaped):
        mark = len(_BLOCK_START.match(escaped)[0].rstrip()) - 1 if escaped[0].isdigit() else 0
        escaped = f"{escaped[:mark]}&#{ord(escaped[mark])};{escaped[mark + 1:]}"
    return Markup(escaped)


# What data Markdown may become: text structure and links to http(s), mail or relative pages. No images (they
# would load from anywhere), no scripts, styles, frames or event attributes; nh3 removes everything else.
ALLOWED_TAGS = {"p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a",
                "table", "thead", "tbody", "tr", "th", "td", "h4", "h5", "h6", "sup", "sub"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

# CommonMark with tables; raw HTML in the source is shown as text. markdown-it-py is linear in its input, where
# Python-Markdown is quadratic on unclosed link openers (an 80 KB note once took a build from 3 s to two minutes).
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@functools.lru_cache(maxsize=8192)
def _rendered(source: str) -> str:
    """Data Markdown -> sanitised HTML on one line that no later Markdown pass reads again: HTML in the data is shown
    as text, what Markdown makes of the rest is held to an allow-list (a `[x](javascript:...)` link loses its href,
    an image is dropped), and Markdown's syntax characters and the line breaks left are references.

    A pure function of the text, so each distinct text is converted once per build (the same definitions and
    notes recur on every year page)."""
    cleaned = nh3.clean(_MARKDOWN.render(source.translate(_SOURCE)), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                        url_schemes=ALLOWED_SCHEMES, link_rel="nofollow noopener noreferrer")
    return cleaned.strip().translate(_HTML)


def narrative(source: str | None) -> Markup:
    """Data Markdown as a block of the page: one <div>, which Python-Markdown keeps whole as an HTML block wherever
    the template puts it."""
    return Markup(f'<div class="kc-teks">{_rendered(str(source))}</div>') if source else Markup("")


def inline(source: Markdown) -> Markup:
    """Data Markdown shown inside a sentence, list item or table cell: one paragraph loses its <p>."""
    rendered = _rendered(str(source))
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


def ident(value: object) -> Markup:
    """An id the builder itself names (a table of tabel.yaml, a file kind) where Markdown reads it as syntax, in a
    heading's `{ #id }`: letters, digits, '_' and '-' only."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", str(value)):
        raise ValueError(f"not an id: {value!r}")
    return Markup(value)


def shown(value):
    """Every `{{ value }}` passes here (the environment's finalize): Markup the templates made stays, Markdown from
    the data is rendered, any other value is text."""
    if value is None or isinstance(value, Markup):
        return value
    return inline(value) if isinstance(value, Markdown) else text(value)


def url(value: object) -> Markup | None:
    """A URL from the data as an attribute value, or None when it is not one the site links
    (formatting.web_address_problem, the validator's rule too: parsed, http(s) with a host, nothing that could end
    the attribute). Never written into Markdown link syntax, where a ')' would end the link."""
    address = str(value or "")
    return text(address) if address and fmt.web_address_problem(address) is None else None


def yaml_value(text: object) -> Markup:
    """A front-matter value: one double-quoted YAML scalar (JSON strings are valid YAML), HTML-escaped with its
    quotes too, because the theme writes `description` into an attribute (`<meta content="...">`) unescaped."""
    return Markup(json.dumps(html.escape(str(text).translate(_ONE_LINE), quote=True), ensure_ascii=False))


def source_rows(lines, dated: bool) -> Markup:
    """A data file's lines as table rows for its source page (sumber.html.j2): thousands of lines, so joined here
    rather than looped in Jinja (a tenth of a large build); every line's text is escaped."""
    out = []
    for line in lines:
        n = line.number
        date = ("<td>" + (line.changed.date.isoformat() if line.changed else "")) if dated else ""
        out.append(f'<tr id="L{n}"><td><a href="#L{n}">{n}</a>{date}<td>{html.escape(line.text, quote=False)}\n')
    return Markup("".join(out))


def signed(value: Decimal | None, unit: str = "") -> str:
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else ("±"))
    return f"{sign}{fmt.number(abs(value))}{unit}"


class Renderer:
    """The Jinja environment; `page(uri, template, **view)` renders one page with links relative to it."""

    def __init__(self):
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=shown,
        )
        self.env.filters.update(
            narrative=narrative, url=url, ident=ident, yaml=yaml_value, num=fmt.number, pct=fmt.percent, rp=fmt.rupiah,
            rp_short=fmt.rupiah_short, date=fmt.date, filesize=fmt.filesize, anchor=anchor, source_rows=source_rows, value=fmt.value_text, signed=signed,
        )
        self.env.globals.update(statuses=list(Status))

    def page(self, uri: str, template: str, **view) -> str:
        base = posixpath.dirname(uri) or "."

        def href(target: str) -> Markup:
            """Relative URL to another page's HTML (use_directory_urls: false), for an HTML attribute."""
            return Markup(html.escape(posixpath.relpath(html_path(target), base)))

        def rel(target: str) -> Markup:
            """Relative Markdown link to another page's .md (MkDocs checks and converts it); page paths are made of
            slugs, so it needs no escape in Markdown link syntax."""
            return Markup(html.escape(posixpath.relpath(target, base)))

        return self.env.get_template(template).render(href=href, rel=rel, uri=uri, **view)
