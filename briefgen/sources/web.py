"""Fetch web pages for reading: httpx with timeouts, a size cap, a redirect cap and only
http/https; several pages at once (threads: the work is waiting on the network).

Imported only when a source is a URL, so start-up never pays for httpx.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message

import httpx

from briefgen import __version__
from briefgen.errors import InputError
from briefgen.limits import describe, max_file_bytes
from briefgen.sources.links import FetchSettings

USER_AGENT = f"briefgen/{__version__} (policy-briefing memo generator; reads articles it is given)"
SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes and what the server said about them."""

    url: str  # as asked for
    final_url: str  # after redirects
    data: bytes
    content_type: str  # MIME type without parameters, lower case ("" when not sent)
    charset: str | None  # from the Content-Type header
    read_at: str  # UTC, ISO 8601 to the second


def check_url(url: str) -> None:
    """Only http and https, with a host: anything else is an InputError naming the URL."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise InputError(url, f"not a valid URL ({exc})") from None
    if parsed.scheme not in SCHEMES:
        raise InputError(url, "only http:// and https:// URLs are read")
    if not parsed.host:
        raise InputError(url, "URL has no host")


def fetch_all(
    urls: Sequence[str], settings: FetchSettings | None = None
) -> list[Page | InputError]:
    """Every URL fetched, several at once; each result in the order asked, a failure as an
    InputError naming its URL (the caller decides whether it is a warning or the error)."""
    if not urls:
        return []
    settings = settings or FetchSettings()
    # A page is a file like any other: the file cap (10 x --max-source-mb) bounds its bytes and
    # the reader then bounds its text, as for a file on disk. Read here: the limit is per thread.
    limit = settings.max_bytes or max_file_bytes()
    with _client(settings) as client:
        if len(urls) == 1:
            return [_fetch_or_error(client, urls[0], settings, limit)]
        with ThreadPoolExecutor(max_workers=min(settings.workers, len(urls))) as pool:
            return list(pool.map(lambda u: _fetch_or_error(client, u, settings, limit), urls))


def fetch(url: str, settings: FetchSettings | None = None) -> Page:
    """One URL, or an InputError naming it."""
    result = fetch_all([url], settings)[0]
    if isinstance(result, InputError):
        raise result
    return result


def _client(settings: FetchSettings) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        trust_env=True,  # proxies from the environment, as other tools on the machine use
    )


def _fetch_or_error(
    client: httpx.Client, url: str, settings: FetchSettings, limit: int
) -> Page | InputError:
    try:
        return _fetch(client, url, settings, limit)
    except InputError as exc:
        return exc


def _fetch(client: httpx.Client, url: str, settings: FetchSettings, limit: int) -> Page:
    check_url(url)
    deadline = time.monotonic() + 2 * settings.timeout  # a server that trickles bytes forever
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise InputError(url, f"HTTP {response.status_code} {reason}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise InputError(url, describe(int(declared), limit))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise InputError(url, describe(size, limit))
                if time.monotonic() > deadline:
                    raise InputError(url, f"timed out after {2 * settings.timeout:g} s")
                chunks.append(chunk)
            mime, charset = _content_type(response.headers.get("content-type", ""))
            return Page(
                url=url,
                final_url=str(response.url),
                data=b"".join(chunks),
                content_type=mime,
                charset=charset,
                read_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            )
    except httpx.TooManyRedirects:
        raise InputError(url, f"more than {settings.max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {settings.timeout:g} s") from None
    except httpx.UnsupportedProtocol:
        raise InputError(url, "redirected to a scheme other than http/https") from None
    except httpx.HTTPError as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(url, f"cannot fetch ({detail})") from None


def _content_type(header: str) -> tuple[str, str | None]:
    """MIME type and charset of a Content-Type header (the email parser knows its quoting)."""
    if not header.strip():
        return "", None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type().lower(), charset if isinstance(charset, str) else None
