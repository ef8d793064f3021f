"""Factories for Easy Read versions and their pictures (tests and ``seed_demo``).

picture = PictureFactory(title="People talking", description="Three people talking")
EasyReadPageFactory(
    parent=charter,
    body=[heading("What is the charter?"), idea("The charter is a list of promises.", picture)],
)
"""

from io import BytesIO

import factory
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from chorus.common.factories import PageFactory

from .models import EasyReadPage


def png(size=200, colour="#1d70b8", draw=None):
    """Return PNG bytes: a ``size`` square of ``colour``, then ``draw(image)`` if given."""
    image = PillowImage.new("RGB", (size, size), colour)
    if draw is not None:
        draw(image)
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


class PictureFactory(factory.django.DjangoModelFactory):
    """A Wagtail image (a plain coloured square unless ``file`` is given), found by title.

    ``description`` is its alt text wherever it is used without alt text of its own.
    """

    class Meta:
        model = get_image_model()
        django_get_or_create = ("title",)

    title = factory.Sequence(lambda n: f"Picture {n + 1}")
    description = factory.LazyAttribute(lambda o: o.title)
    file = factory.LazyAttribute(
        lambda o: ImageFile(BytesIO(png()), name=f"{o.title.lower().replace(' ', '-')}.png")
    )


def idea(sentence, picture=None, alt_text=None):
    """Return a picture-and-sentence block for an Easy Read page's ``body``.

    ``alt_text`` defaults to the picture's description.
    """
    value = {"sentence": sentence, "picture": None}
    if picture is not None:
        value["picture"] = {
            "image": picture.pk,
            "alt_text": alt_text if alt_text is not None else picture.default_alt_text,
            "decorative": False,
        }
    return {"type": "idea", "value": value}


def heading(text):
    """Return a heading block for an Easy Read page's ``body``."""
    return {"type": "heading", "value": text}


class EasyReadPageFactory(PageFactory):
    """A published Easy Read version of ``parent`` (idempotent by slug, like every page)."""

    class Meta:
        model = EasyReadPage

    title = factory.LazyAttribute(lambda o: "Easy Read version")
    slug = "easy-read"
    body = factory.LazyFunction(
        lambda: [
            heading("What this page is about"),
            idea("We want to hear what you think."),
            idea("You can tell us by phone or by email."),
        ]
    )
