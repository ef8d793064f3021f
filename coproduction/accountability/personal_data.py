"""Personal data in "You said, we did": who was told of which update (their address,
language and format), and the commitments a person owns.

Erasure pseudonymises the address on each delivery (the row stays, so the count of people
told and the once-only rule hold); owners are accounts, erased with the account.
"""

from coproduction.models import Commitment, UpdateDelivery


def export(email):
    """What is held about ``email``: the updates it was told of, and commitments it owns."""
    email = (email or "").strip().lower()
    if not email:
        return {}
    data = {}
    told = (
        UpdateDelivery.objects.filter(email=email)
        .select_related("update__commitment__recommendation")
        .order_by("sent_at", "pk")
    )
    if told:
        data["you said, we did: updates you were sent"] = [
            {
                "recommendation": delivery.update.commitment.recommendation.title,
                "commitment": delivery.update.commitment.action,
                "status": delivery.update.new_status,
                "language": delivery.language,
                "format": delivery.format or "standard",
                "sent_at": delivery.sent_at.isoformat(),
            }
            for delivery in told
        ]
    owned = Commitment.objects.filter(owner__email__iexact=email).select_related("organisation")
    if owned:
        data["you said, we did: commitments you own"] = [
            {
                "commitment": commitment.action,
                "organisation": commitment.organisation.name,
                "due_date": commitment.due_date.isoformat(),
                "status": commitment.status,
            }
            for commitment in owned
        ]
    return data


def erase(email):
    """Replace ``email`` on every delivery with an address that names nobody; return how
    many rows changed."""
    email = (email or "").strip().lower()
    if not email:
        return 0
    changed = 0
    for pk in UpdateDelivery.objects.filter(email=email).values_list("pk", flat=True):
        changed += UpdateDelivery.objects.filter(pk=pk).update(
            email=f"erased-{pk}@erased.invalid", language="", format=""
        )
    return changed
