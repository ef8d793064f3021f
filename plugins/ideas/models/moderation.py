"""Moderation: reports of abuse, and every decision with its reason (the public log)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """Someone's report that an idea or a comment breaks the house rules; open until a
    moderator decides on what it reports."""

    idea = models.ForeignKey(
        "ideas.Idea", null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    comment = models.ForeignKey(
        "ideas.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.TextField(_("what is wrong with it"), max_length=2000)
    #: Who reported it (lower-cased); blank once erased.
    email = models.EmailField(_("email address"), blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(idea__isnull=True) ^ models.Q(comment__isnull=True),
                name="ideas_report_names_one_thing",
            )
        ]

    def __str__(self):
        return self.reason[:60]

    @property
    def target(self):
        return self.idea or self.comment


class Decision(models.Model):
    """A moderator's decision on an idea or a comment, with the reason given.

    The board's public moderation log lists these (what, when, the decision and its reason),
    never who wrote the thing or who decided.
    """

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Rejected")
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        KEEP = "keep", _("Kept after a report")

    board = models.ForeignKey(
        "ideas.IdeaBoardPage", on_delete=models.CASCADE, related_name="decisions"
    )
    idea = models.ForeignKey(
        "ideas.Idea", null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    comment = models.ForeignKey(
        "ideas.Comment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    action = models.CharField(_("decision"), max_length=10, choices=Action.choices)
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.reason[:40]}"

    @property
    def kind(self):
        return _("Comment") if self.comment_id else _("Idea")
