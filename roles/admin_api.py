"""The admin's page API, read by the editor's page fields and by
wagtail-localize's synchronised links to show the linked page's title.
Wagtail answers only for the pages a user may explore; a translator explores
the English tree, yet a synchronised link of a translation points to a French
page until that page is translated, and its field then never stops loading.
Here a user who translates may read any one page (the API writes nothing);
listings stay as Wagtail makes them, so the explorer shows no new pages."""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page


class PagesReadableByTranslatorsViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        if self.action == "detail_view" and self.request.user.has_perm("wagtail_localize.submit_translation"):
            return Page.objects.all()
        return super().get_base_queryset()


def register(router):
    router.register_endpoint("pages", PagesReadableByTranslatorsViewSet)
