from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from editorial.snippet_admin import LanguageSnippetViewSet

from .models import Organisation, Person


class PersonViewSet(LanguageSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personnes")
    list_display = ["name", "role", "organisation", "is_staff_member", "locale"]
    list_filter = ["is_staff_member", "show_in_listings"]
    search_fields = ["name", "role"]


class OrganisationViewSet(LanguageSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "website", "locale"]
    search_fields = ["name", "acronym"]


class PeopleGroup(SnippetViewSetGroup):
    items = (PersonViewSet, OrganisationViewSet)
    menu_icon = "user"
    menu_label = _("Personnes et organisations")
    menu_order = 200


register_snippet(PeopleGroup)
