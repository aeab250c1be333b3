"""Which responses show what changed, as cache tags (`serving.tags`): the
purge map.

`tags_for(instance)` is the one answer, for a page (published, unpublished,
moved, deleted, made private or public), a view restriction, a topic, a
person or organisation, and the rows that tie pages to topics, authors,
speakers and registrations. A response carries the tag of its page
(`page-<id>`) or snippet (`topic-<id>`, `person-<id>`), so a tag reaches every
address of it (feeds, calendars, pages of a listing, an old slug). Menus,
settings, synonyms, images and what else every page reads through the
site-wide data are purged by their own tag (`serving.registry`).

A page is shown by: itself, its translations (hreflang, language switcher),
its parent index (with the index's feeds and calendar), the home page of its
language, the pages of its topics, the pages of its people, the pages sharing
a topic with it and those pinning it (the "same subject" blocks), the sitemap,
and, when a menu links to it, every page (the `menus` tag)."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from editorial.models import PageTopic
from events.models import EventParticipation, Registration
from navigation.models import MenuItem
from people.models import Organisation, PeopleIndexPage, Person
from reports.models import ReportAuthor
from serving.registry import MENUS
from serving.tags import object_tag, page_tag, view_tag
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


def _for_topic(topic):
    """Its page and its chips on tagged pages; its tile and filter choice
    follow the `topics` tag of the site-wide data."""
    return _snippets(TopicIndexPage, Topic, [topic.pk]) | _pages(
        Page.objects.filter(page_topics__topic=topic).values_list("pk", flat=True)
    )


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


def people_leaving(page, update_fields=None):
    """The tags of the people a page is about to stop naming through a field of
    its own (a news article's author), read from the database before it saves:
    after the save, `tags_for` only finds the new ones."""
    fields = [
        field
        for field in type(page)._meta.concrete_fields
        if field.is_relation
        and field.related_model is Person
        and (update_fields is None or field.name in update_fields or field.attname in update_fields)
    ]
    if page.pk is None or not fields:
        return set()
    stored = type(page)._base_manager.filter(pk=page.pk).values(*(field.attname for field in fields)).first()
    if stored is None:
        return set()
    leaving = {stored[field.attname] for field in fields} - {getattr(page, field.attname) for field in fields}
    leaving.discard(None)
    return _people(leaving)


def _for_registration(registration):
    """The event in each language (seats left) and its index."""
    return _with_parents(
        Page.objects.filter(translation_key=Page.objects.filter(pk=registration.event_id).values("translation_key")[:1])
    )


TAG_FINDERS = [
    (Page, _for_page),
    (PageViewRestriction, lambda restriction: _for_page(restriction.page, subtree=True)),
    (Topic, _for_topic),
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
