"""What a person can ask for, in the Accessible Information Standard's categories (DAPB1605):
information formats, communication support and contact methods.

The codes are stored with each request; the labels are what the form and the admin show.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Format(models.TextChoices):
    """Formats information can be given in."""

    EASY_READ = "easy_read", _("Easy Read")
    LARGE_PRINT = "large_print", _("Large print")
    BRAILLE = "braille", _("Braille")
    AUDIO = "audio", _("Audio")
    BSL_VIDEO = "bsl_video", _("British Sign Language (BSL) video")
    EMAIL = "email", _("By email (for a screen reader, say)")


class Support(models.TextChoices):
    """Communication support at a meeting, an event or a call."""

    BSL_INTERPRETER = "bsl_interpreter", _("British Sign Language (BSL) interpreter")
    DEAFBLIND_MANUAL = "deafblind_manual", _("Deafblind manual interpreter")
    LIPSPEAKER = "lipspeaker", _("Lipspeaker")
    SPOKEN_LANGUAGE = "spoken_language", _("Interpreter for another spoken language")
    ADVOCATE = "advocate", _("An advocate")


class ContactMethod(models.TextChoices):
    """How the person wants to be contacted."""

    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    TEXT_RELAY = "text_relay", _("Text relay (Relay UK)")
    LETTER = "letter", _("Letter")


def labels(choices, codes):
    """The labels of ``codes`` (stored codes that are no longer choices are shown as they are)."""
    known = dict(choices.choices)
    return [str(known.get(code, code)) for code in codes]
