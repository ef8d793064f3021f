"""Time credits → Schemes and → Offers: ``ModelViewSet``\\ s scoped to the person's schemes.

Neither has a delete view: a scheme holds a ledger and an offer holds vouchers. An offer
that should no longer be sold is deactivated (from the list, or by unticking "active").
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import Button

from chorus.common.admin_records import RecordViewSet

from .. import permissions
from ..models import Offer, Scheme
from .forms import OfferForm, SchemeForm
from .policies import offer_policy, scheme_policy


class SchemeIndexView(generic.IndexView):
    """The person's schemes."""

    def get_base_queryset(self):
        return permissions.administered_schemes(self.request.user).select_related("site")

    @cached_property
    def columns(self):
        return [
            self._get_title_column("name"),
            Column("site", label=gettext_lazy("Site"), accessor="site"),
            BooleanColumn("network_spending", label=gettext_lazy("Network spending")),
            BooleanColumn("allow_gifting", label=gettext_lazy("Gifting")),
        ]


class SchemeEditView(generic.EditView):
    """Edit one of the person's schemes; another scheme is not found."""

    def get_queryset(self):
        return permissions.administered_schemes(self.request.user)


class SchemeViewSet(RecordViewSet):
    """Schemes under Time credits → Schemes."""

    model = Scheme
    name = "timecredit_schemes"
    url_prefix = "timecredits/schemes"
    icon = "cog"
    permission_policy = scheme_policy
    index_view_class = SchemeIndexView
    edit_view_class = SchemeEditView
    edit_handler = ObjectList(Scheme.panels, base_form_class=SchemeForm)


class OfferIndexView(generic.IndexView):
    """The offers at the venues of the person's schemes, with a deactivate button."""

    def get_base_queryset(self):
        return offer_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).select_related("partner__scheme")

    @cached_property
    def columns(self):
        return [
            self._get_title_column("title"),
            Column("partner", label=gettext_lazy("Venue"), accessor="partner.display_name"),
            Column("scheme", label=gettext_lazy("Scheme"), accessor="partner.scheme"),
            Column("place", label=gettext_lazy("Where")),
            Column("price", label=gettext_lazy("Credits"), sort_key="price"),
            BooleanColumn("active", label=gettext_lazy("Active")),
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.active:
            buttons.append(
                Button(
                    _("Deactivate"),
                    url=reverse("timecredits_admin:offer_deactivate", args=[instance.pk]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return buttons


class OfferEditView(generic.EditView):
    """Change an offer at one of the person's venues."""

    def get_queryset(self):
        return offer_policy.instances_user_has_permission_for(self.request.user, "change")


class OfferViewSet(RecordViewSet):
    """Offers under Time credits → Offers."""

    model = Offer
    name = "timecredit_offers"
    url_prefix = "timecredits/offers"
    icon = "tag"
    permission_policy = offer_policy
    index_view_class = OfferIndexView
    edit_view_class = OfferEditView
    edit_handler = ObjectList(Offer.panels, base_form_class=OfferForm)
