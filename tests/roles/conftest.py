import pytest
from django.contrib.auth.models import Group, User

from home.models import StandardPage
from roles.setup import EDITORS, REGISTRATIONS, REVIEWERS, TRANSLATORS, apply_roles
from tests.factories import StandardPageFactory


@pytest.fixture
def roles(homes):
    """Groups attached to the home pages, as `load_demo` / `setup_roles` do."""
    apply_roles()
    return homes


def member_of(group_name, username):
    user = User.objects.create_user(username, f"{username}@example.org", "motdepasse-solide-42")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(roles):
    return member_of(EDITORS, "redactrice")


@pytest.fixture
def reviewer(roles):
    return member_of(REVIEWERS, "relecteur")


@pytest.fixture
def translator(roles):
    return member_of(TRANSLATORS, "traductrice")


@pytest.fixture
def registrations_manager(roles):
    return member_of(REGISTRATIONS, "inscriptions")


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
    from bs4 import BeautifulSoup

    return " ".join(
        m.get_text(" ", strip=True) for m in BeautifulSoup(response.content, "html.parser").select(".messages li")
    )
