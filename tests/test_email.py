"""--eml: an e-mail draft that mail clients open, with the memo files attached byte for byte."""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import docx_text, run_cli, written_paths

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SAFE_NAME = re.compile(r"\d{4}-\d{2}-\d{2}_[a-z0-9]+(-[a-z0-9]+)*\.[a-z]+")


def parse(path: Path) -> EmailMessage:
    with path.open("rb") as handle:
        return BytesParser(policy=policy.default).parse(handle)


@pytest.fixture(scope="module")
def mailed(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("mailed")
    result = run_cli(
        "generate",
        "-o",
        str(out),
        "--date",
        "2026-11-23",
        "--eml",
        "Rāma Desk <desk@example.org>",
        check=True,
    )
    return {p.suffix: p for p in written_paths(result)}


def test_generate_eml_writes_a_draft_beside_the_files(mailed):
    assert set(mailed) == {".docx", ".pdf", ".eml"}
    assert len({p.stem for p in mailed.values()}) == 1
    for path in mailed.values():
        assert SAFE_NAME.fullmatch(path.name), path.name
        assert path.name.startswith("2026-11-23_")


def test_eml_attachments_equal_the_files_on_disk(mailed):
    message = parse(mailed[".eml"])
    attachments = {part.get_filename(): part for part in message.iter_attachments()}
    assert set(attachments) == {mailed[".docx"].name, mailed[".pdf"].name}
    docx_part, pdf_part = attachments[mailed[".docx"].name], attachments[mailed[".pdf"].name]
    assert docx_part.get_content_type() == DOCX_TYPE
    assert pdf_part.get_content_type() == "application/pdf"
    assert docx_part.get_content_disposition() == "attachment"
    assert docx_part.get_content() == mailed[".docx"].read_bytes()
    assert pdf_part.get_content() == mailed[".pdf"].read_bytes()


def test_eml_headers_and_bodies_carry_the_summary(mailed):
    from docx import Document

    message = parse(mailed[".eml"])
    assert message["X-Unsent"] == "1"  # Outlook opens it as a draft to send
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Rāma Desk", "desk@example.org")
    document = Document(str(mailed[".docx"]))
    title = document.core_properties.title
    assert message["Subject"] == f"[UNCLASSIFIED] {' '.join(title.split())}"
    assert message["Date"].datetime is not None
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    # The summary bullets of the DOCX, in order, in both bodies.
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Summary"))
    summary = []
    for paragraph in paragraphs[start + 1 :]:
        if paragraph.style.name.startswith("Heading"):
            break
        if paragraph.style.name == "List Bullet":
            summary.append(paragraph.text)
    assert len(summary) >= 3
    plain_flat = " ".join(plain.split())
    positions = [plain_flat.index(" ".join(s.split())) for s in summary]
    assert positions == sorted(positions)
    from lxml import html as lxml_html

    items = [" ".join(li.text_content().split()) for li in lxml_html.fromstring(html).iter("li")]
    assert items == [" ".join(s.split()) for s in summary]
    assert mailed[".pdf"].name in plain


def test_render_eml_attaches_every_format_written(tmp_path, mailed):
    brief = tmp_path / "brief.yaml"
    run_cli("draft", "-o", str(brief), "--date", "2026-11-23", check=True)
    result = run_cli(
        "render",
        str(brief),
        "-o",
        str(tmp_path / "out"),
        "-f",
        "pdf,md,html",
        "--eml",
        "a@example.org, b@example.org",
        check=True,
    )
    paths = {p.suffix: p for p in written_paths(result)}
    message = parse(paths[".eml"])
    assert [a.addr_spec for a in message["To"].addresses] == ["a@example.org", "b@example.org"]
    parts = {part.get_filename(): part for part in message.iter_attachments()}
    types = {name: part.get_content_type() for name, part in parts.items()}
    assert types == {
        paths[".pdf"].name: "application/pdf",
        paths[".md"].name: "text/markdown",
        paths[".html"].name: "text/html",
    }
    for suffix in (".pdf", ".md", ".html"):
        payload = parts[paths[suffix].name].get_payload(decode=True)
        assert payload == paths[suffix].read_bytes(), suffix


@pytest.mark.parametrize(
    "address",
    ["not-an-address", "desk@", "@example.org", "desk@example.org\nBcc: spy@example.org", ""],
)
def test_bad_address_is_refused_before_anything_is_written(tmp_path, address):
    out = tmp_path / "out"
    result = run_cli("generate", "-o", str(out), "--eml", address)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --eml: ")
    assert not out.exists()


def test_hostile_title_still_gives_a_safe_stable_name(tmp_path):
    out = tmp_path / "out"
    args = ["generate", "-o", str(out), "--date", "2026-11-23", "-f", "docx"]
    title = ["--title", "../../etc/Ünïcode: India–Japan <talks> ¥10 trillion"]
    first = written_paths(run_cli(*args, *title, "--eml", "d@example.org", check=True))
    second = written_paths(run_cli(*args, *title, check=True))
    # "¥" cannot be in the name, so a hash of the whole title keeps it apart from "$10 trillion"
    assert [p.name for p in first] == [
        "2026-11-23_etc-unicode-india-japan-talks-10-trillion-bfa209.docx",
        "2026-11-23_etc-unicode-india-japan-talks-10-trillion-bfa209.eml",
    ]
    assert second[0] == first[0]  # same date and title, same name
    assert all(p.parent == out for p in first)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in first)
    message = parse(first[1])
    assert "India–Japan <talks>" in message["Subject"]
    assert "India–Japan" in docx_text(first[0])
