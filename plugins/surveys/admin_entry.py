"""Staff type in a paper or phone response: the survey's questions on one screen, checked as
online, then stored as that survey's response, "entered by X from paper".

Reached from the survey page's header menu in the admin ("Enter a paper response"), at
``/admin/surveys/<page id>/enter/``; only for people who may edit the survey page, and only
where surveys is on (the plugin's admin URLs answer 404 elsewhere).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import answering
from .models import Response, SurveyPage


def entered_label(response):
    """ "Entered by Sam Patel from paper", or "" for a response given online."""
    if response.channel == Response.Channel.ONLINE:
        return ""
    who = (
        response.entered_by.get_full_name() or response.entered_by.email
        if response.entered_by
        else _("someone")
    )
    if response.channel == Response.Channel.PHONE:
        return _("Entered by %(who)s from a phone call") % {"who": who}
    return _("Entered by %(who)s from paper") % {"who": who}


class EntryForm(forms.Form):
    channel = forms.ChoiceField(
        label=gettext_lazy("How did this response come in?"),
        choices=[
            (Response.Channel.PAPER, gettext_lazy("On paper")),
            (Response.Channel.PHONE, gettext_lazy("By phone")),
        ],
        widget=forms.RadioSelect,
        initial=Response.Channel.PAPER,
    )
    may_quote = forms.BooleanField(
        label=gettext_lazy("They agreed that their words may be quoted, without their name"),
        required=False,
    )


def editable_survey(request, page_id):
    """The survey page, if the person may edit it (else 403)."""
    page = get_object_or_404(SurveyPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


class PaperEntryView(WagtailAdminTemplateMixin, TemplateView):
    """One paper or phone response at a time, with the same questions and checks as online."""

    template_name = "surveys/admin/enter.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Enter a paper or phone response")

    def get_page_subtitle(self):
        return self.survey.title

    def dispatch(self, request, page_id):
        self.survey = editable_survey(request, page_id)
        return super().dispatch(request, page_id)

    def forms(self, data=None):
        return (
            EntryForm(data, prefix="entry"),
            answering.AnswersForm(self.survey.questions, {}, data, with_consent=True),
        )

    def get(self, request, page_id):
        entry, answers = self.forms()
        return self.render_to_response(self.get_context_data(entry=entry, answers=answers))

    def post(self, request, page_id):
        entry, answers = self.forms(request.POST)
        if entry.is_valid() and answers.is_valid():
            response = Response.objects.create(
                **answering.version_fields(self.survey),
                channel=entry.cleaned_data["channel"],
                entered_by=request.user,
                draft=answering.kept_answers(self.survey.questions, answers.answers),
            )
            try:
                answering.submit(
                    response,
                    self.survey,
                    site=self.survey.get_site(),
                    may_quote=entry.cleaned_data["may_quote"],
                )
            except answering.Incomplete:
                response.delete()
                messages.error(request, _("A question that must be answered has no answer."))
            else:
                response.refresh_from_db()
                messages.success(request, entered_label(response))
                return redirect("surveys_admin:enter", self.survey.pk)
        return self.render_to_response(self.get_context_data(entry=entry, answers=answers))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entered = (
            Response.objects.filter(survey=self.survey.results_survey, entered_by__isnull=False)
            .select_related("entered_by")
            .order_by("-submitted_at")[:20]
        )
        context.update(
            survey=self.survey,
            entered=[(response, entered_label(response)) for response in entered],
        )
        return context
