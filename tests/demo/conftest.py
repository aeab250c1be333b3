import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The whole demo content, as `python manage.py load_demo` loads it."""
    call_command("load_demo", stdout=io.StringIO())
