"""The public programme and round pages, served by ``GrantProgrammePage``'s routes.

Both are Wagtail page responses, so anonymous visits are cacheable; a signed-in person
additionally sees their own applications in a round. Each page costs a fixed number of
queries however many rounds or criteria there are.
"""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from partnerships.models import PartnerOrganisation

from ..models import Application, GrantRound
from ..models.money import pounds

STAGE_ORDER = {GrantRound.Stage.OPEN: 0, GrantRound.Stage.UPCOMING: 1, GrantRound.Stage.CLOSED: 2}


def _when(moment):
    return date_format(timezone.localtime(moment), "j E Y")


@dataclass(frozen=True)
class RoundSummary:
    """A round as the public sees it: where it stands, in words, and its address."""

    round: GrantRound
    stage: str
    label: str
    detail: str
    url: str

    @property
    def amounts(self):
        """``"£50 to £1,500"``."""
        return _("%(min)s to %(max)s") % {
            "min": pounds(self.round.min_award),
            "max": pounds(self.round.max_award),
        }


def summarise(page, pot, base_url, now):
    """Describe ``pot`` for a listing on ``page`` (``base_url`` is the page's own URL)."""
    stage = pot.stage(now)
    if stage == GrantRound.Stage.OPEN:
        label = _("Open")
        detail = _("Closes on %(date)s") % {"date": _when(pot.closes_at)}
    elif stage == GrantRound.Stage.UPCOMING:
        label = _("Opens on %(date)s") % {"date": _when(pot.opens_at)}
        detail = _("Closes on %(date)s") % {"date": _when(pot.closes_at)}
    else:
        label = _("Closed")
        detail = pot.closed_reason(now)
    url = base_url.rstrip("/") + "/" + page.reverse_subpage("round", kwargs={"slug": pot.slug})
    return RoundSummary(pot, stage, label, detail, url)


def _ordered(summaries):
    """Open rounds first (closing soonest), then upcoming (opening soonest), then closed
    (most recently closed first)."""
    summaries = list(summaries)
    open_and_upcoming = sorted(
        (s for s in summaries if s.stage != GrantRound.Stage.CLOSED),
        key=lambda s: (STAGE_ORDER[s.stage], s.round.closes_at, s.round.opens_at),
    )
    closed = sorted(
        (s for s in summaries if s.stage == GrantRound.Stage.CLOSED),
        key=lambda s: s.round.closes_at,
        reverse=True,
    )
    return open_and_upcoming + closed


def programme_page(request, page):
    """The programme: what it funds, who may apply, who runs and funds it, and its rounds."""
    now = timezone.now()
    base_url = page.get_url(request)
    summaries = _ordered(summarise(page, pot, base_url, now) for pot in page.public_rounds())
    # The administering organisation and the funder in one query.
    organisations = PartnerOrganisation.objects.in_bulk(
        {page.administering_organisation_id, page.funder_id}
    )
    return page.render(
        request,
        template="grants/grant_programme_page.html",
        context_overrides={
            "rounds": summaries,
            "open_rounds": [s for s in summaries if s.stage == GrantRound.Stage.OPEN],
            "administering_organisation": organisations[page.administering_organisation_id],
            "funder": organisations[page.funder_id],
        },
    )


def round_page(request, page, slug):
    """One round: eligibility, amounts, money left, dates, criteria, and how to apply.

    Unpublished rounds and rounds of other programmes answer 404. A closed round says why.
    """
    pot = get_object_or_404(page.public_rounds(), slug=slug)
    now = timezone.now()
    summary = summarise(page, pot, page.get_url(request), now)
    mine = []
    if request.user.is_authenticated:
        mine = list(
            Application.objects.filter(round=pot, applicant=request.user).order_by("-created_at")
        )
    return page.render(
        request,
        template="grants/round_page.html",
        context_overrides={
            "round": pot,
            "summary": summary,
            "is_open": summary.stage == GrantRound.Stage.OPEN,
            "closed_reason": pot.closed_reason(now),
            "criteria": list(pot.criteria.all()),
            "min_award": pounds(pot.min_award),
            "max_award": pounds(pot.max_award),
            "budget": pounds(pot.budget),
            "remaining": pounds(max(pot.remaining, 0)),
            "opens": date_format(timezone.localtime(pot.opens_at), "j E Y, H:i"),
            "closes": date_format(timezone.localtime(pot.closes_at), "j E Y, H:i"),
            "apply_url": reverse("grants:apply", kwargs={"round_id": pot.pk}),
            "my_applications": mine,
            "administering_organisation": page.administering_organisation,
        },
    )
