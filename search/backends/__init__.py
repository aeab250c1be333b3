"""Language-aware variants of modelsearch's Elasticsearch/OpenSearch backends.

modelsearch puts every page in one index analysed the same way whatever its
language. These backends keep its client handling (URLs, timeouts, client
major version) and add what readers of a bilingual site need: one index per
language with that language's analysis (elision, accent folding, stemming)
and the editors' synonyms. Documents are written by `search.indexing`, which
only ever sends live, public pages (and the people pages) of that language.
Wagtail's `update_index` leaves these indexes alone (`rebuilder_class` is
None): `manage.py rebuild_search_index` rebuilds them.

Readers and writers use an alias per language; its index has a name of its
own. A rebuild fills a new index while the alias still points to the old one,
then moves the alias in one atomic step (what modelsearch's
ElasticsearchAtomicIndexRebuilder does for its own index, with the alias moved
and the old index, or an index of the alias's name from before aliases, dropped
in the same request): readers never meet an empty or half-filled index.
"""

from copy import deepcopy
from functools import cached_property

from django.utils.crypto import get_random_string

from ..breaker import Breaker

# Seconds index administration and bulk requests may take (readers wait SEARCH_TIMEOUT).
ADMIN_TIMEOUT = 60

FRENCH_ARTICLES = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]

# The words that make a reader's words a question ("who spoke about authors'
# rights?", "quand a lieu le sommet ?"): not what they look for, so left out of
# the query (they are stop words of the database backend's PostgreSQL
# configurations too). Accents folded, as they reach the filter.
QUESTION_WORDS = {
    "fr": ["qui", "que", "quoi", "quel", "quels", "quelle", "quelles", "quand", "ou", "comment", "pourquoi"]
    + ["combien", "est", "ce"],
    "en": ["who", "whom", "whose", "what", "which", "when", "where", "why", "how", "about", "is", "are", "was"]
    + ["were", "do", "does", "did", "can", "could", "should", "would"],
}

# Per language: what a word goes through before stemming, and the stemmer.
LANGUAGE_ANALYSIS = {
    "fr": {
        "filters": {
            "fr_elision": {"type": "elision", "articles_case": True, "articles": FRENCH_ARTICLES},
            "fr_stemmer": {"type": "stemmer", "language": "light_french"},
        },
        "before": ["fr_elision", "lowercase", "asciifolding"],
        "stemmer": "fr_stemmer",
    },
    "en": {
        "filters": {
            "en_possessive": {"type": "stemmer", "language": "possessive_english"},
            "en_stemmer": {"type": "stemmer", "language": "english"},
        },
        "before": ["en_possessive", "lowercase", "asciifolding"],
        "stemmer": "en_stemmer",
    },
}


def index_body(language, synonyms):
    """Settings and mappings of the index of `language`. `synonyms` are Solr-style
    rules ("ia, intelligence artificielle"), applied when searching only, so that
    editors can change them without re-indexing."""
    spec = LANGUAGE_ANALYSIS.get(language, LANGUAGE_ANALYSIS["en"])
    filters = deepcopy(spec["filters"])
    filters["synonyms"] = {"type": "synonym_graph", "synonyms": list(synonyms) or ["_none_ => _none_"], "lenient": True}
    filters["autocomplete_ngrams"] = {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}
    filters["question_words"] = {"type": "stop", "stopwords": QUESTION_WORDS.get(language, QUESTION_WORDS["en"])}
    before, stemmer = spec["before"], spec["stemmer"]
    analyzers = {
        "text_index": {"type": "custom", "tokenizer": "standard", "filter": [*before, stemmer]},
        "text_search": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*before, "question_words", "synonyms", stemmer],
        },
        # Unstemmed words for "did you mean" suggestions.
        "words": {"type": "custom", "tokenizer": "standard", "filter": before},
        "autocomplete_index": {"type": "custom", "tokenizer": "standard", "filter": [*before, "autocomplete_ngrams"]},
        "autocomplete_search": {"type": "custom", "tokenizer": "standard", "filter": before},
    }
    text = {"type": "text", "analyzer": "text_index", "search_analyzer": "text_search"}
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": {"filter": filters, "analyzer": analyzers},
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "kind": {"type": "keyword"},
                "object_id": {"type": "keyword"},
                "type": {"type": "keyword"},
                "type_label": {"type": "keyword", "index": False},
                "topics": {"type": "keyword"},
                "year": {"type": "integer"},
                "date": {"type": "date"},
                "title": {**text, "copy_to": ["spelling", "suggest"]},
                "summary": {**text, "copy_to": "spelling"},
                "body": text,
                "entries": {
                    "type": "nested",
                    "properties": {
                        "anchor": {"type": "keyword"},
                        "number": {"type": "keyword", "index": False},
                        "title": text,
                        "text": text,
                    },
                },
                # The titles of recommendations and sessions, for typos (`spelling`) only.
                "entry_titles": {"type": "text", "analyzer": "words", "index": False, "copy_to": "spelling"},
                "spelling": {"type": "text", "analyzer": "words"},
                "suggest": {"type": "text", "analyzer": "autocomplete_index", "search_analyzer": "autocomplete_search"},
            },
        },
    }


class LocalizedIndexesMixin:
    """Index naming, creation and the client calls `search.indexing` and
    `search.query` need, written once for the four client families."""

    rebuilder_class = None

    def __init__(self, params):
        # A copy of each shard on another node of the cluster (SEARCH_REPLICAS):
        # search answers in full while one node is down.
        self.replicas = int(params.pop("REPLICAS", 0))
        super().__init__(params)

    @cached_property
    def breaker(self):
        """What readers and publishing ask goes through it (search.breaker); a rebuild does not."""
        return Breaker(repr(self.hosts))

    def index_name(self, language):
        """The alias of `language`'s index, which searches and writes go through."""
        return f"{self.index_prefix}content_{language}"

    @cached_property
    def _admin(self):
        """(client, keyword arguments) for index administration and rebuilds, which
        may take longer than a reader waits (SEARCH_TIMEOUT)."""
        if self.use_new_elasticsearch_api:
            return self.es.options(request_timeout=ADMIN_TIMEOUT), {}
        return self.es, {"request_timeout": ADMIN_TIMEOUT}

    def _body(self, body):
        # The Elasticsearch 8/9 clients take the body's keys as arguments;
        # opensearch-py takes `body`.
        return body if self.use_new_elasticsearch_api else {"body": body}

    def create_index(self, language, synonyms, refreshing=True, aliased=True):
        """A new index for `language`; returns its name. `aliased=False` for a
        rebuild, which fills it (no refresh until swap_in()) before readers see it."""
        alias = self.index_name(language)
        name = f"{alias}_{get_random_string(8).lower()}"
        body = index_body(language, synonyms)
        body["settings"]["number_of_replicas"] = self.replicas
        if not refreshing:
            body["settings"]["refresh_interval"] = "-1"
        if aliased:
            body["aliases"] = {alias: {}}
        client, kwargs = self._admin
        client.indices.create(index=name, **self._body(body), **kwargs)
        return name

    def swap_in(self, language, name):
        """Make the index `name`, filled by a rebuild, the one readers see: back to
        the engine's default refresh, then the alias moved to it in one step."""
        self._put_settings(name, {"index": {"refresh_interval": None}})
        client, kwargs = self._admin
        client.indices.refresh(index=name, **kwargs)
        alias = self.index_name(language)
        old = self._aliased(alias)
        actions = [{"remove_index": {"index": index}} for index in old]
        if not old and client.indices.exists(index=alias, **kwargs):
            # An index of the alias's name, made before aliases were used.
            actions.append({"remove_index": {"index": alias}})
        actions.append({"add": {"index": name, "alias": alias}})
        if self.use_new_elasticsearch_api:
            client.indices.update_aliases(actions=actions)
        else:
            client.indices.update_aliases(body={"actions": actions}, **kwargs)

    def _aliased(self, alias):
        """The indexes `alias` points to."""
        client, kwargs = self._admin
        if not client.indices.exists_alias(name=alias, **kwargs):
            return []
        return list(client.indices.get_alias(name=alias, **kwargs))

    def _put_settings(self, name, settings):
        client, kwargs = self._admin
        if self.use_new_elasticsearch_api:
            client.indices.put_settings(index=name, settings=settings)
        else:
            client.indices.put_settings(index=name, body=settings, **kwargs)

    def delete_index(self, language):
        alias = self.index_name(language)
        client, kwargs = self._admin
        for name in self._aliased(alias) or ([alias] if client.indices.exists(index=alias, **kwargs) else []):
            client.indices.delete(index=name, **kwargs)

    def index_exists(self, language):
        return bool(self.breaker.call(self.es.indices.exists, index=self.index_name(language)))

    def update_synonyms(self, language, synonyms):
        """Synonym filters can only change on a closed index: close, update, reopen."""
        alias = self.index_name(language)
        name = ",".join(self._aliased(alias)) or alias
        analysis = {
            "analysis": {
                "filter": {"synonyms": index_body(language, synonyms)["settings"]["analysis"]["filter"]["synonyms"]}
            }
        }
        client, kwargs = self._admin
        client.indices.close(index=name, **kwargs)
        try:
            self._put_settings(name, analysis)
        finally:
            client.indices.open(index=name, **kwargs)
            client.cluster.health(index=name, wait_for_status="yellow", **kwargs)

    def put_document(self, language, doc_id, document, refresh=False):
        kwargs = {"document": document} if self.use_new_elasticsearch_api else {"body": document}
        self.breaker.call(self.es.index, index=self.index_name(language), id=doc_id, refresh=refresh, **kwargs)

    def delete_document(self, language, doc_id, refresh=False):
        """Deleting what is not there is fine (and not worth a warning in the logs)."""
        if self.use_new_elasticsearch_api:
            client, kwargs = self.es.options(ignore_status=404), {}
        else:
            client, kwargs = self.es, {"ignore": 404}
        self.breaker.call(client.delete, index=self.index_name(language), id=doc_id, refresh=refresh, **kwargs)

    def bulk_put(self, language, documents, index=None):
        """`documents`: iterable of (id, document), into `language`'s index or the index named `index`."""
        index = index or self.index_name(language)
        actions = ({"_index": index, "_id": doc_id, "_source": doc} for doc_id, doc in documents)
        self.bulk(self.es, actions, chunk_size=500, max_chunk_bytes=10 * 1024 * 1024, request_timeout=ADMIN_TIMEOUT)

    def refresh(self, language):
        client, kwargs = self._admin
        client.indices.refresh(index=self.index_name(language), **kwargs)

    def search_raw(self, language, body):
        return self.breaker.call(self.es.search, index=self.index_name(language), **self._body(body))

    def msearch_raw(self, searches):
        """The answers to [(language, body)], asked in one request; an index not
        there yet finds nothing."""
        lines = []
        for language, body in searches:
            lines += [{"index": self.index_name(language), "ignore_unavailable": True}, body]
        if self.use_new_elasticsearch_api:
            answers = self.breaker.call(self.es.msearch, searches=lines)["responses"]
        else:
            answers = self.breaker.call(self.es.msearch, body=lines)["responses"]
        failed = [answer["error"] for answer in answers if "error" in answer]
        if failed:
            raise SearchRequestFailed(failed[0])
        return answers


class SearchRequestFailed(Exception):
    """One search of a multi-search failed (the others answered)."""


def localized(backend_class, **attributes):
    return type(f"Localized{backend_class.__name__}", (LocalizedIndexesMixin, backend_class), attributes)
