"""Template helpers for editorial pages: heading anchors, absolute URLs for
social previews and feeds, JSON-LD."""

import dataclasses
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from editorial import url_words
from serving.sitewide import kept_rendering, sitewide
from serving.tags import page_tag, shows

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


@register.simple_tag(takes_context=True)
def card(context, item, heading="h3", loading="lazy", brief=False, summary=True):
    """The card of `item`: a page, a topic, a person, anything with `card_meta(request)`,
    drawn by `editorial/includes/card.html`. `brief` draws a page of any type from
    what every page has (type, title, date, summary), for lists mixing types whose
    details are not prefetched; `summary=False` leaves the summary out.

    The HTML is kept in the cache under a digest of what the card shows: the
    template, its dates and its cover's four renditions took half of an uncached
    list page (docs/scale.md). What a card shows is its key, so no change
    needs to drop it; an image's does (the `media` tag)."""
    request = context.get("request")
    meta = item.brief_card_meta(request) if brief else item.card_meta(request)
    if not summary:
        meta = dataclasses.replace(meta, summary="")
    shown = json.dumps([_plain(meta), heading, loading], ensure_ascii=False)
    return sitewide(
        "card",
        lambda: render_to_string(
            "editorial/includes/card.html", {"card": meta, "heading": heading, "loading": loading}
        ),
        get_language(),
        shown,
    )


def _plain(value):
    """`value` (a card, its badges, dates, lazy texts, images) as JSON values: images by id."""
    if isinstance(value, list | tuple):
        return [_plain(part) for part in value]
    if dataclasses.is_dataclass(value):
        return [_plain(getattr(value, field.name)) for field in dataclasses.fields(value)]
    if isinstance(value, Model):
        return value.pk
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


@register.simple_tag
def url_word(key, language=None):
    """A URL word (segment, parameter, anchor) in `language`, default the active one."""
    return url_words.word(key, language)


@register.tag
def kept_listing(parser, token):
    """`{% kept_listing listing %}…{% endkept_listing %}`: what it encloses (a
    page of the list's cards) kept rendered per page and filters, while the
    pages and snippets it shows are unchanged (`listing-page`). `listing` has
    a `kept_key` (None: not kept) and `changes_with_time`: a `Listing`, a
    person's contributions, the people index's list. The queries of the
    page's cards run inside it: an index rendered again (its cache entry
    expired, the menus changed) reads the cards instead of building its pages."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("kept_listing takes one argument: the listing")
    nodelist = parser.parse(("endkept_listing",))
    parser.delete_first_token()
    return KeptListingNode(parser.compile_filter(bits[1]), nodelist)


class KeptListingNode(template.Node):
    def __init__(self, listing, nodelist):
        self.listing = listing
        self.nodelist = nodelist

    def render(self, context):
        listing = self.listing.resolve(context)
        if listing.kept_key is None:
            return self.nodelist.render(context)
        return kept_rendering(
            "listing-page",
            lambda: self.nodelist.render(context),
            context.get("request"),
            repr(listing.kept_key),
            changes_with_time=listing.changes_with_time,
        )


@register.tag
def kept_blank_form(parser, token):
    """`{% kept_blank_form form page %}…{% endkept_blank_form %}`: what it
    encloses (a public form's fields, `{% csrf_token %}` left outside) kept
    rendered per page and language while the page is unchanged (`blank-form`),
    when the form is blank: the same for every reader. A form sent back with
    its errors and what was typed is rendered each time, as is the form of a
    private page or a preview."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("kept_blank_form takes two arguments: the form and its page")
    nodelist = parser.parse(("endkept_blank_form",))
    parser.delete_first_token()
    return KeptBlankFormNode(parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), nodelist)


class KeptBlankFormNode(template.Node):
    def __init__(self, form, page, nodelist):
        self.form = form
        self.page = page
        self.nodelist = nodelist

    def render(self, context):
        page = self.page.resolve(context)
        if self.form.resolve(context).is_bound or page.get_view_restrictions():
            return self.nodelist.render(context)

        def render():
            # Its fields are the page's: a new revision published changes them.
            shows(page_tag(page.pk))
            return self.nodelist.render(context)

        return kept_rendering("blank-form", render, context.get("request"), get_language(), page.pk)
