from django import template

from roles.translation_editor import editor_props, english_words
from roles.translation_status import previous_translations

register = template.Library()


@register.inclusion_tag("roles/previous_translations.html")
def previous_translation_suggestions(translation):
    """In the translation editor, the former translation of each text changed in the source."""
    return {"suggestions": previous_translations(translation), "locale": translation.target_locale}


@register.filter
def with_localized_dates(props):
    """The editor's properties, its comments dated in the translator's language."""
    return editor_props(props)


@register.simple_tag
def editor_english_words(translation):
    return english_words(translation)


@register.inclusion_tag("roles/translation_progress.html")
def translation_progress(translation):
    """How many of the texts to translate are translated: the whole page's, across its tabs."""
    total, translated = translation.get_progress()
    return {"total": total, "translated": translated}
