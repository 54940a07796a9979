"""Readers: one module per input format, each turning a file into a SourceDocument."""

from briefgen.sources.base import SourceDocument, collect_paths, read_sources

__all__ = ["SourceDocument", "collect_paths", "read_sources"]
