"""factory-boy factories for idea boards and ideas, shared by the tests and ``seed_demo``.

board = IdeaBoardPageFactory(parent=west_kent_home, moderation="post")
idea = IdeaFactory(board=board, title="A bus from Edenbridge to the hospital")
"""

import factory
from django.utils import timezone

from chorus.common.factories import PageFactory

from .models import Comment, Idea, IdeaBoardPage, Visibility


class IdeaBoardPageFactory(PageFactory):
    """An idea board on getting to appointments, pre-moderated."""

    class Meta:
        model = IdeaBoardPage

    title = "Getting to appointments"
    intro = (
        "<p>How could we make it easier to get to GP, hospital and clinic appointments? "
        "Suggest an idea, support the ones you like and tell us what you think.</p>"
    )
    house_rules = (
        "<ul><li>Be kind: talk about services, not about named staff or patients.</li>"
        "<li>Do not share anyone's health details, including your own.</li>"
        "<li>No adverts, and nothing offensive or untrue.</li></ul>"
    )
    moderation = IdeaBoardPage.Moderation.PRE


class IdeaFactory(factory.django.DjangoModelFactory):
    """A public idea (pass ``visibility`` for another state)."""

    class Meta:
        model = Idea

    title = factory.Sequence(lambda n: f"Idea number {n + 1}")
    description = "A community minibus that stops at every village on the way to the hospital."
    author_email = factory.Sequence(lambda n: f"resident{n}@example.org")
    author_name = "Pat"
    visibility = Visibility.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class CommentFactory(factory.django.DjangoModelFactory):
    """A public comment on an idea."""

    class Meta:
        model = Comment

    text = "Yes please: the last bus leaves before my clinic ends."
    author_email = factory.Sequence(lambda n: f"commenter{n}@example.org")
    visibility = Visibility.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
