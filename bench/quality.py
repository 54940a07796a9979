"""Measure the analysis on labelled real coverage (../shared/corpus), leaving one event out.

The corpus gives each sentence as its set of lower-case words, never its text. So each source
is rebuilt as a document of pseudo-sentences (a sentence's words in sorted order, capitalised,
ending in a full stop), one paragraph per sentence, and the whole briefgen pipeline runs on it:
cleaning, splitting, classification, duplicate merging, summary, section selection and the word
budget. Everything that reads a sentence as a set of words (the section model, TF-IDF vectors,
near-duplicates, centrality) sees what it would see in the real text; what reads word order
(cue phrases of more than one word for the cue-only rule, shortening, key figures) does not,
so those are not measured here. Memo bullets are matched back to labelled sentences by their
word set.

For each event, the section model and the summary ranker are trained on the other 14
(bench/train.py's recipe), so every figure below is held out: no weight was set on the event it
is measured on. (The choice of features and the selection rules were made while looking at
these events' figures: say so when quoting them.)

Printed: sentence-level precision/recall/F1 per label and macro-F1 over the five; defence
sentences that the labels call colour (``other``); share of ``bluf_facts`` the summary carries
(a fact is carried when one summary bullet holds all its words); share of memo bullets labelled
``other``; sections left empty although the sources had two or more sentences for them; and
the labels of the bullets the word budget dropped.

    python3 bench/quality.py [--corpus DIR] [--learning] [--verbose]

Run on a checkout without the learned model (main before issue 12), it measures the cue rule.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from briefgen.analysis import pipeline  # noqa: E402
from briefgen.analysis.pipeline import Options, analyse  # noqa: E402
from briefgen.sources.base import SourceDocument  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
LABELS = ("defence", "technology", "economy", "outlook", "other")
BODY = LABELS[:4]
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower().replace("\u2019", "'")))


def load_events(folder: Path = CORPUS) -> list[dict]:
    """Every NN_event.json, named by its file; sentences keep their article order."""
    events = []
    for path in sorted(folder.glob("[0-9]*.json")):
        event = json.loads(path.read_text(encoding="utf-8"))
        event["name"] = path.stem
        events.append(event)
    if not events:
        raise SystemExit(f"no NN_*.json events in {folder}")
    return events


def pseudo_documents(event: dict, folder: Path) -> list[SourceDocument]:
    """One document per source: its sentences' sorted words, one sentence per paragraph."""
    documents = []
    for source in event["sources"]:
        lines = [
            " ".join(s["words"]).capitalize() + "."
            for s in event["sentences"]
            if s["source"] == source["id"]
        ]
        if lines:
            path = folder / f"{event['name']}_{source['id']}.txt"
            documents.append(SourceDocument(text="\n\n".join(lines), title="", path=path))
    return documents


def fact_words(fact: object) -> frozenset[str]:
    if isinstance(fact, dict):
        return frozenset(fact["words"])
    return word_set(str(fact))


@dataclasses.dataclass
class Totals:
    tp: Counter = dataclasses.field(default_factory=Counter)
    fp: Counter = dataclasses.field(default_factory=Counter)
    fn: Counter = dataclasses.field(default_factory=Counter)
    colour_in_defence: int = 0
    facts: int = 0
    facts_carried: int = 0
    bullets: int = 0
    colour_bullets: int = 0
    summary_bullets: int = 0
    colour_summary: int = 0
    sections_due: int = 0
    sections_empty: int = 0
    budget_dropped: Counter = dataclasses.field(default_factory=Counter)
    misses: list = dataclasses.field(default_factory=list)


def measure_event(event: dict, options: Options, totals: Totals, folder: Path) -> None:
    gold = {frozenset(s["words"]): s["section"] for s in event["sentences"]}
    documents = pseudo_documents(event, folder)
    analysis = analyse(documents, options)
    for sentence in analysis.sentences:
        label = gold.get(word_set(sentence.text))
        if label is None:
            continue
        guess = sentence.section
        if guess == label:
            totals.tp[label] += 1
        else:
            totals.fp[guess] += 1
            totals.fn[label] += 1
        if guess == "defence" and label == "other":
            totals.colour_in_defence += 1
    summary, body = _memo(analysis, documents, options)
    for items in [summary, *body.values()]:
        for text in items:
            totals.bullets += 1
            totals.colour_bullets += gold.get(word_set(text)) == "other"
    totals.summary_bullets += len(summary)
    totals.colour_summary += sum(gold.get(word_set(t)) == "other" for t in summary)
    bullets = [word_set(t) for t in summary]
    for fact in event["bluf_facts"]:
        words = fact_words(fact)
        totals.facts += 1
        if any(words <= b for b in bullets):
            totals.facts_carried += 1
        else:
            totals.misses.append(f"{event['name']}: fact not in summary: {sorted(words)}")
    had = Counter(s["section"] for s in event["sentences"])
    for key in BODY:
        if had[key] >= 2:
            totals.sections_due += 1
            if not body.get(key):
                totals.sections_empty += 1
                totals.misses.append(f"{event['name']}: {key} empty ({had[key]} sentences)")
    for sentence in getattr(analysis, "budget_dropped", []):
        totals.budget_dropped[gold.get(word_set(sentence.text), "?")] += 1


def _memo(analysis, documents, options) -> tuple[list[str], dict[str, list[str]]]:
    """Summary and body bullet texts (without Watch lines), from this checkout's pipeline."""
    if hasattr(pipeline, "select"):
        from briefgen.analysis.summarise import load_ranker

        chosen = pipeline.select(analysis, load_ranker(options.summary_model))
        summary = [s.text for s in chosen["summary"]]
        return summary, {k: [s.text for s in chosen[k]] for k in BODY}
    brief = pipeline.build_brief(documents, options)  # before issue 12: no select()
    body = {k: [i.text for i in brief.sections[k] if not i.text.startswith("Watch:")] for k in BODY}
    return [i.text for i in brief.sections["summary"]], body


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(events: list[dict], verbose: bool = False) -> Totals:
    totals = Totals()
    learned = "section_model" in {f.name for f in dataclasses.fields(Options)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not learned:  # a checkout from before the learned models: the cue rule
            for event in events:
                measure_event(event, Options(), totals, folder)
            return totals
        from train import fit_ranker, fold_models, ranker_rows

        models = fold_models(events, folder)
        rows = ranker_rows(events, models)
        for i, event in enumerate(events):
            ranker = folder / f"ranker_{i}.json"
            others = [row for j, event_rows in enumerate(rows) if j != i for row in event_rows]
            ranker.write_text(json.dumps(fit_ranker(others)), encoding="utf-8")
            options = Options(section_model=models[i], summary_model=ranker)
            measure_event(event, options, totals, folder)
    return totals


def report(totals: Totals, events: int, verbose: bool) -> None:
    sentences = sum(totals.tp.values()) + sum(totals.fn.values())
    print(f"held out, leave one event out: {events} events, {sentences} sentences matched")
    print(f"{'section':<12}{'precision':>10}{'recall':>10}{'F1':>8}{'support':>9}")
    f1s = []
    for label in LABELS:
        p, r, f = prf(totals.tp[label], totals.fp[label], totals.fn[label])
        f1s.append(f)
        print(f"{label:<12}{p:>10.3f}{r:>10.3f}{f:>8.3f}{totals.tp[label] + totals.fn[label]:>9}")
    print(f"macro-F1 over five labels:          {sum(f1s) / len(f1s):.3f}")
    print(f"colour (other) filed as defence:    {totals.colour_in_defence}")
    print(
        f"bottom-line facts carried:          {totals.facts_carried / totals.facts:.3f}"
        f" ({totals.facts_carried} of {totals.facts})"
    )
    print(
        f"memo bullets labelled other:        {totals.colour_bullets / totals.bullets:.3f}"
        f" ({totals.colour_bullets} of {totals.bullets}; summary"
        f" {totals.colour_summary} of {totals.summary_bullets})"
    )
    print(f"sections empty with >= 2 sentences: {totals.sections_empty} of {totals.sections_due}")
    dropped = ", ".join(f"{k} {v}" for k, v in totals.budget_dropped.most_common()) or "none"
    print(f"bullets the word budget dropped:    {dropped}")
    if verbose:
        print("\n".join(["misses:", *totals.misses]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--learning", action="store_true", help="also run bench/learning.py")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    events = load_events(args.corpus)
    report(run(events, args.verbose), len(events), args.verbose)
    if args.learning:
        from learning import main as learning_main

        print()
        learning_main([str(args.corpus)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
