"""Exports that staff open in a spreadsheet (registrations, initiative
replies): what readers typed must come out as text, never as a formula."""

from django.db import models

from .middleware import CONTROL_CHARACTERS

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """`value` as a cell shows it: without the control characters the forms
    refuse (stored before they did), and text a spreadsheet would run as a
    formula gets a leading quote."""
    if isinstance(value, models.Model):
        value = str(value)
    if not isinstance(value, str):
        return value
    value = CONTROL_CHARACTERS.sub("", value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value
