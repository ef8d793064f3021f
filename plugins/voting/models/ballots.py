"""A ballot: the question put to members, who may vote on it, and how it is decided.

A secretary drafts a ballot in the admin, then schedules it. At ``opens_at`` it opens and
its electorate is frozen (:mod:`plugins.voting.lifecycle`); at ``closes_at`` it closes and
its result is counted and published, once. Rules cannot change after scheduling.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, Site


class Ballot(ClusterableModel):
    """A vote of a co-op's members on a resolution, a choice or an election."""

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary resolution (passes by a simple majority)")
        SPECIAL = "special", _("Special resolution (passes with 75% of votes cast)")
        CHOOSE_ONE = "choose", _("Choose one of several options")
        ELECT = "elect", _("Elect candidates to a number of seats")

    class Quorum(models.TextChoices):
        NONE = "none", _("No quorum")
        COUNT = "count", _("A number of members")
        PERCENT = "percent", _("A percentage of eligible members")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed, result published")

    class Outcome(models.TextChoices):
        PASSED = "passed", _("Carried")
        FAILED = "failed", _("Not carried")
        TIED = "tied", _("Tied, so not carried")
        CHOSEN = "chosen", _("Option chosen")
        ELECTED = "elected", _("Seats filled")
        SEATS_UNFILLED = "unfilled", _("Not every seat was filled")
        NO_QUORUM = "no_quorum", _("Quorum not met, so no decision")

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("site")
    )
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(
        _("motion or question"),
        help_text=_("The exact wording members vote on, for example “That the co-op …”."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ORDINARY)
    seats = models.PositiveSmallIntegerField(
        _("seats"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_(
            "For an election: how many candidates are elected (each voter marks up to this many)."
        ),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    quorum_kind = models.CharField(
        _("quorum"), max_length=10, choices=Quorum.choices, default=Quorum.NONE
    )
    quorum_value = models.PositiveIntegerField(
        _("quorum figure"),
        null=True,
        blank=True,
        help_text=_("How many members, or what percentage of eligible members, must vote."),
    )
    secret = models.BooleanField(
        _("secret ballot"),
        default=True,
        help_text=_(
            "Nobody, not even an administrator, can see how a member voted. Voters get a "
            "receipt code to check their vote in the published list."
        ),
    )
    allow_change = models.BooleanField(
        _("members may change their vote before it closes"), default=False
    )
    proposal = models.ForeignKey(
        "voting.Proposal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ballots",
        verbose_name=_("from the proposal"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    # Set when it opens: the size of the frozen electorate (people, not weights).
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True, editable=False)
    electorate_size = models.PositiveIntegerField(
        _("eligible members"), null=True, blank=True, editable=False
    )

    # Set once, when it closes; counted from the papers (see plugins.voting.tally).
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    turnout = models.PositiveIntegerField(_("members who voted"), null=True, editable=False)
    quorum_met = models.BooleanField(_("quorum met"), null=True, editable=False)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, blank=True, editable=False
    )

    # Notifications sent, each once (see plugins.voting.notifications).
    opening_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminders_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    result_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="ballot_closes_after_it_opens",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_resolution(self):
        return self.kind in (self.Kind.ORDINARY, self.Kind.SPECIAL)

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def is_closed(self):
        return self.status == self.Status.CLOSED

    @property
    def is_editable(self):
        """Rules may change only while the ballot is a draft."""
        return self.status == self.Status.DRAFT

    @property
    def has_caps(self):
        return any(c.cap_percent is not None for c in self.eligible_classes.all())

    def quorum_needed(self):
        """How many members must vote for the result to count (0 with no quorum).

        A percentage is of the frozen electorate, rounded up: 10% of 45 members is 5.
        """
        if self.quorum_kind == self.Quorum.COUNT:
            return self.quorum_value or 0
        if self.quorum_kind == self.Quorum.PERCENT and self.electorate_size is not None:
            return -(-(self.quorum_value or 0) * self.electorate_size // 100)
        return 0


class Option(Orderable):
    """One thing a voter can mark: for, against, abstain, an option or a candidate."""

    class Code(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Against")
        ABSTAIN = "abstain", _("Abstain")

    ballot = ParentalKey(Ballot, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("label"), max_length=200)
    description = models.TextField(
        _("description"), blank=True, help_text=_("For a candidate, a short statement.")
    )
    # Set on the options the ballot makes itself (for/against/abstain), blank otherwise.
    code = models.CharField(max_length=10, choices=Code.choices, blank=True, editable=False)

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.label

    @property
    def is_abstain(self):
        return self.code == self.Code.ABSTAIN

    @property
    def display_label(self):
        """The label in the language of the page: For, Against and Abstain are translated
        when shown (their stored label is in the language they were scheduled in)."""
        return str(self.Code(self.code).label) if self.code else self.label


class EligibleClass(Orderable):
    """A member class that votes on a ballot, with its weight and an optional cap."""

    ballot = ParentalKey(Ballot, on_delete=models.CASCADE, related_name="eligible_classes")
    member_class = models.ForeignKey(
        "partnerships.MemberClass",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("member class"),
    )
    weight = models.DecimalField(
        _("weight of each vote"),
        max_digits=6,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0.01), MaxValueValidator(1000)],
    )
    cap_percent = models.DecimalField(
        _("cap (% of votes cast)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.01), MaxValueValidator(99.99)],
        help_text=_(
            "Optional: the most this class's votes may count for, as a share of all votes "
            "cast. Its votes are scaled down when they would count for more."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("member class that votes")
        verbose_name_plural = _("member classes that vote")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "member_class"], name="eligible_class_once_per_ballot"
            )
        ]

    def __str__(self):
        return str(self.member_class)


class BallotDocument(Orderable):
    """A supporting document members should read before voting."""

    ballot = ParentalKey(Ballot, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")
