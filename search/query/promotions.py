"""Editors' picks for a query (Wagtail's search promotions)."""

import unicodedata
from dataclasses import replace

from django.utils.html import escape
from django.utils.translation import gettext as _
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from serving.sitewide import sitewide

from ..indexing import visible_pages
from ..models import ExternalPromotion
from .results import Hit, page_hit


def folded(text):
    """`text` as Wagtail normalises queries, without accents: "Littératie" and "litteratie" are one query."""
    decomposed = unicodedata.normalize("NFKD", normalise_query_string(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def promoted_pages():
    return list(SearchPromotion.objects.filter(page__isnull=False).select_related("query").order_by("sort_order"))


def external_links(language):
    return list(ExternalPromotion.objects.filter(locale__language_code=language))


def promotions(text, language):
    """[Hit] picked for `text`: Wagtail's promoted pages checked to be visible to
    readers of `language`, then the external links made for `language`."""
    wanted = folded(text)
    # Editors type a query once, with or without accents: compare the folded forms.
    # Promoted queries are few (Wagtail's table holds every searched query, not
    # only promoted ones), so the folding is done here rather than in SQL, on
    # lists kept with the site-wide data (an editor's change renews them).
    picks = [
        pick for pick in sitewide("search-promotions", promoted_pages) if folded(pick.query.query_string) == wanted
    ]
    links = [
        link
        for link in sitewide("search-external-promotions", lambda: external_links(language), language)
        if folded(link.query) == wanted
    ]
    specific = {}
    if picks:
        visible = visible_pages(language).filter(pk__in=[pick.page_id for pick in picks])
        specific = {page.pk: page for page in Page.objects.filter(pk__in=visible.values("pk")).specific()}
    hits = []
    for pick in picks:
        if pick.page_id in specific:
            hit = page_hit(specific[pick.page_id])
            hits.append(replace(hit, excerpt=escape(pick.description)) if pick.description else hit)
    for link in links:
        hits.append(
            Hit(
                title=link.text,
                type_key="external",
                type_label=_("Lien externe"),
                date=None,
                excerpt=escape(link.description),
                url=link.url,
            )
        )
    return hits
