import datetime
import json
import re
from unittest import mock

import pytest
from django.utils import timezone

from editorial.localize import translate
from people.models import PeopleIndexPage
from reports.models import ReportPage
from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup
from topics.models import TopicIndexPage

from .factories import document, recommendations_block, report, report_index

pytestmark = pytest.mark.django_db


def body():
    return [
        ("heading", {"text": "Un enjeu démocratique", "level": "h2"}),
        ("paragraph", "<p>Premier paragraphe.</p>"),
        ("heading", {"text": "Comprendre", "level": "h3"}),
        ("heading", {"text": "Un enjeu démocratique", "level": "h2"}),
        (
            "table",
            {
                "table": {
                    "table_caption": "Compétences",
                    "table_header_choice": "row",
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [["Compétence", "Public"], ["Évaluer", "Enseignants"]],
                },
                "source": "Enquête 2025",
            },
        ),
        ("quote", {"quote": "Une culture commune.", "attribution": "Les auteurs"}),
        recommendations_block(2, audiences=("government", "schools")),
        ("paragraph", "<p>Entre deux listes.</p>"),
        recommendations_block(1, start=3, audiences=("companies",)),
    ]


@pytest.fixture
def people(homes):
    return PersonFactory(name="Jean-François Lucas", slug="jean-francois-lucas"), PersonFactory(
        name="Hind Ed-dbali", slug="hind-ed-dbali", role="Chargée d'études"
    )


@pytest.fixture
def topic(homes):
    return TopicFactory(name="Littératie en IA", slug="litteratie-ia")


@pytest.fixture
def page(homes, people, topic):
    index = report_index(homes[0])
    page = report(
        index,
        title="Déployer une littératie en IA",
        slug="litteratie",
        topics=[topic],
        authors=people,
        body=body(),
        subtitle="Pour une société inclusive",
        pdf=document(),
        doi="10.1234/inr.2025",
    )
    first_author = page.authors.order_by("sort_order").first()
    first_author.role = "coordination"
    first_author.save()
    return ReportPage.objects.get(pk=page.pk)


def test_report_shows_its_table_of_contents_with_unique_anchors(client, page):
    html = soup(client.get("/fr/rapports/litteratie/"))
    toc = [(a.text, a["href"]) for a in html.select("nav.toc a")]
    assert toc == [
        ("Un enjeu démocratique", "#un-enjeu-democratique"),
        ("Comprendre", "#comprendre"),
        ("Un enjeu démocratique", "#un-enjeu-democratique-2"),
        ("Nos recommandations", "#nos-recommandations"),
        ("Nos recommandations", "#nos-recommandations-2"),
        ("Comment citer ce rapport", "#citer"),
    ]
    for _text, href in toc:
        assert html.find(id=href[1:]) is not None, href
    assert html.select_one("nav.toc ol ol a").text == "Comprendre"


def test_recommendations_are_numbered_across_the_report_and_linkable(client, page):
    html = soup(client.get("/fr/rapports/litteratie/"))
    items = html.select("li.recommendation")
    assert [item["id"] for item in items] == ["recommandation-1", "recommandation-2", "recommandation-3"]
    third = html.find(id="recommandation-3")
    assert "Recommandation 3" in third.h3.text and "Recommandation numéro 3" in third.h3.text
    share = third.select_one(".recommendation__share")
    assert share.a["href"] == "http://testserver/fr/rapports/litteratie/#recommandation-3"
    citation = share.select_one(".recommendation__citation").text
    assert "recommandation 3" in citation and citation.endswith("/fr/rapports/litteratie/#recommandation-3")
    assert [a.text for a in third.select(".recommendation__audience")] == ["Entreprises"]
    first = html.find(id="recommandation-1")
    assert [a.text for a in first.select(".recommendation__audience")] == [
        "Gouvernement et administrations",
        "Établissements d'enseignement",
    ]


def test_recommendation_entries_for_search(page):
    entries = page.recommendation_entries()
    assert [(e["number"], e["anchor"], e["title"]) for e in entries] == [
        (1, "recommandation-1", "Recommandation numéro 1"),
        (2, "recommandation-2", "Recommandation numéro 2"),
        (3, "recommandation-3", "Recommandation numéro 3"),
    ]
    assert entries[0]["text"] == "Texte de la recommandation 1."
    assert entries[2]["audiences"] == ["Entreprises"]
    assert entries[2]["audience_codes"] == ["companies"]


def test_report_header_authors_topics_pdf_and_reading_time(client, page, people, topic):
    html = soup(client.get("/fr/rapports/litteratie/"))
    assert html.h1.text == "Déployer une littératie en IA"
    assert "Pour une société inclusive" in html.select_one(".report__subtitle").text
    assert "Publié le 23 octobre 2025" in html.select_one(".report__header .meta").text
    assert re.search(r"\d+ minutes? de lecture", html.select_one(".report__header .meta").text)
    authors = [li.text.strip() for li in html.select(".report__authors li")]
    assert authors == ["Jean-François Lucas (coordination)", "Hind Ed-dbali — Chargée d'études"]
    assert [topic.text for topic in html.select(".tags > *")] == ["Littératie en IA"]
    pdf = html.select_one(".report__pdf")
    assert pdf.a["href"] == page.pdf.url
    assert "2 pages" in pdf.text
    assert re.search(r"\d+(,\d+)?\s(octets|Kio)", pdf.text)


def test_authors_and_topics_link_to_their_pages(client, homes, page):
    home = homes[0]
    for model, slug in ((PeopleIndexPage, "personnes"), (TopicIndexPage, "themes")):
        index = model(title=slug, slug=slug, locale=home.locale)
        home.add_child(instance=index)
        index.save_revision().publish()
    html = soup(client.get("/fr/rapports/litteratie/"))
    assert [a["href"] for a in html.select(".report__authors a")] == [
        "/fr/personnes/jean-francois-lucas/",
        "/fr/personnes/hind-ed-dbali/",
    ]
    assert [a["href"] for a in html.select(".tags a")] == ["/fr/themes/litteratie-ia/"]


def test_body_blocks_render(client, page):
    html = soup(client.get("/fr/rapports/litteratie/"))
    table = html.select_one(".data-table table")
    assert table.caption.text.strip() == "Compétences"
    assert [th.text.strip() for th in table.select("thead th")] == ["Compétence", "Public"]
    assert "Enquête 2025" in html.select_one(".data-table .figure__source").text
    assert "Une culture commune." in html.select_one(".pull-quote blockquote").text


def test_how_to_cite_and_downloads(client, page):
    html = soup(client.get("/fr/rapports/litteratie/"))
    citation = html.select_one(".report__citation").text
    assert citation == (
        "Jean-François Lucas, Hind Ed-dbali, « Déployer une littératie en IA », Institut du numérique responsable, "
        "octobre 2025, DOI : 10.1234/inr.2025. http://testserver/fr/rapports/litteratie/"
    )
    links = [a["href"] for a in html.select(".report__cite-downloads a")]
    assert links == [
        "/fr/rapports/litteratie/citer/bibtex/",
        "/fr/rapports/litteratie/citer/ris/",
        "/fr/rapports/litteratie/citer/datacite/",
    ]

    bib = client.get(links[0])
    assert bib.status_code == 200
    assert bib["Content-Type"].startswith("application/x-bibtex")
    assert 'filename="litteratie.bib"' in bib["Content-Disposition"]
    text = bib.content.decode()
    assert text.startswith("@techreport{lucas2025deployer,")
    assert "author = {Lucas, Jean-François and Ed-dbali, Hind}," in text
    assert "title = {{Déployer une littératie en IA}}," in text
    assert "doi = {10.1234/inr.2025}," in text
    assert "month = oct," in text

    ris = client.get(links[1]).content.decode()
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert "AU  - Lucas, Jean-François" in lines and "AU  - Ed-dbali, Hind" in lines
    assert "PY  - 2025" in lines and "DO  - 10.1234/inr.2025" in lines
    assert "KW  - Littératie en IA" in lines
    assert lines[-2] == "ER  - "


def test_structured_data_and_social_preview(client, page):
    html = soup(client.get("/fr/rapports/litteratie/"))
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["@type"] == "Report"
    assert data["datePublished"] == "2025-10-23"
    assert data["inLanguage"] == "fr"
    assert [a["name"] for a in data["author"]] == ["Jean-François Lucas", "Hind Ed-dbali"]
    assert data["isPartOf"]["publisher"]["name"] == "Institut du numérique responsable"
    assert data["identifier"] == "https://doi.org/10.1234/inr.2025"
    assert html.find("meta", property="og:title")["content"] == "Déployer une littératie en IA"
    assert html.find("meta", property="og:url")["content"] == "http://testserver/fr/rapports/litteratie/"
    assert html.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_cover_image_in_social_preview(client, page):
    from tests.kit.factories import ImageFactory

    page.cover_image = ImageFactory(title="Couverture test", file__width=400, file__height=300)
    page.cover_alt = "Des lignes bleues"
    page.save_revision().publish()
    html = soup(client.get("/fr/rapports/litteratie/"))
    assert html.find("meta", property="og:image")["content"].startswith("http://testserver/")
    assert html.find("meta", property="og:image:alt")["content"] == "Des lignes bleues"
    assert html.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert html.select_one("img.cover")["alt"] == "Des lignes bleues"


def test_last_updated_shown_only_after_a_later_revision(client, page):
    assert "Mis à jour" not in client.get("/fr/rapports/litteratie/").text
    later = timezone.now() + datetime.timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        page.save_revision().publish()
    html = soup(client.get("/fr/rapports/litteratie/"))
    meta = html.select_one(".report__header .meta")
    assert "Mis à jour le" in meta.text
    assert meta.find("time", datetime=timezone.localdate(later).isoformat()) is not None
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["dateModified"] == timezone.localdate(later).isoformat()


def test_related_items_are_shown(client, homes, page, topic):
    other = report(page.get_parent(), title="Autre rapport", topics=[topic])
    html = soup(client.get("/fr/rapports/litteratie/"))
    related = html.select_one("section.related")
    assert related is not None
    assert other.title in related.text


def test_drafts_and_private_reports_are_not_served(client, homes, topic):
    index = report_index(homes[0])
    report(index, title="Brouillon", publish=False)
    assert client.get("/fr/rapports/brouillon/").status_code == 404


# Translation -------------------------------------------------------------------


@pytest.fixture
def english(page, people, topic):
    for person in people:
        translate(person, {"Chargée d'études": "Policy analyst"})
    translate(topic, {"Littératie en IA": "AI literacy", "litteratie-ia": "ai-literacy"})
    translate(page.get_parent(), {"Rapports": "Reports", "rapports": "reports"})
    return translate(
        page,
        {
            "Déployer une littératie en IA": "Building AI literacy",
            "litteratie": "literacy",
            "Un enjeu démocratique": "A democratic issue",
            "Comprendre": "Understanding",
            "Compétences": "Skills",
            "Compétence": "Skill",
            "Public": "Audience",
            "Évaluer": "Assessing",
            "Enseignants": "Teachers",
            "Nos recommandations": "Our recommendations",
            "Recommandation numéro 1": "Recommendation number one",
            "Texte de la recommandation 1.": "Text of recommendation one.",
            "coordination": "coordination (EN)",
        },
    )


def test_english_translation_translates_text_and_keeps_anchors(client, english):
    response = client.get("/en/reports/literacy/")
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.text == "Building AI literacy"
    first = html.find(id="recommandation-1")
    assert "Recommendation number one" in first.h3.text
    assert "Text of recommendation one." in first.text
    assert [a.text for a in first.select(".recommendation__audience")] == [
        "Government and public administration",
        "Schools and universities",
    ]
    assert html.find(id="recommandation-3") is not None
    table = html.select_one(".data-table table")
    assert table.caption.text.strip() == "Skills"
    assert [th.text.strip() for th in table.select("thead th")] == ["Skill", "Audience"]
    assert "Teachers" in table.text
    assert "(coordination (EN))" in html.select_one(".report__authors").text
    assert "Policy analyst" in html.select_one(".report__authors").text
    assert [topic.text for topic in html.select(".tags > *")] == ["AI literacy"]
    assert "Published on" in html.select_one(".report__header .meta").text
    assert "23 October 2025" in html.select_one(".report__header .meta").text


def test_english_report_points_to_english_people_and_keeps_synchronised_fields(english, page):
    english = ReportPage.objects.get(pk=english.pk)
    assert {a.person.locale.language_code for a in english.authors.all()} == {"en"}
    assert english.publication_date == page.publication_date
    assert english.pdf_id == page.pdf_id
    assert [e["anchor"] for e in english.recommendation_entries()] == [
        e["anchor"] for e in page.recommendation_entries()
    ]
    assert english.recommendation_entries()[0]["audiences"] == [
        "Government and public administration",
        "Schools and universities",
    ]


def test_english_pdf_overrides_the_french_one(client, english, page):
    response = soup(client.get("/en/reports/literacy/"))
    assert response.select_one(".report__pdf a")["href"] == page.pdf.url
    assert "in French" in response.select_one(".report__pdf").text
    english_pdf = document(title="Report (PDF)", filename="report.pdf")
    page.pdf_english = english_pdf
    page.save_revision().publish()
    translate(page, {})
    html = soup(client.get("/en/reports/literacy/"))
    assert html.select_one(".report__pdf a")["href"] == english_pdf.url
    assert "in French" not in html.select_one(".report__pdf").text
    french = soup(client.get("/fr/rapports/litteratie/")).select(".report__pdf a")
    assert [a["href"] for a in french] == [page.pdf.url, english_pdf.url]
    assert french[1].text == "Version anglaise (PDF)"
