import pytest

from home.models import StandardPage
from tests.kit.html import soup
from tests.kit.pages import StandardPageFactory


@pytest.fixture
def french_page(roles):
    home_fr, _home_en = roles
    page = StandardPageFactory(parent=home_fr, title="Nos engagements", slug="nos-engagements", intro="Texte d'origine")
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def standard_page_form(page, **changes):
    """The POST data of a StandardPage's edit form, as the admin sends it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body-count": "0",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def admin_messages(response):
    """The messages the admin shows the user at the top of the page."""

    return " ".join(m.get_text(" ", strip=True) for m in soup(response.content).select(".messages li"))
