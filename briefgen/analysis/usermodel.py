"""The user's section model: what ``briefgen learn`` took from briefs an analyst corrected.

It learns from what the analyst changed. The brief's sources are drafted again and each body
bullet is compared with the draft: a bullet now in another section than the draft gave it was
*moved* (an example of its new section), a bullet the draft did not have was *added*, a draft
bullet that is gone was *deleted* (an example of ``other``), and a bullet left where the draft
put it is only *confirmed*. Confirmed bullets teach the model its own choice back, so they
weigh CONFIRMED_WEIGHT of a change in the fit (bench/learning.py measured the choice). When
the sources cannot be read, a bullet counts as moved when the classifier would file it in
another section, and deletions are not seen.

Examples are kept in the model file (the latest change to a sentence wins), and weights are
refitted from all of them each time: per feature one weight per label, added to the bundled
model's (``Classifier``). The fit is a few passes of stochastic gradient descent on the
weighted softmax loss of bundled + user weights, with L2 pulling the user weights towards zero,
so a handful of corrections moves sentences like them without overturning what the bundled
model learned from real coverage. Pure Python.

File (JSON): ``{"format": USER_FORMAT, "examples": [{"words": [...], "section": ...,
"change": "moved"|"added"|"deleted"|"confirmed", "brief": ...}], "model": <a section model,
see learned.py>}``. An example without "change" (older files) counts as confirmed.
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
CONFIRMED_WEIGHT = 0.25  # bench/learning.py: 0 loses the anchor (conflicts 0.60 -> 0.22 accuracy)
CHANGES = ("moved", "added", "deleted", "confirmed")
WEIGHTS = {"moved": 1.0, "added": 1.0, "deleted": 1.0, "confirmed": CONFIRMED_WEIGHT}


def default_model_path() -> Path:
    """``$XDG_DATA_HOME/briefgen/model.json`` (``~/.local/share/...`` when unset)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "briefgen" / "model.json"


@dataclass
class Example:
    words: frozenset[str]
    section: str
    brief: str  # the brief file it came from (for --show)
    change: str = "confirmed"  # one of CHANGES: what the analyst did to the drafted bullet


def load_user_model(path: Path | None) -> LinearModel | None:
    """The weights of a user model file, or None without one; a bad file is an InputError."""
    if path is None:
        return None
    data = _check(read_model_file(path), path)
    return model_from_dict(data["model"], path)


def read_user_model(path: Path) -> tuple[list[Example], LinearModel | None]:
    """The examples and weights in ``path``, read once (none when the file does not exist yet)."""
    if not path.exists():
        return [], None
    data = _check(read_model_file(path), path)
    model = model_from_dict(data["model"], path)  # a file with broken weights is refused
    out = []
    for n, raw in enumerate(data["examples"]):
        if not isinstance(raw, dict):
            raise InputError(path, f"examples[{n}]: expected a mapping")
        words, section = raw.get("words"), raw.get("section")
        change = raw.get("change", "confirmed")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise InputError(path, f"examples[{n}].words: expected a list of words")
        if section not in LABELS:
            expected = ", ".join(LABELS)
            raise InputError(
                path, f"examples[{n}]: unknown section {section!r} (expected one of: {expected})"
            )
        if change not in CHANGES:
            raise InputError(
                path, f"examples[{n}].change: {change!r} (expected one of: {', '.join(CHANGES)})"
            )
        out.append(Example(frozenset(words), section, str(raw.get("brief", "")), change))
    return out, model


def _check(data: dict, path: Path) -> dict:
    if data.get("format") != USER_FORMAT:
        raise InputError(path, f"not a user model (expected format {USER_FORMAT!r})")
    if not isinstance(data.get("examples"), list):
        raise InputError(path, "examples: expected a list")
    if not isinstance(data.get("model"), dict):
        raise InputError(path, "model: expected a section model")
    return data


def merge_examples(old: list[Example], new: list[Example]) -> list[Example]:
    """One example per sentence (word set): a later correction replaces an earlier one.

    A bullet found where an earlier correction put it is no new correction: learning the same
    brief again drafts with the model that learned the move, so the bullet now looks left in
    place, and it keeps what the analyst did (else a second ``learn`` weakened the move).
    """
    by_words = {e.words: e for e in old}
    for example in new:
        earlier = by_words.pop(example.words, None)
        confirmed = example.change == "confirmed"
        if earlier is not None and confirmed and earlier.section == example.section:
            example = earlier
        by_words[example.words] = example
    return list(by_words.values())


def fit_user_weights(
    examples: list[Example], classifier, weights: dict[str, float] | None = None
) -> LinearModel:
    """User weights that, added to ``classifier``'s model, fit the analyst's examples, each
    weighed by what the analyst did to it (``weights``, by default WEIGHTS)."""
    weights = WEIGHTS if weights is None else weights
    base = classifier.model
    labels = base.labels
    rows: dict[str, list[float]] = {}
    data = []
    for example in examples:
        weight = weights[example.change]
        if weight > 0:
            cue_scores, _ = classifier.cues.score_words(example.words)
            feats = features(example.words, cue_scores)
            data.append((feats, labels.index(example.section), weight))
    for _ in range(EPOCHS if data else 0):
        for feats, gold, weight in data:
            totals = base.scores(feats)
            for name, value in feats.items():
                row = rows.get(name)
                if row is not None:
                    totals = [t + w * value for t, w in zip(totals, row, strict=True)]
            probs = softmax(totals)
            for name, value in feats.items():
                row = rows.setdefault(name, [0.0] * len(labels))
                for i, p in enumerate(probs):
                    grad = weight * (p - (1.0 if i == gold else 0.0)) * value + L2 * row[i]
                    row[i] -= LEARNING_RATE * grad
    kept = {
        name: tuple(round(w, 4) for w in row)
        for name, row in rows.items()
        if max(abs(w) for w in row) >= 1e-3
    }
    return LinearModel(labels, tuple(0.0 for _ in labels), kept)


def save_user_model(path: Path, examples: list[Example], model: LinearModel) -> Path:
    from briefgen.output import write_text

    data = {
        "format": USER_FORMAT,
        "examples": [
            {"words": sorted(e.words), "section": e.section, "change": e.change, "brief": e.brief}
            for e in examples
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
    examples, model = read_user_model(path)
    if not examples or model is None:
        return [f"{path}: no corrections learned yet"]
    briefs = len({e.brief for e in examples})
    lines = [f"{path}: {len(examples)} bullets from {briefs} brief(s)"]
    for change in CHANGES:
        told = Counter(e.section for e in examples if e.change == change)
        if told:
            into = ", ".join(f"{told[s]} {s}" for s in model.labels if told[s])
            weight = WEIGHTS[change]
            said = "not learned" if weight == 0 else f"weight {weight:g}"
            lines.append(f"  {change} ({said}): {into}")
    if not model.weights:
        lines.append("  no weights: nothing was moved, added or deleted")
    for i, label in enumerate(model.labels):
        pushed = sorted(
            ((w[i], n) for n, w in model.weights.items() if w[i] > 0 and n not in STOP_WORDS),
            reverse=True,
        )[:top]
        if pushed:
            words = ", ".join(f"{_feature(name)} +{w:.2f}" for w, name in pushed)
            lines.append(f"  towards {label}: {words}")
    return lines


def _feature(name: str) -> str:
    """A weight's name as --show prints it: "cue:outlook" is the outlook cue terms."""
    return f"[{name[4:]} cue terms]" if name.startswith("cue:") else name


def examples_from_brief(path: Path, options, warn) -> list[Example]:
    """What an edited brief teaches: each body bullet with what the analyst did to it (moved,
    added or confirmed, against a fresh draft of the same sources) and each draft bullet the
    analyst deleted, as ``other``.

    The draft is made only when the brief's sources can still be read (paths as written in its
    source list, from the current folder or the brief's); otherwise a warning says so, a bullet
    counts as moved when the classifier would file it elsewhere, and deletions are not seen.
    """
    from briefgen.analysis.learned import words_of
    from briefgen.model import load_brief
    from briefgen.sections import BODY_SECTIONS, OTHER

    brief = load_brief(path)
    sources = [_find(Path(s.path), path) for s in brief.sources if s.path]
    readable = [p for p in sources if p is not None]
    drafted: list[tuple[frozenset[str], str]] = []  # body bullets of the draft, with section
    if sources and len(readable) == len(sources):
        from briefgen.analysis.pipeline import build_brief
        from briefgen.sources.base import read_sources

        draft = build_brief(read_sources(readable, warn), options)
        drafted = [
            (words_of(item.text), key)
            for key in BODY_SECTIONS
            for item in draft.sections[key]
            if not item.text.startswith("Watch:")
        ]
    else:
        warn(f"{path}: its sources cannot be read here: deleted bullets not learned")
    classifier = None
    examples: list[Example] = []
    kept: list[frozenset[str]] = []
    for key, items in brief.sections.items():
        for item in items:
            words = words_of(item.text)
            kept.append(words)
            if key not in BODY_SECTIONS or item.text.startswith("Watch:") or not words:
                continue
            was = next((section for seen, section in drafted if _same(words, seen)), None)
            if was is None and not drafted:  # no draft to compare: the classifier's choice
                if classifier is None:
                    from briefgen.analysis.classify import load_classifier

                    classifier = load_classifier(options.cues, options.model)
                was = classifier.classify_words(words).section
            change = "added" if was is None else "confirmed" if was == key else "moved"
            examples.append(Example(words, key, path.name, change))
    for words, _ in drafted:
        if not any(_same(words, k) for k in kept):
            examples.append(Example(words, OTHER, path.name, "deleted"))
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

    old, _ = read_user_model(path)
    new = [e for brief in briefs for e in examples_from_brief(brief, options, warn)]
    examples = merge_examples(old, new)
    classifier = load_classifier(options.cues)
    model = fit_user_weights(examples, classifier)
    save_user_model(path, examples, model)
    counts = Counter(e.change for e in new)
    said = ", ".join(f"{counts[c]} {c}" for c in CHANGES if counts[c]) or "nothing"
    return [
        f"learned from {len(briefs)} brief(s): {said} bullet(s); {len(examples)} examples in {path}"
    ]
