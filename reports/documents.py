"""Checks and facts about the PDF version of a report."""

import logging

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)

PDF_SIGNATURE = b"%PDF-"


def _read_start(document, size=1024):
    with document.open_file() as handle:
        return handle.read(size)


def pdf_error(document):
    """Why `document` cannot be a report's PDF version, or None if it can."""
    if not document.filename.lower().endswith(".pdf"):
        return _("« %(title)s » n'est pas un fichier PDF (extension .pdf attendue).") % {"title": document.title}
    try:
        start = _read_start(document)
    except OSError:
        return _("Le fichier de « %(title)s » est introuvable ; téléversez-le de nouveau.") % {"title": document.title}
    # The signature may follow a few bytes of junk, which PDF readers tolerate.
    if PDF_SIGNATURE not in start:
        return _("« %(title)s » porte l'extension .pdf mais son contenu n'est pas un PDF.") % {"title": document.title}
    return None


def pdf_accessibility_gaps(document):
    """What an uploaded PDF lacks to be read with assistive technologies, in French (empty when unreadable)."""
    try:
        with document.open_file() as handle:
            reader = PdfReader(handle)
            root = reader.trailer["/Root"]
            gaps = []
            if not (root.get("/MarkInfo") or {}).get("/Marked") or "/StructTreeRoot" not in root:
                gaps.append(_("il n'est pas balisé (structure des titres, paragraphes, listes et tableaux)"))
            if not str(root.get("/Lang") or "").strip():
                gaps.append(_("sa langue n'est pas déclarée"))
            if not (reader.metadata and (reader.metadata.title or "").strip()):
                gaps.append(_("il n'a pas de titre dans ses propriétés"))
            return gaps
    except (OSError, PdfReadError, ValueError, KeyError) as error:
        logger.warning("Cannot check the PDF of document %s: %s", document.pk, error)
        return []


def pdf_page_count(document):
    """The number of pages of a PDF document, cached per file version; None if unreadable."""
    key = f"reports:pdf-pages:{document.pk}:{document.file_hash or document.file.name}"
    pages = cache.get(key)
    if pages is None:
        try:
            with document.open_file() as handle:
                pages = len(PdfReader(handle).pages)
        except (OSError, PdfReadError, ValueError) as error:
            logger.warning("Cannot count the pages of document %s: %s", document.pk, error)
            pages = 0
        cache.set(key, pages, 60 * 60 * 24)
    return pages or None
