"""Render a :class:`tipwatch.verify.report.Report` as Markdown or self-contained HTML.

The HTML page has its CSS inline and its chart as inline SVG: it opens with no network.
Every figure links to its footnote: document, source body, publication date and sentence.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, StrictUndefined

from tipwatch.present.renderers import format_value
from tipwatch.verify.report import Figure, Report

_MD = """\
# Trafficking in persons: {{ r.place }}, {{ r.period }}

Figures tipwatch extracted for {{ r.place }} in {{ r.period }}, each with its source
(footnotes). Comparisons with {{ prev }} are computed by tipwatch from the stated figures.

| Indicator | Figure | Source | Compared with {{ prev }} |
|---|---|---|---|
{% for s in r.sections %}| {{ s.indicator }} | {{ fig(s.headline) if s.headline else "breakdowns only" }} | \
{{ s.headline.source or "" if s.headline else "" }} | {{ cmp(s) }} |
{% endfor %}
{% for s in r.sections %}
## {{ s.indicator }}

{% if s.headline %}- **Figure:** {{ fig(s.headline) }} ({{ s.headline.source or "unattributed" }}). \
Chosen by rule *{{ s.rule }}*.
{% endif %}{% if s.others %}- **Other values stated:** \
{% for o in s.others %}{{ fig(o) }} ({{ o.source or "unattributed" }}){{ "; " if not loop.last }}{% endfor %}
{% endif %}{% if s.comparison %}- **Compared with {{ s.comparison.previous_period }}:** {{ fig(s.comparison.previous) }} \
-> {{ signed(s.comparison.change) }}{% if s.comparison.percent is not none %} ({{ pct(s.comparison.percent) }}){% endif %}, \
computed by tipwatch.
{% endif %}{% if s.breakdowns %}- **Breakdowns:** \
{% for b in s.breakdowns %}{{ b.label }}: {{ fig(b) }}{{ "; " if not loop.last }}{% endfor %}
{% endif %}{% for c in s.conflicts %}- **Conflict:** sources disagree on {{ s.indicator }} \
({{ c.crime or "any crime" }}): {% for m in c.members %}{{ num(m.value, m.qualifier) }}[^{{ m.note }}] \
({{ m.source or "unattributed" }}){{ "; " if not loop.last }}{% endfor %}.
{% endfor %}{% endfor %}
## Failed checks

{% for c in r.failed_checks %}- {{ c.doc }}: {{ c.kind }} claim on {{ c.indicator }} \
{% if c.kind == "change" %}stated {{ c.stated }}{% else %}total {{ num(c.total) }}{% endif %}; \
computed {{ c.computed }}{% if c.note %} ({{ c.note }}){% endif %}. "{{ c.sentence }}"
{% else %}None: every checked claim in these documents is consistent or unverifiable.
{% endfor %}
## Sources

{% for n in r.footnotes %}[^{{ n.n }}]: {{ n.doc }}{% if n.title %}, "{{ n.title }}"{% endif %}; \
{{ n.source or "source not named" }}; published {{ n.published or "unknown" }}. "{{ n.sentence }}"
{% endfor %}"""

_CSS = """
body{font-family:Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
th{background:#f3f3f3}sup a{text-decoration:none}.conflict{color:#8a1c1c}.rule{color:#555;font-size:.9em}
.notes li{font-size:.85em;margin-bottom:.4rem}.chart svg{max-width:100%;height:auto}
"""

_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Trafficking in persons: {{ r.place }}, {{ r.period }}</title><style>{{ css }}</style></head>
<body>
<h1>Trafficking in persons: {{ r.place }}, {{ r.period }}</h1>
<p>Figures tipwatch extracted for {{ r.place }} in {{ r.period }}, each with its source. Comparisons with
{{ prev }} are computed by tipwatch from the stated figures.</p>
<table><tr><th>Indicator</th><th>Figure</th><th>Source</th><th>Compared with {{ prev }}</th></tr>
{% for s in r.sections %}<tr><td>{{ s.indicator }}</td><td>{{ hfig(s.headline) if s.headline else "breakdowns only" }}</td>
<td>{{ s.headline.source or "" if s.headline else "" }}</td><td>{{ cmp(s) }}</td></tr>
{% endfor %}</table>
{% if chart %}<div class="chart">{{ chart }}</div>{% endif %}
{% for s in r.sections %}<h2>{{ s.indicator }}</h2><ul>
{% if s.headline %}<li><b>Figure:</b> {{ hfig(s.headline) }} ({{ s.headline.source or "unattributed" }})
<span class="rule">rule: {{ s.rule }}</span></li>{% endif %}
{% if s.others %}<li><b>Other values stated:</b> {% for o in s.others %}{{ hfig(o) }} ({{ o.source or "unattributed" }}){{ "; " if not loop.last }}{% endfor %}</li>{% endif %}
{% if s.comparison %}<li><b>Compared with {{ s.comparison.previous_period }}:</b> {{ hfig(s.comparison.previous) }} &rarr;
{{ signed(s.comparison.change) }}{% if s.comparison.percent is not none %} ({{ pct(s.comparison.percent) }}){% endif %}, computed by tipwatch</li>{% endif %}
{% if s.breakdowns %}<li><b>Breakdowns:</b> {% for b in s.breakdowns %}{{ b.label }}: {{ hfig(b) }}{{ "; " if not loop.last }}{% endfor %}</li>{% endif %}
{% for c in s.conflicts %}<li class="conflict"><b>Conflict</b> ({{ c.crime or "any crime" }}):
{% for m in c.members %}{{ num(m.value, m.qualifier) }}<sup><a href="#n{{ m.note }}">{{ m.note }}</a></sup> ({{ m.source or "unattributed" }}){{ "; " if not loop.last }}{% endfor %}</li>{% endfor %}
</ul>{% endfor %}
<h2>Failed checks</h2><ul>
{% for c in r.failed_checks %}<li>{{ c.doc }}: {{ c.kind }} claim on {{ c.indicator }}
{% if c.kind == "change" %}stated {{ c.stated }}{% else %}total {{ num(c.total) }}{% endif %}; computed {{ c.computed }}
{% if c.note %}({{ c.note }}){% endif %}. <q>{{ c.sentence }}</q></li>
{% else %}<li>None: every checked claim in these documents is consistent or unverifiable.</li>{% endfor %}</ul>
<h2>Sources</h2><ol class="notes">
{% for n in r.footnotes %}<li id="n{{ n.n }}">{{ n.doc }}{% if n.title %}, &ldquo;{{ n.title }}&rdquo;{% endif %};
{{ n.source or "source not named" }}; published {{ n.published or "unknown" }}. <q>{{ n.sentence }}</q></li>
{% endfor %}</ol></body></html>
"""


def _num(value: Any, qualifier: str | None = "exact") -> str:
    return format_value(value, "count", qualifier)


def _signed(value: float) -> str:
    return ("+" if value >= 0 else "-") + format_value(abs(value), "count", "exact")


def _pct(value: float) -> str:
    return f"{value:+.2f} %"


def _helpers(report: Report, html: bool) -> dict[str, Any]:
    def fig(f: Figure) -> str:
        return f"{format_value(f.value, 'count', f.qualifier)}[^{f.note}]"

    def hfig(f: Figure) -> str:
        return f'{format_value(f.value, "count", f.qualifier)}<sup><a href="#n{f.note}">{f.note}</a></sup>'

    def cmp(section: Any) -> str:
        c = section.comparison
        if c is None:
            return "no figure for the previous period"
        text = f"{_signed(c.change)}" + (f" ({_pct(c.percent)})" if c.percent is not None else "")
        return text + f" from {format_value(c.previous.value, 'count', c.previous.qualifier)}"

    return {"r": report, "fig": fig, "hfig": hfig, "cmp": cmp, "num": _num, "signed": _signed, "pct": _pct,
            "prev": _previous(report.period), "css": _CSS}


def _previous(period: str) -> str:
    return re.sub(r"(?:19|20)\d\d", lambda m: str(int(m.group(0)) - 1), period)


def render_markdown(report: Report) -> str:
    env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    return env.from_string(_MD).render(**_helpers(report, html=False))


def inline_svg(svg: bytes | str) -> str:
    """An SVG document as an element to put in HTML (no XML declaration or DOCTYPE)."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    return re.sub(r"^.*?(?=<svg)", "", text, flags=re.S)


def render_html(report: Report, chart_svg: bytes | str | None = None) -> str:
    from markupsafe import Markup

    env = Environment(undefined=StrictUndefined, autoescape=True)
    helpers = _helpers(report, html=True)
    helpers["hfig"] = lambda f, _h=helpers["hfig"]: Markup(_h(f))
    helpers["css"] = Markup(_CSS)
    helpers["chart"] = Markup(inline_svg(chart_svg)) if chart_svg else None
    return env.from_string(_HTML).render(**helpers)
