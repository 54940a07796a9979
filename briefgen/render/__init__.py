"""Renderers: each writes a Brief to one file format. See base.py for the protocol."""
