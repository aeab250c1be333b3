"""A restore leaves no cache serving what the restored database does not
hold: a page published after the backup, cached by an app server and Varnish
before the restore, is rendered again after it (the page cache on the shared
Redis misses; Varnish is sent the purge of every object's `site` tag)."""

import io
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.caching.test_purge_frontend import varnish  # noqa: F401 - a stand-in Varnish recording purges
from tests.operations.test_backup import empty_database  # noqa: F401
from tests.reports.factories import report, report_index

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shared_cache(settings):
    url = os.environ["REDIS_URL"]
    settings.CACHES = {
        "default": {"BACKEND": "serving.backends.GuardedRedisCache", "LOCATION": url, "KEY_PREFIX": "thinktank"}
    }
    settings.PAGE_CACHE_ENABLED = True
    return url


def test_a_restore_empties_the_page_cache_and_varnish(home_fr, tmp_path, empty_database, shared_cache, varnish, client):  # noqa: F811
    index = report_index(home_fr)
    call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())
    (folder,) = (tmp_path / "backups").iterdir()
    report(index, title="Publié après la sauvegarde", slug="apres")
    for _ in range(2):
        listed = client.get("/fr/rapports/")
    assert listed["X-Page-Cache"] == "hit" and "Publié après la sauvegarde" in listed.content.decode()

    environment = {
        **os.environ,
        "DATABASE_URL": empty_database,
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "REDIS_URL": shared_cache,
        "FRONTEND_CACHE_URLS": ",".join(settings.FRONTEND_CACHE_URLS),
    }
    environment.pop("DEBUG", None)
    varnish.clear()
    subprocess.run(
        [sys.executable, "manage.py", "restore", str(folder)], env=environment, cwd=settings.BASE_DIR, check=True
    )

    assert client.get("/fr/rapports/")["X-Page-Cache"] == "miss"
    assert varnish == ["site"]
