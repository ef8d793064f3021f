"""Deactivating an offer: it stops being sold, and vouchers already issued stay valid."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..policies import offer_policy
from .base import CreditsAdminView


class OfferDeactivateView(CreditsAdminView):
    """Ask, then (on POST) mark an offer at one of the person's venues inactive."""

    template_name = "timecredits/admin/offer_deactivate.html"
    page_title = gettext_lazy("Deactivate offer")
    trail = ((reverse_lazy("timecredit_offers:index"), gettext_lazy("Offers")),)

    @cached_property
    def offer(self):
        offers = offer_policy.instances_user_has_permission_for(self.request.user, "change")
        return get_object_or_404(offers, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.offer)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "offer": self.offer}

    def post(self, request, *args, **kwargs):
        offer = self.offer
        offer.active = False
        offer.save(update_fields=["active"])
        messages.success(request, _("“%(offer)s” is no longer offered.") % {"offer": offer})
        return redirect("timecredit_offers:index")
