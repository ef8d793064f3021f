"""Which places a member of staff may see register figures for."""

from partnerships.models import PartnershipHomePage


def report_places(user):
    """The partnerships ``user`` may choose in the representativeness report and targets.

    Every partnership for now; per-partnership scoping will narrow this one function.
    """
    if user is None or not user.is_active:
        return PartnershipHomePage.objects.none()
    return PartnershipHomePage.objects.order_by("title")
