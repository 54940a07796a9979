"""The label of a key figure: the noun phrase, in the sentence's own words, that it measures.

A small chunker, not a parser: words are tagged from closed lists (determiners, prepositions,
auxiliaries, common verbs, "-ed" forms) and a noun phrase is a run of the other words, with an
"of/on/for/in" attachment ("Tariffs on Chinese goods"). Where the figure sits decides which phrase:

- "12 million metric tons of soybeans", "$750 billion of US energy": the phrase after "of";
- "a $44-billion gas pipeline", "a one-year truce": the phrase the figure modifies;
- "Tariffs on Chinese goods will be lowered from 57% to 47%": the subject before the verb;
- "Japan will invest $68 billion": an actor with a money verb makes "Japan's investment".

When nothing in the sentence names the measure — a period that dates, a multiplier, a ratio, a
model number, a shop, a verb where the subject would be — the label is "" and the figure gets no
row: a table row must say what it measures.

spaCy would tag better but costs a 12 MB model and ~1 s of start-up per run; on our fixtures
this chunker names the measure in every case a table needs (tests/test_quantities.py).
"""

from __future__ import annotations

import re

from briefgen.analysis.corpus import word_set
from briefgen.analysis.lexicon import CALENDAR
from briefgen.analysis.quantities import LONG_SCALES, TIME_UNITS, Quantity, is_unit

MAX_WORDS = 6
_WORD = re.compile(r"[A-Za-z][\w'’.&-]*[\w]|[A-Za-z]|\d[\w,.%-]*|[^\w\s]")
_STOP = word_set(
    "the a an this that these those its their his her our your my some any each every all both "
    "which who whom whose what where when while as than then so such and or but nor if because "
    "it they he she we i you there here also only just still now not no yet mine yours ours "
    "theirs him them me"
)
_PREPS = word_set(
    "of on for in into to from at by with over under about between among below above within "
    "after before since until during against across through toward towards per via amid along"
)
_NP_PREPS = word_set("of on for in into between across")  # may join a head to its complement
_AUX = word_set(
    "is are was were be been being am will would shall should can could may might must has have "
    "had do does did 's"
)
_VERBS = word_set(
    "reach reaches rose rise rises fell fall falls cut cuts set sets hit hits stand stands stood "
    "total totals totalled totaled pledge pledges pay pays paid buy buys bought invest invests "
    "spend spends spent lend lends lent raise raises grow grows grew reach account accounts make "
    "makes made take takes took give gives gave get gets got see sees saw keep keeps kept put "
    "puts cost costs say says said told tell tells plan plans aim aims seek seeks sought worth "
    "lower lowers include includes cover covers involve involves mean means come comes came go "
    "goes went run runs ran hold holds held lasted last lasts leave leaves left become became "
    "remain remains double doubles triple triples climb climbs jump jumps drop drops slip "
    "slips sell sells sold earn earns owe owes face faces need needs want wants expect expects "
    "kill kills killed injure injures affect affects agree agrees lead leads led bring brings "
    "brought stay stays limit met meet meets talked spoke up down nearly almost around roughly "
    "approximately only just some restore restores start starts begin begins retail retails "
    "shrink shrinks expand expands increase increases decrease decreases reduce reduces boost "
    "boosts help helps found won lost began thought believe believes estimate estimates"
)
_NOUNISH = word_set(
    "export exports import imports cost costs cut cuts pledge pledges purchase purchases offer "
    "total rise fall drop jump plan plans need needs value pay spending funding aid"
)
_NOT_VERBS = word_set("red bed hundred seed need speed united limited")
# An actor that pays, buys or invests: the verb names what the money is.
_MONEY_VERBS = {
    "invest": "investment", "invests": "investment", "invested": "investment",
    "investing": "investment", "pledge": "pledge", "pledges": "pledge", "pledged": "pledge",
    "buy": "purchases", "buys": "purchases", "bought": "purchases", "purchase": "purchases",
    "pay": "payments", "pays": "payments", "paid": "payments", "spend": "spending",
    "spends": "spending", "spent": "spending", "lend": "loans", "lent": "loans",
    "raise": "funding", "raised": "funding", "worth": "value", "valued": "value",
    "export": "exports", "exported": "exports", "import": "imports", "imported": "imports",
    "commit": "commitment", "committed": "commitment", "offer": "offer", "offered": "offer",
    "earn": "revenue", "earned": "revenue", "sell": "sales", "sold": "sales",
    "provide": "funding", "provided": "funding", "allocate": "allocation",
    "allocated": "allocation", "give": "aid", "gave": "aid", "announce": "package",
    "announced": "package", "cost": "cost", "mobilise": "funding", "mobilize": "funding",
    "attract": "investment", "put": "investment", "secure": "investment", "secured": "investment",
    "hold": "holdings", "holds": "holdings", "held": "holdings",
}  # fmt: skip


# A wire service's instrument code after a name: "crude CLc1", "notes US10YT=RR", ".MIWD00000PUS",
# "Copper CMCU3 rose". A code is letters with digits; it names nothing a reader can use.
_CODE = re.compile(r"^(?=.*\d)(?:[A-Z0-9]+[a-z]\d+|[A-Z][A-Z0-9]{3,})$")
_DOTTED_CODE = re.compile(r"(?<=\s)\.[A-Z]{2,}\b")  # ".DJI", ".SPX": a code without digits


def _words(text: str) -> list[str]:
    words = _WORD.findall(_DOTTED_CODE.sub("", text))
    out: list[str] = []
    skip = 0
    for i, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        code = (
            _CODE.match(word)
            and (
                word[-2:-1].islower()  # "CLc1", "NKc1": a continuous contract
                or (out and out[-1] == ".")  # ".MIWD00000PUS": an index code
                or nxt == "="  # "US10YT=RR"
                or (out and out[-1][:1].isalpha() and (_is_verb(nxt) or nxt in ("last", "")))
            )
        )
        if not code:
            out.append(word)
            continue
        if out and out[-1] == ".":
            out.pop()
        skip = 2 if nxt == "=" else 0  # "=RR" goes with it
    return out


def _is_verb(word: str) -> bool:
    low = word.lower()
    if low in _AUX or low in _VERBS or low in _MONEY_VERBS:
        return True
    return (
        len(low) > 4
        and low.endswith("ed")
        and "-" not in low  # "fentanyl-linked levy": a compound modifier, not a verb
        and low not in _NOT_VERBS
        and word[0].islower()
    )


_SCALE_WORDS = frozenset(LONG_SCALES) | word_set("percent cent")
_NOT_ADVERBS = word_set("supply family assembly rally ally monopoly anomaly italy reply only")


def _is_adverb(low: str) -> bool:
    return len(low) > 5 and low.endswith("ly") and low not in _NOT_ADVERBS


def _is_content(word: str) -> bool:
    low = word.lower().replace("’", "'")
    if "'" in low and low.split("'")[0] in _STOP:
        return False  # "they'll", "it's": a pronoun with its verb
    return (
        word[0].isalnum()
        and low not in _SCALE_WORDS
        and not (word[0].islower() and _is_adverb(low))
        and low not in _STOP
        and low not in _PREPS
        and not _is_verb(word)
        and not re.match(r"\d", word)
    )


def _noun_use(word: str) -> bool:
    """A verb's form used as a noun after a noun: "tender offer", "export controls", and after a
    figure's noun "a 9% funding increase" (read left to right only: "firms increase output")."""
    return word[0].islower() and word.lower() in _NOUNISH | _NOUN_AFTER


_NOUN_AFTER = word_set("increase increases decrease decreases")


_COMPLEMENT_PREPS = word_set("of for in on")
_WHEN = word_set("day week month year decade days weeks months years decades time")
_CALENDAR = frozenset(CALENDAR)


_POSSESSIVE_PRONOUNS = word_set("its their his her our my your")


def _complement(words: list[str], room: int) -> list[str]:
    """ "of Delhi", "for private investment in India": the preposition and noun phrase that
    open ``words``, when they name more of the measure and fit in ``room`` words; else []."""
    if len(words) < 2 or words[0].lower() not in _COMPLEMENT_PREPS:
        return []
    if words[1].lower() in _POSSESSIVE_PRONOUNS:
        return []  # "26 jets for its navy": "its" points back, it names nothing more
    tail = _phrase_after(words[1:])
    if tail and words[1].lower() in _DETERMINERS and words[1] != tail[0]:
        tail.insert(0, words[1].lower())  # "people in the country"
    when = bool(tail) and (tail[-1] in _CALENDAR or tail[-1].lower() in _WHEN)
    if len(tail) + 1 > room or when:  # its own "in India" does not fit, or says when
        cut = next((k for k, w in enumerate(tail) if w.lower() in _NP_PREPS), len(tail))
        tail = tail[:cut]
    if not tail or tail[-1] in _CALENDAR or tail[-1].lower() in _WHEN or len(tail) + 1 > room:
        return []  # "in October", "in the past decade": when, not what
    end = words.index(tail[-1], 1) + 1
    nxt = words[end + 1] if end + 1 < len(words) else ""
    listed = bool(nxt) and (_is_content(nxt) or _participle(nxt)) and not nxt.endswith("ing")
    if len(tail) == 1 and tail[0][0].islower() and words[end : end + 1] == [","] and listed:
        return []  # "sizes of soft, tapered tips": an adjective of a list, not the noun
    return [words[0].lower(), *tail]


def _participle(word: str) -> bool:
    return word[0].islower() and word.lower().endswith("ed") and _is_verb(word)


_OBJECT_START = word_set("a an the its their his her like")


def _verb_in_s(word: str, nxt: str) -> bool:
    """A lower-case word in -s followed by an article or "like" is a verb, not a plural."""
    return (
        word[:1].islower()
        and word.endswith("s")
        and not word.endswith("ss")
        and (nxt in _OBJECT_START)
    )


def _name_goes_on(phrase: list[str], word: str) -> bool:
    """ "Fort Worth": a capitalised word after a capitalised one continues a name, whatever
    its lower-case form would be."""
    low = word.lower()
    return (
        bool(phrase)
        and phrase[-1][:1].isupper()
        and word[:1].isupper()
        and (low not in _STOP and low not in _PREPS and low not in _AUX)
    )


def _phrase_after(words: list[str]) -> list[str]:
    """The noun phrase at the start of ``words``: content words, then one "of/on" attachment."""
    phrase: list[str] = []
    i = 0
    while i < len(words) and words[i].lower() in _STOP and not phrase:
        i += 1  # "the", "a"
    if i + 1 < len(words) and _participle(words[i]) and _is_content(words[i + 1]):
        phrase.append(words[i])  # "planned outages", "aggravated assault": an adjective
        i += 1
    while i < len(words) and (
        _is_content(words[i])
        or phrase
        and _noun_use(words[i])
        and _is_content(phrase[-1])
        or _name_goes_on(phrase, words[i])
    ):
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if phrase and _verb_in_s(words[i], nxt):
            break  # "the 16-inch MacBook Pro looks like", "... features a keyboard": a verb
        starts_clause = i + 1 < len(words) and _is_verb(words[i + 1])
        if phrase and words[i][0].isupper() and phrase[-1][0].islower() and starts_clause:
            break  # "the 30% rate Trump had threatened": a new clause's subject
        phrase.append(words[i])
        i += 1
    if phrase and i + 1 < len(words) and words[i].lower() in _NP_PREPS:
        tail: list[str] = []
        j = i + 1
        while j < len(words) and words[j].lower() in _STOP:
            j += 1
        while j < len(words) and _is_content(words[j]) and len(tail) - tail.count("and") < 3:
            tail.append(words[j])
            j += 1
            both = words[j : j + 2]  # "of industrial and consumer goods": one list
            joined = len(both) == 2 and both[0] in ("and", "or") and _is_content(both[1])
            if joined and len(phrase) + len(tail) + 3 <= MAX_WORDS:
                tail.append(both[0])
                j += 1
        while tail and tail[-1] in ("and", "or"):
            tail.pop()
        if tail and len(phrase) + len(tail) < MAX_WORDS:
            phrase += [words[i], *tail]
    return phrase


_INDEXES = frozenset(("S&P", "FTSE", "Nikkei", "Stoxx", "STOXX", "Nifty", "Russell", "CAC", "DAX",
                      "ASX", "MSCI", "Sensex"))  # fmt: skip


def _phrase_before(words: list[str]) -> list[str]:
    """The noun phrase that ends ``words`` (read right to left), with its "on X" attachment."""
    phrase: list[str] = []
    i = len(words) - 1
    while i >= 0:
        word = words[i]
        noun_use = (  # "rare-earth export controls", "the cost cap": a verb's form as a noun
            phrase
            and word.lower() not in _AUX
            and word[0].islower()
            and not word.lower().endswith("ed")
            and i > 0
            and (_is_content(words[i - 1]) or words[i - 1].lower() in _DETERMINERS)
            and word.lower() in _NOUNISH
        )
        # "the S&P 500", "the FTSE 100": an index's number is part of its name
        indexed = not phrase and word.isdigit() and i > 0 and words[i - 1] in _INDEXES
        # "tariffs on steel and aluminium": a pair inside a preposition's object
        paired = (
            word.lower() == "and"
            and len(phrase) == 1
            and i > 1
            and _is_content(words[i - 1])
            and words[i - 2].lower() in _NP_PREPS
        )
        if (
            _is_content(word)
            or noun_use
            or indexed
            or paired
            or (
                (
                    word.lower() in _NP_PREPS
                    or word.lower() == "to"
                    and i > 0
                    and _noun_use(words[i - 1])
                )
                and phrase
                and i > 0
                and _is_content(words[i - 1])
                and len(phrase) <= 3
            )
        ):
            phrase.insert(0, word)
        elif (
            word.lower() in _DETERMINERS
            and phrase
            and i > 1
            and words[i - 1].lower() in _NP_PREPS
            and _is_content(words[i - 2])
            and len(phrase) <= 2
        ):
            phrase[:0] = [words[i - 1], word]  # "between the two sides", "in this country"
            i -= 1
        else:
            break
        i -= 1
    while phrase and phrase[0].lower() in _PREPS:
        phrase.pop(0)
    return phrase


_SKIP = word_set(
    "than a an the - — – , earlier previous current new also still now only just already "
    "reportedly initially even closer higher lower more less greater bigger smaller "
    "record estimated additional further extra combined"
)
_TIME_UNITS = frozenset(TIME_UNITS)
# A period the figure dates something by: "in the past 6 months", "in nearly two years"
_PERIOD = re.compile(
    r"(?:^|\s)(?:(?:in|within|over|during)(?:\s+the\s+(?:last|past|next|first|coming))?|"
    r"(?:for|of)\s+the\s+(?:last|past|next|first|coming))"
    r"(?:\s+(?:nearly|almost|about|around|roughly|some|just|only))?$",
    re.IGNORECASE,
)
_OF_RATIO = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)
_NOUN_BEFORE_OF = word_set(
    "cuts increases rises falls drops gains losses costs sales exports imports"
)
_MET = word_set("met meet meets talked spoke")
_SAYS = word_set("said says say added noted believe believes think thinks")
_DETERMINERS = word_set("a an the its their his her our this that")
_OWNER = re.compile(r"^[A-Z][\w.&-]*[’']s$")  # "WeWork’s", "Japan's": a named owner


def _subject(before: list[str]) -> tuple[list[str], str]:
    """The phrase before the verb group that leads to the figure, and that verb ("" if none)."""
    if before[-1:] == ["of"] and len(before) > 2 and before[-2].lower() in _NOUN_BEFORE_OF:
        # "spending cuts of $4 billion": the head is the noun just before "of", whatever a
        # verb-like spelling would suggest
        head = [before[-2]]
        modifier = before[-3] if len(before) > 2 else ""
        if (
            modifier.islower()
            and modifier not in _DETERMINERS | _PREPS | _AUX
            and not modifier.endswith("ed")
        ):
            head.insert(0, modifier)  # "spending cuts", "tax cuts"
        return head, ""
    i = len(before) - 1
    verb = ""
    skipped = 0
    while i >= 0 and skipped < 6:
        word = before[i]
        low = word.lower()
        if low in _MONEY_VERBS and not verb:
            verb = low
        progressive = low.endswith("ing") and i > 0 and before[i - 1].lower() in _AUX
        if low == "worth" and i > 0 and before[i - 1].lower() == "net":
            return [before[i - 1], word], ""  # "a net worth of $17 million"
        if _is_verb(word) and i > 0 and before[i - 1].lower() in ("a", "an", "the") and skipped:
            return [word], verb  # "an increase of 0.3%": after an article the word is a noun
        if _is_verb(word) or progressive or low in _PREPS or low in _SKIP:
            i -= 1
            skipped += 1
            continue
        break
    if skipped == 0:
        return [], ""
    phrase = _phrase_before(before[: i + 1])
    if len(phrase) == 1 and _is_adverb(phrase[0].lower()) and i == 0:
        return [], ""  # "Obviously, three years is a long time": an adverb, not a subject
    stop = i - len(phrase)  # the word the phrase stopped at
    closing = before[i + 1 : i + 3]
    aside = (
        closing[:1] == [","] or closing[:1] and closing[0].lower() in _SAYS and closing[1:] == [","]
    )
    if phrase and stop > 0 and before[stop] == "," and aside and phrase[0][:1].islower():
        # "Watergate, remember, took", "the talks, officials said, lasted": an aside between
        # commas; the subject stands before it ("The company, Nvidia, rose": a name is one)
        head = _phrase_before(before[:stop])
        if head:
            phrase, stop = head, stop - len(head)
    if len(phrase) == 1 and phrase[0] in _CALENDAR and stop > 0 and before[stop].lower() in _PREPS:
        # "... sold locally in October was": a time adjunct, the subject stands before it
        while stop > 0 and (_is_adverb(before[stop - 1].lower()) or _is_verb(before[stop - 1])):
            stop -= 1
        phrase = _phrase_before(before[:stop]) or phrase
        stop -= len(phrase) if phrase[0] not in _CALENDAR else 0
    reduced = (  # "a new vehicle sold locally", not "an initiative called InvestAI"
        phrase
        and stop > 0
        and before[stop].lower().endswith("ed")
        and _is_verb(before[stop])
        and before[stop + 1][0].islower()
    )
    if reduced:
        head = _phrase_before(before[:stop])  # "... a new vehicle sold locally": the vehicle
        if head:
            phrase = head
    of_figure = before[-1:] == ["of"]  # "compared with prior guidance of 4.0%": its head
    previous = before[stop] if stop >= 0 else ""
    determined = previous.lower() in _DETERMINERS
    if determined and stop > 0 and before[stop - 1].lower() in _PREPS:
        stop -= 1
        previous = before[stop]  # "teachers from the Gibson schools": the preposition
    low = previous.lower()
    after_phrase = before[i + 1].lower() if i + 1 < len(before) else ""
    # "exports to the US fell": "to" joins a noun ("going to always have" is a verb's) to a
    # subject, right before its verb
    verb_next = after_phrase in _MOVES or _is_verb(after_phrase)
    joins = low != "to" or verb_next and (determined or phrase[0][:1].isupper())
    if phrase and low in _JOINING and joins and stop > 0 and not of_figure:
        # "Revenues from the tariffs have totaled": the head before the preposition
        head = _phrase_before(before[:stop])
        if head and len(head) + 1 + len(phrase) <= MAX_WORDS:
            return [*head, low, *phrase], verb
        if head:
            return head, verb
    if phrase and _not_a_noun(phrase, previous, of_figure):
        return [], ""
    if not phrase and verb and i >= 0 and before[i].lower() == "and":
        # "The EU will buy X and invest $600 billion": the verb shares the clause's subject
        phrase = _phrase_after(before)
    return phrase, verb


# Before a word, what makes it a verb: "to squeeze", "will fire", "we believe", "you’re looking"
_VERB_CONTEXT = word_set(
    "to will would can could should may might must shall did do does we i you they he she it"
)
_SUPERLATIVE = re.compile(r"(?:high|low|larg|bigg|small|great|strong|weak|fast|slow)est$")


# what joins a head to its complement before a verb ("revenues from the tariffs"), not when
_JOINING = word_set("from to with on in for into across under over between among")


def _not_a_noun(phrase: list[str], previous: str, of_figure: bool = False) -> bool:
    """The phrase found before the verb group is a verb, participle or adjective, not a
    subject: "to close in 16 seconds", "was last trading up 0.4%", "their highest in 2 years",
    "that's good for $600"."""
    first = phrase[0]
    prev = previous.lower().replace("’", "'")
    if prev in _PREPS and prev != "of" and not of_figure:
        return True  # "extradition to Sweden for seven years": a preposition's object
    if first[0].isupper():
        return False
    if prev in _VERB_CONTEXT or prev in _AUX or "'" in prev and prev.split("'")[0] in _STOP:
        return True
    alone = len(phrase) == 1
    if alone and first.lower() == "tune":
        return True  # "to the tune of $28 billion": an idiom, the measure is elsewhere
    if alone and _SUPERLATIVE.search(first):
        return True
    noun_before = prev in _DETERMINERS or previous[:1].isalpha() and _is_content(previous)
    return alone and first.endswith("ing") and not noun_before  # "defence spending" is a noun


_CLAUSE_AUX = word_set("had has have was were")


def _contact_clause(words: list[str]) -> list[str]:
    """ "the 30% rate Trump had threatened": a bare head is named by the short clause after it
    (a name, perhaps "had", and a past participle), told as a noun phrase ("threatened by
    Trump"); [] when no such clause follows."""
    if not words or not words[0][0].isupper() or words[0].lower() in _STOP:
        return []
    clause = words[:1]
    rest = words[1:3]
    if rest and rest[0].lower() in _CLAUSE_AUX:
        clause.append(rest.pop(0))
    if rest and rest[0].lower().endswith("ed") and _is_verb(rest[0]):
        return [rest[0], "by", clause[0]]
    return []


def _verb_before(before: list[str]) -> str:
    """The last verb among the few words before the figure ("" if none)."""
    for word in reversed(before[-4:]):
        if _is_verb(word):
            return word.lower()
    return ""


def _finish(phrase: list[str]) -> str:
    if len(phrase) > 2 and phrase[0].lower() in ("part", "some", "most") and phrase[1] == "of":
        phrase = [w for w in phrase[2:] if w.lower() not in ("a", "an", "the")] or phrase
    while phrase and (phrase[-1].lower() in _PREPS or phrase[-1].lower() in _STOP):
        phrase = phrase[:-1]
    if len(phrase) > MAX_WORDS:
        cut = next((k for k, w in enumerate(phrase) if w.lower() in _NP_PREPS), 0)
        # "X of Y": X is the head; with no preposition the head is the last word
        phrase = phrase[:cut] if 0 < cut <= MAX_WORDS else phrase[-MAX_WORDS:]
    if not phrase:
        return ""
    text = " ".join(phrase)
    return text[0].upper() + text[1:]


def _levy_on(phrase: list[str], before: list[str]) -> str:
    """ "European cars will face a 15% duty": the duty on European cars ("" when the sentence
    does not say who bears the levy)."""
    if phrase[-1].lower() not in _LEVIES or len(phrase) > 2:
        return ""
    k = len(before) - 1
    while k >= 0 and (before[k].lower() in _DETERMINERS or before[k].lower() in _AUX):
        k -= 1
    if k < 1 or before[k].lower() not in _BEAR:
        return ""
    bearer = _phrase_before(before[:k] if before[k - 1].lower() not in _AUX else before[: k - 1])
    if not bearer or len(bearer) + len(phrase) + 1 > MAX_WORDS:
        return ""
    return _finish([*phrase, "on", bearer[0].lower() if bearer[0].istitle() and not
                    _proper(bearer[0]) else bearer[0], *bearer[1:]])  # fmt: skip


def _goods_after_figure(words: list[str]) -> list[str]:
    """ "about $125 billion worth of Chinese goods": the goods a figure of their value leads
    to ([] when ``words`` do not open with such a figure)."""
    k = 0
    while k < len(words) and (
        words[k].lower() in _SKIP
        or _APPROX_WORDS.match(words[k]) is not None
        or not any(c.isalpha() for c in words[k])
        or words[k].lower() in _SCALE_WORDS
        or words[k] in ("$", "€")
    ):
        k += 1  # "about", "$", "125", "billion"
    if k == 0 or not any(c.isdigit() for w in words[:k] for c in w):
        return []
    if words[k : k + 2] == ["worth", "of"]:
        k += 2
    elif words[k : k + 1] in (["of"], ["in"]):
        k += 1
    else:
        return []
    goods = _phrase_after(words[k:])
    return goods if goods and len(goods) <= MAX_WORDS - 2 else []


def _proper(word: str) -> bool:
    """A name or a people's adjective ("European", "Chinese"), kept capitalised inside a label."""
    return word[:1].isupper() and (word.endswith(("an", "ese", "ish", "ch")) or word.isupper())


def _possessive(name: str) -> str:
    return name + ("’" if name.endswith("s") else "’s")


_MARGIN_VERBS = word_set("won win wins beat beats lost lose loses led leads lead trailed trails")


def _points(before: list[str]) -> str:
    """Points measure a move or a margin of something named: "the Dow fell 102.2 points" (its
    fall), "a state Trump won by 30 points" (his margin); points of nothing named give no row."""
    subject, _ = _subject(before)
    if not subject:
        return ""
    verb = before[-2].lower() if before[-1:] == ["by"] and len(before) > 1 else ""
    if verb in _MARGIN_VERBS:
        name: list[str] = []
        for word in reversed(subject):  # "a state Trump won by": the name before the verb
            if not word[:1].isupper() or len(name) == 3:
                break
            name.insert(0, word)
        losing = verb in _MOVES and _MOVES[verb] == "fall" or verb.startswith("trail")
        return (
            _finish([_possessive(" ".join(name)), "losing" if losing else "winning", "margin"])
            if name
            else ""
        )
    move = _move(before)
    if move:
        return _owned(subject, move, before)
    scored = before[-1:] and before[-1].lower() in ("scored", "scores", "scoring")
    if scored and subject[0][:1].isupper() and len(subject) <= 3:
        return _finish([_possessive(" ".join(subject)), "points"])
    return ""


_DIED = word_set("died killed dead")
_BEEN = word_set("have has had been were was are is be")


def _what_befell(before: list[str], after: list[str]) -> str:
    """People are counted by what befell them or what they did: "killed 346 people" (deaths),
    "30 people had been injured" (people injured); people counted for nothing give no row."""
    rest = [w for w in after[:4] if w.lower() not in _BEEN]
    verb = rest[0].lower() if rest and re.fullmatch(r"[a-z]+ed|dead", rest[0]) else ""
    passive = any(w.lower() in ("been", "were", "was") for w in after[:3])
    if verb and not passive and verb not in _DIED:
        return f"People who {verb}"  # "5,000 people rallied"
    if not verb:
        near = [w.lower() for w in before[-4:]]
        verb = next(
            (w for w in reversed(near) if w in _DIED or w.endswith("ed") and _is_verb(w)), ""
        )
        verb = "" if near[-1:] == ["by"] else verb  # "surveys completed by 505,796 people"
    if verb in _DIED:
        return "Deaths"
    if verb:
        return f"People {verb}"
    subject, _ = _subject(before)
    move = _move(before)  # "the town grew by 2 million people": the town's growth
    return _owned(subject, move, before) if subject and move else ""


_CHANGES = {
    **dict.fromkeys(word_set("raise raises raised raising lift lifts lifted boost boosts "
                             "boosted boosting"), "Rise in"),
    **dict.fromkeys(word_set("increase increases increased increasing"), "Increase in"),
    **dict.fromkeys(word_set("cut cuts cutting reduce reduces reduced reducing lower lowers "
                             "lowered lowering slash slashes slashed trim trims trimmed"),
                    "Cut in"),
    **dict.fromkeys(word_set("expand expands expanded expanding"), "Expansion of"),
    **dict.fromkeys(word_set("grow grows growing"), "Growth in"),
}  # fmt: skip


def _changed_by(before: list[str]) -> str:
    """ "raise defence spending by 10%", "cut tariffs on cars by 5%": the figure is the change,
    the rise or cut in the object ("Defence spending | 10%" would misread it as the level)."""
    if before[-1:] not in (["by"], ["to"]) or len(before) < 3:
        return ""
    thing = _phrase_before(before[:-1])
    k = len(before) - 1 - len(thing)
    while k > 0 and before[k - 1].lower() in _DETERMINERS:
        k -= 1  # "expand the fleet by 30%"
    change = _CHANGES.get(before[k - 1].lower(), "") if thing and k > 0 else ""
    if len(thing) > 1 and thing[0].lower() in _CHANGES:  # "to lift bilateral trade": a verb
        change, thing = _CHANGES[thing[0].lower()], thing[1:]
    if change and before[-1] == "to":  # "lift trade to $100 billion": the level it reaches
        return _finish(thing)
    return _finish([*change.split(), *thing]) if change else ""


def _box_score_name(before: list[str]) -> list[str]:
    """ "Palm Bay (1-0): Tolivert 25 points", "Osas Osaro 3 goals": a name alone before the count
    (a results line), whose the count is; [] in running prose."""
    name: list[str] = []
    for word in reversed(before[-3:]):
        if not word[:1].isupper() or word in _CALENDAR or word.lower() in _STOP | _PREPS:
            break
        name.insert(0, word)
    start = len(before) - len(name)
    if not name or len(name) > 2 or start > 0 and before[start - 1] not in (":", ".", ","):
        return []
    return name


def _model_name(before: list[str], quantity: Quantity) -> bool:
    """A bare number right after a name inside the sentence ("the VEGA 20 graphics")."""
    if not before or not re.fullmatch(r"\d{1,3}", quantity.text.split()[0]):
        return False
    name = before[-1]
    return (
        name[:1].isupper()
        and name not in _CALENDAR
        and name.lower() not in _STOP | _PREPS
        and quantity.unit[:1].islower()
    )


# A movement verb right before a figure makes the figure the movement, not the level:
# "the stock rose 2%" is the stock's rise ("rose to $55" is its level, read as before).
_MOVES = {
    **dict.fromkeys(word_set("rose rise rises gained gains jumped jumps climbed climbs surged "
                             "soared advanced added rallied"), "rise"),
    **dict.fromkeys(word_set("fell fall falls dropped drops slipped slips slid declined "
                             "tumbled plunged sank lost eased"), "fall"),
    **dict.fromkeys(word_set("grew grow grows expanded"), "growth"),
    "increased": "increase", "decreased": "decrease", "shrank": "contraction",
    **dict.fromkeys(word_set("contracted contracts shrinks"), "contraction"),
}  # fmt: skip
_UP_DOWN = {"higher": "rise", "up": "rise", "lower": "fall", "down": "fall"}
# A verb whose length a "for <period>" gives: "pause its controls for one year" is the pause's.
_PERIOD_NOUNS = {
    "pause": "Pause on", "pauses": "Pause on", "paused": "Pause on", "suspend": "Suspension of",
    "suspends": "Suspension of", "suspended": "Suspension of", "extend": "Extension of",
    "extended": "Extension of", "ban": "Ban on", "bans": "Ban on", "banned": "Ban on",
    "freeze": "Freeze on", "froze": "Freeze on", "frozen": "Freeze on", "delay": "Delay of",
    "delayed": "Delay of", "halt": "Halt to", "halted": "Halt to", "close": "Closure of",
    "closed": "Closure of", "postpone": "Postponement of", "postponed": "Postponement of",
}  # fmt: skip
# A levy's head noun: borne by the subject of "face/pay" ("cars will face a 15% duty").
_LEVIES = word_set("tariff tariffs duty duties tax taxes levy levies surcharge fee fees")
_BEAR = word_set("face faces faced pay pays paid incur incurs bear bears attract attracts")
_PRICE_VERBS = word_set("cost costs retails retail priced")
# Words most English sentences hold; a sentence of eight words or more with none of them is in
# another language (or a results table), where the chunker's word lists name nothing.
_ENGLISH = word_set(
    "the of and to is was for with that by from are this have has will it on at in be its "
    "their were would which between should could after before about into over under more "
    "than not but or he she they we you his her our had can may also been said says who what "
    "when there all new up out if so then only some just how"
)
_OFFER = word_set("offer offers offering offered give gives giving knock knocks knocking")
_AFTER_WHEN = word_set("ago before after later earlier")


def _english(sentence: str) -> bool:
    """Prose in English: not another language, not a results-table row ("16 Erik Jones 2194
    1 0 10 17", more figures than words)."""
    words = re.findall(r"[^\W\d_]+", sentence.lower())
    if len(re.findall(r"(?<![\w.])\d[\d,.]*(?![\w.])", sentence)) > max(len(words), 2):
        return False
    return len(words) < 8 or any(w in _ENGLISH for w in words)


def _move(before: list[str]) -> str:
    """The movement noun when the figure directly follows a movement verb ("rose 2%",
    "fell by 3%"); "" otherwise."""
    words = before[:-1] if before[-1:] in (["by"], ["at"]) else before  # "grow at 6.5%"
    move = _MOVES.get(words[-1].lower(), "") if words else ""
    return "" if before[-1:] == ["at"] and move != "growth" else move


def _owned(subject: list[str], noun: str, before: list[str]) -> str:
    """ "Velmar’s fall", "Zinc’s rise" for a name or a lone capitalised word; "Rise in stock",
    "Fall in shares of Velmar" for a common noun phrase."""
    # a name, or one capitalised word that may be one ("Zinc", "Nvidia"): its own movement
    named = all(w[:1].isupper() for w in subject) and (
        before[:1] != subject[:1] or _proper(subject[0]) or len(subject) == 1
    )
    if len(subject) == 1 and before[:1] == subject and _plural(subject[0]):
        return _finish([noun, "in", subject[0].lower()])  # "Sales rose": a rise in sales
    if len(subject) <= 2 and named:  # "DXY’s rise", "Velmar’s fall"
        return _finish([_possessive(" ".join(subject)), noun])
    if len(subject) > MAX_WORDS - 2:  # "aluminum on the London Metal Exchange": the head
        cut = next((k for k, w in enumerate(subject) if w.lower() in _NP_PREPS), 0)
        subject = subject[:cut] if cut else subject[-(MAX_WORDS - 2) :]
    shown = _mid_sentence(subject, before)
    owned = any(_OWNER.match(w) for w in shown)  # "China's exports’ rise": one possessive only
    if shown[0] == before[0] and shown[0][:1].isupper() and len(shown) <= 3 and not owned:
        # "Soybean futures", "Pellis stock" opening the sentence: name or not, the possessive
        # reads right either way ("Soybean futures’ rise")
        return _finish([_possessive(" ".join(shown)), noun])
    return _finish([noun, "in", *shown])


_ADJECTIVE = re.compile(r"(?:ing|ic|al|ive|ous|ed|ent|ant|ary|ful|less|able|ible)$")


_NOT_NOUNS = word_set("done more less each apiece worth last next cheaper higher lower")


def _bare_noun(word: str) -> bool:
    """A lower-case noun right after a money figure with no article ("$250,000 fines")."""
    low = word.lower()
    return (
        word[:1].islower()
        and _is_content(word)
        and low not in _NOT_NOUNS
        and low not in _SKIP
        and not low.endswith(("ed", "ly", "er"))
    )


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _mid_sentence(phrase: list[str], before: list[str]) -> list[str]:
    """``phrase`` as it reads inside a label: a common word that opened the sentence loses its
    capital ("Trade between ..." -> "trade between ..."); a lone word keeps it (it may be a
    name: "Nvidia")."""
    first = phrase[0]
    capital = first[:1].isupper() and not any(c.isupper() for c in first[1:])
    # "Trade between", "Shares of": a common noun; "Sonos Move", "Pellis stock" may be names
    common = (
        len(phrase) > 1
        and phrase[1].lower() in _PREPS
        or (
            "-" in first and first.split("-")[1][:1].islower()  # "Non-oil", "Three-month"
        )
        or (  # "Emerging market stocks", not "Ring Indoor Cam"
            len(phrase) > 1
            and phrase[1][:1].islower()
            and _ADJECTIVE.search(first.lower()) is not None
        )
        or (  # "Chip exports to China": a common noun phrase with its complement
            len(phrase) > 2
            and phrase[1][:1].islower()
            and any(w.lower() in _PREPS for w in phrase[2:])
        )
    )
    if before[:1] == [first] and capital and common and not _proper(first):
        return [first.lower(), *phrase[1:]]
    return phrase


def _for_period(before: list[str]) -> str | None:
    """ "pause its export controls for one year": "Pause on export controls"; "" when the
    period is how long some other action lasts ("rest for 40 minutes"); None when the figure
    does not follow "for"."""
    if before[-1:] != ["for"] or len(before) < 3:
        return None
    head = _phrase_before(before[:-1])
    k = len(before) - 1 - len(head)
    while k > 0 and before[k - 1].lower() in _DETERMINERS:
        k -= 1
    verb = before[k - 1].lower() if k > 0 else before[-2].lower()
    if head and verb in _PERIOD_NOUNS:
        if len(head) > 2 and head[0].endswith("ing") and head[0][:1].islower():
            head = head[1:]  # "its sweeping export controls": the controls
        return _finish([*_PERIOD_NOUNS[verb].split(), *head])
    if before[-2].lower() in _PERIOD_NOUNS:  # "paused for two weeks": with no object
        return _finish([_PERIOD_NOUNS[before[-2].lower()].split()[0]])
    previous = before[k - 1] if k > 0 else ""
    # "surf the web for 11 hours": a lowercase word before "the" that is no preposition is a verb
    acted = k < len(before) - 1 - len(head) and previous.islower() and previous not in _PREPS
    return None if head and not _is_verb(previous) and not acted else ""


def _time_label(before: list[str], after: list[str]) -> str:
    """A clock time is named by the noun it is the time of ("a 1 p.m. kickoff", "kickoff at
    4:25", "a deadline of 5 pm"), never by who does something at it ("teachers arrive at")."""
    if before[-1:] and before[-1].lower() in _DETERMINERS and after and _is_content(after[0]):
        return _finish(_phrase_after(after)[:2])
    if len(before) > 1 and before[-1].lower() in ("at", "of", "for") and _is_content(before[-2]):
        head = _phrase_before(before[:-1])[-3:]
        k = len(before) - 1 - len(head)
        if head and k > 0 and before[k - 1].lower() in _DETERMINERS:  # "the kickoff at 4:25"
            return _finish(head)
    return ""


def _age(before: list[str], after: list[str]) -> str:
    """ "Prince Arvel, the nearly 60-year-old brother": his age; "a 9-year-old girl": the girl's."""
    k = len(before)
    while k and (before[k - 1].lower() in _DETERMINERS or _APPROX_WORDS.match(before[k - 1])):
        k -= 1
    if k > 1 and before[k - 1] == ",":
        name = _phrase_before(before[: k - 1])
        if name and name[0][0].isupper() and len(name) == k - 1 <= 3:  # the sentence's subject
            return _finish([_possessive(" ".join(name)), "age"])
    subject, _ = _subject(before)  # "Mayor Quint is 58 years old"
    if subject and subject[0][0].isupper() and len(subject) <= 3 and before[-1:] != [","]:
        return _finish([_possessive(" ".join(subject)), "age"])
    phrase = [w for w in _phrase_after(after) if not _is_adverb(w.lower())]
    return _finish(["Age", "of", *phrase[-3:]]) if phrase else ""


_NUMBER_WORD = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozens?)$", re.I
)
_APPROX_WORDS = re.compile(r"^(?:nearly|almost|about|around|roughly|some|over|just)$", re.I)


# Words that say what kind of measure a figure is, not what it measures: alone they name
# nothing ("Value | $44 million" — of what?), so such a label gives no row.
_KIND_OF_MEASURE = word_set(
    "value total figure amount number sum base range high low average level maximum minimum "
    "year week month day instead length duration size chance odds probability likelihood "
    "capacity"
)
_SPANS = word_set("period term stint spell window span duration sentence tenure lifetime")
_GOODS = word_set(
    "goods products imports exports trade purchases sales shipments items commodities"
)
_CHANGE_AUX = word_set("was were is are will would has have")
_MONEY_NOUNS = word_set(
    "loans loan grants grant aid credit credits financing funding investment investments "
    "assistance subsidies"
)
_UNIT_HEADS = word_set("basis square metric")  # "basis points", "square miles": a unit still
_WHEN_TAIL = re.compile(
    r"\s+(?:for|in|of|during)\s+(?:next|this|last|the\s+(?:coming|next|last|past))\s+"
    r"(?:fiscal\s+)?(?:year|month|week|decade|quarter|season)$",
    re.IGNORECASE,
)
_NOT_HEADS = word_set("very today now yesterday tomorrow so too also just even only here there ago")
_SALE = re.compile(
    r"\b(?:sells?|sold|selling|goes|costs?|priced|retails?)\b(?:\s+\w+)?\s+(?:for|at)?\s*$"
)
_NAME_LINKS = word_set("of and the on in for &")
_PRISON = re.compile(r"\s+(?:in (?:prison|jail)|behind bars)\b")
# Words too vague to name anything ("quite a bit of the stuff — about 2,300 tons").
_VAGUE = word_set("bit bits stuff thing things lot lots kind sort way ways")
# People are counted, not priced: "My people had $20 billion done" measures no people.
_PEOPLE = word_set("people persons officials advisers advisors aides men women team staff")
# "a 16-inch MacBook", "5-gallon bottles", "a two-stroke engine": a compound that says which
# kind of thing it is, a product's size or make, not a figure the news reports.
_SPEC_WORDS = word_set(
    "inch inches ounce ounces gallon gallons foot feet mm cm millimeter centimeter liter litre "
    "pound stroke part piece door seat speed core bit megapixel"
)
_DIMENSIONS = word_set(
    "gap distance depth height width length rise drop fall layer snowfall rainfall rain snow "
    "lead margin increase cut"
)
# "10-year notes", "three-month aluminum": the compound names a bond or a futures contract
_BONDS = word_set(
    "note notes bond bonds yield yields treasury treasuries bill bills gilt gilts "
    "aluminum aluminium copper zinc nickel tin lead"
)


def label_for(sentence: str, quantity: Quantity) -> str:
    """A noun phrase of at most six words naming what ``quantity`` measures, or ""."""
    unit = quantity.unit.split()[-1].lower() if quantity.unit else ""
    if quantity.kind in ("number", "measure") and unit in _SPEC_WORDS and "-" in quantity.text:
        noun = re.match(r"\s*([A-Za-z]+)", sentence[quantity.end :])
        if not noun or noun.group(1).lower() not in _DIMENSIONS:
            return ""  # "a six-inch gap" measures the gap; "a 16-inch MacBook" names a model
    label = _label(sentence, quantity)
    if label in ("Maximum", "Minimum") and _PRISON.match(sentence, quantity.end):
        return f"{label} prison term"  # "faces a maximum of 12 years in prison"
    label = _WHEN_TAIL.sub("", label)  # "Defence budget for next year": the budget
    first = label.split()[0] if label else ""
    if first.endswith("ing") and re.search(rf",\s+{re.escape(first)}\b", sentence, re.I):
        label = _finish(label.split()[1:])  # ", beating forecasts of 7.3%": the forecasts
    words = label.lower().split()
    only_unit = bool(words) and is_unit(label) and (len(words) == 1 or words[0] in _UNIT_HEADS)
    if label.lower() in _KIND_OF_MEASURE:
        return _kind_of(label, _words(sentence[: quantity.start]))
    if _VAGUE & set(words) or only_unit:
        return ""  # "Basis points | 4.1%": a unit names no measure either
    if quantity.kind in ("money", "percent") and label.lower() in _PEOPLE:
        return ""
    if words and words[-1] in _NOT_HEADS:
        return ""  # "Feeling very", "W today": a cut clause
    if _only_names(label, sentence):  # "Department of Energy | $0.06": whose, not what
        sold = _SALE.search(sentence[max(0, quantity.start - 30) : quantity.start])
        return _finish(["Price", "of", *label.split()]) if quantity.kind == "money" and sold else ""
    return label


_CAME = {"came": "from", "come": "from", "comes": "from", "go": "to", "goes": "to", "went": "to"}


def _share_opening(text: str, after: list[str]) -> str:
    """ "About 70% of India's defence imports came from Russia": the share, with where it came
    from or went when the sentence says so ("Share of India's defence imports from Russia")."""
    base = [w for w in text.split(" of ", 1)[1].split() if w.lower() != "the"]
    source = after[2:3] if len(after) > 2 and _CAME.get(after[0].lower()) == after[1] else []
    if source and source[0][:1].isupper() and len(base) + 4 <= MAX_WORDS:
        return _finish(["Share", "of", *base, after[1], source[0]])
    return _finish(["Share", "of", *base])


_HAVING = word_set("has have had with boasts")


def _kind_of(kind: str, before: list[str]) -> str:
    """A kind of measure names something only with its owner: "the missile has a range of"
    (the missile's range); alone ("Value", "Range": of what?) it gives no row."""
    if before[-1:] != ["of"] or len(before) < 4 or before[-3].lower() not in ("a", "an", "the"):
        return ""
    if before[-4].lower() not in _HAVING:
        return ""
    owner = _phrase_before(before[:-4])
    return _finish([kind, "of", *_mid_sentence(owner, before)]) if owner else ""


def _only_names(label: str, sentence: str) -> bool:
    """A label of names alone ("Department of Energy | $0.06", "Apple Watches | $169.99") says
    whose or which figure it is, not what it measures; a possessive ("Expercom’s discount")
    or a common noun ("Price of ...") does."""
    if re.search(r"[’']s?(?:\s|$)", label):
        return False
    said = set(_WORD.findall(sentence)[1:])  # capitalised inside the sentence, not as its opening
    words = [w for w in label.split() if w.lower() not in _NAME_LINKS]
    return bool(words) and all(w[:1].isupper() and w in said for w in words)


def _label(sentence: str, quantity: Quantity) -> str:
    if not _english(sentence):
        return ""
    after = _words(sentence[quantity.end :])
    before = _words(sentence[: quantity.start])
    if quantity.before and sentence.startswith(quantity.before, quantity.start):
        # "a tariff of 145% on Chinese goods was cut to 30%": what follows the old figure, up to
        # the verb that changed it, completes the head
        told = _words(sentence[quantity.start + len(quantity.before) : quantity.end])
        changed_at = next((k for k, w in enumerate(told) if w.lower() in _CHANGE_AUX), None)
        if changed_at:
            after = told[:changed_at]
    if [w.lower() for w in before[-2:]] == ["set", "aside"]:
        before[-2:] = ["allocated"]  # "set aside ₹1.2 lakh crore": an allocation
    if quantity.kind == "time":
        return _time_label(before, after)
    if after[:1] == ["each"] and quantity.kind == "measure":
        return ""  # "eighty spiders of two meters each": the size of one of many
    if quantity.kind == "measure" and re.search(r"[- ]old$", quantity.text):
        return _age(before, after)
    if before[-1:] and before[-1] in _CALENDAR and quantity.kind in ("number", "measure"):
        return ""  # "September 30": a date
    if quantity.inner:  # "a 15% duty, down from 27.5%": the noun between names the measure
        between = _words(sentence[quantity.inner : quantity.end])
        head = _phrase_after(between[: between.index(",")] if "," in between else between)
        if head and head[0].lower() not in _MOVES:
            return _levy_on(head, before) or _finish(head)
    if before[-1:] == ["("] and after[:1] == [")"] and len(before) > 1 and is_unit(before[-2]):
        return ""  # "2 inches (50.8 millimeters)": the same figure converted
    if changed := _changed_by(before):
        return changed
    if quantity.kind == "percent" and " of " in quantity.text and not before:
        return _share_opening(quantity.text, after)
    if before and _NUMBER_WORD.match(before[-1]) and quantity.kind in ("number", "measure"):
        return ""  # "400 737 Max jets", "five 787 Dreamliner sales": a model after a count
    unit = quantity.unit.split()[-1] if quantity.unit else ""
    if (
        quantity.kind == "measure"
        and quantity.start > 0
        and unit[:1].isupper()
        and unit[1:].islower()
    ):
        return ""  # "from 80 Day Obsession": a title
    if quantity.kind == "measure" and not is_unit(quantity.unit):
        # "24 strategic documents": the counted noun, with its owner ("WeWork’s 12,000
        # employees") and complement ("20 million residents of Delhi") when the sentence has them
        counted = quantity.unit.split()
        if counted[0].lower() in _STOP or counted[-1].lower() in ("times", "time"):
            return ""  # "eight that submitted proposals", "50 times the level": no measure
        if counted[-1][0].isupper() and quantity.start > 0:
            return ""  # "10 Things in Tech", "The 7 Habits of ...": a title, not a count
        ratio = (
            [w.lower() for w in before[-2:]] == ["out", "of"]
            and before[-3:-2]
            or (before[-1:] == ["in"] and before[-2:-1])
        )
        if ratio and _OF_RATIO.match(ratio[0]):
            return ""  # "eight out of ten companies", "one in five adults": a ratio, not a count
        while len(counted) > 1 and counted[0].lower() in _SKIP:
            counted = counted[1:]  # "2,000 more troops": troops
        if counted in (["points"], ["point"]) and not _box_score_name(before):
            return _points(before)
        if counted in (["people"], ["persons"]) and not _complement(after, MAX_WORDS - 1):
            return _what_befell(before, after)
        if before and _OWNER.match(before[-1]) and len(counted) < MAX_WORDS:
            counted.insert(0, before[-1])
        elif len(after) <= 5 and _box_score_name(before) and not _complement(after, MAX_WORDS):
            counted.insert(0, _possessive(" ".join(_box_score_name(before))))
        elif _model_name(before, quantity):
            return ""  # "Thunderbolt 3 docks", "the VEGA 20 graphics": a model, not a count
        return _finish([*counted, *_complement(after, MAX_WORDS - len(counted))])
    if quantity.kind == "measure" and quantity.unit.split()[-1] in _TIME_UNITS:
        if _PERIOD.search(" ".join(before[-4:])):
            return ""  # "in the last 6 months", "in two years": when, not a measure
        if after[:1] and after[0].lower() in _AFTER_WHEN:
            return ""  # "began 10 years ago", "seven years before the launch": a date
        period = _for_period(before)
        if period is not None:
            return period
        if after[:1] == ["old"]:  # "Trump is 73 years old"
            subject, _ = _subject(before)
            if subject and subject[0][0].isupper() and len(subject) <= 3:
                return _finish([_possessive(" ".join(subject)), "age"])
        verb = _verb_before(before)
        if verb in _MET:  # "met for close to two hours"
            return "Length of the meeting"
        if verb in ("lasted", "lasts", "last", "took"):
            subject, _ = _subject(before)
            return _finish(["Length", "of", *subject]) if subject else "Length"
        low = before[-1].lower() if before else ""
        own = after[:1] == ["of"]  # "provide up to 24 hours of battery life": what follows
        if before and _is_verb(before[-1]) and low not in _AUX | _MOVES.keys() and not own:
            return ""  # "workers waited 12 years": who waited is no measure
    if quantity.kind == "money" and after[:2] == ["worth", "of"]:
        goods = _phrase_after(after[2:])  # "about $125 billion worth of Chinese goods"
        if goods:
            return _finish(["Value", "of", *goods])
    if after and after[0].lower() == "of" and quantity.kind in ("money", "measure", "number"):
        tail = _phrase_after(after[1:])
        if tail:
            subject, verb = _subject(before)
            if verb and subject and subject[0][0].isupper() and len(subject) <= 2:
                return _finish([_possessive(" ".join(subject)), _MONEY_VERBS[verb], "of", *tail])
            traded = quantity.kind == "money" and tail[-1].lower() in _GOODS
            return _finish(["Value", "of", *tail] if traded else tail)  # "$250 billion of imports"
    if quantity.kind == "percent" and after[:1] == ["of"]:
        whole = _phrase_after(after[1:])  # "40% of India's LNG imports": a share of them
        people = next((k for k, w in enumerate(whole[:-1]) if w[:1].isupper() and _plural(w)), -1)
        if people >= 0 and whole[people + 1][:1].islower():
            whole = whole[: people + 1]  # "78% of Americans live paycheck to paycheck": Americans
        if whole and len(whole) < MAX_WORDS - 1:
            return _finish(["Share", "of", *_mid_sentence(whole, before)])
    if quantity.text[0].isupper() and "-" in quantity.text and after[:1] and after[0][0].isupper():
        return ""  # "the 1967 Six-Day War": a name, not a figure
    if quantity.kind == "money" and before[-1:] == ["for"]:
        item = _phrase_before(before[:-1])  # "Sonos Move for $400", "Upgrade to Premium for"
        k = len(before) - 1 - len(item)
        named = any(w[:1].isupper() for w in item)  # a product: "Get Pokemon Shield for"
        listing = named and (k <= 1 or re.search(r"\d", before[k - 1]))  # "38mm Smart Watch"
        shown = item[-4:]
        while shown and shown[0].lower() in _PREPS:
            shown = shown[1:]  # "4 Months of Amazon Music Unlimited": the product
        if shown and (listing or before[k - 1].lower() in (",", ":", "to")):
            return _finish(["Price", "of", *_mid_sentence(shown, before)])
    if quantity.kind == "money" and after[:1] == ["off"]:
        subject, _ = _subject(before)  # "Expercom is offering up to $438 off": a discount
        offers = any(w.lower() in _OFFER for w in before[-3:])  # a shop's offer, not a taker's
        owned = offers and subject and subject[0][0].isupper() and len(subject) <= 2
        return _finish([_possessive(" ".join(subject)), "discount"]) if owned else ""
    modifier = bool(before) and before[-1].lower() in _DETERMINERS or "-" in quantity.text
    if quantity.kind == "percent" and after[:1] and after[0].lower() in _LEVIES:
        modifier = True  # "the US imposed 25% tariffs on ...": the tariffs
    if quantity.kind == "money" and after and _bare_noun(after[0]):
        modifier = True  # "both teams received $250,000 fines": the fines
    if modifier and after and _is_content(after[0]) and quantity.kind != "share":
        # "a $44-billion gas pipeline", "a one-year truce", "a 15% tariff on cars"
        phrase = _phrase_after(after)
        if phrase and all(w[:1].isupper() for w in phrase) and quantity.kind != "percent":
            # "the 16-inch MacBook Pro": a size in a product's name; "the $49 Apple adapter":
            # what the product costs
            return _finish(["Price", "of", *phrase[-4:]]) if quantity.kind == "money" else ""
        if len(phrase) == 1:
            phrase += _contact_clause(after[1:])
        if phrase and quantity.kind == "measure" and quantity.unit.lower() in _TIME_UNITS:
            if {phrase[0].lower(), phrase[-1].lower()} & (_BONDS | _KIND_OF_MEASURE):
                return ""  # "10-year notes": a bond's name; "a four-year high": a when
            while len(phrase) > 1 and phrase[-1].endswith("ing"):
                phrase = phrase[:-1]  # "a two-day summit marking ...": the summit
            if len(phrase) <= 3 and phrase[-1].lower() not in _SPANS:
                # "a three-year silence": how long it lasted ("a 21-day period" says so)
                first = phrase[0] if _proper(phrase[0]) else phrase[0].lower()
                return _finish(["Length", "of", first, *phrase[1:]])
        if phrase == after[:1] and phrase[0].lower() in _LEVIES and after[1:2] == ["on"]:
            goods = _goods_after_figure(after[2:])  # "15% tariffs on $125 billion of goods"
            if goods:
                return _finish([phrase[0], "on", *goods])
        if phrase:
            return _levy_on(phrase, before) or _finish(phrase)
    subject, verb = _subject(before)
    if not subject:
        return ""
    moves = quantity.kind in ("percent", "money") or quantity.unit.startswith("basis")
    move = _move(before) if moves else ""
    if quantity.kind == "percent" and after[:1] and after[0].lower() in _UP_DOWN:
        move = _UP_DOWN[after[0].lower()]  # "the index closed 1.2% higher"
    if move:  # "the stock rose more than 2%": its rise, not the stock
        return _owned(subject, move, before)
    if verb in ("cost",) or before and before[-1].lower() in _PRICE_VERBS:
        # "the cable costs $49": its price; "the plant will cost $11 billion": what it costs
        planned = len(before) > 1 and before[-2].lower() in ("will", "would", "could", "to")
        return _finish(["Cost" if planned else "Price", "of", *_mid_sentence(subject, before)])
    if (
        quantity.kind not in ("money", "measure")
        and not (quantity.kind == "percent" and " of " in quantity.text)  # "5% of GDP": money
        or is_unit(quantity.unit)
        and (quantity.unit.split()[-1] in _TIME_UNITS)
    ):
        verb = ""  # "spent 45 seconds", "pays 5%": what money verbs say is money or goods
    if verb in ("worth", "valued"):  # "Nvidia is worth", "a trade worth roughly"
        thing = before[-2] if before[-1:] == ["worth"] and len(before) > 1 else ""
        if _plural(thing) and thing[:1].islower():  # "signed deals worth $5 billion": the deals
            return _finish(["Value", "of", thing])
        owned = subject[-1][0].isupper() and len(subject) <= 2
        if owned:
            return _finish([_possessive(" ".join(subject)), "value"])
        # "a stake in Pellis in a deal worth": the value is the last noun's, the deal's
        near: list[str] = []
        k = len(before) - (2 if before[-2:] == ["valued", "at"] else 1)
        while k > 0 and before[k - 1].lower() in _AUX:
            k -= 1  # "the order is valued at"
        while (
            before[k:][:1] in (["worth"], ["valued"], ["is"], ["was"])
            and k > 0
            and (_is_content(before[k - 1]))
        ):
            k -= 1
            near.insert(0, before[k])
            while k > 0 and _is_content(before[k - 1]):
                k -= 1
                near.insert(0, before[k])
        # "in a deal worth": worth is the deal's; "a lifeline from SoftBank worth": not SoftBank's
        opens = k == 0 or k == 1 and before[0].lower() in _DETERMINERS  # "The order is"
        if near and (before[k - 1 : k] in (["a"], ["an"], [","]) or opens):
            subject = near
        cut = max(  # "in a deal": a new noun introduced; "between the two sides" completes
            (k for k, w in enumerate(subject[:-1]) if w.lower() in _PREPS and
             subject[k + 1].lower() in ("a", "an")),
            default=-1,
        )  # fmt: skip
        head = [w for w in subject[cut + 1 :] if w.lower() not in _DETERMINERS] or subject
        return _finish(["Value", "of", *_mid_sentence(head, before)])
    if verb and len(subject) <= 3 and verb not in ("announce", "announced"):
        owner = [_possessive(" ".join(subject)), _MONEY_VERBS[verb]]
        if len(after) > 1 and after[0].lower() in ("in", "for", "into", "on"):
            target = _phrase_after(after[1:])  # "in French AI data centres"
            end = after.index(target[-1], 1) + 1 if target else 0
            if after[end : end + 1] in (["and"], ["or"]):
                target = []  # "in public and private investment": "in public" would cut it
            money_noun = next((k for k, w in enumerate(target) if w.lower() in _MONEY_NOUNS), None)
            if money_noun is not None:  # "provide $2 billion in concessional loans": the loans
                return _finish(target if len(target) <= MAX_WORDS else target[: money_noun + 1])
            if target and len(" ".join(owner).split()) + len(target) < MAX_WORDS:
                owner += [after[0].lower(), *target]
        return _finish(owner)
    of_figure = before and before[-1].lower() == "of" and len(after) > 1
    if (
        of_figure
        and quantity.kind in ("money", "percent")
        and (len(subject) == 1 or after[0] == "on")
    ):
        # "Tariffs of 50 per cent on steel", "a target of JPY 10 trillion for investment in
        # India": what follows the figure completes the head it measures (not "a maximum of
        # 10 years in prison", where it belongs to the figure)
        return _finish([*subject, *_complement(after, MAX_WORDS - len(subject))])
    if quantity.kind == "money" and after[:1] == ["in"] and not verb and not quantity.before:
        target = _phrase_after(after[1:])  # "the deal covers $1.2 trillion in annual trade"
        when = {w.lower() for w in target} & (_WHEN | _CALENDAR)  # not "in the years ahead"
        if target and not when:
            traded = target[-1].lower() in _GOODS  # "$156 billion in Chinese goods": their value
            return _finish(["Value", "of", *target] if traded else target)
    return _finish(subject)
