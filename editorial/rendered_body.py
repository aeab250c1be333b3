"""A page's body (its StreamField) rendered once per content, with its outline
and word count, kept with the site-wide data (entry `body`) across page-cache
misses, which are mostly expiries and purges of what surrounds the body. The
key carries a digest of the content; the entry's tags drop it when a link's
target or an image may have changed (docs/caching.md). Previews and private
pages are rendered every time, never kept. It is kept while the people and
pages it names are (their tags, with those of what came loaded with the page)."""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.translation import get_language

from serving.sitewide import sitewide
from serving.tags import loaded_with, shows

from .blocks import Outline, body_images, body_word_count


@dataclass
class RenderedBody:
    html: str
    outline: Outline
    words: int


def rendered_body(page, stream_value, request):
    """The body `stream_value` of `page` as HTML (`editorial/includes/body.html`),
    its outline (table of contents, anchors) and its number of words."""
    if (
        not settings.BODY_CACHE_ENABLED
        or getattr(request, "is_preview", False)
        or page.pk is None
        or page.get_view_restrictions()
    ):
        return _render(page, stream_value, request)
    content = json.dumps(list(stream_value.raw_data), sort_keys=True, default=str)

    def render():
        # The body reads what came loaded with the page (a recommendation's citation names its authors).
        shows(*loaded_with(page))
        return _render(page, stream_value, request)

    return sitewide("body", render, get_language(), page._meta.label_lower, page.pk, content)


def _render(page, stream_value, request):
    # Long publications number their figures and tables (`numbered_captions` on the page type).
    outline = Outline(stream_value, numbered=getattr(page, "numbered_captions", ()))
    # The renditions of every image the page shows, its cover's too, in one query.
    joined = (getattr(page, path.split("__")[0]) for path in getattr(page, "view_related", ()))
    shown = body_images([stream_value, *joined])
    prefetch_related_objects(shown, "renditions")
    html = render_to_string(
        "editorial/includes/body.html",
        {"body": stream_value, "outline": outline, "page": page, "request": request},
    )
    return RenderedBody(html=html, outline=outline, words=body_word_count(stream_value))
