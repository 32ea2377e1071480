"""Static drawings of the charts: plain SVG inside the page, legible at 360 px, shown at once and without JavaScript.

On a phone they stay as drawn (plotly.js, the site's largest file, is not fetched for them); on a wider screen
charts.js replaces them with the interactive chart when it comes near the screen. Every string is escaped.
"""

from __future__ import annotations

import html

WIDTH = 340
NAME_CHARS = 44  # a longer name is cut (its full text is the element's <title>)


def _open(caption: str, height: int) -> str:
    return (f'<svg class="kc-chart__static" viewBox="0 0 {WIDTH} {height}" role="img" '
            f'aria-label="{html.escape(caption)}" xmlns="http://www.w3.org/2000/svg">')


def _name(label: str, x: float, y: float, size: float = 11.5, anchor: str = "start") -> str:
    shown = label if len(label) <= NAME_CHARS else label[:NAME_CHARS - 1] + "…"
    return (f'<text x="{x:g}" y="{y:g}" font-size="{size}" text-anchor="{anchor}" fill="currentColor">'
            f'<title>{html.escape(label)}</title>{html.escape(shown)}</text>')


def bars(caption: str, rows: list[tuple], reference: float | None = None) -> str:
    """Horizontal bars for a phone: a name on its own line, its bar below, the figure at the right end.

    rows: (name, value, text, colour); a name of None is one more bar of the name above (another series, e.g.
    another year), its series in its text. `reference` is a dashed line across every bar (the 100 % target)."""
    if not rows:
        return ""
    text_width = max(6 * len(text) for _, _, text, _ in rows)  # ~6 px per character at 11 px
    top = max([v for _, v, _, _ in rows if v is not None] + [reference or 0]) or 1
    scale = max(60, WIDTH - text_width - 10) / top
    parts, y = [], 0
    for label, value, text, colour in rows:
        if label is not None:
            parts.append(_name(label, 0, y + 13))
            y += 16
        if value is not None:
            parts.append(f'<rect x="0" y="{y + 2}" width="{max(1, round(value * scale))}" height="14" fill="{colour}"/>')
        parts.append(f'<text x="{WIDTH}" y="{y + 14}" text-anchor="end" font-size="11" fill="currentColor">'
                     f'{html.escape(text)}</text>')
        if reference is not None:
            x = round(reference * scale)
            parts.append(f'<line x1="{x}" x2="{x}" y1="{y}" y2="{y + 18}" stroke="#6b7280" stroke-dasharray="3 2"/>')
        y += 22
    return _open(caption, y + 4) + "".join(parts) + "</svg>"


def lines(caption: str, years: list[int], series: list[tuple], final: float | None = None,
          final_text: str = "") -> str:
    """Values over the years: one line per series with its legend above, the first series' figures at its
    points, and an optional dotted horizontal line (the end-of-Renstra target).

    series: (name, values, texts, colour, dashed); a value of None breaks its line."""
    known = [v for _, values, _, _, _ in series for v in values if v is not None] + ([final] if final is not None else [])
    if not years or not known:
        return ""
    height, top, bottom, side = 200, 44, 24, 22
    low, high = min(known), max(known)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.12
    low, high = low - pad, high + pad

    def x(i: int) -> float:
        return WIDTH / 2 if len(years) == 1 else side + i * (WIDTH - 2 * side) / (len(years) - 1)

    def y(v: float) -> float:
        return round(top + (high - v) / (high - low) * (height - top - bottom), 1)

    parts = []
    legend_x = 0
    for name, _, _, colour, dashed in series:  # the legend: a short sample of each line, then its name
        dash = ' stroke-dasharray="5 3"' if dashed else ""
        parts.append(f'<line x1="{legend_x}" x2="{legend_x + 18}" y1="9" y2="9" stroke="{colour}" stroke-width="2"{dash}/>')
        parts.append(_name(name, legend_x + 22, 13, 11))
        legend_x += 34 + 6 * len(name)
    if final is not None:
        parts.append(f'<line x1="0" x2="{WIDTH}" y1="{y(final)}" y2="{y(final)}" stroke="#1b7f4b" stroke-dasharray="1 3"/>')
        parts.append(_name(final_text, 0, y(final) - 4, 10.5))
    for i, (name, values, texts, colour, dashed) in enumerate(series):
        dash = ' stroke-dasharray="5 3"' if dashed else ""
        run: list[str] = []
        for j, v in enumerate(values + [None]):  # a None ends the line drawn so far
            if v is not None:
                run.append(f"{x(j):g},{y(v)}")
                continue
            if len(run) > 1:
                parts.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
            run = []
        for j, (v, text) in enumerate(zip(values, texts)):
            if v is None:
                continue
            parts.append(f'<circle cx="{x(j):g}" cy="{y(v)}" r="3.5" fill="{colour}"/>')
            if i == 0:
                parts.append(_name(text, x(j), y(v) - 8, 10.5, "middle"))
    parts += [_name(str(year), x(j), height - 6, 11, "middle") for j, year in enumerate(years)]
    return _open(caption, height) + "".join(parts) + "</svg>"


def scatter(caption: str, points: list[tuple], x_label: str, y_label: str, x_max: float, y_max: float) -> str:
    """Points on two percentage axes with the diagonal x = y, each numbered, and a legend below that names each
    number with its figures. points: (name, x, y, text, colour)."""
    if not points:
        return ""
    plot, left, top = 220, 30, 26  # the y axis' name above the plot
    x_max = max([x_max] + [x * 1.05 for _, x, _, _, _ in points])  # room for a point's marker at the edge
    y_max = max([y_max] + [y * 1.05 for _, _, y, _, _ in points])

    def px(v: float) -> float:
        return round(left + v / x_max * (WIDTH - left - 8), 1)

    def py(v: float) -> float:
        return round(top + (1 - v / y_max) * plot, 1)

    edge = min(x_max, y_max)
    parts = [f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(edge)}" y2="{py(edge)}" stroke="#6b7280" stroke-dasharray="2 3"/>',
             f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(x_max)}" y2="{py(0)}" stroke="currentColor" stroke-width="0.5"/>',
             f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(0)}" y2="{py(y_max)}" stroke="currentColor" stroke-width="0.5"/>']
    for tick in range(0, int(max(x_max, y_max)) + 1, 50):
        if tick <= x_max:
            parts.append(_name(str(tick), px(tick), py(0) + 13, 10, "middle"))
        if tick <= y_max:
            parts.append(_name(str(tick), px(0) - 4, py(tick) + 3, 10, "end"))
    parts.append(_name(x_label, WIDTH, py(0) + 28, 11, "end"))
    parts.append(_name(y_label, 0, 12, 11))
    y = py(0) + 48
    for number, (name, vx, vy, text, colour) in enumerate(points, 1):
        parts.append(f'<circle cx="{px(vx)}" cy="{py(vy)}" r="8" fill="{colour}"/>')
        parts.append(f'<text x="{px(vx)}" y="{py(vy) + 4}" font-size="10" text-anchor="middle" fill="#fff">{number}</text>')
        parts.append(f'<circle cx="8" cy="{y - 4}" r="8" fill="{colour}"/>'
                     f'<text x="8" y="{y}" font-size="10" text-anchor="middle" fill="#fff">{number}</text>')
        parts.append(_name(name, 22, y - 2))
        parts.append(f'<text x="22" y="{y + 12}" font-size="11" fill="currentColor">{html.escape(text)}</text>')
        y += 34
    return _open(caption, round(y)) + "".join(parts) + "</svg>"
