"""Clutter the cleaner lets through, and story sentences it wrongly drops.

Printed:

- corpus shapes: the ``clutter_shapes`` of ../shared/corpus (non-article lines real pages
  carried, names masked as ``Xxx``), un-tokenised ("Xxx , Xxx ( AP ) —" -> "Xxx, Xxx (AP) —") and
  put between two story paragraphs; a shape leaks when any of its words reach a story sentence.
  A shape that ends in a dash or colon (a dateline) is also put at the head of a story paragraph,
  and leaks when the paragraph comes out other than its story sentence: at the head of the
  story's first paragraph (where pages put it) and at the head of a later one. A place in mixed
  case before a colon ("Xxx:") is cut only at the story's head: further down it has the shape of
  "Rovers: The captain ..." and of interview labels, so its later-paragraph leaks are by design.
- fixture lines: tests/fixtures/clutter/lines.txt (our own lines in those forms), the same way,
  per kind; and tests/fixtures/clutter/story.txt (story lines that look like clutter) dropped.
- corpus false drops: every labelled sentence of the corpus rebuilt as a pseudo-sentence (its
  sorted words, capitalised, a full stop; the corpus gives words, not text) and cleaned as a
  paragraph of its own. This checks the rules that read words (byline vocabulary, time words,
  caption and note markers) against real story vocabulary; rules that read word order
  (datelines, subheads) are not tested by it.
- extraction false drops: ../shared/extraction pages read by the HTML reader; a sentence of the
  marked article text that the reader's text holds but cleaning drops is a false drop. Also the
  share of the reader's sentences outside the marked text that cleaning removes. Printed for all
  pages and for two halves: pages whose id starts 0-7 ("dev": their drops were read while the
  rules were written) and 8-f ("held out": their article sentences are not read, so --verbose
  lists what it finds on dev pages only).

Which figures are held out: the rules were written looking at the shapes and the fixtures, so
the shape figures are not held out. The corpus pseudo-sentences and the extraction false drops
on the 8-f half measure text no rule was written from. The non-article share on the extraction
pages is not held out (its leaks were read to add the promo, credit and notice forms).

Masked shapes: the corpus masks most words ("Xxx xxx xxx of xxx article ..."), so a shape whose
give-away words were masked (the "this" of "an earlier version of this article", "Read more on")
cannot be told from a story sentence; --verbose lists what leaks so it can be judged.

    python3 bench/clutter.py [--verbose]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from briefgen.analysis.clean import story_sentences  # noqa: E402
from briefgen.analysis.sentences import split_sentences  # noqa: E402

SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures" / "clutter"
BEFORE = "Officials met on Monday to discuss the plan in detail."
AFTER = "The talks ended with a joint statement on trade and investment."
LEAD = "The talks resumed on Friday after a pause of two weeks."
_WORD = re.compile(r"[^\W_]+")


def untokenise(shape: str) -> str:
    """ "Xxx , Xxx ( AP ) —" -> "Xxx, Xxx (AP) —"; "9 : 99 PM" -> "9:99 PM"."""
    text = re.sub(r"\s+([,.:;)\]?!%’])", r"\1", shape)
    text = re.sub(r"([(\[‘$@])\s+", r"\1", text)
    text = re.sub(r"(\d):\s*(\d)", r"\1:\2", text)
    text = re.sub(r"(\w)\s*'\s*(\w)", r"\1'\2", text)
    text = re.sub(r"(\w) - (\w)", r"\1-\2", text)
    text = re.sub(r"\+\s+", "+", text).replace(" +", "+")
    return text


def leaks(line: str) -> bool:
    """Does any word of ``line`` reach a story sentence when it stands between two paragraphs?"""
    _, kept = story_sentences("\n".join([BEFORE, line, AFTER]))
    return kept != [BEFORE, AFTER]


def leaks_as_dateline(line: str, lead: bool = False) -> bool:
    """Does the dateline survive at the head of the story's first (``lead``) or second paragraph?"""
    paragraphs = [f"{line} {LEAD}", BEFORE, AFTER] if lead else [BEFORE, f"{line} {LEAD}", AFTER]
    _, kept = story_sentences("\n".join(paragraphs))
    return kept != [p.removeprefix(f"{line} ") for p in paragraphs]


def is_dateline_shape(line: str) -> bool:
    # "-" alone is debris (and "- text" a bullet), not a dateline: a dateline has a word.
    return (
        bool(re.search(r"(?:[—–-]|:)$", line.strip()))
        and len(line.split()) <= 12
        and bool(re.search(r"[^\W\d_]", line))
    )


def kept_alone(line: str) -> bool:
    _, kept = story_sentences("\n".join([BEFORE, line, AFTER]))
    return line in kept or " ".join(kept[1:-1]) == line


def corpus_shapes(verbose: bool) -> tuple[int, int, int]:
    shapes = [
        untokenise(shape)
        for path in sorted((SHARED / "corpus").glob("[0-9]*.json"))
        for shape in json.loads(path.read_text(encoding="utf-8")).get("clutter_shapes", [])
    ]
    leaked = [s for s in shapes if leaks(s)]
    datelines = [s for s in shapes if is_dateline_shape(s)]
    lead_leaks = [s for s in datelines if leaks_as_dateline(s, lead=True)]
    later_leaks = [s for s in datelines if leaks_as_dateline(s)]
    if verbose:
        for shape in leaked:
            print(f"  leaks: {shape}")
        for shape in lead_leaks:
            print(f"  leaks as dateline at the story's head: {shape}")
        for shape in later_leaks:
            print(f"  leaks as dateline at a later paragraph's head: {shape}")
    print(
        f"corpus shapes: {len(leaked)} of {len(shapes)} leak between paragraphs; "
        f"of {len(datelines)} dateline shapes {len(lead_leaks)} leak at the head of the story's "
        f"first paragraph, {len(later_leaks)} at a later paragraph's head"
    )
    return len(leaked), len(lead_leaks), len(shapes)


def fixture_lines(verbose: bool) -> int:
    by_kind: Counter[str] = Counter()
    leaked: Counter[str] = Counter()
    for raw in (FIXTURES / "lines.txt").read_text(encoding="utf-8").splitlines():
        if not raw or raw.startswith("#"):
            continue
        kind, line = raw.split("\t", 1)
        by_kind[kind] += 1
        bad = (
            leaks(line)
            or (kind == "dateline" and leaks_as_dateline(line))
            or (kind in ("dateline", "lead dateline") and leaks_as_dateline(line, lead=True))
        )
        leaked[kind] += bad
        if bad and verbose:
            print(f"  fixture leaks ({kind}): {line}")
    print(
        "fixture lines: "
        + ", ".join(f"{k} {leaked[k]}/{n}" for k, n in by_kind.items())
        + f" leak (total {sum(leaked.values())} of {sum(by_kind.values())})"
    )
    story = [
        line
        for line in (FIXTURES / "story.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    dropped = [line for line in story if not kept_alone(line)]
    for line in dropped if verbose else []:
        print(f"  story line dropped: {line}")
    print(f"fixture story lines dropped: {len(dropped)} of {len(story)}")
    return sum(leaked.values()) + len(dropped)


def corpus_false_drops(verbose: bool) -> int:
    total = dropped = 0
    for path in sorted((SHARED / "corpus").glob("[0-9]*.json")):
        for sentence in json.loads(path.read_text(encoding="utf-8"))["sentences"]:
            text = " ".join(sentence["words"]).capitalize() + "."
            total += 1
            if not kept_alone(text):
                dropped += 1
                if verbose:
                    print(f"  {path.stem}: labelled sentence dropped: {text}")
    print(f"corpus labelled sentences (pseudo-sentences) dropped: {dropped} of {total}")
    return dropped


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


HELD_OUT = tuple("89abcdef")  # extraction pages whose article sentences were not read


def extraction(verbose: bool) -> int:
    from briefgen.sources.html import read_html_file

    folder = SHARED / "extraction"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    import tempfile

    available: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    outside = outside_removed = 0
    heads: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for page_id, entry in sorted(truth.items()):
            half = "held out" if page_id.startswith(HELD_OUT) else "dev"
            page = Path(tmp) / f"{page_id[:12]}.html"
            page.write_bytes(gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()))
            try:
                document = read_html_file(page)
            except Exception:  # a page the reader refuses is the reader's figure, not ours
                continue
            gold = [
                s
                for p in entry["articleBody"].splitlines()
                for s in split_sentences(p)
                if len(s.split()) >= 6 and re.search(r"[.!\"”’]$", s)
            ]
            cleaned, kept = story_sentences(document.text, document.title)
            # A cut head keeps the sentence, so a wrong cut ("Rovers:") is not a drop: list them.
            heads[half] += len(cleaned.datelines)
            show = verbose and half == "dev"  # a held-out page's text is never printed
            for head in cleaned.datelines if show else []:
                print(f"  {page_id[:8]} ({half}): dateline cut: {head}")
            kept_text = " ".join(_norm(s) for s in kept)
            kept_norm = [_norm(s) for s in kept]
            reader = " ".join(_norm(s) for s in document.text.splitlines())
            for sentence in gold:
                key = _norm(sentence)
                if key not in reader:
                    continue  # the reader lost it: not the cleaner's doing
                available[half] += 1
                # A dateline cut from its head still leaves the sentence: "WASHINGTON — X ..."
                if key in kept_text or any(
                    k and key.endswith(k) and len(k) > 0.6 * len(key) for k in kept_norm
                ):
                    continue
                dropped[half] += 1
                if show:
                    print(f"  {page_id[:8]} ({half}): article sentence dropped: {sentence[:110]}")
            gold_text = " ".join(_norm(s) for s in entry["articleBody"].splitlines())
            for line in document.text.splitlines():
                for sentence in split_sentences(line):
                    key = _norm(sentence)
                    if key and key not in gold_text:
                        outside += 1
                        outside_removed += key not in kept_text
    print(
        f"extraction pages: article sentences (6+ words, ending . ! or a quote) dropped by "
        f"cleaning: {sum(dropped.values())} of {sum(available.values())} "
        f"(dev pages 0-7: {dropped['dev']} of {available['dev']}; held-out pages 8-f: "
        f"{dropped['held out']} of {available['held out']}); "
        f"non-article sentences removed: {outside_removed} of {outside} (not held out); "
        f"dateline heads cut: {heads['dev']} on dev pages, {heads['held out']} on held-out pages"
    )
    return sum(dropped.values())


_OPENER = re.compile(r"^(?:He|She|They|His|Her|Their|Them|These|Those|Such|We|This|It|Its)\b")
# "This year ...", "It is unclear whether ...": the opener points forward, not back.
_FORWARD = re.compile(
    r"^(?:This (?:year|week|month)|It (?:is|was|would be) (?:\w+ ){0,2}\w+ (?:that|to|if|whether))"
)


def bullet_faults(text: str) -> list[str]:
    """What a reader would trip over in a bullet, judged without briefgen's own rules."""
    faults = []
    if _OPENER.match(text) and not _FORWARD.match(text):
        faults.append("pronoun opener")
    if text.count("“") != text.count("”") or text.count('"') % 2:
        faults.append("unbalanced quote")
    first = text.lstrip("\"“‘'")
    if first[:1].islower() or text[:1] in "”’":
        faults.append("fragment")
    return faults


def memo_bullets(analysis) -> list:
    """Summary and body bullets, as build_brief selects them."""
    from briefgen.analysis import pipeline

    chosen = pipeline.select(analysis)
    return [s for items in chosen.values() for s in items]


def near_duplicate_pairs(bullets: list) -> int:
    from briefgen.analysis.corpus import cosine

    return sum(
        cosine(a.vector, b.vector) >= NEAR_DUPLICATE
        for i, a in enumerate(bullets)
        for b in bullets[i + 1 :]
    )


NEAR_DUPLICATE = 0.5  # TF-IDF cosine of two bullets that say one thing twice


def memos(verbose: bool) -> None:
    """Bullet faults on real text (the extraction pages, one memo each) and near-duplicate
    pairs on the corpus events (pseudo-sentences, every source of an event in one memo)."""
    import tempfile

    from quality import load_events, pseudo_documents

    from briefgen.analysis.pipeline import Options, analyse
    from briefgen.sources.html import read_html_file

    folder = SHARED / "extraction"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    faults: Counter[str] = Counter()
    bullets = flagged = sentences = 0
    with tempfile.TemporaryDirectory() as tmp:
        for page_id in sorted(truth):
            page = Path(tmp) / f"{page_id[:12]}.html"
            page.write_bytes(gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()))
            try:
                document = read_html_file(page)
            except Exception:
                continue
            analysis = analyse([document], Options())
            sentences += len(analysis.sentences)
            flagged += sum(not s.standalone for s in analysis.sentences)
            for bullet in memo_bullets(analysis):
                bullets += 1
                for fault in bullet_faults(bullet.text):
                    faults[fault] += 1
                    if verbose and not page_id.startswith(HELD_OUT):  # dev pages only
                        print(f"  {page_id[:8]} {fault}: {bullet.text[:100]}")
    print(
        f"extraction memos: {bullets} bullets; "
        + ", ".join(f"{k} {faults[k]}" for k in ("pronoun opener", "unbalanced quote", "fragment"))
        + f"; sentences flagged not standalone (never chosen): {flagged} of {sentences}"
    )
    pairs = []
    with tempfile.TemporaryDirectory() as tmp:
        for event in load_events(SHARED / "corpus"):
            documents = pseudo_documents(event, Path(tmp))
            pairs.append(near_duplicate_pairs(memo_bullets(analyse(documents, Options()))))
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        from briefgen.sources.base import read_sources

        documents = read_sources([seeds], lambda message: None)
        bullets = memo_bullets(analyse(documents, Options()))
        faults = [f for b in bullets for f in bullet_faults(b.text)]
        print(
            f"seeds memo ({len(documents)} real articles): {len(bullets)} bullets, "
            f"near-duplicate pairs {near_duplicate_pairs(bullets)}, faults {len(faults)}"
        )
    print(
        f"corpus pseudo-memos: near-duplicate bullet pairs (cosine >= {NEAR_DUPLICATE}) per memo: "
        f"max {max(pairs)}, total {sum(pairs)} over {len(pairs)} memos; "
        f"memos with more than one: {sum(p > 1 for p in pairs)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every leak and drop")
    parser.add_argument("--memos", action="store_true", help="also bullet faults and repeats")
    args = parser.parse_args(argv)
    if (SHARED / "corpus").is_dir():
        corpus_shapes(args.verbose)
        corpus_false_drops(args.verbose)
    fixture_lines(args.verbose)
    if (SHARED / "extraction").is_dir():
        extraction(args.verbose)
    if args.memos and (SHARED / "extraction").is_dir() and (SHARED / "corpus").is_dir():
        memos(args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
