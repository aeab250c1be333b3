"""What goes into the engine's per-language indexes, and when.

Only what a reader of that language may open is sent: live, public pages
(people pages included) of that locale. A page is (re)sent after the
transaction that published, moved or changed the privacy of it commits, so its
inline children (topics, recommendations) are there; it is removed when it is
unpublished, deleted, moved under a private section or made private. When the
engine cannot take a change, the change is kept in PendingIndexUpdate and
`manage.py rebuild_search_index --pending` replays it: publishing never fails
because of search. The signal handlers below queue these updates as
background tasks (background.retry): the worker sends them, and tries again
later when the engine refuses one.
"""

import logging
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from background.retry import retried
from people.models import PeopleIndexPage, Person
from serving.sitewide import locale_for

from .breaker import describe
from .documents import page_doc_id, page_document, page_documents, person_doc_id, person_document
from .models import PendingIndexUpdate
from .vocabulary import synonym_rules

logger = logging.getLogger(__name__)


# Keyed on the configuration, so that the engine follows it when it is changed
# at run time (override_settings in benchmarks' search_benchmark and the tests).
@lru_cache(maxsize=1)
def _engine(_config_key):
    if "engine" not in settings.WAGTAILSEARCH_BACKENDS:
        return None
    return get_search_backend("engine")


def get_engine():
    """The configured engine backend (search.backends), or None without SEARCH_URL."""
    config = settings.WAGTAILSEARCH_BACKENDS.get("engine")
    return _engine(repr(sorted(config.items())) if config else None)


def languages():
    return [code for code, _name in settings.LANGUAGES]


# Documents ---------------------------------------------------------------------


# Depth 2 holds the home page of each language, the way into the site rather than a result.
HOME_DEPTH = 2


def visible_condition():
    """What makes a page one readers may open and search returns: live, public, below the home page.
    The view restrictions are read from the database, not from the site-wide data: indexing runs in
    the signal handlers of an editor's change, before the site-wide restrictions are purged."""
    pages = Page.objects.all()
    return pages.live_q() & ~pages.private_q() & Q(depth__gt=HOME_DEPTH)


def visible_pages(language):
    """Pages of `language` readers may open and search returns."""
    return Page.objects.filter(visible_condition(), locale__language_code=language)


def people_with_page(language):
    """People of `language` whose page readers can open (the people index page
    of that language is live and public)."""
    locale = locale_for(language)
    if locale is None or not PeopleIndexPage.url_for_locale(locale.pk):
        return Person.objects.none()
    return Person.objects.filter(locale_id=locale.pk, live=True).select_related("organisation", "locale")


# Keeping the index in step ----------------------------------------------------------


_known_indexes = set()


def ensure_index(engine, language):
    """Create the index of `language` on first use (never let the engine create
    one with default analysis by writing to a missing index)."""
    key = (id(engine), engine.index_name(language))
    if key in _known_indexes:
        return
    if not engine.index_exists(language):
        engine.create_index(language, synonym_rules(language))
    _known_indexes.add(key)


def _sync(kind, object_id, language, send):
    """Run `send(engine)`, which makes the engine agree with the database about
    one object. True when done (or without an engine); when the engine fails,
    the change is kept in PendingIndexUpdate for replay_pending()."""
    engine = get_engine()
    if engine is None:
        return True
    try:
        send(engine)
    except Exception as error:  # noqa: BLE001 - whatever the engine's failure, the save goes on and the change waits
        logger.warning(
            "Search engine did not take the change of %s %s (%s); kept for later", kind, object_id, describe(error)
        )
        PendingIndexUpdate.objects.update_or_create(
            kind=kind, object_id=str(object_id), defaults={"language": language}
        )
        return False
    PendingIndexUpdate.objects.filter(kind=kind, object_id=str(object_id)).delete()
    return True


def sync_page(page_id):
    page = Page.objects.filter(pk=page_id).select_related("locale").first()

    def send(engine):
        if page is None:
            for language in languages():
                if engine.index_exists(language):
                    engine.delete_document(language, page_doc_id(page_id), refresh=settings.SEARCH_REFRESH_ON_WRITE)
            return
        language = page.locale.language_code
        ensure_index(engine, language)
        if visible_pages(language).filter(pk=page_id).exists():
            engine.put_document(
                language, page_doc_id(page_id), page_document(page.specific), refresh=settings.SEARCH_REFRESH_ON_WRITE
            )
        else:
            engine.delete_document(language, page_doc_id(page_id), refresh=settings.SEARCH_REFRESH_ON_WRITE)

    return _sync(PendingIndexUpdate.Kind.PAGE, page_id, "", send)


def sync_person(person_id, language):
    def send(engine):
        ensure_index(engine, language)
        person = people_with_page(language).filter(pk=person_id).first()
        if person is None:
            engine.delete_document(language, person_doc_id(person_id), refresh=settings.SEARCH_REFRESH_ON_WRITE)
        else:
            engine.put_document(
                language, person_doc_id(person_id), person_document(person), refresh=settings.SEARCH_REFRESH_ON_WRITE
            )

    return _sync(PendingIndexUpdate.Kind.PERSON, person_id, language, send)


def sync_synonyms(language):
    def send(engine):
        if engine.index_exists(language):
            engine.update_synonyms(language, synonym_rules(language))
        else:
            ensure_index(engine, language)

    return _sync(PendingIndexUpdate.Kind.SYNONYMS, language, language, send)


REPLAY = {
    PendingIndexUpdate.Kind.PAGE: lambda update: sync_page(int(update.object_id)),
    PendingIndexUpdate.Kind.PERSON: lambda update: sync_person(int(update.object_id), update.language),
    PendingIndexUpdate.Kind.SYNONYMS: lambda update: sync_synonyms(update.language),
}


def replay_pending():
    """Replay the changes the engine missed. Returns (done, still pending)."""
    done = sum(REPLAY[update.kind](update) for update in PendingIndexUpdate.objects.order_by("created_at"))
    return done, PendingIndexUpdate.objects.count()


class EngineRefused(Exception):
    """The engine did not take a change (kept in PendingIndexUpdate): the task fails, to be tried again."""


REPLAY_QUEUED = "search:replay-queued"


def _sent(synced, what):
    if not synced:
        raise EngineRefused(what)
    # The engine takes changes again: replay those it missed, once for a burst of updates.
    if PendingIndexUpdate.objects.exists() and cache.add(REPLAY_QUEUED, True, timeout=60):
        replay_pending_task.enqueue()


@retried(_("Mise à jour de la recherche : page"))
def sync_page_task(page_id):
    _sent(sync_page(page_id), f"page {page_id}")


@retried(_("Mise à jour de la recherche : personne"))
def sync_person_task(person_id, language):
    _sent(sync_person(person_id, language), f"person {person_id}")


@retried(_("Mise à jour de la recherche : synonymes"))
def sync_synonyms_task(language):
    _sent(sync_synonyms(language), f"synonyms {language}")


@retried(_("Rattrapage des mises à jour de la recherche"))
def replay_pending_task():
    done, left = replay_pending()
    if left:
        raise EngineRefused(f"{left} change(s) still pending")
    return done


# Pages and people per bulk request: documents of a few KB each, so a few MB a request.
REBUILD_BATCH = 500


def rebuild(language, progress=None):
    """Recreate the index of `language` from the database; `progress(done, total)`.
    A new index is filled, without refreshing, while readers still search the
    old one; it takes the old one's place at the end (search.backends)."""
    engine = get_engine()
    new_index = engine.create_index(language, synonym_rules(language), refreshing=False, aliased=False)
    page_ids = list(visible_pages(language).order_by("pk").values_list("pk", flat=True))
    people = list(people_with_page(language).order_by("pk"))
    total = len(page_ids) + len(people)
    done = 0

    def send(documents):
        nonlocal done
        engine.bulk_put(language, documents, index=new_index)
        done += len(documents)
        if progress:
            progress(done, total)

    for start in range(0, len(page_ids), REBUILD_BATCH):
        send(page_documents(page_ids[start : start + REBUILD_BATCH]))
    for start in range(0, len(people), REBUILD_BATCH):
        send([(person_doc_id(person.pk), person_document(person)) for person in people[start : start + REBUILD_BATCH]])
    engine.swap_in(language, new_index)
    _known_indexes.add((id(engine), engine.index_name(language)))
    PendingIndexUpdate.objects.filter(language=language).delete()
    PendingIndexUpdate.objects.filter(kind=PendingIndexUpdate.Kind.PAGE, object_id__in=map(str, page_ids)).delete()
    return done


# Signal handlers (connected in SearchConfig.ready) ---------------------------------


def _after_commit(task, *args):
    if get_engine() is not None:
        transaction.on_commit(lambda: task.enqueue(*args))


def _with_descendants(page):
    return list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def _sync_people_of(page):
    """People pages live under the people index page: they follow it."""
    if get_engine() is not None and isinstance(page, PeopleIndexPage):
        language = page.locale.language_code
        for person_id in Person.objects.filter(locale_id=page.locale_id).values_list("pk", flat=True):
            _after_commit(sync_person_task, person_id, language)


def on_page_published(sender, instance, **kwargs):
    _after_commit(sync_page_task, instance.pk)
    _sync_people_of(instance)


def on_page_unpublished(sender, instance, **kwargs):
    _after_commit(sync_page_task, instance.pk)
    _sync_people_of(instance)


def on_page_deleted(sender, instance, **kwargs):
    _after_commit(sync_page_task, instance.pk)


def on_page_moved(sender, instance, **kwargs):
    if get_engine() is not None:
        for pk in _with_descendants(instance):
            _after_commit(sync_page_task, pk)


def on_restriction_changed(sender, instance, **kwargs):
    if get_engine() is None:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        for pk in _with_descendants(page):
            _after_commit(sync_page_task, pk)


def on_person_changed(sender, instance, **kwargs):
    if getattr(instance, "locale_id", None):
        _after_commit(sync_person_task, instance.pk, instance.locale.language_code)


def on_synonym_changed(sender, instance, **kwargs):
    _after_commit(sync_synonyms_task, instance.locale.language_code)
