"""A pasted article with the clutter real pages carry gives a memo without it (DOCX read back).

The article and its clutter are ours, in the forms of ../shared/corpus ``clutter_shapes``: a
section label, a byline with credits, a timestamp, a dateline, a caption with and without a
photo credit, a subhead, an embedded post, a teaser, an editor's note, a contributor line.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from tests.conftest import run_cli

ARTICLE = """\
Ministers agree to cut port fees as shipping talks end in Valmora
World News | Harbour Wire Service | Updated: Mar 3, 2025, 10:30 IST
By Ines Carvalho and Tomas Ek, with reporting from Valmora Bureau Staff
March 3, 2025 09:15 AM GMT+01:00
Valmora: Transport ministers from six coastal states agreed on \
Monday to cut port fees for container ships by 12 percent from July, ending two days of talks.
Ministers pose for the family photo at the harbour conference centre in Valmora, Portova, \
before the closing session on port fees
The agreement also sets up a joint fund of 400 million euros to dredge the shared channel, \
which silts up every winter and forces large ships to wait at sea.
Customs officers inspect a container at the north quay. (Photo: Harbour Wire)
What changes for shippers
Shipping lines said the lower fees would let them add a weekly service between the two largest \
ports, the chair of the regional shippers' council told reporters.
BREAKING: Ministers sign the port deal. pic.twitter.com/Qx7Lm2Vb9R — Coast Desk (@CoastDeskNews) \
March 3, 2025
“Inside the talks”: our correspondent on the long night before the deal on port fees...”
The ministers will meet again in October to review how the fund has been spent, officials said.
Editor's note: This story has been updated with the fee cut agreed on Monday.
Lena Ford contributed reporting from Portova.
"""

CLUTTER = [
    "Harbour Wire Service",
    "Ines Carvalho",
    "09:15",
    "Valmora:",
    "family photo",
    "Customs officers inspect",
    "What changes for shippers",
    "pic.twitter",
    "Coast Desk",
    "Inside the talks",
    "Editor's note",
    "has been updated",
    "Lena Ford",
]


def test_memo_from_a_cluttered_article_carries_the_story_and_no_clutter(tmp_path: Path) -> None:
    source = tmp_path / "port-talks.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    run_cli("generate", str(source), "-o", str(out), "-f", "docx", check=True)
    (memo,) = out.glob("*.docx")
    document = Document(str(memo))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    body = text.split("Sources")[0]  # the source list names the article by its headline
    for clutter in CLUTTER:
        assert clutter not in body, clutter
    # The story survives, its dateline cut: the fee cut leads, the fund and the next meeting follow.
    assert "Transport ministers from six coastal states agreed on Monday" in body
    assert "400 million euros" in body
