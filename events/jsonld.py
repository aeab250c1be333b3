"""schema.org `Event` of an event page, from the same fields as the page and the calendar."""

from editorial.absolute import absolute_url
from editorial.institute import institute_json_ld

from .choices import OurRole


def _organisers(page, request):
    organisers = []
    if page.our_role in (OurRole.ORGANISER, OurRole.CO_ORGANISER):
        organisers.append(institute_json_ld(request))
    if page.organiser and page.our_role != OurRole.ORGANISER:
        organisers.append(
            {
                "@type": "Organization",
                "name": page.organiser.name,
                **({"url": page.organiser.website} if page.organiser.website else {}),
            }
        )
    return organisers


def _locations(page):
    locations = []
    if page.has_venue:
        locations.append(
            {
                "@type": "Place",
                "name": page.venue_name or page.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": page.street_address,
                    "postalCode": page.postcode,
                    "addressLocality": page.city,
                    "addressCountry": page.country,
                },
            }
        )
    if page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    return locations


def _one_or_list(items):
    return items[0] if len(items) == 1 else items


def event_json_ld(page, request):
    if page.all_day:
        start, end = page.local_start.date().isoformat(), page.local_end.date().isoformat()
    else:
        start = page.local_start.isoformat()
        end = page.local_end.isoformat() if page.local_end else None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": absolute_url(request, page.get_url(request)),
        "startDate": start,
        "eventStatus": "https://schema.org/EventCancelled" if page.cancelled else "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{page.attendance_mode}EventAttendanceMode",
        "inLanguage": page.locale.language_code,
    }
    if end:
        data["endDate"] = end
    locations = _locations(page)
    if locations:
        data["location"] = _one_or_list(locations)
    organisers = _organisers(page, request)
    if organisers:
        data["organizer"] = _one_or_list(organisers)
    performers = [
        {"@type": "Person", "name": p.person.name, **({"jobTitle": p.role} if p.role else {})} for p in page.people()
    ]
    if performers:
        data["performer"] = performers
    return data
