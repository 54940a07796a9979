"""Quantities as news copy writes them: money, percentages, measures, counts, ranges and changes.

``find_quantities`` returns each figure of a sentence once, with its span, a display form and a
number for comparing tellings across sources. Forms read: "$44-billion", "US$44bn", "10 trillion
Yen", "JPY 10 tn (about USD 68 bn)", "20 per cent", "27,5 %", "one-year", "two and a half hours",
"12 million metric tons", "5% of GDP", "80-90 meters", "nearly a quarter of global GDP", and a
change "from 57% to 47%" (one quantity, ``before`` = "57%").

Hand-written, not quantulum3: measured on these forms it read "$44-billion" as $44, "bn" as
bit-newtons, "27,5 %" as 5 %, averaged "57% to 47%" to 52 and took ~6 s on its first parse (24 MB
installed); price-parser drops the scale word ("billion").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefgen.analysis.lexicon import YEAR, alternation, lower

# --------------------------------------------------------------------------- numbers
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "million": 1e6, "mn": 1e6, "m": 1e6,
    "crore": 1e7, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    "tr": 1e12, "lakh crore": 1e12,
}  # fmt: skip
_SCALE_NAMES = {"k": "thousand", "mn": "million", "m": "million", "bn": "billion", "b": "billion",
                "tn": "trillion", "tr": "trillion"}  # fmt: skip
_WORD = "|".join(sorted((w for w in _UNITS if " " not in w), key=len, reverse=True))
# "twenty-five", "two and a half", "one point five", "three hundred"
_WORDS = (
    rf"(?:(?:{_WORD})(?:-(?:{_WORD}))?(?:\s+point\s+(?:{_WORD}))?"
    rf"(?:\s+hundred(?:\s+and\s+(?:{_WORD}))?)?(?:\s+and\s+a\s+half)?)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_NUM = rf"(?:{_DIGITS}|\b{_WORDS}\b)"
# Scale words written out after a number ("10 trillion", "5 crore"); labels.py reads them too.
# "lakh crore" (a lakh of crores, 10^12) is one scale in Indian copy, not a lakh then a noun.
LONG_SCALES = ("trillion", "billion", "million", "thousand", "lakh crore", "crore", "lakh")
_LONG_SCALE = rf"(?:{alternation(LONG_SCALES)})\b"
_SCALE = rf"(?:{alternation(LONG_SCALES)}|tn|bn|mn|tr|[mbk])\b"
_APPROX = (
    r"(?:(?:about|around|roughly|nearly|almost|some|over|under|more than|less than|fewer than|"
    r"at least|at most|up to|close to|just over|just under|approximately|an estimated|"
    r"upwards of|in excess of)\s+|~\s?)"
)

# --------------------------------------------------------------------------- units
_SYMBOLS = {
    "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "Rs.": "INR", "Rs": "INR", "₩": "KRW", "₽": "RUB", "RMB": "CNY",
}  # fmt: skip
_CODES = re.findall(
    r"\w+",
    "USD JPY INR EUR GBP AUD CAD NZD CNY HKD TWD KRW SGD IDR PHP VND THB MYR AED SAR QAR BRL MXN "
    "ZAR NGN RUB CHF SEK NOK DKK PLN TRY",
)
# Currency names after the amount ("10 trillion yen"); Babel knows the long names ("Japanese
# yen") but not the short forms copy uses, so a short table serves better than 30 MB of locales.
_NAMES = {
    "us dollars": "USD", "dollars": "USD", "dollar": "USD", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "rupees": "INR", "rupee": "INR", "won": "KRW", "roubles": "RUB", "rubles": "RUB",
    "reais": "BRL", "rand": "ZAR", "dirhams": "AED", "riyals": "SAR", "ringgit": "MYR",
    "baht": "THB", "pesos": "MXN", "swiss francs": "CHF",
}  # fmt: skip
_PREFIX = "|".join(
    [re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True)] + [rf"{c}\b" for c in _CODES]
)
_CURRENCY_NAME = "|".join(sorted(_NAMES, key=len, reverse=True))
_PERCENT = r"(?:%|per\s?cent\b|percent\b|pc\b|percentage points?\b)"
# Units of measure, as against counted nouns ("troops", "ships"): what a measure is told in.
# labels.is_unit asks the same question of a figure, so both read this one list.
TIME_UNITS = (
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
    "second", "minute", "hour", "day", "week", "month", "year", "decade",
)  # fmt: skip
_TEMPERATURE = ("Celsius", "Fahrenheit", "C", "F")  # after "degrees"
MEASURE_UNITS = TIME_UNITS + (
    "tonnes", "tons", "tonne", "ton", "barrels", "bpd", "kilometres", "kilometers", "km",
    "miles", "mile", "metres", "meters", "metre", "meter", "feet", "foot", "inches", "inch",
    "centimetres", "centimeters", "millimetres", "millimeters", "kg", "kilograms", "kilogram",
    "pounds", "pound", "hectares", "acres", "degrees", "GWh", "MWh", "kWh", "GW", "MW", "kW",
    "gigawatts", "megawatts", "nanometres", "nanometers", "nm",
)  # fmt: skip
_MEASURES = (
    r"(?:metric\s+)?(?:tonnes|tons|tonne|ton)|barrels(?:\s+(?:a|per)\s+day)?|basis\s+points?|"
    r"square\s+(?:kilometres|kilometers|miles)|"
    rf"degrees(?:\s+(?:{alternation(_TEMPERATURE)}))?|{alternation(MEASURE_UNITS)}|"
    r"centrifuges|cascades|troops|soldiers|people|persons|civilians|workers|jobs|"
    r"vessels|ships|submarines|aircraft|jets|missiles|drones|bombs|warheads|satellites|"
    r"countries|nations|states|members|leaders|documents|agreements|deals|projects|"
    r"companies|firms|entities|elements|categories|seats|votes|"
    r"(?<=-)(?:nation|member|country|party|seat|strong)|"  # "27-nation bloc", "11-member board"
    r"wounded|dead|injured|displaced|killed|missing|"  # "31 wounded": casualty copy
    # any other plural noun ("10 heads", "13 independent experts"), not a verb or adverb in -s
    r"(?!(?:says|goes|does|has|was|is|this|its|his|plus|news|less|unless|across|versus|"
    r"thus|always|perhaps|yes|towards|besides|as|us|was)\b)(?![a-z]*ous\b)[a-z]{2,}[a-rt-z]s"
)
_ZONE = r"IST|GMT|UTC|ET|EST|EDT|CET|CEST|BST|PT|local time|hours|hrs"
# "around an hour": "a"/"an" is a number only after an approximation
_AN = r"(?:(?<=about )|(?<=around )|(?<=nearly )|(?<=roughly )|(?<=almost )|(?<=over ))an?\b"
_PER = r"(?:\s+(?:a|per|each)\s+(?:year|annum|month|day)(?!\s+ago)|\s+annually)?"

_MONEY_BEFORE = rf"(?P<cur>{_PREFIX})\s?(?P<n>{_DIGITS})(?:(?:\s|-)?(?P<scale>{_SCALE}))?"
_MONEY_AFTER = (
    rf"(?P<n2>{_NUM})(?:[\s-]+(?P<scale2>{_LONG_SCALE}|bn|tn|mn))?[\s-]+"
    rf"(?P<name>{_CURRENCY_NAME})\b"
)
_ONE = (
    rf"(?:(?P<money>(?:{_MONEY_BEFORE}|{_MONEY_AFTER}){_PER})"
    rf"|(?P<pct>(?P<pn>{_NUM})\s?{_PERCENT})"
    rf"|(?P<meas>(?P<mn>{_NUM}|{_AN})(?:\s+(?P<mscale>{_LONG_SCALE}))?(?:\s|-)"
    rf"(?P<mods>(?:(?!(?:and|or|of|to|in|on|at|by|as|for|with|the|a|an|per|from|is|are|was|"
    rf"were|will|would|has|have|had|than|after|before|since|during|into|over|under|about|"
    rf"among|that|who|which)\b)[A-Za-z][\w-]*\s+){{0,2}}?)"
    rf"(?P<unit>{_MEASURES})\b)"
    rf"|(?P<time>\bmidnight\b|\bnoon\b|\b(?:[01]?\d|2[0-3]):[0-5]\d\s?(?:[ap]\.m\.|[ap]\.?m\b)?(?:\s?(?:{_ZONE}))?(?!\d)"
    # "10.30 am" is a time, "0.24" a number: with a point the time needs its "am" or zone
    rf"|\b(?:[01]?\d|2[0-3])\.[0-5]\d\s?(?:[ap]\.m\.|[ap]\.?m\b|(?:{_ZONE})\b)"
    rf"|\b(?:[01]?\d|2[0-3])[0-5]\d\s?(?:{_ZONE})\b"
    rf"|\b(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\.|[ap]\.?m\b)(?:\s?(?:{_ZONE})\b)?)"
    rf"|(?P<bare>(?P<bn>{_DIGITS})(?:\s+(?P<bscale>million|billion|trillion)\b|-plus\b)|(?P<bn2>{_DIGITS}\b))"
    rf"|(?P<share>\b(?:a|one|two|three|four|nine)[\s-](?:third|quarter|fifth|tenth|thirds|quarters|fifths|tenths)\b|\bhalf\b))"
)
# "5% of GDP", "a quarter of global output": a share names its base.
_BASE = (
    r"(?P<base>\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:GDP|population|output|trade|"
    r"production|revenue|sales|emissions|market|exports|imports|budget|income)\b)?"
)
_FIGURE = re.compile(rf"(?P<approx>{_APPROX})?{_ONE}{_BASE}", re.IGNORECASE)
# "80-90 meters", "$40-50 billion", "2-3%": the first bound written bare before the second.
_RANGE_HEAD = re.compile(
    rf"(?:(?:{_PREFIX})?\s?{_DIGITS}\s?[-–]\s?|\b(?:{_NUM})\s+(?:or|to)\s+)$", re.IGNORECASE
)
_CHANGE = re.compile(r"\bfrom\s+(?:the\s+)?(?:current\s+|earlier\s+|previous\s+)?$", re.IGNORECASE)
# "from X (2022-26) to Y", "from X over 2022–2026 to Y": the period the earlier figure covered
_TO = re.compile(
    rf"\s*\(?(?:(?:over|in|for)\s+)?(?P<period>{YEAR}\s*[–-]\s*\d{{2,4}})?\)?\s*"
    r"(?:\([^)]{0,30}\)\s*)?(?:,\s*)?(?:to|into)\s+(?:a\s+new\s+\w+\s+of\s+)?",
    re.IGNORECASE,
)
_UP_FROM = re.compile(
    r"(?:\s+[a-z]+)?\s*,?\s*(?:up|down)\s+from\s+(?:the\s+|its\s+)?", re.IGNORECASE
)
_CONVERTED = re.compile(r"\s*[(,]\s*(?:(?:equivalent to|or)\s+)?", re.IGNORECASE)
_YEAR = re.compile(rf"^{YEAR}$")
# a hyphenated compound with a word that is no unit: "5-gallon", "four-stroke", "ten-part"
_COMPOUND = re.compile(rf"^(?:{_NUM})-(?P<word>[A-Za-z]+)", re.IGNORECASE)
_FRACTIONS = frozenset(("thirds", "quarters", "fifths", "tenths"))
_OLD = re.compile(r"[- ]old\b", re.IGNORECASE)
_GLUED = re.compile(r"[A-Za-z]-$")  # "F-35": a letter and a hyphen before the digits


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str  # display form: "$44 billion", "57% → 47%", "JPY 10 trillion (~USD 68 billion)"
    kind: str  # money, percent, measure, share
    amount: float | None  # the (latest) figure in base units: comparable across tellings
    unit: str  # currency code, "%", the unit or counted noun as written
    before: str = ""  # the earlier figure of a change ("57%")
    # "a 15% duty, down from 27.5%": where the first figure ends, so the noun it modifies
    # ("duty") can be read between the two (0 when the change is told without one)
    inner: int = 0


_UNIT_WORDS = lower(MEASURE_UNITS + _TEMPERATURE)


def is_unit(unit: str) -> bool:
    """A unit of measure ("metric tons", "degrees C", "square miles"), not a counted noun."""
    return unit.split()[-1].lower() in _UNIT_WORDS or unit.lower().startswith(
        ("square", "barrels", "basis")
    )


_SINGLE_TIME = frozenset(("hour", "day", "week", "month", "year", "decade", "minute"))


_LEADING_APPROX = re.compile(rf"^{_APPROX}", re.IGNORECASE)


def without_approximation(text: str) -> str:
    """ "about 100" -> "100": the figure without the word that hedges it."""
    return _LEADING_APPROX.sub("", text)


def number_value(text: str) -> float | None:
    """The number a figure's words or digits say: "27,5" -> 27.5, "two and a half" -> 2.5."""
    text = text.strip().lower()
    if text in ("a", "an"):
        return 1.0
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    total = 0.0
    words = re.findall(r"[a-z]+", text)
    if not words:
        return None
    if "point" in words:  # "one point five"
        i = words.index("point")
        whole, frac = number_value(" ".join(words[:i])), number_value(" ".join(words[i + 1 :]))
        return None if whole is None or frac is None else whole + float(f"0.{int(frac)}")
    for word in words:
        if word in _UNITS:
            total += _UNITS[word]
        elif word == "hundred":
            total = (total or 1) * 100
        elif word == "half":
            total += 0.5
        elif word not in ("and", "a"):
            return None
    return total


def _falls(low: str, high: str) -> bool:
    """ "787-" before "9": the second bound below the first, so no range ("2019-20" is one)."""
    first = re.search(r"\d[\d,.]*", low)
    second = re.search(r"\d[\d,.]*", high)
    if not first or not second:
        return False
    a, b = number_value(first.group().rstrip(".,")), number_value(second.group().rstrip(".,"))
    if a is None or b is None or b >= a:
        return False
    return not (_YEAR.match(first.group()) and len(second.group()) == 2)  # "2019-20": a season


def _scaled(number: str, scale: str | None) -> tuple[float | None, str]:
    value = number_value(number)
    if not scale:
        return value, ""
    key = " ".join(scale.lower().split())
    factor = _SCALES.get(key, 1.0)
    return (None if value is None else value * factor), _SCALE_NAMES.get(key, key)


def _figure(match: re.Match[str]) -> tuple[str, str, float | None, str] | None:
    """(kind, display text, amount, unit) of one matched figure."""
    approx = (match.group("approx") or "").strip()
    approx = "~" if approx == "~" else approx
    lead = f"{approx} " if approx and approx != "~" else approx
    if match.group("money"):
        tail = re.search(rf"{_PER}$", match.group("money"), re.IGNORECASE)
        per = tail.group(0).strip() if tail else ""
        if match.group("cur"):
            symbol = match.group("cur")
            code = _SYMBOLS.get(symbol, symbol.upper())
            amount, scale = _scaled(match.group("n"), match.group("scale"))
            parts = [f"{symbol}{' ' if symbol[-1].isalpha() else ''}{match.group('n')}", scale]
        else:  # "10 trillion yen": the amount before the currency's name
            name = match.group("name").lower()
            code = _NAMES[name]
            amount, scale = _scaled(match.group("n2"), match.group("scale2"))
            parts = [match.group("n2"), scale, name]
        return "money", lead + " ".join(x for x in (*parts, per) if x), amount, code
    if match.group("pct"):
        value = number_value(match.group("pn"))
        shown = match.group("pn")
        if value is not None and not re.search(r"\d", shown):  # "Seventy-eight percent": 78%
            shown = f"{value:g}"
        return "percent", f"{lead}{shown}%", value, "%"
    if match.group("meas"):
        unit = " ".join(match.group("unit").split())
        amount, scale = _scaled(match.group("mn"), match.group("mscale"))
        if match.group("mods"):  # "24 strategic documents": the count keeps its noun phrase
            unit = f"{' '.join(match.group('mods').split())} {unit}"
        if unit.lower().startswith("pound") and scale:  # "5 million pounds" is sterling
            return "money", f"{lead}£{match.group('mn')} {scale}", amount, "GBP"
        number = " ".join(x for x in (match.group("mn"), scale) if x)
        hyphen = "-" in match.group("meas")[len(match.group("mn")) :][:2]
        if hyphen and not scale:  # "one-year truce", "30,000-pound bomb": written as one word
            return "measure", f"{lead}{number}-{unit}", amount, unit
        return "measure", f"{lead}{number} {unit}", amount, unit  # "SLS rockets" keeps its case
    if match.group("bn2"):
        return "number", f"{lead}{match.group('bn2')}", number_value(match.group("bn2")), ""
    if match.group("bare"):  # "1.4 million", "150-plus": what it counts comes from the label
        amount, scale = _scaled(match.group("bn"), match.group("bscale"))
        shown = match.group("bare") if not scale else f"{match.group('bn')} {scale}"
        return "number", f"{lead}{shown}", amount, ""
    if match.group("time"):  # "17:00 hours", "1130 GMT", "5:25 pm"
        return "time", " ".join(match.group("time").split()), None, "time"
    share = match.group("share")
    if share:
        return "share", f"{lead}{share}", None, "share"
    return None


# Where a figure can be: a digit, a currency sign, a number word. Trying the big pattern only
# near these (rather than at every character) keeps a sentence to a few dozen microseconds.
_TRIGGER = re.compile(
    rf"\d+|[$€£¥₹₩₽~]|\b(?:{_WORD}|half|thirds?|quarters?|fifth|tenth|dozen|midnight|noon|"
    r"an?\s+(?:hour|day|week|month|year|decade|minute))\b",
    re.IGNORECASE,
)
_BACK = 24  # an approximation and a currency code before the number: "approximately USD "
_WORD_START = re.compile(r"(?<![\w.,])\S")


def _candidates(sentence: str) -> list[re.Match[str]]:
    """The matches ``_FIGURE.finditer`` would give, tried only at the starts of the words just
    before each trigger (every figure holds one), not at every character."""
    matches: list[re.Match[str]] = []
    pos = 0
    for trigger in _TRIGGER.finditer(sentence):
        if trigger.start() < pos:
            continue
        window = range(max(pos, trigger.start() - _BACK), trigger.start() + 1)
        for start in (m.start() for m in _WORD_START.finditer(sentence, window.start, window.stop)):
            match = _FIGURE.match(sentence, start)
            if match is not None and match.end() > trigger.start():
                matches.append(match)
                pos = match.end()
                break
    return matches


def find_quantities(sentence: str) -> list[Quantity]:
    """Every figure of ``sentence`` once, in reading order; a change "from X to Y" is one."""
    return list(_quantities(sentence))


# Facts, the summary's repeat test and the title each read a sentence's figures: one parse
# (~0.1 ms a sentence, a quarter of a large draft's time) serves them all.
@lru_cache(maxsize=4096)
def _quantities(sentence: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    for match in _candidates(sentence):
        figure = _figure(match)
        if figure is None:
            continue
        kind, text, amount, unit = figure
        if match.group("bn2") and (not match.group("approx") or _YEAR.match(match.group("bn2"))):
            continue  # a bare number is a figure only when told as one: "over 80", "nearly 200"
        if (
            match.group("mn")
            and match.group("mn").lower() in ("a", "an")
            and (not match.group("approx") or match.group("unit").lower() not in _SINGLE_TIME)
        ):
            continue  # "a year" alone is a phrase; "around an hour" is a figure
        unit_word = (match.group("unit") or "").lower()
        hyphened = "-" in match.group(0)
        if unit_word in _SINGLE_TIME | {"second"} and match.group("mods") and not hyphened:
            continue  # "22 fast second": a singular time unit after a modifier is not one
        if match.group("base") and kind in ("percent", "share"):
            text += " " + " ".join(match.group("base").split())
        start, end = match.start(), match.end()
        if match.group("base") and kind not in ("percent", "share"):
            end = match.start("base")  # "$250 billion of Chinese imports": the label's words
        if kind == "measure" and unit.lower() in _FRACTIONS:  # "three-quarters of": a share
            kind, amount, unit = "share", None, "share"
        compound = _COMPOUND.match(match.group("meas") or "") if kind == "measure" else None
        if compound and match.group("mods") and not match.group("mscale"):
            # "5-gallon bottles", "a four-stroke motor", "a ten-part series": the figure is the
            # compound written as one word; the noun after it is what the label names
            word = compound.group("word")
            text = f"{match.group('approx') or ''}{compound.group(0)}".strip()
            kind, unit, end = "number", word.lower(), start + len(text)
            if match.group("approx"):
                end = match.start() + len(match.group("approx")) + len(compound.group(0))
        old = _OLD.match(sentence, end) if kind == "measure" and unit in ("year", "years") else None
        if old:  # "a 60-year-old brother", "the 47 year old": an age, written as it stands
            text, end = text + sentence[end : old.end()], old.end()
        number = match.group("mn") or match.group("pn") or ""
        if kind == "measure" and _YEAR.match(number or ""):
            continue  # "2025 people" reads as a year
        head = _RANGE_HEAD.search(sentence[max(0, start - 16) : start])
        low = head.group(0).strip() if head else ""
        if low and low[-1] not in "-–" and (_YEAR.match(low.split()[0]) or kind == "money"):
            head = None  # "over 2022–2026 to JPY 10 trillion": a period, not a range
        if head and low[-1] in "-–" and _falls(low, number or text):
            continue  # "787-9 Dreamliner", "won 3-1": a model or a score, not a range
        if head:  # "80-90 meters", "two or three weeks": keep both bounds
            text = f"{low.rstrip('-–').strip()}–{text}" if low[-1] in "-–" else f"{low} {text}"
            start -= len(head.group(0))
        at = start + len(sentence[start:]) - len(sentence[start:].lstrip())  # past a space
        if at and (sentence[at - 1].isalpha() or _GLUED.search(sentence[:at])):
            continue  # "A350-900", "F-35", "G20": digits inside a name or a model number
        if kind == "share" and not (
            match.group("base") or re.match(r"\s+(?:of|the)\b", sentence[end:])
        ):
            continue  # "half" alone is not a figure; "half the world's population" is
        found.append(Quantity(start, end, text, kind, amount, unit))
    return tuple(
        _join_changes(
            sentence,
            _join_durations(sentence, _join_ranges(sentence, _join_conversions(sentence, found))),
        )
    )


def _join_conversions(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """ "JPY 10 trillion (about USD 68 billion)": one figure told in two currencies."""
    out: list[Quantity] = []
    for quantity in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == quantity.kind == "money"
            and previous.unit != quantity.unit
            and _CONVERTED.fullmatch(sentence[previous.end : quantity.start])
        ):
            told = without_approximation(quantity.text)
            text = f"{previous.text} (~{told})"
            end = quantity.end + (1 if sentence[quantity.end : quantity.end + 1] == ")" else 0)
            out[-1] = Quantity(previous.start, end, text, "money", previous.amount, previous.unit)
            continue
        out.append(quantity)
    return out


def _join_ranges(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """ "between €30 billion and €50 billion": one figure, "€30–50 billion"."""
    out: list[Quantity] = []
    for quantity in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and (previous.kind, previous.unit) == (quantity.kind, quantity.unit)
            and re.fullmatch(r"\s+(?:and|to)\s+", sentence[previous.end : quantity.start])
            and re.search(r"\bbetween\s+$", sentence[: previous.start])
        ):
            low, high = previous.text.split(" "), quantity.text.split(" ")
            same_tail = len(low) > 1 and low[1:] == high[1:]
            text = f"{low[0]}–{re.sub(r'^[^0-9]*', '', high[0]) if same_tail else quantity.text}"
            text = " ".join([text, *high[1:]]) if same_tail else f"{previous.text}–{quantity.text}"
            out[-1] = Quantity(previous.start, quantity.end, text, quantity.kind, quantity.amount,
                               quantity.unit)  # fmt: skip
            continue
        out.append(quantity)
    return out


_TIME_RANK = {unit: k // 2 for k, unit in enumerate(
    ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
     "month", "months", "year", "years")
)}  # fmt: skip


def _join_durations(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """ "4 minutes and 15 seconds", "two years and three months": one duration."""
    out: list[Quantity] = []
    for quantity in found:
        previous = out[-1] if out else None
        big = _TIME_RANK.get(previous.unit.lower(), -1) if previous else -1
        small = _TIME_RANK.get(quantity.unit.lower(), -1)
        if (
            previous is not None
            and (previous.kind, quantity.kind) == ("measure", "measure")
            and 0 <= small < big
            and re.fullmatch(r",?\s+(?:and\s+)?", sentence[previous.end : quantity.start])
        ):
            text = sentence[previous.start : quantity.end]
            out[-1] = Quantity(previous.start, quantity.end, text, "measure", previous.amount,
                               previous.unit)  # fmt: skip
            continue
        out.append(quantity)
    return out


# "145% on Chinese goods was cut to 30%": the earlier figure changed into the later one
_CUT_TO = re.compile(
    r"[^.;,\d]{0,40}?\b(?:was|were|is|are|will\s+be|would\s+be|has\s+been|have\s+been)\s+"
    r"(?:cut|lowered|reduced|raised|increased|hiked|slashed|lifted)\s+to\s+",
    re.IGNORECASE,
)


def _join_changes(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """ "from 57% to 47%", "to 47% from 57%", "47%, down from 57%": one row, old → new."""
    out: list[Quantity] = []
    skip = -1
    for i, quantity in enumerate(found):
        if i == skip:
            continue
        after = found[i + 1] if i + 1 < len(found) else None
        between = sentence[quantity.end : after.start] if after else ""
        if after is None or after.kind != quantity.kind:
            out.append(quantity)
            continue
        changed = _CHANGE.search(sentence[: quantity.start]) and _TO.fullmatch(between)
        if changed or _CUT_TO.fullmatch(between):  # "... was cut to 30%": old, then new
            old, new = quantity, after
        elif _UP_FROM.fullmatch(between) or (
            re.fullmatch(r"\s+from\s+", between)
            and re.search(r"\bto\s+$", sentence[: quantity.start])
        ):
            old, new = after, quantity
        else:
            out.append(quantity)
            continue
        skip = i + 1
        start = min(quantity.start, after.start)
        period = _TO.fullmatch(between) if old is quantity else None
        told = (
            f"{old.text} ({period.group('period')})"
            if period and period.group("period")
            else old.text
        )
        text = f"{told} → {new.text}"
        inner = quantity.end if old is after and _UP_FROM.fullmatch(between) else 0
        out.append(
            Quantity(start, after.end, text, new.kind, new.amount, new.unit, old.text, inner)
        )
    return out


def value_key(quantity: Quantity) -> str:
    """Tellings of one figure share this key: "$44 billion" and "US$44bn" alike."""
    if quantity.amount is None:
        return re.sub(r"\W+", "", quantity.text.lower())
    # a change is its own fact: "27.5% → 15%" is not the "15%" told alone
    was = re.sub(r"\W+", "", quantity.before.lower())
    return f"{quantity.kind}:{quantity.unit.lower()}:{quantity.amount:.6g}:{was}"


@lru_cache(maxsize=4096)
def headline_figures(sentence: str) -> frozenset[str]:
    """The keys of the figures that make a sentence a fact of its own: money, a percentage, a
    change ("57% → 47%"). Two sentences sharing one tell the same fact, however worded."""
    return frozenset(
        value_key(q)
        for q in find_quantities(sentence)
        if q.before or q.kind in ("money", "percent")
    )
