"""`WAGTAILSEARCH_BACKENDS` entry for `SEARCH_BACKEND=opensearch2` (see search/backends/__init__.py)."""

from . import import_opensearch_client, localized

import_opensearch_client()

from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend  # noqa: E402

SearchBackend = localized(OpenSearch2SearchBackend)
