import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError

from editorial.localize import translate
from news.models import NewsArticlePage
from tests.kit.factories import OrganisationFactory, PersonFactory, TopicFactory
from tests.kit.html import soup, text_of
from tests.kit.pages import make_private
from tests.news.factories import article, index_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_fr):
    return index_pages(home_fr)["news"]


def test_article_shows_author_source_and_json_ld(client, news):
    author = PersonFactory(name="Hind Ed-dbali", slug="hind-ed-dbali", role="Chargée d'études")
    source = OrganisationFactory(name="Ouest-France")
    page = article(
        news,
        "Le sommet",
        [TopicFactory(name="Gouvernance de l'IA", slug="gouvernance-ia")],
        datetime.date(2025, 2, 10),
        author=author,
        source_organisation=source,
        source_title="Ce qu'il faut retenir",
        source_url="https://www.ouest-france.fr/article",
        source_date=datetime.date(2025, 2, 9),
    )
    html = client.get(page.url).text
    doc = soup(html)
    assert 'Par <a href="/fr/personnes/hind-ed-dbali/" rel="author">Hind Ed-dbali</a>' in html
    assert "10 février 2025" in [time.get_text(strip=True) for time in doc.select('time[datetime="2025-02-10"]')]
    assert (
        'Source : <a href="https://www.ouest-france.fr/article" rel="noopener">Ouest-France, « Ce qu&#x27;il faut '
        'retenir »</a>, <time datetime="2025-02-09">9 février 2025</time>'
    ) in html
    topic_links = [a["href"] for a in doc.find_all("a") if a.get_text(strip=True) == "Gouvernance de l'IA"]
    assert "/fr/themes/gouvernance-ia/" in topic_links
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"] == "Le sommet"
    assert data["datePublished"] == "2025-02-10" and data["inLanguage"] == "fr"
    assert data["author"] == {
        "@type": "Person",
        "name": "Hind Ed-dbali",
        "url": "http://testserver/fr/personnes/hind-ed-dbali/",
    }
    assert data["isBasedOn"] == "https://www.ouest-france.fr/article"


def test_byline_and_source_as_text(client, news):
    page = article(news, "Brève", [TopicFactory()], byline="La rédaction", source_name="Le Journal")
    html = client.get(page.url).text
    assert "Par La rédaction" in html and "Source : Le Journal" in html


def test_validation_messages(news):
    page = article(news, "Brève", [TopicFactory()])
    page.author = PersonFactory()
    page.byline = "La rédaction"
    page.source_url = "https://example.org/"
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict["byline"] == ["Choisissez une personne ou une signature, pas les deux."]
    assert error.value.message_dict["source_name"] == ["Indiquez la publication d'où vient la source."]


def test_index_lists_live_public_articles_of_its_language_with_filters(client, homes):
    home_fr, _ = homes
    news = index_pages(home_fr)["news"]
    ai = TopicFactory(name="IA", slug="ia")
    work = TopicFactory(name="Travail", slug="travail")
    article(news, "IA 2025", [ai], datetime.date(2025, 3, 1))
    article(news, "Travail 2024", [work], datetime.date(2024, 5, 1))
    article(news, "Brouillon", [ai], publish=False)
    make_private(article(news, "Privé", [ai]))
    news_en = translate(news, {"Actualités": "News", "actualites": "news"})
    article(news_en, "Only in English", [TopicFactory()])

    html = client.get("/fr/actualites/").text
    assert html.index("IA 2025") < html.index("Travail 2024")
    for hidden in ("Brouillon", "Privé", "Only in English"):
        assert hidden not in html
    assert 'href="?theme=ia"' in html and 'href="?annee=2024"' in html

    html = client.get("/fr/actualites/?theme=ia").text
    assert "IA 2025" in html and "Travail 2024" not in html
    html = client.get("/fr/actualites/?annee=2024").text
    assert "Travail 2024" in html and "IA 2025" not in html
    assert client.get("/fr/actualites/?annee=abc").status_code == 404
    assert "Aller à la dernière page" in client.get("/fr/actualites/?page=5").text

    english = client.get("/en/news/").text
    assert "Only in English" in english and "IA 2025" not in english


def test_index_paginates(client, news):
    for n in range(14):
        article(news, f"Article {n:02d}", [TopicFactory()], datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    first = client.get("/fr/actualites/").text
    assert "Article 13" in first and "Article 01" not in first
    assert 'href="?page=2"' in first
    second = client.get("/fr/actualites/?page=2").text
    assert "Article 01" in second and "Article 00" in second and "Article 13" not in second


@pytest.mark.parametrize("kind, marker", [("rss", "<rss"), ("atom", "<feed")])
def test_feeds_per_language(client, homes, kind, marker):
    home_fr, _ = homes
    news = index_pages(home_fr)["news"]
    article(news, "Publié", [TopicFactory(name="IA")], datetime.date(2025, 2, 10))
    article(news, "Brouillon", [TopicFactory()], publish=False)
    make_private(article(news, "Privé", [TopicFactory()]))
    news_en = translate(news, {"Actualités": "News", "actualites": "news"})
    article(news_en, "Only in English", [TopicFactory()])

    response = client.get(f"/fr/actualites/flux/{kind}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert marker in body and "Publié" in body and "IA" in body
    for hidden in ("Brouillon", "Privé", "Only in English"):
        assert hidden not in body
    english = client.get(f"/en/news/feed/{kind}/").content.decode()
    assert "Only in English" in english and "Publié" not in english
    assert f'href="/fr/actualites/flux/{kind}/"' in client.get("/fr/actualites/").text


def test_home_page_shows_latest_news(client, homes):
    home_fr, _ = homes
    news = index_pages(home_fr)["news"]
    for n in range(4):
        article(news, f"Nouvelle {n}", [TopicFactory()], datetime.date(2025, 1, 1 + n))
    article(news, "Brouillon", [TopicFactory()], publish=False)
    html = client.get("/fr/").text
    assert "Dernières actualités" in html
    assert "Nouvelle 3" in html and "Nouvelle 1" in html and "Nouvelle 0" not in html and "Brouillon" not in html
    assert 'href="/fr/actualites/"' in html


def test_article_can_only_live_under_the_news_index(news, home_fr):
    assert NewsArticlePage.can_create_at(news)
    assert not NewsArticlePage.can_create_at(home_fr)


def test_editors_find_the_article_fields_labelled_in_french(admin_client, news, home_fr):
    page = article(news, "Brève", [TopicFactory()])
    for url in (f"/admin/pages/add/news/newsarticlepage/{news.pk}/", f"/admin/pages/{page.pk}/edit/"):
        labels = text_of(admin_client.get(url), "#page-edit-form").lower()
        for label in ("titre", "résumé", "thèmes", "corps du texte", "auteur ou autrice", "date de l'article original"):
            assert label in labels, (url, label)
    edit = soup(admin_client.get(f"/admin/pages/{page.pk}/edit/"))
    assert edit.select_one("#page-edit-form [name=title]")["value"] == "Brève"
    for index in home_fr.get_children():
        assert admin_client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200
