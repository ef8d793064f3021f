"""A scheme's numbers: hours given and credits issued, earned, spent and outstanding.

Every credit figure is a sum of ledger entries in the scheme's transactions, split by the
kind of wallet they moved into or out of. A scheme's transactions are the ones it
recorded: its allocations, time given to its partners, its volunteers' spending (at any
venue in the network) and gifts, and the corrections of those. Because each transaction
sums to zero, the figures reconcile exactly::

    issued == held by earn partners + held by volunteers (outstanding) + spent at venues

Hours come from the time-given transactions that have not been corrected (a correction
undoes the credits, so its hours are not counted either); likewise "earned for time given"
is net of corrections, so it equals the credits in the hours tables.

*Per place* uses the earn organisation's "places served" as typed on its profile, because
that is where its volunteering happens; an organisation that has not filled it in is
counted under its own name, so no hours go missing from the table.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from chorus.common.csv_cells import safe_cell

from .models import Entry, Transaction, Wallet

ZERO_HOURS = Decimal("0.00")


@dataclass
class Breakdown:
    """One row of an hours table: a month, an organisation or a place."""

    key: str
    hours: Decimal = ZERO_HOURS
    credits: int = 0
    sessions: int = 0


@dataclass
class SchemeReport:
    """The figures for one scheme. Credit figures are whole credits."""

    scheme: object
    allocated: int = 0
    participation: int = 0
    corrected: int = 0
    issued: int = 0
    earned: int = 0
    earned_for_taking_part: int = 0
    spent: int = 0
    refunded: int = 0
    held_by_earn_partners: int = 0
    held_by_volunteers: int = 0
    held_at_venues: int = 0
    hours: Decimal = ZERO_HOURS
    by_month: list = field(default_factory=list)
    by_organisation: list = field(default_factory=list)
    by_place: list = field(default_factory=list)

    @property
    def outstanding(self):
        """Credits volunteers hold and have not spent yet."""
        return self.held_by_volunteers

    @property
    def reconciles(self):
        """Whether what was issued is all accounted for (it always should be)."""
        return self.issued == (
            self.held_by_earn_partners + self.held_by_volunteers + self.held_at_venues
        )


def _sum(entries):
    return entries.aggregate(total=Sum("amount"))["total"] or 0


def place_of(organisation):
    """Where an organisation's volunteering counts: its places served, else its name."""
    if organisation is None:
        return _("Unknown")
    return (organisation.places_served or "").strip() or organisation.name


def scheme_report(scheme):
    """Work out ``scheme``'s figures from its ledger entries."""
    entries = Entry.objects.filter(transaction__scheme=scheme)
    issuer = Q(wallet__kind=Wallet.Kind.ISSUER)
    earn_partner = Q(wallet__kind=Wallet.Kind.EARN_PARTNER)
    volunteer = Q(wallet__kind=Wallet.Kind.VOLUNTEER)
    venue = Q(wallet__kind=Wallet.Kind.SPEND_PARTNER)
    kind = Transaction.Kind
    report = SchemeReport(scheme=scheme)
    report.allocated = _sum(entries.filter(earn_partner, transaction__kind=kind.ALLOCATION))
    report.participation = -_sum(entries.filter(issuer, transaction__kind=kind.PARTICIPATION))
    report.corrected = _sum(entries.filter(issuer, transaction__kind=kind.REVERSAL))
    report.issued = -_sum(entries.filter(issuer))
    earn_or_its_correction = Q(transaction__kind=kind.EARN) | Q(
        transaction__kind=kind.REVERSAL, transaction__reverses__kind=kind.EARN
    )
    report.earned = _sum(entries.filter(volunteer).filter(earn_or_its_correction))
    report.earned_for_taking_part = _sum(
        entries.filter(volunteer, transaction__kind=kind.PARTICIPATION)
    )
    report.spent = _sum(entries.filter(venue, transaction__kind=kind.SPEND))
    report.refunded = -_sum(entries.filter(venue, transaction__kind=kind.REVERSAL))
    report.held_by_earn_partners = _sum(entries.filter(earn_partner))
    report.held_by_volunteers = _sum(entries.filter(volunteer))
    report.held_at_venues = _sum(entries.filter(venue))
    _add_hours(report, scheme)
    return report


def _add_hours(report, scheme):
    given = (
        Transaction.objects.filter(scheme=scheme, kind=Transaction.Kind.EARN)
        .filter(reversed_by__isnull=True)
        .prefetch_related("entries__wallet__organisation")
        .order_by("activity_date", "pk")
    )
    months, organisations, places = {}, {}, {}
    for record in given:
        partner = next(
            (e.wallet for e in record.entries.all() if e.wallet.kind == Wallet.Kind.EARN_PARTNER),
            None,
        )
        credits = sum(e.amount for e in record.entries.all() if e.amount > 0)
        hours = record.hours or ZERO_HOURS
        month = record.activity_date.strftime("%Y-%m") if record.activity_date else ""
        organisation = partner.display_name if partner else _("Unknown")
        place = place_of(partner.organisation if partner else None)
        for table, key in ((months, month), (organisations, organisation), (places, place)):
            row = table.setdefault(key, Breakdown(key=key))
            row.hours += hours
            row.credits += credits
            row.sessions += 1
        report.hours += hours
    report.by_month = [months[key] for key in sorted(months)]
    report.by_organisation = sorted(organisations.values(), key=lambda row: row.key.lower())
    report.by_place = sorted(places.values(), key=lambda row: row.key.lower())


def summary_rows(report):
    """The credit figures as (label, credits) pairs, in the order the report shows them."""
    return [
        (_("Allocated to earn partners"), report.allocated),
        (_("Issued for taking part"), report.participation),
        (_("Corrections returned to the scheme"), report.corrected),
        (_("Issued (net)"), report.issued),
        (_("Earned for time given (net of corrections)"), report.earned),
        (_("Earned for taking part"), report.earned_for_taking_part),
        (_("Spent at venues"), report.spent),
        (_("Refunded to volunteers"), report.refunded),
        (_("Held by earn partners"), report.held_by_earn_partners),
        (_("Held by volunteers (outstanding)"), report.held_by_volunteers),
        (_("Held at venues (spent, net)"), report.held_at_venues),
    ]


def write_csv(report, out):
    """Write ``report`` to the file-like ``out`` as one CSV with a section column."""
    writer = csv.writer(out)
    writer.writerow([_("Section"), _("Item"), _("Hours"), _("Credits"), _("Sessions")])
    for label, credits in summary_rows(report):
        writer.writerow([safe_cell(_("Credits")), safe_cell(label), "", credits, ""])
    sections = defaultdict(list)
    sections[_("Hours per month")] = report.by_month
    sections[_("Hours per organisation")] = report.by_organisation
    sections[_("Hours per place")] = report.by_place
    for section, rows in sections.items():
        for row in rows:
            writer.writerow(
                [
                    safe_cell(section),
                    safe_cell(row.key),
                    f"{row.hours:.2f}",
                    row.credits,
                    row.sessions,
                ]
            )
    writer.writerow([safe_cell(_("Hours")), safe_cell(_("Total")), f"{report.hours:.2f}", "", ""])
