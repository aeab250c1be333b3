"""Reports: structured publications with numbered recommendations, authors,
a PDF version, citation downloads and feeds."""

from .authors import ReportAuthor
from .index import ReportIndexPage
from .page import ReportPage, ReportType

__all__ = ["ReportAuthor", "ReportIndexPage", "ReportPage", "ReportType"]
