"""Which URLs show what changed: the purge map.

`urls_for(instance)` is the one answer, for a page (published, unpublished,
moved, deleted, made private or public), a view restriction, a topic, a person
or organisation, a menu, a setting, and the rows that tie pages to topics,
authors, speakers and registrations. It returns absolute URLs, so that the
same list purges the page cache and a front-end cache (Varnish, through
`wagtail.contrib.frontend_cache`). Each URL stands for its path with any
query string (pages of a listing, filters).

A page is shown by: itself and its parameterless routes (feeds, calendar,
citations), its translations (hreflang, language switcher), its parent index
with the index's feeds and calendar, the home page of its language, the pages
of its topics and the topic index (counts), the pages of its people, the
pages sharing a topic with it and those pinning it (the "same subject"
blocks), the sitemap, and, when a menu links to it, every page of that
menu's language."""

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site

from editorial.models import PageTopic, SectionIndexPage
from events.models import EventParticipation, Registration
from navigation.models import Menu, MenuItem
from people.models import Organisation, PeopleIndexPage, Person
from reports.models import ReportAuthor
from topics.models import Topic, TopicIndexPage


class _UrlCache:
    """Wagtail keeps the sites' root paths on it while building many URLs."""


def _routes(page_class):
    if not issubclass(page_class, RoutablePageMixin):
        return [""]
    return [str(route.pattern) for route in page_class.get_subpage_urls() if not route.pattern.converters]


def page_urls(pages):
    """Absolute URLs of `pages` and of their parameterless routes."""
    cache = _UrlCache()
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    urls = set()
    for page in pages:
        base = page.get_full_url(cache)
        if not base:
            continue
        with translation.override(languages.get(page.locale_id)):
            urls.update(base + route for route in _routes(page.specific_class))
    return urls


def _snippet_urls(index_class, snippets):
    """The index of each snippet's language, and each snippet's page below it."""
    snippets = list(snippets)
    indexes = index_class.objects.live().public().filter(locale_id__in={s.locale_id for s in snippets})
    bases = {index.locale_id: index.get_full_url(_UrlCache()) for index in indexes}
    urls = {base for base in bases.values() if base}
    urls.update(f"{bases[s.locale_id]}{s.slug}/" for s in snippets if bases.get(s.locale_id) and s.slug)
    return urls


def _sitemap_url():
    site = Site.objects.filter(is_default_site=True).first()
    return f"{site.root_url}{reverse('sitemap')}" if site else reverse("sitemap")


def _with_parents(pages):
    pages = list(pages)
    parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > 2}
    return pages + list(Page.objects.filter(path__in=parent_paths))


def everything(locale_ids):
    """Every page of these languages: what a menu or a setting shows on."""
    pages = Page.objects.live().filter(locale_id__in=locale_ids, depth__gt=1)
    return (
        page_urls(pages)
        | _snippet_urls(TopicIndexPage, Topic.objects.filter(locale_id__in=locale_ids))
        | _snippet_urls(PeopleIndexPage, Person.objects.filter(locale_id__in=locale_ids))
    )


def _for_pages(pages):
    pages = list(pages)
    ids = [page.pk for page in pages]
    keys = {page.translation_key for page in pages}
    shown_on = _with_parents(pages)
    shown_on += Page.objects.filter(translation_key__in=keys, depth__gt=1).exclude(pk__in=ids).live()
    shown_on += Page.objects.filter(path__in={page.path[: Page.steplen * 2] for page in pages}, depth=2)
    topic_ids = set(PageTopic.objects.filter(page_id__in=ids).values_list("topic_id", flat=True))
    shown_on += (
        Page.objects.live()
        .filter(Q(page_topics__topic_id__in=topic_ids) | Q(related_pins__target__translation_key__in=keys))
        .exclude(pk__in=ids)
        .distinct()
    )
    people = Person.objects.filter(
        Q(report_authorships__page_id__in=ids) | Q(event_participations__event_id__in=ids) | Q(news_articles__in=ids)
    ).distinct()
    menu_locales = set(
        MenuItem.objects.filter(link_page__translation_key__in=keys).values_list("menu__locale_id", flat=True)
    )
    return (
        page_urls(shown_on)
        | _snippet_urls(TopicIndexPage, Topic.objects.filter(pk__in=topic_ids))
        | _snippet_urls(PeopleIndexPage, people)
        | {_sitemap_url()}
        | (everything(menu_locales) if menu_locales else set())
    )


def _for_page(page, subtree=False):
    return _for_pages(Page.objects.descendant_of(page, inclusive=True) if subtree else [page])


def _for_topic(topic):
    """Its chips on tagged pages, its tile on the home page, the topic filter of
    every index, its page and the topic index."""
    tagged = Page.objects.filter(page_topics__topic=topic).live()
    top = Page.objects.live().filter(locale_id=topic.locale_id, depth__in=(2, 3))
    shown_on = [
        *tagged,
        *(page for page in top if page.depth == 2 or issubclass(page.specific_class, SectionIndexPage)),
    ]
    return page_urls(shown_on) | _snippet_urls(TopicIndexPage, [topic])


def _for_person(person):
    pages = Page.objects.live().filter(
        Q(pk__in=person.report_authorships.values("page_id"))
        | Q(pk__in=person.event_participations.values("event_id"))
        | Q(pk__in=person.news_articles.values("pk"))
    )
    return page_urls(_with_parents(pages)) | _snippet_urls(PeopleIndexPage, [person])


def _for_page_topic(link, removed=False):
    """The topic's pages; once removed from a page, also the pages sharing the
    topic, whose "same subject" blocks showed that page through it."""
    urls = _snippet_urls(TopicIndexPage, Topic.objects.filter(pk=link.topic_id))
    if removed:
        urls |= page_urls(Page.objects.live().filter(page_topics__topic_id=link.topic_id))
    return urls


def people_leaving(page, update_fields=None):
    """The pages of the people a page is about to stop naming through a field of
    its own (a news article's author), read from the database before it saves:
    after the save, `urls_for` only finds the new ones."""
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
    return _snippet_urls(PeopleIndexPage, Person.objects.filter(pk__in=leaving)) if leaving else set()


def _for_organisation(organisation):
    urls = set()
    for person in organisation.people.all():
        urls |= _for_person(person)
    return urls


def _for_setting(setting):
    return everything(Locale.objects.values_list("pk", flat=True))


def _for_registration(registration):
    event = Page.objects.filter(pk=registration.event_id).first()
    if event is None:
        return set()
    return page_urls(_with_parents(Page.objects.filter(translation_key=event.translation_key).live()))


URL_FINDERS = [
    (Page, _for_page),
    (PageViewRestriction, lambda restriction: _for_page(restriction.page, subtree=True)),
    (Topic, _for_topic),
    (Person, _for_person),
    (Organisation, _for_organisation),
    (Menu, lambda menu: everything([menu.locale_id])),
    ((BaseSiteSetting, BaseGenericSetting), _for_setting),
    (PageTopic, _for_page_topic),
    (ReportAuthor, lambda link: _snippet_urls(PeopleIndexPage, Person.objects.filter(pk=link.person_id))),
    (EventParticipation, lambda link: _snippet_urls(PeopleIndexPage, Person.objects.filter(pk=link.person_id))),
    (Registration, _for_registration),
]


def urls_for(instance, **options):
    """The absolute URLs showing `instance`, which has just changed."""
    for model, finder in URL_FINDERS:
        if isinstance(instance, model):
            return finder(instance, **options)
    raise TypeError(f"no purge map for {type(instance).__name__}")
