"""The public record of an assembly's draw, for anyone to check it.

- Once the seed is published: the seed, where it comes from and when it was published, the
  pool's SHA-256, the anonymised pool (``pool.csv``) and the quotas (``quotas.json``,
  ``quotas.csv``), so the pool and quotas are fixed in public before the draw.
- Once the result is published: the pseudonymous ids selected and the reserves in order
  (``result.json``), the script (``redraw.py``) and the exact command that re-runs it, and
  the selection report with small numbers suppressed.

Names are never in these files. Only live pages that everyone may see have them.
"""

import csv
import io
import json
import shlex

from django.http import Http404, HttpResponse
from django.shortcuts import render

from coproduction.models import AssemblyPage, Selection
from coproduction.register.disclosure import EXPLANATION

from .quotas import assembly_places, category_label
from .report import selection_report

#: How long CDNs and browsers may keep the files of a published draw (they never change).
FILE_MAX_AGE = 60 * 60


def _selection(assembly_id, *, result=False):
    assembly = AssemblyPage.objects.live().public().filter(pk=assembly_id).first()
    if assembly is None:
        raise Http404
    selection = Selection.objects.filter(assembly=assembly).first()
    public = (Selection.Status.SEED_PUBLISHED, Selection.Status.DRAWN, Selection.Status.PUBLISHED)
    if selection is None or selection.status not in public:
        raise Http404
    if result and selection.status != Selection.Status.PUBLISHED:
        raise Http404
    selection.assembly = assembly
    return selection


def command(selection):
    """The command that re-runs the draw from the downloaded files."""
    seed = shlex.quote(selection.seed)
    return (
        f"python3 redraw.py --pool pool.csv --quotas quotas.json --seed {seed}"
        f" --size {selection.size} --reserves {selection.reserves}"
    )


def page(request, assembly_id):
    """The draw's public page."""
    selection = _selection(assembly_id)
    published = selection.status == Selection.Status.PUBLISHED
    context = {
        "selection": selection,
        "assembly": selection.assembly,
        "published": published,
        "report": selection_report(selection) if published else None,
        "command": command(selection),
        "pool_size": selection.pool_csv.count("\n") - 1,
        "explanation": EXPLANATION,
    }
    return render(request, "coproduction/sortition/public.html", context)


def _file(selection, content, content_type, filename):
    """A download; kept by browsers and CDNs only once the result is published (before, a
    re-draw may change the quotas)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if selection.status == Selection.Status.PUBLISHED:
        response["Cache-Control"] = f"public, max-age={FILE_MAX_AGE}"
    else:
        response["Cache-Control"] = "no-cache"
    return response


def pool_csv(request, assembly_id):
    selection = _selection(assembly_id)
    return _file(selection, selection.pool_csv, "text/csv; charset=utf-8", "pool.csv")


def quotas_json(request, assembly_id):
    selection = _selection(assembly_id)
    data = {
        "size": selection.size,
        "reserves": selection.reserves,
        "quotas": selection.quotas,
    }
    return _file(selection, json.dumps(data, indent=2), "application/json", "quotas.json")


def quotas_csv(request, assembly_id):
    selection = _selection(assembly_id)
    places = list(assembly_places(selection.assembly))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["dimension", "category", "label", "min", "max"])
    for dimension, quotas in selection.quotas.items():
        for code, bounds in quotas.items():
            label = category_label(dimension, code, places)
            writer.writerow([dimension, code, label, bounds["min"], bounds["max"]])
    return _file(selection, out.getvalue(), "text/csv; charset=utf-8", "quotas.csv")


def result_json(request, assembly_id):
    selection = _selection(assembly_id, result=True)
    data = {
        "assembly": selection.assembly.title,
        "seed": selection.seed,
        "seed_description": selection.seed_description,
        "seed_published_at": selection.seed_published_at.isoformat(),
        "pool_sha256": selection.pool_sha256,
        "algorithm_sha256": selection.algorithm_sha256,
        "size": selection.size,
        **selection.result,
        "command": command(selection),
    }
    return _file(selection, json.dumps(data, indent=2), "application/json", "result.json")


def redraw_py(request, assembly_id):
    """The algorithm's source as it was when the draw was made."""
    selection = _selection(assembly_id, result=True)
    return _file(selection, selection.algorithm_source, "text/x-python; charset=utf-8", "redraw.py")
