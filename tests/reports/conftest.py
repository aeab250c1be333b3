import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def editor(client, homes):
    """A superuser logged in: the report admin's forms, whatever the roles allow."""
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    return user
