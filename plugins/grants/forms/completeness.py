"""What an application needs before it can be sent: every answer, a budget, the declarations.

Drafts may be saved half-done; :func:`problems` lists what stands between a draft and a
submission, each with the id of the field to jump to, so the form can show an error summary
that links to each answer still needed.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import Application
from ..models.money import pounds
from .application import DECLARATIONS, amount_range_error


@dataclass(frozen=True)
class Problem:
    """One thing missing or wrong, and the id of the place on the form to fix it."""

    anchor: str
    message: str
    field: str = ""


COMMON = (
    ("organisation_name", _("Give the name of your organisation or group.")),
    ("organisation_kind", _("Say what type of organisation you are.")),
    ("contact_name", _("Give the name of the person we should contact.")),
    ("contact_email", _("Give an email address for the contact.")),
    ("project_title", _("Give your project a title.")),
    ("project_description", _("Describe what you will do.")),
)
FULL_ONLY = (
    ("beneficiaries", _("Tell us who will benefit.")),
    ("people_benefiting", _("Say how many people will benefit.")),
    ("postcode", _("Give the postcode where the activity happens.")),
    ("start_date", _("Give the date the project starts.")),
    ("end_date", _("Give the date the project ends.")),
)


def _field(name, message):
    return Problem(anchor=f"id_{name}", message=str(message), field=name)


def problems(application):
    """Return what must be done before ``application`` can be submitted (empty when ready)."""
    found = []
    full = application.stage == Application.Stage.FULL
    required = COMMON + FULL_ONLY if full else COMMON
    for name, message in required:
        if getattr(application, name) in (None, ""):
            found.append(_field(name, message))
    if (
        application.organisation_kind
        and application.organisation_kind != Application.OrganisationKind.UNREGISTERED
        and not application.registered_number
    ):
        found.append(
            _field(
                "registered_number",
                _(
                    "Give your registered number (charity, company, society number or school "
                    "URN), or choose “Unregistered community group”."
                ),
            )
        )
    pot = application.round
    amount = application.amount_requested
    if amount is None:
        found.append(_field("amount_requested", _("Say how much you are asking for.")))
    elif not pot.min_award <= amount <= pot.max_award:
        found.append(_field("amount_requested", amount_range_error(pot)))
    if full:
        found.extend(_budget_problems(application, amount))
        for name in DECLARATIONS:
            if not getattr(application, name):
                label = Application._meta.get_field(name).verbose_name
                found.append(_field(name, _("Tick the declaration: “%(text)s”") % {"text": label}))
    return found


def _budget_problems(application, amount):
    items = list(application.budget_items.all())
    if not items:
        message = _("List what the money will buy, with the cost of each item.")
        return [Problem("budget", str(message))]
    total = sum((item.amount for item in items), start=0)
    if amount is not None and total != amount:
        return [
            Problem(
                "budget",
                str(
                    _(
                        "Your budget adds up to %(total)s but you are asking for %(amount)s: "
                        "the two must match."
                    )
                    % {"total": pounds(total), "amount": pounds(amount)}
                ),
                field="amount_requested",
            )
        ]
    return []
