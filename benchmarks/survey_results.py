#!/usr/bin/env python
"""Survey results at scale: a 30-question survey with 10,000 responses on PostgreSQL.

    .venv/bin/python benchmarks/survey_results.py [--responses N] [--small M] [--repeat R] [--reuse]

1. Creates the scratch database named by ``DATABASE_URL`` (default
   ``postgres://postgres@127.0.0.1:5432/chorus_bench_surveys``) if it does not exist,
   migrates it, and refuses to go on if it already holds surveys, unless ``--reuse``.
2. Builds a partnership site with surveys on and two 30-question surveys (choices, agreement,
   ratings, rankings, numbers, free text, "about you"): one with N responses (default
   10,000), one with M (default 1,000), written with ``bulk_create`` in batches, answers
   invented from a fixed seed. Then ``VACUUM ANALYZE``. Prints the time and the rows made.
3. The results page of the big survey through Django's test client as a superuser: its
   queries (counted warm) and the median and p90 in ms of R runs (default 20), unfiltered
   and filtered by an "about you" answer and a channel (the target: under 1 s, at most 15
   queries).
4. The CSV export of each survey, downloaded to nowhere through its view, and the XLSX
   export, written by its task function called directly (``write_export.call``: the task
   queue's worker runs the same function; the view only queues it): the peak of Python's
   memory (``tracemalloc``) and the time (untraced, and traced), at M and at N responses
   (flat memory: about the same peak for both).

Nothing is asserted. See benchmarks/README.md.
"""

import argparse
import importlib.util
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/chorus_bench_surveys"
BATCH = 5000
HOST = "medway-swale.localhost"


def _pages_benchmark():
    """The helpers of ``benchmarks/pages.py`` (loaded under another name: ``pages`` is also
    one of the project's apps)."""
    spec = importlib.util.spec_from_file_location(
        "benchmark_pages", Path(__file__).with_name("pages.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _pages_benchmark()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", "-n", type=int, default=10_000, help="big survey")
    parser.add_argument("--small", "-m", type=int, default=1_000, help="small survey")
    parser.add_argument("--repeat", "-r", type=int, default=20, help="timed runs per page")
    parser.add_argument("--reuse", action="store_true", help="measure the surveys already there")
    return parser.parse_args()


def create_database(url):
    """Create the database ``url`` names, on its server, unless it exists."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


# --- building the surveys ----------------------------------------------------------------


def body():
    """Thirty questions (28 blocks and two "about you" questions), in three sections."""
    from plugins.surveys.factories import question

    five = ["Never", "Rarely", "Sometimes", "Often", "Always"]
    first = [
        question("single_choice", f"choice_{n}", f"Single choice {n}", options=five)
        for n in range(10)
    ]
    second = [
        question("multiple_choice", f"multi_{n}", f"Multiple choice {n}", options=five)
        for n in range(4)
    ]
    second += [question("agreement", f"agree_{n}", f"Statement {n}") for n in range(4)]
    second += [
        question(
            "rating", f"rating_{n}", f"Rating {n}", scale=5, low_label="Poor", high_label="Good"
        )
        for n in range(3)
    ]
    third = [
        question("ranking", f"rank_{n}", f"Ranking {n}", options=["Waits", "Evenings", "Visits"])
        for n in range(2)
    ]
    third += [
        question("number", f"number_{n}", f"Number {n}", minimum=0, maximum=100) for n in range(2)
    ]
    third += [question("long_text", f"text_{n}", f"Free text {n}") for n in range(3)]
    third.append(
        {"type": "about_you", "value": {"intro": "", "dimensions": ["age_band", "disability"]}}
    )
    return [
        {"type": "section", "value": {"heading": heading, "intro": "", "questions": questions}}
        for heading, questions in (("One", first), ("Two", second), ("Three", third))
    ]


def build_site():
    from wagtail.models import Page, Site

    from chorus.plugins import enablement
    from partnerships.models import PartnershipHomePage

    site = Site.objects.filter(hostname=HOST).first()
    if site is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=PartnershipHomePage(title="Medway and Swale (benchmark)", slug="bench-medway")
        )
        site = Site.objects.create(hostname=HOST, port=80, root_page=home, site_name="Medway")
    enablement.enable("surveys", site)
    return site


def build_survey(site, title, n_responses, seed):
    """A survey with ``n_responses`` submitted responses; returns (survey, seconds)."""
    from django.utils import timezone

    from coproduction.register.categories import DIMENSIONS
    from plugins.surveys.factories import SurveyPageFactory
    from plugins.surveys.models import Answer, Response

    started = time.perf_counter()
    survey = SurveyPageFactory(parent=site.root_page, title=title, body=body())
    questions = survey.questions
    random_ = random.Random(seed)
    channels = ["online"] * 8 + ["paper", "phone"]
    versions = [("en-gb", False)] * 6 + [("en-gb", True), ("pl", False)]
    now = timezone.now()
    made = 0
    while made < n_responses:
        size = min(BATCH // 40, n_responses - made)
        responses = []
        for _ in range(size):
            language, easy_read = random_.choice(versions)
            responses.append(
                Response(
                    survey=survey,
                    version=survey,
                    status=Response.Status.SUBMITTED,
                    channel=random_.choice(channels),
                    language=language,
                    easy_read=easy_read,
                    submitted_at=now,
                )
            )
        responses = Response.objects.bulk_create(responses)
        answers = []
        for response in responses:
            for question in questions:
                row = {"response": response, "survey": survey, "question": question.reference}
                if question.kind in ("single_choice", "agreement", "rating"):
                    answers.append(Answer(**row, value=random_.choice(question.options).value))
                elif question.kind == "about_you":
                    dimension = question.reference.split(".", 1)[1]
                    codes = [code for code, _words in DIMENSIONS[dimension][1].choices]
                    answers.append(Answer(**row, value=random_.choice(codes)))
                elif question.kind == "multiple_choice":
                    for option in random_.sample(question.options, random_.randint(1, 3)):
                        answers.append(Answer(**row, value=option.value))
                elif question.kind == "ranking":
                    order = random_.sample(question.options, len(question.options))
                    for place, option in enumerate(order, 1):
                        answers.append(Answer(**row, value=option.value, rank=place))
                elif question.kind == "number":
                    number = random_.randint(0, 100)
                    answers.append(Answer(**row, value=str(number), number=number))
                elif question.kind == "long_text" and random_.random() < 0.4:
                    text = " ".join(random_.choices(["buses", "evening", "clinic", "wait"], k=12))
                    answers.append(Answer(**row, text=text))
        Answer.objects.bulk_create(answers, batch_size=BATCH)
        made += size
    return survey, time.perf_counter() - started


def vacuum():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE surveys_response")
        cursor.execute("VACUUM ANALYZE surveys_answer")


# --- measuring ---------------------------------------------------------------------------


def timed(run, repeat):
    """Run ``run`` once untimed, then ``repeat`` times; return (median ms, p90 ms)."""
    run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    p90 = statistics.quantiles(times, n=10, method="inclusive")[-1]
    return statistics.median(times), p90


def client():
    from django.test import Client

    from chorus.common.factories import UserFactory

    browser = Client(HTTP_HOST=HOST)
    browser.force_login(
        UserFactory(username=f"bench-{time.time_ns()}", is_superuser=True, is_staff=True)
    )
    return browser


def results_page(survey, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    browser = client()
    for label, query in (
        ("unfiltered", ""),
        ("filtered (age 25-34, online)", "?about_age_band=25_34&channel=online"),
    ):
        url = f"/admin/surveys/{survey.pk}/results/{query}"

        def page(url=url):
            response = browser.get(url)
            assert response.status_code == 200, response.status_code
            return response

        page()  # fills the per-process caches (plugin switches, sites)
        with CaptureQueriesContext(connection) as captured:
            html = page().content.decode()
        queries = len(captured)
        counted = html.split("Responses counted: ", 1)[1].split(".", 1)[0]
        median, p90 = timed(page, repeat)
        print(
            f"results page, {label}: {queries} queries, median {median:.0f} ms, "
            f"p90 {p90:.0f} ms (the page says: Responses counted: {counted})"
        )


def xlsx_task(survey, traced):
    """Run the XLSX export's task function for ``survey``, as a worker would: (peak MiB of
    Python memory or ``None`` when not ``traced``, seconds, bytes of XLSX). The export row
    and its file are deleted afterwards."""
    import tracemalloc

    from plugins.surveys.export_tasks import write_export
    from plugins.surveys.models import SurveyExport

    export = SurveyExport.objects.create(survey=survey)
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    written = write_export.call(export.pk)
    seconds = time.perf_counter() - started
    peak = None
    if traced:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    export.refresh_from_db()
    assert export.status == SurveyExport.Status.DONE and written == export.total, export.status
    size = export.file.size
    export.file.delete(save=False)
    export.delete()
    return peak, seconds, size


def export(survey, suffix, traced):
    """Download an export and throw it away as it arrives: (peak MiB of Python memory or
    ``None`` when not ``traced``, seconds, bytes, lines). Tracing memory slows Python down
    several times, so the time is taken again untraced."""
    import tracemalloc

    browser = client()
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    response = browser.get(f"/admin/surveys/{survey.pk}/{suffix}")
    assert response.status_code == 200, response.status_code
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    peak = None
    if traced:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return peak, seconds, size, lines


def run(args):
    import django
    import wagtail

    from plugins.surveys.models import Answer, Response, SurveyPage

    bench.migrate()
    if SurveyPage.objects.exists() and not args.reuse:
        print(
            "The database already has surveys: pass --reuse to measure them, or point "
            "DATABASE_URL at an empty scratch database.",
            file=sys.stderr,
        )
        return 1
    versions = f"Django {django.get_version()}, Wagtail {wagtail.__version__}"
    print(f"Python {sys.version.split()[0]}, {versions}")
    print(f"database: {bench.database_label()} ({os.environ['DATABASE_URL']})")
    site = build_site()
    if SurveyPage.objects.exists():
        big = SurveyPage.objects.get(title="Big survey")
        small = SurveyPage.objects.get(title="Small survey")
        print("build: reused the surveys already there")
    else:
        small, seconds = build_survey(site, "Small survey", args.small, seed=1)
        print(f"build: {seconds:.1f}s for {args.small:,} responses")
        big, seconds = build_survey(site, "Big survey", args.responses, seed=2)
        print(f"build: {seconds:.1f}s for {args.responses:,} responses")
        vacuum()
    print(f"questions: {len(big.questions)}")
    print(f"rows: {Response.objects.count():,} responses, {Answer.objects.count():,} answers")
    print(f"\n## The results page ({args.repeat} timed runs each)\n")
    results_page(big, args.repeat)
    print("\n## CSV export (streamed; peak of Python memory with tracemalloc)\n")
    for survey in (small, big):
        responses = Response.objects.filter(survey=survey).count()
        peak, traced_seconds, size, lines = export(survey, "export.csv", traced=True)
        _peak, seconds, _size, _lines = export(survey, "export.csv", traced=False)
        print(
            f"{responses:>6,} responses: peak {peak:.1f} MiB, {seconds:.1f} s "
            f"({traced_seconds:.1f} s traced), {size / 2**20:.1f} MiB of CSV, {lines:,} lines"
        )
    print("\n## XLSX export (its task function, called directly; saved to the private storage)\n")
    for survey in (small, big):
        responses = Response.objects.filter(survey=survey).count()
        peak, traced_seconds, size = xlsx_task(survey, traced=True)
        _peak, seconds, _size = xlsx_task(survey, traced=False)
        print(
            f"{responses:>6,} responses: peak {peak:.1f} MiB, {seconds:.1f} s "
            f"({traced_seconds:.1f} s traced), {size / 2**20:.1f} MiB of XLSX"
        )
    return 0


def main():
    args = parse_args()
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        raise SystemExit("This benchmark runs on PostgreSQL: set DATABASE_URL to postgres://…")
    create_database(os.environ["DATABASE_URL"])
    return bench.on_scratch_database(run, args)


if __name__ == "__main__":
    sys.exit(main())
