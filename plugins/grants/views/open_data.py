"""The 360Giving open data of a site and of each programme, as JSON packages and CSV files.

Mounted under ``/plugins/grants/`` (so they answer 404 where grants is off). A programme
is found only among the live programmes of the site answering the request: asking one
site for another site's programme is a 404 too. The data is public and holds no personal
data, so any web page may read it (``Access-Control-Allow-Origin: *``).
"""

import json

from django.http import Http404, HttpResponse
from wagtail.models import Site

from ..models import GrantProgrammePage
from ..open_data import GrantsExport


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site answers this address.")
    return site


def _programme(request, programme_id):
    site = _site(request)
    programme = (
        GrantProgrammePage.objects.live()
        .in_site(site)
        .select_related("funder")
        .filter(pk=programme_id)
        .first()
    )
    if programme is None:
        raise Http404("No such grant programme on this site.")
    return GrantsExport(site, programme=programme)


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def _json(request, export):
    package = export.package(base_url=_base_url(request), request=request)
    response = HttpResponse(
        json.dumps(package, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{export.filename("json")}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _csv(request, export):
    response = HttpResponse(
        export.csv(base_url=_base_url(request), request=request),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{export.filename("csv")}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def site_package_json(request):
    """Every grant the site's live programmes have awarded, as a 360Giving JSON package."""
    return _json(request, GrantsExport(_site(request)))


def site_csv(request):
    """Every grant the site's live programmes have awarded, as 360Giving CSV."""
    return _csv(request, GrantsExport(_site(request)))


def programme_package_json(request, programme_id):
    """One programme's grants as a 360Giving JSON package."""
    return _json(request, _programme(request, programme_id))


def programme_csv(request, programme_id):
    """One programme's grants as 360Giving CSV."""
    return _csv(request, _programme(request, programme_id))
