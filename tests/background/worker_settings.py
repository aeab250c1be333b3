"""Settings of the worker the background tests start: the test settings, with
the engine the test uses under its own index names (SEARCH_INDEX_PREFIX)."""

from config.settings.test import *  # noqa: F403
from config.settings.test import SEARCH_ENGINE_TEST_CONFIG, WAGTAILSEARCH_BACKENDS

if SEARCH_ENGINE_TEST_CONFIG:
    WAGTAILSEARCH_BACKENDS = {**WAGTAILSEARCH_BACKENDS, "engine": SEARCH_ENGINE_TEST_CONFIG}
