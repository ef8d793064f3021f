"""The attendance register in the Wagtail admin, under /admin/taking-part/.

For staff who may edit the page (Wagtail's page permissions, so a partnership's editors see
their own site's events and assemblies): every booking page they may edit (``index``), one
page's bookings with tick boxes as a fallback (``register``), a phone-friendly page that
reads each attendee's QR code with the camera or takes a typed code (``scan``), and the
attendance list as CSV (``csv``). Marking attendance is :func:`.booking.mark_attended`: a
second scan, or a scan and a tick, records (and credits) one attendance.
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin
from chorus.common.csv_cells import safe_cell
from coproduction.models import Booking

from .booking import clear_attendance, mark_attended
from .pages import TakesBookings
from .qr import PREFIX, code_from

Status = Booking.Status


def bookable(page):
    """Whether ``page`` (specific) takes bookings and its plugin, if any, is on for its site."""
    if not isinstance(page, TakesBookings):
        return False
    is_on = getattr(page, "plugin_is_on_for", None)
    return is_on is None or is_on(None)


def may_take_register(user, page):
    """Whether ``user`` may see and mark ``page``'s bookings: they may edit the page."""
    return user.is_active and page.permissions_for_user(user).can_edit()


def editable_pages(user):
    """The pages ``user`` may edit."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def _page_for(request, pk):
    page = get_object_or_404(Page, pk=pk).specific
    if not bookable(page) or not may_take_register(request.user, page):
        raise PermissionDenied
    return page


class BookingsIndexView(BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every event or assembly with bookings that the user may edit, with the numbers."""

    template_name = "coproduction/taking_part/admin/index.html"
    page_title = gettext_lazy("Bookings")
    header_icon = "list-ul"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = (
            editable_pages(self.request.user)
            .filter(pk__in=Booking.objects.values("page_id"))
            .annotate(
                confirmed=Count("bookings", filter=Q(bookings__status=Status.CONFIRMED)),
                waitlisted=Count("bookings", filter=Q(bookings__status=Status.WAITLISTED)),
                attended=Count("bookings", filter=Q(bookings__attended_at__isnull=False)),
            )
            .order_by("-latest_revision_created_at", "title")
        )
        context["pages"] = [page for page in pages.specific() if bookable(page)]
        return context


class PageScreen(BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        self.page = _page_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_trail(self):
        return [(reverse("taking_part_admin:index"), _("Bookings"))]

    def get_page_subtitle(self):
        return self.page.title


class RegisterView(PageScreen):
    """Everyone booked on one page, with a tick box each for who came."""

    template_name = "coproduction/taking_part/admin/register.html"
    page_title = gettext_lazy("Attendance register")

    def bookings(self):
        return (
            Booking.objects.filter(page_id=self.page.pk)
            .exclude(status=Status.CANCELLED)
            .select_related("support_request")
            .order_by("status", "waitlist_position", "name", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        bookings = list(self.bookings())
        context.update(
            page=self.page,
            confirmed=[b for b in bookings if b.status == Status.CONFIRMED],
            waitlisted=[b for b in bookings if b.status == Status.WAITLISTED],
            attended=sum(1 for b in bookings if b.attended_at),
            capacity=self.page.booking_capacity(),
        )
        return context

    def post(self, request, *args, **kwargs):
        ticked = set(request.POST.getlist("attended"))
        for booking in self.bookings().filter(status=Status.CONFIRMED):
            if str(booking.pk) in ticked and booking.attended_at is None:
                mark_attended(booking, by=request.user, method=Booking.CheckIn.TICK)
            elif str(booking.pk) not in ticked and booking.attended_at is not None:
                clear_attendance(booking)
        messages.success(request, _("The attendance register is saved."))
        return redirect("taking_part_admin:register", pk=self.page.pk)


class ScanView(PageScreen):
    """Check people in at the door: the camera reads their QR code, or the code is typed."""

    template_name = "coproduction/taking_part/admin/scan.html"
    page_title = gettext_lazy("Check people in")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["prefix"] = PREFIX
        context["checked_in"] = Booking.objects.filter(
            page_id=self.page.pk, attended_at__isnull=False
        ).count()
        context["confirmed"] = Booking.objects.filter(
            page_id=self.page.pk, status=Status.CONFIRMED
        ).count()
        return context

    def post(self, request, *args, **kwargs):
        code = code_from(request.POST.get("code"))
        method = (
            Booking.CheckIn.SCAN if request.POST.get("via") == "camera" else Booking.CheckIn.CODE
        )
        outcome, level = self.check_in(code, method)
        context = self.get_context_data(**kwargs)
        context.update(outcome=outcome, outcome_level=level, via=request.POST.get("via"))
        return self.render_to_response(context)

    def check_in(self, code, method):
        """Return what to tell the person at the door, and whether it is good news."""
        if not code:
            return _("Scan a QR code or type a check-in code."), "error"
        booking = Booking.objects.filter(page_id=self.page.pk, check_in_code=code).first()
        if booking is None:
            return _("No booking for this event has the code %(code)s.") % {"code": code}, "error"
        if booking.status == Status.CANCELLED:
            return _("%(name)s cancelled their booking.") % {"name": booking.name}, "error"
        if booking.status == Status.WAITLISTED:
            return (
                _("%(name)s is on the waiting list and has no place.") % {"name": booking.name},
                "warning",
            )
        newly, at = mark_attended(booking, by=self.request.user, method=method)
        if not newly:
            return (
                _("%(name)s is already checked in (at %(time)s).")
                % {"name": booking.name, "time": time_format(timezone.localtime(at), "H:i")},
                "warning",
            )
        return _("Checked in: %(name)s.") % {"name": booking.name}, "success"


def attendance_csv(request, pk):
    """Everyone booked on the page: name, email, status, attended, how they were checked in."""
    page = _page_for(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="attendance-{page.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [_("Name"), _("Email"), _("Status"), _("Waiting list"), _("Attended"), _("Checked in by")]
    )
    bookings = (
        Booking.objects.filter(page_id=page.pk)
        .exclude(status=Status.CANCELLED)
        .order_by("status", "waitlist_position", "name", "pk")
    )
    for booking in bookings:
        attended = timezone.localtime(booking.attended_at) if booking.attended_at else None
        writer.writerow(
            safe_cell(value)
            for value in [
                booking.name,
                booking.email,
                booking.get_status_display(),
                booking.waitlist_position,
                attended.strftime("%Y-%m-%d %H:%M") if attended else "",
                booking.get_check_in_method_display() if booking.check_in_method else "",
            ]
        )
    return response


app_name = "taking_part_admin"

urlpatterns = [
    path("", BookingsIndexView.as_view(), name="index"),
    path("<int:pk>/", RegisterView.as_view(), name="register"),
    path("<int:pk>/scan/", ScanView.as_view(), name="scan"),
    path("<int:pk>/attendance.csv", attendance_csv, name="csv"),
]
