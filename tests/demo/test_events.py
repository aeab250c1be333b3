import io

import pytest
from django.core.management import call_command

from events.models import EventPage, EventParticipation

pytestmark = pytest.mark.django_db


def test_demo_events_in_both_languages(client):
    call_command("load_demo", stdout=io.StringIO())

    summit_fr = client.get("/fr/evenements/reinventer-l-ia/").text
    for text in (
        "7 février 2025, 10:00 – 20:30",
        "Digital Village",
        "21 rue Albert Bayet, 75013 Paris",
        "IA et limites planétaires : extractivisme et empreinte carbone",
        "Algorithmes et addiction : IA et santé mentale",
        "Quelle souveraineté numérique européenne ?",
        "Grand témoin",
        "Plénière",
        "Thierry Breton",
        "Blue Duangdjai Tiyavorabun",
        "Laure Boutron-Marmion",
    ):
        assert text in summit_fr, text
    assert '<time datetime="2025-02-07T18:30:00+01:00">18:30</time>' in summit_fr
    assert summit_fr.count("David Cormand</a>") + summit_fr.count(">David Cormand<") >= 2
    assert '<section class="registration"' not in summit_fr, "a past event has no registration section"

    summit_en = client.get("/en/events/reinventing-ai/").text
    for text in (
        "AI and planetary limits: extractivism and carbon footprint",
        "Which European digital sovereignty?",
        "Keynote",
        "Former European Commissioner for the internal market",
    ):
        assert text in summit_en, text

    nec_fr = client.get("/fr/evenements/numerique-en-communs-2025/").text
    assert "du 28 octobre 2025 au 29 octobre 2025" in nec_fr
    assert "Agence nationale de la cohésion des territoires" in nec_fr
    assert "Face à l&#x27;avalanche des ressources en IA, faut-il converger sur un cadre partagé ?" in nec_fr
    assert "Jean-François Lucas" in nec_fr and "Sophie de Quatrebarbes" in nec_fr
    assert "Déployer une littératie en IA" in nec_fr  # the pinned report
    nec_en = client.get("/en/events/numerique-en-communs-2025/").text
    assert "Faced with an avalanche of AI resources, should we converge on a shared framework?" in nec_en
    assert "National Agency for Territorial Cohesion" in nec_en and "Executive director" in nec_en

    workshop = EventPage.objects.get(slug="atelier-litteratie-ia-collectivites")
    html = client.get(workshop.url).text
    assert "Inscriptions ouvertes" in html and "il reste 30 places." in html
    assert '<section class="registration"' in html

    counts = (EventPage.objects.count(), EventParticipation.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert counts == (EventPage.objects.count(), EventParticipation.objects.count())
    assert counts[0] == 6
