"""Factories every layer's tests and demo build on: people and pages.

factory-boy is a test and demo dependency, so only tests, ``seed_demo`` and other
factories modules import this module, never code that serves a request.

    person = UserFactory(email="sam@example.org")
    index = SpotlightIndexPageFactory(parent=medway.root_page)  # a PageFactory subclass
"""

import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify


class UserFactory(factory.django.DjangoModelFactory):
    """A verified person who signs in with their email address (``password`` is "chorus-pass-1")."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    username = factory.LazyAttribute(lambda o: o.email.lower())
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Applicant{n}")
    password = factory.django.Password("chorus-pass-1")
    is_active = True


class PageFactory(factory.django.DjangoModelFactory):
    """Base for page factories: ``parent=`` is required; pages are added as its child.

    A page whose slug already exists under ``parent`` is returned as it is, so a demo
    can be built twice without duplicates.
    """

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:255])

    @classmethod
    def _create(cls, model_class, *args, parent=None, tags=(), **kwargs):
        if parent is None:
            raise TypeError(f"{cls.__name__} needs parent=<the page to add it under>.")
        existing = model_class.objects.child_of(parent).filter(slug=kwargs["slug"]).first()
        if existing is not None:
            return existing
        page = model_class(*args, **kwargs)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        return page

    @classmethod
    def _build(cls, model_class, *args, parent=None, tags=(), **kwargs):
        return model_class(*args, **kwargs)
