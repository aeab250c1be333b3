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

FONTS = {
    "Source Serif 4": "fonts/source-serif-4-latin-ext-wght-normal.woff2",
    "Source Sans 3": "fonts/source-sans-3-latin-ext-wght-normal.woff2",
}
CACHE_SECONDS = 60 * 60 * 24 * 7


def _local_roots():
    return [Path(settings.MEDIA_ROOT).resolve(), *(Path(folder).resolve() for folder in settings.STATICFILES_DIRS)]


def _font_faces():
    """[(family, file:// URL)] of the site's own fonts, found by the static files finders."""
    faces = []
    for family, name in FONTS.items():
        path = finders.find(name)
        if path:
            faces.append((family, Path(path).resolve().as_uri()))
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
        pdf = pdf.write_pdf()
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def report_pdf_response(page, request):
    response = HttpResponse(render_report_pdf(page, request), content_type="application/pdf")
    filename = f"{slugify(page.slug) or 'report'}-{page.locale.language_code}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
