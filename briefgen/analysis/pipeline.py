"""SourceDocuments -> Brief: clean, split, deduplicate, classify, summarise, extract facts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.analysis.classify import OTHER, load_cues, outlook_cues
from briefgen.analysis.clean import clean_text
from briefgen.analysis.facts import extract_facts, merge_facts
from briefgen.analysis.sentences import split_sentences
from briefgen.model import SECTION_KEYS, Brief, Item, KeyFigure, Source
from briefgen.sources.base import SourceDocument

SUMMARY_BULLETS = (3, 5)
ITEMS_PER_SECTION = 4
KEY_FIGURES_MAX = 8
MIN_WORDS = 6


@dataclass
class Sentence:
    text: str
    sources: list[int]
    order: int  # position across the corpus: stable output order
    position: float  # 0 at the start of its article, 1 at the end
    section: str = OTHER
    score: float = 0.0
    why: str = ""
    words: frozenset[str] = field(default_factory=frozenset)


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


def build_brief(documents: list[SourceDocument], options: Options | None = None) -> Brief:
    options = options or Options()
    cues = load_cues(options.cues)
    sources: list[Source] = []
    sentences: list[Sentence] = []
    highlights: list[Sentence] = []
    for source_id, document in enumerate(documents, start=1):
        cleaned = clean_text(document.text, document.title)
        title = _document_title(document, cleaned.highlights, cleaned.paragraphs)
        sources.append(_source(source_id, title, document))
        parts = [s for p in cleaned.paragraphs for s in split_sentences(p)]
        for index, text in enumerate(parts):
            sentences.append(
                Sentence(text, [source_id], len(sentences), index / max(len(parts) - 1, 1))
            )
        highlights += [Sentence(h, [source_id], i, 0.0) for i, h in enumerate(cleaned.highlights)]

    kept = _merge_duplicates([s for s in sentences if len(s.text.split()) >= MIN_WORDS])
    future = outlook_cues()
    for sentence in kept:
        section, scores = cues.classify(sentence.text)
        outlook_score = future.scores(sentence.text).get("outlook", 0.0)
        if outlook_score >= 2 and outlook_score >= scores.get(section, 0.0) / 2:
            section, scores = "outlook", {**scores, "outlook": outlook_score}
        sentence.section = section
        sentence.score = scores.get(section, 0.0) + (1 - sentence.position) + len(sentence.sources)
        terms = (future if section == "outlook" else cues).matched_terms(sentence.text, section)
        sentence.why = f"{section}: cues {', '.join(terms) or '-'}; scores {_fmt(scores)}"

    summary = _summary(_merge_duplicates(highlights), kept)
    chosen = {id(s) for s in summary}
    sections: dict[str, list[Item]] = {key: [] for key in SECTION_KEYS}
    sections["summary"] = [_item(s, options.explain, "summary") for s in summary]
    for key in SECTION_KEYS[1:]:
        pool = [s for s in kept if s.section == key and id(s) not in chosen]
        top = sorted(pool, key=lambda s: -s.score)[:ITEMS_PER_SECTION]
        sections[key] = [_item(s, options.explain) for s in sorted(top, key=lambda s: s.order)]

    facts = merge_facts(
        [
            (label, value, sid)
            for s in kept
            for label, value in extract_facts(s.text)
            for sid in s.sources
        ]
    )
    title = options.title or (sources[0].title if sources else "Briefing memo")
    return Brief(
        title=title,
        subject=options.subject or title,
        date=options.date or dt.date.today().isoformat(),
        classification=options.classification
        or Brief.__dataclass_fields__["classification"].default,
        to=options.to or Brief.__dataclass_fields__["to"].default,
        from_=options.from_ or Brief.__dataclass_fields__["from_"].default,
        sections=sections,
        key_figures=[
            KeyFigure(f.label, f.value, sorted(f.sources)) for f in facts[:KEY_FIGURES_MAX]
        ],
        sources=sources,
    )


def _summary(highlights: list[Sentence], kept: list[Sentence]) -> list[Sentence]:
    """Publisher highlights when present; otherwise the strongest lead sentences."""
    low, high = SUMMARY_BULLETS
    # The opening sentence says who met where: it leads, then the publisher's highlights.
    lead = [s for s in kept[:1] if all(not _similar(s, h) for h in highlights)]
    picked = (lead + highlights)[:high]
    if len(picked) >= low:
        return picked
    ranked = sorted(kept, key=lambda s: (s.position, -s.score))
    for sentence in ranked:
        if len(picked) >= low + 1:
            break
        if sentence.section != OTHER and all(not _similar(sentence, p) for p in picked):
            picked.append(sentence)
    return picked


def _merge_duplicates(sentences: list[Sentence]) -> list[Sentence]:
    """One sentence per claim: a near-duplicate adds its source ids to the first telling."""
    kept: list[Sentence] = []
    for sentence in sentences:
        sentence.words = _content_words(sentence.text)
        twin = next((k for k in kept if _similar(k, sentence)), None)
        if twin is None:
            kept.append(sentence)
        else:
            twin.sources = sorted(set(twin.sources) | set(sentence.sources))
    return kept


def _similar(a: Sentence, b: Sentence, threshold: float = 0.5) -> bool:
    a_words = a.words or _content_words(a.text)
    b_words = b.words or _content_words(b.text)
    if not a_words or not b_words:
        return False
    return len(a_words & b_words) / len(a_words | b_words) >= threshold


_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "that",
        "this",
        "these",
        "those",
        "their",
        "its",
        "it",
        "they",
        "both",
        "two",
        "also",
        "has",
        "have",
        "had",
    ]
)


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP)


def _item(sentence: Sentence, explain: bool, section: str | None = None) -> Item:
    why = None
    if explain:
        why = (
            "summary: publisher highlight or lead sentence"
            if section == "summary"
            else sentence.why
        )
    return Item(text=sentence.text, sources=list(sentence.sources), why=why)


def _fmt(scores: dict[str, float]) -> str:
    return ", ".join(f"{k}={v:g}" for k, v in sorted(scores.items())) or "none"


def _document_title(document: SourceDocument, highlights: list[str], paragraphs: list[str]) -> str:
    if document.title and document.title != document.path.stem.replace("_", " "):
        return document.title
    lead = (
        highlights[0] if highlights else (split_sentences(paragraphs[0])[0] if paragraphs else "")
    )
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
