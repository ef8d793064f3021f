"""What people contribute to a board: ideas, supports and comments, and an idea's status."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    """Whether an idea or a comment is public, as moderation left it."""

    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Public")
    REJECTED = "rejected", _("Rejected")
    HIDDEN = "hidden", _("Hidden")


class Contribution(models.Model):
    """What ideas and comments share: who wrote it, in which language, and moderation."""

    #: The author's address, lower-cased: their identity. Blank once erased.
    author_email = models.EmailField(_("author's email address"), blank=True)
    #: The name shown with it; blank shows "A resident".
    author_name = models.CharField(_("author's name"), max_length=100, blank=True)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=10, default="en-gb")
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PENDING
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    published_at = models.DateTimeField(_("made public"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLISHED


class Idea(Contribution):
    """One idea on a board, with its current status (its history is in ``StatusChange``)."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
        TAKEN_FORWARD = "taken_forward", _("Taken forward")
        NOT_TAKEN_FORWARD = "not_taken_forward", _("Not taken forward")
        DONE = "done", _("Done")

    board = models.ForeignKey("ideas.IdeaBoardPage", on_delete=models.CASCADE, related_name="ideas")
    title = models.CharField(_("idea"), max_length=150)
    description = models.TextField(_("more about it"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    #: Why, shown with the status (required for "not taken forward").
    status_reason = models.TextField(_("reason for the status"), blank=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        indexes = [models.Index(fields=["board", "visibility", "published_at"])]

    def __str__(self):
        return self.title


class Comment(Contribution):
    """A comment on an idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("comment"), max_length=2000)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class Support(models.Model):
    """One person's support for an idea: at most one per idea and email address, held by a
    unique constraint so that simultaneous clicks store one row."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    email = models.EmailField(_("email address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=10, default="en-gb")
    created_at = models.DateTimeField(_("supported"), default=timezone.now)
    #: They asked to hear what partners do about the idea ("You said, we did" updates).
    hear_about_progress = models.BooleanField(_("asked to hear about progress"), default=False)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint("idea", Lower("email"), name="ideas_one_support_per_person")
        ]

    def __str__(self):
        return f"{self.email} supports {self.idea_id}"


class StatusChange(models.Model):
    """A change of an idea's status, with its reason; its emails are sent once."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(_("status"), max_length=20, choices=Idea.Status.choices)
    reason = models.TextField(_("reason"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    #: Set by the task that emails the author and supporters, so a retry sends nothing twice.
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.idea_id}: {self.status}"
