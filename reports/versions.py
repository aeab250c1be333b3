"""Corrections in the open: each correction of a report links to the version
it replaced, readable at a stable address (`<report>/version/<revision>/`),
read-only, marked as superseded and not indexed.

A correction's earlier version is the revision published just before the
first published revision carrying that correction (matched by the
correction's `translation_key`, which every later revision keeps). Only
Wagtail's record of publications (`wagtail.publish` log entries) is read, so
a draft or a revision sent for review is never served; and only versions a
correction of the live page points to are served, so an editor who removes a
correction note withdraws its old version too (an old version published by
mistake, for instance, is not kept online by a guessable number).
`purge_revisions` deletes old published revisions: do not run it on reports
whose corrections should keep their earlier versions."""

from dataclasses import dataclass
from datetime import datetime

from wagtail.models import PageLogEntry


@dataclass
class EarlierVersion:
    revision_id: int
    published_at: datetime
    superseded_at: datetime


@dataclass
class CorrectionEntry:
    date: object
    text: str
    earlier: EarlierVersion | None


def _publications(page):
    """[(revision id, published at, {correction keys})] of `page`, oldest first, one per publication."""
    rows = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish", revision__isnull=False)
        .order_by("timestamp", "pk")
        .values_list("revision_id", "timestamp", "revision__content__corrections")
    )
    publications = []
    for revision_id, timestamp, corrections in rows:
        # A revision published again (after an unpublication) is one version.
        if publications and publications[-1][0] == revision_id:
            continue
        publications.append((revision_id, timestamp, {str(row.get("translation_key")) for row in corrections or []}))
    return publications


def corrections_with_versions(page):
    """The live page's corrections, newest first, each with the version it replaced (or None)."""
    corrections = list(page.corrections.all())
    if not corrections:
        return []
    publications = _publications(page)
    entries = []
    for correction in corrections:
        key, earlier = str(correction.translation_key), None
        for index, (_revision, published_at, keys) in enumerate(publications):
            if key in keys:
                if index > 0:
                    previous_revision, previous_at, _keys = publications[index - 1]
                    earlier = EarlierVersion(previous_revision, previous_at, published_at)
                break
        entries.append(CorrectionEntry(correction.date, correction.text, earlier))
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def earlier_version(page, revision_id):
    """The EarlierVersion `revision_id` of `page` if a correction of the live page points to it, else None."""
    for entry in corrections_with_versions(page):
        if entry.earlier and entry.earlier.revision_id == revision_id:
            return entry.earlier
    return None
