"""HTML reader: the article of a web page, without the page around it.

The article text comes from trafilatura, the field's best-measured extractor (run with
comments left out and precision favoured: a brief wants the story, not its readers' replies;
``bench/extraction.py`` measures the choice). Where it finds no article, briefgen's own rules
try: the page's JSON-LD ``articleBody``, then the page with boilerplate dropped in three
passes (tags that never hold story text; elements whose role, class or id names a page part;
link-dense lists) and the ``articleBody``, ``<article>``, ``<main>`` or the block with most
paragraph text kept. Title, publisher, date and URL come from JSON-LD, ``og:*``/``article:*``
meta and ``<title>`` first, then from what trafilatura found (it adds the author).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from lxml import etree, html

from briefgen.errors import InputError
from briefgen.sources.base import SourceDocument
from briefgen.sources.meta import clean_title, compact, normalize_date, title_from_path
from briefgen.sources.text import decode_text, read_bytes, tidy_text

# A page whose article has fewer words than this in sentence-length blocks has no article.
MIN_ARTICLE_WORDS = 20
MIN_PROSE_BLOCK_WORDS = 6
NO_ARTICLE = "no article text found (only navigation, scripts or short snippets)"

# Tags that never hold story text, and page parts that hold none unless markup is broken.
_CODE_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "input", "select", "textarea", "head", "video", "audio", "map",
)  # fmt: skip
_PART_TAGS = ("nav", "aside", "footer", "figure", "dialog", "menu", "label", "header")
_STORY = ".//article | .//main | .//h1 | .//*[@itemprop='articleBody']"
_DROP_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
     "menu", "menubar"}
)  # fmt: skip
# Words in class/id names that mark page furniture, matched as whole name parts.
_JUNK_NAMES = frozenset(
    re.findall(
        r"\S+",
        """ad ads adv advert adverts advertisement advertising adslot adunit sponsor sponsored
    promo promotion promoted cookie cookies consent gdpr cmp banner newsletter subscribe
    subscription signup share sharing sharebar social socials comment comments disqus
    breadcrumb breadcrumbs nav navbar navigation menu sidebar footer masthead popup modal
    overlay outbrain taboola related recommended recommendations trending popular
    readmore more-stories tags byline-share toolbar skip-link sr-only visually-hidden""",
    )
)
_NAME_SPLIT = re.compile(r"[^a-z0-9]+")
_BLOCK_TAGS = frozenset(
    re.findall(
        r"\S+",
        """address article blockquote dd details div dl dt fieldset figcaption form h1 h2 h3 h4 h5
    h6 header hr li main ol p pre section summary table tbody thead tfoot tr ul""",
    )
)
_ARTICLE_TYPES = ("NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "Article", "BlogPosting", "Report", "WebPage")  # fmt: skip
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html_file(path: Path) -> SourceDocument:
    return read_html_bytes(read_bytes(path), path)


def read_html_bytes(
    data: bytes, path: Path, url: str = "", charset: str | None = None
) -> SourceDocument:
    """The article of a page's bytes. ``charset`` is the one a server named (it wins over the
    page's own ``<meta charset>``); ``url`` is where the page was read from, if the web."""
    if not data.strip():
        raise InputError(path, "file is empty")
    declared = _CHARSET.search(data[:4096])
    page_charset = declared.group(1).decode("ascii") if declared else None
    markup = _XML_DECLARATION.sub("", decode_text(data, path, charset or page_charset))
    root = _parse(markup, path)
    metadata = page_metadata(root)
    found = _library_article(markup, url or metadata.get("url", ""))
    text = found.pop("text", "")
    body = metadata.pop("body", "")
    if _prose_words(text) < MIN_ARTICLE_WORDS:
        text = _own_article(root, metadata, body)
    elif " ".join(text.split()) == " ".join(body.split()):
        text = _body_lines(body)  # the library read the JSON-LD body but lost its paragraphs
    if _prose_words(text) < MIN_ARTICLE_WORDS:
        raise InputError(path, NO_ARTICLE)
    for key, value in found.items():  # the library fills what the page's own markup lacks
        metadata.setdefault(key, value)
    if url:
        metadata["url"] = url
    title = metadata.pop("title", "") or title_from_path(path)
    return SourceDocument(text=text, title=title, path=path, metadata=metadata)


def _parse(markup: str, path: Path) -> html.HtmlElement:
    try:
        return html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"cannot parse HTML ({exc})") from None


def _library_article(markup: str, url: str) -> dict[str, str]:
    """text, title, author, publisher and date as trafilatura finds them ({} when it fails).

    Favouring precision keeps menus and teasers out, but on a few pages it keeps only a
    reprint notice; when its article is short and the default mode finds several times as
    much, the default's is the article.
    """
    found = _trafilatura(markup, url, favor_precision=True)
    if found is None or _prose_words(found["text"]) < SHORT_ARTICLE_WORDS:
        fuller = _trafilatura(markup, url, favor_precision=False)
        words = _prose_words(found["text"]) if found else 0
        if fuller is not None and _prose_words(fuller["text"]) > FULLER_RATIO * words:
            found = fuller
    return found or {}


# An article shorter than this (words) is checked against the library's default mode, which
# must find FULLER_RATIO times as many words to be taken instead.
SHORT_ARTICLE_WORDS = 150
FULLER_RATIO = 3


def _trafilatura(markup: str, url: str, favor_precision: bool) -> dict[str, str] | None:
    import trafilatura  # imported here: start-up stays fast when no page is read

    try:
        found: Any = trafilatura.bare_extraction(
            markup,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            favor_precision=favor_precision,
        )
    except Exception:  # a library failure on odd markup falls back to our own rules
        return None
    if found is None:
        return None
    metadata = compact(
        {
            "title": clean_title(found.title, found.sitename or ""),
            "author": found.author,
            "publisher": found.sitename,
            "date": normalize_date(found.date) if found.date else "",
        }
    )
    body = found.body
    return metadata | {"text": xml_body_text(body) if body is not None else ""}


# trafilatura's XML body: these elements start a line; a table row's cells join with "; ".
_XML_LINES = frozenset({"p", "head", "item", "row", "quote", "code", "lb", "list", "table"})


def xml_body_text(body: etree._Element) -> str:
    """trafilatura's body in briefgen's text form: one paragraph, heading or ``- item`` a
    line, table rows as ``cell; cell`` (its own text output writes Markdown tables)."""
    return _block_text(body, _XML_LINES - {"lb"}, "lb", "item", ("cell",))


def _block_text(
    root: etree._Element, blocks: frozenset[str], line_break: str, item: str, cells: tuple[str, ...]
) -> str:
    """One line a block, ``- `` before a list item, a row's cells joined by ``; ``: the text
    form of both readers' trees (trafilatura's XML and a page's own HTML), which differ only
    in their tag names."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split()).rstrip(" ;")
        if line.strip("- ;"):
            lines.append(line)
        current.clear()

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in blocks or tag == line_break:
            flush()
        if tag == item:
            current.append("- ")
        if element.text and tag != line_break:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tag in cells:
                current.append("; ")
        if tag in blocks:
            flush()
        if element.tail:
            current.append(element.tail)

    walk(root)
    flush()
    return tidy_text("\n".join(lines))


def _own_article(root: html.HtmlElement, metadata: dict[str, str], body: str) -> str:
    """briefgen's own rules: the article element's text, else the JSON-LD articleBody."""
    article = _article_root(root)
    stamp = article.find(".//time[@datetime]") if article is not None else None
    if "date" not in metadata and stamp is not None:
        # the article's own <time>; one in the page header is today's date, not the story's
        metadata["date"] = normalize_date(stamp.get("datetime", ""))
    if "title" not in metadata and (heading := _first_heading(article)):
        metadata["title"] = heading
    text = article_text(article) if article is not None else ""
    if _prose_words(text) < MIN_ARTICLE_WORDS:
        text = _body_lines(body)  # pages built by scripts carry the story only in JSON-LD
    return text


def _body_lines(body: str) -> str:
    """A JSON-LD articleBody as written: its line breaks separate paragraphs."""
    return "\n".join(" ".join(line.split()) for line in tidy_text(body).splitlines())


# --- metadata -------------------------------------------------------------------------------


def page_metadata(root: html.HtmlElement) -> dict[str, str]:
    """title, publisher, date, url (and body: JSON-LD articleBody) from the page head."""
    meta: dict[str, str] = {}
    for element in root.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = element.get("content")
        if key and content and key.lower() not in meta:
            meta[key.lower()] = content
    ld = _json_ld_article(root)
    publisher = ld.get("publisher", "") or _first(
        meta, "og:site_name", "publisher", "application-name", "dc.publisher"
    )
    date = ld.get("date", "") or _first(
        meta, "article:published_time", "datepublished", "date", "pubdate", "publishdate",
        "dc.date", "dc.date.issued", "citation_publication_date", "parsely-pub-date",
    )  # fmt: skip
    canonical = root.find(".//link[@rel='canonical']")
    url = (
        (canonical.get("href", "") if canonical is not None else "")
        or _first(meta, "og:url")
        or ld.get("url", "")
    )
    title_tag = root.find(".//title")
    title = (
        ld.get("title", "")
        or _first(meta, "og:title", "twitter:title", "dc.title")
        or (title_tag.text_content() if title_tag is not None else "")
    )
    metadata = compact(
        {
            "title": clean_title(title, publisher),
            "publisher": publisher,
            "date": normalize_date(date) if date else "",
            "url": url if url.startswith(("http://", "https://")) else "",
        }
    )
    if ld.get("body", "").strip():
        metadata["body"] = ld["body"]  # kept as written: its line breaks separate paragraphs
    return metadata


def _first(meta: dict[str, str], *keys: str) -> str:
    return next((meta[k] for k in keys if meta.get(k, "").strip()), "")


def _json_ld_article(root: html.HtmlElement) -> dict[str, str]:
    """headline, publisher, date, url and body of the page's article object in JSON-LD."""
    objects: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            try:
                objects += _ld_objects(json.loads(script.text or ""))
            except (ValueError, RecursionError):
                continue  # a broken or absurdly deep block must not cost us the page
    ranked = sorted(
        (rank, index, item)
        for index, item in enumerate(objects)
        if (rank := _ld_rank(item)) < len(_ARTICLE_TYPES)
    )
    if not ranked:
        return {}
    item = ranked[0][2]
    publisher = item.get("publisher") or {}
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else {}
    page = item.get("mainEntityOfPage")
    return {
        "title": _ld_text(item.get("headline") or item.get("name")),
        "publisher": _ld_text(publisher.get("name") if isinstance(publisher, dict) else publisher),
        "date": _ld_text(item.get("datePublished") or item.get("dateCreated")),
        "url": _ld_text(item.get("url") or (page.get("@id") if isinstance(page, dict) else page)),
        "body": _ld_text(item.get("articleBody")),
    }


def _ld_rank(item: dict) -> int:
    """Position of the object's type in _ARTICLE_TYPES (articles before a bare WebPage)."""
    kinds = item.get("@type", "")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    ranks = [_ARTICLE_TYPES.index(k) for k in kinds if isinstance(k, str) and k in _ARTICLE_TYPES]
    return min(ranks, default=len(_ARTICLE_TYPES))


# Real pages nest @graph once or twice; deeper is hostile and is not followed.
MAX_LD_DEPTH = 8


def _ld_objects(data: object, depth: int = 0) -> list[dict]:
    if depth > MAX_LD_DEPTH:
        return []
    if isinstance(data, list):
        return [obj for entry in data for obj in _ld_objects(entry, depth + 1)]
    if isinstance(data, dict):
        return [data] + _ld_objects(data.get("@graph", []), depth + 1)
    return []


def _ld_text(value: object) -> str:
    return value if isinstance(value, str) else ""


# --- finding the article --------------------------------------------------------------------


def _article_root(root: html.HtmlElement) -> html.HtmlElement | None:
    body = root.find("body")
    if body is None:
        return None
    _drop_boilerplate(body)
    bodies = body.xpath(".//*[contains(concat(' ', normalize-space(@itemprop), ' '), "
                        "' articleBody ')]")  # fmt: skip
    articles = body.xpath(".//article")
    if bodies:
        # The <article> around the body also holds the headline and standfirst.
        around = [a for a in articles if bodies[0] in a.iterdescendants()]
        return around[-1] if around else bodies[0]
    if articles:
        return max(articles, key=_paragraph_chars)
    main = body.xpath(".//main | .//*[@role='main']")
    if main:
        return main[0]
    return _best_block(body)


def _drop_boilerplate(body: html.HtmlElement) -> None:
    for element in list(body.iter(*_CODE_TAGS)):
        _remove(element)
    for element in list(body.iter(*_PART_TAGS)):
        if element.tag == "header" and element.xpath("ancestor::article | ancestor::main"):
            continue  # an article's own header holds its headline and standfirst
        if not element.xpath(_STORY):  # an unclosed <nav> or <header> can swallow the story
            _remove(element)
    for element in list(body.iter(etree.Element)):
        if element.getparent() is None or not isinstance(element.tag, str):
            continue
        if _is_furniture(element) and not element.xpath(_STORY):
            _remove(element)
    for element in list(body.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove(element)


def _is_furniture(element: html.HtmlElement) -> bool:
    if element.tag in ("body", "html", "article", "main"):
        return False
    if (element.get("role") or "").lower() in _DROP_ROLES:
        return True
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    if not names.strip():
        return False
    parts = set(_NAME_SPLIT.split(names))
    return bool(parts & _JUNK_NAMES) or any(name in _JUNK_NAMES for name in names.split())


def _remove(element: html.HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _paragraph_chars(element: html.HtmlElement) -> int:
    return sum(len(p.text_content().strip()) for p in element.iter("p"))


def _best_block(body: html.HtmlElement) -> html.HtmlElement:
    """The element whose paragraphs hold most text, readability-style."""
    scores: dict[html.HtmlElement, float] = {}
    for paragraph in body.iter("p"):
        length = len(paragraph.text_content().strip())
        if length < 25:
            continue
        parent = paragraph.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + length
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0) + length / 2
    return max(scores, key=scores.__getitem__) if scores else body


# --- text -----------------------------------------------------------------------------------


def article_text(article: html.HtmlElement) -> str:
    """Headings, paragraphs and list items in order, one per line; list items as ``- item``."""
    for element in list(article.iter("ul", "ol", "dl", "div", "section", "table", "p")):
        if element is not article and _link_dense(element):
            _remove(element)
    return _block_text(article, _BLOCK_TAGS, "br", "li", ("td", "th"))


def _link_dense(element: html.HtmlElement) -> bool:
    """A list or block that is mostly links: related stories, tag clouds, 'read more'."""
    text = " ".join(element.text_content().split())
    links = element.findall(".//a")
    if not text or not links:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in links)
    if element.tag == "p":
        return linked / len(text) > 0.9 and len(text.split()) < 25
    return linked / len(text) > 0.6


def _prose_words(text: str) -> int:
    counts = (_words(line) for line in text.splitlines())
    return sum(n for n in counts if n >= MIN_PROSE_BLOCK_WORDS)


# Chinese and Japanese write no spaces between words: about two characters make a word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _words(line: str) -> int:
    return max(len(line.split()), len(_CJK.findall(line)) // 2)


def _first_heading(article: html.HtmlElement | None) -> str:
    if article is None:
        return ""
    heading = article.find(".//h1")
    return " ".join(heading.text_content().split()) if heading is not None else ""
