"""Bad input gets a valid memo or a one-line error: never a traceback, never a damaged folder.

Each test runs the real command line. On error it checks the exit code (2), that stderr ends
in exactly one ``error: <file>: <problem>`` line (warnings may come before it), and that the
output folder, which already holds an earlier memo, is byte-identical afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import docx_text, needs_qpdf, pdf_text, run_cli, written_paths

# An article written for these tests (facts only, our own words).
ARTICLE = (
    "India and Japan widen defence and technology ties\n\n"
    "The two prime ministers met on the sidelines of the summit and agreed to expand joint "
    "naval exercises. They also signed a plan for cooperation on semiconductors and critical "
    "minerals. Japan said private investment in India should reach ten trillion yen over the "
    "coming decade. Officials expect a further meeting in Tokyo next year.\n"
)
EARLIER = {"2026-11-22_earlier-memo.pdf": b"%PDF-1.4 earlier", ".hidden-note": b"keep me"}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder that already holds an earlier memo: it must survive every failure."""
    folder = tmp_path / "out"
    folder.mkdir()
    for name, data in EARLIER.items():
        (folder / name).write_bytes(data)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def assert_one_line_error(
    result: subprocess.CompletedProcess,
    where: str | Path,
    problem: str,
    out: Path | None = None,
    code: int = 2,
) -> str:
    """Exit ``code`` (2: bad input; 1: output not writable), no traceback, nothing on stdout,
    one last `error: <where>: ...<problem>...`."""
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1 and lines[-1] == errors[0], result.stderr
    assert all(line.startswith(("warning: ", "error: ")) for line in lines), result.stderr
    assert errors[0].startswith(f"error: {where}: "), errors[0]
    assert problem in errors[0], errors[0]
    if out is not None:
        assert _files(out) == EARLIER
    return errors[0]


def generate(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return run_cli("generate", "--date", "2026-11-23", *map(str, args), cwd=cwd)


def new_memo(result: subprocess.CompletedProcess, out: Path) -> dict[str, Path]:
    """The files a successful run wrote; the earlier memo is still there beside them."""
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    paths = {p.suffix: p for p in written_paths(result)}
    assert set(paths) == {".docx", ".pdf"}
    for path in paths.values():
        assert path.parent == out
    assert {k: v for k, v in _files(out).items() if k in EARLIER} == EARLIER
    return paths


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --------------------------------------------------------------------------- source files


def test_empty_file(tmp_path: Path, out: Path) -> None:
    source = write(tmp_path / "empty.txt", b"")
    assert_one_line_error(generate(source, "-o", out), source, "empty", out)


def test_whitespace_only_file(tmp_path: Path, out: Path) -> None:
    source = write(tmp_path / "blank.txt", " \n\t\r\n   \n\u3000\n")
    assert_one_line_error(generate(source, "-o", out), source, "blank", out)


def test_binary_file_with_a_txt_name(tmp_path: Path, out: Path) -> None:
    source = write(tmp_path / "photo.txt", bytes(range(256)) * 64)
    assert_one_line_error(generate(source, "-o", out), source, "binary", out)


def test_windows_1252_text_is_decoded(tmp_path: Path, out: Path) -> None:
    text = ARTICLE.replace("Tokyo", "the Caf\xe9 \u201cSakura\u201d \u2013 Tokyo")
    source = write(tmp_path / "pasted.txt", text.encode("cp1252"))
    memo = new_memo(generate(source, "-o", out), out)
    for extracted in (docx_text(memo[".docx"]), pdf_text(memo[".pdf"])):
        assert "Caf\xe9 \u201cSakura\u201d \u2013 Tokyo" in extracted
        assert "\ufffd" not in extracted


@needs_qpdf
def test_nul_and_control_characters_are_dropped(tmp_path: Path, out: Path) -> None:
    dirty = ARTICLE.replace("naval", "na\x00val\x01").replace("minerals", "min\x0berals\x1f\x7f")
    source = write(tmp_path / "dirty.txt", dirty)
    memo = new_memo(generate(source, "-o", out), out)
    for extracted in (docx_text(memo[".docx"]), pdf_text(memo[".pdf"])):
        assert "naval exercises" in extracted and "critical minerals" in extracted
        assert not any(ch in extracted for ch in "\x00\x01\x0b\x1f")
    assert subprocess.run(["qpdf", "--check", str(memo[".pdf"])]).returncode == 0


MARKUP = "Compare <b>bold</b>, &nbsp; <para> and ]]> with 0.1 <A <0.9 & Co. in a bare line"


def test_markup_looking_text_is_printed_never_interpreted(tmp_path: Path, out: Path) -> None:
    article = ARTICLE.replace("Officials", f"The defence paper reads: {MARKUP}. Officials")
    source = write(tmp_path / "markup.txt", article)
    memo = new_memo(generate(source, "-o", out), out)
    docx = " ".join(docx_text(memo[".docx"]).split())
    assert MARKUP in docx
    pdf = " ".join(pdf_text(memo[".pdf"]).split())
    for token in ("<b>bold</b>", "&nbsp;", "<para>", "]]>", "0.1 <A <0.9", "& Co."):
        assert token in pdf, token


def test_a_300_character_word(tmp_path: Path, out: Path) -> None:
    word = "semiconductor" * 23 + "x"  # 300 letters, no place to break
    assert len(word) == 300
    article = ARTICLE.replace("semiconductors", word)
    memo = new_memo(generate(write(tmp_path / "long.txt", article), "-o", out), out)
    assert word in docx_text(memo[".docx"])
    assert word in "".join(pdf_text(memo[".pdf"]).split())  # wrapped over lines, all there


def test_a_50_mb_text_file_is_refused_by_default_naming_the_option(
    tmp_path: Path, out: Path
) -> None:
    source = tmp_path / "huge.txt"
    with source.open("wb") as handle:  # sparse: 50 MB on paper, no disk and no memory used
        handle.write(ARTICLE.encode())
        handle.truncate(50 * 2**20)
    error = assert_one_line_error(generate(source, "-o", out), source, "over the", out)
    assert "50 MB" in error and "--max-source-mb" in error


def test_max_source_mb_sets_the_limit(tmp_path: Path, out: Path) -> None:
    source = write(tmp_path / "article.txt", ARTICLE * 3)  # about 1.4 KB
    tight = generate(source, "-o", out, "--max-source-mb", "0.001")
    assert_one_line_error(tight, source, "over the 0 MB limit", out)
    new_memo(generate(source, "-o", out, "--max-source-mb", "0.01"), out)


def test_max_source_mb_must_be_a_positive_number(tmp_path: Path, out: Path) -> None:
    result = generate(write(tmp_path / "a.txt", ARTICLE), "-o", out, "--max-source-mb", "-5")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert "--max-source-mb" in result.stderr
    assert _files(out) == EARLIER


# --------------------------------------------------------------------------- paths


def test_folder_with_nothing_readable(tmp_path: Path, out: Path) -> None:
    folder = tmp_path / "clippings"
    write(folder / "logo.png", b"\x89PNG\r\n\x1a\n")
    write(folder / "notes.txt", b"")
    write(folder / "scan.md", bytes(range(256)) * 8)
    write(folder / ".draft.txt", ARTICLE)  # hidden: not a source
    (folder / "empty-subfolder").mkdir()
    assert_one_line_error(generate(folder, "-o", out), folder, "no readable source", out)


def test_symlink_loop_in_a_folder_is_walked_once(tmp_path: Path, out: Path) -> None:
    folder = tmp_path / "clippings"
    write(folder / "article.txt", ARTICLE)
    (folder / "again").symlink_to(folder, target_is_directory=True)
    (folder / "nested").mkdir()
    (folder / "nested" / "up").symlink_to("..", target_is_directory=True)
    result = generate(folder, "-o", out)
    memo = new_memo(result, out)
    # read once, so told once in the body (the subject line may repeat one bullet)
    drafted = run_cli("draft", str(folder), "-o", str(tmp_path / "b.yaml"))
    assert drafted.returncode == 0, drafted.stderr
    brief = yaml.safe_load((tmp_path / "b.yaml").read_text())
    told = docx_text(memo[".docx"]).count("signed a plan for cooperation")
    assert told == 1 + ("signed a plan for cooperation" in brief["subject"])
    bullets = [i["text"] for items in brief["sections"].values() for i in items]
    assert sum("signed a plan for cooperation" in b for b in bullets) == 1


def test_a_symlink_pointing_at_itself(tmp_path: Path, out: Path) -> None:
    source = tmp_path / "loop.txt"
    source.symlink_to(source.name)
    assert_one_line_error(generate(source, "-o", out), source, "symbolic link to nothing", out)


def _unprivileged() -> list[str]:
    """A command prefix that makes file permissions apply, even when the tests run as root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions would not apply")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def run_unprivileged(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*_unprivileged(), sys.executable, "-m", "briefgen", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_unreadable_file(tmp_path: Path, out: Path) -> None:
    source = write(tmp_path / "secret.txt", ARTICLE)
    source.chmod(0)
    result = run_unprivileged("generate", source, "-o", out, "--date", "2026-11-23")
    assert_one_line_error(result, source, "Permission denied", out)


def test_unreadable_file_beside_a_good_one_is_skipped_with_a_warning(
    tmp_path: Path, out: Path
) -> None:
    folder = tmp_path / "clippings"
    write(folder / "good.txt", ARTICLE)
    write(folder / "secret.txt", "Private notes that nobody may read.\n").chmod(0)
    result = run_unprivileged("generate", folder, "-o", out, "--date", "2026-11-23")
    new_memo(result, out)
    assert f"warning: {folder / 'secret.txt'}: skipped (Permission denied)" in result.stderr


def test_file_name_with_a_newline_and_undecodable_bytes(tmp_path: Path, out: Path) -> None:
    folder = tmp_path / "clippings"
    write(folder / "good.txt", ARTICLE)
    bad = Path(os.fsdecode(bytes(folder) + b"/bad\nname\xff\x1b[31m.txt"))
    write(bad, b"")
    result = generate(folder, "-o", out)  # the name is shown escaped, on one line
    new_memo(result, out)
    assert f"warning: {folder}/bad\\nname\\udcff\\x1b[31m.txt: skipped" in result.stderr
    before = _files(out)
    alone = generate(bad, "-o", out)
    assert_one_line_error(alone, f"{folder}/bad\\nname\\udcff\\x1b[31m.txt", "empty")
    assert _files(out) == before


def test_missing_path(tmp_path: Path, out: Path) -> None:
    missing = tmp_path / "nowhere" / "article.txt"
    assert_one_line_error(generate(missing, "-o", out), missing, "no such file", out)


# --------------------------------------------------------------------------- brief files


def render(brief: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    return run_cli("render", str(brief), "-o", str(out), *args)


def test_malformed_yaml(tmp_path: Path, out: Path) -> None:
    brief = write(tmp_path / "brief.yaml", "title: [unclosed\nsections: {\n")
    assert_one_line_error(render(brief, out), brief, "invalid YAML at line", out)


def test_brief_that_is_not_utf8(tmp_path: Path, out: Path) -> None:
    brief = write(tmp_path / "brief.yaml", "title: Caf\xe9\n".encode("cp1252"))
    assert_one_line_error(render(brief, out), brief, "UTF-8", out)


def test_brief_with_wrong_types_and_unknown_keys_lists_every_field(
    tmp_path: Path, out: Path
) -> None:
    brief = write(
        tmp_path / "brief.yaml",
        "title: [a, list]\nsections:\n  summary: just text\nkey_figures: 7\n"
        "sources:\n  - {id: one, title: x}\nsurprise: true\n",
    )
    result = render(brief, out)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert all(line.startswith(f"error: {brief}: ") for line in lines), result.stderr
    for field in ("title:", "sections.summary:", "key_figures:", "sources[0].id:", "surprise:"):
        assert any(field in line for line in lines), field
    assert _files(out) == EARLIER


def test_billion_laughs_alias_bomb(tmp_path: Path, out: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    lines.append("title: *j")
    brief = write(tmp_path / "bomb.yaml", "\n".join(lines) + "\n")
    assert_one_line_error(render(brief, out), brief, "alias", out)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("flow.yaml", "title: " + "[" * 100_000 + "]" * 100_000),  # crashed the C parser
        ("compact.yaml", "- " * 100_000 + "x"),
        ("deep.json", "[" * 100_000 + "]" * 100_000),
    ],
    ids=["yaml-flow", "yaml-compact", "json"],
)
def test_brief_nested_absurdly_deep(tmp_path: Path, out: Path, name: str, text: str) -> None:
    brief = write(tmp_path / name, text + "\n")
    assert_one_line_error(render(brief, out), brief, "nested too deeply", out)


def test_yaml_that_asks_for_python_objects(tmp_path: Path, out: Path) -> None:
    marker = tmp_path / "pwned"
    brief = write(
        tmp_path / "evil.yaml",
        f'title: !!python/object/apply:os.system ["touch {marker}"]\n',
    )
    assert_one_line_error(render(brief, out), brief, "invalid YAML", out)
    assert not marker.exists()


def test_unknown_section_name(tmp_path: Path, out: Path) -> None:
    brief = write(tmp_path / "brief.yaml", "title: T\nsections:\n  gossip:\n    - text: x\n")
    assert_one_line_error(render(brief, out), brief, "sections.gossip: unknown section", out)


def test_unknown_format(tmp_path: Path, out: Path) -> None:
    brief = write(tmp_path / "brief.yaml", "title: T\ndate: 2026-11-23\n")
    result = render(brief, out, "-f", "docx,odt")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("error: ") and "'odt'" in result.stderr
    assert _files(out) == EARLIER  # the DOCX is not written either: all formats or none


# --------------------------------------------------------------------------- output


@pytest.mark.parametrize(
    "title",
    ["../../etc/x", "/etc/passwd", "..\\..\\windows\\x", "CON", "nul", ".", "", "\x00<>:|?*"],
)
def test_hostile_title_gives_a_safe_file_name_inside_the_folder(
    tmp_path: Path, out: Path, title: str
) -> None:
    # JSON strings are YAML too: this quotes the title, NUL and backslashes included.
    brief = write(tmp_path / "brief.yaml", f"title: {json.dumps(title)}\ndate: 2026-11-23\n")
    result = render(brief, out, "-f", "docx")
    assert result.returncode == 0, result.stderr
    [path] = written_paths(result)
    assert path.parent == out and path.resolve().parent == out.resolve()
    stem = path.stem.split("_", 1)[1]
    assert stem and stem.lower() not in {"con", "prn", "aux", "nul", "com1", "lpt1"}
    assert set(path.name) <= set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.yaml", "out"]
    assert {k: v for k, v in _files(out).items() if k in EARLIER} == EARLIER


def test_output_path_is_a_file(tmp_path: Path) -> None:
    target = write(tmp_path / "out", b"a file, not a folder")
    brief = write(tmp_path / "brief.yaml", "title: T\ndate: 2026-11-23\n")
    assert_one_line_error(render(brief, target), target, "not a folder", code=1)
    assert target.read_bytes() == b"a file, not a folder"


def test_output_folder_inside_a_file(tmp_path: Path) -> None:
    parent = write(tmp_path / "report.pdf", b"%PDF-1.4 keep")
    brief = write(tmp_path / "brief.yaml", "title: T\ndate: 2026-11-23\n")
    target = parent / "out"
    assert_one_line_error(
        render(brief, target), target, "cannot create output folder", code=1
    )
    assert parent.read_bytes() == b"%PDF-1.4 keep"


def test_read_only_output_folder(tmp_path: Path, out: Path) -> None:
    brief = write(tmp_path / "brief.yaml", "title: T\ndate: 2026-11-23\n")
    out.chmod(0o555)
    try:
        result = run_unprivileged("render", brief, "-o", out)
    finally:
        out.chmod(0o755)
    assert_one_line_error(result, out, "not writable", out, code=1)


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run_cli(
        "--debug", "generate", str(missing), "-o", str(tmp_path / "out"), process=True
    )
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "InputError" in result.stderr


def test_full_disk_is_an_output_failure_exit_1(tmp_path: Path, monkeypatch) -> None:
    """Not the input's fault: exit 1 (Click's code for a failed run), not 2 (bad input)."""
    import errno

    import briefgen.output

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(briefgen.output, "_fsync", full)
    brief = write(tmp_path / "brief.yaml", "title: T\ndate: 2026-11-23\n")
    out = tmp_path / "out"
    result = render(brief, out, "-f", "docx")
    assert_one_line_error(result, out / "2026-11-23_t.docx", "No space left on device", code=1)
    assert list(out.iterdir()) == []  # the temporary file is gone too


def test_max_source_mb_leaves_the_environment_alone(tmp_path: Path) -> None:
    before = dict(os.environ)
    result = generate("--max-source-mb", "0.0001", "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "over the 0" in result.stderr
    assert dict(os.environ) == before
    # the next run in this process has the default limit again
    assert generate("-o", str(tmp_path / "out"), "-f", "md").returncode == 0
