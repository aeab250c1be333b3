"""schema.org `Report` of a report page, with its authors, series and corrections."""

from editorial.institute import institute_json_ld
from editorial.url_words import word
from people.models import PeopleIndexPage


def person_entity(person, request):
    data = {"@type": "Person", "name": person.name}
    if person.role:
        data["jobTitle"] = person.role
    url = PeopleIndexPage.snippet_url(person, request)
    if url:
        data["url"] = request.build_absolute_uri(url)
    return data


def series_entity(report, request, index_page, organisation):
    """The report's series, listed by the index filtered on it; without one, the index's list of reports."""
    index_url = request.build_absolute_uri(index_page.get_url(request))
    if report.series is None:
        return {
            "@type": "CreativeWorkSeries",
            "name": index_page.title,
            "url": index_url,
            "publisher": organisation,
        }
    query = f"?{word('series', report.locale.language_code)}={report.series.slug}"
    return {
        "@type": "CreativeWorkSeries",
        "name": report.series.name,
        "url": index_url + query,
        "publisher": organisation,
    }


def report_json_ld(report, request, corrections=()):
    index_page = report.get_parent()
    organisation = institute_json_ld(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "headline": report.title,
        "name": report.title,
        "description": report.summary,
        "url": request.build_absolute_uri(report.get_url(request)),
        "datePublished": report.publication_date.isoformat(),
        "inLanguage": report.locale.language_code,
        "author": [person_entity(link.person, request) for link in report.author_links()],
        "publisher": organisation,
        "isPartOf": series_entity(report, request, index_page, organisation),
        "about": [topic.name for topic in report.topics],
        "genre": str(report.type_label),
    }
    if report.series_number:
        data["reportNumber"] = report.series_number
    if report.updated_on:
        data["dateModified"] = report.updated_on.isoformat()
    if report.doi:
        data["identifier"] = f"https://doi.org/{report.doi}"
    if report.isbn:
        data["isbn"] = report.isbn
    if corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": entry.text, "datePublished": entry.date.isoformat()}
            for entry in corrections
        ]
    return data
