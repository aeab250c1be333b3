"""`WAGTAILSEARCH_BACKENDS` entry for `SEARCH_BACKEND=elasticsearch9` (see search/backends/__init__.py)."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from . import localized

SearchBackend = localized(Elasticsearch9SearchBackend)
