"""Reports: structured publications with numbered recommendations, authors,
a PDF version, citation downloads and feeds."""

from .authors import ReportAuthor
from .corrections import ReportCorrection
from .index import ReportIndexPage
from .page import ReportPage, ReportType
from .series import ReportSeries

__all__ = ["ReportAuthor", "ReportCorrection", "ReportIndexPage", "ReportPage", "ReportSeries", "ReportType"]
