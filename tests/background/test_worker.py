"""Publishing with the worker stopped: the page is live at once, and its
search update waits in the queue until a real `db_worker` process runs it."""

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home.models import StandardPage
from search import indexing
from search.indexing import _after_commit as queue_after_commit
from tests.kit.html import soup

from .worker import Worker, wait_until, worker_environment

# The worker is another process: it reads only committed rows.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

TITLE = "Sobriété numérique des centres de données"


@pytest.fixture
def database_queue(settings, engine, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # As in production: queued once the publishing transaction commits (the
    # `engine` fixture sends at once, for the tests whose transaction never commits).
    monkeypatch.setattr(indexing, "_after_commit", queue_after_commit)


@pytest.fixture
def worker(settings, engine, tmp_path):
    prefix = settings.WAGTAILSEARCH_BACKENDS["engine"]["INDEX_PREFIX"]
    worker = Worker(worker_environment(SEARCH_INDEX_PREFIX=prefix), log_path=tmp_path / "worker.log")
    yield worker
    worker.stop()


def found(client):
    """What the search API answers for the page's title: (engine used, result URLs)."""
    data = client.get("/api/search/", {"q": "sobriété centres de données", "locale": "fr"}).json()
    return data["engine"], [result["url"] for result in data["results"]]


def test_page_is_live_at_once_and_found_once_the_worker_runs(client, engine, home_fr, database_queue, worker):
    indexing.ensure_index(engine, "fr")
    page = StandardPage(title=TITLE, slug="sobriete", intro="<p>Mesurer avant de réduire.</p>")
    home_fr.add_child(instance=page)
    page.save_revision().publish()

    response = client.get(page.url)
    assert response.status_code == 200
    assert soup(response.content).select_one("h1").get_text(strip=True) == TITLE
    assert found(client) == (True, [])
    queued = DBTaskResult.objects.filter(task_path="search.indexing.sync_page_task", status=TaskResultStatus.READY)
    assert [task.args_kwargs["args"] for task in queued] == [[page.pk]]

    worker.start()
    assert wait_until(lambda: found(client) == (True, ["http://testserver" + page.url])), worker.log_path.read_text()
    assert worker.running
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
