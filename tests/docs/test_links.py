"""The README and the design notes in docs/ link to files that exist, and the
README links to every design note (a note nobody links to is never read)."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# [text](target) with a relative target; anchors and web addresses are not files.
LINK = re.compile(r"\]\((?!https?://|#|mailto:)([^)#\s]+)")


def links_of(document):
    return {(document.parent / target).resolve() for target in LINK.findall(document.read_text())}


def test_every_relative_link_of_the_readme_and_the_notes_reaches_a_file():
    documents = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = [
        f"{doc.relative_to(ROOT)} -> {target}" for doc in documents for target in links_of(doc) if not target.exists()
    ]
    assert not broken, broken


def test_the_readme_links_to_every_design_note():
    notes = set((ROOT / "docs").glob("*.md"))
    assert notes
    assert not sorted(note.name for note in notes - links_of(ROOT / "README.md"))
