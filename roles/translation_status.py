"""Which pages need a translator: French pages without a translation, and
translations whose French source was published again after they were last
synchronised (wagtail-localize records the sync time on the TranslationSource),
and translations with strings left untranslated since the last sync."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from serving.sitewide import sitewide


def _source_published_after_sync():
    """For a TranslationSource queryset row: its page was published after the last sync."""
    return Exists(
        Page.objects.filter(
            translation_key=OuterRef("object_id"),
            locale_id=OuterRef("locale_id"),
            last_published_at__gt=OuterRef("last_updated_at"),
        )
    )


def _out_of_date_keys():
    """{(translation key, target locale id)} of every translation whose source changed since the last sync."""
    rows = Translation.objects.filter(
        enabled=True, source__in=TranslationSource.objects.filter(_source_published_after_sync())
    ).values_list("source__object_id", "target_locale_id")
    return {(str(key), locale_id) for key, locale_id in rows}


def is_out_of_date(page):
    """True when `page` is a translation whose source changed since the last sync;
    from the site-wide cache, which a publication or a sync renews."""
    return (str(page.translation_key), page.locale_id) in sitewide("translations-out-of-date", _out_of_date_keys)


def untranslated_pages(source_locale, target_locale):
    """Live pages of `source_locale` with no real translation (aliases do not count) in `target_locale`."""
    translated = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=target_locale, alias_of__isnull=True
    )
    return (
        Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .live()
        .exclude(Exists(translated))
        .order_by("-last_published_at")
    )


def out_of_date_translations(target_locale):
    """Enabled page translations into `target_locale` whose source changed since the last sync,
    annotated with `target_page_id` and `target_title`."""
    return (
        _page_translations(target_locale)
        .filter(source__in=TranslationSource.objects.filter(_source_published_after_sync()))
        .select_related("source")
    )


def _page_translations(target_locale):
    """Enabled page translations into `target_locale` that have their page,
    annotated with `target_page_id` and `target_title`, last synced first."""
    target = Page.objects.filter(translation_key=OuterRef("source__object_id"), locale=target_locale)
    return (
        Translation.objects.filter(
            enabled=True,
            target_locale=target_locale,
            source__object__content_type=ContentType.objects.get_for_model(Page),
        )
        .annotate(
            target_page_id=Subquery(target.values("pk")[:1]),
            target_title=Subquery(target.values("title")[:1]),
        )
        .filter(target_page_id__isnull=False)
        .order_by("-source__last_updated_at")
    )


def incomplete_translations(target_locale):
    """Enabled page translations into `target_locale` with strings left untranslated
    since the last sync, annotated with `untranslated` (how many), `target_page_id`
    and `target_title`."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale=target_locale
    )
    untranslated = (
        StringSegment.objects.filter(source_id=OuterRef("source_id"))
        .exclude(Exists(translated))
        .order_by()
        .values("source_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        _page_translations(target_locale)
        .annotate(untranslated=Coalesce(Subquery(untranslated[:1], output_field=IntegerField()), Value(0)))
        .filter(untranslated__gt=0)
    )


def target_locales():
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")


def previous_translations(translation):
    """The segments of `translation` left untranslated since the last sync whose
    place in the content (their context) had a translation before: the source
    text now, the source text then and what the translator wrote for it, to
    start from."""
    locale = translation.target_locale
    translated = StringTranslation.objects.filter(
        translation_of=OuterRef("string"), context=OuterRef("context"), locale=locale
    )
    untranslated = list(
        translation.source.stringsegment_set.exclude(Exists(translated)).select_related("string").order_by("order")
    )
    latest = {}
    earlier = (
        StringTranslation.objects.filter(locale=locale, context_id__in=[segment.context_id for segment in untranslated])
        .select_related("translation_of")
        .order_by("updated_at")
    )
    for string_translation in earlier:
        latest[string_translation.context_id] = string_translation
    return [
        {"source": segment.string.data, "previous_source": before.translation_of.data, "previous": before.data}
        for segment in untranslated
        if (before := latest.get(segment.context_id)) is not None
    ]
