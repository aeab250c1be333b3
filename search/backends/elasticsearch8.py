"""`WAGTAILSEARCH_BACKENDS` entry for `SEARCH_BACKEND=elasticsearch8` (see search/backends/__init__.py)."""

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from . import localized

SearchBackend = localized(Elasticsearch8SearchBackend)
