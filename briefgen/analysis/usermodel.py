"""The user's section model: what ``briefgen learn`` took from briefs an analyst corrected.

Every bullet the analyst left in (or moved to) a body section is an example of that section; a
bullet the draft had and the analyst deleted is an example of ``other``. Examples are kept in the
model file (the latest label of a sentence wins), and weights are refitted from all of them each
time: per feature one weight per label, added to the bundled model's (``Classifier``). The fit
is a few passes of stochastic gradient descent on the softmax loss of bundled + user weights,
with L2 pulling the user weights towards zero, so a handful of corrections moves sentences like
them without overturning what the bundled model learned from real coverage. Pure Python.

File (JSON): ``{"format": USER_FORMAT, "examples": [{"words": [...], "section": ...,
"brief": ...}], "model": <a section model, see learned.py>}``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefgen.analysis.corpus import STOP_WORDS
from briefgen.analysis.learned import (
    FORMAT,
    LinearModel,
    features,
    model_from_dict,
    read_model_file,
    softmax,
)
from briefgen.errors import InputError
from briefgen.sections import LABELS

USER_FORMAT = "briefgen-user-model/1"
EPOCHS = 15
LEARNING_RATE = 0.3
L2 = 0.01
SAME_BULLET = 0.6  # word-set overlap (Jaccard) at which an edited bullet is still the drafted one


def default_model_path() -> Path:
    """``$XDG_DATA_HOME/briefgen/model.json`` (``~/.local/share/...`` when unset)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "briefgen" / "model.json"


@dataclass
class Example:
    words: frozenset[str]
    section: str
    brief: str  # the brief file it came from (for --show)


def load_user_model(path: Path | None) -> LinearModel | None:
    """The weights of a user model file, or None without one; a bad file is an InputError."""
    if path is None:
        return None
    data = _check(read_model_file(path), path)
    return model_from_dict(data["model"], path)


def load_examples(path: Path) -> list[Example]:
    """The examples stored in ``path`` (none when the file does not exist yet)."""
    if not path.exists():
        return []
    data = _check(read_model_file(path), path)
    model_from_dict(data["model"], path)  # a file with broken weights is refused here too
    out = []
    for n, raw in enumerate(data["examples"]):
        words, section = raw.get("words"), raw.get("section")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise InputError(path, f"examples[{n}].words: expected a list of words")
        if section not in LABELS:
            expected = ", ".join(LABELS)
            raise InputError(
                path, f"examples[{n}]: unknown section {section!r} (expected one of: {expected})"
            )
        out.append(Example(frozenset(words), section, str(raw.get("brief", ""))))
    return out


def _check(data: dict, path: Path) -> dict:
    if data.get("format") != USER_FORMAT:
        raise InputError(path, f"not a user model (expected format {USER_FORMAT!r})")
    if not isinstance(data.get("examples"), list):
        raise InputError(path, "examples: expected a list")
    if not isinstance(data.get("model"), dict):
        raise InputError(path, "model: expected a section model")
    return data


def merge_examples(old: list[Example], new: list[Example]) -> list[Example]:
    """One example per sentence (word set): a later correction replaces an earlier one."""
    by_words = {e.words: e for e in old}
    for example in new:
        by_words.pop(example.words, None)
        by_words[example.words] = example
    return list(by_words.values())


def fit_user_weights(examples: list[Example], classifier) -> LinearModel:
    """User weights that, added to ``classifier``'s model, fit the analyst's examples."""
    base = classifier.model
    labels = base.labels
    rows: dict[str, list[float]] = {}
    data = []
    for example in examples:
        cue_scores, _ = classifier.cues.score_words(example.words)
        data.append((features(example.words, cue_scores), labels.index(example.section)))
    for _ in range(EPOCHS):
        for feats, gold in data:
            totals = base.scores(feats)
            for name, value in feats.items():
                row = rows.get(name)
                if row is not None:
                    totals = [t + w * value for t, w in zip(totals, row, strict=True)]
            probs = softmax(totals)
            for name, value in feats.items():
                row = rows.setdefault(name, [0.0] * len(labels))
                for i, p in enumerate(probs):
                    grad = (p - (1.0 if i == gold else 0.0)) * value + L2 * row[i]
                    row[i] -= LEARNING_RATE * grad
    weights = {
        name: tuple(round(w, 4) for w in row)
        for name, row in rows.items()
        if max(abs(w) for w in row) >= 1e-3
    }
    return LinearModel(labels, tuple(0.0 for _ in labels), weights)


def save_user_model(path: Path, examples: list[Example], model: LinearModel) -> Path:
    from briefgen.output import write_text

    data = {
        "format": USER_FORMAT,
        "examples": [
            {"words": sorted(e.words), "section": e.section, "brief": e.brief} for e in examples
        ],
        "model": {
            "format": FORMAT,
            "labels": list(model.labels),
            "bias": list(model.bias),
            "weights": {k: list(v) for k, v in sorted(model.weights.items())},
        },
    }
    return write_text(path, json.dumps(data, indent=1) + "\n")


def describe(path: Path, top: int = 8) -> list[str]:
    """What the user model has learned, in lines for ``briefgen learn --show``."""
    examples = load_examples(path)
    if not examples:
        return [f"{path}: no corrections learned yet"]
    model = load_user_model(path)
    assert model is not None
    counts = Counter(e.section for e in examples)
    briefs = len({e.brief for e in examples})
    lines = [
        f"{path}: {len(examples)} examples from {briefs} brief(s): "
        + ", ".join(f"{counts[s]} {s}" for s in model.labels if counts[s])
    ]
    for i, label in enumerate(model.labels):
        pushed = sorted(
            ((w[i], n) for n, w in model.weights.items() if w[i] > 0 and n not in STOP_WORDS),
            reverse=True,
        )[:top]
        if pushed:
            words = ", ".join(f"{name} +{w:.2f}" for w, name in pushed)
            lines.append(f"  towards {label}: {words}")
    return lines


def examples_from_brief(path: Path, options, warn) -> list[Example]:
    """What an edited brief teaches: each body bullet is an example of its section; a bullet
    the draft of the same sources would hold and the analyst deleted is an example of other.

    Deletions are seen only when the brief's sources can still be read (paths as written in
    its source list, from the current folder or the brief's); otherwise a warning says so.
    """
    from briefgen.analysis.learned import words_of
    from briefgen.model import load_brief
    from briefgen.sections import BODY_SECTIONS, OTHER

    brief = load_brief(path)
    examples: list[Example] = []
    kept: list[frozenset[str]] = []
    for key, items in brief.sections.items():
        for item in items:
            words = words_of(item.text)
            kept.append(words)
            if key in BODY_SECTIONS and not item.text.startswith("Watch:") and words:
                examples.append(Example(words, key, path.name))
    sources = [_find(Path(s.path), path) for s in brief.sources if s.path]
    if not sources or not all(p is not None for p in sources):
        warn(f"{path}: its sources cannot be read here: deleted bullets not learned")
        return examples
    from briefgen.analysis.pipeline import build_brief
    from briefgen.sources.base import read_sources

    draft = build_brief(read_sources([p for p in sources if p is not None], warn), options)
    for key in BODY_SECTIONS:
        for item in draft.sections[key]:
            words = words_of(item.text)
            if item.text.startswith("Watch:") or any(_same(words, k) for k in kept):
                continue
            examples.append(Example(words, OTHER, path.name))
    return examples


def _find(source: Path, brief: Path) -> Path | None:
    for candidate in (source, brief.parent / source):
        if candidate.exists():
            return candidate
    return None


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same bullet, lightly edited: most words shared."""
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_BULLET


def learn_briefs(briefs: list[Path], path: Path, options, warn) -> list[str]:
    """Fold the corrections in ``briefs`` into the user model at ``path``; say what changed."""
    from briefgen.analysis.classify import load_classifier

    old = load_examples(path)
    new = [e for brief in briefs for e in examples_from_brief(brief, options, warn)]
    examples = merge_examples(old, new)
    classifier = load_classifier(options.cues)
    model = fit_user_weights(examples, classifier)
    save_user_model(path, examples, model)
    counts = Counter(e.section for e in new)
    said = ", ".join(f"{counts[s]} {s}" for s in LABELS if counts[s]) or "nothing"
    return [f"learned from {len(briefs)} brief(s): {said}; {len(examples)} examples in {path}"]
