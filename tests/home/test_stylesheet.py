"""The one stylesheet every page fetches is the parts of site/css/ joined, in
their order (site/css/build.py): a change to a part is served only once the
bundle is rebuilt, and a part stays a file of one concern."""

import importlib.util
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

PARTS_DIR = Path(settings.BASE_DIR) / "site" / "css"


def build_module():
    spec = importlib.util.spec_from_file_location("site_css_build", PARTS_DIR / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_served_stylesheet_is_the_parts_joined():
    build = build_module()
    assert build.BUNDLE.read_text() == build.bundle(), "run .venv/bin/python site/css/build.py"
    # What a page links ({% static "css/site.css" %}) is that file.
    assert Path(finders.find("css/site.css")) == build.BUNDLE


def test_every_part_is_in_the_bundle_and_of_a_readable_size():
    build = build_module()
    assert sorted(build.PARTS) == sorted(path.name for path in PARTS_DIR.glob("*.css"))
    for part in build.PARTS:
        assert len((PARTS_DIR / part).read_text().splitlines()) <= 400, part
