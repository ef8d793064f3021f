"""A closed ballot's published receipts: the list, its JSON and CSV, and checking one code.

Nothing is published before the ballot closes: the list says when it will be, the JSON
and CSV answer 404, and a code cannot be checked yet (so nobody learns early whether a
code exists, let alone what it marks).
"""

import csv

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from chorus.common.error_summary import problems

from .. import publication
from ..forms import ReceiptCheckForm
from .common import site_ballot
from .wording import number

PAGE_SIZE = 100


@require_GET
def receipts(request, ballot_id):
    """Every paper of a closed ballot by receipt code, with its choices and weight."""
    ballot = site_ballot(request, ballot_id)
    context = {"ballot": ballot}
    if ballot.is_closed:
        page = Paginator(publication.papers(ballot), PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(
            {
                "page": page,
                "rows": [
                    {
                        "paper": paper,
                        "choices": publication.choices_of(paper),
                        "weight": number(paper.weight),
                    }
                    for paper in page.object_list
                ],
                "show_class": ballot.has_caps,
            }
        )
    return TemplateResponse(request, "voting/receipts.html", context)


def _final(response):
    """Let browsers and a CDN keep a closed ballot's files: they never change (erasure leaves
    papers alone), and they are the same for everyone."""
    patch_cache_control(
        response, public=True, max_age=300, s_maxage=settings.CHORUS_PAGE_CACHE_SECONDS
    )
    return response


def _closed(request, ballot_id):
    ballot = site_ballot(request, ballot_id)
    if not ballot.is_closed:
        raise Http404(_("The receipts are published when the ballot closes."))
    return ballot


@require_GET
def receipts_json(request, ballot_id):
    """The whole publication as JSON: rules, papers and result (see :mod:`publication`)."""
    ballot = _closed(request, ballot_id)
    url = request.build_absolute_uri(reverse("voting:ballot", kwargs={"ballot_id": ballot.pk}))
    response = JsonResponse(
        publication.as_json(ballot, url=url), json_dumps_params={"indent": 1, "ensure_ascii": False}
    )
    response["Content-Disposition"] = f'inline; filename="ballot-{ballot.pk}-receipts.json"'
    return _final(response)


@require_GET
def receipts_csv(request, ballot_id):
    """The papers as a CSV file, safe to open in a spreadsheet."""
    ballot = _closed(request, ballot_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ballot-{ballot.pk}-receipts.csv"'
    csv.writer(response).writerows(publication.csv_rows(ballot))
    return _final(response)


@never_cache
@require_http_methods(["GET", "POST"])
def check_receipt(request, ballot_id):
    """Find one receipt code in a closed ballot's published list and show what it marks.

    The page's form posts the code, so it stays out of the address bar, the browser's
    history and the server's access log; ``?receipt=`` works too, for a link.
    """
    ballot = site_ballot(request, ballot_id)
    data = request.POST if request.method == "POST" else request.GET
    form = ReceiptCheckForm(data if "receipt" in data else None)
    context = {"ballot": ballot, "form": form}
    status = 200
    if ballot.is_closed and form.is_bound:
        if form.is_valid():
            paper = publication.papers(ballot).filter(receipt=form.cleaned_data["receipt"]).first()
            if paper is None:
                context["not_found"] = form.cleaned_data["receipt"]
                status = 404
            else:
                context["paper"] = paper
                context["choices"] = publication.choices_of(paper)
                context["weight"] = number(paper.weight) if paper.weight != 1 else ""
        else:
            status = 400
    context["problems"] = problems(form) if ballot.is_closed else []
    return TemplateResponse(request, "voting/check.html", context, status=status)
