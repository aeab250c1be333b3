import io

import pytest
from django.core.management import call_command
from PIL import ImageDraw, ImageFont


@pytest.fixture
def demo(db, monkeypatch):
    """The whole demo content, as `python manage.py load_demo` loads it.

    While it loads, Pillow's default font cannot be had (asking for it fails the
    load), and every text drawn is recorded with its font: the fixture returns
    that list of (text, font)."""
    drawn = []
    draw_text = ImageDraw.ImageDraw.text

    def recording_text(self, xy, text, *args, **kwargs):
        drawn.append((text, kwargs.get("font", args[1] if len(args) > 1 else None)))
        return draw_text(self, xy, text, *args, **kwargs)

    def no_default_font(*args, **kwargs):
        raise AssertionError("a demo image asked for Pillow's default font, which has no accented letters")

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", recording_text)
    monkeypatch.setattr(ImageFont, "load_default", no_default_font)
    call_command("load_demo", stdout=io.StringIO())
    monkeypatch.undo()
    return drawn
