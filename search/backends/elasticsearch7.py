"""`WAGTAILSEARCH_BACKENDS` entry for `SEARCH_BACKEND=elasticsearch7` (see search/backends/__init__.py).

The 7.x client (7.17 talks to a 7.10 server) takes request bodies as `body=`
and has no `options()`: the calls of the older API, whatever its minor version."""

from modelsearch.backends.elasticsearch7 import Elasticsearch7SearchBackend

from . import localized

SearchBackend = localized(Elasticsearch7SearchBackend, use_new_elasticsearch_api=False)
