from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from editorial.snippet_admin import LanguageSnippetViewSet

from .models import Topic


class TopicViewSet(LanguageSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Thèmes")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)
