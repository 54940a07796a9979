"""briefgen: turn source articles into a policy-briefing memo (DOCX, PDF, Markdown, HTML)."""

__version__ = "0.1.0"
