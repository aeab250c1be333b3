"""Factories of the snippets (topics, people, organisations) and images every
app's tests share; the pages' are in `tests.kit.pages`. Snippets are created in
French, the source language."""

import factory
import wagtail_factories
from wagtail.models import Collection, Locale

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


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection, drawn by factory_boy (`file__width`, `file__height`, `file__color`)."""

    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
