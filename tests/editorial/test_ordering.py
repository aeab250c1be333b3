"""Lists of names in the readers' alphabetical order (`editorial.ordering`),
whatever the database's collation: services/postgres.sh creates its databases
with the C collation, which puts every accented capital after Z."""

import pytest

from tests.kit.factories import PersonFactory, TopicFactory
from tests.kit.html import soup
from tests.news.factories import article, index_pages

pytestmark = pytest.mark.django_db

# In the order French readers expect; by code point, "Éthique" would follow
# "Zones", "Démocratie" "Droits", and "autonomie" every capital.
NAMES = ["autonomie", "Démocratie", "Droits", "Éthique", "Zones"]


@pytest.fixture
def pages(home_fr):
    return index_pages(home_fr)


def texts(client, url, selector):
    response = client.get(url)
    assert response.status_code == 200
    return [element.get_text(strip=True) for element in soup(response.content).select(selector)]


# SQLite has no collation but binary and ASCII.
@pytest.mark.postgres
def test_topics_and_people_are_listed_alphabetically(client, pages):
    topics = [TopicFactory(name=name, slug=f"theme-{number}") for number, name in enumerate(reversed(NAMES))]
    article(pages["news"], "Article", topics)
    for number, name in enumerate(reversed(NAMES)):
        PersonFactory(name=f"{name} Martin", slug=f"personne-{number}")

    assert texts(client, "/fr/themes/", ".card__title") == NAMES
    assert texts(client, "/fr/actualites/", '[role=group][aria-labelledby="filter-theme"] a')[1:] == NAMES
    assert texts(client, "/fr/personnes/", ".person-card h3") == [f"{name} Martin" for name in NAMES]
