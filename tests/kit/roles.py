"""One fixture per role of the admin, named for the role (a pytest plugin that
tests/conftest.py loads). Role users are members of the groups that
`roles.setup.apply_roles` makes and attaches to the home pages, as
`load_demo` and `setup_roles` do; they all log in with `PASSWORD`."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from roles.setup import EDITORS, REGISTRATIONS, REVIEWERS, TRANSLATORS, apply_roles

PASSWORD = "Une-phrase-de-passe-solide-42"


def member_of(group_name, username):
    """A user of the role `group_name`: the groups must exist (`roles`)."""
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def roles(homes):
    """The role groups, attached to the French and English home pages."""
    apply_roles()
    return homes


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
def superuser(db):
    """The administrator: every permission, whatever the roles allow."""
    return User.objects.create_superuser("administratrice", "administratrice@example.org", PASSWORD)


@pytest.fixture
def superuser_client(superuser):
    """A client of its own logged in as the superuser, beside the test's `client`."""
    client = Client()
    client.force_login(superuser)
    return client
