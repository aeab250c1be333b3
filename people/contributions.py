"""What a person did, among what readers of their language may see: reports
they wrote, sessions they spoke at or moderated, articles they signed.

Read through the reverse relations the content apps declare towards `Person`
(this layer knows no content type). Each kind is paginated in the database,
newest first, with a query parameter of its own (`?rapports=2` /
`?reports=2`), so a prolific author's page costs the same as anyone's."""

from django.http import Http404
from wagtail.fields import StreamField

from editorial.related import newest_first_in_database
from editorial.snippet_index import live_pages_of
from editorial.url_words import word
from serving.specific import specific_pages

PER_KIND = 10


class Section:
    """One kind of contribution: the items of the page asked for, and links to
    the pages before and after it. Reads one row past the page to know whether
    another follows, so each kind costs one query and no count."""

    def __init__(self, request, key, queryset, load=list):
        self.request = request
        self.param = word(key)
        value = request.GET.get(self.param) or "1"
        if not value.isdigit() or int(value) < 1:
            raise Http404(f"No such {key} page")
        self.number = int(value)
        start = (self.number - 1) * PER_KIND
        rows = load(queryset[start : start + PER_KIND + 1])
        if self.number > 1 and not rows:
            raise Http404(f"No such {key} page")
        self.has_next = len(rows) > PER_KIND
        self.items = rows[:PER_KIND]

    def __bool__(self):
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)

    def _url(self, number):
        query = self.request.GET.copy()
        query.pop(self.param, None)
        if number > 1:
            query[self.param] = number
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else self.request.path

    @property
    def previous_url(self):
        return self._url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self):
        return self._url(self.number + 1) if self.has_next else None


def person_contributions(request, person):
    visible = live_pages_of(person.locale_id)
    report_model = person.report_authorships.model._meta.get_field("page").related_model
    reports = newest_first_in_database(visible.filter(pk__in=person.report_authorships.values("page_id")))
    articles = newest_first_in_database(visible.filter(pk__in=person.news_articles.values("pk")))
    event_model = person.event_participations.model._meta.get_field("event").related_model
    sessions = (
        person.event_participations.filter(event__in=visible.values("pk"))
        .select_related("event")
        .defer(
            *(f"event__{field.name}" for field in event_model._meta.concrete_fields if isinstance(field, StreamField))
        )
        .order_by("-starts_at", "sort_order", "pk")
    )
    return {
        "reports": Section(
            request,
            "reports",
            reports,
            lambda rows: specific_pages(rows, [report_model], defer_streamfields=True),
        ),
        "sessions": Section(request, "sessions", sessions),
        "articles": Section(
            request,
            "articles",
            articles,
            lambda rows: specific_pages(rows, [person.news_articles.model], defer_streamfields=True),
        ),
    }
