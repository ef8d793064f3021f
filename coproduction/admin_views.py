"""Wagtail admin screens for reviewing charter signatures."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import log_actions
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from .models import CharterSignature

REVIEW_PERMISSION = "coproduction.change_chartersignature"

#: Log actions recorded in a signature's history when an editor reviews it.
APPROVE_ACTION = "coproduction.signature.approve"
REJECT_ACTION = "coproduction.signature.reject"


def can_review(user):
    """Whether ``user`` may approve or reject charter signatures."""
    return user.has_perm(REVIEW_PERMISSION)


class SignatureIndexView(IndexView):
    """The signatures listing: pending ones first, with approve and reject buttons."""

    def get_base_queryset(self):
        """Read each row's organisation, charter and reviewer with the rows themselves."""
        return (
            super()
            .get_base_queryset()
            .select_related("organisation", "charter", "reviewed_by")
            .annotate(
                review_order=Case(
                    When(status=CharterSignature.Status.PENDING, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
        )

    def order_queryset(self, queryset):
        """Put pending signatures first unless the editor chose a column to sort by."""
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        return queryset.order_by("review_order", "-submitted_at", "-pk")

    def get_list_buttons(self, instance):
        """Offer approve and reject on pending signatures to editors who may review."""
        buttons = []
        if instance.is_pending and can_review(self.request.user):
            buttons += [
                ListingButton(
                    _("Approve"),
                    url=reverse(self.review_url_name("approve"), args=[instance.pk]),
                    icon_name="check",
                    priority=10,
                ),
                ListingButton(
                    _("Reject"),
                    url=reverse(self.review_url_name("reject"), args=[instance.pk]),
                    icon_name="cross",
                    priority=20,
                ),
            ]
        return buttons + super().get_list_buttons(instance)

    def review_url_name(self, decision):
        """Return the URL name of the approve or reject view of this viewset."""
        return self.index_url_name.rsplit(":", 1)[0] + f":{decision}"


class ReviewSignatureView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET) and record (POST) an editor's decision on a pending signature."""

    decision = CharterSignature.Status.APPROVED
    template_name = "coproduction/admin/review_signature.html"
    header_icon = "doc-full"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        """Refuse editors without the change permission, and find the signature."""
        if not can_review(request.user):
            raise PermissionDenied
        self.signature = get_object_or_404(
            CharterSignature.objects.select_related("organisation", "charter"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    @property
    def approving(self):
        """Whether this view approves (rather than rejects)."""
        return self.decision == CharterSignature.Status.APPROVED

    def get_page_title(self):
        """Title the screen after the decision."""
        return _("Approve signature") if self.approving else _("Reject signature")

    def get_page_subtitle(self):
        """Name the signature being reviewed."""
        return str(self.signature)

    def get_context_data(self, **kwargs):
        """Add the signature, the decision and where to go back to."""
        context = super().get_context_data(**kwargs)
        context.update(
            signature=self.signature,
            approving=self.approving,
            index_url=reverse(self.index_url_name),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Record the decision, unless another editor has already reviewed the signature."""
        signature = self.signature
        if signature.review(self.decision, request.user):
            log_actions.log(
                signature, APPROVE_ACTION if self.approving else REJECT_ACTION, user=request.user
            )
            if self.approving:
                purge_charter(signature.charter)
                messages.success(
                    request,
                    _("Approved: %(signature)s is now listed on the charter.")
                    % {"signature": signature},
                )
            else:
                messages.success(request, _("Rejected: %(signature)s.") % {"signature": signature})
        else:
            messages.error(
                request,
                _("%(signature)s has already been reviewed; nothing was changed.")
                % {"signature": signature},
            )
        return redirect(self.index_url_name)


def purge_charter(charter):
    """Purge the charter page from the front-end cache, since its signatories changed."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

        purge_page_from_cache(charter)


class CharterSignatureViewSet(ModelViewSet):
    """Charter signatures in the admin: review pending ones, filter by status and charter.

    Editors can also record a signature made on paper (it starts pending, like any other)
    and correct contact details; the status changes only through approve and reject.
    """

    model = CharterSignature
    index_view_class = SignatureIndexView
    icon = "doc-full"
    menu_label = _("Charter signatures")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 50
    form_fields = [
        "charter",
        "organisation",
        "contact_name",
        "contact_email",
        "contact_role",
        "commitment",
    ]
    list_display = [
        "organisation",
        Column("charter", label=_("Charter"), accessor="charter.title"),
        "charter_version",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
        Column("reviewed_by", label=_("Reviewed by"), accessor="reviewed_by"),
    ]
    list_filter = ["status", "charter"]
    search_fields = ["organisation__name", "contact_name", "commitment"]
    inspect_view_fields = [
        "charter",
        "charter_version",
        "organisation",
        "contact_name",
        "contact_email",
        "contact_role",
        "commitment",
        "status",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
    ]

    def review_view(self, decision):
        """Build the approve or reject view."""
        return ReviewSignatureView.as_view(
            decision=decision, index_url_name=self.get_url_name("index")
        )

    def get_urlpatterns(self):
        """Add the approve and reject URLs to the standard ones."""
        return [
            *super().get_urlpatterns(),
            path(
                "approve/<int:pk>/",
                self.review_view(CharterSignature.Status.APPROVED),
                name="approve",
            ),
            path(
                "reject/<int:pk>/",
                self.review_view(CharterSignature.Status.REJECTED),
                name="reject",
            ),
        ]
