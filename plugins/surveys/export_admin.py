"""The admin screens for a survey's Excel exports: ask for one (POST), watch it being
written, download it.

An export is for staff who may see the survey's results (``results_access``); one that
names respondents only for those who may also see respondents. The export's page refreshes
itself while an export is being written (a ``<meta http-equiv="refresh">``: no script), and
has a link to refresh it by hand. Files come from the private storage, through
:func:`download_export` only.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .export_tasks import start_export
from .models import SurveyExport
from .results_access import sees_respondents
from .results_admin import SurveyScreen, _filename, _survey_for

#: Seconds between refreshes of an export's page while an export is being written.
REFRESH_SECONDS = 3

#: Exports listed on an export's page.
RECENT = 10

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def exports_for(user, survey):
    """The exports of ``survey`` that ``user`` (who may see its results) may see: those
    naming respondents only if they may see respondents."""
    exports = SurveyExport.objects.filter(survey=survey)
    if not sees_respondents(user, survey):
        exports = exports.filter(with_email=False)
    return exports


@require_POST
def prepare_export(request, pk):
    """Queue an Excel file of every submitted response, and go to its page."""
    survey = _survey_for(request, pk)
    export = start_export(survey, request.user)
    messages.success(
        request, _("The Excel file is being prepared. It will be ready to download here.")
    )
    return redirect("surveys_results:export", survey.pk, export.pk)


class ExportView(SurveyScreen):
    """One export's progress (and its download link when it is ready), with the survey's
    recent exports."""

    template_name = "surveys/results/export.html"

    def dispatch(self, request, *args, **kwargs):
        self.survey = _survey_for(request, kwargs["pk"])
        self.export = get_object_or_404(
            exports_for(request.user, self.survey), pk=kwargs["export_pk"]
        )
        return super(SurveyScreen, self).dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Excel file: %(survey)s") % {"survey": self.survey.title}

    def get_trail(self):
        return [
            *super().get_trail(),
            (reverse("surveys_results:results", args=[self.survey.pk]), self.survey.title),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        recent = list(
            exports_for(self.request.user, self.survey).select_related("created_by")[:RECENT]
        )
        running = self.export.in_progress or any(export.in_progress for export in recent)
        context.update(
            survey=self.survey,
            export=self.export,
            recent=recent,
            refresh_seconds=REFRESH_SECONDS if running else None,
            prepare_url=reverse("surveys_results:prepare_export", args=[self.survey.pk]),
            results_url=reverse("surveys_results:results", args=[self.survey.pk]),
        )
        return context


def download_export(request, pk, export_pk):
    """Send a finished export to staff who may see it."""
    survey = _survey_for(request, pk)
    export = get_object_or_404(
        exports_for(request.user, survey), pk=export_pk, status=SurveyExport.Status.DONE
    )
    try:
        handle = export.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=_filename(survey, "xlsx"),
        content_type=XLSX_TYPE,
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


def urlpatterns():
    """The exports' admin URLs, beside the results' (namespace ``surveys_results``)."""
    return [
        path("<int:pk>/exports/new/", prepare_export, name="prepare_export"),
        path("<int:pk>/exports/<int:export_pk>/", ExportView.as_view(), name="export"),
        path(
            "<int:pk>/exports/<int:export_pk>/download/",
            download_export,
            name="export_download",
        ),
    ]
