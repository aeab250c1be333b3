"""Demo home pages (French and English), standard pages (about, legal notice,
privacy) and menus, the first and last steps of `load_demo`."""

from wagtail.models import Locale, Page, Site

from editorial.localize import translate
from home.models import HomePage, StandardPage
from navigation.models import InstituteSettings, Menu, MenuItem

from .helpers import child_page, english_version, french_and_english_locales


def load(context):
    french, _english = french_and_english_locales()
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
            eyebrow="Laboratoire d'idées indépendant",
            tagline="Pour un numérique au service de l'humain et de la planète",
            sections=[("section", key) for key in ("reports", "events", "news", "initiatives", "topics")],
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
            "Laboratoire d'idées indépendant": "Independent think-tank",
            "Pour un numérique au service de l'humain et de la planète": "For digital technology that serves people "
            "and the planet",
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
            "This site is published by the Institute for Responsible Digital Policy association.",
        ),
        (
            "confidentialite",
            "Politique de confidentialité",
            "Privacy notice",
            "privacy",
            "Comment nous traitons vos données personnelles.",
            "How we process your personal data.",
            "Les données saisies lors d'une inscription servent uniquement à organiser l'événement concerné et "
            "sont supprimées après la durée de conservation annoncée. Pour la lettre d'information et les "
            "alertes, nous conservons votre adresse, votre langue, vos thèmes et la date, le texte et la page de "
            "votre accord tant que vous êtes abonné ; une demande non confirmée est effacée après sept jours, "
            "une adresse désabonnée après un an (pour respecter votre désabonnement). Nos e-mails ne contiennent "
            "aucun pixel de suivi. Vous pouvez obtenir ou faire effacer vos données en nous écrivant.",
            "Data entered when registering is used only to run the event concerned and is deleted after the "
            "announced retention period. For the newsletter and alerts, we keep your address, language, topics "
            "and the date, text and page of your consent while you are subscribed; an unconfirmed request is "
            "erased after seven days, an unsubscribed address after a year (to honour your unsubscription). Our "
            "e-mails carry no tracking pixel. You may obtain or have your data erased by writing to us.",
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
        defaults={
            "mission": "Un laboratoire d'idées indépendant pour un numérique au service de l'humain et de la planète.",
            "footer_text": "Institut du numérique responsable — contenus sous licence CC BY 4.0.",
        },
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
        "Personnes": "People",
        "Recherche": "Search",
        "À propos": "About us",
        "Mentions légales": "Legal notice",
        "Politique de confidentialité": "Privacy notice",
        "Un laboratoire d'idées indépendant pour un numérique au service de l'humain et de la planète.": "An "
        "independent think-tank for digital technology that serves people and the planet.",
        "Institut du numérique responsable — contenus sous licence CC BY 4.0.": "Institute for Responsible "
        "Digital Policy — content licensed under CC BY 4.0.",
    }
    for menu in (main, footer):
        if not menu.has_translation(Locale.objects.get(language_code="en")):
            translate(menu, english_labels)
    context["home"] = home


def load_institute(context):
    """The institute's names, address, contact and social links (footer, citations, JSON-LD)."""
    site = Site.objects.get(is_default_site=True)
    institute = InstituteSettings.for_site(site)
    if not institute.address:
        institute.name = "Institut du numérique responsable"
        institute.english_name = "Institute for Responsible Digital Policy"
        institute.address = "12, rue des Archives\n75004 Paris\nFrance"
        institute.email = "contact@numerique-responsable.org"
        institute.social_links = [
            ("link", {"label": "Mastodon", "url": "https://mastodon.social/@numerique_responsable"}),
            ("link", {"label": "LinkedIn", "url": "https://www.linkedin.com/company/numerique-responsable"}),
            ("link", {"label": "Bluesky", "url": "https://bsky.app/profile/numerique-responsable.org"}),
        ]
        institute.save()
