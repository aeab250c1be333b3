from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from editorial.snippet_admin import LanguageChooserViewSet, LanguageSnippetViewSet

from .admin_forms import OrganisationCreationForm, PersonCreationForm
from .models import Organisation, Person


class PersonChooserViewSet(LanguageChooserViewSet):
    creation_form_class = PersonCreationForm
    create_action_label = _("Créer la personne")
    creation_tab_label = _("Nouvelle personne")


class OrganisationChooserViewSet(LanguageChooserViewSet):
    creation_form_class = OrganisationCreationForm
    create_action_label = _("Créer l'organisation")
    creation_tab_label = _("Nouvelle organisation")


class PersonViewSet(LanguageSnippetViewSet):
    model = Person
    chooser_viewset_class = PersonChooserViewSet
    icon = "user"
    menu_label = _("Personnes")
    list_display = ["name", "role", "organisation", "is_staff_member", "locale"]
    list_filter = ["is_staff_member", "show_in_listings"]
    search_fields = ["name", "role"]


class OrganisationViewSet(LanguageSnippetViewSet):
    model = Organisation
    chooser_viewset_class = OrganisationChooserViewSet
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
