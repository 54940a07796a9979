"""Synthetic source articles for the benchmarks: many, varied, deterministic.

Articles read like the wire copy briefgen meets in practice: a headline, a few highlight
bullets, a dateline, paragraphs of two or three sentences that touch defence, technology, the
economy and what comes next, money figures and named officials, and some syndicated sentences
repeated nearly word for word across articles (so deduplication has real work to do). Every
sentence is assembled from small word lists with a seeded random generator: the same arguments
always give the same files, and nothing is copied from real articles.

    python3 bench/corpus.py articles DIR --count 1000
    python3 bench/corpus.py topics DIR --count 100 --per-topic 3
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PLACES = ["Johannesburg", "Osaka", "Pune", "Nairobi", "Hanoi", "Lisbon", "Santiago", "Perth"]
COUNTRIES = ["India", "Japan", "Kenya", "Vietnam", "Chile", "Portugal", "Australia", "Brazil"]
ROLES = ["Prime Minister", "Foreign Minister", "Defence Minister", "Finance Minister", "President"]
SYLLABLES = ["ka", "ri", "to", "na", "mi", "shu", "ra", "de", "vi", "lo", "sa", "en", "ta", "ko"]
CURRENCIES = ["USD", "JPY", "INR", "EUR"]
SCALES = ["million", "billion", "trillion", "crore"]
MONTHS = ["January", "March", "May", "July", "September", "November"]

TOPICS = {
    "defence": [
        "joint naval exercises in the {region}",
        "maritime security patrols near {place}",
        "interoperability between their armed forces",
        "defence equipment co-production at {place}",
        "military logistics agreements",
        "deterrence against coercion at sea",
    ],
    "technology": [
        "semiconductor fabrication plants near {place}",
        "artificial intelligence research centres",
        "critical minerals processing chains",
        "digital public infrastructure pilots",
        "quantum computing partnerships",
        "secure 5G telecom networks",
    ],
    "economy": [
        "trade in {goods}",
        "private investment in {goods}",
        "infrastructure finance for the {place} corridor",
        "export credit for small and medium enterprises",
        "tariff cuts on {goods}",
        "a free trade agreement review",
    ],
}
GOODS = [
    "pharmaceuticals",
    "textiles",
    "steel",
    "rice",
    "electronics",
    "solar panels",
    "auto parts",
]
REGIONS = ["Indo-Pacific", "Bay of Bengal", "South China Sea", "Arabian Sea", "Indian Ocean"]
VERBS = [
    "agreed to expand",
    "called for faster progress on",
    "reviewed plans for",
    "signed a memorandum on",
    "set up a working group on",
    "discussed new funding for",
]
OUTLOOK = [
    "Officials expect a first review of {topic} by {month} {year}.",
    "The two sides will meet again in {place} next year to take stock of {topic}.",
    "Negotiators plan to finish work on {topic} before the {nth} annual summit.",
]
FILLER = [
    "Analysts in {place} said the talks reflected a wider shift in regional priorities.",
    "The meeting lasted about {minutes} minutes, according to a statement from {place}.",
    "Local business groups in {place} welcomed the announcement.",
]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        place=rng.choice(PLACES),
        region=rng.choice(REGIONS),
        goods=rng.choice(GOODS),
        month=rng.choice(MONTHS),
        year=rng.randint(2026, 2032),
        nth=f"{rng.randint(11, 30)}th",
        minutes=rng.randint(20, 90),
        topic="it",
    )


def _topic_sentence(rng: random.Random, section: str) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    subject = _fill(rng.choice(TOPICS[section]), rng)
    # A unique official and number keep sentences distinct, as in real reporting.
    official = f"{rng.choice(ROLES)} {_name(rng)}"
    tail = rng.choice(
        [
            f", {official} told reporters",
            f" after talks led by {official}",
            f" worth {rng.choice(CURRENCIES)} {rng.randint(2, 900)} {rng.choice(SCALES)}",
            f" covering {rng.randint(3, 40)} projects",
        ]
    )
    return f"{a} and {b} {rng.choice(VERBS)} {subject}{tail}."


def _outlook_sentence(rng: random.Random) -> str:
    section = rng.choice(list(TOPICS))
    topic = _fill(rng.choice(TOPICS[section]), rng)
    return _fill(rng.choice(OUTLOOK), rng).replace(" it", f" {topic}", 1)


def wire_pool(seed: int = 7, size: int = 200) -> list[str]:
    """Syndicated sentences that several articles repeat, sometimes lightly edited."""
    rng = random.Random(seed)
    return [_topic_sentence(rng, rng.choice(list(TOPICS))) for _ in range(size)]


def article(rng: random.Random, index: int, wire: list[str]) -> str:
    """One article of about 15-25 sentences."""
    a, b = rng.sample(COUNTRIES, 2)
    place = rng.choice(PLACES)
    lines = [f"{a} and {b} leaders meet in {place} (report {index})", ""]
    lines += [f"- {_topic_sentence(rng, s)}" for s in rng.sample(list(TOPICS), 3)]
    lines.append("")
    lead = f"{a} and {b} held talks in {place} on {rng.choice(MONTHS)} {rng.randint(1, 28)}"
    lines.append(f"{place.upper()}, Nov {rng.randint(1, 28)} (Staff) — {lead}.")
    for _ in range(rng.randint(6, 9)):
        sentences = []
        for _ in range(rng.randint(2, 3)):
            roll = rng.random()
            if roll < 0.12:
                sentence = rng.choice(wire)
                if rng.random() < 0.5:  # an edited copy: still a near-duplicate
                    sentence = sentence.replace(" and ", " and also ", 1)
            elif roll < 0.27:
                sentence = _outlook_sentence(rng)
            elif roll < 0.37:
                sentence = _fill(rng.choice(FILLER), rng)
            else:
                sentence = _topic_sentence(rng, rng.choice(list(TOPICS)))
            sentences.append(sentence)
        lines += ["", " ".join(sentences)]
    if rng.random() < 0.3:
        lines += ["", "Also Read: more coverage of the summit"]
    return "\n".join(lines) + "\n"


def write_articles(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """``count`` articles as text files in ``folder`` (created); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    wire = wire_pool()
    width = len(str(count))
    paths = []
    for index in range(count):
        path = folder / f"article_{index:0{width}d}.txt"
        path.write_text(article(rng, index, wire), encoding="utf-8")
        paths.append(path)
    return paths


def write_topics(folder: Path, count: int, per_topic: int = 3, seed: int = 2) -> list[Path]:
    """``count`` topic folders (the input of ``briefgen batch``), ``per_topic`` articles each."""
    folder.mkdir(parents=True, exist_ok=True)
    width = len(str(count))
    topics = []
    for index in range(count):
        topic = folder / f"topic_{index:0{width}d}"
        write_articles(topic, per_topic, seed=seed * 100_003 + index)
        topics.append(topic)
    return topics


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["articles", "topics"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--per-topic", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.kind == "articles":
        paths = write_articles(args.folder, args.count, args.seed)
    else:
        paths = write_topics(args.folder, args.count, args.per_topic, args.seed)
    print(f"{len(paths)} {args.kind} in {args.folder}")


if __name__ == "__main__":
    main()
