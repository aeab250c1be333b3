"""`WAGTAILSEARCH_BACKENDS` entry for `SEARCH_BACKEND=opensearch3` (see search/backends/__init__.py)."""

from . import import_opensearch_client, localized

import_opensearch_client()

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend  # noqa: E402

SearchBackend = localized(OpenSearch3SearchBackend)
