"""The people index's list: the team first (on the first page), then the
speakers and contributors page by page, read when first rendered. The index
keeps each page of it rendered (`kept_listing`) while the people it shows,
and the index's list (a person added, hidden or removed), are unchanged."""

from django.utils.functional import cached_property
from django.utils.translation import get_language

from editorial.listing import PAGE_PARAM, Listing
from editorial.ordering import alphabetical
from serving.pagecache import normalised_query
from serving.tags import list_tag, shows


class PeopleList:
    changes_with_time = False

    def __init__(self, request, index, people, per_page):
        """`people`: the people of the index's language shown in listings (a queryset)."""
        self.request, self.index, self.per_page = request, index, per_page
        self.people = people.select_related("organisation", "photo").prefetch_related("photo__renditions")
        self.people = self.people.order_by(alphabetical("name"), "pk")
        self.kept_key = (f"people-{index.pk}", get_language(), request.path, normalised_query(request.GET.urlencode()))

    @cached_property
    def listing(self):
        # A person added, hidden or removed purges the index's list: what is kept shows it.
        shows(list_tag(self.index.pk))
        # Speakers and contributors run to hundreds after a few years of events:
        # page by page, in the database.
        return Listing(self.request, self.people.filter(is_staff_member=False), per_page=self.per_page)

    @cached_property
    def staff(self):
        """The team, who lead the first page."""
        return list(self.people.filter(is_staff_member=True)) if self.listing.page.number == 1 else []

    @property
    def robots(self):
        """What `page_meta` says of a later page of a `Listing`, without reading the list."""
        number = self.request.GET.get(PAGE_PARAM, "")
        return "noindex, follow" if number.isdigit() and int(number) > 1 else ""
