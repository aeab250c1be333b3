"""What a person did, among what readers of their language may see: reports
they wrote, sessions they spoke at or moderated, articles they signed...

Each content type declares what it lists here (editorial.content_types): this
layer knows none. Each kind is paginated in the database,
newest first, with a query parameter of its own (`?rapports=2` /
`?reports=2`), so a prolific author's page costs the same as anyone's."""

from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import get_language

from editorial.content_types import contributions
from editorial.snippet_index import live_pages_of
from editorial.url_words import word
from serving.pagecache import normalised_query

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


class PersonContributions:
    """(contribution, section) of each content type (editorial.content_types)
    the person contributed to, read when first iterated: their page keeps them
    rendered per query (`kept_listing`), and a page rendered again reads none.
    A page of a kind past the end is a 404 all the same, raised while rendering."""

    changes_with_time = False

    def __init__(self, request, person):
        self.request, self.person = request, person
        self.kept_key = (f"person-{person.pk}", get_language(), request.path, normalised_query(request.GET.urlencode()))

    @cached_property
    def sections(self):
        visible = live_pages_of(self.person.locale_id)
        return [
            (
                contribution,
                Section(self.request, contribution.key, contribution.queryset(self.person, visible), contribution.load),
            )
            for contribution in contributions()
        ]

    def __iter__(self):
        return iter(self.sections)
