"""The practice of following up, as plain Python: no Textual, no TinyDB."""
