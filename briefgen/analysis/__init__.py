"""The analysis pipeline: SourceDocuments in, a Brief out."""
