"""The learned section model: a linear model over a sentence's set of words, read without numpy.

Trained by ``bench/train.py`` (multinomial logistic regression, scikit-learn, on the labelled
real coverage in ``../shared/corpus``) and shipped as ``briefgen/data/section_model.json``:
a bias per label and, per feature, one weight per label. A sentence's features are

- its lower-case words as a set (the corpus gives sentences only as word sets, so word order,
  counts and bigrams are not features), each folded: possessive ``'s`` and plural ``-s`` off;
- ``#num``: some word carries a digit;
- ``cue:<section>``: the sentence's score under the cue file (the house vocabulary), capped.

The score of a label is the dot product of its weights with the features (pure Python); the
label with the highest score wins and its softmax probability is the confidence. A user model
(``briefgen learn``) adds its own weights on top of the bundled ones (see ``usermodel.py``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

from briefgen.analysis.corpus import WORD, fold_plural
from briefgen.errors import InputError
from briefgen.sections import LABELS

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BUNDLED_MODEL = DATA_DIR / "section_model.json"
FORMAT = "briefgen-section-model/1"
CUE_CAP = 10.0  # a cue score above this says no more (long lists do not win by length)
CUE_SCALE = 2.5  # cue features are score / CUE_SCALE: one strong cue is about 1.2 (chosen with C)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def words_of(text: str) -> frozenset[str]:
    """A sentence as the corpus gives it: the set of its lower-case words."""
    return frozenset(WORD.findall(text.lower().translate(_APOSTROPHES)))


@lru_cache(maxsize=65536)  # a draft meets the same words again and again
def _word_feature(word: str) -> tuple[str, bool]:
    return fold(word), any(c.isdigit() for c in word)


def fold(word: str) -> str:
    """One feature for the forms of a word: "ukraine's" -> "ukraine", "tariffs" -> "tariff"."""
    return fold_plural(word.removesuffix("'s"))


def features(words: Iterable[str], cue_scores: dict[str, float]) -> dict[str, float]:
    """The feature vector training and inference share (a sparse dict, all values >= 0)."""
    out: dict[str, float] = {}
    number = False
    for word in words:
        folded, digit = _word_feature(word)
        out[folded] = 1.0
        number = number or digit
    if number:
        out["#num"] = 1.0
    for section, score in cue_scores.items():
        if score > 0:
            out[f"cue:{section}"] = min(score, CUE_CAP) / CUE_SCALE
    return out


@dataclass(frozen=True)
class LinearModel:
    """Weights per feature, one per label (in ``labels`` order), plus a bias per label."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, feats: dict[str, float]) -> list[float]:
        rows = [self.bias]
        for name, value in feats.items():
            row = self.weights.get(name)
            if row is not None:
                rows.append(row if value == 1.0 else tuple(w * value for w in row))
        return [sum(column) for column in zip(*rows, strict=True)]

    def cue_trust(self) -> float:
        """Mean weight of a section's own cue feature for that section (for unseen sections)."""
        own = [
            self.weights[f"cue:{k}"][i]
            for i, k in enumerate(self.labels)
            if f"cue:{k}" in self.weights
        ]
        return sum(own) / len(own) if own else 1.0

    def contributions(self, feats: dict[str, float], label: str) -> list[tuple[str, float]]:
        """The features that pushed most towards ``label``, strongest first (for --explain)."""
        i = self.labels.index(label)
        found = [(n, self.weights[n][i] * v) for n, v in feats.items() if n in self.weights]
        return sorted((p for p in found if p[1] > 0), key=lambda p: -p[1])


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def model_from_dict(data: object, origin: Path) -> LinearModel:
    """Check a weights mapping (bundled or a user's) and build the model; errors name the file."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(origin, f"not a section model (expected format {FORMAT!r})")
    labels = data.get("labels")
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        raise InputError(origin, "labels: expected a list of section names")
    unknown = [x for x in labels if x not in LABELS]
    if unknown:
        expected = ", ".join(LABELS)
        raise InputError(origin, f"unknown section {unknown[0]!r} (expected one of: {expected})")
    width = len(labels)
    bias = _row(data.get("bias"), width, origin, "bias")
    raw = data.get("weights")
    if not isinstance(raw, dict):
        raise InputError(origin, "weights: expected a mapping of feature to weights")
    weights = {str(k): _row(v, width, origin, f"weights.{k}") for k, v in raw.items()}
    return LinearModel(tuple(labels), bias, weights)


def _row(value: object, width: int, origin: Path, where: str) -> tuple[float, ...]:
    if (
        not isinstance(value, list)
        or len(value) != width
        or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in value)
        or not all(math.isfinite(x) for x in value)
    ):
        raise InputError(origin, f"{where}: expected {width} finite numbers")
    return tuple(float(x) for x in value)


def read_model_file(path: Path) -> dict:
    """A JSON model file as a dict; unreadable or malformed files are one-line input errors."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such model file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read model file ({exc.__class__.__name__})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise InputError(path, "not a section model (expected a JSON object)")
    return data


@lru_cache(maxsize=1)
def bundled_model() -> LinearModel:
    # Every run needs it: read from the checked copy kept beside it while the file is unchanged
    # (parsing and checking the JSON cost ~10 ms a run; the marshal copy ~1 ms).
    from briefgen.bundled import read_bundled

    labels, bias, weights = cast(tuple, read_bundled(BUNDLED_MODEL, _checked_parts))
    return LinearModel(tuple(labels), tuple(bias), weights)


def _checked_parts(path: Path) -> tuple:
    model = model_from_dict(read_model_file(path), path)
    return model.labels, model.bias, model.weights


__all__ = [
    "BUNDLED_MODEL",
    "FORMAT",
    "LinearModel",
    "bundled_model",
    "features",
    "fold",
    "model_from_dict",
    "read_model_file",
    "softmax",
    "words_of",
]
