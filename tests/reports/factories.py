"""Reports for tests: an index, reports with authors, topics, recommendations and a PDF."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.documents.models import Document

from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.pages import ReportIndexPageFactory, ReportPageFactory


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
    return ReportIndexPageFactory(parent=home, title=title, slug=slug)


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
    return ReportPageFactory(
        parent=index,
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        publication_date=date,
        body=body
        if body is not None
        else [
            ("heading", {"text": "Introduction", "level": "h2"}),
            ("paragraph", "<p>Un texte.</p>"),
            recommendations_block(recommendations),
        ],
        live=publish,
        topics=[TopicFactory()] if topics is None else topics,
        by=[PersonFactory()] if authors is None else authors,
        **fields,
    )
