"""How members take part beyond voting: proposals, seconding, comments, and the settings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site


class VotingSettings(BaseSiteSetting):
    """A co-op's voting settings: how many members must second a proposal.

    A Wagtail site setting (one row per site, made with the defaults on first use by
    ``VotingSettings.for_site(site)``), edited on Wagtail's settings screen by the co-op's
    secretaries; registered in ``wagtail_hooks`` and named in the plugin's metadata, so the
    Plugins screen links to it and it is out of reach where voting is off.
    """

    seconds_needed = models.PositiveSmallIntegerField(
        _("seconds needed"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_(
            "How many other members must second a proposal before it goes to the secretary. "
            "A change applies to proposals made from now on."
        ),
    )

    class Meta:
        verbose_name = _("voting settings")
        verbose_name_plural = _("voting settings")

    @classmethod
    def get_permission_policy(cls):
        """Secretaries change their co-ops' settings, besides Wagtail's site permissions."""
        from ..admin.policies import VotingSettingsPermissionPolicy

        return VotingSettingsPermissionPolicy(cls)


class Proposal(models.Model):
    """A motion a member proposes; once seconded enough, the secretary may put it to a ballot."""

    class Status(models.TextChoices):
        SECONDING = "seconding", _("Looking for seconders")
        READY = "ready", _("Seconded: with the secretary")
        BALLOTED = "balloted", _("Put to a ballot")
        DECLINED = "declined", _("Not put to a ballot")
        WITHDRAWN = "withdrawn", _("Withdrawn by the proposer")

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("proposal"), help_text=_("What you propose, and why. Members read this before seconding.")
    )
    proposer = models.ForeignKey(
        "partnerships.Membership",
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("proposed by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SECONDING
    )
    # Copied from the settings when proposed, so changing them later moves no goalposts.
    seconds_needed = models.PositiveSmallIntegerField(_("seconds needed"))
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)
    ready_at = models.DateTimeField(_("fully seconded"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_note = models.TextField(_("the secretary's note"), blank=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class Second(models.Model):
    """A member seconding a proposal (once each; never the proposer)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="seconds")
    membership = models.ForeignKey(
        "partnerships.Membership", on_delete=models.PROTECT, related_name="seconds"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("second")
        verbose_name_plural = _("seconds")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "membership"], name="second_once_per_member"
            )
        ]

    def __str__(self):
        return f"{self.membership} seconds {self.proposal}"


class Comment(models.Model):
    """A member's comment on an open ballot, shown to members once a secretary approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Published")
        REJECTED = "rejected", _("Not published")

    ballot = models.ForeignKey("voting.Ballot", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        "partnerships.Membership", on_delete=models.PROTECT, related_name="ballot_comments"
    )
    text = models.TextField(_("comment"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
