"""copydesk: a linter for articles (the engine; the rules live in the ``rules`` package)."""

__version__ = "0.1.0"
