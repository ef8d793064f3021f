"""Sign-ups waiting for their email address to be confirmed (double opt-in).

Joining from a website stores a :class:`SignUp` and emails a link; only opening the link and
pressing the button on that page puts the person on the register. The link's token is
stored hashed, so a copy of the database cannot be used to confirm anyone.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_token(token):
    """What is stored for ``token``: its SHA-256, in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


class SignUp(models.Model):
    """One sign-up from the join form: the answers as given, waiting for confirmation.

    ``answers`` holds what the person chose (ids and codes, see
    ``coproduction.register.joining``) with the id of each consent wording they were shown.
    """

    email = models.EmailField(_("email address"), max_length=254)
    answers = models.JSONField(_("answers"), default=dict)
    token_hash = models.CharField(max_length=64, unique=True)
    #: The site they joined on: links in the emails point back to it.
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    #: When the latest link was sent (a fresh link replaces an expired one).
    sent_at = models.DateTimeField(_("link sent"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    person = models.ForeignKey(
        "coproduction.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sign_ups",
    )

    class Meta:
        verbose_name = _("sign-up waiting for confirmation")
        verbose_name_plural = _("sign-ups waiting for confirmation")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return self.email

    def new_token(self):
        """Give this sign-up a fresh link token (replacing any earlier one); return it."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.sent_at = timezone.now()
        return token

    @property
    def expires_at(self):
        return self.sent_at + settings.CHORUS_REGISTER_LINK_LIFETIME

    @property
    def expired(self):
        return timezone.now() >= self.expires_at
