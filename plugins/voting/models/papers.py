"""The frozen electorate, the ballot papers, and the published count.

For a secret ballot the record of *who voted* (:class:`Elector`, ``voted``) is kept apart
from the record of *what was chosen* (:class:`BallotPaper` and its :class:`Mark` rows):

- a paper has no link to an elector, no timestamp, and a random UUID for its key, so
  neither a column nor the order of ids ties a member to a choice;
- an elector row records only *that* its member voted, never when.

A voter gets the paper's receipt code; after close the papers are published by receipt
code, so each voter can find theirs and anyone can recount. On an open (not secret)
ballot, the paper also names its elector.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Elector(models.Model):
    """A member in a ballot's electorate, frozen when the ballot opened."""

    ballot = models.ForeignKey("voting.Ballot", on_delete=models.CASCADE, related_name="electors")
    membership = models.ForeignKey(
        "partnerships.Membership", on_delete=models.PROTECT, related_name="electors"
    )
    # Copied at opening, so a later change of class or weight does not change the vote.
    member_class = models.ForeignKey(
        "partnerships.MemberClass", on_delete=models.PROTECT, related_name="+"
    )
    weight = models.DecimalField(max_digits=6, decimal_places=2)
    voted = models.BooleanField(default=False)
    reminded = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("elector")
        verbose_name_plural = _("electorate")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "membership"], name="elector_once_per_ballot"
            ),
            models.CheckConstraint(condition=Q(weight__gt=0), name="elector_weight_positive"),
        ]

    def __str__(self):
        return f"{self.membership} — {self.ballot}"


class BallotPaper(models.Model):
    """One member's vote: its weight and receipt code, and (open ballots only) its elector."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey("voting.Ballot", on_delete=models.CASCADE, related_name="papers")
    receipt = models.CharField(_("receipt code"), max_length=20)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2)
    # Kept only when the ballot caps a class's share, which the count needs to know.
    member_class = models.ForeignKey(
        "partnerships.MemberClass",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Only on ballots that are not secret.
    elector = models.OneToOneField(
        Elector, on_delete=models.PROTECT, null=True, blank=True, related_name="paper"
    )

    class Meta:
        verbose_name = _("ballot paper")
        verbose_name_plural = _("ballot papers")
        ordering = ["receipt"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "receipt"], name="paper_unique_receipt"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="paper_weight_positive"),
        ]

    def __str__(self):
        return self.receipt


class Mark(models.Model):
    """One option marked on a paper (a paper with no marks on an election is an abstention)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    paper = models.ForeignKey(BallotPaper, on_delete=models.CASCADE, related_name="marks")
    option = models.ForeignKey("voting.Option", on_delete=models.PROTECT, related_name="marks")

    class Meta:
        verbose_name = _("mark")
        verbose_name_plural = _("marks")
        constraints = [
            models.UniqueConstraint(fields=["paper", "option"], name="mark_once_per_option")
        ]

    def __str__(self):
        return f"{self.paper_id}: {self.option_id}"


class ResultLine(models.Model):
    """The published count for one option, written once when the ballot closes."""

    ballot = models.ForeignKey("voting.Ballot", on_delete=models.CASCADE, related_name="results")
    option = models.OneToOneField("voting.Option", on_delete=models.CASCADE, related_name="result")
    votes = models.DecimalField(_("votes"), max_digits=14, decimal_places=4)
    papers = models.PositiveIntegerField(_("ballot papers marking it"))
    elected = models.BooleanField(_("elected or chosen"), default=False)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["ballot", "option__sort_order", "option__pk"]

    def __str__(self):
        return f"{self.option}: {self.votes}"
