"""Alphabetical order as readers expect it: accents and case weigh less than
letters, so "Démocratie" comes before "Droits" and "Éthique" before "Zones".

A PostgreSQL database created with the C collation (many images' default,
and services/postgres.sh's) orders names by code point, every accented
capital after Z. `ALPHABETICAL_COLLATION` names the collation lists use
instead: ICU's root collation on PostgreSQL; none on SQLite, whose only
collations are binary or ASCII."""

from django.conf import settings
from django.db.models import F
from django.db.models.functions import Collate


def alphabetical(field):
    """An `order_by` term: `field` in the readers' alphabetical order."""
    if settings.ALPHABETICAL_COLLATION:
        return Collate(F(field), settings.ALPHABETICAL_COLLATION).asc()
    return F(field).asc()
