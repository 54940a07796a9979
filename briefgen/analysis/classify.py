"""Sort sentences into memo sections by weighted cue terms kept in a data file.

The cue file (``briefgen/data/sections.yaml``, or ``--sections FILE``) maps each section to
``{term: weight}``. A sentence scores, per section, the sum of the weights of the cue terms it
contains (each occurrence counts). Rules, in order:

1. the section with the highest score wins;
2. a tie goes to the section whose strongest matched cue weighs more;
3. a remaining tie goes to the section listed first in the cue file;
4. a sentence with no cue, or whose winner is ``other``, lands in ``other`` and is left out.

A user file with ``extend: true`` at the top adds to (and re-weights) the bundled cues instead of
replacing them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen.analysis.corpus import OTHER
from briefgen.errors import InputError
from briefgen.sections import LABELS

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BUNDLED = DATA_DIR / "sections.yaml"
EXTEND_KEY = "extend"


@dataclass(frozen=True)
class Verdict:
    section: str
    scores: dict[str, float]
    terms: dict[str, list[str]]  # matched cue terms per section

    def explain(self) -> str:
        """One line: the winner, its cues, the runners-up, and the rule that decided."""
        if not self.scores:
            return f"{OTHER}: no cue term matched"
        ranked = sorted(self.scores.items(), key=lambda kv: -kv[1])
        cues = ", ".join(self.terms.get(self.section, [])) or "-"
        others = "; ".join(f"{s} {v:g}" for s, v in ranked if s != self.section) or "none"
        rule = "highest score"
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            rule = "tie broken by strongest cue, then cue-file order"
        return (
            f"{self.section} {self.scores.get(self.section, 0):g} (cues: {cues}); "
            f"other sections: {others}; rule: {rule}"
        )


@dataclass(frozen=True)
class CueSet:
    """Compiled cue terms: one regex per section plus the weight of each term."""

    patterns: dict[str, re.Pattern[str]]
    weights: dict[str, dict[str, float]]

    @property
    def sections(self) -> list[str]:
        return list(self.patterns)

    def classify(self, sentence: str) -> Verdict:
        lowered = sentence.lower()
        scores: dict[str, float] = {}
        terms: dict[str, list[str]] = {}
        strongest: dict[str, float] = {}
        for section, pattern in self.patterns.items():
            weights = self.weights[section]
            found = [_term_key(m, weights) for m in pattern.findall(lowered)]
            if found:
                scores[section] = sum(weights[t] for t in found)
                strongest[section] = max(weights[t] for t in found)
                terms[section] = sorted(set(found))
        if not scores:
            return Verdict(OTHER, scores, terms)
        order = self.sections
        best = max(scores, key=lambda s: (scores[s], strongest[s], -order.index(s)))
        return Verdict(best, scores, terms)


def _term_key(match: str, weights: dict[str, float]) -> str:
    if match in weights:
        return match
    for term in weights:  # a wildcard term such as "semiconductor*"
        if term.endswith("*") and match.startswith(term[:-1]):
            return term
    return match


def _compile(terms: dict[str, float]) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        if term.endswith("*"):
            parts.append(re.escape(term[:-1]) + r"[\w-]*")
        else:
            parts.append(re.escape(term))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def parse_cues(
    data: object, origin: Path, base: dict[str, dict[str, float]] | None = None
) -> CueSet:
    """Check and compile a cue mapping; with ``base``, add to it instead of replacing it."""
    if not isinstance(data, dict) or not data:
        raise InputError(origin, "expected a mapping of section name to {term: weight}")
    merged: dict[str, dict[str, float]] = {k: dict(v) for k, v in (base or {}).items()}
    for section, terms in data.items():
        if section == EXTEND_KEY:
            continue
        if section not in LABELS:
            expected = ", ".join(LABELS)
            raise InputError(origin, f"unknown section {section!r} (expected one of: {expected})")
        if not isinstance(terms, dict) or not terms:
            raise InputError(origin, f"section {section!r}: expected a mapping of term to weight")
        clean = merged.setdefault(str(section), {})
        for term, weight in terms.items():
            if isinstance(weight, bool) or not isinstance(weight, (int, float)):
                raise InputError(origin, f"{section}.{term}: weight must be a number")
            key = str(term).strip().lower()
            if not key or key == "*":
                raise InputError(origin, f"{section}: empty cue term")
            clean[key] = float(weight)
    if not merged:
        raise InputError(origin, "no sections defined")
    weights = {s: {t: w for t, w in terms.items() if w} for s, terms in merged.items()}
    weights = {s: terms for s, terms in weights.items() if terms}
    return CueSet({s: _compile(t) for s, t in weights.items()}, weights)


@lru_cache(maxsize=8)
def load_cues(path: Path | None = None) -> CueSet:
    """The bundled cues, or a user's file (replacing them, or extending with ``extend: true``)."""
    origin = path or BUNDLED
    data = _read(origin)
    if path is not None and isinstance(data, dict) and data.get(EXTEND_KEY) is True:
        return parse_cues(data, origin, base=load_cues(None).weights)
    return parse_cues(data, origin)


def _read(origin: Path) -> object:
    if origin == BUNDLED:  # every run reads it: from the parsed copy when unchanged
        from briefgen.bundled import read_bundled

        return read_bundled(origin, _parse)
    return _parse(origin)


def _parse(origin: Path) -> object:
    from briefgen.yamlio import read_yaml_file

    return read_yaml_file(origin, "cue file")
