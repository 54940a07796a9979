"""Does `briefgen learn` help? Corrected briefs of one kind of event, then a new one of that kind.

For each kind of event in ../shared/corpus (conflicts, trade deals, summits), and each event of
that kind in turn: the bundled model is trained without any event of the kind (so the kind is
new to it); the other events of the kind stand for briefs an analyst corrected: every sentence
the model files in a memo section is moved to its labelled section, or deleted when the labels
call it colour (`other`); `briefgen learn`'s fit folds those corrections into a user model; and
the held-out event is classified with and without it. All figures are held out.

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
from briefgen.analysis.usermodel import Example, fit_user_weights  # noqa: E402

# Events by kind, by the number that starts their file name.
KINDS = {
    "conflict and ceasefire": ("01", "03", "04", "09"),
    "trade and export deals": ("02", "07", "11", "15"),
    "summits and blocs": ("06", "08", "10", "14"),
}


def corrections(events: list[dict], classifier: Classifier) -> list[Example]:
    """What an analyst's edits of these events' drafts would teach."""
    out = []
    for event in events:
        for sentence in event["sentences"]:
            words = frozenset(sentence["words"])
            if classifier.classify_words(words).section != "other":  # shown in the draft
                out.append(Example(words, sentence["section"], event["name"]))
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
    print(f"{'kind':<26}{'accuracy before':>16}{'after':>8}{'macro-F1 before':>17}{'after':>8}")
    for kind, numbers in KINDS.items():
        members = [e for e in events if e["name"][:2] in numbers]
        others = [s for e in events if e["name"][:2] not in numbers for s in e["sentences"]]
        base = Classifier(cues, model_from_dict(fit(others, cues), corpus))
        before = after = (0.0, 0.0)
        for target in members:
            taught = [e for e in members if e is not target]
            user = fit_user_weights(corrections(taught, base), base)
            b = score([target], base)
            a = score([target], Classifier(cues, base.model, user))
            before = (before[0] + b[0] / len(members), before[1] + b[1] / len(members))
            after = (after[0] + a[0] / len(members), after[1] + a[1] / len(members))
        print(f"{kind:<26}{before[0]:>16.3f}{after[0]:>8.3f}{before[1]:>17.3f}{after[1]:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
