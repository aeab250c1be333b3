"""schema.org `Person` of a person's page."""

from editorial.absolute import absolute_url


def person_json_ld(person, request, url=""):
    data = {"@context": "https://schema.org", "@type": "Person", "name": person.name}
    if url:
        data["url"] = absolute_url(request, url)
    if person.role:
        data["jobTitle"] = person.role
    if person.bio:
        data["description"] = person.bio
    if person.organisation_id:
        organisation = {"@type": "Organization", "name": person.organisation.name}
        if person.organisation.website:
            organisation["url"] = person.organisation.website
        data["worksFor"] = organisation
    if person.photo_id:
        data["image"] = absolute_url(request, person.photo.get_rendition("fill-240x240").url)
    return data
