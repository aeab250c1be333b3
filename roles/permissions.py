"""Languages a user works in. Wagtail limits pages by subtree, but snippet
permissions (topics, people, organisations, menus) hold for every language;
here a user whose page permissions cover some languages only may change the
snippets of those languages only, so translators cannot touch the French ones
and editors cannot touch the English ones."""

from wagtail.models import GroupPagePermission

EDITING_PAGE_PERMISSIONS = ["add_page", "change_page"]


def editable_locale_ids(user):
    """Ids of the locales whose content `user` may change, or None for no limit
    (superusers, permissions on the root page, users without page permissions)."""
    cached = getattr(user, "_roles_editable_locale_ids", False)
    if cached is not False:
        return cached
    result = None
    if user.is_active and not user.is_superuser:
        pages = list(
            GroupPagePermission.objects.filter(
                group__user=user, permission__codename__in=EDITING_PAGE_PERMISSIONS
            ).values_list("page__depth", "page__locale_id")
        )
        if pages and all(depth > 1 for depth, _locale_id in pages):
            result = frozenset(locale_id for _depth, locale_id in pages)
    user._roles_editable_locale_ids = result
    return result


def can_change_locale(user, locale_id):
    allowed = editable_locale_ids(user)
    return allowed is None or locale_id in allowed


def may_remove_published(user, page):
    """Whether `user` may delete or unpublish `page`. Once a page or one of its
    translations is live, only a superuser may: it takes readers' links away
    in every language, and its translations go with it (Wagtail deletes them
    beside the source page), which no reviewer or translator decides alone."""
    if user.is_superuser:
        return True
    return not (page.live or page.get_translations().live().exists())
