"""Plotly figures, written directly as the plain data plotly.js reads (no plotly.js is inlined).

Each function returns a `Chart`: an id, a caption and the figure as a dict. The dicts are
written by hand rather than through plotly.py's graph objects: those validate every property
on every call (three quarters of a large build's chart time) and copy plotly.py's default
template (about 7 KB) into every figure.
The page embeds the dict as JSON; theme_overrides/assets/javascripts/charts.js
draws it with the site's own copy of plotly.js, loaded only on pages with charts.
Every chart's numbers are also on the page as a table.
"""

from __future__ import annotations

import html
import json
import textwrap
from dataclasses import dataclass
from decimal import Decimal

from ..formatting import number, round_half_up, rupiah_short
from . import svg
from .urls import flat

# Colours: accessible on light and dark backgrounds; meaning is never carried by colour alone.
TARGET = "#6b7280"
REALISED = "#1d6fb8"
GOOD = "#1b7f4b"
BAD = "#b3261e"
LAYOUT = dict(
    margin=dict(l=8, r=8, t=8, b=8),
    paper_bgcolor="rgba(0,0,0,0)",
    plot_bgcolor="rgba(0,0,0,0)",
    font=dict(family="Roboto, Helvetica, Arial, sans-serif", size=13),
    separators=",.",  # Indonesian: decimal comma, thousands dot
    legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    hoverlabel=dict(namelength=-1),
    hovermode="closest",
    xaxis=dict(automargin=True),  # room for the tick labels (plotly.py's default template did this)
    yaxis=dict(automargin=True),
)
CONFIG = {"displayModeBar": False, "responsive": True}


@dataclass
class Chart:
    """A chart's id is unique on its page and made of stable names only (a kind, an indicator, a kabupaten), so
    its anchor on the page (`anchor`) stays the same from build to build."""

    id: str
    caption: str
    figure: dict
    height: int = 320
    embed_href: str | None = None  # its embed page, relative to the page showing it (set by embed.add)
    summary: str = ""  # its figures in a sentence, shown without JavaScript in place of the chart
    static: str = ""  # its drawing as plain SVG (builder/site/svg.py), shown at once; none: a sentence instead

    @property
    def anchor(self) -> str:
        """The id of the chart's <figure>: `#grafik-capaian` links to it."""
        return "grafik-" + (flat(self.id) or "x")

    def json(self) -> str:
        """JSON safe to place inside <script type="application/json">."""
        text = json.dumps({"data": self.figure["data"], "layout": self.figure["layout"], "config": CONFIG},
                          ensure_ascii=False, separators=(",", ":"))
        return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _text(value: str) -> str:
    """Plotly interprets a little HTML in text; data strings are shown literally."""
    return html.escape(value, quote=False)


def _wrapped(label: str, width: int = 22) -> str:
    """A long category label on several lines, so a phone still has room for the bars."""
    return "<br>".join(textwrap.wrap(_text(label), width, break_long_words=False)) or _text(label)


def _row_height(labels: list[str]) -> int:
    return sum(16 + 16 * label.count("<br>") + 12 for label in labels)


def _f(value: Decimal | None) -> float | None:
    return None if value is None else float(round_half_up(value))


SUMMARY_ITEMS = 12  # a sentence longer than this says how many more there are


def _sentence(lead: str, items: list[str]) -> str:
    """'Capaian: A 103,23 %; B 99 %; dan 3 lainnya.' (plain text: the template escapes it)."""
    shown = items[:SUMMARY_ITEMS]
    more = f"; dan {len(items) - SUMMARY_ITEMS} lainnya" if len(items) > SUMMARY_ITEMS else ""
    return f"{lead}: " + "; ".join(shown) + more + "." if items else ""


def _num(value, suffix: str = "", places: int | None = None) -> str:
    """A figure in a summary sentence, as the tables show it (a percent sign after a narrow no-break space)."""
    return "–" if value is None else number(value, places) + suffix.replace(" %", "\u202f%")


def _figure(data: list[dict], **layout) -> dict:
    """A figure: its traces, the site layout, then the chart's own layout settings (merged one level deep)."""
    merged = {key: (dict(value) if isinstance(value, dict) else value) for key, value in LAYOUT.items()}
    for key, value in layout.items():
        merged[key] = {**merged[key], **value} if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return {"data": data, "layout": merged}


def capaian_bars(chart_id: str, caption: str, names: list[str], values: list[Decimal], reached: list[bool]) -> Chart:
    """Capaian per indicator, with the 100 % line; green where the target was reached, as the table says."""
    shown = list(zip(names, values, reached))
    labels = [_wrapped(n) for n, _, _ in shown]
    bar = {
        "type": "bar", "orientation": "h", "x": [_f(v) for _, v, _ in shown], "y": labels,
        "marker": {"color": [GOOD if ok else BAD for _, _, ok in shown]},
        "text": [number(v) + " %" + (" · tercapai" if ok else " · tidak tercapai") for _, v, ok in shown],
        "textposition": "inside", "insidetextanchor": "end", "hovertemplate": "%{y}: %{x:.2f} %<extra></extra>",
    }
    target_line = {"type": "line", "xref": "x", "yref": "paper", "x0": 100, "x1": 100, "y0": 0, "y1": 1,
                   "line": {"dash": "dash", "color": TARGET}}
    return Chart(chart_id, caption, _figure(
        [bar], shapes=[target_line], yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"ticksuffix": " %", "rangemode": "tozero"}), height=max(160, 60 + _row_height(labels)),
        summary=_sentence("Capaian", [f"{n} {_num(v, ' %')} ({'tercapai' if ok else 'tidak tercapai'})"
                                      for n, v, ok in shown]),
        static=svg.bars(caption, [(n, float(v), f"{_num(v, ' %')} · {'tercapai' if ok else 'tidak tercapai'}",
                                   GOOD if ok else BAD) for n, v, ok in shown], reference=100.0))


def trajectory(chart_id: str, caption: str, years: list[int], targets: list[Decimal | None],
               realised: list[Decimal | None], unit: str, final: Decimal | None) -> Chart:
    """Renstra trajectory: yearly targets as a line, realisasi as markers."""
    data = [
        {"type": "scatter", "x": years, "y": [_f(t) for t in targets], "name": "Target Renstra", "mode": "lines+markers",
         "line": {"color": TARGET, "dash": "dash"}, "marker": {"symbol": "diamond-open", "size": 9}},
        {"type": "scatter", "x": years, "y": [_f(r) for r in realised], "name": "Realisasi", "mode": "lines+markers",
         "line": {"color": REALISED}, "marker": {"size": 10}},
    ]
    extra: dict = {}
    if final is not None:
        extra["shapes"] = [{"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": float(final),
                            "y1": float(final), "line": {"dash": "dot", "color": GOOD}}]
        extra["annotations"] = [{"text": f"Target akhir {number(final)}", "xref": "paper", "yref": "y", "x": 0,
                                 "y": float(final), "xanchor": "left", "yanchor": "bottom", "showarrow": False}]
    summary = _sentence(f"Realisasi ({unit}) dan target Renstra per tahun", [
        f"{y}: {_num(r)} (target {_num(tg)})" for y, tg, r in zip(years, targets, realised)])
    drawn = svg.lines(caption, years, [("Realisasi", [_f(r) for r in realised], [_num(r) for r in realised], REALISED,
                                        False),
                                       ("Target Renstra", [_f(t) for t in targets], [_num(t) for t in targets], TARGET,
                                        True)],
                      _f(final), f"Target akhir {number(final)}" if final is not None else "")
    return Chart(chart_id, caption, _figure(data, xaxis={"dtick": 1, "tickformat": "d"},
                                            yaxis={"title": {"text": _text(unit)}, "automargin": True}, **extra),
                 height=300, summary=summary, static=drawn)


def grouped_bars(chart_id: str, caption: str, categories: list[str], series: dict[str, list[Decimal | None]],
                 suffix: str = "", horizontal: bool = False, places: int | None = None) -> Chart:
    """Several series side by side (year over year, kecamatan side by side, IKM elements)."""
    palette = [REALISED, TARGET, GOOD, "#8a4fbf", "#c26a00", BAD]
    blank = [name for name, values in series.items() if all(v is None for v in values)]
    series = {name: values for name, values in series.items() if name not in blank}  # no legend entry without bars
    if blank:
        caption += f" Tanpa angka: {', '.join(blank)}."
    labels = [_wrapped(c) if horizontal else _text(c) for c in categories]
    data = []
    for i, (name, values) in enumerate(series.items()):
        numbers = [_f(v) for v in values]
        trace = {"type": "bar", "name": _text(name), "marker": {"color": palette[i % len(palette)]},
                 "text": [None if v is None else number(v, places) + suffix for v in values], "textposition": "auto"}
        trace.update({"x": numbers, "y": labels, "orientation": "h"} if horizontal else {"x": labels, "y": numbers})
        data.append(trace)
    axis = {"yaxis": {"autorange": "reversed", "automargin": True}} if horizontal else {"xaxis": {"automargin": True}}
    rows = _row_height([_wrapped(c) for c in categories]) + 22 * len(categories) * (len(series) - 1)
    height = max(220, 70 + rows) if horizontal else 320
    names = list(series)
    items = [f"{c} " + ", ".join((f"{s} " if len(names) > 1 else "") + _num(series[s][i], suffix, places)
                                 for s in names)
             for i, c in enumerate(categories)]
    rows = [(c if k == 0 else None, _f(series[s][i]), (f"{s}: " if len(names) > 1 else "") + _num(series[s][i], suffix,
                                                                                                    places),
             palette[k % len(palette)])
            for i, c in enumerate(categories) for k, s in enumerate(names)]
    return Chart(chart_id, caption, _figure(data, barmode="group", showlegend=len(series) > 1, **axis),
                 height=min(height, 900), summary=_sentence("Angkanya", items), static=svg.bars(caption, rows))


def _money_ticks(top: Decimal) -> dict:
    """Axis ticks in Indonesian words ("Rp2 miliar"), not plotly's SI letters ("Rp2B" reads as English)."""
    step = Decimal(10) ** (len(str(int(top))) - 1)
    while top / step < 3:
        step /= 2
    values = [step * i for i in range(int(top / step) + 1)]
    return {"tickvals": [float(v) for v in values], "ticktext": [rupiah_short(v) if v else "0" for v in values]}


def budget_bars(chart_id: str, caption: str, names: list[str], pagu: list[Decimal],
                absorption: list[Decimal | None]) -> Chart:
    """Pagu per programme as bars, each saying its absorption in words (no colour scale to decode: a treemap's
    labels were illegible on a phone, and its colours the only cue)."""
    labels = [_wrapped(n) for n in names]
    texts = [f"{rupiah_short(v)} · penyerapan {_num(a, ' %')}" for v, a in zip(pagu, absorption)]
    bar = {"type": "bar", "orientation": "h", "x": [_f(v) for v in pagu], "y": labels, "text": texts,
           "textposition": "auto", "marker": {"color": REALISED},
           "hovertemplate": "%{y}<br>Pagu Rp%{x:,.0f}<extra></extra>"}
    return Chart(chart_id, caption, _figure([bar], yaxis={"autorange": "reversed", "automargin": True},
                                            xaxis={"rangemode": "tozero", **_money_ticks(max(pagu))}),
                 height=max(160, 60 + _row_height(labels)),
                 summary=_sentence("Pagu per program", [f"{n} {t}" for n, t in zip(names, texts)]),
                 static=svg.bars(caption, [(n, _f(v), t, REALISED) for n, v, t in zip(names, pagu, texts)]))


def absorption_vs_capaian(chart_id: str, caption: str, names: list[str], absorption: list[Decimal | None],
                          capaian: list[Decimal | None]) -> Chart:
    """One point per indicator, each its own legend entry and marker shape (long names do not fit on the points)."""
    points = [(n, a, c) for n, a, c in zip(names, absorption, capaian) if a is not None and c is not None]
    palette = [REALISED, GOOD, "#c26a00", "#8a4fbf", BAD, TARGET]
    symbols = ["circle", "square", "diamond", "triangle-up", "cross", "x"]
    data = [{"type": "scatter", "x": [_f(a)], "y": [_f(c)], "mode": "markers", "name": _wrapped(name, 40),
             "marker": {"size": 12, "color": palette[i % len(palette)], "symbol": symbols[i % len(symbols)]},
             "hovertemplate": _text(name) + "<br>Penyerapan %{x:.2f} %<br>Capaian %{y:.2f} %<extra></extra>"}
            for i, (name, a, c) in enumerate(points)]
    diagonal = {"type": "line", "x0": 0, "y0": 0, "x1": 120, "y1": 120, "line": {"dash": "dot", "color": TARGET}}
    return Chart(chart_id, caption, _figure(
        data, shapes=[diagonal], xaxis={"title": {"text": "Penyerapan anggaran (%)"}, "range": [0, 125]},
        yaxis={"title": {"text": "Capaian kinerja (%)"}, "range": [0, 135]},
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0}), height=360 + 28 * len(points),
        summary=_sentence("Penyerapan dan capaian", [f"{n}: penyerapan {_num(a, ' %')}, capaian {_num(c, ' %')}"
                                                      for n, a, c in points]),
        static=svg.scatter(caption, [(n, _f(a), _f(c), f"penyerapan {_num(a, ' %')}, capaian {_num(c, ' %')}",
                                      palette[i % len(palette)]) for i, (n, a, c) in enumerate(points)],
                           "Penyerapan anggaran (%)", "Capaian kinerja (%)", 120, 120))
