"""SourceDocuments -> Brief: clean, split, classify, merge duplicates, summarise, extract facts.

``analyse`` does the work and keeps every intermediate (bench/quality.py scores it);
``build_brief`` turns an analysis into the memo, within the length budget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.analysis.classify import Classifier, Verdict, load_classifier
from briefgen.analysis.clean import story_sentences
from briefgen.analysis.corpus import (
    OTHER,
    Sentence,
    inverse_document_frequency,
    set_vector,
)
from briefgen.analysis.dates import newest, parse_iso, resolve_relative
from briefgen.analysis.dedup import merge_duplicates
from briefgen.analysis.facts import REPORTED_FROM, Fact, extract_facts, merge_facts, select_facts
from briefgen.analysis.outlook import watch_items
from briefgen.analysis.sentences import split_sentences
from briefgen.analysis.standalone import stand_alone
from briefgen.analysis.subject import Candidate, memo_subject
from briefgen.analysis.summarise import Ranker, load_ranker, repeats, summarise, tighten
from briefgen.analysis.title import greeting_or_cut, memo_title, source_title
from briefgen.model import Brief, Item, KeyFigure, Source
from briefgen.sections import BODY_SECTIONS, BY_KEY, OUTLOOK, SECTION_KEYS, SUMMARY
from briefgen.sources.base import SourceDocument
from briefgen.sources.meta import title_from_path

SUMMARY_BULLETS = (BY_KEY[SUMMARY].min_items, BY_KEY[SUMMARY].max_items)
WATCH_ITEMS = 2  # "Watch: ..." lines added to the forward-looking section beyond its cap
KEY_FIGURES_MAX = 8
WORD_BUDGET = 560  # words in section bullets: with the summary, two A4 pages for two articles
MIN_WORDS = 6  # shorter "sentences" are fragments: captions, labels, headings
REPEAT = 0.5  # TF-IDF cosine at which a body bullet repeats a summary bullet
THIN = 2  # sources with this many sentences for a section always fill it
# A body bullet this likely colour (the section model's probability for `other`) is left out
# unless the section has nothing else. Chosen on the held-out figures of bench/quality.py
# (0.3: 12.6% of bullets colour, 0.2: 9.8%, 0.15: 8.9% with 7% fewer bullets).
COLOUR_MAX = 0.2


@dataclass
class Options:
    title: str | None = None
    subject: str | None = None
    date: str | None = None
    classification: str | None = None
    to: str | None = None
    from_: str | None = None
    cues: Path | None = None
    model: Path | None = None  # a user model from `briefgen learn` (None: the bundled alone)
    section_model: Path | None = None  # weights to use instead of the bundled (bench folds)
    summary_model: Path | None = None  # summary ranker to use instead of the bundled (ditto)
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
    budget_dropped: list[Sentence] = field(default_factory=list)  # set by ``select``


def analyse(documents: list[SourceDocument], options: Options | None = None) -> Analysis:
    options = options or Options()
    classifier = load_classifier(options.cues, options.model, options.section_model)
    sources: list[Source] = []
    sentences: list[Sentence] = []
    highlights: list[Sentence] = []
    dropped: list[str] = []
    found: list[tuple[str, str, str, int]] = []
    for source_id, document in enumerate(documents, start=1):
        cleaned, kept_parts = story_sentences(document.text, document.title)
        dropped += cleaned.dropped
        sources.append(_source(source_id, _document_title(document, cleaned), document))
        last = max(len(kept_parts) - 1, 1)
        previous = None
        for index, raw in enumerate(kept_parts):
            # A borrowed referent ("He", "They", "..., he said") is filled in from the sentence
            # before; what cannot be is flagged, and selection leaves it out.
            text, standalone = stand_alone(raw, previous)
            previous = text
            sentence = Sentence(
                text, [source_id], len(sentences), index / last, standalone=standalone
            )
            if text != raw:
                sentence.printed = raw
            _classify(sentence, classifier, options.explain)
            sentences.append(sentence)
            found += [(*fact, source_id) for fact in extract_facts(text)]
        if cleaned.place:
            found.append(("place", REPORTED_FROM, cleaned.place, source_id))
        for raw in cleaned.highlights:
            text, standalone = stand_alone(raw, None)
            highlight = Sentence(
                text, [source_id], len(highlights), 0.0, highlight=True, standalone=standalone
            )
            _classify(highlight, classifier, options.explain)
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
    chosen = select(analysis, load_ranker(options.summary_model) if options.summary_model else None)
    sections: dict[str, list[Item]] = {key: [] for key in SECTION_KEYS}
    sections[SUMMARY] = [
        Item(tighten(s.text), list(s.sources), s.why if options.explain else None)
        for s in chosen[SUMMARY]
    ]
    for key in BODY_SECTIONS:
        sections[key] = [
            _item(s, options.explain, _why(s, key, chosen[key]) if options.explain else "")
            for s in chosen[key]
        ]
    sources = analysis.sources
    # The memo is dated by its newest source; today only when no source carries a date.
    date = options.date or newest([s.date for s in sources]) or dt.date.today().isoformat()
    anchors = {s.id: parse_iso(s.date) for s in sources}
    for items in sections.values():  # "on Thursday" -> "on Thursday (30 October 2025)"
        for item in items:
            item.text = _resolved(item.text, item.sources, anchors)
    watch = watch_items(analysis.kept, WATCH_ITEMS, anchors, dt.date.fromisoformat(date))
    for text, source_ids, evidence in watch:
        why = f"what to watch: a dated event in a forward-looking sentence: {evidence}"
        sections[OUTLOOK].append(Item(text, source_ids, why if options.explain else None))

    bottom_line = " ".join(item.text for item in sections[SUMMARY])
    title = options.title or memo_title(sources, analysis.facts, analysis.kept)
    memo_text = " ".join([title, *(item.text for items in sections.values() for item in items)])
    figures = select_facts(analysis.facts, KEY_FIGURES_MAX, bottom_line, memo_text)
    subject = options.subject or _subject(title, sections, sources)
    defaults = Brief(title=title)  # the model's defaults for fields the options leave empty
    return Brief(
        title=title,
        subject=subject,
        date=date,
        classification=options.classification or defaults.classification,
        to=options.to or defaults.to,
        from_=options.from_ or defaults.from_,
        sections=sections,
        key_figures=[KeyFigure(f.label, f.value, sorted(f.sources)) for f in figures],
        sources=sources,
    )


def _subject(title: str, sections: dict[str, list[Item]], sources: list[Source]) -> str:
    """The SUBJECT line the sources report, with the bottom line reordered to lead with it.

    Only for a subject briefgen chooses: with ``--subject`` the bottom line keeps the ranker's
    order, as no line of the memo then says what the move would follow.
    """
    candidates = [  # summary first: among equals the bottom line gives the subject
        Candidate(item.text, item.sources, key == SUMMARY)
        for key, items in sections.items()
        for item in items
    ]
    subject, chosen_at = memo_subject(title, candidates, [s.title for s in sources])
    summary = sections[SUMMARY]
    if chosen_at is not None and chosen_at < len(summary):
        # The bottom line says first what the subject line says: after the occasion (who met
        # where), the outcome, not wherever its source's highlights left it.
        summary.insert(min(1, chosen_at), summary.pop(chosen_at))
    return subject


def _resolved(text: str, source_ids: list[int], anchors: dict[int, dt.date | None]) -> str:
    """``text`` with its relative dates resolved, when every source telling it agrees on them
    ("on Thursday" in pieces of Friday and Saturday is the same Thursday)."""
    told = {resolve_relative(text, anchors.get(i)) for i in source_ids}
    return told.pop() if len(told) == 1 else text


def _with_vectors(sentences: Iterable[Sentence], idf: dict[str, float]) -> Iterator[Sentence]:
    for sentence in sentences:
        set_vector(sentence, idf)
        yield sentence


def _classify(sentence: Sentence, classifier: Classifier, explain: bool) -> None:
    apply_verdict(sentence, classifier.classify(sentence.text, explain), explain)


def apply_verdict(sentence: Sentence, verdict: Verdict, explain: bool = False) -> None:
    """File the sentence under the verdict's section and set its rank inside the section."""
    sentence.section = verdict.section
    sentence.scores = verdict.scores
    sentence.colour = verdict.probabilities.get(OTHER, 0.0)
    # Only --explain reads the verdict (its evidence): not kept per sentence otherwise.
    sentence.verdict = verdict if explain else None
    # Rank inside a section: how sure the model is, an early position in the article, and how
    # unlikely it is to be colour; the number of sources telling it is added after merging.
    sentence.score = verdict.confidence + (1.0 - sentence.position) - sentence.colour


def select(analysis: Analysis, ranker: Ranker | None = None) -> dict[str, list[Sentence]]:
    """The memo's sentences: the summary (most important first), then each body section's.

    A body section prefers sentences the summary and earlier sections do not already say
    (alike in words, or the same headline figure); when that would leave
    it empty although the sources had ``THIN`` or more sentences for it, its strongest summary
    fact stands in it too, in full (at most one repeat per section). Body sections
    are in article order, within the caps of ``sections.py`` and the word budget. A sentence
    that cannot stand alone (``standalone`` False: an unresolved "They ...", a quote fragment)
    is never chosen.
    """
    kept = [s for s in analysis.kept if s.standalone]
    highlights = [s for s in analysis.highlights if s.standalone]
    summary = summarise(kept, highlights, *SUMMARY_BULLETS, ranker=ranker)
    ranked: dict[str, list[Sentence]] = {}
    said = list(summary)  # one fact once: a body bullet never retells what is already said
    for key in BODY_SECTIONS:
        pool = sorted((s for s in kept if s.section == key), key=_rank)
        fresh = (s for s in pool if not any(repeats(s, c, REPEAT) for c in said))
        picks = _plain_first(fresh, BY_KEY[key].max_items)
        if not picks and len(pool) >= THIN:  # the sources had material: say it here in full
            picks = pool[:1]
        ranked[key] = picks
        said += picks
    analysis.budget_dropped = fit_budget(ranked)
    chosen = {SUMMARY: summary}
    for key in BODY_SECTIONS:
        chosen[key] = sorted(ranked[key], key=lambda s: s.order)
    return chosen


def _plain_first(fresh: Iterator[Sentence], cap: int) -> list[Sentence]:
    """Up to ``cap`` of ``fresh`` (strongest first) that are not likely colour; when none is,
    the strongest colour one: a section the sources wrote about is not emptied for colour."""
    picks: list[Sentence] = []
    colour: list[Sentence] = []
    for sentence in fresh:  # lazily: most sections fill their cap within the first few
        if sentence.colour >= COLOUR_MAX:
            colour = colour or [sentence]
            continue
        picks.append(sentence)
        if len(picks) == cap:
            break
    return picks or colour


def _importance(sentence: Sentence) -> float:
    """Rank score: model confidence, early position, and a bonus per extra source telling it."""
    return sentence.score + 0.5 * (len(sentence.sources) - 1)


def _rank(sentence: Sentence) -> tuple[float, int]:
    """Strongest first: a claim several sources make outranks one they do not."""
    return (-_importance(sentence), sentence.order)


def fit_budget(ranked: dict[str, list[Sentence]], budget: int = WORD_BUDGET) -> list[Sentence]:
    """Drop the least important bullets until the sections fit ``budget`` words; return them.

    Lists are sorted strongest first. The weakest last bullet across sections goes first, from
    sections holding more than ``THIN`` while any does, then from any holding more than one:
    no section the sources had material for is emptied by the budget.
    """
    dropped: list[Sentence] = []

    def words() -> int:
        return sum(len(s.text.split()) for items in ranked.values() for s in items)

    while words() > budget:
        for floor in (THIN, 1):
            candidates = [k for k in ranked if len(ranked[k]) > floor]
            if candidates:
                break
        else:
            break
        weakest = min(candidates, key=lambda k: _importance(ranked[k][-1]))
        dropped.append(ranked[weakest].pop())
    return dropped


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
    """The source's headline, or one made of its lead's whole clauses (never a cut line)."""
    stand_in = title_from_path(document.path)
    headline = "" if document.title == stand_in else document.title
    if cleaned.highlights:
        leads = cleaned.highlights[:1]
    else:
        firsts = split_sentences(cleaned.paragraphs[0]) if cleaned.paragraphs else []
        leads = [s for s in firsts if not greeting_or_cut(s)]  # past "Good morning!"
    return source_title(headline, leads, stand_in)


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


__all__ = [
    "OTHER",
    "Analysis",
    "Options",
    "analyse",
    "apply_verdict",
    "build_brief",
    "fit_budget",
    "select",
]
