"""zuzhi-kb: turn Chinese organisation-work speeches into a cross-linked MkDocs knowledge base."""

__version__ = "0.1.0"
