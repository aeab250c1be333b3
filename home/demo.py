"""Demo content shared by every app: locales, images drawn with Pillow, the
two home pages, standard pages and menus. Content apps add their own `demo.py`
and are listed in `load_demo`'s steps."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site

from editorial.localize import translate
from navigation.models import Menu, MenuItem

from .models import HomePage, StandardPage

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


def load(context):
    french, english = french_and_english_locales()
    root = Page.get_first_root_node()
    # The Wagtail install page ("Welcome to your new Wagtail site!") gives way to ours.
    for page in root.get_children().exclude(content_type__model="homepage"):
        if not page.specific_class or page.specific_class is Page:
            page.delete()

    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        home = HomePage(
            title="Institut du numérique responsable",
            slug="accueil",
            locale=french,
            intro="<p>Un laboratoire d'idées indépendant sur les politiques du numérique et de l'intelligence "
            "artificielle : rapports, recommandations, événements et concertations pour un numérique "
            "au service de l'humain et de la planète.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page, site.site_name = (
        "localhost",
        80,
        home,
        "Institut du numérique responsable",
    )
    site.save()

    english_version(
        home,
        {
            "Institut du numérique responsable": "Institute for Responsible Digital Policy",
            "accueil": "home",
            "Un laboratoire d'idées indépendant sur les politiques du numérique et de l'intelligence "
            "artificielle : rapports, recommandations, événements et concertations pour un numérique "
            "au service de l'humain et de la planète.": "An independent think-tank on digital and artificial "
            "intelligence policy: reports, recommendations, events and consultations for digital technology "
            "that serves people and the planet.",
        },
    )

    standard_pages = [
        (
            "a-propos",
            "À propos",
            "About us",
            "about",
            "Qui nous sommes et comment nous travaillons.",
            "Who we are and how we work.",
            "Nous réunissons chercheurs, praticiens et élus pour proposer des politiques publiques du numérique "
            "fondées sur les faits et tournées vers l'intérêt général.",
            "We bring researchers, practitioners and elected officials together to propose evidence-based "
            "digital public policy in the public interest.",
        ),
        (
            "mentions-legales",
            "Mentions légales",
            "Legal notice",
            "legal-notice",
            "Éditeur, hébergeur et conditions d'utilisation du site.",
            "Publisher, host and terms of use of this site.",
            "Le site est édité par l'association Institut du numérique responsable.",
            "This site is published by the Institut du numérique responsable association.",
        ),
        (
            "confidentialite",
            "Politique de confidentialité",
            "Privacy notice",
            "privacy",
            "Comment nous traitons vos données personnelles.",
            "How we process your personal data.",
            "Les données saisies lors d'une inscription servent uniquement à organiser l'événement concerné et "
            "sont supprimées après la durée de conservation annoncée.",
            "Data entered when registering is used only to run the event concerned and is deleted after the "
            "announced retention period.",
        ),
    ]
    pages = {}
    for (
        slug,
        title_fr,
        title_en,
        slug_en,
        intro_fr,
        intro_en,
        body_fr,
        body_en,
    ) in standard_pages:
        page = child_page(
            home,
            StandardPage,
            slug,
            title=title_fr,
            intro=intro_fr,
            body=[("paragraph", f"<p>{body_fr}</p>")],
        )
        pages[slug] = page
        english_version(
            page,
            {title_fr: title_en, slug: slug_en, intro_fr: intro_en, body_fr: body_en},
        )
    context["home"] = home
    context["standard_pages"] = pages


def load_menus(context):
    """Menus last, once every page they link to exists."""
    french, _ = french_and_english_locales()
    home = context["home"]
    links = context.get("menu_links", [])
    main, created = Menu.objects.get_or_create(locale=french, slot=Menu.Slot.MAIN)
    if created:
        for label, page in links:
            MenuItem.objects.create(menu=main, locale=french, label=label, link_page=page)
    footer, created = Menu.objects.get_or_create(
        locale=french,
        slot=Menu.Slot.FOOTER,
        defaults={"footer_text": "Institut du numérique responsable — contenus sous licence CC BY 4.0."},
    )
    if created:
        for page in context["standard_pages"].values():
            MenuItem.objects.create(menu=footer, locale=french, label=page.title, link_page=page)
    english_labels = {
        "Rapports": "Reports",
        "Événements": "Events",
        "Actualités": "News",
        "Initiatives": "Initiatives",
        "Thèmes": "Topics",
        "Recherche": "Search",
        "À propos": "About us",
        "Mentions légales": "Legal notice",
        "Politique de confidentialité": "Privacy notice",
        "Institut du numérique responsable — contenus sous licence CC BY 4.0.": "Institute for Responsible "
        "Digital Policy — content licensed under CC BY 4.0.",
    }
    for menu in (main, footer):
        if not menu.has_translation(Locale.objects.get(language_code="en")):
            translate(menu, english_labels)
    context["home"] = home
