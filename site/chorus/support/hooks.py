"""Chorus hook implementations of the help-request core app (always on): personal data.

Requests are found by the email address given in them; a request made by phone or letter
only has no address to match, and is erased by hand in the admin (see docs/help-requests.md).
"""

from chorus.plugins import hookimpl

from .models import SupportRequest
from .permissions import handles_requests

ERASED = "(erased)"


def _requests(email):
    address = (email or "").strip()
    if not address:
        return SupportRequest.objects.none()
    return SupportRequest.objects.filter(email__iexact=address).select_related("site")


@hookimpl
def chorus_export_personal_data(email):
    """Return the help requests made with ``email``: needs, contact details and status."""
    rows = list(_requests(email).order_by("pk"))
    if not rows:
        return {}
    return {
        "help requests": [
            {
                "reference": row.reference,
                "site": row.site.hostname,
                "asked_about": row.source_title,
                "formats": row.format_labels(),
                "communication_support": row.support_labels(),
                "call_back": row.call_back,
                "other_adjustment": row.other_adjustment,
                "name": row.name,
                "contact_method": row.contact_method,
                "email": row.email,
                "phone": row.phone,
                "postal_address": row.postal_address,
                "message": row.message,
                "status": row.status,
                "received_at": row.received_at.isoformat(),
                "due_on": row.due_on.isoformat(),
                "team_note": row.note,
            }
            for row in rows
        ]
    }


@hookimpl
def chorus_erase_personal_data(email):
    """Pseudonymise the help requests made with ``email``: the needs and dates stay (the
    team's record of what was asked and answered), names, contact details and words go."""
    return _requests(email).update(
        name=ERASED,
        email="",
        phone="",
        postal_address="",
        message="",
        other_adjustment="",
        note="",
    )


@hookimpl
def chorus_sees_personal_data(user):
    """A site's help-request team reads names, contact details and needs."""
    return handles_requests(user)
