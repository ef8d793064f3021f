"""A site's help-request settings, and the requests themselves."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site

from .needs import ContactMethod, Format, Support, labels

#: Working days a site's team has to answer, unless its settings say otherwise.
DEFAULT_WORKING_DAYS = 5


class SupportSettings(BaseSiteSetting):
    """Where a site's help requests go and who answers them (Settings → Help requests).

    One row per site, made with the defaults on first use (``SupportSettings.for_site(site)``).
    """

    team_email = models.EmailField(
        _("team email address"),
        blank=True,
        help_text=_(
            "Every new request is emailed here. Leave empty to use the address of the "
            "people who run Chorus."
        ),
    )
    team = models.ForeignKey(
        Group,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Staff in this group see this site's requests under Help requests and can change "
            "their status. The group also needs “Can access Wagtail admin”."
        ),
    )
    working_days = models.PositiveSmallIntegerField(
        _("working days to answer"),
        default=DEFAULT_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("A request is due this many working days (Monday to Friday) after it arrives."),
    )

    class Meta:
        verbose_name = _("help request settings")
        verbose_name_plural = _("help request settings")

    def team_addresses(self):
        """Where new requests are emailed: the team's address, else ``ADMINS``, else
        ``DEFAULT_FROM_EMAIL``."""
        if self.team_email:
            return [self.team_email]
        admins = [address for _name, address in getattr(settings, "ADMINS", [])]
        return admins or [settings.DEFAULT_FROM_EMAIL]


class SupportRequest(models.Model):
    """A person asking a site for a format, communication support, a call or an adjustment."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    site = models.ForeignKey(
        Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    source_page = models.ForeignKey(
        Page,
        verbose_name=_("asked about"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: The page's title when the request was made (kept if the page is deleted).
    source_title = models.CharField(_("asked about (title)"), max_length=255, blank=True)

    formats = models.JSONField(_("formats"), default=list, blank=True)
    support = models.JSONField(_("communication support"), default=list, blank=True)
    spoken_language = models.CharField(_("language"), max_length=100, blank=True)
    call_back = models.BooleanField(_("phone call back"), default=False)
    other_adjustment = models.TextField(_("another adjustment"), blank=True)

    name = models.CharField(_("name"), max_length=200)
    contact_method = models.CharField(
        _("preferred contact"), max_length=20, choices=ContactMethod.choices
    )
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    message = models.TextField(_("message"), blank=True)
    #: The language the person used the form in (answer in it if you can).
    language = models.CharField(_("language of the form"), max_length=10, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    due_on = models.DateField(_("due"))
    note = models.TextField(
        _("team note"), blank=True, help_text=_("For the team only: what was done, and when.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["site", "status", "due_on"])]

    def __str__(self):
        return f"{self.reference}: {self.name}"

    @property
    def reference(self):
        """The reference the person is given, e.g. ``HR-00042``."""
        return f"HR-{self.pk:05d}" if self.pk else ""

    @property
    def is_overdue(self):
        """Whether the request is not done and its due date has passed."""
        return self.status != self.Status.DONE and self.due_on < timezone.localdate()

    def format_labels(self):
        return labels(Format, self.formats)

    def support_labels(self):
        """The communication support asked for, with the language named for an interpreter."""
        found = []
        for code, label in zip(self.support, labels(Support, self.support), strict=True):
            if code == Support.SPOKEN_LANGUAGE and self.spoken_language:
                label = f"{label}: {self.spoken_language}"
            found.append(label)
        return found

    def needs_summary(self):
        """Every need in one line, for the admin's list."""
        needs = self.format_labels() + self.support_labels()
        if self.call_back:
            needs.append(str(_("Phone call back")))
        if self.other_adjustment:
            needs.append(str(_("Another adjustment")))
        return ", ".join(needs)
