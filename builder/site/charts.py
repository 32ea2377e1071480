"""Plotly figures, built in Python as plain data (no plotly.js is inlined).

Each function returns a `Chart`: an id, a caption and the figure as a dict.
The page embeds the dict as JSON; theme_overrides/assets/javascripts/charts.js
draws it with the site's own copy of plotly.js, loaded only on pages with charts.
Every chart's numbers are also on the page as a table.
"""

from __future__ import annotations

import html
import textwrap
import json
from dataclasses import dataclass
from decimal import Decimal

import plotly.graph_objects as go

from ..formatting import number, round_half_up

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
)
CONFIG = {"displayModeBar": False, "responsive": True}


@dataclass
class Chart:
    id: str
    caption: str
    figure: dict
    height: int = 320

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


def _figure(fig: go.Figure, **layout) -> dict:
    """The figure as plain data, with the site layout and then the chart's own `layout` settings."""
    fig.update_layout(**LAYOUT)
    fig.update_layout(**layout)
    return fig.to_plotly_json()


def capaian_bars(chart_id: str, caption: str, names: list[str], values: list[Decimal], reached: list[bool]) -> Chart:
    """Capaian per indicator, with the 100 % line; green where the target was reached, as the table says."""
    shown = list(zip(names, values, reached))
    labels = [_wrapped(n) for n, _, _ in shown]
    fig = go.Figure(
        go.Bar(
            x=[_f(v) for _, v, _ in shown],
            y=labels,
            orientation="h",
            marker_color=[GOOD if ok else BAD for _, _, ok in shown],
            text=[number(v) + " %" + (" · tercapai" if ok else " · tidak tercapai") for _, v, ok in shown],
            textposition="inside",
            insidetextanchor="end",
            hovertemplate="%{y}: %{x:.2f} %<extra></extra>",
        )
    )
    fig.add_vline(x=100, line_dash="dash", line_color=TARGET)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(ticksuffix=" %", rangemode="tozero")
    return Chart(chart_id, caption, _figure(fig), height=max(160, 60 + _row_height(labels)))


def trajectory(chart_id: str, caption: str, years: list[int], targets: list[Decimal | None],
               realised: list[Decimal | None], unit: str, final: Decimal | None) -> Chart:
    """Renstra trajectory: yearly targets as a line, realisasi as markers."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=years, y=[_f(t) for t in targets], name="Target Renstra", mode="lines+markers",
                             line=dict(color=TARGET, dash="dash"), marker=dict(symbol="diamond-open", size=9)))
    fig.add_trace(go.Scatter(x=years, y=[_f(r) for r in realised], name="Realisasi", mode="lines+markers",
                             line=dict(color=REALISED), marker=dict(size=10)))
    if final is not None:
        fig.add_hline(y=float(final), line_dash="dot", line_color=GOOD,
                      annotation_text=f"Target akhir {number(final)}", annotation_position="top left")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title_text=_text(unit), automargin=True)
    return Chart(chart_id, caption, _figure(fig), height=300)


def grouped_bars(chart_id: str, caption: str, categories: list[str], series: dict[str, list[Decimal | None]],
                 suffix: str = "", horizontal: bool = False) -> Chart:
    """Several series side by side (year over year, kecamatan side by side, IKM elements)."""
    fig = go.Figure()
    palette = [REALISED, TARGET, GOOD, "#8a4fbf", "#c26a00", BAD]
    for i, (name, values) in enumerate(series.items()):
        bar = dict(name=_text(name), marker_color=palette[i % len(palette)],
                   text=[None if v is None else number(v) + suffix for v in values], textposition="auto")
        labels = [_wrapped(c) if horizontal else _text(c) for c in categories]
        if horizontal:
            fig.add_trace(go.Bar(x=[_f(v) for v in values], y=labels, orientation="h", **bar))
        else:
            fig.add_trace(go.Bar(x=labels, y=[_f(v) for v in values], **bar))
    fig.update_layout(barmode="group", showlegend=len(series) > 1)
    if horizontal:
        fig.update_yaxes(autorange="reversed", automargin=True)
    else:
        fig.update_xaxes(automargin=True)
    rows = _row_height([_wrapped(c) for c in categories]) + 22 * len(categories) * (len(series) - 1)
    height = max(220, 70 + rows) if horizontal else 320
    return Chart(chart_id, caption, _figure(fig), height=min(height, 900))


def budget_treemap(chart_id: str, caption: str, root: str, nodes: list[tuple[str, str, str, Decimal, Decimal | None]]) -> Chart:
    """Budget hierarchy: (id, parent id, label, pagu, penyerapan %). Area = pagu, colour = absorption."""
    fig = go.Figure(
        go.Treemap(
            ids=[n[0] for n in nodes],
            parents=[n[1] for n in nodes],
            labels=[_text(n[2]) for n in nodes],
            values=[float(n[3]) for n in nodes],
            branchvalues="total",
            marker=dict(colors=[_f(n[4]) if n[4] is not None else 0 for n in nodes],
                        colorscale=[[0, BAD], [0.5, "#e0b000"], [1, GOOD]], cmin=50, cmax=100,
                        colorbar=dict(title=dict(text="Penyerapan", side="top"), ticksuffix=" %",
                                      orientation="h", y=-0.02, yanchor="top", thickness=12, len=1)),
            customdata=[[number(n[3], 0), "–" if n[4] is None else number(n[4])] for n in nodes],
            hovertemplate="%{label}<br>Pagu Rp%{customdata[0]}<br>Penyerapan %{customdata[1]} %<extra></extra>",
            maxdepth=2,
        )
    )
    return Chart(chart_id, caption, _figure(fig), height=420)


def absorption_vs_capaian(chart_id: str, caption: str, names: list[str], absorption: list[Decimal | None],
                          capaian: list[Decimal | None]) -> Chart:
    """One point per indicator, each its own legend entry and marker shape (long names do not fit on the points)."""
    points = [(n, a, c) for n, a, c in zip(names, absorption, capaian) if a is not None and c is not None]
    palette = [REALISED, GOOD, "#c26a00", "#8a4fbf", BAD, TARGET]
    symbols = ["circle", "square", "diamond", "triangle-up", "cross", "x"]
    fig = go.Figure()
    for i, (name, a, c) in enumerate(points):
        fig.add_trace(go.Scatter(
            x=[_f(a)], y=[_f(c)], mode="markers", name=_wrapped(name, 40),
            marker=dict(size=12, color=palette[i % len(palette)], symbol=symbols[i % len(symbols)]),
            hovertemplate=_text(name) + "<br>Penyerapan %{x:.2f} %<br>Capaian %{y:.2f} %<extra></extra>",
        ))
    fig.add_shape(type="line", x0=0, y0=0, x1=120, y1=120, line=dict(dash="dot", color=TARGET))
    fig.update_xaxes(title_text="Penyerapan anggaran (%)", range=[0, 125])
    fig.update_yaxes(title_text="Capaian kinerja (%)", range=[0, 135])
    legend_below = dict(orientation="h", yanchor="top", y=-0.2, x=0)
    return Chart(chart_id, caption, _figure(fig, legend=legend_below), height=360 + 28 * len(points))
