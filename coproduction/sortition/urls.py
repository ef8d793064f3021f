"""Public addresses of selection by lot, in every language: the invitation link's pages and
each assembly's public record of its draw."""

from django.urls import path

from . import public, volunteering

app_name = "sortition"

urlpatterns = [
    path("volunteer/<str:token>/", volunteering.volunteer, name="volunteer"),
    path("volunteer/<str:token>/check/", volunteering.check, name="check"),
    path("volunteer/<str:token>/decline/", volunteering.decline, name="decline"),
    path("selection-by-lot/<int:assembly_id>/", public.page, name="public"),
    path("selection-by-lot/<int:assembly_id>/pool.csv", public.pool_csv, name="pool"),
    path("selection-by-lot/<int:assembly_id>/quotas.json", public.quotas_json, name="quotas"),
    path("selection-by-lot/<int:assembly_id>/quotas.csv", public.quotas_csv, name="quotas_csv"),
    path("selection-by-lot/<int:assembly_id>/result.json", public.result_json, name="result"),
    path("selection-by-lot/<int:assembly_id>/redraw.py", public.redraw_py, name="script"),
]
