"""Subject lines and titles of single-page memos built from real pages.

Each article of ../shared/extraction/ground-truth.json (its marked body, first line first, as an
analyst would paste it into a .txt file) becomes a one-source memo. Printed per group, dev pages
(id 0-7, where the subject and title rules were set) and held-out pages (id 8-f, never read):

- subject length in words: median, max, share over 20 words;
- subject checks: not standalone (briefgen.analysis.standalone.stand_alone says no: an opening
  pronoun, unbalanced quotes, a fragment), a dangling end (a function word or a comma last), a
  subject equal to the title or made mostly of its words;
- title checks: a greeting ("Good morning!"), a truncated line ("…"), more than 20 words; no
  headline at all (briefgen.analysis.title.not_headline: also a prompt such as "CLICK FOR ...",
  a bare dateline, a field line, two sentences); the file's name, the stand-in when no line of
  the lead made a headline (every page is written to article.txt).

    python3 bench/headline.py            # aggregates for both groups
    python3 bench/headline.py --show     # also each DEV page's title and subject (never 8-f)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))

from briefgen.analysis.corpus import tokens  # noqa: E402
from briefgen.analysis.pipeline import Options, build_brief  # noqa: E402
from briefgen.analysis.standalone import stand_alone  # noqa: E402
from briefgen.analysis.title import greeting_or_cut, not_headline  # noqa: E402
from briefgen.sources.base import read_sources  # noqa: E402

PAGES = REPO.parent / "shared" / "extraction" / "ground-truth.json"
LONG = 20
STAND_IN = "article"  # the title from the file's name, article.txt
REPEAT = 0.65  # a subject whose words are this much the title's retells it
_DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "and",
        "or",
        "but",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "than",
        "its",
        "their",
        "his",
        "her",
        "said",
        "says",
    ]
)


def memo(body: str, folder: Path):
    path = folder / f"{STAND_IN}.txt"
    path.write_text(body, encoding="utf-8")
    return build_brief(read_sources([path], lambda _m: None), Options())


def checks(title: str, subject: str) -> dict[str, bool]:
    words = subject.split()
    subject_words, title_words = set(tokens(subject)), set(tokens(title))
    shared = len(subject_words & title_words) / max(1, len(subject_words))
    return {
        "subject > 20 words": len(words) > LONG,
        "subject not standalone": not stand_alone(subject.rstrip(".") + ".", None)[1],
        "subject dangling end": bool(words)
        and (words[-1].lower().strip("”’\"'") in _DANGLING or subject.endswith((",", ";", ":"))),
        "subject retells title": subject == title or shared >= REPEAT,
        "title greeting or cut": greeting_or_cut(title),
        "title > 20 words": len(title.split()) > LONG,
        "title not a headline": not_headline(title),
        "title the file's name": title == STAND_IN,
    }


def report(name: str, rows: list[tuple[str, str, str]]) -> None:
    lengths = [len(subject.split()) for _, _, subject in rows]
    print(f"{name}: {len(rows)} pages")
    if not rows:
        return
    print(
        f"  subject words: median {statistics.median(lengths):.0f}, max {max(lengths)}, "
        f"share > {LONG}: {sum(n > LONG for n in lengths) / len(rows):.0%}"
    )
    found = [checks(title, subject) for _, title, subject in rows]
    for check in found[0]:
        print(f"  {check}: {sum(f[check] for f in found)}/{len(rows)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each dev page's lines")
    args = parser.parse_args()
    pages = json.loads(PAGES.read_text(encoding="utf-8"))
    groups: dict[str, list[tuple[str, str, str]]] = {"dev (0-7)": [], "held out (8-f)": []}
    with tempfile.TemporaryDirectory() as tmp:
        for key in sorted(pages):
            body = pages[key].get("articleBody") or ""
            if len(body.split()) < 40:
                continue  # no article to brief
            brief = memo(body, Path(tmp))
            dev = key[0] in "01234567"
            groups["dev (0-7)" if dev else "held out (8-f)"].append(
                (key, brief.title, brief.subject)
            )
            if args.show and dev:
                flags = [k for k, v in checks(brief.title, brief.subject).items() if v]
                print(f"== {key[:8]} | {brief.title}\n   {brief.subject}  {flags or ''}")
    for name, rows in groups.items():
        report(name, rows)


if __name__ == "__main__":
    main()
