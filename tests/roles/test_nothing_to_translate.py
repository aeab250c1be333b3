"""What reads the same in every language (a venue, a city, a phone number, an
organisation's name) is no segment to translate: the "to translate" count
means work to do."""

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from tests.events.factories import event_index, event_page
from tests.initiatives.factories import initiative
from tests.kit.factories import OrganisationFactory
from tests.news.factories import add_child

pytestmark = pytest.mark.django_db


def segments(instance):
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return {segment.string.data for segment in StringSegment.objects.filter(source=source).select_related("string")}


def test_names_places_and_phone_numbers_are_no_segment(home_fr):
    from initiatives.models import InitiativeIndexPage

    event = event_page(event_index(home_fr), "Forum", venue_name="Maison de la Radio", city="Paris")
    texts = segments(event)
    assert "Forum" in texts
    assert not texts & {"Maison de la Radio", "Paris"}

    reply_page = initiative(add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives")))
    texts = segments(reply_page)
    assert "Coordination" in texts  # the contact's role is translated
    assert "+33 1 23 45 67 89" not in texts

    assert segments(OrganisationFactory(name="France urbaine", acronym="")) == set()
