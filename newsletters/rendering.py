"""The newsletter and alert e-mails: an HTML part built with tables and inline
styles (what mail clients render alike), a plain-text part, no tracking pixel
and no remote image needed to read them. The unsubscribe link is left as a
placeholder, filled in per subscriber (`delivery.bulk_message`)."""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from navigation.models import InstituteSettings


def absolute(base_url, url):
    return url if url.startswith(("http://", "https://")) else base_url.rstrip("/") + url


def email_item(page, base_url):
    """What an e-mail shows of a page: its type, title, date, summary, cover and link."""
    image = None
    if page.cover_image_id:
        rendition = page.cover_image.get_rendition("fill-560x280")
        image = {"url": absolute(base_url, rendition.url), "alt": page.cover_alt, "width": 560, "height": 280}
    date = page.listing_date
    return {
        "type": page.type_label,
        "title": page.title,
        "url": absolute(base_url, page.get_url()),
        "date": date_format(date, "DATE_FORMAT") if date else "",
        "summary": page.summary,
        "image": image,
    }


def institute_name(language):
    site = Site.objects.filter(is_default_site=True).first()
    return InstituteSettings.for_site(site).name_in(language) if site else settings.WAGTAIL_SITE_NAME


def render_email(template, context, language, base_url):
    """(text, html) of `newsletters/email/<template>.txt|.html` in `language`."""
    with translation.override(language):
        context = {
            **context,
            "institute_name": institute_name(language),
            "site_url": absolute(base_url, f"/{language}/"),
            "unsubscribe_url": "{{ unsubscribe_url }}",
            "language": language,
        }
        text = render_to_string(f"newsletters/email/{template}.txt", context)
        html = render_to_string(f"newsletters/email/{template}.html", context)
    return text, html


def absolute_links(html, base_url):
    """`html` with each address of the site (`href="/…"`) made absolute: a mail client has no site to resolve it against."""
    return re.sub(r'\b(href|src)="/(?!/)', lambda found: f'{found[1]}="{base_url.rstrip("/")}/', html)


def render_issue(issue, base_url):
    """(subject, text, html) of a newsletter issue, in its language."""
    language = issue.locale.language_code
    with translation.override(language):
        items = [email_item(page, base_url) for page in issue.item_pages()]
        # The editor's rich text, its links to pages and documents expanded.
        intro = mark_safe(absolute_links(expand_db_html(issue.intro), base_url))  # noqa: S308 - the editors' rich text, as Wagtail renders it
    text, html = render_email("issue", {"issue": issue, "intro": intro, "items": items}, language, base_url)
    return issue.subject, text, html
