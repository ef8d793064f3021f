"""Per-site plugin switches."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SitePlugin(models.Model):
    """Whether one plugin is on for one Wagtail Site.

    A missing row means "off". Switching a plugin off keeps the row (with ``enabled`` false)
    and never touches the plugin's own data, so switching it back on restores everything.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="plugin_switches"
    )
    plugin = models.CharField(_("plugin"), max_length=100)
    enabled = models.BooleanField(_("enabled"), default=False)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("site plugin")
        verbose_name_plural = _("site plugins")
        ordering = ["site__hostname", "plugin"]
        constraints = [
            models.UniqueConstraint(fields=["site", "plugin"], name="one_switch_per_site_plugin")
        ]

    def __str__(self):
        state = _("on") if self.enabled else _("off")
        return f"{self.plugin} @ {self.site.hostname}: {state}"
