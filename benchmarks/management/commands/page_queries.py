"""Prints, for one page of each public type in each language, the SQL queries
and the time it costs with an empty cache: `python manage.py page_queries`
after `load_demo` (`--verbose` lists the queries and where they come from,
`--only` filters URLs, `--sitewide-warm` measures with the site-wide data cached)."""

import time
import traceback
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from people.models import PeopleIndexPage, Person
from topics.models import Topic, TopicIndexPage


def sample_urls():
    """(page type, URL) of one live page per type and language, and the routed pages."""
    urls, seen = [], set()
    for page in Page.objects.live().public().specific().order_by("path"):
        kind = (type(page).__name__, page.locale.language_code)
        if page.depth > 1 and kind not in seen:
            seen.add(kind)
            urls.append((f"{kind[0]} {kind[1]}", page.url))
    for index_model, snippet_model, label in (
        (TopicIndexPage, Topic, "topic"),
        (PeopleIndexPage, Person, "person"),
    ):
        for index_page in index_model.objects.live().public():
            snippet = snippet_model.objects.filter(locale_id=index_page.locale_id).first()
            if snippet:
                urls.append((f"{label} {index_page.locale.language_code}", f"{index_page.url}{snippet.slug}/"))
    for code, path in (("fr", "/fr/recherche/?q=ia"), ("en", "/en/search/?q=ai")):
        urls.append((f"search {code}", path))
    return urls


def where(sql):
    """The part of a query that tells it from its neighbours."""
    position = sql.find(" WHERE ")
    return sql[position : position + 200] if position >= 0 else ""


def recorder(log):
    """An execute wrapper appending (SQL, the project line that ran it) to `log`."""
    base = str(settings.BASE_DIR) + "/"

    def wrapper(execute, sql, params, many, context):
        frames = [
            f"{frame.filename.removeprefix(base)}:{frame.lineno}"
            for frame in traceback.extract_stack()
            if frame.filename.startswith(base)
            and "/.venv/" not in frame.filename
            and "page_queries" not in frame.filename
        ]
        library = [
            f"{frame.filename.rsplit('site-packages/', 1)[-1]}:{frame.lineno}"
            for frame in traceback.extract_stack()
            if "site-packages/wagtail" in frame.filename
        ]
        log.append((sql, " ".join(frames[-1:] + library[-1:])))
        return execute(sql, params, many, context)

    return wrapper


def warm_up_url(url, urls):
    """Another page of the same language, whose chrome fills the site-wide cache."""
    prefix = "/" + url.split("/")[1] + "/"
    return next(other for other in urls if other.startswith(prefix) and other != url)


class Command(BaseCommand):
    help = "SQL queries and time of one page of each public type, with an empty cache."

    def add_arguments(self, parser):
        parser.add_argument("--verbose", action="store_true", help="list each page's queries")
        parser.add_argument("--only", default="", help="only URLs containing this text")
        parser.add_argument(
            "--sitewide-warm",
            action="store_true",
            help="fill the site-wide data (site, locales, menus...) first, by reading another page of the language",
        )

    def handle(self, *args, verbose=False, only="", sitewide_warm=False, **options):
        client = Client()
        urls = [url for _label, url in sample_urls()]
        for label, url in sample_urls():
            if only not in url:
                continue
            cache.clear()
            if sitewide_warm:
                client.get(warm_up_url(url, urls), HTTP_HOST="localhost")
            started = time.perf_counter()
            log = []
            with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(recorder(log)):
                response = client.get(url, HTTP_HOST="localhost")
            elapsed = (time.perf_counter() - started) * 1000
            self.stdout.write(f"{label:28} {len(queries):4} queries {elapsed:7.1f} ms  {response.status_code} {url}")
            if verbose:
                repeated = Counter(sql for sql, _origin in log)
                for sql, origin in log:
                    mark = f"x{repeated[sql]} " if repeated[sql] > 1 else ""
                    self.stdout.write(f"    {mark}{sql[:70]} … {where(sql)}\n        <- {origin}")
