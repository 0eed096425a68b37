"""Bar charts drawn as SVG on the server: no chart library to fetch, every bar a link to its rows."""

from __future__ import annotations

from html import escape

from sync.server.console.figures import Bar

WIDTH, HEIGHT, GAP, LABEL = 560, 180, 4, 28
WIDEST = 64  # a chart of two bars keeps bars a bar's width, not half the panel


def bars(items: list[Bar], *, title: str) -> str:
    if not items:
        return ""
    top = max(bar.value for bar in items) or 1
    width = min(WIDEST, (WIDTH - GAP * (len(items) - 1)) / len(items))
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT + LABEL}" role="img"'
        f' aria-label="{escape(title)}">'
    ]
    for n, bar in enumerate(items):
        x = n * (width + GAP)
        h = 0 if bar.value == 0 else max(2.0, HEIGHT * 0.85 * bar.value / top)
        value = f"{bar.value:g}"
        parts.append(
            f'<a href="{escape(bar.link)}"><g class="bar" data-label="{escape(bar.label)}"'
            f' data-value="{value}"><title>{escape(bar.label)}: {value}</title>'
            f'<rect x="{x:.1f}" y="{HEIGHT - h:.1f}" width="{width:.1f}" height="{h:.1f}"/>'
            f'<text x="{x + width / 2:.1f}" y="{HEIGHT - h - 4:.1f}" class="v">{value}</text>'
            f'<text x="{x + width / 2:.1f}" y="{HEIGHT + 16}" class="l">'
            f"{escape(bar.label[:10])}</text></g></a>"
        )
    parts.append("</svg>")
    return "".join(parts)
