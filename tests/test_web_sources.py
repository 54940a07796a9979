"""URLs, @lists and feeds as sources, served from a local HTTP server (nothing leaves the
machine): redirects, timeouts, size caps, content types, charsets, feeds and --since."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import REPO, run_cli, written_paths
from readers_fixtures import Article, article_from_text, html_page
from werkzeug import Response

from briefgen.errors import InputError
from briefgen.sources.links import FetchSettings, WebOptions, parse_since, parse_sources
from briefgen.sources.web import USER_AGENT, fetch, fetch_all

pytest.importorskip("pytest_httpserver")

SEEDS = REPO / "seeds"
TALKS = article_from_text(SEEDS / "01_modi_takaichi_g20_priorities.txt", "G20 talks")
INVEST = article_from_text(SEEDS / "02_investment_target_doubled.md", "Investment doubled")
PORTS = Article(
    title="Port talks resume",
    paragraphs=[
        "Negotiators from both countries met again on Tuesday to settle the last clauses of a "
        "ports agreement that links dredging work to a ten-year supply contract.",
        "Officials said the draft now names the two terminals and the order in which their "
        "berths open, with the first due to take ships before the monsoon of 2028.",
        "A review meeting is planned for the spring, when ministers will sign the final text.",
    ],
    publisher="Harbour Weekly",
    date="2026-11-30",
)


@pytest.fixture(scope="module")
def make_httpserver():
    """The plugin's server, on the loopback address only (a free port), answering requests
    in threads as a real site does (so fetching several at once can be seen)."""
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


def page(article: Article) -> str:
    return html_page(article)


def serve(httpserver, path: str, body: str | bytes, content_type: str = "text/html") -> str:
    httpserver.expect_request(path).respond_with_data(body, content_type=content_type)
    return httpserver.url_for(path)


# --- fetching ----------------------------------------------------------------------------------


def test_fetch_follows_redirects_and_sends_a_clear_user_agent(httpserver):
    serve(httpserver, "/a.html", page(TALKS), "text/html; charset=utf-8")
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": httpserver.url_for("/a.html")})
    )
    fetched = fetch(httpserver.url_for("/old"))
    assert fetched.final_url == httpserver.url_for("/a.html")
    assert fetched.content_type == "text/html" and fetched.charset == "utf-8"
    request, _ = httpserver.log[-1]
    assert request.headers["User-Agent"] == USER_AGENT and "briefgen" in USER_AGENT


def test_redirect_loop_stops_at_the_cap(httpserver):
    httpserver.expect_request("/loop").respond_with_response(
        Response(status=302, headers={"Location": httpserver.url_for("/loop")})
    )
    with pytest.raises(InputError, match=r"more than 3 redirects"):
        fetch(httpserver.url_for("/loop"), FetchSettings(max_redirects=3))


def test_redirect_to_another_scheme_is_refused(httpserver):
    httpserver.expect_request("/file").respond_with_response(
        Response(status=302, headers={"Location": "file:///etc/passwd"})
    )
    with pytest.raises(InputError, match="scheme other than http/https"):
        fetch(httpserver.url_for("/file"))


def test_slow_server_times_out(httpserver):
    def slow(request):
        time.sleep(2)
        return Response(page(TALKS), content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(InputError, match="timed out"):
        fetch(httpserver.url_for("/slow"), FetchSettings(timeout=0.3))
    assert time.monotonic() - started < 30  # a hang is the failure mode, not the speed


def test_oversized_body_is_refused_with_the_limit(httpserver):
    url = serve(httpserver, "/big.html", "<p>" + "word " * 50_000 + "</p>")
    with pytest.raises(InputError, match=r"is 0\.2 MB, over the 0\.1 MB limit.*--max-source-mb"):
        fetch(url, FetchSettings(max_bytes=int(0.1 * 2**20)))


def test_oversized_body_without_content_length_is_cut_while_reading(httpserver):
    def chunked(request):
        return Response((b"<p>" + b"x" * 4096 for _ in range(10)), content_type="text/html")

    httpserver.expect_request("/stream").respond_with_handler(chunked)
    with pytest.raises(InputError, match="over the"):
        fetch(httpserver.url_for("/stream"), FetchSettings(max_bytes=10_000))


def test_several_urls_are_fetched_at_once(httpserver):
    # /a answers only once /b has been asked for: fetched one after the other, /a would time out.
    b_asked = threading.Event()

    def a(request):
        b_asked.wait(timeout=10)
        return Response(page(TALKS), content_type="text/html")

    def b(request):
        b_asked.set()
        return Response(page(INVEST), content_type="text/html")

    httpserver.expect_request("/a.html").respond_with_handler(a)
    httpserver.expect_request("/b.html").respond_with_handler(b)
    urls = [httpserver.url_for("/a.html"), httpserver.url_for("/b.html")]
    results = fetch_all(urls, FetchSettings(timeout=5))
    assert [getattr(r, "url", r) for r in results] == urls


def test_failures_name_their_url_and_keep_their_order(httpserver):
    good = serve(httpserver, "/a.html", page(TALKS))
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    missing = httpserver.url_for("/gone")
    results = fetch_all([missing, good, "http://127.0.0.1:9/closed"])
    assert isinstance(results[0], InputError) and results[0].path == missing
    assert results[0].message.startswith("HTTP 404")
    assert not isinstance(results[1], InputError) and results[1].url == good
    assert isinstance(results[2], InputError) and "cannot fetch" in results[2].message


# --- reading through the CLI ---------------------------------------------------------------------


def test_generate_from_two_urls_cites_both(httpserver, tmp_path):
    a = serve(httpserver, "/a.html", page(TALKS))
    b = serve(httpserver, "/b.html", page(INVEST))
    result = run_cli("generate", a, b, "-o", str(tmp_path), "-f", "md", check=True)
    (memo,) = written_paths(result)
    text = memo.read_text(encoding="utf-8")
    assert a in text and b in text
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    draft = tmp_path / "brief.json"
    kept = tmp_path / "read"
    run_cli("draft", a, b, "-o", str(draft), "--save-sources", str(kept), check=True)
    sources = json.loads(draft.read_text(encoding="utf-8"))["sources"]
    assert [s["url"] for s in sources] == [a, b]
    # the brief points at the pages as read, kept for checking later
    assert [Path(s["path"]).read_text(encoding="utf-8") for s in sources] == [
        page(TALKS),
        page(INVEST),
    ]
    assert [s["accessed"] for s in sources] == [today, today]


def test_one_failing_url_among_others_is_a_warning(httpserver, tmp_path):
    a = serve(httpserver, "/a.html", page(TALKS))
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    gone = httpserver.url_for("/gone")
    result = run_cli("extract", a, gone, check=True)
    assert f"warning: {gone}: skipped (HTTP 404" in result.stderr
    assert result.stdout.startswith(f"source: {a}\n")


def test_the_only_url_failing_is_an_error(httpserver):
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    gone = httpserver.url_for("/gone")
    result = run_cli("extract", gone)
    assert result.returncode == 2
    assert result.stderr.strip().lower() == f"error: {gone}: http 404 not found"
    assert result.stdout == ""


def test_wrong_content_type_is_named(httpserver):
    url = serve(httpserver, "/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
    result = run_cli("extract", url)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {url}: unsupported content type image/png"


def test_page_with_no_article_is_one_error_line(httpserver):
    url = serve(httpserver, "/menu.html", "<html><body><nav><a href='/'>Home</a></nav></body>")
    result = run_cli("extract", url)
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"error: {url}: no article text found")


def test_max_source_mb_applies_to_urls(httpserver):
    url = serve(httpserver, "/a.html", page(TALKS))
    result = run_cli("extract", "--max-source-mb", "0.001", url)
    assert result.returncode == 2 and "limit (raise it with --max-source-mb)" in result.stderr


def test_a_page_has_a_files_byte_cap_and_the_text_cap(httpserver):
    # One budget as for a file on disk: bytes up to 10 x --max-source-mb (a page carries markup
    # and scripts beside its text), text up to --max-source-mb. Pages were once cut at the text
    # limit in bytes, so a page a file on disk could hold was refused.
    markup = page(TALKS).replace("</head>", "<script>" + "x" * 30_000 + "</script></head>")
    assert "</script></head>" in markup and len(markup) > 0.02 * 2**20
    url = serve(httpserver, "/heavy.html", markup)
    read = run_cli("extract", "--max-source-mb", "0.02", url)
    assert read.returncode == 0, read.stderr
    assert "Johannesburg" in read.stdout
    refused = run_cli("extract", "--max-source-mb", "0.002", url)
    assert refused.returncode == 2 and "file is" in refused.stderr


def test_charset_from_the_header_wins(httpserver):
    story = "The minister said “the port’s new berths” will open in 2029 — a year early. " * 3
    body = f"<html><body><article><p>{story}</p></article></body></html>".encode("cp1252")
    url = serve(httpserver, "/legacy.html", body, "text/html; charset=windows-1252")
    result = run_cli("extract", "--json", url, check=True)
    (record,) = json.loads(result.stdout)
    assert record["paragraphs"] == [story.strip()]


def test_charset_from_the_page_when_the_header_names_none(httpserver):
    story = "東京とニューデリーの両政府は、港湾と重要鉱物に関する協定に署名した。" * 4
    body = (
        '<html><head><meta charset="shift_jis"></head><body><article>'
        f"<p>{story}</p><p>{story}</p></article></body></html>"
    ).encode("shift_jis")
    url = serve(httpserver, "/ja.html", body, "text/html")
    result = run_cli("extract", "--json", url, check=True)
    (record,) = json.loads(result.stdout)
    assert story in record["paragraphs"][0]


def test_links_file_and_saved_sources(httpserver, tmp_path):
    a = serve(httpserver, "/a.html", page(TALKS))
    b = serve(httpserver, "/b.html", page(PORTS))
    links = tmp_path / "links.txt"
    links.write_text(f"# morning brief\n{a}\n\n{b}\n", encoding="utf-8")
    saved = tmp_path / "read"
    result = run_cli("extract", f"@{links}", "--save-sources", str(saved), check=True)
    assert result.stdout.count("source: http://") == 2
    kept = sorted(saved.iterdir())
    assert len(kept) == 2 and all(p.suffix == ".html" for p in kept)
    assert {p.read_text(encoding="utf-8") for p in kept} == {page(TALKS), page(PORTS)}


def test_parse_sources_sorts_urls_lists_and_paths(tmp_path):
    links = tmp_path / "l.txt"
    links.write_text("https://example.org/a\nnotes.txt\n", encoding="utf-8")
    assert parse_sources(["x.md", "http://h/b", f"@{links}"]) == [
        Path("x.md"),
        "http://h/b",
        "https://example.org/a",
        tmp_path / "notes.txt",
    ]


def test_other_schemes_are_refused_by_name():
    result = run_cli("extract", "ftp://example.org/a.html")
    assert result.returncode == 2
    assert (
        result.stderr
        == "error: ftp://example.org/a.html: only http:// and https:// URLs are read\n"
    )


# --- feeds -------------------------------------------------------------------------------------


def rss(items: list[tuple[str, dt.datetime | None]]) -> str:
    entries = "".join(
        f"<item><title>{link}</title><link>{link}</link>"
        + (f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>" if when else "")
        + "</item>"
        for link, when in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Desk</title><link>/</link>{entries}</channel></rss>"
    )


def test_feed_with_relative_links_and_since(httpserver):
    serve(httpserver, "/news/a.html", page(TALKS))
    serve(httpserver, "/news/b.html", page(INVEST))
    serve(httpserver, "/news/old.html", page(PORTS))
    feed = rss(
        [
            ("a.html", dt.datetime(2026, 12, 1, 9, tzinfo=dt.timezone.utc)),
            ("/news/b.html", dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)),
            ("old.html", dt.datetime(2026, 11, 2, 9, tzinfo=dt.timezone.utc)),
        ]
    )
    url = serve(httpserver, "/news/feed.xml", feed, "application/rss+xml")
    result = run_cli("extract", "--json", url, "--since", "2026-11-29", check=True)
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [
        httpserver.url_for("/news/a.html"),
        httpserver.url_for("/news/b.html"),
    ]
    result = run_cli("extract", "--json", url, "--max-items", "1", check=True)
    assert [r["source"] for r in json.loads(result.stdout)] == [httpserver.url_for("/news/a.html")]


def test_feed_file_gives_its_items(httpserver, tmp_path):
    a = serve(httpserver, "/a.html", page(TALKS))
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Desk</title><entry><title>A</title><link href="{a}"/>'
        "<updated>2026-12-01T09:00:00Z</updated></entry></feed>"
    )
    path = tmp_path / "desk.atom"
    path.write_text(atom, encoding="utf-8")
    result = run_cli("extract", str(path), check=True)
    assert result.stdout.startswith(f"source: {a}\n")


def test_feed_with_nothing_since_is_an_error(httpserver):
    feed = rss([("a.html", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))])
    url = serve(httpserver, "/feed.xml", feed, "application/rss+xml")
    result = run_cli("extract", url, "--since", "2026-11-29")
    assert result.returncode == 2
    message = "feed has no items with web links since the --since time"
    assert result.stderr.strip() == f"error: {url}: {message}"


def test_since_forms():
    now = dt.datetime(2026, 12, 4, 12, tzinfo=dt.timezone.utc)
    assert parse_since("24h", now) == dt.datetime(2026, 12, 3, 12, tzinfo=dt.timezone.utc)
    assert parse_since("2w", now) == now - dt.timedelta(weeks=2)
    assert parse_since("2026-11-29", now) == dt.datetime(2026, 11, 29, tzinfo=dt.timezone.utc)
    with pytest.raises(ValueError, match="24h"):
        parse_since("yesterday", now)
    result = run_cli("extract", "--since", "soon", "x.html")
    assert result.returncode == 2 and "--since" in result.stderr


def test_web_options_default_reads_with_the_source_limit():
    assert WebOptions().fetch.max_bytes is None  # None: --max-source-mb decides


# --- start-up ----------------------------------------------------------------------------------


def test_no_http_or_extraction_library_is_imported_until_a_page_is_read(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("A short note about port talks that resumed on Tuesday.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from briefgen.cli import cli\n"
        "from briefgen.app import extract_sources\n"
        f"extract_sources([__import__('pathlib').Path({str(note)!r})], False, print)\n"
        "heavy = {'httpx', 'trafilatura', 'feedparser', 'lxml', 'htmldate', 'justext'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
