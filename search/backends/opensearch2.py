"""`WAGTAILSEARCH_BACKENDS` entry for `SEARCH_BACKEND=opensearch2` (see search/backends/__init__.py)."""

from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend

from . import localized

SearchBackend = localized(OpenSearch2SearchBackend)
