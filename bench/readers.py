"""Reader figures: fidelity, speed and robustness of every source format.

Each article of a corpus (the synthetic one from ``bench/corpus.py``) is written as HTML (inside
navigation, scripts, ads and footers), DOCX and PDF (with a running header and page numbers)
by the builders the tests use, then read back. Printed per format:

- exact: files whose non-blank lines are exactly the article's lines (title, highlights,
  paragraphs), with none of the page furniture and no paragraph split or merged;
- ms/file: median time to read one file;
- damaged: files cut short or overwritten at random, read back; every one must give a
  document or a one-line InputError ("crash" counts anything else).

    python3 bench/readers.py [--count 40] [--damaged 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from readers_fixtures import Article, html_page, write_docx, write_pdf  # noqa: E402

from briefgen.errors import InputError  # noqa: E402
from briefgen.sources.base import reader_for  # noqa: E402

FORMATS = ("txt", "md", "html", "docx", "pdf")


def corpus_articles(folder: Path, count: int) -> list[Article]:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "corpus.py"), "articles", str(folder), "--count",
         str(count)],
        check=True, capture_output=True,
    )  # fmt: skip
    articles = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        highlights = [line[2:] for line in lines[1:] if line.startswith("- ")]
        paragraphs = [line for line in lines[1:] if not line.startswith("- ")]
        articles.append(Article(title=lines[0], highlights=highlights, paragraphs=paragraphs))
    return articles


def write(article: Article, fmt: str, path: Path) -> Path:
    if fmt in ("txt", "md"):
        prefix = "# " if fmt == "md" else ""
        body = [prefix + article.title, *(f"- {h}" for h in article.highlights)]
        path.write_text("\n\n".join(body + article.paragraphs) + "\n", encoding="utf-8")
    elif fmt == "html":
        path.write_text(html_page(article), encoding="utf-8")
    elif fmt == "docx":
        write_docx(article, path)
    else:
        write_pdf(article, path, running_head="Bench wire · daily file")
    return path


def damage(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data[: rng.randrange(len(data) + 1)] if rng.random() < 0.3 else data)
    for _ in range(rng.randint(1, 5)):
        if out:
            start = rng.randrange(len(out))
            out[start : start + 8] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40, help="articles per format")
    parser.add_argument("--damaged", type=int, default=200, help="damaged files per format")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        articles = corpus_articles(folder / "corpus", args.count)
        print(f"{len(articles)} articles per format; {args.damaged} damaged files per format")
        print(f"{'format':<6} {'exact':>9} {'ms/file':>8}   damaged: read / refused / crash")
        for fmt in FORMATS:
            exact, times, samples = 0, [], []
            for index, article in enumerate(articles):
                path = write(article, fmt, folder / f"a{index}.{fmt}")
                reader = reader_for(path)
                started = time.perf_counter()
                document = reader(path)
                times.append((time.perf_counter() - started) * 1000)
                lines = [line for line in document.text.splitlines() if line.strip()]
                exact += lines == article.lines()
                samples.append(path.read_bytes())
            outcomes = {"read": 0, "refused": 0, "crash": 0}
            for index in range(args.damaged):
                path = folder / f"d{index}.{fmt}"
                path.write_bytes(damage(rng.choice(samples), rng))
                try:
                    reader_for(path)(path)
                    outcomes["read"] += 1
                except InputError:
                    outcomes["refused"] += 1
                except Exception as exc:  # the figure this bench exists to keep at zero
                    outcomes["crash"] += 1
                    print(f"  crash: {fmt}: {type(exc).__name__}: {exc}", file=sys.stderr)
            print(
                f"{fmt:<6} {exact:>4}/{len(articles):<4} {statistics.median(times):>8.1f}"
                f"   {outcomes['read']:>13} / {outcomes['refused']:>7} / {outcomes['crash']:>5}"
            )


if __name__ == "__main__":
    main()
