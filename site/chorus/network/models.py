"""The network home page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class NetworkHomePage(Page):
    """The root page of the network's own site (e.g. Kent and Medway).

    It lists every partnership and gathers upcoming events, the latest spotlights and
    whatever plugins add through ``chorus_register_network_home_panels``.
    """

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    # The network home is the root of the network's Site, directly under Wagtail's root.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("network home page")
