from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from .models import Menu


def localized_links(items, locale):
    """(label, url) for each menu item, its page replaced by the live translation
    in `locale` (one query for all items); items whose page has none are dropped."""
    keys = {item.link_page.translation_key for item in items if item.link_page_id}
    pages = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale=locale).live().public()
    }
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
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        return {}
    menus = Menu.objects.filter(locale=locale).prefetch_related("items__link_page")
    return {
        menu.slot: {
            "links": localized_links(list(menu.items.all()), locale),
            "footer_text": menu.footer_text,
        }
        for menu in menus
    }


def navigation(request):
    # Lazy: admin views render templates too and never use the menus.
    return {"navigation": SimpleLazyObject(lambda: load_menus(get_language()))}
