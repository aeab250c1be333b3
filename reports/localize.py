"""Recommendations named by their number in wagtail-localize's translation editor.

wagtail-localize labels every segment of a recommendation "Recommandations",
so a translator cannot tell the second recommendation's title from the fifth's
text; here each is labelled "Recommandation 2 — titre" / "— texte", with the
number readers see."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail_localize.views import edit_translation

PARTS = {"title": gettext_lazy("titre"), "body": gettext_lazy("texte"), "audiences": gettext_lazy("destinataires")}


def recommendation_label(source_instance, content_path):
    """The label of the recommendation segment at `content_path` (body.<block>.recommendations.<item>.<part>),
    or None for any other segment."""
    parts = content_path.split(".")
    if len(parts) < 5 or parts[0] != "body" or parts[2] != "recommendations" or parts[4] not in PARTS:
        return None
    number = getattr(source_instance, "recommendation_numbers", {}).get(parts[3])
    if number is None:
        return None
    return _("Recommandation %(number)s — %(part)s") % {"number": number, "part": PARTS[parts[4]]}


def install():
    original = edit_translation.get_segment_location_info

    def location_info(source_instance, tab_helper, content_path, field_path, widget=False):
        info = original(source_instance, tab_helper, content_path, field_path, widget=widget)
        label = recommendation_label(source_instance, content_path)
        if label:
            info["subField"] = label
        return info

    edit_translation.get_segment_location_info = location_info
