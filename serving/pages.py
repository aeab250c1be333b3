"""What every page type served to readers shares: a URL resolved one query
per level, each child loaded as its specific page, and the view restrictions
read from the site-wide data."""

from django.http import Http404
from wagtail.models import PageViewRestriction

from .sitewide import view_restrictions
from .specific import specific_pages
from .wagtail_compat import set_parent


class ServedPageMixin:
    """What every page type served to readers shares: a URL resolved one query
    per level, and the view restrictions read from the site-wide data."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        # The child comes as its specific page, in one query when this page allows few types (Wagtail: two).
        children = self.get_children().filter(slug=path_components[0]).select_related("locale")
        found = specific_pages(children[:1], self.specific_class.allowed_subpage_models(), for_view=True)
        if not found:
            raise Http404
        child = found[0]
        set_parent(child, self)
        return child.route(request, path_components[1:])

    def get_view_restrictions(self):
        if self.alias_of_id:
            # An alias follows its source's restrictions: Wagtail's own walk.
            return super().get_view_restrictions()
        # The page's and its ancestors' restrictions, without walking the ancestors:
        # no query at all for a public page (an empty `pk__in`).
        ids = [r.pk for r in view_restrictions() if self.path.startswith(r.page_path)]
        return PageViewRestriction.objects.filter(pk__in=ids)
