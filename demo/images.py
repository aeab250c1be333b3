"""Images of the demo, drawn locally with Pillow (nothing is downloaded).

Every text is drawn with DejaVu Sans, shipped in `demo/fonts/` with its licence:
Pillow's default font has no accented letters and would draw "Littératie" as
"Litt□ratie". Covers carry their text in one language, so an English page gets
a cover of its own (see `Cover`), and their alt texts are made from what is drawn."""

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"

INK = "#1d1f2a"
WHITE = "#ffffff"
# key: (colour, its French name after "fond", its English name)
COLOURS = {
    "blue": ("#2b4fd8", "bleu", "blue"),
    "green": ("#1d7a46", "vert", "green"),
    "ochre": ("#a35a00", "ocre", "ochre"),
    "plum": ("#7a1d5c", "prune", "plum"),
    "teal": ("#0f6c7a", "bleu canard", "teal"),
    "purple": ("#5a3fc0", "violet", "purple"),
    "red": ("#b3261e", "rouge", "red"),
    "olive": ("#3d5a1d", "vert olive", "olive green"),
}


@functools.cache
def font(size, bold=False):
    """DejaVu Sans at `size` pixels: the only font the demo draws with."""
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size)


def fit(draw, text, width, height, size, bold=False, max_lines=2):
    """The largest font (`size` at most) and the lines, cut at spaces, with which
    `text` fits in `width` x `height`."""
    for candidate in range(size, 9, -2):
        face = font(candidate, bold)
        lines = []
        for word in text.split():
            if lines and draw.textlength(f"{lines[-1]} {word}", font=face) <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        line_height = candidate * 5 // 4
        if (
            len(lines) <= max_lines
            and len(lines) * line_height <= height
            and all(draw.textlength(line, font=face) <= width for line in lines)
        ):
            return face, lines, line_height
    return font(10, bold), [text], 12


def write(draw, box, text, size, fill=WHITE, bold=False, align="left"):
    """`text` drawn inside `box` (left, top, right, bottom), vertically centred."""
    left, top, right, bottom = box
    face, lines, line_height = fit(draw, text, right - left, bottom - top, size, bold)
    y = top + (bottom - top - len(lines) * line_height) // 2 + line_height // 2
    for line in lines:
        x = left if align == "left" else (left + right) // 2
        draw.text((x, y), line, fill=fill, font=face, anchor="lm" if align == "left" else "mm")
        y += line_height


def stored(title):
    return Image.objects.filter(title=title).first()


def save(canvas, title, description):
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    image = Image(title=title, description=description)
    image.file = ImageFile(buffer, name=f"{slugify(title)[:60] or 'image'}.png")
    image.save()
    return image


@dataclass(frozen=True)
class Cover:
    """A page cover: white diagonal lines on a colour, and its text on a dark band.

    `fr` and `en` are the text drawn on the French and the English cover: a
    translated page points to the cover in its language (`image("en")`), and
    `alt(language)` says what is drawn on that one."""

    fr: str
    en: str
    colour: str = "blue"

    def label(self, language):
        return self.fr if language == "fr" else self.en

    def title(self, language):
        return f"Couverture : {self.fr}" if language == "fr" else f"Cover: {self.en}"

    def alt(self, language, prefix=""):
        _hex, colour_fr, colour_en = COLOURS[self.colour]
        if language == "fr":
            text = f"Lignes obliques blanches sur fond {colour_fr} ; en bas, sur un bandeau sombre, « {self.fr} » écrit en blanc."
        else:
            article = "an" if colour_en[0] in "aeiou" else "a"
            text = f"White diagonal lines on {article} {colour_en} background; at the bottom, “{self.en}” in white on a dark band."
        if prefix:
            separator = " : " if language == "fr" else ": "
            text = f"{prefix}{separator}{text[0].lower()}{text[1:]}"
        return text

    def image(self, language="fr", width=1200, height=630):
        """The cover in `language`, drawn once and found again by title."""
        title = self.title(language)
        existing = stored(title)
        if existing:
            return existing
        canvas = PILImage.new("RGB", (width, height), COLOURS[self.colour][0])
        draw = ImageDraw.Draw(canvas)
        for step in range(0, width, max(width // 12, 1)):
            draw.line([(step, height), (step + height // 2, 0)], fill=WHITE, width=2)
        band_top = height * 2 // 3
        draw.rectangle([0, band_top, width, height], fill=INK)
        margin = width // 20
        write(draw, (margin, band_top, width - margin, height), self.label(language), height // 11, bold=True)
        return save(canvas, title, self.alt(language))


def initials(name):
    return "".join(part[0] for part in name.replace("-", " ").split() if part[0].isupper())[:3]


def portrait(name, size=400):
    """A person's picture: their initials in white, centred on a colour of the
    palette chosen from the name. Like a real headshot, everything drawn stays
    in the middle, so a round or square crop keeps it whole; the name is not
    drawn, since every page prints it beside the picture."""
    title = f"Portrait {name}"
    existing = stored(title)
    if existing:
        return existing
    colour_key = list(COLOURS)[sum(map(ord, name)) % len(COLOURS)]
    colour, colour_fr, _en = COLOURS[colour_key]
    canvas = PILImage.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(canvas)
    letters = initials(name)
    # The box inscribed well inside the circle a round crop keeps.
    box = size - 2 * (size * 11 // 50)
    face, _lines, _height = fit(draw, letters, box, box, size * 2 // 5, bold=True, max_lines=1)
    draw.text((size // 2, size // 2), letters, fill=WHITE, font=face, anchor="mm")
    description = f"Initiales « {letters} » en blanc sur fond {colour_fr}."
    return save(canvas, title, description)


@dataclass(frozen=True)
class Diagram:
    """Three overlapping circles, one word in each: a figure of a report, drawn in
    French (`fr`) and in English (`en`)."""

    fr: tuple
    en: tuple

    def title(self, language):
        words = self.fr if language == "fr" else self.en
        return ("Schéma : " if language == "fr" else "Diagram: ") + " · ".join(words)

    def image(self, language="fr", width=1200, height=600):
        title = self.title(language)
        existing = stored(title)
        if existing:
            return existing
        canvas = PILImage.new("RGB", (width, height), WHITE)
        layer = PILImage.new("RGBA", (width, height), (0, 0, 0, 0))
        radius = height * 3 // 10
        centres = [
            (width // 2 - radius * 2 // 3, height * 2 // 5),
            (width // 2 + radius * 2 // 3, height * 2 // 5),
            (width // 2, height * 2 // 5 + radius * 9 // 10),
        ]
        colours = [COLOURS[key][0] for key in ("blue", "green", "ochre")]
        for (x, y), colour in zip(centres, colours, strict=True):
            circle = PILImage.new("RGBA", (width, height), (0, 0, 0, 0))
            rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
            ImageDraw.Draw(circle).ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*rgb, 150))
            layer = PILImage.alpha_composite(layer, circle)
        canvas.paste(layer, mask=layer)
        draw = ImageDraw.Draw(canvas)
        words = self.fr if language == "fr" else self.en
        # Each word in the part of its circle that the others do not cover, all
        # of them at the size at which the longest fits.
        offsets = [(-radius // 3, -radius // 5), (radius // 3, -radius // 5), (0, radius // 2)]
        face = min(
            (fit(draw, word, radius * 6 // 5, radius // 2, radius // 5, bold=True)[0] for word in words),
            key=lambda f: f.size,
        )
        for (x, y), (dx, dy), word in zip(centres, offsets, words, strict=True):
            draw.text((x + dx, y + dy), word, fill=INK, font=face, anchor="mm")
        return save(canvas, title, self.alt(language))

    def alt(self, language):
        if language == "fr":
            return "Schéma : trois cercles qui se chevauchent, « {} », « {} » et « {} »".format(*self.fr)
        return "Diagram: three overlapping circles, “{}”, “{}” and “{}”".format(*self.en)
