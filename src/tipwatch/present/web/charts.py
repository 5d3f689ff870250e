"""A small, dependency-free SVG chart: one line of points per source, periods along x.

Only presentation attributes are used (no ``style``), so the chart works under a strict
Content-Security-Policy, inline or as an image. Every text is XML-escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tipwatch.present.renderers import format_value

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 230, 36, 48
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
UNATTRIBUTED = "(no source)"


def series_title(indicator: str, place: str, unit: str) -> str:
    where = place or "no place"
    return f"{indicator} — {where}" + ("" if unit == "count" else f" ({unit})")


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return float(top)
    return float(10 * magnitude)


def _by_source(points: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for point in points:
        out.setdefault(point.get("source") or UNATTRIBUTED, []).append(point)
    return out


def _text(x: float, y: float, content: str, anchor: str = "start", size: int = 12,
          weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" '
            f'text-anchor="{anchor}" font-family="sans-serif" fill="#222">{escape(content)}</text>')


def series_svg(title: str, points: Sequence[dict[str, Any]], unit: str = "count") -> str:
    """The chart as an SVG document; an empty series draws a note instead of axes."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label={quoteattr(title)}>',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
             _text(LEFT, 22, title, size=14, weight="bold")]
    periods = sorted({str(p["period"]) for p in points})
    if not periods:
        parts.append(_text(WIDTH / 2, HEIGHT / 2, "no values", anchor="middle"))
        return "".join(parts) + "</svg>"
    top = _nice_max(max(float(p["value"]) for p in points))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(period: str) -> float:
        i = periods.index(period)
        return LEFT + (plot_w / 2 if len(periods) == 1 else plot_w * i / (len(periods) - 1))

    def y_of(value: float) -> float:
        return TOP + plot_h - plot_h * value / top

    parts += _axes(periods, top, unit, x_of, y_of)
    for n, (source, pts) in enumerate(sorted(_by_source(points).items())):
        parts += _line(source, pts, COLOURS[n % len(COLOURS)], n, unit, x_of, y_of)
    return "".join(parts) + "</svg>"


def _axes(periods: list[str], top: float, unit: str, x_of: Any, y_of: Any) -> list[str]:
    out = []
    for i in range(5):
        value = top * i / 4
        y = y_of(value)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
                   f'stroke="#ddd" stroke-width="1"/>')
        out.append(_text(LEFT - 6, y + 4, format_value(value, unit), anchor="end", size=11))
    for period in periods:
        out.append(_text(x_of(period), HEIGHT - BOTTOM + 18, period[:21], anchor="middle", size=11))
    out.append(f'<line x1="{LEFT}" y1="{y_of(0):.1f}" x2="{WIDTH - RIGHT}" y2="{y_of(0):.1f}" '
               f'stroke="#888" stroke-width="1"/>')
    return out


def _line(source: str, pts: list[dict[str, Any]], colour: str, n: int, unit: str,
          x_of: Any, y_of: Any) -> list[str]:
    pts = sorted(pts, key=lambda p: str(p["period"]))
    coords = [(x_of(str(p["period"])), y_of(float(p["value"]))) for p in pts]
    out = []
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
    for (x, y), p in zip(coords, pts, strict=True):
        label = f"{source}: {format_value(p['value'], unit, p.get('qualifier'))} ({p['period']}, {p.get('doc', '')})"
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}">'
                   f'<title>{escape(label)}</title></circle>')
    legend_y = TOP + 16 * n
    out.append(f'<rect x="{WIDTH - RIGHT + 12}" y="{legend_y:.1f}" width="10" height="10" fill="{colour}"/>')
    label = source if len(source) <= 34 else source[:33] + "…"
    out.append(_text(WIDTH - RIGHT + 28, legend_y + 9, label, size=10))
    return out
