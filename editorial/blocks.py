"""Body blocks shared by the long-form content types (reports, news).

Use them as the body of a page::

    from editorial.blocks import BodyBlock

    class ArticlePage(EditorialPage):
        body = StreamField(BodyBlock(), verbose_name=_("corps du texte"))

A content type that needs more blocks subclasses `BodyBlock` and declares them
(see `reports.blocks.ReportBodyBlock`). The page names the field in
`body_field`; `EditorialPage.get_context` then puts it in the context as
``body``: its HTML (``editorial/includes/body.html``, once per content), and
its outline (each heading's anchor) for a table of contents::

    body_field = "body"

    {% include "editorial/includes/toc.html" %}
    {{ body.html }}

and their styles are in the site's one stylesheet (``site/static/css/site.css``).

Every text a reader sees (headings, captions, alt texts, quotes, table cells,
key figures, references) is a wagtail-localize segment; images and links are
synchronised from the French source.
"""

import math
import re

from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import AbstractImage
from wagtail_localize.segments import StringSegmentValue

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]
WORDS_PER_MINUTE = 220


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Intertitre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Section")), ("h3", _("Sous-section"))],
        default="h2",
        help_text=_("Les sections et sous-sections forment la table des matières."),
    )

    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "editorial/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(label=_("Auteur ou source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation mise en avant")
        template = "editorial/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Texte alternatif"),
        required=False,
        help_text=_("Ce que montre l'image, pour qui ne la voit pas."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False)
    source = blocks.CharBlock(label=_("Source"), required=False)
    source_url = blocks.URLBlock(label=_("Lien vers la source"), required=False)

    class Meta:
        icon = "image"
        label = _("Figure")
        template = "editorial/blocks/figure.html"


class TranslatableTableBlock(TableBlock):
    """A table whose caption and cells are translated one by one in
    wagtail-localize (the stock TableBlock is skipped by its extractor)."""

    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for col_index, cell in enumerate(row):
                if cell and str(cell).strip():
                    segments.append(StringSegmentValue(f"r{row_index}c{col_index}", str(cell)))
        return segments

    def restore_translated_segments(self, value, segments):
        for segment in segments:
            text = segment.render_text()
            if segment.path == "caption":
                value["table_caption"] = text
                continue
            match = re.fullmatch(r"r(\d+)c(\d+)", segment.path)
            if match:
                row, col = int(match[1]), int(match[2])
                value["data"][row][col] = text
        return value


class DataTableBlock(blocks.StructBlock):
    table = TranslatableTableBlock(
        label=_("Tableau"),
        table_options={"contextMenu": True, "startRows": 3, "startCols": 3},
    )
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "table"
        label = _("Tableau de données")
        template = "editorial/blocks/data_table.html"


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Chiffre"), max_length=40, help_text=_("Par exemple « 2,5 Md€ »."))
    label = blocks.CharBlock(label=_("Ce qu'il mesure"), max_length=200)
    source = blocks.CharBlock(label=_("Source"), required=False)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Chiffres"), min_num=1)

    class Meta:
        icon = "pick"
        label = _("Chiffres clés")
        template = "editorial/blocks/key_figures.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False)
    text = blocks.RichTextBlock(label=_("Texte"), features=PARAGRAPH_FEATURES)
    tone = blocks.ChoiceBlock(
        label=_("Ton"),
        choices=[("info", _("Information")), ("key", _("À retenir")), ("warning", _("Mise en garde"))],
        default="info",
    )

    class Meta:
        icon = "warning"
        label = _("Encadré")
        template = "editorial/blocks/callout.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Adresse de la vidéo"), help_text=_("YouTube, Vimeo, Dailymotion…"))
    title = blocks.CharBlock(label=_("Titre de la vidéo"), help_text=_("Annoncé aux lecteurs d'écran."))
    caption = blocks.CharBlock(label=_("Légende"), required=False)

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "editorial/blocks/video.html"


class ReferenceBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Référence"), features=["bold", "italic", "link"])
    url = blocks.URLBlock(label=_("Lien"), required=False)


class ReferencesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False, default="")
    references = blocks.ListBlock(ReferenceBlock(), label=_("Références"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Notes et références")
        template = "editorial/blocks/references.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Paragraphe"), features=PARAGRAPH_FEATURES, icon="pilcrow")
    quote = QuoteBlock()
    figure = FigureBlock()
    table = DataTableBlock()
    key_figures = KeyFiguresBlock()
    callout = CalloutBlock()
    video = VideoBlock()
    references = ReferencesBlock()


class Outline:
    """The headings of a body with their anchors.

    `toc` lists sections with their sub-sections; `anchor_for(block_id)` gives
    the anchor of a heading block (or of any block whose type defines
    `toc_title(value)`, which makes it a section of the table of contents; its
    template receives the anchor as `anchor`). Anchors come from the heading text (readable
    links) and are made unique within the page.

    `numbered` names the block types whose captions are numbered in page order,
    each type on its own ("Figure 1", "Tableau 1"): `number_for(block_id)`,
    given to their templates as `number`."""

    def __init__(self, stream_value, numbered=()):
        self.toc = []
        self._anchors = {}
        self._numbers = {}
        counts = dict.fromkeys(numbered, 0)
        used = set()
        for child in stream_value or []:
            if child.block_type in counts:
                counts[child.block_type] += 1
                self._numbers[child.id] = counts[child.block_type]
            if child.block_type == "heading":
                text, level = child.value["text"], child.value["level"]
            elif hasattr(child.block, "toc_title"):
                # Blocks with a title of their own (e.g. a report's recommendations) are sections too.
                text, level = child.block.toc_title(child.value), "h2"
            else:
                continue
            base = slugify(text)[:60].strip("-") or "section"
            anchor, number = base, 2
            while anchor in used:
                anchor, number = f"{base}-{number}", number + 1
            used.add(anchor)
            self._anchors[child.id] = anchor
            entry = {"anchor": anchor, "text": text, "children": []}
            if level == "h3" and self.toc:
                self.toc[-1]["children"].append(entry)
            else:
                self.toc.append(entry)

    def anchor_for(self, block_id):
        return self._anchors.get(block_id, "")

    def number_for(self, block_id):
        return self._numbers.get(block_id)

    def __bool__(self):
        return bool(self.toc)


def word_count(*texts):
    return sum(len(strip_tags(str(text)).split()) for text in texts if text)


def body_word_count(stream_value):
    """Words a reader reads in a body: its searchable text (headings, paragraphs, captions, cells...)."""
    texts = []
    for child in stream_value or []:
        texts.extend(child.block.get_searchable_content(child.value))
    return word_count(*texts)


def body_images(value):
    """The images a body, or any block value in it, shows, however deep."""
    if isinstance(value, AbstractImage):
        return [value]
    if isinstance(value, blocks.StreamValue):
        value = [child.value for child in value]
    elif isinstance(value, blocks.StructValue):
        value = list(value.values())
    elif not isinstance(value, (list, ListValue)):
        return []
    return [image for item in value for image in body_images(item)]


def reading_minutes(words):
    """Minutes needed to read `words` words, at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
