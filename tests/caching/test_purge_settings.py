"""A setting (the institute's name, address, social links: wagtail.contrib.settings)
may show on any page, so saving one purges every page of every language.

No setting of the site shows on pages yet, so the test declares its own and
proves the purge with a change the signals do not hear (a title written
straight to the database): after the setting is saved, every page shows it."""

import pytest
from django.db import connection, models
from wagtail.contrib.settings.models import BaseGenericSetting
from wagtail.models import Page

from serving.purges import connect_model
from serving.registry import SITE
from tests.caching.site import build, text_of, warm

pytestmark = pytest.mark.django_db


class InstituteNameForTests(BaseGenericSetting):
    name = models.CharField(max_length=80)

    class Meta:
        app_label = "serving"


@pytest.fixture
def setting():
    with connection.schema_editor() as editor:
        editor.create_model(InstituteNameForTests)
    connect_model(InstituteNameForTests, SITE)
    return InstituteNameForTests.objects.create(name="Institut")


# The setting's table is created inside the test transaction.
@pytest.mark.postgres
def test_saving_a_setting_purges_every_page(reader, editor_acts, homes, setting):
    site = build(homes[0])
    urls = ["/fr/", "/en/", "/fr/rapports/", "/fr/rapports/le-rapport/", "/fr/themes/travail/", "/fr/personnes/"]
    warm(reader, urls)
    Page.objects.filter(pk=site["report"].pk).update(title="Notre rapport")
    assert "Notre rapport" not in text_of(reader, "/fr/rapports/le-rapport/")
    with editor_acts():
        setting.name = "Institut du numérique"
        setting.save()
    for url in urls:
        assert reader.get(url)["X-Page-Cache"] == "miss", url
    assert "Notre rapport" in text_of(reader, "/fr/rapports/le-rapport/")
