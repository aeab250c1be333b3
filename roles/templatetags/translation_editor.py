from django import template

from roles.translation_status import previous_translations

register = template.Library()


@register.inclusion_tag("roles/previous_translations.html")
def previous_translation_suggestions(translation):
    """In the translation editor, the former translation of each text changed in the source."""
    return {"suggestions": previous_translations(translation), "locale": translation.target_locale}
