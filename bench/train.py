"""Train the section model on the labelled real coverage and write briefgen/data/section_model.json.

Multinomial logistic regression (scikit-learn, a development dependency: `pip install -e
'.[train]'`) over the features ``briefgen.analysis.learned.features`` gives a sentence: its folded
words, a number flag and the bundled cue file's per-section scores. L2-regularised, classes
weighted by their inverse frequency (technology and outlook are rare). The same command with the
same corpus writes the same file (lbfgs is deterministic; weights rounded to 4 places).

    python3 bench/train.py [--corpus ../shared/corpus] [--out briefgen/data/section_model.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from quality import CORPUS, load_events  # noqa: E402

from briefgen.analysis.classify import CueSet, load_cues  # noqa: E402
from briefgen.analysis.learned import BUNDLED_MODEL, FORMAT, features  # noqa: E402
from briefgen.analysis.summarise import BUNDLED_RANKER, RANKER_FORMAT  # noqa: E402
from briefgen.sections import LABELS  # noqa: E402

C = 0.1  # inverse L2 strength: of 0.1, 0.3 and 1 the best leave-one-event-out macro-F1
RANKER_C = 0.03  # of 0.003-1, the best leave-one-event-out facts recall (held out, 14 features)
PRUNE = 1e-3  # a feature whose weights are all smaller than this is left out of the file


def examples(sentences: Sequence[dict], cues: CueSet) -> list[dict[str, float]]:
    return [features(s["words"], cues.score_words(frozenset(s["words"]))[0]) for s in sentences]


def fit(sentences: Sequence[dict], cues: CueSet, c: float = C) -> dict:
    """Train on ``sentences`` (corpus dicts) and return the model file's content."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(examples(sentences, cues))
    y = [s["section"] for s in sentences]
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit(x, y)
    order = [list(model.classes_).index(label) for label in LABELS]
    weights = {}
    for j, name in enumerate(vectoriser.get_feature_names_out()):
        row = [round(float(model.coef_[i, j]), 4) for i in order]
        if max(abs(w) for w in row) >= PRUNE:
            weights[str(name)] = row
    return {
        "format": FORMAT,
        "labels": list(LABELS),
        "trained_on": f"{len(sentences)} labelled sentences",
        "c": c,
        "bias": [round(float(model.intercept_[i]), 4) for i in order],
        "weights": dict(sorted(weights.items())),
    }


def ranker_rows(events: list[dict], fold_models: list[Path]) -> list[list[tuple[dict, int]]]:
    """Per event: each summary candidate's features and whether it holds a bottom-line fact.

    The candidates are those the pipeline considers, on pseudo-sentences (see bench/quality.py),
    classified by a section model that did not see the event (so colour is judged held out).
    """
    import tempfile

    from quality import fact_words, pseudo_documents, word_set

    from briefgen.analysis.pipeline import Options, analyse
    from briefgen.analysis.summarise import candidate_features, candidates

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for event, model in zip(events, fold_models, strict=True):
            analysis = analyse(pseudo_documents(event, Path(tmp)), Options(section_model=model))
            pool = candidates([s for s in analysis.kept if s.standalone])  # as select() does
            facts = [fact_words(f) for f in event["bluf_facts"]]
            labels = [int(any(f <= word_set(s.text) for f in facts)) for s in pool]
            rows.append(list(zip(candidate_features(pool), labels, strict=True)))
    return rows


def fit_ranker(rows: Sequence[tuple[dict, int]]) -> dict:
    """The summary ranker's file content: logistic regression on candidate features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform([f for f, _ in rows])
    model = LogisticRegression(C=RANKER_C, class_weight="balanced", max_iter=5000)
    model.fit(x, [label for _, label in rows])
    names = vectoriser.get_feature_names_out()
    return {
        "format": RANKER_FORMAT,
        "trained_on": f"{len(rows)} summary candidates",
        "bias": round(float(model.intercept_[0]), 4),
        "weights": {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)},
    }


def fold_models(events: list[dict], folder: Path) -> list[Path]:
    """For each event, the section model trained on the others, written under ``folder``."""
    cues = load_cues(None)
    paths = []
    for i in range(len(events)):
        train = [s for j, e in enumerate(events) if j != i for s in e["sentences"]]
        path = folder / f"fold_{i}.json"
        path.write_text(json.dumps(fit(train, cues)), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=BUNDLED_MODEL)
    parser.add_argument("--ranker", type=Path, default=BUNDLED_RANKER)
    parser.add_argument("-C", type=float, default=C, help=f"inverse L2 strength (default {C})")
    args = parser.parse_args(argv)
    events = load_events(args.corpus)
    sentences = [s for event in events for s in event["sentences"]]
    data = fit(sentences, load_cues(None), args.C)
    data["trained_on"] = f"{len(sentences)} labelled sentences from {len(events)} events"
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    size = args.out.stat().st_size
    count = len(data["weights"])
    print(f"{args.out}: {count} features, {size / 1024:.0f} KiB ({data['trained_on']})")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        rows = ranker_rows(events, fold_models(events, Path(tmp)))
    ranker = fit_ranker([row for event in rows for row in event])
    ranker["trained_on"] += f" from {len(events)} events"
    args.ranker.write_text(json.dumps(ranker, indent=1) + "\n", encoding="utf-8")
    print(f"{args.ranker}: {len(ranker['weights'])} features ({ranker['trained_on']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
