"""The grants plugin's audience for bulletins: people who applied for a grant on the site."""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import Audience

from .models import Application, GrantProgrammePage


def applicants(site):
    """Everyone who sent an application (not a draft) to a programme on ``site``: the
    applicant's account address and the application's named contact."""

    def emails():
        sent = Application.objects.filter(
            round__programme__in=GrantProgrammePage.objects.in_site(site)
        ).exclude(status=Application.Status.DRAFT)
        pairs = sent.values_list("applicant__email", "contact_email")
        return {address.lower() for pair in pairs for address in pair if address}

    return Audience(
        key="grants:applicants", label=_("Grant applicants on this site"), emails=emails
    )
