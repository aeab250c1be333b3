"""The site's fonts (built by site/fonts/build.py): every character of the
French and English interface is in them, the stylesheet's unicode-range says
what each file holds, and each page preloads the faces it shows first.
tests/browser/test_fonts.py checks that the browser draws with them."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

from tests.kit.html import soup
from tests.reports.factories import report, report_index

STATIC = Path(settings.BASE_DIR) / "site" / "static"
FACE = re.compile(r'@font-face \{[^}]*url\("\.\./fonts/(?P<file>[^"]+)"\)[^}]*unicode-range:\s*(?P<range>[^;]+);')
# The site's faces; the sans italic is the report PDF's only (the site slants the upright).
SITE_FACES = [
    "source-sans-3-normal.woff2",
    "source-serif-4-600.woff2",
    "source-serif-4-400.woff2",
]
SUBSETS = [*SITE_FACES, "source-sans-3-italic.woff2"]


def characters(font_file):
    return {chr(code) for code in TTFont(STATIC / "fonts" / font_file).getBestCmap()}


def declared_ranges():
    css = (STATIC / "css" / "site.css").read_text()
    return {match["file"]: match["range"] for match in FACE.finditer(css)}


def code_points(unicode_range):
    points = set()
    for part in unicode_range.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(chr(code) for code in range(int(first, 16), int(last or first, 16) + 1))
    return points


def interface_text():
    """Every French msgid and English msgstr of the project's catalogues."""
    catalogues = [
        path for path in Path(settings.BASE_DIR).glob("**/locale/en/LC_MESSAGES/django.po") if ".venv" not in path.parts
    ]
    assert catalogues
    return "".join(
        entry.msgid + entry.msgstr + "".join(entry.msgstr_plural.values())
        for path in catalogues
        for entry in polib.pofile(str(path))
    )


@pytest.mark.parametrize("font_file", SUBSETS)
def test_each_subset_holds_every_character_of_the_interface(font_file):
    needed = {char for char in interface_text() if char.isprintable() or char in "\u00a0\u202f"}
    missing = needed - characters(font_file)
    assert not missing, f"{font_file} lacks {sorted(missing)}"
    # Lighter than the packages' latin files (29-52 kB), which hold Vietnamese marks and figure styles too.
    assert (STATIC / "fonts" / font_file).stat().st_size < 23_000


@pytest.mark.parametrize("font_file", SITE_FACES)
def test_the_stylesheet_declares_what_each_subset_holds(font_file):
    assert code_points(declared_ranges()[font_file]) == characters(font_file)


def test_every_face_of_the_stylesheet_exists():
    for font_file in declared_ranges():
        assert (STATIC / "fonts" / font_file).is_file(), font_file


def preloaded(response):
    parsed = soup(response.content)
    return {link["href"].rsplit("/", 1)[-1] for link in parsed.select("link[rel=preload][as=font]")}


@pytest.mark.django_db
def test_pages_preload_the_text_and_heading_faces_and_nothing_else(client, home_fr):
    """A report's subtitle is set in the text face: its cover comes after two faces, not three."""
    assert preloaded(client.get("/fr/")) == {"source-sans-3-normal.woff2", "source-serif-4-600.woff2"}
    page = report(report_index(home_fr), title="Rapport", slug="rapport", subtitle="Un sous-titre")
    assert preloaded(client.get(page.url)) == {"source-sans-3-normal.woff2", "source-serif-4-600.woff2"}
