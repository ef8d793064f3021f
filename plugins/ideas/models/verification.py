"""Actions waiting for an email address to be confirmed, for people who are not signed in.

Someone who suggests, supports or comments without signing in is emailed a one-time
link; the action happens only when they open it and press the button on that page. The
token is stored hashed, so a copy of the database confirms nothing, and the link expires.
"""

import datetime
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The register's double opt-in stores its links' tokens the same way.
from coproduction.models.signup import hash_token

#: How long a link works.
LINK_LIFETIME_DAYS = 2


class PendingAction(models.Model):
    """An idea, a support or a comment waiting for its email address to be confirmed."""

    class Kind(models.TextChoices):
        SUGGEST = "suggest", _("Suggest an idea")
        SUPPORT = "support", _("Support an idea")
        COMMENT = "comment", _("Comment on an idea")

    kind = models.CharField(_("action"), max_length=10, choices=Kind.choices)
    board = models.ForeignKey("ideas.IdeaBoardPage", on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(
        "ideas.Idea", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("email address"))
    #: What was typed (title, description, text, name), until it is confirmed.
    answers = models.JSONField(default=dict)
    language = models.CharField(max_length=10, default="en-gb")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("action waiting for confirmation")
        verbose_name_plural = _("actions waiting for confirmation")

    def __str__(self):
        return f"{self.kind} by {self.email}"

    def new_token(self):
        """Give this action a fresh link token; return it (only its hash is stored)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.expires_at = timezone.now() + datetime.timedelta(days=LINK_LIFETIME_DAYS)
        return token

    @property
    def expired(self):
        return timezone.now() >= self.expires_at
