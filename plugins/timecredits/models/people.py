"""Who works for a partner: the people who record time or confirm vouchers for it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerStaff(models.Model):
    """A person who acts for a partner wallet: records time (earn) or takes credits (spend)."""

    wallet = models.ForeignKey("timecredits.Wallet", on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="timecredit_roles"
    )

    class Meta:
        verbose_name = _("partner staff member")
        constraints = [
            models.UniqueConstraint(fields=["wallet", "user"], name="timecredits_staff_once")
        ]

    def __str__(self):
        return f"{self.user} for {self.wallet}"
