"""The PDF edition of a report, printed by WeasyPrint from the report page's own
content with a print template: a real text layer, and the title, language and
authors in the PDF's metadata (WeasyPrint reads them from <title>, <html lang>
and <meta name="author">). An editor's uploaded PDF replaces it (see
`ReportPage.pdf_route`).

WeasyPrint fetches only local files: the site's fonts and the report's images,
by path; never a URL, so rendering cannot call the site or another host."""

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

from editorial.institute import institute_name

# One family, Source Sans 3, in the site's two files (site/fonts/build.py): a
# face declared with one file only fell back to another font for the letters
# of the other ("IA"). The ranges are those of site/static/css/site.css.
FRENCH_AND_ENGLISH = (
    "U+0020-007E, U+00A0-00FF, U+0152-0153, U+02C6, U+02DA, U+02DC, U+2013-2014, U+2018-201A, "
    "U+201C-201E, U+2022, U+2026, U+2039-203A, U+2044, U+20AC, U+2122, U+2191, U+2193, U+2212"
)
LATIN_EXT = "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+1E00-1EFF, U+20A0-20AB, U+20AD-20C4"
FONTS = [
    face
    for style in ("normal", "italic")
    for face in (
        (style, f"fonts/source-sans-3-{style}.woff2", FRENCH_AND_ENGLISH),
        (style, f"fonts/source-sans-3-latin-ext-wght-{style}.woff2", LATIN_EXT),
    )
]
CACHE_SECONDS = 60 * 60 * 24 * 7


def _local_roots():
    return [Path(settings.MEDIA_ROOT).resolve(), *(Path(folder).resolve() for folder in settings.STATICFILES_DIRS)]


def _font_faces():
    """[(style, file:// URL, unicode range)] of the site's own fonts, found by the static files finders."""
    faces = []
    for style, name, unicode_range in FONTS:
        path = finders.find(name)
        if path:
            faces.append((style, Path(path).resolve().as_uri(), unicode_range))
    return faces


def file_uri_of(image, spec):
    """file:// URL of a rendition of `image`, or "" when its storage has no local path."""
    if image is None:
        return ""
    rendition = image.get_rendition(spec)
    try:
        return Path(rendition.file.path).resolve().as_uri()
    except NotImplementedError:
        return ""


def _fetcher():
    from weasyprint.urls import URLFetcher

    roots = _local_roots()

    class LocalFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = url2pathname(parts.path)
            # Body images are written as site paths (/media/...), resolved against file:///.
            if path.startswith(settings.MEDIA_URL):
                path = Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)
                url = path.resolve().as_uri()
            path = Path(path).resolve()
            if parts.scheme != "file" or not any(path.is_relative_to(root) for root in roots):
                raise ValueError(f"not fetched: {url}")
            return super().fetch(url, headers)

    return LocalFilesFetcher(allowed_protocols=["file"])


def render_report_pdf(page, request):
    """The PDF bytes of `page` (a live ReportPage), cached until it is published again."""
    version = (page.last_published_at or page.latest_revision_created_at or page.first_published_at).timestamp()
    key = f"reports:pdf:{page.pk}:{version}"
    pdf = cache.get(key)
    if pdf is None:
        from weasyprint import HTML

        context = page.get_context(request)
        context.update(
            fonts=_font_faces(),
            cover_uri=file_uri_of(page.cover_image, "width-1200"),
            page_url=request.build_absolute_uri(page.get_url(request)),
            institute=institute_name(),
        )
        html = render_to_string("reports/report_pdf.html", context, request=request)
        pdf = HTML(string=html, base_url="file:///", url_fetcher=_fetcher())
        # Tagged PDF/UA-1: language, title, headings, alt texts, table headers, reading order.
        pdf = pdf.write_pdf(pdf_variant="pdf/ua-1")
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def report_pdf_response(page, request):
    response = HttpResponse(render_report_pdf(page, request), content_type="application/pdf")
    filename = f"{slugify(page.slug) or 'report'}-{page.locale.language_code}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
