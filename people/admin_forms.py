"""The short forms that create a person or an organisation from a chooser
(speaker, author, moderator, partner), without leaving the page being edited."""

from django import forms
from django.utils.text import slugify

from .models import Organisation, Person


def unique_slug(name, locale):
    """An ASCII slug from `name`, unique among the people of `locale`."""
    base = slugify(name)[:140].strip("-") or "personne"
    slug, number = base, 1
    while Person.objects.filter(locale=locale, slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class PersonCreationForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "role", "organisation"]

    def save(self, commit=True):
        person = super().save(commit=False)
        person.slug = unique_slug(person.name, person.locale)
        if commit:
            person.save()
        return person


class OrganisationCreationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "acronym", "website"]
