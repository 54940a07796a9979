"""Article extraction on real web pages: briefgen's reader beside other extractors, same run.

Pages and the article text a person marked come from ``../shared/extraction`` (a part of the
public article-extraction benchmark; read from there, never copied). The measure is the
benchmark's: both texts split into ``\\w+`` tokens, every run of 4 tokens (a shingle) counted;
per page, shingles in both are true positives (by count), in the output only false positives,
in the truth only false negatives, the three normalised to sum 1 so that long pages do not
weigh more; precision and recall come from the means of the three over pages, F1 from those.

    python3 bench/extraction.py [--data ../shared/extraction] [--only briefgen,trafilatura]
                                [--worst 5]

Extractors: ``briefgen`` (what ``briefgen extract`` prints: briefgen.extract.read_page),
``briefgen-own`` (briefgen's own rules without the library, for comparison), ``trafilatura``
(its defaults), and ``readability-lxml`` when installed. A page an extractor fails on scores
as empty output and is counted under ``failed``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "extraction"
SHINGLE = 4
_TOKEN = re.compile(r"\w+")

Extractor = Callable[[bytes, str], str]


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_score(truth: str, output: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised to sum 1."""
    want, got = shingles(truth), shingles(output)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def summary(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall) from the per-page means."""
    tp, fp, fn = (sum(s[i] for s in scores) / len(scores) for i in range(3))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


# --- extractors ------------------------------------------------------------------------------


def briefgen_extractor(data: bytes, url: str) -> str:
    from briefgen.extract import read_page

    return read_page(data, url).text


def briefgen_own_extractor(data: bytes, url: str) -> str:
    from lxml import html

    from briefgen.sources import html as reader
    from briefgen.sources.text import decode_text

    markup = decode_text(data, Path("page.html"))
    root = html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", markup))
    metadata = reader.page_metadata(root)
    return reader._own_article(root, metadata, metadata.get("body", ""))


def trafilatura_extractor(data: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(data, url=url) or ""


def readability_extractor(data: bytes, url: str) -> str:
    from lxml import html
    from readability import Document

    summary_html = Document(data, url=url).summary(html_partial=True)
    return html.fromstring(summary_html).text_content()


EXTRACTORS: dict[str, tuple[str, Extractor]] = {
    "briefgen": ("briefgen", briefgen_extractor),
    "briefgen-own": ("briefgen", briefgen_own_extractor),
    "trafilatura": ("trafilatura", trafilatura_extractor),
    "readability-lxml": ("readability", readability_extractor),
}


def available(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--only", help="comma-separated extractor names")
    parser.add_argument("--worst", type=int, default=0, help="list each one's N worst pages")
    args = parser.parse_args()

    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        key: gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes())
        for key in sorted(truth)
    }
    names = args.only.split(",") if args.only else list(EXTRACTORS)
    print(f"{len(pages)} pages from {args.data}; shingles of {SHINGLE} tokens")
    print(f"{'extractor':<18} {'F1':>6} {'prec':>6} {'recall':>6} {'failed':>6} {'s/page':>7}")
    for name in names:
        module, extract = EXTRACTORS[name]
        if not available(module):
            print(f"{name:<18} (not installed)")
            continue
        scores: dict[str, tuple[float, float, float]] = {}
        failed = 0
        start = time.perf_counter()
        for key, data in pages.items():
            try:
                output = extract(data, truth[key].get("url", ""))
            except Exception:  # the bench scores a failure as empty output
                output, failed = "", failed + 1
            scores[key] = page_score(truth[key]["articleBody"], output)
        seconds = (time.perf_counter() - start) / len(pages)
        f1, precision, recall = summary(list(scores.values()))
        print(f"{name:<18} {f1:6.3f} {precision:6.3f} {recall:6.3f} {failed:6d} {seconds:7.3f}")
        for key in sorted(scores, key=lambda k: scores[k][0])[: args.worst]:
            print(f"    {scores[key][0]:.2f} tp  {truth[key].get('url', key)}")


if __name__ == "__main__":
    main()
