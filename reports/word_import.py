"""A Word document (.docx) turned into the title and body of a report draft.

mammoth reads the document (styles, lists, tables, images, footnotes) into
plain HTML; this module maps that HTML onto the report's body blocks:
headings become the contents (the document's top heading level is a
section), paragraphs and lists rich text, tables data tables, images Wagtail
images in figures, footnotes notes (reports/notes.py), and paragraphs that
start "Recommandation N" (or carry a style named "Recommandation")
recommendation blocks whose following paragraphs are their text. What has no
place in a report is kept as plain text and reported, in French: nothing is
dropped silently."""

import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import mammoth
from bs4 import BeautifulSoup, NavigableString, Tag
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images import get_image_model

from .notes import NOTE_PATTERN

# The styles word processors name a document's title and an editor's marked recommendations.
STYLE_MAP = """
p[style-name='Title'] => h1.doc-title:fresh
p[style-name='Titre'] => h1.doc-title:fresh
p[style-name='Recommandation'] => p.recommendation:fresh
p[style-name='Recommendation'] => p.recommendation:fresh
"""
RECOMMENDATION = re.compile(r"^\s*Recommandation\s+(?:n°\s*)?(\d+)\s*(?:[:.–—-]\s*)?(.*)$", re.IGNORECASE | re.DOTALL)
INLINE_TAGS = {"b": "b", "strong": "b", "i": "i", "em": "i", "a": "a", "sup": "sup", "sub": "sub", "br": "br"}
HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
MAMMOTH_WARNING = re.compile(r"Unrecognised (paragraph|run) style: (.+?) \(Style ID")


@dataclass
class ImportedReport:
    title: str = ""
    summary: str = ""
    body: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    images: int = 0
    notes: int = 0


class _Builder:
    def __init__(self, result):
        self.result = result
        self.paragraph = []
        self.recommendations = None
        self.recommendation = None
        self.pending_heading = None

    # Blocks ------------------------------------------------------------------

    def flush_paragraph(self):
        if self.paragraph:
            html = "".join(self.paragraph)
            if self.recommendation is not None:
                self.recommendation["body"] += html
            else:
                self._emit_heading()
                self.result.body.append(("paragraph", html))
            self.paragraph = []

    def _emit_heading(self):
        if self.pending_heading:
            self.result.body.append(("heading", self.pending_heading))
            self.pending_heading = None

    def close_recommendations(self):
        self.flush_paragraph()
        if self.recommendations is not None:
            self.result.body.append(("recommendations", self.recommendations))
        self.recommendations = self.recommendation = None

    def heading(self, text, level):
        self.close_recommendations()
        self._emit_heading()
        self.pending_heading = {"text": text, "level": level}

    def block(self, block_type, value):
        self.close_recommendations()
        self._emit_heading()
        self.result.body.append((block_type, value))

    def start_recommendation(self, number, title):
        self.flush_paragraph()
        if self.recommendations is None:
            # The heading just above ("Nos recommandations") titles the block, which prints it.
            heading = self.pending_heading
            self.pending_heading = None
            self.recommendations = {
                "title": heading["text"] if heading else _("Nos recommandations"),
                "intro": "",
                "recommendations": [],
            }
        self.recommendation = {"title": title, "body": "", "audiences": []}
        self.recommendations["recommendations"].append(self.recommendation)
        self.result.warnings.append(
            _("Recommandation %(number)s : choisissez ses destinataires avant de publier.") % {"number": number}
        )

    def finish(self):
        self.close_recommendations()
        self._emit_heading()
        for _type, value in self.result.body:
            if _type == "recommendations":
                for item in value["recommendations"]:
                    item["body"] = item["body"] or "<p></p>"


def _inline_html(element, warnings, notes):
    """The rich text of `element`'s content: the inline formatting a report keeps, notes as note spans."""
    parts = []
    for child in element.children:
        if isinstance(child, NavigableString):
            parts.append(_escape(str(child)))
            continue
        link = child.find("a", href=re.compile(r"^#footnote-")) if child.name == "sup" else None
        if link is not None:
            note = notes.get(link["href"][1:])
            if note is not None:
                parts.append(f'<span class="footnote">{note}</span>')
                continue
        if child.name == "img":
            warnings.append(_("Une image au milieu d'un paragraphe a été placée après celui-ci."))
            continue
        tag = INLINE_TAGS.get(child.name)
        inner = _inline_html(child, warnings, notes)
        if tag == "br":
            parts.append("<br>")
        elif tag == "a" and child.get("href", "").startswith(("http://", "https://", "mailto:")):
            parts.append(f'<a href="{_escape(child["href"])}">{inner}</a>')
        elif tag and tag != "a":
            parts.append(f"<{tag}>{inner}</{tag}>")
        else:
            if child.name not in ("a", "span", "p"):
                warnings.append(
                    _("Mise en forme « %(tag)s » non reprise ; son texte est conservé.") % {"tag": child.name}
                )
            parts.append(inner)
    return "".join(parts)


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _footnotes(soup, warnings):
    """{"footnote-N": note HTML} of mammoth's list of notes, removed from the document."""
    notes = {}
    for item in soup.select("li[id^=footnote-], li[id^=endnote-]"):
        for back in item.select('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'):
            back.decompose()
        text = " ".join(_inline_html(paragraph, warnings, {}) for paragraph in item.find_all("p") or [item])
        notes[item["id"]] = " ".join(text.split())
        parent = item.parent
        item.decompose()
        if parent is not None and not parent.find("li"):
            parent.decompose()
    return notes


def _table(element):
    rows = []
    for row in element.find_all("tr"):
        rows.append([" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])])
    width = max((len(row) for row in rows), default=0)
    rows = [row + [""] * (width - len(row)) for row in rows]
    return {
        "table": {
            "data": rows,
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "",
        },
        "source": "",
    }


class _ImageSaver:
    """mammoth's image converter: each image becomes a Wagtail image in `collection`."""

    def __init__(self, result, collection, user, stem):
        self.result, self.collection, self.user, self.stem = result, collection, user, stem
        self.images = {}

    def __call__(self, image):
        self.result.images += 1
        number = self.result.images
        extension = (image.content_type or "image/png").split("/")[-1].replace("jpeg", "jpg")
        with image.open() as handle:
            content = handle.read()
        try:
            with PILImage.open(BytesIO(content)) as picture:
                width, height = picture.size
        except (OSError, ValueError):
            self.result.warnings.append(
                _("L'image n° %(number)s est illisible (%(type)s) et n'a pas été importée.")
                % {"number": number, "type": image.content_type}
            )
            return {"src": ""}
        title = _("%(document)s — image %(number)s") % {"document": self.stem, "number": number}
        wagtail_image = get_image_model()(title=title, collection=self.collection, uploaded_by_user=self.user)
        wagtail_image.file.save(f"{self.stem}-{number}.{extension}", ImageFile(BytesIO(content)), save=False)
        wagtail_image.width, wagtail_image.height = width, height
        wagtail_image.save()
        alt = (image.alt_text or "").strip()
        if not alt:
            self.result.warnings.append(
                _("L'image n° %(number)s n'a pas de texte alternatif : décrivez-la dans sa figure.")
                % {"number": number}
            )
        return {"src": f"wagtail-image:{wagtail_image.pk}", "alt": alt, "data-number": str(number)}


def _translated_mammoth_warning(message):
    match = MAMMOTH_WARNING.match(message.message)
    if match:
        kind = _("paragraphe") if match[1] == "paragraph" else _("caractère")
        return _("Style de %(kind)s « %(style)s » inconnu : son texte est importé sans ce style.") % {
            "kind": kind,
            "style": match[2],
        }
    return _("Contenu non repris tel quel par le convertisseur : %(message)s") % {"message": message.message}


def convert_docx(handle, filename, collection, user):
    """The report (title, body blocks, warnings in French) written in the .docx file `handle`."""
    result = ImportedReport()
    stem = Path(filename).stem
    saver = _ImageSaver(result, collection, user, stem)
    converted = mammoth.convert_to_html(handle, style_map=STYLE_MAP, convert_image=mammoth.images.img_element(saver))
    for message in converted.messages:
        # Word's own character styles for note calls say nothing to an editor.
        if "Footnote" in message.message or "Endnote" in message.message or "Frame Contents" in message.message:
            continue
        result.warnings.append(_translated_mammoth_warning(message))
    soup = BeautifulSoup(converted.value, "html.parser")
    notes = _footnotes(soup, result.warnings)
    result.notes = len(notes)
    title = soup.find("h1", class_="doc-title")
    if title is not None:
        result.title = " ".join(title.get_text(" ").split())
        title.decompose()
    levels = sorted({int(tag.name[1]) for tag in soup.find_all(HEADING_TAGS)})
    builder = _Builder(result)
    for element in soup.children:
        if isinstance(element, NavigableString):
            if element.strip():
                builder.paragraph.append(f"<p>{_escape(element.strip())}</p>")
            continue
        _add_element(builder, element, levels, result, notes)
    builder.finish()
    first_text = next((value for name, value in result.body if name == "paragraph"), "")
    result.summary = " ".join(BeautifulSoup(NOTE_PATTERN.sub("", first_text), "html.parser").get_text(" ").split())[
        :600
    ]
    result.warnings.insert(
        0, _("Le résumé reprend le premier paragraphe : réécrivez-le pour les listes et les aperçus.")
    )
    if not result.title:
        result.title = stem
        result.warnings.insert(
            0, _("Le document n'a pas de titre (style « Titre ») : le nom du fichier sert de titre, modifiez-le.")
        )
    return result


def _add_element(builder, element: Tag, levels, result, notes):
    name = element.name
    if name in HEADING_TAGS:
        text = " ".join(element.get_text(" ").split())
        rank = levels.index(int(name[1]))
        if rank == 0:
            builder.heading(text, "h2")
        elif rank == 1:
            builder.heading(text, "h3")
        else:
            result.warnings.append(
                _("L'intertitre « %(text)s » est d'un niveau trop profond : importé comme paragraphe en gras.")
                % {"text": text}
            )
            builder.paragraph.append(f"<p><b>{_escape(text)}</b></p>")
        return
    if name == "table":
        builder.flush_paragraph()
        builder.block("table", _table(element))
        return
    images = element.find_all("img") if name == "p" else []
    if images:
        builder.flush_paragraph()
        for image in images:
            if image.get("src", "").startswith("wagtail-image:"):
                builder.block(
                    "figure",
                    {
                        "image": int(image["src"].split(":")[1]),
                        "alt_text": image.get("alt", ""),
                        "caption": "",
                        "source": "",
                        "source_url": "",
                    },
                )
            image.decompose()
        if not element.get_text(strip=True):
            return
    if name == "p":
        text = " ".join(element.get_text(" ").split())
        match = RECOMMENDATION.match(text)
        if "recommendation" in (element.get("class") or []) or match:
            number = match[1] if match else len((builder.recommendations or {}).get("recommendations", [])) + 1
            builder.start_recommendation(number, match[2].strip() if match else text)
            return
        html = _inline_html(element, result.warnings, notes)
        if html.strip():
            builder.paragraph.append(f"<p>{html}</p>")
        return
    if name in ("ul", "ol"):
        items = "".join(f"<li>{_inline_html(item, result.warnings, notes)}</li>" for item in element.find_all("li"))
        builder.paragraph.append(f"<{name}>{items}</{name}>")
        return
    result.warnings.append(
        _("Élément « %(tag)s » non pris en charge : son texte est importé comme paragraphe.") % {"tag": name}
    )
    text = " ".join(element.get_text(" ").split())
    if text:
        builder.paragraph.append(f"<p>{_escape(text)}</p>")
