"""`WAGTAILSEARCH_BACKENDS` entry for `SEARCH_BACKEND=opensearch3` (see search/backends/__init__.py)."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from . import localized

SearchBackend = localized(OpenSearch3SearchBackend)
