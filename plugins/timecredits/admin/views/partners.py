"""Time credits → Partners: the organisations that give credits (earn) or take them (spend).

A partner is a wallet in a scheme, opened from an organisation's profile with
:func:`plugins.timecredits.wallets.partner_wallet`. The list shows each one's balance (an
earn partner's credits left to give; a venue's credits taken); each partner's page lists
the people who act for it, who can be added and removed here.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton

from chorus.common.ids import id_or_none

from ... import permissions
from ...models import PartnerStaff, Wallet
from ...wallets import partner_wallet
from ..forms import PartnerForm, StaffForm
from .base import CreditsAdminFormView, CreditsAdminMixin, CreditsAdminView

PARTNERS_CRUMB = (reverse_lazy("timecredits_admin:partners"), gettext_lazy("Partners"))


def partner_url(wallet):
    return reverse("timecredits_admin:partner", args=[wallet.pk])


class PartnerIndexView(CreditsAdminMixin, generic.IndexView):
    """The earn and spend partners of the person's schemes, with their balances."""

    model = Wallet
    permission_policy = None
    any_permission_required = None
    page_title = gettext_lazy("Partners")
    header_icon = "group"
    index_url_name = "timecredits_admin:partners"
    index_results_url_name = "timecredits_admin:partners_results"
    paginate_by = 50
    default_ordering = "display_name"

    def get_base_queryset(self):
        return permissions.partner_wallets(self.request.user).select_related("scheme")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "display_name",
                label=gettext_lazy("Partner"),
                get_url=partner_url,
                sort_key="display_name",
            ),
            Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
            Column("scheme", label=gettext_lazy("Scheme"), accessor="scheme"),
            Column("balance", label=gettext_lazy("Balance (credits)"), sort_key="balance"),
        ]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Add a partner"), url=reverse("timecredits_admin:partner_add"), icon_name="plus"
            )
        ]

    @cached_property
    def no_results_message(self):
        return _("No partners yet: add the organisations that give or take credits.")


class PartnerCreateView(CreditsAdminFormView):
    """Make an organisation an earn or spend partner of one of the person's schemes."""

    form_class = PartnerForm
    page_title = gettext_lazy("Add a partner")
    submit_label = gettext_lazy("Add partner")
    trail = (PARTNERS_CRUMB,)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        wallet = partner_wallet(data["scheme"], data["organisation"], data["kind"])
        messages.success(self.request, _("%(partner)s added.") % {"partner": wallet})
        return redirect(partner_url(wallet))


class PartnerDetailView(CreditsAdminView):
    """One partner: balance, recent transactions, and the people who act for it."""

    template_name = "timecredits/admin/partner.html"
    page_title = gettext_lazy("Partner")
    trail = (PARTNERS_CRUMB,)

    @cached_property
    def wallet(self):
        return get_object_or_404(
            permissions.partner_wallets(self.request.user).select_related("scheme"),
            pk=self.kwargs["pk"],
        )

    def get_page_subtitle(self):
        return str(self.wallet)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            wallet=self.wallet,
            staff=self.wallet.staff.select_related("user").order_by("user__email"),
            form=kwargs.get("form") or StaffForm(),
            entries=self.wallet.entries.select_related("transaction").order_by("-pk")[:20],
            ledger_url=reverse("timecredits_admin:ledger") + f"?wallet={self.wallet.pk}",
            allocate_url=(
                reverse("timecredits_admin:allocate") + f"?partner={self.wallet.pk}"
                if self.wallet.kind == Wallet.Kind.EARN_PARTNER
                else None
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            pk = id_or_none(request.POST["remove"]) or 0
            staff = get_object_or_404(PartnerStaff, wallet=self.wallet, pk=pk)
            staff.delete()
            messages.success(request, _("%(person)s removed.") % {"person": staff.user.email})
            return redirect(partner_url(self.wallet))
        form = StaffForm(request.POST)
        if form.is_valid():
            PartnerStaff.objects.get_or_create(wallet=self.wallet, user=form.user)
            messages.success(
                request,
                _("%(person)s now acts for %(partner)s.")
                % {"person": form.user.email, "partner": self.wallet.display_name},
            )
            return redirect(partner_url(self.wallet))
        return self.render_to_response(self.get_context_data(form=form))
