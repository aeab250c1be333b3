"""schema.org description of an initiative: a work the institute publishes and
runs with its partners, with its status (open, closed, finished)."""

from editorial.absolute import absolute_url
from editorial.institute import institute_json_ld


def initiative_json_ld(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": page.title,
        "description": page.summary,
        "url": absolute_url(request, page.get_url(request)),
        "inLanguage": page.locale.language_code,
        "creativeWorkStatus": str(page.get_status_display()),
        "publisher": institute_json_ld(request),
        "about": [topic.name for topic in page.topics],
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    partners = [
        {
            "@type": "Organization",
            "name": organisation.name,
            **({"url": organisation.website} if organisation.website else {}),
        }
        for organisation in page.partner_organisations
    ]
    if partners:
        data["contributor"] = partners
    if page.cover_image_id:
        data["image"] = absolute_url(request, page.cover_image.get_rendition("fill-1200x630").url)
    return data
