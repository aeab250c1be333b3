"""The demo's images: drawn with the DejaVu font shipped in demo/fonts/ (never
Pillow's default font, which draws "é" as a box), English covers on English
pages, alt texts that say what is drawn."""

import re
from pathlib import Path

import pytest
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import ImageFont
from wagtail.models import Locale, Page

from demo.images import BOLD, COLOURS, REGULAR, portrait
from editorial.models import EditorialPage
from reports.models import ReportPage

pytestmark = pytest.mark.django_db

MISSING = "\U0010fffd"  # a private-use character no font has: drawn as the font's box


def is_box(font, character):
    """Whether `font` draws `character` as its "missing glyph" box."""
    return bytes(font.getmask(character)) == bytes(font.getmask(MISSING))


def test_the_box_check_catches_pillows_default_font():
    default = ImageFont.load_default(40)
    assert is_box(default, "é") and is_box(default, "ç")
    assert not is_box(default, "e")
    shipped = ImageFont.truetype(str(REGULAR), 40)
    assert not is_box(shipped, "é") and not is_box(shipped, "ç")


def test_every_demo_text_is_drawn_with_the_shipped_font(demo):
    drawn = demo
    texts = {text for text, _font in drawn}
    # Covers, portraits (their initials) and the report's figure, French and English (the PDFs are printed by WeasyPrint).
    for text in ("Littératie en IA", "AI literacy", "JFL", "CD", "Évaluer", "Assessing"):
        assert text in texts, text
    for text, font in drawn:
        assert isinstance(font, ImageFont.FreeTypeFont), (text, font)
        assert Path(font.path).resolve() in {REGULAR, BOLD}, (text, font.path)
        boxes = [character for character in set(text) - {" "} if is_box(font, character)]
        assert not boxes, (text, boxes)


def test_a_portrait_keeps_what_is_drawn_inside_the_circle_that_the_round_crop_keeps():
    """People's pictures are shown in a circle: nothing drawn in a demo portrait may
    fall in the corners that the circle cuts off (it used to be the person's name)."""
    with portrait("Jean-François Lucas").open_file() as handle, PILImage.open(handle) as picture:
        picture = picture.convert("RGB")
        size = picture.width
        background = picture.getpixel((0, 0))
        centre, radius = (size - 1) / 2, size / 2

        def outside_circle(x, y):
            return (x - centre) ** 2 + (y - centre) ** 2 > radius**2

        points = [(x, y) for x in range(0, size, 2) for y in range(0, size, 2)]
        assert all(picture.getpixel(point) == background for point in points if outside_circle(*point))
        assert any(picture.getpixel(point) == (255, 255, 255) for point in points), "the initials are drawn"


def pixel_colour(image):
    """The background colour of a stored cover, in `COLOURS`' notation."""
    with image.open_file() as handle, PILImage.open(handle) as picture:
        return "#{:02x}{:02x}{:02x}".format(*picture.convert("RGB").getpixel((10, 10)))


def colours_named(alt, language):
    """The colours of `COLOURS` that the alt text says the cover is drawn on."""
    pattern = r"\bfond {} ;" if language == "fr" else r"\ban? {} background"
    return [
        colour
        for colour, name_fr, name_en in COLOURS.values()
        if re.search(pattern.format(name_fr if language == "fr" else name_en), alt)
    ]


def test_english_pages_have_english_covers_whose_alt_text_says_what_is_drawn(client, demo):
    drawn_lines = " ".join(text for text, _font in demo)  # a label cut in two lines is whole again
    french = Locale.objects.get(language_code="fr")
    english_pages = [
        page
        for page in Page.objects.live().filter(locale__language_code="en").specific()
        if isinstance(page, EditorialPage) and page.cover_image_id
    ]
    assert len(english_pages) == 6  # the report, three events, the news article, the initiative
    for english in english_pages:
        source = english.get_translation(french).specific
        assert english.cover_image_id != source.cover_image_id
        for page, prefix, quoted in ((source, "Couverture : ", "« {} »"), (english, "Cover: ", "“{}”")):
            cover = page.cover_image
            assert cover.title.startswith(prefix), (page.url, cover.title)
            # The alt text quotes the text drawn on the cover and names the colour it is drawn on.
            label = cover.title.removeprefix(prefix)
            assert label in drawn_lines, label
            assert quoted.format(label) in page.cover_alt, (page.url, page.cover_alt)
            assert colours_named(page.cover_alt, page.locale.language_code) == [pixel_colour(cover)], page.cover_alt
        assert f'alt="{escape(english.cover_alt)}"' in client.get(english.url).text


def test_the_english_report_has_the_english_figure(demo):
    figures = {
        report.locale.language_code: next(block.value for block in report.body if block.block_type == "figure")
        for report in ReportPage.objects.all()
    }
    assert figures["fr"]["image"].title == "Schéma : Comprendre · Évaluer · Décider"
    assert figures["en"]["image"].title == "Diagram: Understanding · Assessing · Deciding"
    assert "three overlapping circles" in figures["en"]["alt_text"]
