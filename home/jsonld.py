"""schema.org `Organization` and `WebSite` of the home page."""

from django.urls import NoReverseMatch, reverse

from editorial.absolute import absolute_url
from editorial.institute import institute_json_ld, institute_name


def home_json_ld(page, request, mission):
    organisation = {**institute_json_ld(request), "description": mission}
    website = {
        "@type": "WebSite",
        "name": institute_name(request),
        "url": absolute_url(request, page.get_url(request)),
        "inLanguage": page.locale.language_code,
        "publisher": {"@id": organisation["url"] + "#organisation"},
    }
    organisation["@id"] = website["publisher"]["@id"]
    try:
        search_url = absolute_url(request, reverse("search"))
    except NoReverseMatch:
        search_url = ""
    if search_url:
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        }
    return {"@context": "https://schema.org", "@graph": [organisation, website]}
