"""What every demo module shares: locales, pages created once, English versions
made through wagtail-localize (images included). The images themselves are
drawn in `demo.images`."""

import json

from wagtail.models import Locale
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from editorial.localize import translate


def french_and_english_locales():
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return french, english


def child_page(parent, model, slug, **fields):
    """The child of `parent` with `slug`, created (and published) if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def use_other_images(instance, images, language_code="en"):
    """In the `language_code` translation of `instance`, replace each image of
    `images` ({source image: image of the translation}), as a translator does
    with "Change image" in wagtail-localize's editor: an override of the image
    field or block, kept when the translation is synced again."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    replacements = {str(old.pk): new.pk for old, new in images.items()}
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        path = segment.context.path
        is_image = path == "cover_image" or path.endswith(".image")
        if is_image and str(segment.data) in replacements:
            SegmentOverride.objects.update_or_create(
                locale=locale,
                context=segment.context,
                defaults={"data_json": json.dumps(replacements[str(segment.data)])},
            )


def english_version(page, strings, images=None):
    """The English translation of `page`, made through wagtail-localize if missing,
    with `images` ({French image: English image}) replaced."""
    existing = page.get_translation_or_none(Locale.objects.get(language_code="en"))
    if existing:
        return existing.specific
    if images:
        use_other_images(page, images)
    return translate(page, strings)
