"""Index pages: filtering by plain links and pagination with page links.

The URL holds the whole state (``?theme=...&type=...&annee=...&page=2`` in French,
``?topic=...&type=...&year=...&page=2`` in English: a filter's ``param`` is a
key of ``editorial.url_words.WORDS``), so a filtered list can be shared and
works without JavaScript. Filters combine;
choosing a value keeps the others and goes back to page 1. Values are words of
the reader's language too (`?format=sommet` / `?format=summit`, through `WORDS`).
A well-formed value that lists nothing (a year without pages, a page past the
last) answers 200 with the empty list and a way back; only a malformed value
(`?annee=abc`, `?format=roman`, `?page=0`) gives a 404 (never a 500).
`Listing.query_in(language)` gives the same filters in another language, for
the language switcher. Pages past the middle of a list are read from its end
(`EitherEndPaginator`): the last page of a 50,000-article archive costs what
the first does.

Usage in an index page::

    from editorial.listing import Listing, choice_filter, topic_filter, year_filter

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = ArticlePage.objects.live().public().child_of(self)
        context["listing"] = Listing(
            request,
            pages,
            filters=[
                topic_filter(pages, self.locale_id),
                choice_filter("type", _("Type"), "article_type", ArticleType.choices, pages),
                year_filter(pages, "date"),
            ],
            per_page=12,
        )
        return context

The factories offer only the values the listed pages use (topics, years, types).
A filter of another kind is a ``LinkFilter`` of its own.
``choices`` is a list of ``(url_value, label, object)``; the filter function
receives the chosen ``object``. In the template::

    {% include "editorial/includes/filters.html" %}
    {% for item in listing.page %}...{% endfor %}
    {% include "editorial/includes/pagination.html" %}
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, Exists, OuterRef
from django.http import Http404, QueryDict
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models

from serving.sitewide import sitewide

from .models import PageTopic
from .ordering import alphabetical
from .url_words import word, words_of

PAGE_PARAM = "page"


@dataclass
class LinkFilter:
    """`load_choices()` returns [(url value, label, object passed to `apply`)]; the
    Listing calls it, or reads what it returned from the site-wide data.
    `parse(url value)` gives the object of a well-formed value that is not offered
    (it lists nothing), None for a malformed one; `value_in(object, language)` is
    the URL value in `language` (None: no such value there)."""

    param: str
    label: str
    load_choices: callable
    apply: callable
    parse: callable
    value_in: callable
    all_label: str = field(default=_("Tous"))
    choices: list = field(default=None, init=False)


def topic_filter(pages, locale_id):
    """`?theme=<topic slug>` (`?topic=` in English): the topics of `locale_id` that `pages` carry."""
    topic_model = PageTopic._meta.get_field("topic").related_model
    # A semi-join per topic: joining the links and DISTINCT sorted every link of
    # every listed page (122 ms on an index of 2,700 articles; 7 ms this way).
    carried = PageTopic.objects.filter(topic=OuterRef("pk"), page__in=pages.values("pk"))
    topics = topic_model.objects.filter(Exists(carried), locale_id=locale_id).order_by(alphabetical("name"), "pk")

    def value_in(topic, language):
        translation = topic_model.objects.filter(
            translation_key=topic.translation_key, locale__language_code=language, live=True
        ).first()
        return translation.slug if translation else None

    return LinkFilter(
        "topic",
        _("Thème"),
        lambda: [(topic.slug, topic.name, topic) for topic in topics],
        lambda queryset, topic: queryset.filter(page_topics__topic=topic),
        parse=lambda slug: topic_model.objects.filter(locale_id=locale_id, live=True, slug=slug).first(),
        value_in=value_in,
    )


def year_filter(pages, field):
    """`?annee=<year>` (`?year=`): the years of the date `field` among `pages`, newest first."""
    return LinkFilter(
        "year",
        _("Année"),
        lambda: [(day.year, str(day.year), day.year) for day in pages.dates(field, "year", order="DESC")],
        lambda queryset, year: queryset.filter(**{f"{field}__year": year}),
        parse=lambda value: int(value) if len(value) == 4 and value.isdigit() and value[0] != "0" else None,
        value_in=lambda year, _language: year,
        all_label=_("Toutes"),
    )


def choice_filter(param, label, field, choices, pages=None):
    """`?<param>=<word>` on a field with `choices` (`TextChoices.choices`), each value
    named by its word in the reader's language; given `pages`, only the values they
    use are offered."""

    def load_choices():
        # Without its ordering (pages sort by tree path), DISTINCT would keep every page.
        used = set(pages.order_by().values_list(field, flat=True).distinct()) if pages is not None else None
        return [(word(value), name, value) for value, name in choices if used is None or value in used]

    return LinkFilter(
        param,
        label,
        load_choices,
        lambda queryset, value: queryset.filter(**{field: value}),
        parse=lambda url_value: value_named(url_value, [value for value, _name in choices]),
        value_in=word,
    )


def value_named(url_value, values):
    """The one of `values` that `url_value` names in any language (links shared
    before the switch to the reader's words keep working), or None."""
    return next((value for value in values if url_value in (value, *words_of(value))), None)


def page_type_filter(pages):
    """`?type=<model name>` on a queryset of pages, each type labelled with its count (one query)."""

    def load_choices():
        choices = []
        for row in pages.order_by().values("content_type").annotate(count=Count("pk")):
            meta = ContentType.objects.get_for_id(row["content_type"]).model_class()._meta
            label = f"{capfirst(meta.verbose_name_plural)} ({row['count']})"
            choices.append((word(meta.model_name), label, row["content_type"]))
        return sorted(choices, key=lambda choice: choice[1])

    def parse(url_value):
        models = {model._meta.model_name: model for model in get_page_models()}
        name = value_named(url_value, list(models))
        return ContentType.objects.get_for_model(models[name]).pk if name else None

    return LinkFilter(
        "type",
        _("Type de contenu"),
        load_choices,
        lambda queryset, content_type: queryset.filter(content_type_id=content_type),
        parse=parse,
        value_in=lambda content_type, language: word(ContentType.objects.get_for_id(content_type).model, language),
    )


class EitherEndPaginator(Paginator):
    """Django's paginator, whose pages past the middle are read from the end of
    the list (in reverse order): the last page costs what the first does (the
    database sorts and skips at most half the list, never all of it), a deep
    `?page=` of a long archive included. `object_list` must be ordered to the
    last row (a primary key last), so that both ends agree."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if self.count - top >= bottom or not getattr(self.object_list, "ordered", False):
            return super().page(number)
        # Still a queryset in the list's own order (what callers refine: specific
        # pages, prefetches), of the rows the reversed list holds at that place.
        from_the_end = self.object_list.reverse()[self.count - top : self.count - bottom]
        return self._get_page(self.object_list.filter(pk__in=from_the_end.values("pk")), number, self)


class Listing:
    """A filtered, paginated list of `queryset` for `request`; raises Http404
    for a malformed filter value or page number."""

    def __init__(self, request, queryset, filters=(), per_page=12, cache_key=None, order=None, changes_with_time=False):
        """`cache_key` (naming the list, such as its index page) keeps the filters'
        choices and the unfiltered count with the site-wide data, which any
        publication renews: they cost a query each (DISTINCT over every listed page);
        and each page of the list rendered (`{% kept_listing %}`), for the page
        cache's timeout only when `changes_with_time` (upcoming, then past events).
        `order(queryset, count)`, when given, makes the filtered queryset the list
        to paginate (`queryset` is then left unordered); `count` is its length when
        already known (the kept count of the unfiltered list), else None."""
        self.request = request
        self.language = get_language()
        self.cache_key = cache_key
        self.changes_with_time = changes_with_time
        # The list `mark_empty_options` narrows, when the filters are first shown.
        self.empty_options_of = None
        self.params = {}
        self.filters = []
        choices, self.total_count = self._load(queryset, filters, cache_key)
        for link_filter, loaded in zip(filters, choices, strict=True):
            link_filter.choices = loaded
            value = request.GET.get(self.param_name(link_filter.param), "")
            chosen = None
            if value:
                chosen = next((choice for choice in link_filter.choices if str(choice[0]) == value), None)
                if chosen is None:
                    parsed = link_filter.parse(value)
                    if parsed is None:
                        raise Http404(f"Malformed {link_filter.param} value")
                    chosen = (value, value, parsed)
                self.params[link_filter.param] = value
                queryset = link_filter.apply(queryset, chosen[2])
            self.filters.append((link_filter, chosen))
        known_count = None if self.params else self.total_count
        self.paginator = EitherEndPaginator(order(queryset, known_count) if order else queryset, per_page)
        if known_count is not None:
            self.paginator.count = known_count
        number = request.GET.get(PAGE_PARAM) or 1
        self.past_the_end = False
        try:
            self.page = self.paginator.page(number)
        except PageNotAnInteger as error:
            raise Http404("Malformed page number") from error
        except EmptyPage as error:
            if int(number) < 1:
                raise Http404("Malformed page number") from error
            # A link made when the list was longer: an empty page saying so, not an error.
            self.page = Page(queryset.none(), int(number), self.paginator)
            self.past_the_end = True

    def _load(self, queryset, filters, cache_key):
        """([each filter's choices], the unfiltered count, or None without `cache_key`)."""
        if cache_key is None:
            return [link_filter.load_choices() for link_filter in filters], None

        def load():
            return [link_filter.load_choices() for link_filter in filters], queryset.count()

        return sitewide("listing", load, cache_key, self.language)

    def param_name(self, key):
        """The query parameter of the filter `key` in the page's language."""
        return word(key, self.language)

    def url(self, page_number=None, **changes):
        """The query string of this listing with `changes` (None removes a filter)."""
        params = {**self.params, **changes}
        query = QueryDict(mutable=True)
        for key, value in params.items():
            if value not in (None, ""):
                query[self.param_name(key)] = value
        if page_number and page_number > 1:
            query[PAGE_PARAM] = page_number
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else self.request.path

    def query_in(self, language):
        """This listing's filters as a query string (`?...` or "") in `language`'s
        words, for the link to this page in that language; a value without a
        translation (a topic not translated) is left out."""
        query = QueryDict(mutable=True)
        for link_filter, chosen in self.filters:
            if chosen is not None:
                value = link_filter.value_in(chosen[2], language)
                if value is not None:
                    query[word(link_filter.param, language)] = value
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else ""

    @property
    def last_page_url(self):
        return self.url(self.paginator.num_pages)

    @property
    def kept_key(self):
        """What names this page of the list kept rendered (`{% kept_listing %}`), None when not kept."""
        if self.cache_key is None:
            return None
        return (self.cache_key, self.language, self.url(self.page.number), self.paginator.per_page)

    @property
    def is_filtered(self):
        return bool(self.params)

    @property
    def reset_url(self):
        return self.request.path

    @cached_property
    def filter_groups(self):
        """What filters.html shows: each filter with its links."""
        groups = []
        for link_filter, chosen in self.filters:
            current = chosen[0] if chosen else None
            options = [
                {
                    "label": link_filter.all_label,
                    "url": self.url(**{link_filter.param: None}),
                    "current": current is None,
                }
            ]
            options += [
                {"label": label, "url": self.url(**{link_filter.param: value}), "current": str(value) == str(current)}
                for value, label, _obj in link_filter.choices
            ]
            groups.append({"param": self.param_name(link_filter.param), "label": link_filter.label, "options": options})
        if self.empty_options_of is not None and self.is_filtered:
            self._mark_empty(groups)
        return groups

    def _mark_empty(self, groups):
        for (link_filter, _chosen), group in zip(self.filters, groups, strict=True):
            narrowed = self.empty_options_of
            for other, chosen in self.filters:
                if other is not link_filter and chosen is not None:
                    narrowed = other.apply(narrowed, chosen[2])
            for option, (_value, _label, obj) in zip(group["options"][1:], link_filter.choices, strict=True):
                found = link_filter.apply(narrowed, obj)
                option["empty"] = not (found.exists() if hasattr(found, "exists") else found)

    @cached_property
    def page_links(self):
        return elided_page_links(self.page, self.url)

    @property
    def previous_url(self):
        return self.url(self.page.previous_page_number()) if self.page.has_previous() else None

    @property
    def next_url(self):
        return self.url(self.page.next_page_number()) if self.page.has_next() else None


def elided_page_links(page, url_for_number):
    """Links to the pages around `page` (a Paginator page) with ellipses:
    [{"number", "url", "current"}] or {"ellipsis": True}."""
    links = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == Paginator.ELLIPSIS:
            links.append({"ellipsis": True})
        else:
            links.append({"number": number, "url": url_for_number(number), "current": number == page.number})
    return links


def mark_empty_options(listing, queryset):
    """Marks `empty` the filter options that, with the other filters chosen, would list
    nothing, so that filters.html does not link them (crawlers would index empty pages).
    One query per option, on filtered listings only (unfiltered, every option lists
    something), when the filters are first shown: not at all when they are kept rendered
    (`{% kept_listing %}`)."""
    listing.empty_options_of = queryset
    return listing
