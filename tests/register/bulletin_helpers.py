"""What the bulletin tests share: a bulletin on the network site and people to send it to."""

from wagtail.models import Locale

from coproduction.bulletins.recipients import Choice
from coproduction.bulletins.sending import send_bulletin, start_send
from coproduction.factories import BulletinIndexPageFactory, BulletinPageFactory, PersonFactory
from coproduction.models import Purpose

INFORMED = [Purpose.KEEP_INFORMED]


def make_bulletin(site, **fields):
    index = BulletinIndexPageFactory(parent=site.root_page, slug="bulletins")
    return BulletinPageFactory(parent=index, **fields)


def informed(**fields):
    """Someone on the register who agreed to be kept informed."""
    return PersonFactory(consents=INFORMED, **fields)


def translate(page, language_code, title):
    """A published translation of ``page`` (and of its parents) in ``language_code``."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.title = title
    copy.save_revision().publish()
    return copy


def send(bulletin, site, user=None, **choice):
    """Confirm a send of ``bulletin`` (the immediate task backend sends it at once)."""
    return start_send(bulletin, Choice(**choice), site, user)


__all__ = ["make_bulletin", "informed", "translate", "send", "send_bulletin"]
