"""The admin screens for consultations: the list, and each consultation's response screen.

The response screen (``/admin/surveys/consultations/<page id>/``) shows the consultation's
status and figures, the "Publish the response" button (only once it has closed, only to
people who may publish the page), the hear-back emails' progress with a "Resume" button, the
quotes with their redaction log, and the answers that may be quoted. Everyone who may edit
the page sees it; changing anything needs permission to publish the page.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin

from . import consultations, hearing_back, quotes
from .models import Answer, ConsultationPage, Quote, QuoteRedaction, ResponsePublication

app_name = "surveys_consultations"


def editable_consultations(user):
    """The consultations (default language) ``user`` may edit."""
    pages = ConsultationPage.objects.filter(locale=Locale.get_default()).order_by("-closes_at")
    return [page for page in pages if page.permissions_for_user(user).can_edit()]


class ConsultationMixin(BreadcrumbTrailMixin, WagtailAdminTemplateMixin):
    """Finds the consultation in the URL; refuses people who may not edit it."""

    header_icon = "help"
    needs_publish = False

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])
        self.consultation = consultations.original_consultation(page)
        permissions = self.consultation.permissions_for_user(request.user)
        if not permissions.can_edit():
            raise PermissionDenied
        if self.needs_publish and not permissions.can_publish():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def screen(self):
        return reverse("surveys_consultations:response", args=[self.consultation.pk])

    def get_trail(self):
        return [
            (reverse("surveys_consultations:index"), _("Consultations")),
        ]


class IndexView(BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every consultation the person may edit, with its status."""

    template_name = "surveys/admin/consultations.html"
    page_title = gettext_lazy("Consultations")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = editable_consultations(self.request.user)
        published = set(
            ResponsePublication.objects.filter(consultation__in=pages).values_list(
                "consultation_id", flat=True
            )
        )
        context["rows"] = [
            (page, page.status(publication=True if page.pk in published else None))
            for page in pages
        ]
        return context


class ResponseView(ConsultationMixin, TemplateView):
    """The consultation's response screen."""

    template_name = "surveys/admin/consultation_response.html"

    def get_page_title(self):
        return _("Response: %(title)s") % {"title": self.consultation.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.consultation
        publication = ResponsePublication.objects.filter(consultation=page).first()
        chosen = list(
            Quote.objects.filter(consultation=page).select_related("answer").order_by("order", "pk")
        )
        may_publish = consultations.may_publish(self.request.user, page)
        context.update(
            page=page,
            status=page.status(publication),
            publication=publication,
            may_publish=may_publish,
            closed=page.is_closed(),
            written=page.response_is_written(),
            survey_responses=consultations.survey_responses(page),
            hear_back=consultations.hear_back_requests(page).count(),
            quotes=chosen,
            # People's own words, unredacted: only for those who choose and redact quotes.
            candidates=list(quotes.candidates(page)) if may_publish else [],
            redactions=QuoteRedaction.objects.filter(quote__consultation=page).select_related(
                "redacted_by"
            )
            if may_publish
            else [],
        )
        return context


class PublishView(ConsultationMixin, View):
    """POST: publish the response (and queue the hear-back emails)."""

    needs_publish = True

    def post(self, request, page_id):
        try:
            publication = consultations.publish_response(self.consultation, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The response is published. %(count)s people are being told.")
                % {"count": publication.total},
            )
        return redirect(self.screen())


class ResumeView(ConsultationMixin, View):
    """POST: queue the hear-back emails again (only those not yet sent go out)."""

    needs_publish = True

    def post(self, request, page_id):
        publication = get_object_or_404(ResponsePublication, consultation=self.consultation)
        hearing_back.queue(publication)
        messages.success(request, _("Sending the emails not yet sent."))
        return redirect(self.screen())


class ChooseQuoteView(ConsultationMixin, View):
    """POST ``answer``: make a free-text answer a quote (it must be redacted to be shown)."""

    needs_publish = True

    def post(self, request, page_id):
        answer = get_object_or_404(Answer, pk=request.POST.get("answer") or 0)
        try:
            quote = quotes.choose(self.consultation, answer, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.screen())
        return redirect(
            reverse("surveys_consultations:redact", args=[self.consultation.pk, quote.pk])
        )


class RedactForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("The words to publish"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Remove names, places, dates and anything else that could identify the person "
            "or someone they mention. Mark what you removed, e.g. “[name removed]”."
        ),
    )
    checked = forms.BooleanField(
        label=gettext_lazy("I have removed everything that could identify someone"),
    )


class RedactView(ConsultationMixin, FormView):
    """Edit a quote's published words; each save is logged."""

    needs_publish = True
    form_class = RedactForm
    template_name = "surveys/admin/redact.html"
    page_title = gettext_lazy("Redact a quote")

    def dispatch(self, request, *args, **kwargs):
        self.quote_id = kwargs["quote_id"]
        return super().dispatch(request, *args, **kwargs)

    def get_quote(self):
        return get_object_or_404(
            Quote.objects.select_related("answer"), pk=self.quote_id, consultation=self.consultation
        )

    def get_trail(self):
        return [*super().get_trail(), (self.screen(), self.consultation.title)]

    def get_initial(self):
        quote = self.get_quote()
        return {"text": quote.text or quote.answer.text}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quote = self.get_quote()
        context.update(quote=quote, redactions=quote.redactions.select_related("redacted_by"))
        return context

    def form_valid(self, form):
        quote = self.get_quote()
        try:
            quotes.redact(quote, form.cleaned_data["text"], self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Quote redacted. The change is in the log."))
        return redirect(self.screen())


class ShowQuoteView(ConsultationMixin, View):
    """POST ``shown`` (1 or 0): show the quote on the published response, or take it off."""

    needs_publish = True

    def post(self, request, page_id, quote_id):
        quote = get_object_or_404(Quote, pk=quote_id, consultation=self.consultation)
        try:
            quotes.show(quote, request.POST.get("shown") == "1")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(self.screen())


urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("<int:page_id>/", ResponseView.as_view(), name="response"),
    path("<int:page_id>/publish/", PublishView.as_view(), name="publish"),
    path("<int:page_id>/resume/", ResumeView.as_view(), name="resume"),
    path("<int:page_id>/quotes/", ChooseQuoteView.as_view(), name="choose_quote"),
    path("<int:page_id>/quotes/<int:quote_id>/", RedactView.as_view(), name="redact"),
    path("<int:page_id>/quotes/<int:quote_id>/show/", ShowQuoteView.as_view(), name="show_quote"),
]
