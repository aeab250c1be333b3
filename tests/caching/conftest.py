import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


class Reader:
    """An anonymous reader with a browser of their own."""

    def __init__(self):
        self.client = Client()

    def get(self, url, **headers):
        return self.client.get(url, headers=headers)

    def read(self, url):
        """The page's text, checking that it was served whole."""
        response = self.get(url)
        assert response.status_code == 200, url
        return response.content.decode()


@pytest.fixture
def reader():
    return Reader()


@pytest.fixture
def editor_acts(django_capture_on_commit_callbacks):
    """Wraps an editor's action: its purges run when it commits, as in production
    (the test's own transaction never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
