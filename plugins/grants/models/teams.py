"""Who does grant work on a site: its assessors and its grant managers, as Wagtail groups."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class GrantTeam(models.Model):
    """The two Wagtail groups that work on a site's grants.

    *Assessors* score applications in the site's rounds and recommend; *managers* also run
    rounds, decide, check due diligence and record payments. Add people to the groups under
    Settings → Groups. A person only sees the rounds of the sites whose groups they are in.
    """

    site = models.OneToOneField(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="grant_team"
    )
    assessors = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="assesses_grants_for"
    )
    managers = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="manages_grants_for"
    )

    class Meta:
        verbose_name = _("grant team")

    def __str__(self):
        return str(self.site)
