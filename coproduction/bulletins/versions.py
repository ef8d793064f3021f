"""Which version of a bulletin each person gets: their language, and Easy Read if they asked.

A bulletin's versions are its live translations (wagtail-localize: same ``translation_key``)
and the live Easy Read page under each. For someone who asked for Easy Read: the Easy Read
version in their language, else in the default language; then, as for everyone, the
translation in their language, else the bulletin in the default language.
"""

from django.conf import settings
from wagtail.models import Locale

from chorus.easyread.models import EasyReadPage
from chorus.support.needs import Format
from coproduction.models import BulletinPage


def original(page):
    """The bulletin that sends are made of: ``page``'s version in the default language (or
    ``page`` itself when it has none), so a send from a translation is the same bulletin."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


class Versions:
    """The live versions of one bulletin, read once per send (a handful of pages)."""

    def __init__(self, bulletin):
        self.bulletin = bulletin
        translations = (
            BulletinPage.objects.live()
            .filter(translation_key=bulletin.translation_key)
            .select_related("locale")
        )
        self.standard = {page.locale.language_code: page for page in translations}
        self.easy_read = {}
        for page in translations:
            version = EasyReadPage.objects.live().child_of(page).first()
            if version is not None:
                self.easy_read[page.locale.language_code] = version
        self.default_language = settings.LANGUAGE_CODE

    def for_person(self, person):
        """The page ``person`` should get (a ``BulletinPage`` or an ``EasyReadPage``)."""
        languages = [person.language, self.default_language]
        found = []
        if person.format == Format.EASY_READ:
            found += [self.easy_read.get(language) for language in languages]
        found += [self.standard.get(language) for language in languages]
        return next((page for page in found if page is not None), self.bulletin)
