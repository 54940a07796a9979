"""An e-mail draft (.eml) of the memo: the summary as text and HTML body, the files attached.

Built with the standard library ``email`` package. ``X-Unsent: 1`` makes Outlook open the file
as a draft to send; Thunderbird and Apple Mail open it as a message. The bodies come from the
templates ``email.txt.j2`` and ``email.html.j2``, so ``--templates`` words them too.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8
from email.utils import format_datetime, getaddresses
from pathlib import Path
from typing import Any

from briefgen.errors import UsageError
from briefgen.model import Brief

# mimetypes on a bare machine may not know these (it reads /etc/mime.types when present).
MIME_TYPES: dict[str, str] = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".md": "text/markdown",
    ".html": "text/html",
    ".json": "application/json",
    ".yaml": "application/yaml",
}


def mime_type(path: Path) -> tuple[str, str]:
    kind = MIME_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    maintype, _, subtype = (kind or "application/octet-stream").partition("/")
    return maintype, subtype


# RFC 5321 4.5.3.1: the longest local part and domain a mail system must accept.
MAX_LOCAL_PART = 64
MAX_DOMAIN = 255


def parse_recipients(value: str) -> list[Address]:
    """``a@example.org`` or ``Name <a@example.org>, b@example.org``; refuse anything else.

    A domain in another script is written in punycode (``exämple.org`` -> ``xn--exmple-cua.org``,
    what every mail server accepts); a local part in another script is kept (RFC 6531), and the
    draft then says so in its encoding (SMTPUTF8).
    """
    if any(ch in value for ch in "\r\n\0"):  # a line break would let text inject headers
        raise UsageError("--eml: the address must be on one line")
    addresses: list[Address] = []
    for name, spec in getaddresses([value]):
        local, at, domain = spec.rpartition("@")
        if not (at and local and domain) or any(ch.isspace() for ch in spec):
            raise UsageError(f"--eml: {_short(value)!r} is not an e-mail address (name@domain)")
        if len(local.encode()) > MAX_LOCAL_PART:
            raise UsageError(
                f"--eml: {_short(spec)!r}: the part before @ is longer than {MAX_LOCAL_PART} bytes"
            )
        ascii_domain = _punycode(domain, spec)
        try:
            addresses.append(Address(display_name=name, username=local, domain=ascii_domain))
        except (ValueError, IndexError) as exc:
            raise UsageError(f"--eml: {_short(spec)!r} is not an e-mail address ({exc})") from None
    if not addresses:
        raise UsageError("--eml: no e-mail address given")
    return addresses


def _punycode(domain: str, spec: str) -> str:
    """The domain in ASCII (IDNA), refusing what no DNS name can be."""
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise UsageError(f"--eml: {_short(spec)!r}: not a valid domain ({exc})") from None
    if len(ascii_domain) > MAX_DOMAIN:
        raise UsageError(f"--eml: {_short(spec)!r}: the domain is longer than {MAX_DOMAIN} bytes")
    return ascii_domain


def _short(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_message(
    brief: Brief, attachments: list[tuple[str, bytes]], recipients: list[Address], settings: Any
) -> EmailMessage:
    """The draft message; ``attachments`` are (file name, bytes as written) pairs."""
    from briefgen.render.templating import memo_context, render_template

    context = memo_context(brief, settings)
    context["attachments"] = [name for name, _ in attachments]
    templates = getattr(settings, "templates", None)
    message = EmailMessage()
    message["To"] = recipients
    message["Subject"] = " ".join(f"[{brief.classification.upper()}] {brief.title}".split())
    message["Date"] = format_datetime(dt.datetime.now(dt.timezone.utc))
    message["X-Unsent"] = "1"
    message.set_content(render_template("email.txt.j2", templates, **context))
    message.add_alternative(render_template("email.html.j2", templates, **context), subtype="html")
    for name, data in attachments:
        maintype, subtype = mime_type(Path(name))
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


def draft_writer(brief: Brief, recipients: list[Address], settings: Any):
    """A writer for output.write_all's ``then``: the draft with every memo file attached, read
    from the temporary files just written, so memo and draft are committed together."""

    def write(temp: Path, rendered: dict[Path, Path]) -> None:
        files = [(final.name, path.read_bytes()) for final, path in rendered.items()]
        message = build_message(brief, files, recipients, settings)
        utf8 = any(not address.username.isascii() for address in recipients)
        temp.write_bytes(message.as_bytes(policy=SMTPUTF8 if utf8 else SMTP))

    return write
