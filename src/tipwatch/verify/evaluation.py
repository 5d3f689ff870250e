"""Score extractions against a gold file (SPEC section 7).

* A system fact matches a gold fact when ``indicator``, ``value``, ``unit`` and ``period``
  are equal (gold ``period: "*"`` matches any); matching is one-to-one, and among equal
  candidates the one agreeing on most attributes is taken.
* precision = matched / (system facts - those matching optional gold facts);
  recall = matched required / required gold facts.
* Attribute accuracy (``place crime age sex nationality location qualifier source``) is
  measured on matched *required* facts; absent = absent is correct.
* Claims score: the share of required gold claims found with the right kind and verdict.
* Derived facts (``derived: true``, computed by the claims stage) are not scored: they are
  not stated in the text and gold files do not list them.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipwatch.config import Settings
from tipwatch.errors import EvalError
from tipwatch.ingest import read_inputs
from tipwatch.model import Claim, Fact, InputProblem
from tipwatch.pipeline import Pipeline

ATTRIBUTES: tuple[str, ...] = ("place", "crime", "age", "sex", "nationality", "location", "qualifier", "source")
_DEFAULTS = {"qualifier": "exact", "unit": "count"}


@dataclass
class DocResult:
    doc: str
    gold_required: int = 0
    system: int = 0
    matched: int = 0
    optional_matched: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    attribute_errors: list[dict[str, Any]] = field(default_factory=list)
    claims_required: int = 0
    claims_found: int = 0
    claims_missed: list[dict[str, Any]] = field(default_factory=list)
    problem: str | None = None


@dataclass
class EvalReport:
    docs: list[DocResult]
    attribute_correct: Counter[str] = field(default_factory=Counter)
    attribute_total: int = 0

    @property
    def matched(self) -> int:
        return sum(d.matched for d in self.docs)

    @property
    def scored_system(self) -> int:
        return sum(d.system - d.optional_matched for d in self.docs)

    @property
    def required(self) -> int:
        return sum(d.gold_required for d in self.docs)

    @property
    def precision(self) -> float:
        return self.matched / self.scored_system if self.scored_system else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attribute_accuracy(self) -> dict[str, float]:
        total = self.attribute_total
        return {a: (self.attribute_correct[a] / total if total else 1.0) for a in ATTRIBUTES}

    @property
    def claims_score(self) -> float:
        req = sum(d.claims_required for d in self.docs)
        return sum(d.claims_found for d in self.docs) / req if req else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "matched": self.matched, "system": self.scored_system, "required": self.required,
            "attributes": {k: round(v, 4) for k, v in self.attribute_accuracy.items()},
            "claims": round(self.claims_score, 4),
            "documents": [dataclasses.asdict(d) for d in self.docs],
        }

    def render(self, show: bool = False) -> str:
        lines = [
            f"documents {len(self.docs)}  gold facts {self.required}  system facts {self.scored_system}  matched {self.matched}",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  claims {self.claims_score:.3f}",
            "attributes  " + "  ".join(f"{k} {v:.3f}" for k, v in self.attribute_accuracy.items()),
        ]
        if show:
            for d in self.docs:
                lines.extend(_render_doc(d))
        return "\n".join(lines)


def _render_doc(d: DocResult) -> list[str]:
    if not (d.misses or d.extras or d.attribute_errors or d.claims_missed or d.problem):
        return []
    out = [f"\n== {d.doc}  matched {d.matched}/{d.gold_required}  system {d.system}"]
    if d.problem:
        out.append(f"  problem: {d.problem}")
    out.extend(f"  MISS  {_short(f)}" for f in d.misses)
    out.extend(f"  EXTRA {_short(f)}" for f in d.extras)
    for e in d.attribute_errors:
        out.append(f"  ATTR  {e['indicator']} {e['value']} {e['attribute']}: gold {e['gold']!r} system {e['system']!r}")
    out.extend(f"  CLAIM missed {json.dumps(c)}" for c in d.claims_missed)
    return out


def _short(fact: dict[str, Any]) -> str:
    keys = ("indicator", "value", "unit", "period", "qualifier", "place", "crime", "age", "sex",
            "nationality", "location", "source")
    text = " ".join(f"{k}={fact[k]}" for k in keys if fact.get(k) is not None)
    sentence = fact.get("sentence")
    return text + (f"\n        «{sentence[:160]}»" if sentence else "")


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc.strerror or exc}") from exc
    gold = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{n}: not JSON: {exc}") from exc
        if not isinstance(rec, dict) or "doc" not in rec:
            raise EvalError(f"{path}:{n}: a gold line needs a 'doc'")
        gold.append(rec)
    return gold


def _value(fact: dict[str, Any], name: str) -> Any:
    val = fact.get(name)
    return _DEFAULTS.get(name) if val is None else val


def _key_match(sys: dict[str, Any], gold: dict[str, Any]) -> bool:
    if sys.get("indicator") != gold.get("indicator") or _value(sys, "unit") != _value(gold, "unit"):
        return False
    try:
        if abs(float(sys["value"]) - float(gold["value"])) > 1e-6 * max(1.0, abs(float(gold["value"]))):
            return False
    except (KeyError, TypeError, ValueError):
        return False
    return gold.get("period") == "*" or sys.get("period") == gold.get("period")


def _agreement(sys: dict[str, Any], gold: dict[str, Any]) -> int:
    return sum(_value(sys, a) == _value(gold, a) for a in ATTRIBUTES)


def match_facts(system: list[dict[str, Any]], gold: list[dict[str, Any]]
                ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(pairs of (system index, gold index), unmatched system, unmatched gold), required gold first."""
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    used: set[int] = set()
    pairs = []
    for gi in order:
        cands = [si for si in range(len(system)) if si not in used and _key_match(system[si], gold[gi])]
        if not cands:
            continue
        best = max(cands, key=lambda si: (_agreement(system[si], gold[gi]), -si))
        used.add(best)
        pairs.append((best, gi))
    matched_gold = {gi for _, gi in pairs}
    return pairs, [i for i in range(len(system)) if i not in used], [i for i in range(len(gold)) if i not in matched_gold]


def _claim_match(sys: dict[str, Any], gold: dict[str, Any]) -> bool:
    if sys.get("kind") != gold.get("kind") or sys.get("verdict") != gold.get("verdict"):
        return False
    if gold.get("kind") == "sum":
        return _num(sys.get("total")) == _num(gold.get("total")) and \
            Counter(map(_num, sys.get("parts") or [])) == Counter(map(_num, gold.get("parts") or []))
    if gold.get("values"):
        return [_num(v) for v in sys.get("values") or []] == [_num(v) for v in gold["values"]]
    if sys.get("indicator") != gold.get("indicator"):
        return False
    return not gold.get("period") or not sys.get("period") or sys.get("period") == gold.get("period")


def _num(value: Any) -> float | None:
    try:
        return round(float(value), 6)
    except (TypeError, ValueError):
        return None


def score_document(doc: str, gold: dict[str, Any], facts: Iterable[Fact], claims: Iterable[Claim],
                   report: EvalReport) -> DocResult:
    system = [f.to_record() | {"surface": f.surface} for f in facts if not f.derived]
    golds = list(gold.get("facts", []))
    result = DocResult(doc, gold_required=sum(not g.get("optional") for g in golds), system=len(system))
    pairs, extra, missed = match_facts(system, golds)
    for si, gi in pairs:
        if golds[gi].get("optional"):
            result.optional_matched += 1
            continue
        result.matched += 1
        report.attribute_total += 1
        for attr in ATTRIBUTES:
            if _value(system[si], attr) == _value(golds[gi], attr):
                report.attribute_correct[attr] += 1
            else:
                result.attribute_errors.append({"indicator": golds[gi]["indicator"], "value": golds[gi]["value"],
                                                "attribute": attr, "gold": golds[gi].get(attr),
                                                "system": system[si].get(attr), "sentence": system[si].get("sentence")})
    result.misses = [golds[gi] for gi in missed if not golds[gi].get("optional")]
    result.extras = [system[si] for si in extra]
    sys_claims = [c.to_record() for c in claims]
    for gc in gold.get("claims", []):
        if gc.get("optional"):
            continue
        result.claims_required += 1
        if any(_claim_match(sc, gc) for sc in sys_claims):
            result.claims_found += 1
        else:
            result.claims_missed.append(gc)
    return result


def _extractions(inputs: list[str], settings: Settings, gold: dict[str, dict[str, Any]]
                 ) -> Iterator[tuple[str, Any]]:
    pipeline = Pipeline.from_settings(settings)
    for item in read_inputs(inputs, settings):
        if isinstance(item, InputProblem):
            yield item.origin, item
            continue
        if item.doc not in gold:
            continue  # inputs that are not in the gold file are ignored
        raw = dataclasses.replace(item, published=gold[item.doc].get("published"))
        yield item.doc, pipeline.run(raw)


def evaluate(gold_path: str | Path, inputs: list[str], settings: Settings) -> EvalReport:
    """Run the pipeline over ``inputs`` and score it against ``gold_path``."""
    gold = {g["doc"]: g for g in read_gold(gold_path)}
    report = EvalReport(docs=[])
    seen: set[str] = set()
    problems: list[str] = []
    for doc, extraction in _extractions(inputs, settings, gold):
        if isinstance(extraction, InputProblem):
            problems.append(extraction.message())
            continue
        if doc in seen:
            continue
        seen.add(doc)
        report.docs.append(score_document(doc, gold[doc], extraction.facts, extraction.claims, report))
    for doc, g in gold.items():
        if doc not in seen:  # not among the inputs: every gold fact is a miss
            report.docs.append(score_document(doc, g, [], [], report))
            report.docs[-1].problem = "not found among the inputs"
    if problems and report.docs:
        report.docs[0].problem = (report.docs[0].problem or "") + " ; ".join(problems)
    report.docs.sort(key=lambda d: d.doc)
    return report
