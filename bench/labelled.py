"""Unit-fixture check: the analysis on our own labelled set in tests/data (and the real seeds).

These files were written by us, in one voice, and the cue weights were once set on them: they
flatter. The measure of quality is bench/quality.py on real coverage (../shared/corpus).

Prints per-section precision, recall and F1 of sentence classification (a gold sentence the
splitter or cleaner mangles counts as missed), cleaning and splitting accuracy, facts recall
(each fact string found anywhere in the memo's text), and ROUGE-1/ROUGE-2 F of the summary
against our reference bullets. With ../shared/seeds present it also scores the summary drawn
from 002_6c2a4febaa1a5456.txt alone against the publisher highlights of 000_b0cda15bc5fc1a94.txt.

    python3 bench/labelled.py [--sections FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefgen.analysis.pipeline import Options, analyse, build_brief  # noqa: E402
from briefgen.sections import BODY_SECTIONS, LABELS, SUMMARY  # noqa: E402
from briefgen.sources.base import SourceDocument  # noqa: E402

LABELLED = REPO / "tests" / "data" / "labelled"
# Written after the cue weights were set and never used to tune them: an honest second opinion.
HELD_OUT = REPO / "tests" / "data" / "heldout"
SHARED_SEEDS = REPO.parent / "shared" / "seeds"
SECTIONS = LABELS
MEMO_SECTIONS = BODY_SECTIONS


@dataclass
class Article:
    path: Path
    title: str
    text: str
    gold: dict[str, str]  # normalised sentence -> label
    drops: list[str]
    datelines: list[str]
    highlights: list[str]
    facts: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def load_article(path: Path) -> Article:
    """Parse one labelled file (format in tests/data/README.md) into text and gold labels."""
    header, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    meta: dict[str, list[str]] = {}
    for line in header.splitlines():
        key, _, value = line.partition(":")
        meta.setdefault(key.strip(), []).append(value.strip())
    lines = [meta["title"][0], ""]
    gold: dict[str, str] = {}
    drops: list[str] = []
    datelines: list[str] = []
    highlights: list[str] = []
    paragraph = ""
    prefix = ""

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            lines.extend([paragraph, ""])
            paragraph = ""

    for raw in body.splitlines():
        if not raw.strip():
            flush()
            continue
        label, _, text = raw.partition(" ")
        glued = label.endswith("^")
        label = label.rstrip("^")
        if label == "highlight":
            highlights.append(text)
            lines.append(f"- {text}")
        elif label == "drop":
            flush()
            drops.append(text)
            lines.extend([text, ""])
        elif label == "dateline":
            prefix = text.rstrip() + " "
            datelines.append(text.strip())
        elif label in SECTIONS:
            gold[_norm(text)] = label
            sentence = prefix + text
            prefix = ""
            paragraph = f"{paragraph}{'' if glued else ' '}{sentence}".strip()
        else:
            raise ValueError(f"{path}: unknown label {label!r}")
    flush()
    return Article(
        path=path,
        title=meta["title"][0],
        text="\n".join(lines),
        gold=gold,
        drops=drops,
        datelines=datelines,
        highlights=highlights,
        facts=meta.get("fact", []),
        summary=meta.get("summary", []),
    )


def load_set(folder: Path = LABELLED) -> list[Article]:
    return [load_article(p) for p in sorted(folder.glob("*.txt"))]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _document(article: Article) -> SourceDocument:
    return SourceDocument(text=article.text, title=article.title, path=article.path)


# --------------------------------------------------------------------------- scores


def rouge_n(candidate: str, reference: str, n: int) -> float:
    """ROUGE-N F1 on lower-cased word n-grams (no stemming, no stop-word removal)."""

    def grams(text: str) -> Counter[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))

    cand, ref = grams(candidate), grams(reference)
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(cand.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Report:
    per_section: dict[str, tuple[float, float, float, int]]
    macro_f1: float  # over the four memo sections
    macro_f1_all: float  # including "other"
    split_accuracy: float
    drops_removed: float
    facts_recall: float
    rouge1: float
    rouge2: float
    misses: list[str]
    false_merges: int = 0  # labelled sentences are distinct claims: any merge is wrong
    seeds_rouge1: float | None = None


def evaluate(articles: list[Article], options: Options | None = None) -> Report:
    options = options or Options()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    support: Counter[str] = Counter()
    split_ok = total_gold = 0
    drops_ok = total_drops = 0
    facts_ok = total_facts = 0
    rouge1: list[float] = []
    rouge2: list[float] = []
    misses: list[str] = []
    false_merges = 0
    for article in articles:
        analysis = analyse([_document(article)], options)
        predicted = {_norm(s.printed or s.text): s.section for s in analysis.sentences}
        false_merges += sum(s.tellings - 1 for s in analysis.kept)
        for sentence, label in article.gold.items():
            support[label] += 1
            total_gold += 1
            guess = predicted.get(sentence)
            if guess is not None:
                split_ok += 1
            if guess == label:
                tp[label] += 1
            else:
                fn[label] += 1
                misses.append(f"{article.path.name}: gold {label}, got {guess}: {sentence}")
        for sentence, guess in predicted.items():
            if article.gold.get(sentence) != guess:
                fp[guess] += 1
        story = " ".join(s.text for s in analysis.sentences + analysis.highlights)
        for drop in article.drops + article.datelines:
            total_drops += 1
            drops_ok += drop.rstrip(" —-:") not in story

        brief = build_brief([_document(article)], options)
        memo = " ".join(
            [item.text for items in brief.sections.values() for item in items]
            + [f"{k.label} {k.value}" for k in brief.key_figures]
        )
        flat = _norm(memo).lower()
        for fact in article.facts:
            total_facts += 1
            found = fact.lower() in flat
            facts_ok += found
            if not found:
                misses.append(f"{article.path.name}: fact missing: {fact}")
        summary = " ".join(item.text for item in brief.sections[SUMMARY])
        reference = " ".join(article.summary)
        rouge1.append(rouge_n(summary, reference, 1))
        rouge2.append(rouge_n(summary, reference, 2))

    per_section = {
        s: (*prf(tp[s], fp[s], fn[s]), support[s]) for s in SECTIONS if support[s] or fp[s]
    }
    memo_f1 = [per_section[s][2] for s in MEMO_SECTIONS if s in per_section]
    all_f1 = [v[2] for v in per_section.values()]
    return Report(
        per_section=per_section,
        macro_f1=sum(memo_f1) / len(memo_f1),
        macro_f1_all=sum(all_f1) / len(all_f1),
        split_accuracy=split_ok / total_gold,
        drops_removed=drops_ok / total_drops if total_drops else 1.0,
        facts_recall=facts_ok / total_facts if total_facts else 1.0,
        rouge1=sum(rouge1) / len(rouge1),
        rouge2=sum(rouge2) / len(rouge2),
        misses=misses,
        false_merges=false_merges,
    )


def seeds_rouge1(folder: Path = SHARED_SEEDS, options: Options | None = None) -> float | None:
    """Summary of 002 alone vs the publisher highlights of 000 (same event), ROUGE-1 F."""
    from briefgen.analysis.clean import clean_text
    from briefgen.sources.text import read_text_file

    story, highlighted = folder / "002_6c2a4febaa1a5456.txt", folder / "000_b0cda15bc5fc1a94.txt"
    if not (story.is_file() and highlighted.is_file()):
        return None
    reference = clean_text(highlighted.read_text(encoding="utf-8")).highlights
    brief = build_brief([read_text_file(story)], options or Options())
    summary = " ".join(item.text for item in brief.sections[SUMMARY])
    return rouge_n(summary, " ".join(reference), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=Path, help="cue file to measure instead of the bundled")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    options = Options(cues=args.sections)
    for folder in (LABELLED, HELD_OUT):
        _print_report(folder, options, args.verbose)
    seeds = seeds_rouge1(options=options)
    if seeds is not None:
        print(f"real seeds: summary of 002 alone vs highlights of 000, ROUGE-1 F: {seeds:.3f}")
    return 0


def _print_report(folder: Path, options: Options, verbose: bool) -> None:
    articles = load_set(folder)
    report = evaluate(articles, options)
    sentences = sum(len(a.gold) for a in articles)
    print(f"{folder.name} set: {len(articles)} articles, {sentences} sentences ({folder})")
    print(f"{'section':<12}{'precision':>10}{'recall':>10}{'F1':>8}{'support':>9}")
    for section, (p, r, f, n) in report.per_section.items():
        print(f"{section:<12}{p:>10.3f}{r:>10.3f}{f:>8.3f}{n:>9}")
    print(f"macro-F1 (defence, technology, economy, outlook): {report.macro_f1:.3f}")
    print(f"macro-F1 (all five, with other):                  {report.macro_f1_all:.3f}")
    print(f"sentences split exactly:   {report.split_accuracy:.3f}")
    print(f"boilerplate lines removed: {report.drops_removed:.3f}")
    print(f"false duplicate merges:    {report.false_merges}")
    print(f"facts recall:              {report.facts_recall:.3f}")
    print(f"summary ROUGE-1 F:         {report.rouge1:.3f}")
    print(f"summary ROUGE-2 F:         {report.rouge2:.3f}")
    if verbose:
        print("\n".join(["misses:", *report.misses]))
    print()


if __name__ == "__main__":
    sys.exit(main())
