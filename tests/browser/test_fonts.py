"""The site's own faces are the ones the reader's browser draws with: the
title, the subtitle, a pull quote and emphasis are all set in Source Serif 4 or
Source Sans 3, even for a letter of the latin-ext files (ł), not in a system
font. Chromium says which fonts drew each element's text."""

from tests.reports.factories import report, report_index

# Each element of the report below, and the family that must draw all its text.
ELEMENTS = {
    "h1": "Source Serif 4",
    ".report__subtitle": "Source Sans 3",
    ".pull-quote blockquote": "Source Serif 4",
    "main i, main em": "Source Sans 3",
}


def fonts_drawing(page, selector):
    """[(family, whether a web font)] of the fonts Chromium used for the element's text."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    # A variable font names its default instance ("Source Sans 3 ExtraLight").
    return [(font["familyName"], font["isCustomFont"]) for font in fonts]


def test_titles_quotes_and_emphasis_are_drawn_with_the_sites_faces(page, homes):
    home_fr, _home_en = homes
    page_ = report(
        report_index(home_fr),
        title="Le numérique à Łódź",
        subtitle="Une enquête menée à Łódź et à Lyon",
        body=[
            ("paragraph", "<p>Un texte <i>souligné</i> à Łódź.</p>"),
            ("quote", {"quote": "« La sobriété est une conception », dit-on à Łódź.", "attribution": "Anna"}),
        ],
    )
    page.goto(page_.url)
    page.evaluate("document.fonts.ready")
    for selector, family in ELEMENTS.items():
        fonts = fonts_drawing(page, selector)
        assert fonts and all(name.startswith(family) and web for name, web in fonts), (selector, fonts)
