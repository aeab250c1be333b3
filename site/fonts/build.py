"""Rebuild the site's fonts (site/static/fonts/) from the fontsource npm
packages: the characters French and English need, the weights the stylesheets
use, WOFF2. The output is committed, so `make run` builds nothing; run this
after changing a version, the characters or the weights:

    .venv/bin/python site/fonts/build.py

Needs `npm` (to fetch the packages) and fontTools with brotli (installed with
WeasyPrint). The latin-ext files are copied as they are: their @font-face rules
(site/static/css/site.css) cover the rarer letters of names (ł, ő, ș), fetched
only by a page that shows one; the report PDF embeds them (reports/pdf.py)."""

import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

PACKAGES = {
    "source-sans-3": "@fontsource-variable/source-sans-3@5.3.1",
    "source-serif-4": "@fontsource-variable/source-serif-4@5.3.1",
}
OUTPUT = Path(__file__).resolve().parents[1] / "static" / "fonts"

# French and English text: ASCII, Latin-1 (é, à, ç, «, », nbsp), œ/Œ, the
# typographic quotes, dashes, ellipsis and bullet, €, ™, arrows and the minus
# sign: what the packages' latin files hold of it (not Ÿ or the dagger, in
# latin-ext; nor the narrow no-break space, which falls back to another font).
# site.css gives the same list as each face's unicode-range.
UNICODES = (
    "U+0020-007E,U+00A0-00FF,U+0152-0153,U+02C6,U+02DA,U+02DC,U+2013-2014,U+2018-201A,U+201C-201E,"
    "U+2022,U+2026,U+2039-203A,U+2044,U+20AC,U+2122,U+2191,U+2193,U+2212"
)
# What the text uses: kerning, ligatures (fi, fl), accents composed; no small
# capitals, fractions or figure styles the stylesheets never ask for.
LAYOUT_FEATURES = ["kern", "liga", "ccmp", "locl", "mark", "mkmk"]

# (output name, family, style, weights): a range stays variable, one weight is
# a static instance. Sans is the text at 400, 600 and 700 (its italic is the
# report PDF's: the site slants the upright); serif the headings and pull
# quotes at 600, key figures at 400.
FACES = [
    ("source-sans-3-normal", "source-sans-3", "normal", (400, 700)),
    ("source-sans-3-italic", "source-sans-3", "italic", (400, 700)),
    ("source-serif-4-600", "source-serif-4", "normal", (600,)),
    ("source-serif-4-400", "source-serif-4", "normal", (400,)),
]
# The packages' latin-ext files copied as they are: (family, style).
LATIN_EXT = [
    ("source-sans-3", "normal"),
    ("source-sans-3", "italic"),
    ("source-serif-4", "normal"),
]


def fetch_packages(folder):
    """{family: folder of its woff2 files}, from `npm pack` of each pinned package."""
    files = {}
    for family, spec in PACKAGES.items():
        name = subprocess.run(
            ["npm", "pack", "--silent", spec],  # noqa: S607 - the developer's npm, from PATH
            cwd=folder,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        with tarfile.open(folder / name) as archive:
            archive.extractall(folder / family, filter="data")
        files[family] = folder / family / "package" / "files"
    return files


def build_face(source, weights):
    font = TTFont(source, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    axis = weights[0] if len(weights) == 1 else instancer.AxisTriple(weights[0], None, weights[-1])
    font = instancer.instantiateVariableFont(font, {"wght": axis})
    font.flavor = "woff2"
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


def main():
    with tempfile.TemporaryDirectory(prefix="fonts-") as temporary:
        packages = fetch_packages(Path(temporary))
        for name, family, style, weights in FACES:
            source = packages[family] / f"{family}-latin-wght-{style}.woff2"
            data = build_face(source, weights)
            (OUTPUT / f"{name}.woff2").write_bytes(data)
            print(f"{name}.woff2: {len(data) / 1000:.1f} kB (from {source.stat().st_size / 1000:.1f} kB)")
        for family, style in LATIN_EXT:
            shutil.copy(packages[family] / f"{family}-latin-ext-wght-{style}.woff2", OUTPUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
