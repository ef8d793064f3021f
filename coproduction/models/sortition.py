"""Selection by lot for an assembly (sortition): invitations, volunteers and the draw.

1. Staff send a round of invitations (:class:`InvitationRound`) to a random sample of the
   register members who agreed to invitations; each :class:`Invitation` carries a one-time
   link, stored only as a hash.
2. Invitees who want to take part volunteer (:class:`Volunteer`), confirming they are free
   and giving the categories the draw uses, with the exact consent wording they agreed to.
   Staff add volunteers met on paper or by phone.
3. The assembly's :class:`Selection` freezes the pool (an anonymised snapshot, with its
   SHA-256), publishes the seed, then draws once (one row per assembly); every draw and every
   explicit re-draw is logged as a :class:`DrawAttempt`.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduction.register import categories as c


def new_pseudonym():
    """A random pseudonymous id for a volunteer, e.g. ``V-3FA29C1B``."""
    return f"V-{secrets.token_hex(4).upper()}"


class InvitationRound(models.Model):
    """One decision to invite a random sample, and how far its sending has got."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        SENDING = "sending", _("Sending")
        DONE = "done", _("Sent")
        FAILED = "failed", _("Stopped with an error")

    assembly = models.ForeignKey(
        "coproduction.AssemblyPage",
        verbose_name=_("assembly"),
        on_delete=models.CASCADE,
        related_name="invitation_rounds",
    )
    size = models.PositiveIntegerField(_("sample size"))
    #: The places sampled from (ids of ``PartnershipHomePage``).
    places = models.JSONField(_("places"), default=list)
    stratified = models.BooleanField(_("stratified by place"), default=False)
    #: The seed the sample was drawn with, kept so the sample can be checked.
    seed = models.CharField(_("sample seed"), max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("invitations"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    last_error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation round")
        verbose_name_plural = _("invitation rounds")

    def __str__(self):
        return f"{self.assembly}: {self.size} ({self.created_at:%Y-%m-%d})"

    @property
    def percent(self):
        return 100 * self.sent // self.total if self.total else 100


class Invitation(models.Model):
    """An invitation to one person to volunteer for one assembly's draw."""

    class Response(models.TextChoices):
        NONE = "", _("No answer yet")
        VOLUNTEERED = "volunteered", _("Volunteered")
        DECLINED = "declined", _("Declined")

    round = models.ForeignKey(InvitationRound, on_delete=models.CASCADE, related_name="invitations")
    assembly = models.ForeignKey(
        "coproduction.AssemblyPage", on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        "coproduction.Person", on_delete=models.CASCADE, related_name="assembly_invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    response = models.CharField(
        _("answer"), max_length=12, blank=True, choices=Response.choices, default=Response.NONE
    )
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation to volunteer")
        verbose_name_plural = _("invitations to volunteer")
        constraints = [
            models.UniqueConstraint(
                fields=["assembly", "person"], name="sortition_invite_person_once"
            ),
        ]

    def __str__(self):
        return f"{self.person} → {self.assembly}"


class Volunteer(models.Model):
    """Someone who wants to be in an assembly's draw, with the categories the draw uses.

    Every category is required; "prefer not to say" is a category of its own, with its own
    quota. ``consent_text`` holds the exact words they agreed to.
    """

    class Method(models.TextChoices):
        WEB = "web", _("Online, from an invitation")
        PHONE = "phone", _("By phone")
        PAPER = "paper", _("On paper")

    assembly = models.ForeignKey(
        "coproduction.AssemblyPage",
        verbose_name=_("assembly"),
        on_delete=models.CASCADE,
        related_name="volunteers",
    )
    person = models.ForeignKey(
        "coproduction.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="assembly_volunteering",
    )
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="volunteer"
    )
    pseudonym = models.CharField(_("pseudonymous id"), max_length=16, default=new_pseudonym)
    place = models.ForeignKey(
        "partnerships.PartnershipHomePage",
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    age_band = models.CharField(_("age"), max_length=40, choices=c.AgeBand.choices)
    sex = models.CharField(_("sex"), max_length=40, choices=c.Sex.choices)
    ethnic_group = models.CharField(_("ethnic group"), max_length=40, choices=c.EthnicGroup.choices)
    disability = models.CharField(_("disability"), max_length=40, choices=c.Disability.choices)
    available = models.BooleanField(_("free on the assembly's dates"), default=True)
    consent_text = models.TextField(_("consent wording agreed to"))
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("volunteered"), default=timezone.now)
    #: Set when they leave the pool before it is frozen (their row stays for the record).
    withdrawn_at = models.DateTimeField(_("withdrew"), null=True, blank=True)

    class Meta:
        ordering = ["pseudonym"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        constraints = [
            models.UniqueConstraint(
                fields=["assembly", "person"],
                name="sortition_volunteer_once",
                violation_error_message=_("This person has already volunteered."),
            ),
            models.UniqueConstraint(
                fields=["assembly", "pseudonym"], name="sortition_pseudonym_unique"
            ),
        ]

    def __str__(self):
        return self.pseudonym

    def categories(self):
        """This volunteer's categories, as the pool file has them (the place as its slug)."""
        return {
            "place": self.place.slug,
            "age_band": self.age_band,
            "sex": self.sex,
            "ethnic_group": self.ethnic_group,
            "disability": self.disability,
        }


class Selection(models.Model):
    """An assembly's draw: its quotas, the frozen pool, the published seed and the result.

    One per assembly (a database constraint), so the draw happens once; a re-draw before
    the result is published is an explicit, logged step (:class:`DrawAttempt`).
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Taking volunteers")
        FROZEN = "frozen", _("Pool frozen")
        SEED_PUBLISHED = "seed_published", _("Seed published, ready to draw")
        DRAWN = "drawn", _("Drawn, not yet published")
        PUBLISHED = "published", _("Result published")

    assembly = models.OneToOneField(
        "coproduction.AssemblyPage",
        verbose_name=_("assembly"),
        on_delete=models.CASCADE,
        related_name="selection",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    size = models.PositiveIntegerField(_("panel size"), default=45)
    reserves = models.PositiveIntegerField(_("reserves"), default=10)
    #: ``{dimension: {category: {"min": m, "max": n}}}``, in the order the draw serves them.
    quotas = models.JSONField(_("quotas"), default=dict, blank=True)

    pool_csv = models.TextField(_("frozen pool"), blank=True)
    pool_sha256 = models.CharField(_("pool SHA-256"), max_length=64, blank=True)
    frozen_at = models.DateTimeField(_("pool frozen"), null=True, blank=True)

    seed = models.CharField(_("seed"), max_length=200, blank=True)
    seed_description = models.TextField(
        _("where the seed comes from"),
        blank=True,
        help_text=_(
            "e.g. “The numbers drawn in the National Lottery on Saturday 9 January 2027, "
            "in the order drawn”, or “The number called by our witness, Councillor Ahmed”."
        ),
    )
    seed_published_at = models.DateTimeField(_("seed published"), null=True, blank=True)

    #: ``{"selected": [...], "reserves": [...], "attempt": k, ...}`` (see ``algorithm``).
    result = models.JSONField(_("result"), default=dict, blank=True)
    drawn_at = models.DateTimeField(_("drawn"), null=True, blank=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("result published"), null=True, blank=True)
    #: Of the algorithm's source at the time of the draw, published with it.
    algorithm_sha256 = models.CharField(max_length=64, blank=True)
    algorithm_source = models.TextField(blank=True)

    class Meta:
        verbose_name = _("selection by lot")
        verbose_name_plural = _("selections by lot")
        default_permissions = ()
        permissions = [("run_draw", _("Can invite volunteers and run an assembly's draw"))]

    def __str__(self):
        return str(self.assembly)

    @property
    def drawn(self):
        return self.status in (self.Status.DRAWN, self.Status.PUBLISHED)


class DrawAttempt(models.Model):
    """One press of "Draw" that made a panel, or an explicit re-draw: the log of the draw."""

    selection = models.ForeignKey(Selection, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveIntegerField(_("number"))
    seed = models.CharField(_("seed"), max_length=200)
    pool_sha256 = models.CharField(max_length=64)
    quotas = models.JSONField(default=dict)
    result = models.JSONField(default=dict)
    #: Why a later attempt replaced this one ("" while it stands).
    discarded_reason = models.TextField(_("why it was discarded"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["selection", "number"]
        verbose_name = _("draw")
        verbose_name_plural = _("draws")
        constraints = [
            models.UniqueConstraint(fields=["selection", "number"], name="sortition_attempt_once"),
        ]

    def __str__(self):
        return f"{self.selection} #{self.number}"
