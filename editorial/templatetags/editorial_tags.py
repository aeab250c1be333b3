"""Template helpers for editorial pages: heading anchors, absolute URLs for
social previews and feeds, JSON-LD."""

import dataclasses
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from editorial import url_words

register = template.Library()

# Same escaping as django.utils.html.json_script: the JSON cannot close the <script>.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def anchor_for(outline, block_id):
    """The anchor of a heading block, from `editorial.blocks.Outline`."""
    return outline.anchor_for(block_id) if outline else ""


@register.filter
def caption_number(outline, block_id):
    """The number of a figure's or table's caption, from `editorial.blocks.Outline` (None if unnumbered)."""
    return outline.number_for(block_id) if outline is not None else None


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` (a path or a full URL) as an absolute URL of the current request."""
    if not url:
        return ""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag
def jsonld(data):
    """A JSON-LD <script> for `data` (a dict); nothing when empty."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - <, > and & are \u escapes: the text cannot end the script element


@register.inclusion_tag("editorial/includes/card.html", takes_context=True)
def card(context, item, heading="h3", loading="lazy", brief=False, summary=True):
    """The card of `item`: a page, a topic, a person, anything with `card_meta(request)`.
    `brief` draws a page of any type from what every page has (type, title,
    date, summary), for lists mixing types whose details are not prefetched;
    `summary=False` leaves the summary out."""
    request = context.get("request")
    meta = item.brief_card_meta(request) if brief else item.card_meta(request)
    if not summary:
        meta = dataclasses.replace(meta, summary="")
    return {"card": meta, "heading": heading, "loading": loading}


@register.simple_tag
def url_word(key, language=None):
    """A URL word (segment, parameter, anchor) in `language`, default the active one."""
    return url_words.word(key, language)
