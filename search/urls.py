from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

# Mounted at /api/search/ (config/urls.py).
urlpatterns = [
    path("", views.api_search, name="search_api"),
    path("suggest/", views.api_suggest, name="search_suggest"),
]

# The search page, under i18n_patterns: /fr/recherche/, /en/search/.
page_urlpatterns = [path(_("recherche/"), views.search_page, name="search")]
