import os
import uuid

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from modelsearch.backends import get_search_backend
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage
from search import indexing
from tests.kit.pages import translated
from tests.kit.services import required

# One fixture per role (`editor`, `reviewer`, `superuser`…); the `postgres` and
# `redis` markers.
pytest_plugins = ["tests.kit.roles", "tests.kit.services"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back between
    tests without the signals that would drop the site-wide data cached from it."""
    cache.clear()


@pytest.fixture
def wagtail_roots(transactional_db):
    """What migrations create and the flush after each transactional test
    removes: the root page, the root collection, wagtail-localize's permission
    (for the tests whose servers or processes read committed data)."""
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )

    if Page.get_first_root_node() is None:
        french, _created = Locale.objects.get_or_create(language_code=django_settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", locale=french))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def locales(db):
    """French (the source) and English, as the site's settings declare them."""
    return tuple(Locale.objects.get_or_create(language_code=code)[0] for code, _name in django_settings.LANGUAGES)


# The home page's eyebrow and tagline, (French, English), as the demo has them.
HOME_WORDS = (
    ("Laboratoire d'idées indépendant", "Independent think-tank"),
    (
        "Pour un numérique au service de l'humain et de la planète",
        "For digital technology that serves people and the planet",
    ),
)


@pytest.fixture
def home_fr(locales):
    """The French home page, root of the default site (the install page removed)."""
    root = Page.get_first_root_node()
    if root is None:
        # A transactional test that ran before this one flushed the tables that
        # Wagtail's migrations fill (the page and collection roots).
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales[0]))
        if not Collection.objects.exists():
            Collection.add_root(name="Root")
    for page in root.get_children():
        page.delete()
    home = HomePage(
        title="Accueil",
        slug="accueil",
        locale=locales[0],
        eyebrow=HOME_WORDS[0][0],
        tagline=HOME_WORDS[1][0],
        intro="<p>Bienvenue.</p>",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Test")
    return home


@pytest.fixture
def home_en(home_fr):
    """The English home page, a wagtail-localize translation of the French one."""
    return translated(home_fr, "en", title="Home", slug="home", strings={"Bienvenue.": "Welcome.", **dict(HOME_WORDS)})


@pytest.fixture
def homes(home_fr, home_en):
    return home_fr, home_en


# The search engine (SEARCH_URL), for the search tests and the browser search journey.
def engine_config():
    return getattr(django_settings, "SEARCH_ENGINE_TEST_CONFIG", None)


def pytest_collection_modifyitems(items):
    """Every test on the node is an engine test (`-m search_engine`: what
    services/run-tests.sh runs once per engine)."""
    for item in items:
        if "engine" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.search_engine)


# Playwright's sync API keeps an event loop running in the test's thread while
# it is open; the ORM calls of a browser test and of its database teardown are
# still synchronous. Allowed for browser tests only, from their setup to the
# end of their teardown (Django's deployment check refuses the variable elsewhere).
@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    if item.get_closest_marker("browser"):
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        if item.get_closest_marker("browser"):
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def pytest_terminal_summary(terminalreporter):
    """Which engine this run used, next to its count (the test command runs twice)."""
    config = engine_config()
    if config is None:
        terminalreporter.write_sep("-", "search engine: none (Wagtail's database backend only)")
        return
    backend = config["BACKEND"].rsplit(".", 1)[-1]
    try:
        params = {key: value for key, value in config.items() if key != "BACKEND"}
        info = get_search_backend(config["BACKEND"], **params).es.info()
        version = f"{info['version'].get('distribution', 'elasticsearch')} {info['version']['number']}"
    except Exception as error:  # noqa: BLE001 - the summary line says why, whatever it is
        version = f"unreachable: {error.__class__.__name__}"
    terminalreporter.write_sep("-", f"search engine: {backend} at {', '.join(config['URLS'])} ({version})")


@pytest.fixture
def index_now(monkeypatch):
    """Send index changes at once: the test transaction never commits."""
    monkeypatch.setattr(
        indexing, "_after_commit", lambda task, *args: task.enqueue(*args) if indexing.get_engine() else None
    )


@pytest.fixture
def engine(settings, locales, index_now):
    """The running node of SEARCH_URL, with index names of this test's own."""
    config = engine_config()
    if config is None:
        required("no search engine: set SEARCH_URL (services/opensearch/opensearch.sh start)")
    settings.WAGTAILSEARCH_BACKENDS = {
        **django_settings.WAGTAILSEARCH_BACKENDS,
        "engine": {**config, "INDEX_PREFIX": f"test_{uuid.uuid4().hex[:10]}_"},
    }
    backend = indexing.get_engine()
    yield backend
    for language in indexing.languages():
        backend.delete_index(language)
