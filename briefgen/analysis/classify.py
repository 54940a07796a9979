"""Sort sentences into memo sections by weighted cue terms kept in a data file.

Rule: a sentence goes to the section with the highest score; a tie goes to the section listed
first in the cue file (defence, technology, economy by default); a sentence with no cue goes to
"other" and is left out of the memo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen.errors import InputError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
OTHER = "other"


@dataclass(frozen=True)
class CueSet:
    """Compiled cue terms: one regex per section plus the weight of each term."""

    patterns: dict[str, re.Pattern[str]]
    weights: dict[str, dict[str, float]]

    def scores(self, sentence: str) -> dict[str, float]:
        lowered = sentence.lower()
        totals: dict[str, float] = {}
        for section, pattern in self.patterns.items():
            weights = self.weights[section]
            total = sum(weights[_term_key(m, weights)] for m in pattern.findall(lowered))
            if total:
                totals[section] = total
        return totals

    def matched_terms(self, sentence: str, section: str) -> list[str]:
        pattern = self.patterns.get(section)
        return sorted(set(pattern.findall(sentence.lower()))) if pattern else []

    def classify(self, sentence: str) -> tuple[str, dict[str, float]]:
        scores = self.scores(sentence)
        if not scores:
            return OTHER, scores
        order = list(self.patterns)
        best = max(scores, key=lambda s: (scores[s], -order.index(s)))
        return best, scores


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


def parse_cues(data: object, origin: Path) -> CueSet:
    if not isinstance(data, dict) or not data:
        raise InputError(origin, "expected a mapping of section name to {term: weight}")
    patterns: dict[str, re.Pattern[str]] = {}
    weights: dict[str, dict[str, float]] = {}
    for section, terms in data.items():
        if not isinstance(terms, dict) or not terms:
            raise InputError(origin, f"section {section!r}: expected a mapping of term to weight")
        clean: dict[str, float] = {}
        for term, weight in terms.items():
            if isinstance(weight, bool) or not isinstance(weight, (int, float)):
                raise InputError(origin, f"{section}.{term}: weight must be a number")
            clean[str(term).lower()] = float(weight)
        patterns[str(section)] = _compile(clean)
        weights[str(section)] = clean
    return CueSet(patterns, weights)


@lru_cache(maxsize=8)
def load_cues(path: Path | None = None) -> CueSet:
    from briefgen.yamlio import parse_yaml

    origin = path or DATA_DIR / "sections.yaml"
    try:
        text = origin.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(origin, f"cannot read cue file ({exc})") from None
    return parse_cues(parse_yaml(text, origin), origin)


@lru_cache(maxsize=1)
def outlook_cues() -> CueSet:
    from briefgen.yamlio import parse_yaml

    origin = DATA_DIR / "outlook.yaml"
    return parse_cues({"outlook": parse_yaml(origin.read_text(encoding="utf-8"), origin)}, origin)
