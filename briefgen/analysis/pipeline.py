"""SourceDocuments -> Brief: clean, split, classify, merge duplicates, summarise, extract facts.

``analyse`` does the work and keeps every intermediate (bench/quality.py scores it);
``build_brief`` turns an analysis into the memo, within the length budget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.analysis.classify import CueSet, load_cues
from briefgen.analysis.clean import clean_text, is_boilerplate
from briefgen.analysis.corpus import (
    OTHER,
    Sentence,
    cosine,
    inverse_document_frequency,
    set_vector,
)
from briefgen.analysis.dedup import merge_duplicates
from briefgen.analysis.facts import Fact, extract_facts, merge_facts, select_facts
from briefgen.analysis.outlook import watch_items
from briefgen.analysis.sentences import split_sentences
from briefgen.analysis.summarise import summarise, tighten
from briefgen.model import Brief, Item, KeyFigure, Source
from briefgen.sections import BODY_SECTIONS, BY_KEY, OUTLOOK, SECTION_KEYS, SUMMARY
from briefgen.sources.base import SourceDocument

SUMMARY_BULLETS = (BY_KEY[SUMMARY].min_items, BY_KEY[SUMMARY].max_items)
WATCH_ITEMS = 2  # "Watch: ..." lines added to the forward-looking section beyond its cap
KEY_FIGURES_MAX = 8
WORD_BUDGET = 560  # words in section bullets: with the summary, two A4 pages for two articles
MIN_WORDS = 6  # shorter "sentences" are fragments: captions, labels, headings


@dataclass
class Options:
    title: str | None = None
    subject: str | None = None
    date: str | None = None
    classification: str | None = None
    to: str | None = None
    from_: str | None = None
    cues: Path | None = None
    explain: bool = False
    max_source_mb: float | None = None  # readers refuse larger files (None: the default)


@dataclass
class Analysis:
    sources: list[Source]
    sentences: list[Sentence]  # every story sentence, classified (vectors: ``kept`` only)
    kept: list[Sentence]  # one representative per claim, sources merged
    highlights: list[Sentence]
    dropped: list[str] = field(default_factory=list)  # boilerplate removed by the cleaner
    facts: list[Fact] = field(default_factory=list)


def analyse(documents: list[SourceDocument], options: Options | None = None) -> Analysis:
    options = options or Options()
    cues = load_cues(options.cues)
    sources: list[Source] = []
    sentences: list[Sentence] = []
    highlights: list[Sentence] = []
    dropped: list[str] = []
    found: list[tuple[str, str, str, int]] = []
    for source_id, document in enumerate(documents, start=1):
        cleaned = clean_text(document.text, document.title)
        dropped += cleaned.dropped
        sources.append(_source(source_id, _document_title(document, cleaned), document))
        parts = [s for p in cleaned.paragraphs for s in split_sentences(p)]
        kept_parts = [s for s in parts if not is_boilerplate(s)]
        dropped += [s for s in parts if is_boilerplate(s)]
        last = max(len(kept_parts) - 1, 1)
        for index, text in enumerate(kept_parts):
            sentence = Sentence(text, [source_id], len(sentences), index / last)
            _classify(sentence, cues, options.explain)
            sentences.append(sentence)
            found += [(*fact, source_id) for fact in extract_facts(text)]
        if cleaned.place:
            found.append(("place", "Dateline", cleaned.place, source_id))
        for text in cleaned.highlights:
            highlight = Sentence(text, [source_id], len(highlights), 0.0, highlight=True)
            _classify(highlight, cues, options.explain)
            highlights.append(highlight)
    # IDF over every sentence, then each vector made just before merging reads it: merging
    # drops the vectors of the duplicates it absorbs, so a large corpus never holds them all.
    idf = inverse_document_frequency(sentences + highlights)
    long = (s for s in sentences if len(s.text.split()) >= MIN_WORDS)
    kept = merge_duplicates(_with_vectors(long, idf))
    return Analysis(
        sources=sources,
        sentences=sentences,
        kept=kept,
        highlights=merge_duplicates(_with_vectors(highlights, idf)),
        dropped=dropped,
        facts=merge_facts(found),
    )


def build_brief(documents: list[SourceDocument], options: Options | None = None) -> Brief:
    options = options or Options()
    analysis = analyse(documents, options)
    summary = summarise(analysis.kept, analysis.highlights, *SUMMARY_BULLETS)
    sections: dict[str, list[Item]] = {key: [] for key in SECTION_KEYS}
    sections[SUMMARY] = [
        Item(tighten(s.text), list(s.sources), s.why if options.explain else None) for s in summary
    ]
    chosen = list(summary)
    ranked: dict[str, list[Sentence]] = {}
    for key in BODY_SECTIONS:
        pool = [
            s
            for s in analysis.kept
            if s.section == key and all(cosine(s.vector, c.vector) < 0.5 for c in chosen)
        ]
        ranked[key] = sorted(pool, key=_rank)[: BY_KEY[key].max_items]
    _fit_budget(ranked)
    for key in BODY_SECTIONS:
        picked = sorted(ranked[key], key=lambda s: s.order)
        sections[key] = [
            _item(s, options.explain, _why(s, key, ranked[key]) if options.explain else "")
            for s in picked
        ]
    for text, source_ids, evidence in watch_items(analysis.kept, WATCH_ITEMS):
        why = f"what to watch: a dated event in a forward-looking sentence: {evidence}"
        sections[OUTLOOK].append(Item(text, source_ids, why if options.explain else None))

    sources = analysis.sources
    title = options.title or (sources[0].title if sources else "Briefing memo")
    defaults = Brief(title=title)  # the model's defaults for fields the options leave empty
    return Brief(
        title=title,
        subject=options.subject or title,
        date=options.date or dt.date.today().isoformat(),
        classification=options.classification or defaults.classification,
        to=options.to or defaults.to,
        from_=options.from_ or defaults.from_,
        sections=sections,
        key_figures=[
            KeyFigure(f.label, f.value, sorted(f.sources))
            for f in select_facts(analysis.facts, KEY_FIGURES_MAX)
        ],
        sources=sources,
    )


def _with_vectors(sentences: Iterable[Sentence], idf: dict[str, float]) -> Iterator[Sentence]:
    for sentence in sentences:
        set_vector(sentence, idf)
        yield sentence


def _classify(sentence: Sentence, cues: CueSet, explain: bool) -> None:
    verdict = cues.classify(sentence.text)
    sentence.section = verdict.section
    sentence.scores = verdict.scores
    # Only --explain reads the verdict (its matched terms): not kept per sentence otherwise.
    sentence.verdict = verdict if explain else None
    # Rank inside a section: cue strength (capped so long lists do not win by length), an early
    # position in the article, and the number of sources that tell it (set after merging).
    strength = min(verdict.scores.get(verdict.section, 0.0), 10.0) / 10.0
    sentence.score = strength + (1.0 - sentence.position)


def _rank(sentence: Sentence) -> tuple[float, int]:
    """Strongest first: a claim several sources make outranks one they do not."""
    return (-(sentence.score + 0.5 * (len(sentence.sources) - 1)), sentence.order)


def _fit_budget(ranked: dict[str, list[Sentence]]) -> None:
    """Drop the weakest item of the longest section until the bullets fit the word budget."""

    def words() -> int:
        return sum(len(s.text.split()) for items in ranked.values() for s in items)

    while words() > WORD_BUDGET:
        longest = max(ranked, key=lambda k: (len(ranked[k]), k != OUTLOOK))
        if len(ranked[longest]) <= 1:
            break
        ranked[longest].pop()  # lists are sorted strongest first


def _why(sentence: Sentence, section: str, ranked: list[Sentence]) -> str:
    assert sentence.verdict is not None  # every story sentence is classified in analyse()
    rank = ranked.index(sentence) + 1
    merged = ""
    if sentence.tellings > 1:
        merged = f"; merged {sentence.tellings} tellings from sources {sentence.sources}"
    return f"{sentence.verdict.explain()}; ranked {rank} of {len(ranked)} kept in {section}{merged}"


def _item(sentence: Sentence, explain: bool, why: str) -> Item:
    return Item(text=sentence.text, sources=list(sentence.sources), why=why if explain else None)


def _document_title(document: SourceDocument, cleaned) -> str:
    if document.title and document.title != document.path.stem.replace("_", " "):
        return document.title
    lead = cleaned.highlights[0] if cleaned.highlights else ""
    if not lead and cleaned.paragraphs:
        lead = (split_sentences(cleaned.paragraphs[0]) or [""])[0]
    words = lead.rstrip(".").split()
    return " ".join(words[:14]) + ("…" if len(words) > 14 else "") or document.path.name


def _source(source_id: int, title: str, document: SourceDocument) -> Source:
    meta = document.metadata
    return Source(
        id=source_id,
        title=title,
        path=str(document.path),
        publisher=meta.get("publisher", ""),
        date=meta.get("date", ""),
        url=meta.get("url", ""),
    )


__all__ = ["OTHER", "Analysis", "Options", "analyse", "build_brief"]
