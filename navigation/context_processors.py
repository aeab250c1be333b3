from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from serving.pages import served_pages
from serving.sitewide import is_public, locale_for, sites, sitewide

from .models import Menu


def _localized_pages(keys, locale):
    """{translation key: live, public page of `locale`} of `keys`: home pages and
    sections from the site-wide sites, any other page in one query."""
    known = sites()
    near = {page.translation_key: page for page in [*known.homes, *known.sections] if page.locale_id == locale.pk}
    pages = {key: page for key, page in near.items() if key in keys and page.live and is_public(page)}
    if keys - near.keys():
        deeper = served_pages().filter(translation_key__in=keys - near.keys(), locale=locale).live().public()
        pages.update((page.translation_key, page) for page in deeper)
    return pages


def load_menus(language_code):
    """{slot: {links: [(label, url)], mission, footer_text}}: each item's page replaced by its
    live translation (items whose page has none are dropped), in one query."""
    locale = locale_for(language_code)
    if locale is None:
        return {}
    rows = Menu.objects.filter(locale=locale).order_by("pk", "items__sort_order", "items__pk")
    rows = list(
        rows.values_list(
            "slot", "mission", "footer_text", "items__label", "items__link_url", "items__link_page__translation_key"
        )
    )
    pages = _localized_pages({row[-1] for row in rows if row[-1]}, locale)
    menus = {}
    for slot, mission, footer_text, label, link_url, page_key in rows:
        links = menus.setdefault(slot, {"links": [], "mission": mission, "footer_text": footer_text})["links"]
        if page_key in pages:
            links.append((label, pages[page_key].url))
        elif link_url and not page_key:
            links.append((label, link_url))
    return menus


def cached_menus(language_code):
    """The menus of a language from the site-wide cache (dropped when a menu,
    or a page it may link to, is saved)."""
    return sitewide("menus", lambda: load_menus(language_code), language_code)


def navigation(request):
    # Lazy: admin views render templates too and never use the menus.
    return {"navigation": SimpleLazyObject(lambda: cached_menus(get_language()))}
