"""The admin screens for a survey's results: the list of surveys, the results (counts,
percentages and charts, filtered by demographics, version and channel), the free-text
answers with their themes, and the CSV export (the Excel file is written in the task queue:
``export_admin``).

Every screen is for staff who may edit the survey page (``results_access``); others are
refused (``PermissionDenied``, which the admin answers with a redirect to its dashboard).
The results are a GET form, so a filtered view can be bookmarked and shared.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.coreutils import get_supported_content_language_variant

from chorus.common.admin_breadcrumbs import BreadcrumbTrailMixin
from coproduction.register.disclosure import EXPLANATION, shown

from . import exports
from .charts import bar_chart, ranking_chart
from .models import Answer, Response, SurveyPage, Theme
from .questions import ABOUT_YOU, FREE_TEXT_KINDS
from .results import (
    TOO_FEW,
    Filters,
    filtered_responses,
    free_text_answers,
    survey_results,
    theme_counts,
    version_choices,
)
from .results_access import may_see_results, sees_respondents, surveys_for


def default_language():
    """The default content language's code (that of ``Locale.get_default()``, without its
    query)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def is_results_survey(survey):
    """Whether ``survey`` has results of its own: it is not an Easy Read version, nor a
    translation (``survey.locale`` is read: select it with the survey)."""
    return survey.original_id is None and survey.locale.language_code == default_language()


#: Free-text answers per page.
PER_PAGE = 25


def _survey_for(request, pk, survey=None):
    """The results survey ``pk`` (``survey``, when the caller has it already), if
    ``request.user`` may see its results (else 403)."""
    if survey is None:
        survey = get_object_or_404(SurveyPage.objects.select_related("locale"), pk=pk)
    if not is_results_survey(survey):
        # A version's answers are counted in its results survey's results.
        raise Http404
    if not may_see_results(request.user, survey):
        raise PermissionDenied
    return survey


class FilterForm(forms.Form):
    """Which responses to count: an "about you" answer per question, a version, a channel."""

    version = forms.ChoiceField(label=gettext_lazy("Version"), required=False)
    channel = forms.ChoiceField(
        label=gettext_lazy("How it came in"),
        required=False,
        choices=[("", gettext_lazy("Any way")), *Response.Channel.choices],
    )

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].choices = [("", _("Every version")), *version_choices()]
        self.dimensions = []
        for question in survey.questions:
            if question.is_about_you:
                dimension = question.reference.removeprefix(ABOUT_YOU)
                name = f"about_{dimension}"
                self.fields[name] = forms.ChoiceField(
                    label=question.label,
                    required=False,
                    choices=[("", _("Anyone")), *((o.value, o.label) for o in question.options)],
                )
                self.dimensions.append((name, dimension))

    def filters(self):
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            about_you={dim: data[name] for name, dim in self.dimensions if data.get(name)},
            version=data.get("version") or "",
            channel=data.get("channel") or "",
        )


class SurveyScreen(BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView):
    """A screen about one survey's results."""

    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        self.survey = _survey_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_trail(self):
        return [(reverse("surveys_results:index"), _("Surveys"))]


class SurveyIndexView(BreadcrumbTrailMixin, WagtailAdminTemplateMixin, TemplateView):
    """The surveys the user may see the results of, with how many responses each has."""

    template_name = "surveys/results/index.html"
    page_title = gettext_lazy("Surveys")
    header_icon = "tasks"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["surveys"] = surveys_for(self.request.user)
        return context


def _chart(item):
    if not item.has_chart:
        return None
    if item.kind == "ranking":
        return ranking_chart(item.rows, gettext_lazy("mean rank %(rank)s"))
    return bar_chart(item.rows)


class ResultsView(SurveyScreen):
    template_name = "surveys/results/results.html"

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(SurveyPage.objects.select_related("locale"), pk=kwargs["pk"])
        if not is_results_survey(page):
            # An Easy Read or translated version: its answers are in its survey's results.
            results = page.results_survey
            if not may_see_results(request.user, results):
                raise PermissionDenied
            return redirect("surveys_results:results", results.pk)
        self.survey = _survey_for(request, page.pk, page)
        return super(SurveyScreen, self).dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Results: %(survey)s") % {"survey": self.survey.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = FilterForm(self.request.GET or None, survey=self.survey)
        filters = form.filters() if form.is_bound else Filters()
        results = survey_results(self.survey, filters)
        context.update(
            survey=self.survey,
            form=form,
            filters=filters,
            results=results,
            questions=[{"item": item, "chart": _chart(item)} for item in results.questions],
            themes=theme_counts(self.survey, filters),
            explanation=EXPLANATION,
            query=self.request.GET.urlencode(),
            csv_url=reverse("surveys_results:export_csv", args=[self.survey.pk]),
            prepare_export_url=reverse("surveys_results:prepare_export", args=[self.survey.pk]),
        )
        return context


class FreeTextView(SurveyScreen):
    """A free-text question's answers, paginated, filtered by theme, each with the themes it
    is tagged with and a form to change them; and a form to tag several at once."""

    template_name = "surveys/results/free_text.html"

    def dispatch(self, request, *args, **kwargs):
        self.survey = _survey_for(request, kwargs["pk"])
        self.question = next(
            (
                q
                for q in self.survey.questions
                if q.reference == kwargs["reference"] and q.kind in FREE_TEXT_KINDS
            ),
            None,
        )
        if self.question is None:
            raise Http404
        # The survey is found above, with the question: skip SurveyScreen's own lookup.
        return super(SurveyScreen, self).dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.question.label

    def get_trail(self):
        return [
            *super().get_trail(),
            (
                reverse("surveys_results:results", args=[self.survey.pk]),
                self.survey.title,
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        themes = list(self.survey.themes.all())
        theme = None
        if self.request.GET.get("theme"):
            theme = next((t for t in themes if str(t.pk) == self.request.GET["theme"]), None)
        # The results page's filters carry over; a group of fewer than 5 shows no answers.
        filters = FilterForm(self.request.GET, survey=self.survey).filters()
        withheld = (
            filters.active and shown(filtered_responses(self.survey, filters).count()).suppressed
        )
        answers = free_text_answers(self.survey, self.question.reference, filters, theme)
        if withheld:
            answers = answers.none()
        page = Paginator(answers, PER_PAGE).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            filters=filters,
            withheld=TOO_FEW if withheld else "",
            page_query=query.urlencode(),
            results_url=reverse("surveys_results:results", args=[self.survey.pk])
            + (f"?{query.urlencode()}" if filters.active else ""),
            survey=self.survey,
            question=self.question,
            themes=themes,
            theme=theme,
            page=page,
            answers=page.object_list,
            next_url=self.request.get_full_path(),
            tag_url=reverse("surveys_results:tag", args=[self.survey.pk]),
            bulk_url=reverse("surveys_results:bulk_tag", args=[self.survey.pk]),
            themes_url=reverse("surveys_results:themes", args=[self.survey.pk]),
        )
        return context


def _back(request, survey):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("surveys_results:results", survey.pk)


class ThemesView(View):
    """Add a theme to a survey, or remove one (POST)."""

    def post(self, request, pk):
        survey = _survey_for(request, pk)
        if "remove" in request.POST:
            Theme.objects.filter(survey=survey, pk=request.POST.get("remove")).delete()
            messages.success(request, _("The theme was removed."))
            return _back(request, survey)
        name = " ".join(request.POST.get("name", "").split())[:100]
        if not name:
            messages.error(request, _("Give the theme a name."))
            return _back(request, survey)
        try:
            with transaction.atomic():
                Theme.objects.create(survey=survey, name=name)
        except IntegrityError:
            messages.error(request, _("This survey already has a theme called “%s”.") % name)
        else:
            messages.success(request, _("Theme “%s” added.") % name)
        return _back(request, survey)


def _answers_of(survey, ids):
    return Answer.objects.filter(
        survey=survey, pk__in=[pk for pk in ids if str(pk).isdigit()]
    ).exclude(text="")


class TagView(View):
    """Set the themes of one free-text answer (POST)."""

    def post(self, request, pk):
        survey = _survey_for(request, pk)
        answer = _answers_of(survey, [request.POST.get("answer", "")]).first()
        if answer is None:
            raise Http404
        chosen = Theme.objects.filter(survey=survey, pk__in=request.POST.getlist("themes"))
        answer.themes.set(chosen)
        messages.success(request, _("Themes saved."))
        return _back(request, survey)


class BulkTagView(View):
    """Add a theme to, or remove it from, the chosen free-text answers (POST)."""

    def post(self, request, pk):
        survey = _survey_for(request, pk)
        theme = Theme.objects.filter(survey=survey, pk=request.POST.get("theme") or 0).first()
        answers = list(_answers_of(survey, request.POST.getlist("answers")))
        if theme is None or not answers:
            messages.error(request, _("Choose some answers and a theme."))
            return _back(request, survey)
        if request.POST.get("action") == "remove":
            theme.answers.remove(*answers)
            messages.success(
                request,
                _("“%(theme)s” removed from %(count)s answers.")
                % {"theme": theme.name, "count": len(answers)},
            )
        else:
            theme.answers.add(*answers)
            messages.success(
                request,
                _("%(count)s answers tagged “%(theme)s”.")
                % {"theme": theme.name, "count": len(answers)},
            )
        return _back(request, survey)


def _filename(survey, extension):
    return f"{slugify(survey.title) or 'survey'}-responses.{extension}"


def export_csv(request, pk):
    """Every submitted response as CSV, streamed as it is written."""
    survey = _survey_for(request, pk)
    lines = exports.csv_lines(survey, sees_respondents(request.user, survey))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(survey, "csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


def urlpatterns():
    """The admin URLs, under ``/admin/surveys/``, namespaced ``surveys_results``."""
    return [
        path("", SurveyIndexView.as_view(), name="index"),
        path("<int:pk>/results/", ResultsView.as_view(), name="results"),
        path(
            "<int:pk>/results/free-text/<str:reference>/",
            FreeTextView.as_view(),
            name="free_text",
        ),
        path("<int:pk>/themes/", ThemesView.as_view(), name="themes"),
        path("<int:pk>/themes/tag/", TagView.as_view(), name="tag"),
        path("<int:pk>/themes/bulk/", BulkTagView.as_view(), name="bulk_tag"),
        path("<int:pk>/export.csv", export_csv, name="export_csv"),
    ]
