"""wagtail-localize's translation editor in the translator's language.

Three things the package leaves in English or to chance:
- its comments date a translation with `strftime`, which names months in the
  server's C locale ("Traduit manuellement le 6 December 2026");
- its script writes "More actions" and "<source> to <target> translation"
  without passing them to gettext (its other words go through the JavaScript
  catalogue: overridden in `locale/fr/LC_MESSAGES/djangojs.po`);
- the slug is a text like any other, so the translated page keeps the French
  address unless the translator thinks of it: once the title is translated,
  the slug made from it is proposed."""

import json
import re
from datetime import date

from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, StringTranslation

ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ENGLISH_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(ENGLISH_MONTHS) + r") (\d{4})\b")

# The text a slug is made from, by the content path of its segment: pages' title, snippets' name.
SLUG_SOURCES = ("title", "name")


def with_localized_dates(text):
    """`text` with each date wagtail-localize wrote ("6 December 2026") in the active language."""

    def localized(match):
        day, month, year = int(match[1]), ENGLISH_MONTHS.index(match[2]) + 1, int(match[3])
        return date_format(date(year, month, day), "j F Y")

    return ENGLISH_DATE.sub(localized, text) if text else text


def editor_props(props):
    """The editor's JSON properties with the translations' comments dated in the active language."""
    data = json.loads(props)
    for string_translation in data.get("initialStringTranslations", []):
        string_translation["comment"] = with_localized_dates(string_translation.get("comment"))
    return json.dumps(data)


def english_words(translation):
    """{what the editor's script writes in English: the words to show instead}."""
    source_language = translation.source.locale.get_display_name()
    target_language = translation.target_locale.get_display_name()
    return {
        "More actions": _("Plus d'actions"),
        f"{source_language} to {target_language} translation": _("Traduction : %(source)s vers %(target)s")
        % {"source": source_language, "target": target_language},
    }


def propose_slug(translation):
    """Give `translation` the slug made from its translated title (or name)
    when its slug has no translation yet; the translator may change it.
    Returns the proposed slug, or None."""
    segments = {
        segment.context.path: segment
        for segment in StringSegment.objects.filter(
            source=translation.source, context__path__in=("slug", *SLUG_SOURCES)
        ).select_related("context", "string")
    }
    slug = segments.get("slug")
    named = next((segments[path] for path in SLUG_SOURCES if path in segments), None)
    if slug is None or named is None:
        return None
    translated = dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            has_error=False,
            context__in=[slug.context, named.context],
        ).values_list("context__path", "data")
    )
    proposal = slugify(translated.get(named.context.path, ""))
    if slug.context.path in translated or not proposal or proposal == slug.string.data:
        return None
    StringTranslation.objects.get_or_create(
        translation_of=slug.string,
        locale=translation.target_locale,
        context=slug.context,
        defaults={"data": proposal, "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE},
    )
    return proposal
