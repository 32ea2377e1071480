"""Stage 5, render: view models -> {page uri: Markdown}.

Pages are Markdown with HTML blocks for tables, badges and charts. Every
string from the data goes through Jinja's autoescape (HTML) and, where it
lands in Markdown syntax, the `md` filter; text the data declares as
Markdown is rendered by `narrative`, with any HTML in it escaped first, so
no data string can inject markup or script. Front-matter values go through
`yaml`, which quotes them.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from decimal import Decimal
from pathlib import Path

import markdown as markdown_lib
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import formatting as fmt
from .urls import anchor, html_path
from ..analysis.results import Markdown, Status

TEMPLATES = Path(__file__).resolve().parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md(text: object) -> Markup:
    """Escape a data string for Markdown inline context (and HTML)."""
    escaped = html.escape(str(text), quote=False)
    return Markup(_MD_SPECIAL.sub(r"\\\1", escaped))


# What data Markdown may become: text structure and links to http(s), mail or relative pages. No images (they
# would load from anywhere), no scripts, styles, frames or event attributes; nh3 removes everything else.
ALLOWED_TAGS = {"p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a",
                "table", "thead", "tbody", "tr", "th", "td", "h4", "h5", "h6", "sup", "sub"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


_MARKDOWN = markdown_lib.Markdown(extensions=["sane_lists", "tables"])  # one converter, reset per text


@functools.lru_cache(maxsize=8192)
def narrative(text: str | None) -> Markup:
    """Data Markdown -> sanitised HTML: HTML in the data is shown as text, and what Markdown makes of the rest is
    held to an allow-list (a `[x](javascript:...)` link loses its href, an image is dropped).

    A pure function of the text, so each distinct text is converted once per build (the same definitions and
    notes recur on every year page); building a Markdown converter per call took a third of the time."""
    if not text:
        return Markup("")
    rendered = _MARKDOWN.reset().convert(html.escape(text, quote=False))
    return Markup(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES,
                            link_rel="nofollow noopener noreferrer"))


def inline(text: Markdown) -> Markup:
    """Data Markdown shown inside a sentence, list item or table cell: one paragraph loses its <p>."""
    rendered = narrative(text).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


def shown(value):
    """Every `{{ value }}` passes here: Markdown from the data is rendered, everything else is left to autoescape."""
    return inline(value) if isinstance(value, Markdown) else value


def yaml_value(text: object) -> Markup:
    """A front-matter value: one double-quoted YAML scalar (JSON strings are valid YAML), HTML-escaped with its
    quotes too, because the theme writes `description` into an attribute (`<meta content="...">`) unescaped."""
    return Markup(json.dumps(html.escape(str(text), quote=True), ensure_ascii=False))


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
            md=md, narrative=narrative, yaml=yaml_value, num=fmt.number, pct=fmt.percent, rp=fmt.rupiah,
            rp_short=fmt.rupiah_short, date=fmt.date, filesize=fmt.filesize, anchor=anchor, source_rows=source_rows, value=fmt.value_text, signed=signed,
        )
        self.env.globals.update(statuses=list(Status))

    def page(self, uri: str, template: str, **view) -> str:
        base = posixpath.dirname(uri) or "."

        def href(target: str) -> str:
            """Relative URL to another page's HTML (use_directory_urls: false)."""
            return posixpath.relpath(html_path(target), base)

        def rel(target: str) -> str:
            """Relative Markdown link to another page's .md (MkDocs checks and converts it)."""
            return posixpath.relpath(target, base)

        return self.env.get_template(template).render(href=href, rel=rel, uri=uri, **view)
