import os

import pytest


def is_browser_test(item):
    return item.get_closest_marker("browser") is not None


# As in tests/browser: Playwright's event loop runs in the test's thread from
# setup to the end of the database teardown, while the ORM stays synchronous.
@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    if is_browser_test(item):
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        if is_browser_test(item):
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
