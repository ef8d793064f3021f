"""What the accounts app adds to Django's users: how and when a person registered."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """A person who registered through the public form, and whether they verified their address.

    Django's ``is_active`` alone cannot tell "has not clicked the link yet" from "switched
    off by staff": only an unverified registration may be activated by a verification link,
    so a link never switches an account back on that staff turned off. Accounts made in the
    Wagtail admin have no registration.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="registration",
        verbose_name=_("user"),
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    link_sent_at = models.DateTimeField(
        _("verification link last sent at"),
        null=True,
        blank=True,
        help_text=_("New links are not sent more often than once a minute."),
    )
    verified_at = models.DateTimeField(_("email address verified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return str(self.user)

    @property
    def is_verified(self):
        """Whether the person has clicked a verification link."""
        return self.verified_at is not None
