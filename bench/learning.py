"""Does `briefgen learn` help? Corrected briefs of one kind of event, then a new one of that kind.

For each kind of event in ../shared/corpus (conflicts, trade deals, summits), and each event of
that kind in turn: the bundled model is trained without any event of the kind (so the kind is
new to it); the other events of the kind stand for briefs an analyst corrected: every sentence
the model files in a memo section is moved to its labelled section, deleted when the labels
call it colour (`other`), or left in place (confirmed) when the model was right; `briefgen
learn`'s fit folds those corrections into a user model; and the held-out event is classified
with and without it. All figures are held out.

The columns compare what a confirmed bullet weighs against a moved or deleted one (1): 0 learns
from the changes alone, 1 from every bullet alike (what `learn` did before). usermodel.py's
CONFIRMED_WEIGHT is set from this table.

    python3 bench/learning.py [CORPUS]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from quality import CORPUS, LABELS, load_events, prf  # noqa: E402
from train import fit  # noqa: E402

from briefgen.analysis.classify import Classifier, load_cues  # noqa: E402
from briefgen.analysis.learned import model_from_dict  # noqa: E402
from briefgen.analysis.usermodel import WEIGHTS, Example, fit_user_weights  # noqa: E402

CONFIRMED = (0.0, 0.1, 0.25, 0.5, 1.0)  # weights of a confirmed bullet to compare
# Events by kind, by the number that starts their file name.
KINDS = {
    "conflict and ceasefire": ("01", "03", "04", "09"),
    "trade and export deals": ("02", "07", "11", "15"),
    "summits and blocs": ("06", "08", "10", "14"),
}


def corrections(events: list[dict], classifier: Classifier) -> list[Example]:
    """What an analyst's edits of these events' drafts would teach, with what was done."""
    out = []
    for event in events:
        for sentence in event["sentences"]:
            words = frozenset(sentence["words"])
            shown = classifier.classify_words(words).section
            if shown == "other":
                continue  # not in the draft: nothing for the analyst to correct
            label = sentence["section"]
            change = "confirmed" if label == shown else "deleted" if label == "other" else "moved"
            out.append(Example(words, label, event["name"], change))
    return out


def score(events: list[dict], classifier: Classifier) -> tuple[float, float]:
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for event in events:
        for sentence in event["sentences"]:
            guess = classifier.classify_words(frozenset(sentence["words"])).section
            if guess == sentence["section"]:
                tp[guess] += 1
            else:
                fp[guess] += 1
                fn[sentence["section"]] += 1
    total = sum(tp.values()) + sum(fn.values())
    f1 = sum(prf(tp[k], fp[k], fn[k])[2] for k in LABELS) / len(LABELS)
    return sum(tp.values()) / total, f1


def main(argv: list[str] | None = None) -> int:
    corpus = Path(argv[0]) if argv else CORPUS
    events = load_events(corpus)
    cues = load_cues(None)
    print("learning from corrected briefs of one kind (held out: base never saw the kind)")
    print("accuracy / macro-F1 on the held-out event, by the weight of a confirmed bullet")
    head = "".join(f"{f'confirmed {w:g}':>16}" for w in CONFIRMED)
    print(f"{'kind':<24}{'no learning':>16}{head}")
    totals = [[0.0, 0.0] for _ in range(len(CONFIRMED) + 1)]
    changes: Counter = Counter()
    for kind, numbers in KINDS.items():
        members = [e for e in events if e["name"][:2] in numbers]
        others = [s for e in events if e["name"][:2] not in numbers for s in e["sentences"]]
        base = Classifier(cues, model_from_dict(fit(others, cues), corpus))
        sums = [[0.0, 0.0] for _ in range(len(CONFIRMED) + 1)]
        for target in members:
            taught = corrections([e for e in members if e is not target], base)
            changes.update(e.change for e in taught)
            scores = [score([target], base)]
            for weight in CONFIRMED:
                user = fit_user_weights(taught, base, {**WEIGHTS, "confirmed": weight})
                scores.append(score([target], Classifier(cues, base.model, user)))
            for column, (acc, f1) in enumerate(scores):
                sums[column][0] += acc / len(members)
                sums[column][1] += f1 / len(members)
        cells = "".join(f"{f'{a:.3f} / {f:.3f}':>16}" for a, f in sums)
        print(f"{kind:<24}{cells}")
        for column, (acc, f1) in enumerate(sums):
            totals[column][0] += acc / len(KINDS)
            totals[column][1] += f1 / len(KINDS)
    print(f"{'mean of the kinds':<24}" + "".join(f"{f'{a:.3f} / {f:.3f}':>16}" for a, f in totals))
    told = ", ".join(f"{changes[c]} {c}" for c in ("moved", "deleted", "confirmed"))
    print(f"corrections taught (over all folds): {told}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
