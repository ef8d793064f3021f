"""Hours to credits: one credit per hour, to the nearest whole hour, a half hour rounding up.

So 1 h 29 min earns 1 credit, 1 h 30 min earns 2, and less than half an hour earns none (and
is refused, so nobody records time that earns nothing by mistake).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .errors import CreditsError

#: The most one entry may record: a long day, not a typo such as 80 for 8.0.
MAX_HOURS_PER_ENTRY = Decimal("16")

#: Lazy, so each page shows it in the language of the request.
RULE = gettext_lazy(
    "One credit for each hour given, to the nearest whole hour: half an hour or more rounds "
    "up, less rounds down."
)


def parse_hours(value):
    """Return ``value`` as a number of hours, refusing what is not a sensible amount."""
    try:
        hours = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError) as error:
        raise CreditsError(_("“%(value)s” is not a number of hours.") % {"value": value}) from error
    if not hours.is_finite() or hours <= 0:
        raise CreditsError(_("Hours must be more than zero."))
    if hours > MAX_HOURS_PER_ENTRY:
        raise CreditsError(
            _("%(hours)s hours is more than one entry can record (at most %(max)s).")
            % {"hours": hours.normalize(), "max": MAX_HOURS_PER_ENTRY.normalize()}
        )
    return hours.quantize(Decimal("0.01"))


def credits_for(hours):
    """Return the whole credits ``hours`` earn; refuse time that earns none."""
    hours = parse_hours(hours)
    credits = int(hours.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    if credits < 1:
        raise CreditsError(_("Less than half an hour earns no credit."))
    return credits
