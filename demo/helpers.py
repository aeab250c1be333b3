"""What every demo module shares: locales, images drawn with Pillow, pages
created once, English versions made through wagtail-localize."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Locale

from editorial.localize import translate

PALETTE = [
    "#2b4fd8",
    "#1d7a46",
    "#a35a00",
    "#7a1d5c",
    "#0f6c7a",
    "#5a3fc0",
    "#b3261e",
    "#3d5a1d",
]


def demo_image(title, width=1200, height=630, color=None, label=None):
    """An image drawn locally (nothing is downloaded), found again by title."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    color = color or PALETTE[sum(map(ord, title)) % len(PALETTE)]
    canvas = PILImage.new("RGB", (width, height), color)
    draw = ImageDraw.Draw(canvas)
    for step in range(0, width, max(width // 12, 1)):
        draw.line([(step, height), (step + height // 2, 0)], fill="#ffffff", width=2)
    draw.rectangle([0, height * 2 // 3, width, height], fill="#1d1f2a")
    draw.text(
        (width // 20, height * 3 // 4),
        label or title,
        fill="#ffffff",
        font_size=max(height // 12, 12),
    )
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    filename = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:60] + ".png"
    image = Image(title=title, description=label or title)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def french_and_english_locales():
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return french, english


def child_page(parent, model, slug, **fields):
    """The child of `parent` with `slug`, created (and published) if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def english_version(page, strings):
    """The English translation of `page`, made through wagtail-localize if missing."""
    existing = page.get_translation_or_none(Locale.objects.get(language_code="en"))
    if existing:
        return existing.specific
    return translate(page, strings)
