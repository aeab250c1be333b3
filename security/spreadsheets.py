"""Exports that staff open in a spreadsheet (registrations, initiative
replies): what readers typed must come out as text, never as a formula."""

from django.db import models

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """`value` as a cell shows it: text a spreadsheet would run gets a leading quote."""
    if isinstance(value, models.Model):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
