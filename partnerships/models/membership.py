"""Members of a partnership or co-op: the register, member classes and memberships.

A site that has members has one :class:`MemberRegister`. Its secretaries (a Wagtail group
made for the register) approve applications, keep the register and export it. Each
:class:`Membership` is one person's membership of one register, in one member class; its
status moves applied → active → lapsed/left (or applied → declined) through the functions
in :mod:`partnerships.membership`, and every move is kept as a :class:`MembershipEvent`.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, Site

SECRETARY_PERMISSIONS = ("wagtailadmin.access_admin",)
SECRETARY_DOCUMENT_PERMISSIONS = (
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


class MemberRegister(models.Model):
    """The register of members of the co-op or partnership that owns ``site``."""

    site = models.OneToOneField(
        Site, on_delete=models.CASCADE, related_name="member_register", verbose_name=_("site")
    )
    number_prefix = models.CharField(
        _("membership number prefix"),
        max_length=10,
        blank=True,
        help_text=_("Membership numbers read like SC-0001 with the prefix SC."),
    )
    open_for_applications = models.BooleanField(
        _("open for applications"),
        default=True,
        help_text=_("When this is off, the join form says applications are closed."),
    )
    application_guidance = models.TextField(
        _("guidance for applicants"),
        blank=True,
        help_text=_("Shown above the join form: who may join and what membership means."),
    )
    secretaries = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        related_name="member_register",
        editable=False,
        verbose_name=_("secretaries"),
        help_text=_("The Wagtail group whose members keep this register."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("register of members")
        verbose_name_plural = _("registers of members")

    def __str__(self):
        return str(_("Members of %(site)s") % {"site": self.site_name})

    def save(self, *args, **kwargs):
        """Create the register's secretaries' group (with admin access) on first save."""
        with transaction.atomic():
            if self.secretaries_id is None:
                self.secretaries = _secretaries_group(self.site)
            super().save(*args, **kwargs)

    @property
    def site_name(self):
        return self.site.site_name or self.site.hostname

    def is_secretary(self, user):
        """Whether ``user`` keeps this register (superusers keep every register)."""
        if not user.is_authenticated or not user.is_active:
            return False
        return user.is_superuser or user.groups.filter(pk=self.secretaries_id).exists()

    def format_number(self, number):
        """The membership number as members see it: ``SC-0007``, or ``7`` with no prefix."""
        if number is None:
            return ""
        return f"{self.number_prefix}-{number:04d}" if self.number_prefix else str(number)


def _secretaries_group(site):
    name = f"Secretaries: {site.site_name or site.hostname}"
    group, created = Group.objects.get_or_create(name=name)
    if created:
        for dotted in SECRETARY_PERMISSIONS:
            group.permissions.add(_permission(dotted))
        _give_documents_collection(group, f"{site.site_name or site.hostname}: documents")
    return group


def _give_documents_collection(group, name):
    """Give ``group`` a collection of its own for the documents it shares with members
    (papers for a ballot, say): it may add, change and choose documents there only."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    for dotted in SECRETARY_DOCUMENT_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(dotted)
        )


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


class MemberClass(models.Model):
    """A class of member a co-op defines, such as user member or worker member.

    The class decides what a member may vote on: each ballot names the classes that vote.
    """

    register = models.ForeignKey(
        MemberRegister, on_delete=models.CASCADE, related_name="classes", verbose_name=_("register")
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Who belongs to this class, for applicants.")
    )
    open_to_applications = models.BooleanField(
        _("people may apply"),
        default=True,
        help_text=_(
            "Off for classes the secretary appoints, such as partner-organisation "
            "representatives: the join form does not offer them."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("member class")
        verbose_name_plural = _("member classes")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["register", "name"], name="member_class_unique_name")
        ]

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def current(self):
        """Memberships that still hold a place: applied, active or lapsed."""
        return self.filter(status__in=Membership.CURRENT)

    def for_site(self, site):
        return self.filter(register__site=site)


class Membership(models.Model):
    """One person's membership of one register, from application to leaving."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        ACTIVE = "active", _("Active")
        LAPSED = "lapsed", _("Lapsed")
        LEFT = "left", _("Left")
        DECLINED = "declined", _("Declined")

    # A person holds at most one of these per register at a time.
    CURRENT = (Status.APPLIED, Status.ACTIVE, Status.LAPSED)

    register = models.ForeignKey(
        MemberRegister,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("register"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("person"),
    )
    member_class = models.ForeignKey(
        MemberClass, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("class")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPLIED
    )
    number = models.PositiveIntegerField(
        _("membership number"), null=True, blank=True, editable=False
    )
    statement = models.TextField(
        _("why they would like to join"),
        blank=True,
        help_text=_("What the applicant told the secretary about themselves."),
    )
    applied_at = models.DateTimeField(_("applied"), default=timezone.now, editable=False)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    # When the membership became active, to the second: a ballot's electorate is frozen when
    # it opens, and leaves out anyone who joined after that.
    activated_at = models.DateTimeField(_("became active"), null=True, blank=True, editable=False)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
        editable=False,
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    # Emails from the co-op (and from ballots run without a visitor, by cron) are written in
    # this language: the one the person applied in.
    language = models.CharField(_("language for emails"), max_length=10, blank=True)
    in_directory = models.BooleanField(
        _("listed in the members' directory"),
        default=False,
        help_text=_("Members choose this themselves; other members then see their name."),
    )
    directory_note = models.CharField(
        _("note for other members"),
        max_length=200,
        blank=True,
        help_text=_("For example, what you are involved in or how to reach you."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["register", "number", "applied_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["register", "number"],
                condition=Q(number__isnull=False),
                name="membership_unique_number",
            ),
            models.UniqueConstraint(
                fields=["register", "user"],
                condition=Q(status__in=["applied", "active", "lapsed"]),
                name="membership_one_current_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.display_name} ({self.register.site_name})"

    @property
    def display_name(self):
        return self.user.get_full_name() or self.user.email or self.user.get_username()

    @property
    def membership_number(self):
        return self.register.format_number(self.number)

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE


class MembershipEvent(models.Model):
    """One change to a membership: applied, approved, declined, lapsed, reinstated, left."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="events", verbose_name=_("membership")
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    status = models.CharField(_("new status"), max_length=10, choices=Membership.Status.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("membership event")
        verbose_name_plural = _("membership events")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_status_display()} {self.at:%Y-%m-%d}"
