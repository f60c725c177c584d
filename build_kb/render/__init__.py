"""Stage 5: render the knowledge base as HTML pages (pure functions, no disk)."""
