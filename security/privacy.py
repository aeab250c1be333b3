"""View restrictions of translated pages follow their source page: a
restriction added, changed or removed on a page of the default language is
copied to its translations, and a restriction changed on a translation directly
(by a translator, or anyone) is put back as the source has it. So an English
page is never public while its French source is private."""

import threading

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction

_syncing = threading.local()


def source_of(page):
    """The default-language page `page` translates, or None if it is one."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return None
    return Page.objects.filter(translation_key=page.translation_key, locale=default).first()


def copy_restrictions(source, translation):
    """Make `translation`'s own restrictions those of `source`."""
    PageViewRestriction.objects.filter(page=translation).delete()
    for restriction in PageViewRestriction.objects.filter(page=source).prefetch_related("groups"):
        copy = PageViewRestriction.objects.create(
            page=translation, restriction_type=restriction.restriction_type, password=restriction.password
        )
        copy.groups.set(restriction.groups.all())


def follow_source(page_id):
    """After a change to the restrictions of page `page_id`, bring it or its
    translations in line with the source page."""
    if getattr(_syncing, "active", False):
        return
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    _syncing.active = True
    try:
        source = source_of(page)
        if source is not None:
            copy_restrictions(source, page)
        else:
            for translation in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk):
                copy_restrictions(page, translation)
    finally:
        _syncing.active = False


def restriction_saved(sender, instance, **kwargs):
    follow_source(instance.page_id)


def restriction_deleted(sender, instance, origin=None, **kwargs):
    # A page being deleted takes its restrictions with it: nothing to follow.
    if isinstance(origin, PageViewRestriction) or getattr(origin, "model", None) is PageViewRestriction:
        follow_source(instance.page_id)


def restriction_groups_changed(sender, instance, action, **kwargs):
    # Groups are saved after the restriction itself (the privacy form's save_m2m).
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, PageViewRestriction):
        follow_source(instance.page_id)


def translation_created(sender, instance, created, **kwargs):
    if created and isinstance(instance, Page) and not getattr(_syncing, "active", False):
        source = source_of(instance)
        if source is not None and PageViewRestriction.objects.filter(page=source).exists():
            follow_source(instance.pk)


def connect_signals():
    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="security_restriction_saved")
    post_delete.connect(restriction_deleted, sender=PageViewRestriction, dispatch_uid="security_restriction_deleted")
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="security_restriction_groups",
    )
    post_save.connect(translation_created, dispatch_uid="security_translation_created")
