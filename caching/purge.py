"""Purging: the page cache and any front-end cache, after the change commits
(purged earlier, a reader's request could store the old page again)."""

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from . import store
from .purge_map import urls_for


def purge_urls(urls):
    urls = sorted(urls)
    store.purge_paths({store.path_of(url) for url in urls})
    purge_urls_from_cache(urls)


def purge_on_commit(urls):
    if urls:
        transaction.on_commit(lambda: purge_urls(urls))


def purge_for(instance, **options):
    """Purge what shows `instance`, computed now (before a deletion removes what
    it reaches) and purged when the transaction commits."""
    purge_on_commit(urls_for(instance, **options))
