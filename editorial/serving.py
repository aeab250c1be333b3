"""What every page type served to readers shares: resolving a URL one query
per level, and the view restrictions read from the site-wide cache."""

from django.http import Http404
from wagtail.models import PageViewRestriction

from .sitewide import view_restrictions
from .specific import specific_pages


class ServedPageMixin:
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        # The child comes as its specific page, in one query when this page allows few types (Wagtail: two).
        children = self.get_children().filter(slug=path_components[0]).select_related("locale")
        found = specific_pages(children[:1], self.specific_class.allowed_subpage_models(), for_view=True)
        if not found:
            raise Http404
        child = found[0]
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_view_restrictions(self):
        if self.alias_of_id:
            # An alias follows its source's restrictions: Wagtail's own walk.
            return super().get_view_restrictions()
        # The page's and its ancestors' restrictions, without walking the ancestors:
        # a queryset (Wagtail chains on it) already holding its result.
        restrictions = [r for r in view_restrictions() if self.path.startswith(r.page_path)]
        queryset = PageViewRestriction.objects.filter(pk__in=[r.pk for r in restrictions])
        queryset._result_cache = restrictions
        return queryset
