"""`briefgen batch`: one brief per topic folder, across processes, failures isolated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import docx_text, pdf_text, run_cli, written_paths

from briefgen.analysis.pipeline import Options
from briefgen.app import Output
from briefgen.batch import ProgressBar, TopicResult, find_topics, run_batch
from briefgen.errors import InputError

HEAVY = ("docx", "reportlab", "lxml", "pypdf", "jinja2", "yaml")

# Three small topics written for these tests; each carries one fact only it mentions.
TOPICS = {
    "alpha_ports": (
        "Harbour talks in Mombasa\n\n"
        "Kenya and Japan agreed to expand maritime security patrols along the coast this week.\n"
        "Officials said trade through the port could reach USD 4 billion by the end of 2027.\n"
        "Both governments will review naval cooperation again next year in Nairobi.\n",
        "USD 4 billion",
    ),
    "beta_chips": (
        "Chip plant plans in Pune\n\n"
        "India and Taiwan discussed semiconductor fabrication plants near Pune on Tuesday.\n"
        "Investors pledged INR 900 crore for a new packaging line for advanced chips.\n"
        "Engineers expect the first wafers from the digital design centre in 2028.\n",
        "INR 900 crore",
    ),
    "gamma_grain": (
        "Grain corridor review in Lisbon\n\n"
        "Portugal and Brazil reviewed trade in rice and fertiliser during the Lisbon meeting.\n"
        "The ministers approved EUR 12 million in export credit for small farm cooperatives.\n"
        "They plan to extend the investment programme to three more ports in 2027.\n",
        "EUR 12 million",
    ),
}


def make_topics(root: Path, names: list[str] | None = None) -> Path:
    folder = root / "topics"
    for name in names or list(TOPICS):
        topic = folder / name
        topic.mkdir(parents=True)
        (topic / "article.txt").write_text(TOPICS[name][0], encoding="utf-8")
    return folder


def test_each_topic_becomes_one_memo_in_its_own_folder(tmp_path):
    topics = make_topics(tmp_path)
    out = tmp_path / "out"
    result = run_cli("batch", str(topics), "-o", str(out), "--jobs", "2", "--date", "2026-11-23")
    assert result.returncode == 0, result.stderr
    paths = written_paths(result)
    assert sorted(p.suffix for p in paths) == [".docx"] * 3 + [".pdf"] * 3
    for name, (_, fact) in TOPICS.items():
        files = {p.suffix: p for p in paths if p.parent == out / name}
        assert set(files) == {".docx", ".pdf"}
        assert files[".docx"].name.startswith("2026-11-23_")
        assert fact in docx_text(files[".docx"])
        assert fact in " ".join(pdf_text(files[".pdf"]).split())
        # A topic's memo holds its own facts only: topics do not leak into each other.
        others = [f for n, (_, f) in TOPICS.items() if n != name]
        assert not any(other in docx_text(files[".docx"]) for other in others)
    assert "Traceback" not in result.stderr


def test_a_failing_topic_is_reported_and_the_others_are_written(tmp_path):
    topics = make_topics(tmp_path, ["alpha_ports", "gamma_grain"])
    (topics / "broken").mkdir()
    (topics / "broken" / "empty.txt").write_bytes(b"")  # an empty file: nothing to read
    out = tmp_path / "out"
    result = run_cli("batch", str(topics), "-o", str(out), "-j", "2")
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert any(str(topics / "broken") in line for line in errors), result.stderr
    assert errors[-1] == f"error: {topics}: 1 of 3 topics failed"
    assert "Traceback" not in result.stderr
    assert {p.parent.name for p in written_paths(result)} == {"alpha_ports", "gamma_grain"}
    assert all(p.is_file() for p in written_paths(result))
    assert not (out / "broken").exists()  # nothing half-written for the failed topic


def test_one_job_and_two_jobs_write_the_same_memos(tmp_path):
    topics = make_topics(tmp_path)
    texts = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = run_cli("batch", str(topics), "-o", str(out), "-j", jobs, "--date", "2026-11-23")
        assert result.returncode == 0, result.stderr
        paths = written_paths(result)
        # stdout lists files in topic order whatever order the workers finish in.
        assert [p.parent.name for p in paths] == [n for n in sorted(TOPICS) for _ in (1, 2)]
        texts[jobs] = {p.relative_to(out): docx_text(p) for p in paths if p.suffix == ".docx"}
    assert texts["1"] == texts["2"]


@pytest.mark.parametrize(
    ("setup", "problem"),
    [
        (lambda root: root / "missing", "no such folder"),
        (lambda root: _file(root / "one.txt"), "batch needs a folder"),
        (lambda root: _file(root / "flat" / "one.txt").parent, "no topic subfolders"),
    ],
)
def test_bad_folder_is_one_line_error(tmp_path, setup, problem):
    folder = setup(tmp_path)
    out = tmp_path / "out"
    result = run_cli("batch", str(folder), "-o", str(out))
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {folder}: ") and problem in last
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not out.exists()


def test_unknown_format_fails_before_any_work(tmp_path):
    topics = make_topics(tmp_path, ["alpha_ports"])
    out = tmp_path / "out"
    result = run_cli("batch", str(topics), "-o", str(out), "-f", "docx,odt")
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "'odt'" in result.stderr
    assert not out.exists()


def test_run_batch_reports_every_topic_in_process(tmp_path):
    topics = find_topics(make_topics(tmp_path), warnings := [])
    seen: list[tuple[str, int, int]] = []
    results = run_batch(
        topics,
        tmp_path / "out",
        Output(formats=["docx"]),
        Options(date="2026-11-23"),
        jobs=1,
        report=lambda r, done, total: seen.append((r.topic.name, done, total)),
    )
    assert warnings == []
    assert [r.topic for r in results] == topics
    assert all(r.ok and len(r.paths) == 1 and r.paths[0].is_file() for r in results)
    assert seen == [(name, i, 3) for i, name in enumerate(sorted(TOPICS), start=1)]


def test_loose_files_next_to_topics_are_skipped_with_a_warning(tmp_path):
    folder = make_topics(tmp_path, ["beta_chips"])
    _file(folder / "notes.txt")
    warnings: list[str] = []
    assert find_topics(folder, warnings.append) == [folder / "beta_chips"]
    assert warnings == [
        f"{folder / 'notes.txt'}: skipped (batch reads subfolders: one subfolder per topic)"
    ]
    with pytest.raises(InputError):
        find_topics(folder / "notes.txt", warnings.append)


def test_progress_bar_lines_without_a_terminal():
    lines: list[str] = []

    class Pipe:
        def isatty(self) -> bool:
            return False

    bar = ProgressBar(Pipe(), lines.append)
    bar(TopicResult(Path("t/a"), paths=[Path("x.docx"), Path("x.pdf")]), 1, 2)
    bar(TopicResult(Path("t/b"), warnings=["t/b/z.bin: skipped"], error="t/b: empty"), 2, 2)
    assert lines == ["[1/2] a: 2 files", "warning: t/b/z.bin: skipped", "error: t/b: empty"]


def test_help_lists_batch_without_heavy_imports(tmp_path):
    result = run_cli("--help", env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0
    assert "batch" in result.stdout
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "click" in imported  # the import log is real: the CLI's own framework shows up
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))


def _file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("A stray note about trade and defence talks in the region today.\n")
    return path


def test_batch_takes_the_style_options_generate_takes(tmp_path):
    """--theme, --templates and --eml reach every topic, in worker processes too."""
    topics = make_topics(tmp_path, ["alpha_ports", "beta_chips"])
    house = tmp_path / "house"
    house.mkdir()
    (house / "headings.j2").write_text("{% block defence %}Verteidigung{% endblock %}\n")
    theme = tmp_path / "letter.yaml"
    theme.write_text("page_size: Letter\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(
        "batch", str(topics), "-o", str(out), "-j", "2", "-f", "docx,pdf,md",
        "--theme", str(theme), "--templates", str(house), "--eml", "desk@example.org",
        "--date", "2026-11-23",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    paths = written_paths(result)
    assert sorted(p.suffix for p in paths) == sorted([".docx", ".pdf", ".md", ".eml"] * 2)
    for md in (p for p in paths if p.suffix == ".md"):
        assert "### Verteidigung" in md.read_text(encoding="utf-8")
    from pypdf import PdfReader

    for pdf in (p for p in paths if p.suffix == ".pdf"):
        box = PdfReader(str(pdf)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter
    emails = [p for p in paths if p.suffix == ".eml"]
    assert all(b"To: desk@example.org" in p.read_bytes() for p in emails)


def test_batch_refuses_a_bad_option_before_any_topic_runs(tmp_path):
    topics = make_topics(tmp_path, ["alpha_ports"])
    out = tmp_path / "out"
    result = run_cli("batch", str(topics), "-o", str(out), "--eml", "not an address")
    assert result.returncode == 2
    assert result.stderr.startswith("error: --eml:") and not out.exists()


def test_batch_takes_every_option_generate_takes():
    """A new generate option must reach batch too (or be named here with the reason)."""
    from briefgen.cli import batch, generate

    def options(command) -> set[str]:
        return {p.name for p in command.params if p.param_type_name == "option"}

    # feeds and fetched pages: batch reads topic folders of files, never URLs
    only_generate = {"since", "max_items", "save_sources"}
    only_batch = {"jobs", "topic_timeout"}  # worker processes and their time budget
    assert options(generate) - options(batch) == only_generate
    assert options(batch) - options(generate) == only_batch


def test_a_topic_past_its_time_budget_is_stopped_and_the_others_finish(tmp_path, monkeypatch):
    """A topic that hangs is killed at --topic-timeout: reported, no files, others written."""
    import briefgen.batch as batch_module

    topics = find_topics(make_topics(tmp_path), [])
    real = batch_module.run_topic

    def hangs_on_beta(topic, out_root, output, options):
        if topic.name == "beta_chips":
            (out_root / topic.name).mkdir(parents=True, exist_ok=True)
            stale = out_root / topic.name / f".memo.docx.{os.getpid()}.x1.part"
            stale.write_bytes(b"half")  # what a render leaves while it runs
            time.sleep(3600)
        return real(topic, out_root, output, options)

    monkeypatch.setattr(batch_module, "run_topic", hangs_on_beta)  # forked workers see it
    started = time.monotonic()
    results = run_batch(
        topics,
        tmp_path / "out",
        Output(formats=["md"]),
        Options(date="2026-11-23"),
        jobs=2,
        timeout=3,
    )
    assert time.monotonic() - started < 120  # generous: the failure mode is an hour
    by_name = {r.topic.name: r for r in results}
    assert "--topic-timeout" in (by_name["beta_chips"].error or "")
    assert list((tmp_path / "out" / "beta_chips").iterdir()) == []
    assert all(r.ok and r.paths for name, r in by_name.items() if name != "beta_chips")


def test_a_worker_that_dies_costs_only_its_topic(tmp_path, monkeypatch):
    import briefgen.batch as batch_module

    topics = find_topics(make_topics(tmp_path), [])
    real = batch_module.run_topic

    def dies_on_alpha(topic, out_root, output, options):
        if topic.name == "alpha_ports":
            os._exit(9)  # as the kernel's out-of-memory killer would
        return real(topic, out_root, output, options)

    monkeypatch.setattr(batch_module, "run_topic", dies_on_alpha)
    results = run_batch(
        topics,
        tmp_path / "out",
        Output(formats=["md"]),
        Options(date="2026-11-23"),
        jobs=1,
        timeout=60,
    )
    assert [r.ok for r in results] == [False, True, True]
    assert "worker process died" in (results[0].error or "")


BATCH_THAT_HANGS = """
import os, sys, time
from pathlib import Path
import briefgen.batch as batch
from briefgen.analysis.pipeline import Options
from briefgen.app import Output
from briefgen.errors import stop_on_signals

def hang(topic, out_root, output, options):
    folder = out_root / topic.name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f".memo.md.{os.getpid()}.x1.part").write_bytes(b"half")
    os.write(1, b"%d\\n" % os.getpid())  # one write: the two workers share the pipe
    time.sleep(3600)

batch.run_topic = hang
stop_on_signals()
topics = batch.find_topics(Path(sys.argv[1]), print)
batch.run_batch(topics, Path(sys.argv[2]), Output(formats=["md"]), Options(), jobs=2, timeout=600)
"""


def test_sigterm_stops_every_batch_worker_and_removes_their_temporaries(tmp_path):
    topics, out = make_topics(tmp_path), tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", BATCH_THAT_HANGS, str(topics), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers = [int(proc.stdout.readline()) for _ in range(2)]  # both workers are in a topic
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "Terminated" in stderr
    for pid in workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert [p for p in out.rglob("*") if p.is_file()] == []
