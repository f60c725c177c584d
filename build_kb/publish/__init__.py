"""Stage 6: publish — the MkDocs edge, kb.json, the search index, and the site folder's guard and swap."""

# ProperDocs (the maintained continuation of MkDocs 1.x) may stand in for MkDocs: where `mkdocs` is
# not installed, its alias module makes every `mkdocs.*` import here (and Material's) load ProperDocs.
# `make properdocs` builds the seed site that way; tests/test_properdocs.py checks it.
try:
    import mkdocs  # noqa: F401
except ImportError:  # pragma: no cover - only in the ProperDocs environment
    import properdocs.replacement  # noqa: F401
