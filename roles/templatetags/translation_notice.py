from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from roles.translation_status import is_out_of_date

register = template.Library()


@register.inclusion_tag("roles/translation_notice.html", takes_context=True)
def translation_notice(context):
    """Tells readers of a translation that its source changed since it was last synchronised."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or get_language() == settings.LANGUAGE_CODE:
        return {"show": False}
    if not is_out_of_date(page):
        return {"show": False}
    alternates = dict(context.get("lang", {}).get("alternates", []))
    return {"show": True, "original_url": alternates.get(settings.LANGUAGE_CODE)}
