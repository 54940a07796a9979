"""Strip what articles carry around the story: promos, bylines, datelines, credits, captions.

Two levels. ``clutter_kind`` recognises a line or a sentence that is never story text (a promo,
a byline with its credits, a timestamp, a section label, a caption with its photo credit, an
editor's note, the text of an embedded post). ``clean_text`` also drops what only a line's place
in the page betrays: a subhead (a short line with no sentence end) and a dateline opening any
paragraph ("BUSAN, South Korea (Reuters) —", "Paris, Thursday, February 13, 2025 –").

Publisher highlight bullets (bullets before the first story paragraph) are kept apart as
highlights: the summary uses them when present.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from briefgen.analysis.corpus import word_set
from briefgen.analysis.lexicon import (
    CALENDAR,
    MONTHS,
    MONTHS_SHORT,
    WEEKDAYS,
    WEEKDAYS_SHORT,
    alternation,
    lower,
)
from briefgen.analysis.standalone import SPEECH, speakers

# Lines (or sentences) that are navigation or promotion, never part of the story.
PROMO = re.compile(
    r"^\W*(?:also read|read more|read also|recommended|related(?: stories| articles| coverage)?"
    r"\s*:|click here|tap here|subscribe|sign up|sign in|log in|download (?:the|our) app|"
    r"share (?:this|on|via)|share\s*:|share\b.*\b(?:e-?mail|facebook|twitter|whatsapp)\b|"
    r"follow us|join us on|advertisement|sponsored|"
    # "Follow him on Twitter @handle.", "Follow Metro News on Instagram and YouTube."
    r"follow (?:him|her|them|[\w@.]+(?:\s+[\w.]+){0,3}) on (?:twitter|x|facebook|instagram|"
    r"linkedin|youtube|threads|tiktok|bluesky)\b|"
    r"watch\s*:|listen\s*:|watch video|comments?\s*(?:\(|$)|print this|email this|"
    r"don'?t miss|trending\s*:|more from|first published|last updated|updated\s*:|"
    r"published\s*(?:on|:|by\s*:)|posted\s*(?:on|:|by\s*:)|recent stories$|top stories$|"
    r"(?:article|story) continues|continue reading|\d+\s*min(?:ute)?s? read|"
    r"see (?:more|also)\s*:|you (?:may|might) also like|click to tweet|"
    r"(?:like|enjoy(?:ed)?) this (?:story|article)\s*\?|share (?:it|this) with|"
    r"also on \S+\.(?:com|org|net)\b|print article$|order reprints$)",
    re.IGNORECASE,
)
# Bylines and photo/image credits: a whole short line, with or without markdown emphasis.
BYLINE = re.compile(
    r"^\W*(?:written by\b.*|reported by\b.*|edited by\b.*|"
    r"(?:file\s+)?(?:photo|image|picture|video)s?(?:\s+(?:credit|source))?\s*(?::|/|courtesy)\s*.*|"
    r"(?:photo|image|picture)s?$|"
    r"(?:credit|courtesy|source|contributing)\s*:.*)$",
    re.IGNORECASE,
)
# "By Jane Roe and Tom Poe", "By Staff Reporter", "By X, with reporting from Washington D.C.
# Bureau Staff": "by", then names and the few words credits use. "By 2030 the two sides ..." has
# words no credit uses, so it stays.
_BY = re.compile(r"^\W*(?:[A-Z][a-z]+\s+){0,2}by\s*:?\s+(?P<rest>.{2,160})$", re.IGNORECASE)
_CREDIT_WORDS = word_set(
    """
    and with reporting additional from in our the of for staff correspondent correspondents
    bureau desk writer writers reporter reporters editor editors news team agencies agency inputs
    contributed contributing to this report editing by at a an special senior chief political
    diplomatic defence defense economics business foreign affairs international national
    """
)
# "(Reporting by X; Editing by Y)", "(With inputs from agencies.)", "Additional reporting by X".
CREDITS = re.compile(
    r"^\W*(?:\(\s*)?(?:(?:additional\s+)?reporting|writing|editing|with\s+(?:inputs|reporting|"
    r"additional reporting)|compiled|produced|inputs)\s+(?:by|from)\b.*$",
    re.IGNORECASE,
)
# "Kim Lee contributed reporting from Seoul.", "Wire Service's Ana Ruiz contributed to this report."
_CONTRIBUTED = re.compile(
    r"^\W*(?P<names>[^.!?]{2,120}?)\s+contributed\s+(?:(?:additional\s+)?(?:reporting|research|"
    r"writing)(?:\s+(?:from|in|at|for|to)\b[^!?]{0,80})?|to this (?:report|story|article))\W*$",
    re.IGNORECASE,
)
# A line that is nothing but social network names: "Facebook | X | WhatsApp".
SOCIAL = re.compile(
    r"^\W*(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit|copy link)"
    r"\W*){2,}$",
    re.IGNORECASE,
)
# Editor's notes, corrections, syndication, opinion, affiliate and rights notes. Most open the
# line (matched there only); a few sit anywhere in it (searched, after a cheap word test).
NOTE_HEAD = re.compile(
    r"^\W*(?:(?:editor'?s'?\s+note|note to (?:readers|editors)|correction|clarification|"
    r"disclaimer)\s*[:—–-]|"
    r"this (?:article|story|report|piece) (?:has (?:not )?been|was(?: not)?) "
    r"(?:updated|corrected|amended|edited|auto-generated|published from)|"
    # "This article first appeared on ...", "The writer is a ...", "Disclosure: ..."
    r"this (?:article|story|piece) (?:first|originally) appeared\b|"
    r"this (?:article|story|piece) was (?:first |originally )?published (?:on|in|by)\b|"
    r"the views expressed\b|"
    # ... but a story's "The author is the first ..., officials said." is reported, not a note
    r"the (?:writer|author)s? (?:is|are) (?:a|an|the)\b(?![^.]*\b(?:said|says|told)\b)[^.]{0,150}"
    r"\.?\W*$|"
    r"disclosure\s*:|(?:copyright\s*)?©\s*(?:\d{4}|copyright))",
    re.IGNORECASE,
)
NOTE_INSIDE = re.compile(
    r"\b(?:an?\s+)?(?:earlier|previous|prior) version of (?:this|the) (?:article|story|report)\b|"
    r"\b(?:auto-?(?:generated|published)|published) from an? (?:syndicated|wire|news agency)|"
    r"\bmay (?:earn|receive|get) (?:a |an )?(?:small |affiliate )?commission\b|"
    r"\ball rights reserved\b|\bfor (?:your )?personal,? non-?commercial use\b|"
    r"\bmay not be (?:re)?published, broadcast\b",
    re.IGNORECASE,
)
# Embedded posts: a tweet's signature "— Name (@handle) September 3, 2025", a handle or a link.
EMBED_SIGNATURE = re.compile(
    r"[—–-]\s*[^—–]{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}"
)
EMBED = re.compile(
    r"pic\.twitter\.com/|\bt\.co/\w|(?:twitter|x|instagram|facebook|tiktok)\.com/\w|"
    rf"{EMBED_SIGNATURE.pattern}|"
    r"^\W*(?:(?:X|Twitter|Instagram|Facebook|Threads)\s*/\s*)?@\s?\w{2,30}\W*$|"
    r"^\W*a post shared by\b|^\S+@\S+\.\w+$",
    re.IGNORECASE,
)
# A caption: a line ending in its photo credit, or a sentence about "this file photo".
_AGENCIES = r"AP|AFP|Reuters|Getty(?: Images)?|EPA|Xinhua|Bernama|PTI|ANI|IANS|dpa|Pool|Handout"
CAPTION_CREDIT = re.compile(
    rf"(?:\(\s*(?:[^()]*\b(?:photo|photograph|image|picture|file)\b[^()]*|(?:{_AGENCIES})\b"
    rf"[^()]{{0,40}})\)|©\s*[^.]{{1,80}}|/\s*(?:photo|image)\s*:\s*[\w .]{{1,40}}|"
    rf"\(\s*photo\s*:\s*[^()]{{1,40}}\)\s*/\s*\w+)\s*\.?$",
    re.IGNORECASE,
)
CAPTION = re.compile(
    rf"{CAPTION_CREDIT.pattern}|"
    r"\bin\s+(?:\w+\s+){0,2}(?:file|handout|archive)\s+(?:photo|image|picture)|"
    r"^\W*in this\b[^.]{0,60}\b(?:photo|photograph|image|picture)\b|"
    r"^\W*(?:this|a|an)\s+(?:\w+\s+){0,2}(?:image|photo|photograph|picture)\s+(?:\w+\s+)?"
    r"(?:shows?|showing|provided|released|taken|obtained)\b|"
    r"\b(?:satellite|handout) (?:image|photo|picture)s? (?:provided|released|taken|obtained)|"
    r"\b(?:image|photo|picture) (?:provided|released) by\b|"
    r"\bpos(?:e|es|ed|ing) for (?:a|the) (?:\w+\s+)?(?:photo|picture)",
    re.IGNORECASE,
)
# Wire captions of archive pictures open "FILE - " (in capitals, as the wires set it).
FILE_CAPTION = re.compile(r"^\W*FILE\s*(?:PHOTO)?\s*[-—–:]\s+\S")
# A reporter's note about themselves: "Ana Ruiz and Tom Ek cover trade for the Europe desk."
BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:\s+and\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)"
    r"{1,3})?\s+(?:is|are|covers?|reports?|writes?)\s+(?:(?:a|an|the|on|for|about)\s+)?"
    r"(?:[\w-]+\s+){0,6}(?:reporter|correspondent|editor|writer|journalist|columnist|desk|"
    r"bureau)s?\b[^.]*\.?$"
)
# The same note with other verbs: "Ana Ruiz and Tom Ek work on the trade desk.", "Lena Ford,
# who has covered energy since 2018, reports from Oslo." A desk or bureau ends only such notes:
# after a team of names, or one name and a verb of the job ("Minister Wang Yi met officials at
# the ministry's China desk." is news).
_NAMES = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
_JOB = r"(?:is|are|works?|covers?|writes?|reports?|leads?|heads?|runs?|edits?|serves?|joined)"
_AT_DESK = (
    r"(?:on|for|at|with|in|of)\s+(?:the|our|its|a)\s+(?:[\w'’&-]+\s+){0,6}(?:desk|bureau)s?\.?$"
)
BIO_TEAM = re.compile(
    rf"^{_NAMES}(?:(?:,\s+|\s+and\s+){_NAMES})+\s+(?:[\w'’-]+\s+){{0,4}}{_AT_DESK}"
)
BIO_OTHER = re.compile(
    rf"^{_NAMES}\s+{_JOB}\s+(?:[\w'’-]+\s+){{0,3}}{_AT_DESK}|"
    rf"^{_NAMES},\s+who\s+[^.;]{{3,120}},\s+(?:reports|writes|covers|is based)\b[^.]*\.?$"
)
# Words a timestamp line may hold besides numbers: "9:41 PM on Saturday, October 4",
# "July 28, 2025 12:30 PM GMT+05:30", "Friday, 9.05 am", "Updated: 3 hours ago".
_TIME_WORDS = lower(CALENDAR + MONTHS_SHORT + WEEKDAYS_SHORT) | word_set(
    """am pm a m p gmt utc ist et edt est ct cdt cst pt pdt pst bst cet
    cest jst kst hkt sgt aest aedt wib on at updated published posted last first ago hours hour
    hrs hr minutes minute mins min h th st nd rd"""
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# "World News | Press Trust of India | Updated: ...", "News > World News".
LABEL = re.compile(
    r"^[^|.!?]{1,60}(?:\s\|\s[^|]{1,80}){1,5}$|^\w[\w ]{0,30}(?:\s[>»›]\s\w[\w ]{0,30})+$"
)

BULLET = re.compile(r"^\s*(?:[-*•‣▪●◦]|\d{1,2}[.)])\s+")
HIGHLIGHTS_HEADING = re.compile(r"^\W*(?:highlights|key (?:points|takeaways)|in brief)\W*$", re.I)

# Datelines: "JOHANNESBURG, Nov 23 (Staff report) — ", "NEW DELHI: ", "TOKYO (Reuters) - ",
# "BUSAN, South Korea (Reuters) —", "Catenaa, Thursday, February 13, 2025 –", "Paris, February
# 10-11 -", "Berlin, Germany, 12 June 2025 (dpa/Staff) -", "Rio de Janeiro (Reuters) -".
_CAP = r"(?:[A-Z][\w'’.&-]*)"
_PLACE = rf"{_CAP}(?:\s+(?:(?:de|da|do|dos|del|la|el|al|of|upon)\s+)?{_CAP}){{0,3}}"
# Whole names or their abbreviations: "Mar" but not "Market", "Sun" but not "Sunflower".
_MONTH = rf"(?:{alternation(MONTHS + MONTHS_SHORT)})\b\.?"
_WEEKDAY = rf"(?:{alternation(WEEKDAYS + WEEKDAYS_SHORT)})\b\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
_NUMERIC_DATE = r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})"  # "12.06.2025", "04/05/25"
_DATE = rf"(?:(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})(?:,?\s+\d{{4}})?|{_NUMERIC_DATE})"
# "(Reuters)", "/PRNewswire/", not "(1-0)"
_AGENCY = r"(?:\((?=[^()]*[A-Za-z])[^()]{1,40}\)|/(?=[^/]*[A-Za-z])[^/\s][^/]{1,38}/)"
_REGION = r"(?:\s*\[[^\[\]]{2,30}\])"  # "New Delhi [India]"
_DASH = r"(?:\s*[—–]|\s+-{1,2})"
_DATELINE_HEAD = (
    rf"(?:(?P<place>{_PLACE}){_REGION}?(?:\s*[,/]\s*{_PLACE}){{0,2}}"
    # "Tokyo, Japan – Monday, 3 March 2025:": a dash may part the place from its date.
    rf"(?:(?:,|{_DASH})?\s+(?=(?:{_WEEKDAY}|{_DATE})\b))?"
    rf"(?:,?\s*{_WEEKDAY})?(?:,?\s+{_DATE})?(?:\s*{_AGENCY})?|(?P<agency>{_AGENCY}))"
)
# "ABUJA, Nigeria — (Reuters) The ...": the agency may follow the dash.
DATELINE = re.compile(rf"^{_DATELINE_HEAD}(?P<sep>{_DASH}|\s*:)(?:\s*{_AGENCY})?\s+")
DATELINE_LINE = re.compile(rf"^{_DATELINE_HEAD}(?P<sep>{_DASH}|\s*:)?\s*$")

# A caption names what the picture shows, then where and when it was taken: "... image ...
# shows the site, in Natanz, Iran on June 22, 2025." A story sentence rarely dates with the year.
_PHOTO_WORD = re.compile(r"\b(?:photo|photograph|image|picture)s?\b", re.IGNORECASE)
CAPTION_PLACE_DATE = re.compile(
    rf",?\s+(?:in|at|near|outside)\s+{_PLACE}(?:,\s*{_PLACE}){{0,2}},?\s+(?:on\s+)?"
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}),?\s+\d{{4}}\W*$"
)
# A teaser for another story or a video: a quotation cut off by an ellipsis, on a line alone.
TEASER = re.compile(r"^\W{0,2}[\"“‘']\s*\w.*(?:\.\.\.|…)\s*[\"”’']\W*$")
_SENTENCE_END = re.compile(r"[.!?…]$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)]*\s+[\"“‘(]?[A-Z0-9]")  # about one per sentence
_CLOSERS = "\"'”’)]»"
WRAP_WIDTH = 100  # a hard-wrapped text has no line longer than this
LINE_SENTENCES = 3  # a line of more sentences is a paragraph: its sentences are judged alone
SUBHEAD_WORDS = 16  # a line this short with no sentence end is a subhead, label or caption


@dataclass
class CleanDocument:
    paragraphs: list[str]
    highlights: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # what was removed, for --explain and tests
    place: str = ""  # the dateline's place ("JOHANNESBURG" -> "Johannesburg"), if any
    datelines: list[str] = field(default_factory=list)  # heads cut from paragraphs


def clutter_kind(text: str) -> str | None:
    """What kind of non-story text ``text`` (a line or a sentence) is, or None for story text."""
    if PROMO.match(text):
        return "promo"
    if BYLINE.match(text) or _is_byline(text) or CREDITS.match(text):
        return "byline"
    if SOCIAL.match(text):
        return "social"
    # The searching rules run only where a word they need occurs: most sentences have none.
    low = text.lower()
    if NOTE_HEAD.match(text) or (
        any(word in low for word in _NOTE_WORDS) and NOTE_INSIDE.search(text)
    ):
        return "editor's note"
    if any(word in low for word in _EMBED_WORDS) and EMBED.search(text):
        return "embedded post"
    if (low.rstrip(" .").endswith(")") or any(w in low for w in _CAPTION_WORDS)) and (
        CAPTION.search(text) or (_PHOTO_WORD.search(text) and CAPTION_PLACE_DATE.search(text))
    ):
        return "caption"
    if FILE_CAPTION.match(text):
        return "caption"
    if (
        BIO.match(text)
        or BIO_OTHER.match(text)
        or (BIO_TEAM.match(text) and not SPEECH.search(text))
    ):
        return "byline"
    if "contribut" in low and _is_contributor_line(text):
        return "byline"
    if len(text) <= 120 and _is_timestamp(text):
        return "timestamp"
    if ("|" in text or ">" in text or "»" in text or "›" in text) and (
        LABEL.match(text) and not _SENTENCE_END.search(text.rstrip(_CLOSERS))
    ):
        return "section label"
    if not re.search(r"[^\W\d_]{2}", text):  # "-", "9", "( , )": no word of two letters
        return "debris"
    return None


_NOTE_WORDS = ("version of", "from a", "commission", "rights reserved", "commercial", "broadcast")
_EMBED_WORDS = ("@", ".com/", "t.co/", "post shared")
_CAPTION_WORDS = ("photo", "image", "picture", "©", "pose")


def is_boilerplate(text: str) -> bool:
    """A promo, byline, credit, caption, timestamp, label, note or embed (a line or a sentence)."""
    return clutter_kind(text) is not None


def _is_byline(text: str) -> bool:
    match = _BY.match(text)
    if match is None or text.rstrip().endswith(("!", "?")):
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", match.group("rest"))
    if not words or re.match(r"\W*\d", match.group("rest")):
        return False
    # Every word a name (capitalised) or a word credits use.
    return all(w[0].isupper() or w.lower().strip(".") in _CREDIT_WORDS for w in words)


def _is_contributor_line(text: str) -> bool:
    """ "Kim Lee and Ana Ruiz contributed reporting.": only names and credit words before it."""
    match = _CONTRIBUTED.match(text)
    if match is None:
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", match.group("names"))
    return all(w[0].isupper() or w.lower() in _CREDIT_WORDS for w in words)


def _is_timestamp(text: str) -> bool:
    tokens = _TOKEN.findall(text)
    if not any(t.isdigit() for t in tokens) or len(tokens) > 14:
        return False
    return all(t.isdigit() or t.lower() in _TIME_WORDS for t in tokens)


def strip_dateline(
    paragraph: str, lead: bool = False, quoted: Callable[[str], bool] | None = None
) -> tuple[str, str]:
    """(paragraph without its dateline, the dateline's place or "").

    ``lead``: the paragraph opens the story, where a dateline stands. Only there is "Beijing: The
    talks ..." a dateline; further down "Rovers: The captain ..." and interview labels have the
    same shape, so a colon after a place in mixed case is left alone. ``quoted``: whether the
    story quotes someone of that name ("Modi said"): then "Modi: India will ..." is his label,
    and cutting it would make his words the memo's own claim.
    """
    match = DATELINE.match(paragraph)
    if match is None:
        return paragraph, ""
    rest = paragraph[match.end() :]
    # Only when a sentence follows: "NATO: the view from Brussels" is a headline, not a dateline.
    if not rest[:1].isupper() and rest[:1] not in "\"“‘'":
        return paragraph, ""
    place = match.group("place") or ""
    head = paragraph[: match.start("sep")]
    colon = match.group("sep").strip() == ":"
    # A transcript's speaker or an interview's "Q:" is no place: "KIM: We agreed ...".
    if colon and (head == place and len(place) < 3 or _first_person(rest)):
        return paragraph, ""
    # A colon follows only a place in capitals or a full dateline: "Background: The ..." stays.
    if colon and not (place.isupper() or head != place):
        if not (lead and _lead_colon_dateline(place, rest)):
            return paragraph, ""
        if quoted is not None and quoted(place):  # in capitals ("BEIJING:") it stays a place
            return paragraph, ""
        # "Update:" or "Note:" may open a story too: cut, but not recorded as the place.
        return rest, ""
    if place and not _looks_like_place(place):
        return paragraph, ""
    return rest, place.title() if place.isupper() else place


def _lead_colon_dateline(place: str, rest: str) -> bool:
    """ "New Delhi: The talks ..." but not a speaker's label: "Trump: We will ...", "Q: ..."."""
    return len(place.split()) <= 3 and rest[:1].isupper() and _looks_like_place(place)


def _first_person(text: str) -> bool:
    """Does ``text`` open as a speaker talks ("We will ...", "I think ...")?"""
    words = text.split(maxsplit=1)
    return bool(words) and words[0].strip(",.;:!?").lower() in _FIRST_PERSON


_FIRST_PERSON = word_set("i i'm i’m we we're we’re we'll we’ll my our us you your let's let’s")


def _looks_like_place(place: str) -> bool:
    """A sentence's subject ("The deal —") is not a place; a name or a word in capitals is."""
    first = place.split()[0]
    return first not in _NOT_PLACES


_NOT_PLACES = word_set(
    "The A An This That These Those It He She They We I But And Or So Yet Meanwhile However"
)


def is_subhead(line: str) -> bool:
    """A short line that does not end a sentence: a subhead, a label, a caption or a name."""
    body = line.rstrip(_CLOSERS + " ")
    if _SENTENCE_END.search(body):
        # A one-line question is a subhead ("What does the deal change?"), a story line is not.
        return body.endswith("?") and len(line.split()) <= 12 and not SPEECH.search(line)
    if body.endswith(":"):
        return len(line.split()) <= 6 and not SPEECH.search(line)
    return len(line.split()) <= SUBHEAD_WORDS


def clean_text(text: str, title: str = "") -> CleanDocument:
    """Split into paragraphs, dropping boilerplate; keep leading bullets as highlights."""
    result = CleanDocument(paragraphs=[])
    said: list[frozenset[str]] = []  # who the text quotes: read once, only for a "Name:" head

    def quoted(name: str) -> bool:
        if not said:
            said.append(speakers(text))
        return name.split()[-1].lower() in said[0]

    headline: list[str] = []  # an untitled document's first line, kept ahead of the story
    title_key = _key(title)
    for line in _paragraphs(text):
        if HIGHLIGHTS_HEADING.match(line):
            result.dropped.append(line)
            continue
        if title_key and _key(line) == title_key:
            continue
        if _is_clutter_line(line):
            result.dropped.append(line)
            continue
        if BULLET.match(line):
            bullet = BULLET.sub("", line)
            # Publisher highlights come before the story; later bullets are story text.
            (result.paragraphs if result.paragraphs else result.highlights).append(bullet)
            continue
        if is_subhead(line):
            if not title and not result.paragraphs and not result.highlights:
                # An untitled document's first line is its headline: the source list names it.
                result.paragraphs.append(line)
                headline.append(line)
                continue
            result.dropped.append(line)
            continue
        rest, place = strip_dateline(line, len(result.paragraphs) == len(headline), quoted)
        if rest != line:
            result.dropped.append(line[: len(line) - len(rest)].strip())
            result.datelines.append(result.dropped[-1])
            result.place = result.place or place
            line = rest
        result.paragraphs.append(line)
    return result


def _is_clutter_line(line: str) -> bool:
    """A whole line of clutter. A long paragraph is left to its sentences: a rule that finds a
    caption or a note inside a line must not take the story around it along."""
    # An embedded post's text runs up to its signature; a caption's up to its photo credit.
    if EMBED_SIGNATURE.search(line) or CAPTION_CREDIT.search(line):
        return True
    dateline = DATELINE_LINE.match(line)
    if dateline and _dateline_line(dateline):
        return True
    body = line.rstrip(_CLOSERS + " ")
    # A caption set as a line of its own has no full stop, however long it is; but it is one
    # sentence that quotes no one: a story paragraph that lost its last full stop is not one.
    if (
        not _SENTENCE_END.search(body)
        and not body.endswith(":")
        and _PHOTO_WORD.search(line)
        and not _SENTENCE_BREAK.search(line)
        and not SPEECH.search(line)
    ):
        return True
    if TEASER.match(line) and not SPEECH.search(line):
        return True
    return len(_SENTENCE_BREAK.findall(line)) < LINE_SENTENCES and is_boilerplate(line)


def _dateline_line(match: re.Match[str]) -> bool:
    """A line holding only a dateline: "Busan, South Korea (Reuters) —", "WASHINGTON —"."""
    place = match.group("place") or ""
    return bool(match.group("sep") or match.group("agency")) and (
        not place or _looks_like_place(place)
    )


def _paragraphs(text: str) -> list[str]:
    """The text's paragraphs: one a line, or blocks between blank lines when lines are wrapped.

    Readers give a paragraph a line; a pasted plain-text file may be hard-wrapped, and a wrapped
    line must not be taken for a subhead because it has no sentence end.
    """
    lines = [" ".join(raw.split()) for raw in text.splitlines()]
    filled = [line for line in lines if line]
    # Wrapped: most lines end mid-sentence at about the same width, and no line is long.
    open_ended = sum(
        1 for line in filled if len(line) >= 30 and not _SENTENCE_END.search(line.rstrip(_CLOSERS))
    )
    wrapped = (
        len(filled) >= 5
        and open_ended > 0.5 * len(filled)
        and max(len(line) for line in filled) <= WRAP_WIDTH
    )
    if not wrapped:
        return filled
    blocks: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line and not BULLET.match(line):
            current.append(line)
            continue
        if current:
            blocks.append(" ".join(current))
            current = []
        if line:
            blocks.append(line)
    return blocks


def story_sentences(text: str, title: str = "") -> tuple[CleanDocument, list[str]]:
    """The cleaned document and its story sentences; clutter found in a sentence is dropped too.

    A caption or a credit often ends the paragraph it is glued to, so sentences are checked
    again after splitting.
    """
    from briefgen.analysis.sentences import split_sentences

    cleaned = clean_text(text, title)
    kept: list[str] = []
    for paragraph in cleaned.paragraphs:
        sentences = split_sentences(paragraph)
        if sentences == [paragraph]:  # judged whole as a line already
            kept.append(paragraph)
            continue
        for sentence in sentences:
            (cleaned.dropped if is_boilerplate(sentence) else kept).append(sentence)
    return cleaned, kept


_NON_WORD = re.compile(r"\W+")


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().lower()
