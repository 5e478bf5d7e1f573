"""Claims from text: a pure function of text and metadata (see pipeline.extract)."""
