"""The real seed articles saved as HTML, DOCX and PDF give the same memo as the plain text.

The seeds' text is only read here, never stored: each test converts them afresh.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED_SEEDS, docx_text, needs_shared_seeds, pdf_text, run_cli, written_paths
from readers_fixtures import Article, article_from_text, html_page, write_docx, write_pdf

from briefgen.analysis.pipeline import Options, build_brief
from briefgen.sources.base import read_sources

pytestmark = needs_shared_seeds

# Our own headlines for the two seed articles (the seeds carry none).
TITLES = [
    "India and Japan push for faster progress on shared priorities",
    "Modi and Takaichi hold first talks in Johannesburg",
]
PUBLISHER = "Seed Wire"
DATE = "2026-11-23"
FORMATS = ("html", "docx", "pdf")


def _seed_articles() -> list[tuple[Path, Article]]:
    seeds = sorted(SHARED_SEEDS.glob("*.txt"))
    assert len(seeds) == len(TITLES)
    articles = []
    for seed, title in zip(seeds, TITLES, strict=True):
        article = article_from_text(seed, title)
        article.publisher, article.date = PUBLISHER, DATE
        article.url = f"https://seed.example/{seed.stem}"
        articles.append((seed, article))
    return articles


def _write(article: Article, path: Path) -> Path:
    if path.suffix == ".html":
        path.write_text(html_page(article), encoding="utf-8")
        return path
    return (write_docx if path.suffix == ".docx" else write_pdf)(article, path)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, list[tuple[Path, Article]]]:
    """format -> [(converted file, the article it holds)] for both seeds."""
    result: dict[str, list[tuple[Path, Article]]] = {}
    for fmt in FORMATS:
        folder = tmp_path_factory.mktemp(f"seeds_{fmt}")
        result[fmt] = [
            (_write(article, folder / f"{seed.stem}.{fmt}"), article)
            for seed, article in _seed_articles()
        ]
    return result


# "on Sunday (22 November 2026)": a converted seed carries a date the plain text has not, so
# only it can say which Sunday; the content is otherwise the same.
_RESOLVED = re.compile(r" \((?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4}\)")


def _content(brief) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    sections = {
        key: [_RESOLVED.sub("", item.text) for item in items]
        for key, items in brief.sections.items()
    }
    # The subject line (chosen partly by the sources' headlines, which a converted seed carries
    # and the plain text has not) moves up in the bottom line: compare what it says, not its order.
    sections["summary"].sort()
    return sections, [(f.label, f.value) for f in brief.key_figures]


@pytest.mark.parametrize("fmt", FORMATS)
def test_converted_seed_reads_back_as_the_article(converted, fmt):
    for path, article in converted[fmt]:
        (document,) = read_sources([path], print)
        assert document.text.splitlines() == article.lines(), path.name
        assert document.title == article.title


@pytest.mark.parametrize("fmt", FORMATS)
def test_converted_seeds_give_the_plain_text_memo(converted, fmt):
    options = Options(date=DATE)
    plain = build_brief(read_sources(sorted(SHARED_SEEDS.glob("*.txt")), print), options)
    brief = build_brief(read_sources([p for p, _ in converted[fmt]], print), options)
    assert _content(brief) == _content(plain)
    values = {value for _, value in _content(plain)[1]}
    assert any("10 trillion" in value for value in values)  # the key figure both must carry
    assert [s.title for s in brief.sources] == TITLES
    assert all(s.date == DATE and s.publisher == PUBLISHER for s in brief.sources)
    if fmt != "docx":  # a Word file has no field for the address it came from
        assert [s.url for s in brief.sources] == [a.url for _, a in converted[fmt]]


def test_generate_from_mixed_formats_carries_facts_and_source_fields(converted, tmp_path):
    (html_seed, _), (pdf_seed, _) = converted["html"][0], converted["pdf"][1]
    out = tmp_path / "out"
    result = run_cli(
        "generate", str(html_seed), str(pdf_seed), "-o", str(out), "--date", DATE, check=True
    )
    files = {p.suffix: p for p in written_paths(result)}
    assert set(files) == {".docx", ".pdf"}
    for text in (docx_text(files[".docx"]), pdf_text(files[".pdf"])):
        flat = " ".join(text.split())
        assert "JPY 10 trillion" in flat
        assert PUBLISHER in flat and TITLES[0] in flat
        for noise in ("cookies", "Advertisement", "Desk notes", "Markets close higher"):
            assert noise not in flat
