"""render/text.py: any string comes out safe for XML and for reportlab's paragraph parser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefgen.render.text import markup_escape, xml_safe

ANY_TEXT = st.text(st.characters(exclude_categories=()))
XML_CHARS = set("\t\n\r") | {chr(c) for c in range(0x20, 0xD800)} | {
    chr(c) for c in range(0xE000, 0xFFFE)
}


@given(ANY_TEXT)
def test_xml_safe_keeps_exactly_the_characters_xml_can_hold(text: str) -> None:
    kept = [ch for ch in text if ch in XML_CHARS or ord(ch) >= 0x10000]
    assert xml_safe(text) == "".join(kept)


@given(ANY_TEXT)
def test_a_reportlab_paragraph_prints_escaped_text_as_written(text: str) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    paragraph = Paragraph(markup_escape(text), ParagraphStyle("plain"))
    printed = "".join(getattr(frag, "text", "") for frag in paragraph.frags)
    # the parser folds runs of whitespace, as it would for any text; nothing else changes
    assert printed.split() == xml_safe(text).split()


def test_markup_is_escaped_not_interpreted() -> None:
    hostile = '<b>x</b> &nbsp; <para> ]]> 0.1 <A <0.9 & "q" \x00'
    assert markup_escape(hostile) == (
        "&lt;b&gt;x&lt;/b&gt; &amp;nbsp; &lt;para&gt; ]]&gt; 0.1 &lt;A &lt;0.9 &amp; "
        "&quot;q&quot; "
    )
