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
from email.policy import SMTP
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


def parse_recipients(value: str) -> list[Address]:
    """``a@example.org`` or ``Name <a@example.org>, b@example.org``; refuse anything else."""
    if any(ch in value for ch in "\r\n\0"):  # a line break would let text inject headers
        raise UsageError("--eml: the address must be on one line")
    addresses: list[Address] = []
    for name, spec in getaddresses([value]):
        local, at, domain = spec.rpartition("@")
        if not (at and local and domain) or any(ch.isspace() for ch in spec):
            raise UsageError(f"--eml: {value.strip()!r} is not an e-mail address (name@domain)")
        try:
            addresses.append(Address(display_name=name, addr_spec=spec))
        except (ValueError, IndexError) as exc:
            raise UsageError(f"--eml: {spec!r} is not an e-mail address ({exc})") from None
    if not addresses:
        raise UsageError("--eml: no e-mail address given")
    return addresses


def build_message(
    brief: Brief, attachments: list[Path], recipients: list[Address], settings: Any
) -> EmailMessage:
    """The draft message; attachments are read from disk as written (byte for byte)."""
    from briefgen.render.templating import memo_context, render_template

    context = memo_context(brief, settings)
    context["attachments"] = [path.name for path in attachments]
    templates = getattr(settings, "templates", None)
    message = EmailMessage()
    message["To"] = recipients
    message["Subject"] = " ".join(f"[{brief.classification.upper()}] {brief.title}".split())
    message["Date"] = format_datetime(dt.datetime.now(dt.timezone.utc))
    message["X-Unsent"] = "1"
    message.set_content(render_template("email.txt.j2", templates, **context))
    message.add_alternative(render_template("email.html.j2", templates, **context), subtype="html")
    for path in attachments:
        maintype, subtype = mime_type(path)
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    return message


def write_draft(
    brief: Brief, attachments: list[Path], recipients: list[Address], path: Path, settings: Any
) -> Path:
    """Write ``path`` (.eml) atomically, attaching the memo files just written."""
    from briefgen.output import write_all

    data = build_message(brief, attachments, recipients, settings).as_bytes(policy=SMTP)
    return write_all([(path, lambda temp: temp.write_bytes(data))])[0]
