"""Reports for tests: an index, reports with authors, topics, recommendations and a PDF."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from editorial.models import PageTopic
from reports.models import ReportAuthor, ReportIndexPage, ReportPage
from tests.factories import PersonFactory, TopicFactory


def pdf_bytes(pages=2):
    images = [PILImage.new("RGB", (200, 280), "#ffffff") for _ in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def document(title="Rapport (PDF)", content=None, filename="rapport.pdf"):
    doc = Document(title=title)
    doc.file.save(filename, ContentFile(pdf_bytes() if content is None else content), save=False)
    doc.save()
    return doc


def report_index(home, title="Rapports", slug="rapports"):
    index = ReportIndexPage(title=title, slug=slug, locale=home.locale)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def recommendations_block(count, start=1, audiences=("government",)):
    return (
        "recommendations",
        {
            "title": "Nos recommandations",
            "recommendations": [
                {
                    "title": f"Recommandation numéro {number}",
                    "body": f"<p>Texte de la recommandation {number}.</p>",
                    "audiences": list(audiences),
                }
                for number in range(start, start + count)
            ],
        },
    )


def report(
    index,
    title="Un rapport",
    topics=None,
    authors=None,
    recommendations=2,
    date=datetime.date(2025, 10, 23),
    publish=True,
    body=None,
    **fields,
):
    """A report under `index`; `topics` and `authors` default to one new each."""
    topics = [TopicFactory()] if topics is None else topics
    authors = [PersonFactory()] if authors is None else authors
    page = ReportPage(
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        locale=index.locale,
        publication_date=date,
        summary=fields.pop("summary", f"Résumé de {title}."),
        body=body
        if body is not None
        else [
            ("heading", {"text": "Introduction", "level": "h2"}),
            ("paragraph", "<p>Un texte.</p>"),
            recommendations_block(recommendations),
        ],
        live=publish,
        **fields,
    )
    # Editors order inlines in the admin; set the order explicitly as the formset would.
    page.page_topics = [PageTopic(topic=t, locale=index.locale, sort_order=i) for i, t in enumerate(topics)]
    page.authors = [ReportAuthor(person=p, locale=index.locale, sort_order=i) for i, p in enumerate(authors)]
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    return page
