"""Pages the index may still hold but readers may not see."""

from wagtail.models import Page

from ..indexing import visible_pages


def hidden_page_ids(language):
    """Ids of the pages of `language` readers may not see (drafts, private
    pages, the language's home): the engine leaves them out of results, counts
    and facets even when the index has not caught up with a change."""
    return list(
        Page.objects.filter(locale__language_code=language)
        .exclude(pk__in=visible_pages(language).values("pk"))
        .values_list("pk", flat=True)
    )
