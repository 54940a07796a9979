"""Dates in copy, resolved against the date of the source that wrote them.

"on Thursday" in a piece dated Friday 2025-10-31 is 2025-10-30; "next year" is 2026; "April 30"
without a year is the source's year. ``find_dates`` returns each date phrase with the day (or the
first day of the month or year) it names, and how precise it is, so a "Watch:" line can say
"(April 2026)" and be compared with the memo's date. python-dateutil does the calendar work
(weekday steps, month arithmetic, parsing "2 August 2025" and "Aug. 2").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefgen.analysis.lexicon import MONTHS, MONTHS_SHORT, WEEKDAYS, YEAR, alternation

# Longest first: with no word boundary after it, "September" is tried before "Sept" and "Sep".
_MONTH = rf"(?:{alternation(MONTHS + MONTHS_SHORT)})\.?"
_WEEKDAY = alternation(WEEKDAYS)  # whole names only: "sun", "sat" and "wed" are words too
_YEAR = YEAR
_PATTERNS = [
    # "2 August 2025", "August 2, 2025", "Aug. 2", "12 August", "April 2026", "early 2030s"
    ("day", rf"\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?\b"),
    ("day", rf"\b(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?!\d|:)(?:st|nd|rd|th)?"
            rf"(?:\s*(?:to|-|–)\s*\d{{1,2}}\b(?!:))?(?:,?\s+(?P<y2>{_YEAR}))?\b"),
    ("month", rf"\b(?:(?P<part>early|mid|late)[- ])?(?P<m3>{_MONTH})\s+(?P<y3>{_YEAR})\b"),
    ("month", rf"\b(?:in|by|until|from|since)\s+(?P<m4>{_MONTH})\b(?!\s*\d)"),
    ("weekday", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>{_WEEKDAY})\b"),
    ("relative", r"\b(?P<which>this|next|last)\s+(?P<span>week|month|year)\b"),
    ("relative", r"\b(?P<which2>later|earlier)\s+this\s+(?P<span2>week|month|year)\b"),
    ("relative", r"\b(?P<day>today|tomorrow|yesterday)\b"),
    ("relative", r"\b(?P<yearend>year-end|the end of the year)\b"),
    ("decade", r"\b(?:(?P<dpart>early|mid|late)[- ])?(?P<decade>(?:19|20)\d0)s\b"),
    ("year", rf"\b(?P<y4>{_YEAR})\b(?!\s*[–-]\s*\d)"),
]  # fmt: skip
_DATE = re.compile("|".join(f"(?:{p})" for _, p in _PATTERNS), re.IGNORECASE)
_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|plans?|planned|to be|is due|are due|expected|scheduled|set to|"
    r"next|upcoming|aims?|until)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str  # as written: "on Thursday" -> "Thursday"
    day: dt.date  # the day named, or the first day of the month / year named
    precision: str  # day, month, year
    relative: bool = False  # "on Thursday", "next month": only its source's date says when

    def label(self) -> str:
        """ "30 April 2026", "April 2026", "2026"."""
        if self.precision == "day":
            return f"{self.day.day} {MONTHS[self.day.month - 1]} {self.day.year}"
        if self.precision == "month":
            return f"{MONTHS[self.day.month - 1]} {self.day.year}"
        return str(self.day.year)

    def last_day(self) -> dt.date:
        """The last day the mention covers: an event "in April 2026" is not past on 2026-04-10."""
        from dateutil.relativedelta import relativedelta

        if self.precision == "day":
            return self.day
        step = relativedelta(months=1) if self.precision == "month" else relativedelta(years=1)
        return self.day + step - dt.timedelta(days=1)


def parse_iso(text: str) -> dt.date | None:
    """A source's date field ("2025-08-16", "2025-08-16T10:00:00Z") as a date, or None."""
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text or "")
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def newest(dates: list[str]) -> str:
    """The newest of the sources' dates as YYYY-MM-DD, or "" when none is dated."""
    parsed = [d for d in map(parse_iso, dates) if d is not None]
    return max(parsed).isoformat() if parsed else ""


def find_dates(sentence: str, anchor: dt.date | None) -> list[DateMention]:
    """Date phrases of ``sentence`` resolved against ``anchor`` (the source's date).

    Without an anchor only phrases that carry their own year resolve; a weekday or "next
    month" with nothing to count from is left out rather than guessed.
    """
    found: list[DateMention] = []
    for match in _DATE.finditer(sentence):
        # the plan's wording near the date decides: "who met Xi on Thursday, will visit" is past
        future = bool(_FUTURE_CUE.search(sentence[max(0, match.start() - 40) : match.start()]))
        try:
            resolved = _resolve(match, anchor, future)
        except (OverflowError, ValueError):  # counted past year 1 or 9999: no such day
            resolved = None
        if resolved is not None:
            day, precision = resolved
            relative = bool(
                match.group("wd") or match.group("span") or match.group("span2")
                or match.group("day") or match.group("m4") or match.group("yearend")
            )  # fmt: skip
            found.append(
                DateMention(match.start(), match.end(), match.group(0), day, precision, relative)
            )
    return found


def _month_number(text: str) -> int:
    return [m[:3].lower() for m in MONTHS].index(text.rstrip(".")[:3].lower()) + 1


def _resolve(
    match: re.Match[str], anchor: dt.date | None, future: bool
) -> tuple[dt.date, str] | None:
    from dateutil.relativedelta import relativedelta
    from dateutil.relativedelta import weekday as day_of_week

    group = match.groupdict()
    month = group["m1"] or group["m2"]
    if month:
        day = int(group["d1"] or group["d2"])
        year = group["y1"] or group["y2"]
        if year is None and anchor is None:
            return None
        base_year = int(year) if year else anchor.year  # type: ignore[union-attr]
        try:
            when = dt.date(base_year, _month_number(month), day)
        except ValueError:
            return None
        # "January 10" in a piece of 20 December, told as a plan: next year's
        if not year and anchor and future and when < anchor - dt.timedelta(days=60):
            when = when.replace(year=when.year + 1)
        return when, "day"
    if group["m3"]:
        return dt.date(int(group["y3"]), _month_number(group["m3"]), 1), "month"
    if group["m4"]:  # "in April": the source's year, or the next April for a plan
        if anchor is None:
            return None
        month = _month_number(group["m4"])
        year = anchor.year + (1 if future and month < anchor.month else 0)
        return dt.date(year, month, 1), "month"
    if group["wd"]:
        if anchor is None:
            return None
        weekday = WEEKDAYS.index(group["wd"].capitalize())
        rel = (group["rel"] or "").lower()
        # Copy names the day of the week nearest its own date: a plan looks ahead, a report back.
        ahead = rel == "next" or (rel != "last" and future)
        when = anchor + relativedelta(weekday=day_of_week(weekday)(+1 if ahead else -1))
        if rel == "next" and when == anchor:
            when += dt.timedelta(days=7)
        return when, "day"
    span = group["span"] or group["span2"]
    if span:
        if anchor is None:
            return None
        which = (group["which"] or "this").lower()
        shift = {"next": 1, "last": -1}.get(which, 0)
        if span == "week":
            return anchor + dt.timedelta(weeks=shift), "day"
        if span == "month":
            first = anchor.replace(day=1) + relativedelta(months=shift)
            return first, "month"
        return dt.date(anchor.year + shift, 1, 1), "year"
    if group["yearend"]:
        return (dt.date(anchor.year, 12, 31), "day") if anchor else None
    if group["day"]:
        if anchor is None:
            return None
        shift = {"today": 0, "tomorrow": 1, "yesterday": -1}[group["day"].lower()]
        return anchor + dt.timedelta(days=shift), "day"
    if group["decade"]:
        start = int(group["decade"])
        offset = {"mid": 3, "late": 6}.get((group["dpart"] or "").lower(), 0)
        return dt.date(start + offset, 1, 1), "year"
    if group["y4"]:
        return dt.date(int(group["y4"]), 1, 1), "year"
    return None


def resolve_relative(text: str, anchor: dt.date | None) -> str:
    """``text`` with each relative date followed by the date it names, so a reader a year on
    knows when: "met on Thursday" -> "met on Thursday (30 October 2025)". Unchanged without a
    source date, and a phrase already followed by a bracket is left alone."""
    if anchor is None:
        return text
    out: list[str] = []
    last = 0
    for mention in find_dates(text, anchor):
        if not mention.relative or text[mention.end :].lstrip().startswith("("):
            continue
        if mention.text.lower() in ("today", "this year") and mention.precision != "day":
            continue
        shown = mention.label()
        if mention.precision == "month" and shown[:3].lower() in mention.text.lower():
            shown = str(mention.day.year)  # "in April (2026)", not "in April (April 2026)"
        out += [text[last : mention.end], f" ({shown})"]
        last = mention.end
    return "".join(out) + text[last:]
