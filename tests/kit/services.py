"""The services a test may need beyond SQLite and the local-memory cache
(a pytest plugin that tests/conftest.py loads): mark a test, a module
(`pytestmark`) or a class `postgres` or `redis`. Outside CI a missing service
skips the test with what to start; under CI=true, where services/run-tests.sh
starts every service, it fails it."""

import os

import pytest
from django.db import connection


def required(message):
    """Fails the test in CI, where every service must be there; skips it elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        required("needs PostgreSQL (services/postgres.sh start, then export DATABASE_URL)")
    if item.get_closest_marker("redis") and not os.environ.get("REDIS_URL"):
        required("needs Redis (services/redis.sh start, then export REDIS_URL)")
