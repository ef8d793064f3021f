"""The admin screens for sending a bulletin: choose who (with the count before confirming),
follow the progress, resume a send that stopped, download the mail-merge file for post."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from coproduction.models import BulletinPage, BulletinSend

from . import mailmerge
from .audiences import audiences_for
from .forms import SendForm
from .permissions import can_export, check_send
from .recipients import Choice, count
from .sending import queue, start_send
from .versions import original

#: A send that has not moved for this long was lost with its worker: offer to resume it.
STALLED_AFTER = timezone.timedelta(minutes=10)
#: Seconds between refreshes of the progress page while a send runs.
REFRESH_SECONDS = 3


class SendBulletinView(WagtailAdminTemplateMixin, TemplateView):
    """Choose the segment (GET), see how many it reaches (POST "count"), send (POST "send")."""

    template_name = "coproduction/bulletins/admin/send.html"
    header_icon = "mail"

    def dispatch(self, request, page_id):
        page = get_object_or_404(BulletinPage, pk=page_id)
        check_send(request.user, page)
        self.bulletin = original(page)
        self.site = self.bulletin.get_site()
        self.audiences = audiences_for(self.site)
        return super().dispatch(request)

    def get_page_title(self):
        return _("Send bulletin")

    def get_page_subtitle(self):
        return self.bulletin.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", SendForm(audiences=self.audiences))
        context.update(
            bulletin=self.bulletin,
            sends=self.bulletin.sends.select_related("created_by")[:10],
            live=self.bulletin.live,
        )
        return context

    def post(self, request):
        form = SendForm(request.POST, audiences=self.audiences)
        if not form.is_valid() or not self.bulletin.live:
            return self.render_to_response(self.get_context_data(form=form))
        choice = form.choice()
        if request.POST.get("action") == "send":
            send = start_send(self.bulletin, choice, self.site, request.user)
            messages.success(request, _("Sending has started."))
            return redirect("bulletin_send_progress", send.pk)
        counts = count(self.bulletin, choice, self.site)
        return self.render_to_response(self.get_context_data(form=form, counts=counts))


class SendProgressView(WagtailAdminTemplateMixin, TemplateView):
    """How far a send has got; refreshes itself (``<meta http-equiv="refresh">``) until done."""

    template_name = "coproduction/bulletins/admin/progress.html"
    header_icon = "mail"

    def dispatch(self, request, pk):
        self.send = get_object_or_404(
            BulletinSend.objects.select_related("bulletin", "created_by"), pk=pk
        )
        check_send(request.user, self.send.bulletin)
        return super().dispatch(request)

    def get_page_title(self):
        return _("Bulletin sending")

    def get_page_subtitle(self):
        return self.send.bulletin.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        send = self.send
        running = send.status in (BulletinSend.Status.QUEUED, BulletinSend.Status.SENDING)
        context.update(
            send=send,
            choice=Choice.from_json(send.segment),
            refresh=REFRESH_SECONDS if running else None,
            can_resume=can_resume(send),
            can_export=send.posted and can_export(self.request.user, send.bulletin),
            send_url=reverse("bulletin_send", args=[send.bulletin_id]),
        )
        return context


def can_resume(send):
    """Whether ``send`` stopped (an error, or a worker lost mid-way) and may be run again."""
    if send.status == BulletinSend.Status.FAILED:
        return True
    stalled = timezone.now() - send.updated_at > STALLED_AFTER
    return send.status != BulletinSend.Status.DONE and stalled


@require_POST
def resume(request, pk):
    """Queue a stopped send again: it carries on with the people not yet sent the bulletin."""
    send = get_object_or_404(BulletinSend.objects.select_related("bulletin"), pk=pk)
    check_send(request.user, send.bulletin)
    if can_resume(send):
        BulletinSend.objects.filter(pk=send.pk).update(
            status=BulletinSend.Status.QUEUED, updated_at=timezone.now()
        )
        queue(send)
        messages.success(request, _("Sending has started again."))
    return redirect("bulletin_send_progress", send.pk)


def mailmerge_csv(request, pk):
    """The people a send reaches by post, as CSV for a mail merge (see ``permissions``)."""
    send = get_object_or_404(BulletinSend.objects.select_related("bulletin"), pk=pk)
    if not can_export(request.user, send.bulletin):
        raise PermissionDenied
    response = StreamingHttpResponse(mailmerge.lines(send), content_type="text/csv")
    filename = f"bulletin-{send.bulletin.slug}-{send.created_at:%Y%m%d-%H%M}-post.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


urlpatterns = [
    path("bulletins/<int:page_id>/send/", SendBulletinView.as_view(), name="bulletin_send"),
    path("bulletins/sends/<int:pk>/", SendProgressView.as_view(), name="bulletin_send_progress"),
    path("bulletins/sends/<int:pk>/resume/", resume, name="bulletin_send_resume"),
    path("bulletins/sends/<int:pk>/post.csv", mailmerge_csv, name="bulletin_send_mailmerge"),
]
