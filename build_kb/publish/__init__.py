"""Stage 6: publish — the MkDocs edge, kb.json, the search index, and the site folder's guard and swap."""
