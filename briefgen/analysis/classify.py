"""Sort sentences into memo sections: a learned model over words, steered by the cue file.

``Classifier`` is what the pipeline uses: the learned linear model (``learned.py``, trained on
real labelled coverage) reads a sentence's set of words plus its cue scores, so the house
vocabulary in the cue file still steers (see README, "How sentences find their section"), and a
user model from ``briefgen learn`` adds its weights on top.

The cue file (``briefgen/data/sections.yaml``, or ``--sections FILE``) maps each section to
``{term: weight}``. For the model, a section's cue score is the sum of the weights of the terms
whose words all occur in the sentence (``score_words``: sets, as the model was trained on). A
sentence the model files under ``other`` is left out of the memo.

A user file with ``extend: true`` at the top adds to (and re-weights) the bundled cues instead of
replacing them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefgen.analysis.learned import (
    CUE_CAP,
    CUE_SCALE,
    LinearModel,
    bundled_model,
    features,
    softmax,
    words_of,
)
from briefgen.errors import InputError
from briefgen.sections import LABELS

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BUNDLED = DATA_DIR / "sections.yaml"
EXTEND_KEY = "extend"
CACHE_WORDS = 200_000  # distinct words remembered by a cue index (a few MB at most)


@dataclass(frozen=True)
class Verdict:
    section: str
    scores: dict[str, float]  # cue score per section
    terms: dict[str, list[str]]  # matched cue terms per section
    probabilities: dict[str, float] = field(default_factory=dict)  # the model's, per label
    evidence: tuple[str, ...] = ()  # the features that pushed most towards the winner

    @property
    def confidence(self) -> float:
        return self.probabilities.get(self.section, 0.0)

    def explain(self) -> str:
        """One line: the winner, its evidence and the runners-up."""
        ranked = sorted(self.probabilities.items(), key=lambda kv: -kv[1])
        others = "; ".join(f"{s} {p:.2f}" for s, p in ranked[1:3])
        cues = ", ".join(self.terms.get(self.section, [])) or "-"
        return (
            f"{self.section} {self.confidence:.2f} (model; words: "
            f"{', '.join(self.evidence) or '-'}; cues: {cues}); next: {others}"
        )


@dataclass(frozen=True)
class CueSet:
    """Cue terms: the weight of each term per section, indexed by word for the model."""

    weights: dict[str, dict[str, float]]
    index: _WordIndex = field(default_factory=lambda: _WordIndex({}))

    @property
    def sections(self) -> list[str]:
        return list(self.weights)

    def score_words(self, words: frozenset[str]) -> tuple[dict[str, float], dict[str, list[str]]]:
        """Per section, the summed weight of the terms whose words are all in ``words``."""
        return self.index.score(words)


def parse_cues(
    data: object, origin: Path, base: dict[str, dict[str, float]] | None = None
) -> CueSet:
    """Check and index a cue mapping; with ``base``, add to it instead of replacing it."""
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
    return CueSet(weights, _WordIndex(weights))


class _WordIndex:
    """Cue terms keyed by a word of theirs, so scoring a word set costs a few dict lookups.

    A term matches when each of its words is in the set; ``chip*`` matches any word starting
    ``chip``. Phrases need their words, not their order: the model is trained on word sets.
    """

    def __init__(self, weights: dict[str, dict[str, float]]) -> None:
        self.exact: dict[str, list[tuple[str, str, float, tuple[str, ...]]]] = {}
        self.prefix: dict[str, list[tuple[str, str, float, tuple[str, ...]]]] = {}
        for section, terms in weights.items():
            for term, weight in terms.items():
                parts = tuple(term.split())
                entry = (section, term, weight, parts[1:])
                first = parts[0]
                if first.endswith("*"):
                    self.prefix.setdefault(first[:-1], []).append(entry)
                else:
                    self.exact.setdefault(first, []).append(entry)
        self.lengths = sorted({len(p) for p in self.prefix})
        # word -> its terms: a draft meets the same words again and again
        self.cache: dict[str, list[tuple[str, str, float, tuple[str, ...]]]] = {}

    def _hits(self, word: str) -> list[tuple[str, str, float, tuple[str, ...]]]:
        hits = list(self.exact.get(word, ()))
        for n in self.lengths:
            if n <= len(word):
                hits += self.prefix.get(word[:n], ())
        if len(self.cache) >= CACHE_WORDS:
            self.cache.clear()
        self.cache[word] = hits
        return hits

    def score(self, words: frozenset[str]) -> tuple[dict[str, float], dict[str, list[str]]]:
        scores: dict[str, float] = {}
        terms: dict[str, list[str]] = {}
        seen: set[str] = set()
        for word in words:
            hits = self.cache.get(word)
            if hits is None:
                hits = self._hits(word)
            for section, term, weight, rest in hits:
                if term in seen or not all(_has(words, part) for part in rest):
                    continue
                seen.add(term)
                scores[section] = scores.get(section, 0.0) + weight
                terms.setdefault(section, []).append(term)
        return scores, {k: sorted(v) for k, v in terms.items()}


def _has(words: frozenset[str], part: str) -> bool:
    if part.endswith("*"):
        return any(w.startswith(part[:-1]) for w in words)
    return part in words


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


@dataclass(frozen=True)
class Classifier:
    """The learned model (plus a user's additions) reading words and cue scores."""

    cues: CueSet
    model: LinearModel
    user: LinearModel | None = None  # ``briefgen learn``: weights added to the model's

    def classify(self, text: str, explain: bool = False) -> Verdict:
        return self.classify_words(words_of(text), explain)

    def classify_words(self, words: frozenset[str], explain: bool = False) -> Verdict:
        cue_scores, terms = self.cues.score_words(words)
        feats = features(words, cue_scores)
        totals = self.model.scores(feats)
        if self.user is not None:
            extra = self.user.scores(feats)
            by_label = dict(zip(self.user.labels, extra, strict=True))
            known = self.model.labels
            totals = [t + by_label.get(k, 0.0) for t, k in zip(totals, known, strict=True)]
        labels = list(self.model.labels)
        for section, score in cue_scores.items():  # a section the model was not trained on
            if section not in labels:  # is scored by its cues, trusted as the model trusts cues
                labels.append(section)
                totals.append(self.model.cue_trust() * min(score, CUE_CAP) / CUE_SCALE)
        probabilities = dict(zip(labels, softmax(totals), strict=True))
        best = max(labels, key=probabilities.__getitem__)
        evidence: tuple[str, ...] = ()
        if explain and best in self.model.labels:  # only --explain says which words decided
            evidence = tuple(name for name, _ in self.model.contributions(feats, best)[:4])
        return Verdict(best, cue_scores, terms, probabilities, evidence)


def load_classifier(
    cues: Path | None = None, user_model: Path | None = None, base: Path | None = None
) -> Classifier:
    """The bundled model (or ``base``) steered by the cue file, plus the user's model if any."""
    from briefgen.analysis.learned import model_from_dict, read_model_file
    from briefgen.analysis.usermodel import load_user_model

    model = bundled_model() if base is None else model_from_dict(read_model_file(base), base)
    return Classifier(load_cues(cues), model, load_user_model(user_model))
