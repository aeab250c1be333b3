from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from serving.pages import served_pages
from serving.sitewide import locale_for, sitewide

from .models import Menu, MenuItem


def localized_links(items, pages):
    """(label, url) for each menu item, its page replaced by its live translation
    (`pages`: {translation key: page}); items whose page has none are dropped."""
    links = []
    for item in items:
        if item.link_page_id:
            page = pages.get(item.link_page.translation_key)
            if page is not None:
                links.append((item.label, page.url))
        elif item.link_url:
            links.append((item.label, item.link_url))
    return links


def load_menus(language_code):
    locale = locale_for(language_code)
    if locale is None:
        return {}
    menus = list(
        Menu.objects.filter(locale=locale).prefetch_related(
            Prefetch("items", MenuItem.objects.select_related("link_page"))
        )
    )
    keys = {item.link_page.translation_key for menu in menus for item in menu.items.all() if item.link_page_id}
    pages = {
        page.translation_key: page
        for page in served_pages().filter(translation_key__in=keys, locale=locale).live().public()
    }
    return {
        menu.slot: {"links": localized_links(menu.items.all(), pages), "footer_text": menu.footer_text}
        for menu in menus
    }


def cached_menus(language_code):
    """The menus of a language from the site-wide cache (dropped when a menu,
    or a page it may link to, is saved)."""
    return sitewide("menus", lambda: load_menus(language_code), language_code)


def navigation(request):
    # Lazy: admin views render templates too and never use the menus.
    return {"navigation": SimpleLazyObject(lambda: cached_menus(get_language()))}
