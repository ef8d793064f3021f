"""Awards in the admin: due diligence, payments, withdrawal, the monitoring report, and
the list of monitoring reports that are overdue.

Money moves only through :mod:`plugins.grants.ledger`; a refusal is shown as the form's
error and changes nothing. Assessors may look; only the site's managers act.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from ... import due_diligence, ledger, permissions
from ...errors import GrantActionError
from ...models import Attachment, Award, DueDiligenceCheck, PotEntry
from ...models.money import pounds
from ..forms import DueDiligenceForm, PaymentForm, WithdrawForm
from ..policies import is_grant_staff
from .base import APPLICATIONS_CRUMB, GrantsAdminView


def visible_awards(user):
    """Awards on the applications ``user`` may see."""
    return Award.objects.filter(application__in=permissions.visible_applications(user))


def award_url(award):
    return reverse("grants_admin:award", args=[award.pk])


class AwardDetailView(GrantsAdminView):
    """One award: its checklist, its ledger rows, payments, withdrawal and report."""

    template_name = "grants/admin/awards/detail.html"
    page_title = gettext_lazy("Award")
    header_icon = "success"
    trail = (APPLICATIONS_CRUMB,)

    ACTIONS = ("check", "pay", "withdraw")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.forms = {}

    def dispatch(self, request, *args, **kwargs):
        if not is_grant_staff(request.user):
            raise PermissionDenied
        self.award = get_object_or_404(
            visible_awards(request.user).select_related("application__round__programme"),
            pk=self.kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.award.application.reference

    def get_trail(self):
        application = self.award.application
        return (
            APPLICATIONS_CRUMB,
            (reverse("grants_admin:application", args=[application.pk]), application.reference),
        )

    @cached_property
    def can_manage(self):
        return permissions.can_manage(self.request.user, self.award.application)

    @property
    def is_active(self):
        return self.award.status == Award.Status.ACTIVE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        award = self.award
        application = award.application
        checks = list(award.checks.select_related("completed_by"))
        complete = all(check.completed_at for check in checks)
        paid = award.paid()
        forms_ = dict(self.forms)
        if self.can_manage and self.is_active:
            if complete and award.unpaid() > 0:
                forms_.setdefault("pay", PaymentForm(unpaid=award.unpaid(), prefix="pay"))
            forms_.setdefault("withdraw", WithdrawForm(prefix="withdraw"))
        report = getattr(award, "report", None)
        site = application.round.programme.get_site()
        root = site.root_url if site else ""
        report_files = [
            {"attachment": a, "url": root + reverse("grants:attachment", args=[a.pk])}
            for a in application.attachments.filter(
                removed_at__isnull=True, purpose=Attachment.Purpose.MONITORING
            )
        ]
        context.update(
            award=award,
            application=application,
            checks=checks,
            checklist_complete=complete,
            entries=award.entries.select_related("recorded_by"),
            paid=paid,
            unpaid=award.unpaid(),
            fully_paid=self.is_active and paid >= award.amount,
            forms=forms_,
            can_manage=self.can_manage,
            is_active=self.is_active,
            report=report,
            report_files=report_files,
            report_overdue=award.report_overdue(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_manage:
            raise PermissionDenied
        action = request.POST.get("action", "")
        if action not in self.ACTIONS:
            messages.error(request, _("Choose what to do with the award."))
            return redirect(award_url(self.award))
        return getattr(self, f"post_{action}")(request)

    def done(self, message):
        messages.success(self.request, message)
        return redirect(award_url(self.award))

    def refused(self, name, form, error):
        form.add_error(None, str(error))
        self.forms[name] = form
        messages.error(self.request, str(error))
        return self.render_to_response(self.get_context_data())

    def post_check(self, request):
        form = DueDiligenceForm(request.POST)
        check = get_object_or_404(
            DueDiligenceCheck, award=self.award, pk=request.POST.get("check") or 0
        )
        if not form.is_valid():
            messages.error(request, _("Choose whether to tick or untick the item."))
            return redirect(award_url(self.award))
        done = form.cleaned_data["change"] == DueDiligenceForm.TICK
        try:
            due_diligence.record_check(
                check, done=done, by=request.user, note=form.cleaned_data["note"]
            )
        except GrantActionError as error:
            messages.error(request, str(error))
            return redirect(award_url(self.award))
        message = _("“%(item)s” is ticked.") if done else _("“%(item)s” is unticked.")
        return self.done(message % {"item": check.get_item_display()})

    def post_pay(self, request):
        form = PaymentForm(request.POST, prefix="pay")
        if not form.is_valid():
            self.forms["pay"] = form
            return self.render_to_response(self.get_context_data())
        key = form.cleaned_data["idempotency_key"]
        already = PotEntry.objects.filter(idempotency_key=key).exists()
        try:
            entry = ledger.record_payment(
                self.award,
                form.cleaned_data["amount"],
                by=request.user,
                paid_on=form.cleaned_data["paid_on"],
                reference=form.cleaned_data["reference"],
                idempotency_key=key,
            )
        except GrantActionError as error:
            return self.refused("pay", form, error)
        if already:
            messages.info(
                request,
                _("That payment of %(amount)s was already recorded; it was not recorded again.")
                % {"amount": pounds(entry.amount)},
            )
            return redirect(award_url(self.award))
        return self.done(_("Payment of %(amount)s recorded.") % {"amount": pounds(entry.amount)})

    def post_withdraw(self, request):
        form = WithdrawForm(request.POST, prefix="withdraw")
        if not form.is_valid():
            self.forms["withdraw"] = form
            return self.render_to_response(self.get_context_data())
        try:
            ledger.withdraw(self.award, form.cleaned_data["reason"], by=request.user)
        except GrantActionError as error:
            return self.refused("withdraw", form, error)
        self.award.refresh_from_db()
        return self.done(
            _("The award is withdrawn; its unpaid money is back in the pot.")
            if self.award.entries.filter(kind=PotEntry.Kind.RELEASE).exists()
            else _("The award is withdrawn.")
        )


class OverdueReportsView(GrantsAdminView):
    """Active awards whose end-of-grant monitoring report is late, most overdue first."""

    template_name = "grants/admin/awards/overdue.html"
    page_title = gettext_lazy("Overdue monitoring reports")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        awards = (
            visible_awards(self.request.user)
            .filter(
                status=Award.Status.ACTIVE,
                report_due_on__lt=today,
                report__isnull=True,
            )
            .select_related("application__round__programme")
            .order_by("report_due_on", "pk")
        )
        context["rows"] = [
            {"award": award, "days_late": (today - award.report_due_on).days} for award in awards
        ]
        return context
