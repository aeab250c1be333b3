"""Factories for the shared editorial model. Content apps add theirs in
tests/<app>/factories.py."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import StandardPage
from people.models import Organisation, Person
from topics.models import Topic


def french():
    return Locale.objects.get(language_code="fr")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(french)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    locale = factory.LazyFunction(french)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Personne {n}")
    slug = factory.Sequence(lambda n: f"personne-{n}")
    role = "Chercheuse"
    organisation = factory.SubFactory(OrganisationFactory)
    locale = factory.LazyFunction(french)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Introduction"
