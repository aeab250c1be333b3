"""Which responses show what changed, as cache tags (`serving.tags`), and the
signals that purge them. `tags_for(instance)` answers for a page (published,
unpublished, moved, deleted, made private or public), a view restriction, a
topic, a person or organisation, and the rows that tie pages to topics,
authors, speakers and registrations: a page is shown by its translations, its
parent, its language's home, its topics' and people's pages, the pages sharing
a topic with it or pinning it, the sitemap, and every page when a menu links
to it. What every page reads through the site-wide data (menus, settings,
images...) has its own tag (`serving.registry`); docs/caching.md has the table."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from editorial.models import PageTopic
from events.models import EventParticipation, Registration
from navigation.models import MenuItem
from people.models import Organisation, PeopleIndexPage, Person
from reports.models import ReportAuthor
from serving.registry import MENUS
from serving.tags import object_tag, page_tag, purge, view_tag
from topics.models import Topic, TopicIndexPage


def _pages(ids):
    return {page_tag(pk) for pk in ids}


def _with_parents(pages):
    """The tags of `pages` (a queryset) and of their parents (their index, its feeds)."""
    parents = {path[: -Page.steplen] for path in pages.values_list("path", flat=True)}
    return _pages(Page.objects.filter(Q(pk__in=pages.values("pk")) | Q(path__in=parents)).values_list("pk", flat=True))


def _snippets(index_model, snippet_model, ids):
    """The snippets' pages and the index listing them in their language."""
    locales = snippet_model.objects.filter(pk__in=ids).values("locale_id")
    indexes = index_model.objects.filter(locale_id__in=locales).values_list("pk", flat=True)
    return {object_tag(snippet_model, pk) for pk in ids} | _pages(indexes)


def _people(ids):
    return _snippets(PeopleIndexPage, Person, ids)


def _for_pages(pages):
    pages = list(pages)
    ids = [page.pk for page in pages]
    keys = {page.translation_key for page in pages}
    prefixes = {page.path[: -Page.steplen] for page in pages} | {page.path[: Page.steplen * 2] for page in pages}
    topic_ids = set(PageTopic.objects.filter(page_id__in=ids).values_list("topic_id", flat=True))
    shown_on = Page.objects.filter(
        Q(pk__in=ids)
        | Q(path__in=prefixes)
        | Q(translation_key__in=keys)
        | Q(page_topics__topic_id__in=topic_ids)
        | Q(related_pins__target__translation_key__in=keys)
    ).values_list("pk", flat=True)
    people = Person.objects.filter(
        Q(report_authorships__page_id__in=ids) | Q(event_participations__event_id__in=ids) | Q(news_articles__in=ids)
    ).values_list("pk", flat=True)
    in_menus = MenuItem.objects.filter(link_page__translation_key__in=keys).exists()
    return (
        _pages(set(shown_on))
        | _snippets(TopicIndexPage, Topic, topic_ids)
        | _people(set(people))
        | {view_tag("sitemap")}
        | ({MENUS} if in_menus else set())
    )


def _for_page(page, subtree=False):
    return _for_pages(Page.objects.descendant_of(page, inclusive=True) if subtree else [page])


def _for_person(person):
    return _people([person.pk]) | _with_parents(
        Page.objects.filter(
            Q(pk__in=person.report_authorships.values("page_id"))
            | Q(pk__in=person.event_participations.values("event_id"))
            | Q(pk__in=person.news_articles.values("pk"))
        )
    )


def _for_page_topic(link, removed=False):
    """The topic's page; once removed from a page, also the pages sharing the
    topic, whose "same subject" blocks showed that page through it."""
    tags = _snippets(TopicIndexPage, Topic, [link.topic_id])
    if removed:
        tags |= _pages(Page.objects.filter(page_topics__topic_id=link.topic_id).values_list("pk", flat=True))
    return tags


def _for_registration(registration):
    """The event in each language (seats left) and its index."""
    return _with_parents(
        Page.objects.filter(translation_key=Page.objects.filter(pk=registration.event_id).values("translation_key")[:1])
    )


TAG_FINDERS = [
    (Page, _for_page),
    (PageViewRestriction, lambda restriction: _for_page(restriction.page, subtree=True)),
    # Its chips, tiles and filter choices follow the `topics` tag (`serving.registry`).
    (Topic, lambda topic: _snippets(TopicIndexPage, Topic, [topic.pk])),
    (Person, _for_person),
    (Organisation, lambda organisation: set().union(*map(_for_person, organisation.people.all()))),
    (PageTopic, _for_page_topic),
    (ReportAuthor, lambda link: _people([link.person_id])),
    (EventParticipation, lambda link: _people([link.person_id])),
    (Registration, _for_registration),
]


def tags_for(instance, **options):
    """The tags of the responses showing `instance`, which has just changed."""
    for model, finder in TAG_FINDERS:
        if isinstance(instance, model):
            return finder(instance, **options)
    raise TypeError(f"no purge map for {type(instance).__name__}")


def _changed(sender, instance, **kwargs):
    purge(tags_for(instance))


def _topic_removed(sender, instance, **kwargs):
    purge(tags_for(instance, removed=True))


def _page_moved(sender, instance, **kwargs):
    # Sent before the move (old parent) and after it (new one).
    purge(tags_for(instance, subtree=True))


def _page_deleted(sender, instance, **kwargs):
    # Wagtail unpublishes a live page being deleted without sending page_unpublished.
    if instance.live:
        purge(tags_for(instance))


def connect_signals():
    for model in get_page_models():
        label = model._meta.label_lower
        page_published.connect(_changed, sender=model, dispatch_uid=f"caching_published_{label}")
        page_unpublished.connect(_changed, sender=model, dispatch_uid=f"caching_unpublished_{label}")
        pre_page_move.connect(_page_moved, sender=model, dispatch_uid=f"caching_moving_{label}")
        post_page_move.connect(_page_moved, sender=model, dispatch_uid=f"caching_moved_{label}")
    pre_delete.connect(_page_deleted, sender=Page, dispatch_uid="caching_page_deleted")
    for model in [PageViewRestriction, PageTopic, ReportAuthor, EventParticipation, Registration]:
        post_save.connect(_changed, sender=model, dispatch_uid=f"caching_saved_{model._meta.label_lower}")
        deleted = _topic_removed if model is PageTopic else _changed
        post_delete.connect(deleted, sender=model, dispatch_uid=f"caching_deleted_{model._meta.label_lower}")
    # Deleted snippets are looked up before they go: their pages still point to them.
    for model in [Topic, Person, Organisation]:
        post_save.connect(_changed, sender=model, dispatch_uid=f"caching_saved_{model._meta.label_lower}")
        pre_delete.connect(_changed, sender=model, dispatch_uid=f"caching_deleting_{model._meta.label_lower}")
