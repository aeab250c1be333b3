"""Translating content through wagtail-localize from code (demo loader, tests),
exactly as a translator would in the editor: a translation source, one string
translation per segment, then the target saved from them."""

import json

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(instance, strings, language_code="en", user=None, publish=True):
    """Translate `instance` into `language_code` with `strings` ({source text: translation}).

    Source strings without an entry keep the source text, as wagtail-localize
    does when a translation is published before it is complete. Running it
    again updates the same translation instead of creating a new one."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "last_translated_by": user},
            )
    # Synchronised fields a translator may override (organisations' names,
    # venues): overridden, as the editor's "Override" button does.
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        text = strings.get(segment.data) if isinstance(segment.data, str) else None
        if text:
            SegmentOverride.objects.update_or_create(
                locale=locale,
                context=segment.context,
                defaults={"data_json": json.dumps(text), "last_translated_by": user},
            )
    # wagtail-localize defers publishing to transaction.on_commit, which never runs
    # inside a test transaction and, when a whole tree is translated in one
    # transaction, republishes parents with stale child counts. Publish now.
    is_page = isinstance(instance, Page)
    translation.save_target(user=user, publish=publish and not is_page)
    target = translation.get_target_instance()
    if is_page and publish:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target
