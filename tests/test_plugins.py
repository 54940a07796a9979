"""Renderer plugins: a real distribution (dist-info + entry point) on sys.path in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import docx_text, run_cli, written_paths

TINY = '''
from pathlib import Path


class TinyRenderer:
    """Writes the title and one line per item: enough to see it got the real Brief."""

    name = "tiny"
    suffix = ".tiny"
    description = "Tiny text format for tests"

    def __init__(self, settings):
        self.settings = settings

    def render(self, brief, path):
        lines = [brief.title]
        for key, items in brief.sections.items():
            lines += [f"{key}: {item.text}" for item in items]
        Path(path).write_text("\\n".join(lines) + "\\n", encoding="utf-8")


class Boom(TinyRenderer):
    name = "boom"
    suffix = ".boom"

    def render(self, brief, path):
        Path(path).write_text("partial", encoding="utf-8")
        raise RuntimeError("disk on fire")


class Sneaky(TinyRenderer):
    name = "sneaky"
    suffix = "/../../escaped"
'''


def make_plugin(root: Path, dist: str, module: str, source: str, entries: dict[str, str]) -> Path:
    """Lay out an installed distribution the way pip would: module + NAME-VERSION.dist-info."""
    (root / f"{module}.py").write_text(source, encoding="utf-8")
    info = root / f"{dist}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8"
    )
    lines = "\n".join(f"{name} = {target}" for name, target in entries.items())
    (info / "entry_points.txt").write_text(f"[briefgen.renderers]\n{lines}\n", encoding="utf-8")
    return root


@pytest.fixture()
def plugin_path(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(
        site,
        "tinyfmt",
        "tinyfmt_plugin",
        TINY,
        {
            "tiny": "tinyfmt_plugin:TinyRenderer",
            "boom": "tinyfmt_plugin:Boom",
            "sneaky": "tinyfmt_plugin:Sneaky",
            "docx": "tinyfmt_plugin:TinyRenderer",  # may not replace a built-in
        },
    )
    make_plugin(
        site,
        "brokenfmt",
        "brokenfmt_plugin",
        "raise ImportError('needs a library that is not installed')\n",
        {"broken": "brokenfmt_plugin:Renderer"},
    )
    return {"PYTHONPATH": str(site)}


def table(stdout: str) -> dict[str, list[str]]:
    return {line.split("\t")[0]: line.split("\t") for line in stdout.splitlines()}


def test_renderers_lists_builtins_and_plugin_with_origin(plugin_path):
    result = run_cli("renderers", env=plugin_path, check=True)
    rows = table(result.stdout)
    assert {"docx", "pdf", "md", "html", "tiny", "broken"} <= set(rows)
    assert rows["tiny"][1] == "plugin tinyfmt 0.1"
    assert rows["tiny"][2:5] == [
        "tinyfmt_plugin:TinyRenderer",
        ".tiny",
        "Tiny text format for tests",
    ]
    for builtin in ("docx", "pdf", "md", "html"):
        assert rows[builtin][1] == "built-in"
    # The built-in docx keeps its name; the plugin that claimed it is reported.
    assert rows["docx"][2] == "briefgen.render.docx:DocxRenderer"
    assert "renderer plugin 'docx' (plugin tinyfmt 0.1) ignored" in result.stderr
    # A plugin that cannot import is listed as unavailable, by name, and the rest still list.
    assert "unavailable" in rows["broken"][4] and "plugin brokenfmt 0.1" in rows["broken"][4]
    assert "needs a library that is not installed" in result.stderr
    assert "unsafe file suffix" in rows["sneaky"][4]


def test_generate_with_plugin_format_uses_the_plugin(plugin_path, tmp_path):
    out = tmp_path / "out"
    result = run_cli(
        "generate",
        "-f",
        "tiny,docx",
        "-o",
        str(out),
        "--date",
        "2026-11-23",
        env=plugin_path,
        check=True,
    )
    paths = {p.suffix: p for p in written_paths(result)}
    assert set(paths) == {".tiny", ".docx"}
    assert paths[".tiny"].stem == paths[".docx"].stem  # one stem from date and title
    tiny = paths[".tiny"].read_text(encoding="utf-8").splitlines()
    from docx import Document

    assert tiny[0] == Document(str(paths[".docx"])).core_properties.title
    summary = [line for line in tiny if line.startswith("summary: ")]
    assert len(summary) >= 3
    body = " ".join(docx_text(paths[".docx"]).split())
    for line in summary:  # the plugin saw the same Brief the DOCX printed
        assert " ".join(line.removeprefix("summary: ").split()) in body


def test_broken_plugin_does_not_stop_builtins(plugin_path, tmp_path):
    result = run_cli("generate", "-f", "pdf", "-o", str(tmp_path), env=plugin_path, check=True)
    assert [p.suffix for p in written_paths(result)] == [".pdf"]


def test_broken_plugin_named_in_one_line_error_and_nothing_written(plugin_path, tmp_path):
    out = tmp_path / "out"
    result = run_cli("generate", "-f", "pdf,broken", "-o", str(out), env=plugin_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("error: renderer 'broken' (plugin brokenfmt 0.1) failed to load")
    assert "Traceback" not in result.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_plugin_failing_while_rendering_leaves_no_files(plugin_path, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "keep.txt"
    earlier.write_text("earlier run", encoding="utf-8")
    result = run_cli("generate", "-f", "docx,boom", "-o", str(out), env=plugin_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "error: renderer 'boom' (plugin tinyfmt 0.1) failed: RuntimeError: disk on fire"
    )
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]  # no docx, no temp files
    assert earlier.read_text(encoding="utf-8") == "earlier run"


def test_plugin_with_unsafe_suffix_is_refused(plugin_path, tmp_path):
    out = tmp_path / "out"
    result = run_cli("generate", "-f", "sneaky", "-o", str(out), env=plugin_path)
    assert result.returncode == 2
    assert "renderer 'sneaky' (plugin tinyfmt 0.1) has an unsafe file suffix" in result.stderr
    assert not (tmp_path / "escaped").exists()
    assert not any(tmp_path.rglob("*escaped*"))


def test_registry_api_reports_shape_problems():
    from briefgen.render.base import RendererEntry, RenderSettings

    class NoSuffix:
        name, description = "x", "no suffix"

        def __init__(self, settings):
            pass

        def render(self, brief, path):
            pass

    entry = RendererEntry("x", "plugin demo 1.0", "demo:NoSuffix", loader=lambda: NoSuffix)
    from briefgen.render.base import PluginError

    with pytest.raises(
        PluginError, match=r"renderer 'x' \(plugin demo 1.0\) has no text attribute 'suffix'"
    ):
        entry.create(RenderSettings())


def test_builtins_satisfy_the_protocol():
    from briefgen.render.base import Renderer, RenderSettings, renderer_entries

    for name, entry in renderer_entries().items():
        renderer = entry.create(RenderSettings())
        assert isinstance(renderer, Renderer)
        assert renderer.name == name
        assert renderer.suffix == f".{name}"


def test_entry_point_names_are_case_folded(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site, "upperfmt", "upper_plugin", TINY, {"Tiny": "upper_plugin:TinyRenderer"})
    result = run_cli(
        "generate",
        "-f",
        "TINY",
        "-o",
        str(tmp_path / "o"),
        env={"PYTHONPATH": str(site)},
        check=True,
    )
    assert [p.suffix for p in written_paths(result)] == [".tiny"]
