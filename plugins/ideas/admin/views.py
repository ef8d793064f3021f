"""Ideas → Moderation in the admin: the queue, and a decision screen per idea and comment.

Moderators see only the boards of the sites they moderate (superusers every board). Every
decision needs a reason, which the board's public moderation log shows.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin
from chorus.common.ids import id_or_none

from .. import moderating, statuses
from ..models import Comment, Idea
from ..permissions import is_moderator, moderated_boards, moderated_sites
from . import queue
from .forms import DecisionForm, QueueFilterForm, StatusForm


class ModeratorView(BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView):
    """An ideas admin page, for moderators only."""

    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def boards(self):
        return moderated_boards(self.request.user)


class QueueView(ModeratorView):
    """What waits for a moderator, open reports and the ideas, filtered and paged."""

    page_title = gettext_lazy("Ideas moderation")
    template_name = "ideas/admin/queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        boards = self.boards()
        form = QueueFilterForm(
            self.request.GET, boards=boards, sites=moderated_sites(self.request.user)
        )
        filters = form.filters()
        keys = {*form.fields, *queue.PAGE_PARAMS.values()}
        context.update(
            form=form,
            filtered=bool(filters),
            clearable=any(self.request.GET.get(name) for name in form.fields),
            waiting=queue.waiting(self.request, boards, filters),
            reports=queue.reports(self.request, boards, filters),
            ideas=queue.ideas(self.request, boards, filters),
            params=queue.PAGE_PARAMS,
            keep={
                name: queue.query_keeping(self.request, keys, param)
                for name, param in queue.PAGE_PARAMS.items()
            },
        )
        return context


class DecisionView(ModeratorView):
    """Decide on one idea or comment, with a reason; change an idea's status."""

    model = Idea

    def get_thing(self):
        if self.model is Idea:
            found = Idea.objects.filter(board__in=self.boards()).select_related("board")
        else:
            found = Comment.objects.filter(idea__board__in=self.boards()).select_related(
                "idea__board"
            )
        thing = found.filter(pk=id_or_none(self.kwargs["pk"])).first()
        if thing is None:
            raise Http404
        return thing

    def get_page_title(self):
        return _("Idea") if self.model is Idea else _("Comment")

    def get_trail(self):
        return [(reverse("ideas_admin:queue"), _("Ideas moderation"))]

    def get_template_names(self):
        return ["ideas/admin/idea.html" if self.model is Idea else "ideas/admin/comment.html"]

    def get(self, request, *args, **kwargs):
        self.thing = self.get_thing()
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, decision_form=None, status_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        thing = self.thing
        context.update(
            thing=thing,
            decision_form=decision_form
            or DecisionForm(choices=moderating.choices_for(thing), prefix="decision"),
            reports=thing.reports.order_by("-created_at"),
            decisions=thing.decisions.order_by("-decided_at"),
        )
        if self.model is Idea:
            context.update(
                status_form=status_form
                or StatusForm(
                    prefix="status", initial={"status": thing.status, "reason": thing.status_reason}
                ),
                comments=thing.comments.all(),
                support_count=thing.supports.count(),
                history=thing.status_changes.all(),
            )
        return context

    def post(self, request, *args, **kwargs):
        self.thing = self.get_thing()
        if "status-status" in request.POST and self.model is Idea:
            form = StatusForm(request.POST, prefix="status")
            if form.is_valid():
                statuses.change_status(
                    self.thing,
                    form.cleaned_data["status"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
                messages.success(
                    request, _("Status changed. The author and supporters will be emailed.")
                )
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(status_form=form))
        form = DecisionForm(
            request.POST, choices=moderating.choices_for(self.thing), prefix="decision"
        )
        if form.is_valid():
            try:
                moderating.decide(
                    self.thing,
                    form.cleaned_data["action"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except moderating.ModerationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Decision recorded in the moderation log."))
                return redirect(reverse("ideas_admin:queue"))
        return self.render_to_response(self.get_context_data(decision_form=form))
