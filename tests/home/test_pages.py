import pytest
from wagtail.models import Page

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_page_type_rules(homes):
    home_fr, _ = homes
    assert StandardPage.can_create_at(home_fr)
    assert not HomePage.can_create_at(home_fr)
    assert HomePage in Page.allowed_subpage_models()
