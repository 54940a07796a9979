"""Hostile and huge input (issue 16): every case ends in a valid memo or one ``error:`` line
with exit 2, quickly, with the output folder's earlier file untouched and no temporary left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from conftest import run_cli
from hostile_cases import CASES, KEEP, KEEP_TEXT, brief_data, leftovers, prepare, write_brief
from hypothesis import given
from hypothesis import strategies as st

from briefgen.errors import InputError, UsageError
from briefgen.limits import BUDGETS, apply_budgets, check_zip, read_regular_file, shorten
from briefgen.model import brief_from_dict
from briefgen.output import safe_stem, sweep_stale

# A hang is the failure these cases guard against; a healthy run takes a second or two.
CAP_SECONDS = 120


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case_is_read_or_refused_cleanly(tmp_path: Path, case) -> None:
    commands = prepare(case, tmp_path, big=False)
    results = []
    for args in commands:
        result = subprocess.run(
            [sys.executable, "-m", "briefgen", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=CAP_SECONDS,
        )
        results.append(result)
    last = results[-1]
    assert "Traceback" not in last.stderr
    errors = [line for line in last.stderr.splitlines() if line.startswith("error:")]
    if case.expect == "ok" or (case.expect == "either" and last.returncode == 0):
        assert last.returncode == 0, last.stderr
        assert not errors
        for path in (Path(tmp_path, line) for line in last.stdout.splitlines()):
            assert path.is_file() and path.stat().st_size > 0
    else:
        assert last.returncode == 2, last.stderr
        assert len(errors) == 1 and last.stderr.strip().splitlines()[-1] == errors[0]
    assert (tmp_path / "out" / KEEP).read_text(encoding="utf-8") == KEEP_TEXT
    assert leftovers(tmp_path) == []


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return run_cli(*args, cwd=tmp_path)


# ----------------------------------------------------------------------------- budgets


def test_budgets_trim_a_huge_brief_and_say_what_was_cut() -> None:
    data = brief_data(title="T " * 5000, summary=[f"Point {n}" for n in range(500)])
    data["sections"]["defence"] = [{"text": "word " * 10_000, "sources": [1]}]
    brief = brief_from_dict(data)
    warnings: list[str] = []
    apply_budgets(brief, warnings.append)
    assert len(brief.title) <= BUDGETS.header_chars and brief.title.endswith("…")
    assert len(brief.sections["summary"]) == BUDGETS.bullets_per_section
    assert len(brief.sections["defence"][0].text) <= BUDGETS.bullet_chars
    assert any("title shortened" in w for w in warnings)
    assert any("summary: 500 bullets" in w for w in warnings)
    assert len(warnings) == len(set(warnings)) <= 4


def test_shorten_cuts_at_a_word_boundary() -> None:
    assert shorten("alpha beta gamma delta", 15) == "alpha beta…"
    assert shorten("short", 15) == "short"
    assert len(shorten("x" * 100, 10)) == 10


def test_a_rendered_over_budget_memo_warns_and_keeps_the_start(tmp_path: Path) -> None:
    from conftest import pdf_text

    bullets = [f"Bullet {n} on defence." for n in range(BUDGETS.bullets_per_section + 50)]
    write_brief(tmp_path, brief_data(defence=bullets))
    result = _run(tmp_path, "render", "brief.json", "-f", "pdf", "-o", "out")
    assert result.returncode == 0, result.stderr
    assert "defence: 250 bullets, kept the first 200" in result.stderr
    text = pdf_text(Path(tmp_path, result.stdout.strip()))
    assert "Bullet 199 on defence" in text and "Bullet 200 on" not in text


@given(
    field=st.sampled_from(["title", "subject", "to", "from", "classification"]),
    text=st.text(min_size=1, max_size=5000),
    repeat=st.integers(min_value=1, max_value=40),
)
def test_brief_fields_of_any_length_and_unicode_render(tmp_path_factory, field, text, repeat):
    """Any text, up to 200,000 characters, in a header field: a valid memo or a one-line error."""
    folder = tmp_path_factory.mktemp("fields")
    data = brief_data()
    data[field] = (text * repeat)[:200_000]
    data["sections"]["summary"] = [{"text": (text * repeat)[:50_000] or "x", "sources": [1]}]
    write_brief(folder, data)
    result = _run(folder, "render", "brief.json", "-f", "pdf,docx,md", "-o", "out")
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        paths = [Path(folder, line) for line in result.stdout.splitlines()]
        assert len(paths) == 3 and all(p.stat().st_size > 0 for p in paths)
        assert all(len(p.name.encode()) < 200 for p in paths)
    else:
        assert result.returncode == 2
        assert len([ln for ln in result.stderr.splitlines() if ln.startswith("error:")]) == 1
    assert not list((folder / "out").glob(".*.part")) if (folder / "out").exists() else True


# ----------------------------------------------------------------------------- file names


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("India–Japan leaders' meeting", "2026-11-23_india-japan-leaders-meeting"),
        ("日本の防衛", "2026-11-23_日本の防衛"),
        ("भारत की रक्षा नीति", "2026-11-23_भारत-की-रक्षा-नीति"),
        ("Évian côté", "2026-11-23_evian-cote"),
        ("CON", "2026-11-23_con-brief"),
    ],
)
def test_file_names_keep_the_title_s_words(title: str, expected: str) -> None:
    assert safe_stem("2026-11-23", title) == expected


def test_titles_the_name_cannot_spell_get_a_stable_hash() -> None:
    rocket, party = safe_stem("2026-11-23", "🚀"), safe_stem("2026-11-23", "🎉")
    assert rocket != party and rocket.startswith("2026-11-23_brief-")
    assert safe_stem("2026-11-23", "🚀") == rocket


def test_long_titles_end_on_a_word_and_stay_apart() -> None:
    one = safe_stem("2026-11-23", "maritime security " * 30 + "in the Indian Ocean")
    two = safe_stem("2026-11-23", "maritime security " * 30 + "in the Pacific")
    assert one != two
    slug = one.split("_", 1)[1].rsplit("-", 1)[0]
    assert all(word in ("maritime", "security") for word in slug.split("-"))
    assert len(safe_stem("2026-11-23", "防衛" * 400).encode()) < 160


def test_two_memos_with_non_latin_titles_on_one_day_both_survive(tmp_path: Path) -> None:
    for n, title in enumerate(["日本の防衛", "भारत की रक्षा नीति"]):
        write_brief(tmp_path, brief_data(title=title), f"b{n}.json")
        assert _run(tmp_path, "render", f"b{n}.json", "-f", "md", "-o", "out").returncode == 0
    assert len(list((tmp_path / "out").glob("*.md"))) == 2


# ----------------------------------------------------------------------------- temporaries


def test_stale_temporaries_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".memo.pdf.{dead.pid}.abc123.part"
    live = tmp_path / f".memo.pdf.{os.getpid()}.def456.part"
    ancient = tmp_path / ".memo.docx.zz9.part"
    other = tmp_path / ".hidden.part.txt"
    for path in (stale, live, ancient, other):
        path.write_bytes(b"x")
    os.utime(ancient, (1e9, 1e9))
    removed = sweep_stale(tmp_path)
    assert sorted(removed) == sorted([stale, ancient])
    assert live.exists() and other.exists()


def test_sigterm_stops_the_render_and_removes_its_temporaries(tmp_path: Path) -> None:
    bullets = [f"Point {n} of a long memo about defence and trade." for n in range(200)]
    data = brief_data(**{key: bullets for key in ("summary", "defence", "economy")})
    write_brief(tmp_path, data)
    (tmp_path / "out").mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "render", "brief.json", "-f", "docx,pdf", "-o", "out"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list((tmp_path / "out").glob(".*.part")) and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:  # it finished before the signal landed: nothing to clean up
        pytest.skip("the render finished before SIGTERM arrived")
    assert proc.returncode == 143
    assert stderr.strip().splitlines()[-1] == "error: interrupted"
    assert list((tmp_path / "out").iterdir()) == []


# ----------------------------------------------------------------------------- archives


def test_regular_files_only(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_regular_file(fifo, 1000)
    with pytest.raises(InputError, match="not a regular file"):
        read_regular_file(Path("/dev/zero"), 1000)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match="over"):
        read_regular_file(big, 1000)
    assert read_regular_file(big, 2000) == b"x" * 2000


def test_zip_checks_refuse_before_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("a.xml", b"\0" * (8 * 2**20))
    with zipfile.ZipFile(bomb) as package, pytest.raises(InputError, match="zip bomb"):
        check_zip(package, bomb, 100 * 2**20)
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w", zipfile.ZIP_STORED) as package:
        package.writestr("a.bin", os.urandom(3 * 2**20))
    with zipfile.ZipFile(plain) as package:
        check_zip(package, plain, 4 * 2**20)
        with pytest.raises(InputError, match="unpacks to 3 MB"):
            check_zip(package, plain, 2 * 2**20)


def test_extracted_text_counts_against_the_limit(tmp_path: Path) -> None:
    from hostile_cases import _docx_text_60mb

    (tmp_path / "out").mkdir()
    text = ("The ministers discussed maritime security again. " * 20 + "\n") * 1500
    (tmp_path / "long.txt").write_text("Notes\n\n" + text, encoding="utf-8")  # ~1.5 MB
    result = _run(tmp_path, "generate", "long.txt", "-f", "md", "-o", "out", "--max-source-mb", "1")
    assert result.returncode == 2
    assert "MB of text, over the 1 MB limit" in result.stderr
    _docx_text_60mb(tmp_path, big=False)  # 3 MB of text in a small DOCX
    result = _run(tmp_path, "generate", "long.docx", "-f", "md", "-o", "out")
    assert result.returncode == 2 and "long.docx" in result.stderr


# ----------------------------------------------------------------------------- mail


def test_addresses_follow_rfc_5322_and_6531() -> None:
    from briefgen.mail import parse_recipients

    (address,) = parse_recipients("Desk <desk@exämple.org>")
    assert address.domain == "xn--exmple-cua.org"
    with pytest.raises(UsageError, match="longer than 64"):
        parse_recipients("x" * 65 + "@example.org")
    with pytest.raises(UsageError, match="domain"):
        parse_recipients("a@" + "b" * 300 + ".org")


def test_eml_header_lines_are_folded(tmp_path: Path) -> None:
    write_brief(tmp_path, brief_data(title="Maritime security " * 12))
    many = ", ".join(f"Reader {n} <r{n}@exämple.org>" for n in range(30))
    result = _run(tmp_path, "render", "brief.json", "-f", "md", "-o", "out", "--eml", many)
    assert result.returncode == 0, result.stderr
    (eml,) = (tmp_path / "out").glob("*.eml")
    raw = eml.read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert max(len(line) for line in head.split(b"\r\n")) <= 78
    message = message_from_bytes(raw, policy=default_policy)
    assert len(message["To"].addresses) == 30
    assert all(a.domain == "xn--exmple-cua.org" for a in message["To"].addresses)


def test_a_failing_draft_leaves_the_earlier_memo_untouched(tmp_path: Path) -> None:
    write_brief(tmp_path, brief_data(title="Same memo"), "one.json")
    assert _run(tmp_path, "render", "one.json", "-f", "md", "-o", "out").returncode == 0
    (memo,) = (tmp_path / "out").glob("*.md")
    before = memo.read_bytes()
    write_brief(tmp_path, brief_data(title="Same memo", summary=["Edited."]), "two.json")
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "email.txt.j2").write_text("{{ no_such_name }}\n", encoding="utf-8")
    args = ["render", "two.json", "-f", "md", "-o", "out", "--templates", "tpl"]
    result = _run(tmp_path, *args, "--eml", "a@example.org")
    assert result.returncode == 2 and "email.txt.j2" in result.stderr
    assert memo.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [memo.name]


# ----------------------------------------------------------------------------- templates


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            "steps",
        ),
        ("{{ 'x' * 100000000 }}", "`*` would make"),
        ("{{ 10 ** 10000000 }}", "`**`"),
        ("{% for a in range(3000) %}{{ 'y' * 5000 }}{% endfor %}", "output ran past"),
    ],
)
def test_template_budgets(tmp_path: Path, source: str, problem: str) -> None:
    write_brief(tmp_path, brief_data())
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "memo.md.j2").write_text(source + "\n", encoding="utf-8")
    result = _run(tmp_path, "render", "brief.json", "-f", "md", "--templates", "tpl", "-o", "o")
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "memo.md.j2" in line and problem in line


def test_template_alarm_ends_an_endless_loop_without_range(tmp_path: Path) -> None:
    from briefgen.render import templating

    (tmp_path / "slow.txt.j2").write_text(
        "{% for a in 'x' * 3000 %}{% for b in 'y' * 3000 %}{% for c in 'z' * 3000 %}"
        "{% endfor %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    old = templating.MAX_TEMPLATE_SECONDS
    templating.MAX_TEMPLATE_SECONDS = 0.5
    try:
        with pytest.raises(InputError, match="ran past 0.5 seconds"):
            templating.render_template("slow.txt.j2", tmp_path)
    finally:
        templating.MAX_TEMPLATE_SECONDS = old
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


# ----------------------------------------------------------------------------- scripts


def test_right_to_left_text_is_shaped_and_its_lines_keep_their_order(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from briefgen.render.fonts import shaped

    filler = "شراكة دفاعية جديدة تشمل التعاون البحري والتكنولوجيا "
    bullet = "أولا " + filler * 6 + "أخيرا"
    write_brief(tmp_path, brief_data(title="العلاقات الهندية اليابانية", summary=[bullet]))
    result = _run(tmp_path, "render", "brief.json", "-f", "pdf", "-o", "out")
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    lines = PdfReader(tmp_path / result.stdout.strip()).pages[0].extract_text().splitlines()
    joined = "\n".join(lines)
    assert any(0xFE70 <= ord(ch) <= 0xFEFF for ch in joined)  # joined letter forms
    # pypdf reads right-to-left runs back in reading order, so the words come out as written
    first = next(i for i, line in enumerate(lines) if shaped("أولا") in line)
    last = next(i for i, line in enumerate(lines) if shaped("أخيرا") in line)
    assert first < last  # the paragraph's first line is printed first
