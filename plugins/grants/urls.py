"""The grants plugin's own URLs, mounted at ``/plugins/grants/`` (namespace ``grants``).

Public programme and round pages are Wagtail pages (``GrantProgrammePage`` routes); these
are the per-person views (applying, my applications, files) and the open data.
"""

from django.urls import path

from .views import applicant, attachments, open_data

urlpatterns = [
    path("mine/", applicant.my_applications, name="my_applications"),
    path("rounds/<int:round_id>/apply/", applicant.start_application, name="apply"),
    path("applications/<str:reference>/", applicant.application_detail, name="application"),
    path("applications/<str:reference>/edit/", applicant.edit_application, name="edit"),
    path("applications/<str:reference>/check/", applicant.check_application, name="check"),
    path("applications/<str:reference>/submit/", applicant.submit_application, name="submit"),
    path("applications/<str:reference>/report/", applicant.monitoring_report, name="report"),
    path("attachments/<int:pk>/", attachments.download, name="attachment"),
    path("360giving.json", open_data.site_package_json, name="360giving_json"),
    path("360giving.csv", open_data.site_csv, name="360giving_csv"),
    path(
        "programmes/<int:programme_id>/360giving.json",
        open_data.programme_package_json,
        name="programme_360giving_json",
    ),
    path(
        "programmes/<int:programme_id>/360giving.csv",
        open_data.programme_csv,
        name="programme_360giving_csv",
    ),
]
