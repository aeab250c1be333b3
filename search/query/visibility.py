"""Pages the index may still hold but readers may not see."""

from wagtail.models import Page

from ..indexing import visible_condition


def hidden_page_ids(language):
    """Ids of the pages of `language` readers may not see (drafts, private
    pages, the language's home): the engine leaves them out of results, counts
    and facets even when the index has not caught up with a change."""
    # The visible pages' condition negated, not "not among the visible pages",
    # which read every page of the language: 9 ms a search at 10,000 pages.
    return list(
        Page.objects.filter(locale__language_code=language).exclude(visible_condition()).values_list("pk", flat=True)
    )
