"""Chorus hook implementations of the co-production core app (always on)."""

from chorus.plugins import hookimpl

from . import get_involved
from .accountability import personal_data as accountability_data
from .accountability import recipients
from .models import CharterSignature, OrganisationStaff
from .register import joining
from .register import personal_data as register_data
from .register.permissions import EXPORT_PEOPLE, RECORD_SIGNUP, works_on_register
from .taking_part import personal_data as booking_data

#: What erased contact details are replaced with.
ERASED = "(erased)"


@hookimpl
def chorus_export_personal_data(email):
    """Return the charter signatures submitted with ``email``, the person's record on the
    involvement register, the "You said, we did" updates they were sent and commitments they
    own, and the partner organisations whose staff they are in the insight bank (nothing when
    there is none of these)."""
    data = {}
    register = register_data.export(email)
    if register:
        data["involvement register"] = register
    sign_ups = joining.export_sign_ups(email)
    if sign_ups:
        data["involvement register sign-ups"] = sign_ups
    bookings = booking_data.export(email)
    if bookings:
        data["bookings for events and assemblies"] = bookings
    data.update(accountability_data.export(email))
    staff_of = list(
        OrganisationStaff.objects.filter(user__email__iexact=email)
        .order_by("organisation__name")
        .values_list("organisation__name", flat=True)
    )
    if email and staff_of:
        data["insight bank: partner organisation staff"] = staff_of
    signatures = list(
        CharterSignature.objects.filter(contact_email__iexact=email)
        .select_related("organisation", "charter")
        .order_by("submitted_at", "pk")
    )
    if not email or not signatures:
        return data
    return {
        **data,
        "co-production charter signatures": [
            {
                "charter": signature.charter.title,
                "charter_version": signature.charter_version,
                "organisation": signature.organisation.name,
                "contact_name": signature.contact_name,
                "contact_email": signature.contact_email,
                "contact_role": signature.contact_role,
                "commitment": signature.commitment,
                "status": signature.status,
                "submitted_at": signature.submitted_at.isoformat(),
                "reviewed_at": signature.reviewed_at.isoformat() if signature.reviewed_at else None,
            }
            for signature in signatures
        ],
    }


@hookimpl
def chorus_erase_personal_data(email):
    """Pseudonymise the contact on signatures submitted with ``email``, and the person on
    the involvement register (``coproduction.register.personal_data``), on bookings for events
    and assemblies (``coproduction.taking_part.personal_data``) and on "You said, we did"
    deliveries; delete the sign-ups made with ``email`` (the answers they hold were copied to
    the register on confirmation) and the account's links to partner organisations (insight
    bank partner staff).

    The signature, its organisation, commitment and review stay: they are the public,
    organisational record of who signed the charter, which an audit needs.
    """
    if not email:
        return 0
    erased = register_data.erase(email) + joining.erase_sign_ups(email) + booking_data.erase(email)
    erased += accountability_data.erase(email)
    # Seeing partners' insight ends with the person's link to their organisation.
    erased += OrganisationStaff.objects.filter(user__email__iexact=email).delete()[0]
    return erased + CharterSignature.objects.filter(contact_email__iexact=email).update(
        contact_name=ERASED, contact_email="", contact_role=ERASED
    )


#: The charter's reviewers see each signature's contact name, email address and role.
SIGNATURE_PERMISSIONS = (
    "coproduction.change_chartersignature",
    "coproduction.view_chartersignature",
)


@hookimpl
def chorus_sees_personal_data(user):
    """Staff who review charter signatures see their contacts' details; register teams and
    staff who may record sign-ups or export contact lists see people on the register."""
    permissions = (*SIGNATURE_PERMISSIONS, RECORD_SIGNUP, EXPORT_PEOPLE)
    return works_on_register(user) or any(user.has_perm(name) for name in permissions)


@hookimpl
def chorus_on_response_submitted(site, response):
    """Add the free-text answers of someone who agreed to be quoted to the insight bank
    (awaiting review by the site's team; once per answer however often this is called)."""
    from .insight.sources import from_response

    from_response(site, response)


@hookimpl
def chorus_register_get_involved(site, request, across_network):
    """Invite residents to the assemblies that are recruiting participants, and to join the
    involvement register."""
    return get_involved.assembly_items(site, request, across_network) + get_involved.register_items(
        site, request, across_network
    )


@hookimpl
def chorus_people_to_tell(site, source):
    """An assembly's (or event's) attendees who agreed to hear what came of it."""
    return recipients.attendees_to_tell(site, source)
