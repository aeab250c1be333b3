"""Footnotes in a report's text.

Editors mark a note's text inside the sentence it belongs to (the "Note"
button of the rich text toolbar, stored as ``<span class="footnote">``), so a
note moves with its sentence and is translated with the page by
wagtail-localize (a segment of its own). The page numbers the notes in
reading order, puts a linked call where each stood and lists them at the end
of the report, each with a link back to its call; the PDF prints the same
spans as real footnotes (CSS ``float: footnote``)."""

import re
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

FEATURE = "footnote"
STYLE = "FOOTNOTE"
NOTE_PATTERN = re.compile(r'<span class="footnote">(.*?)</span>', re.DOTALL)


def register_feature(features):
    # The admin's rich text modules load models: imported when the hook runs.
    from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
    from wagtail.admin.rich_text.editors.draftail.features import InlineStyleFeature

    features.register_editor_plugin(
        "draftail",
        FEATURE,
        InlineStyleFeature(
            {
                "type": STYLE,
                "label": _("Note"),
                "description": _("Note de bas de page : sélectionnez le texte de la note, placé après le mot appelé"),
                "style": {"fontSize": "0.85em", "backgroundColor": "#fff3c4", "verticalAlign": "super"},
            }
        ),
    )
    features.register_converter_rule(
        "contentstate",
        FEATURE,
        {
            "from_database_format": {'span[class="footnote"]': InlineStyleElementHandler(STYLE)},
            "to_database_format": {"style_map": {STYLE: {"element": "span", "props": {"class": "footnote"}}}},
        },
    )


@dataclass
class Note:
    number: int
    html: str

    @property
    def anchor(self):
        return f"note-{self.number}"

    @property
    def call_anchor(self):
        return f"appel-note-{self.number}"


def number_notes(html):
    """(`html` with each note replaced by its numbered call, [Note]) in reading order."""
    notes = []

    def call(match):
        note = Note(number=len(notes) + 1, html=match[1].strip())
        notes.append(note)
        return format_html(
            '<sup class="note-call"><a id="{}" href="#{}" role="doc-noteref" aria-label="{}">{}</a></sup>',
            note.call_anchor,
            note.anchor,
            _("Note %(number)s") % {"number": note.number},
            note.number,
        )

    return mark_safe(NOTE_PATTERN.sub(call, str(html))), notes  # noqa: S308 - rendered rich text; calls by format_html
