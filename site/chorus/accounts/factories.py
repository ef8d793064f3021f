"""Factories for people's accounts, shared by the tests and ``seed_demo``."""

import factory
from django.contrib.auth import get_user_model


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
