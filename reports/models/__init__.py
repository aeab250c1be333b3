"""Reports: structured publications with numbered recommendations, authors,
a PDF version, citation downloads and feeds."""

from .authors import ReportAuthor
from .corrections import ReportCorrection
from .index import ReportIndexPage
from .page import ReportPage, ReportType

__all__ = ["ReportAuthor", "ReportCorrection", "ReportIndexPage", "ReportPage", "ReportType"]
