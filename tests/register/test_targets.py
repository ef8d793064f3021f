"""Population targets: entered one by one in the admin, or imported from a CSV file that is
checked whole first and imported in the task queue with its progress shown."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from chorus.common.factories import UserFactory
from coproduction.models import PopulationTarget, TargetImport
from coproduction.register.targets_csv import read_targets
from tests.clients import assert_refused

pytestmark = pytest.mark.django_db

TARGETS = "/admin/population_targets/"
IMPORT = "/admin/representativeness/targets/import/"


@pytest.fixture
def medway(medway_site):
    return medway_site.root_page


@pytest.fixture
def staff(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


def csv_file(text, name="census.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def upload(client, text, **fields):
    return client.post(IMPORT, {"file": csv_file(text), "source": "Census 2021", **fields})


def figures(place):
    return {
        (t.dimension, t.category): t.count for t in PopulationTarget.objects.filter(place=place)
    }


# --- entering targets in the admin -------------------------------------------------


def add(client, place, **fields):
    data = {"place": place.pk, "dimension": "sex", "category": "female", "count": 100}
    return client.post(f"{TARGETS}new/", {**data, "source": "", **fields})


def test_staff_add_a_target_in_the_admin(staff, medway):
    response = add(staff, medway, count=210000, source="Census 2021")

    assert response.status_code == 302
    target = PopulationTarget.objects.get()
    assert (target.place, target.dimension, target.category, target.count) == (
        medway,
        "sex",
        "female",
        210000,
    )
    listing = staff.get(TARGETS).content.decode()
    assert "Female" in listing and "Medway and Swale Health and Care Partnership" in listing


def test_a_category_of_another_question_is_refused_with_a_clear_message(staff, medway):
    response = add(staff, medway, dimension="sex", category="christian")

    assert response.status_code == 200
    assert "“christian” is not a category of Sex. Use one of: female, male" in (
        response.content.decode()
    )
    assert not PopulationTarget.objects.exists()


def test_a_second_figure_for_the_same_category_is_refused(staff, medway):
    add(staff, medway)
    response = add(staff, medway, count=5)

    assert "This place already has a figure for this category" in response.content.decode()
    assert PopulationTarget.objects.get().count == 100


def test_a_negative_count_is_refused(staff, medway):
    assert add(staff, medway, count=-1).status_code == 200
    assert not PopulationTarget.objects.exists()


def test_editors_without_the_permissions_are_refused(client, medway):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert_refused(client.get(TARGETS))
    assert_refused(client.get(IMPORT))


# --- checking a CSV file -------------------------------------------------------------


def test_a_place_is_found_by_slug_or_title_and_codes_ignore_case(medway):
    rows, errors = read_targets(
        b"\xef\xbb\xbfPlace,Dimension,Category,Count,Notes\n"
        b'medway-swale,sex,Female,"210,000",from TS008\n'
        b"Medway and Swale Health and Care Partnership,age_band,16_24,40000,\n"
        b"\n"
    )

    assert errors == []
    assert [row.as_list() for row in rows] == [
        [medway.pk, "sex", "female", 210000],
        [medway.pk, "age_band", "16_24", 40000],
    ]


def test_every_bad_row_is_reported_with_its_line_number(medway):
    rows, errors = read_targets(
        b"place,dimension,category,count\n"
        b"medway-swale,sex,female,100\n"
        b"nowhere,sex,female,100\n"
        b"medway-swale,height,tall,100\n"
        b"medway-swale,sex,christian,100\n"
        b"medway-swale,sex,male,-4\n"
        b"medway-swale,sex,male,lots\n"
        b"medway-swale,sex,female,7\n"
        b",sex,male,1\n"
    )

    assert [str(error) for error in errors] == [
        "Line 3: no place has the slug or title “nowhere”.",
        "Line 4: “height” is not a demographic question. Use one of: age_band, sex, "
        "gender_identity, ethnic_group, disability, carer, sexual_orientation, religion.",
        "Line 5: “christian” is not a category of Sex. Use one of: female, male, prefer_not.",
        "Line 6: the count “-4” is not a whole number of 0 or more.",
        "Line 7: the count “lots” is not a whole number of 0 or more.",
        "Line 8: the same place and category as line 2.",
        "Line 9: the place is missing.",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"place,category,count\nmedway-swale,female,1\n", "missing: dimension"),
        (b"place,dimension,category,count\n", "the file has no rows of figures"),
        (b"", "the header row must name the columns"),
        (b"place,dimension\xff", "not a CSV file saved as UTF-8 text"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(medway, content, message):
    rows, errors = read_targets(content)
    assert rows == [] and message in str(errors[0])


def test_two_places_with_the_same_title_must_be_named_by_slug(make_partnership_site):
    make_partnership_site("east-kent.localhost", "Kent")
    make_partnership_site("kent.localhost", "Kent CIC")
    make_partnership_site("other.localhost", "Kent")

    _rows, errors = read_targets(b"place,dimension,category,count\nKent,sex,male,1\n")

    assert str(errors[0]) == "Line 2: “Kent” names more than one place: use its slug."


# --- importing a file ------------------------------------------------------------------


def test_a_file_with_a_bad_row_lists_every_error_and_saves_nothing(staff, medway):
    response = upload(
        staff,
        "place,dimension,category,count\nmedway-swale,sex,female,100\nnowhere,sex,male,1\n"
        "medway-swale,sex,other,1\n",
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported. Correct these 2 lines and upload the file again" in html
    assert "Line 3: no place has the slug or title “nowhere”." in html
    assert "Line 4: “other” is not a category of Sex." in html
    assert "Nothing was imported: 2 lines need correcting (listed above)." in html
    assert not PopulationTarget.objects.exists() and not TargetImport.objects.exists()


def test_an_import_runs_as_a_task_and_replaces_the_place_s_figures_for_its_questions(
    staff, medway, west_kent_site, django_capture_on_commit_callbacks
):
    west_kent = west_kent_site.root_page
    PopulationTarget.objects.create(place=medway, dimension="sex", category="male", count=1)
    PopulationTarget.objects.create(place=medway, dimension="religion", category="none", count=9)
    PopulationTarget.objects.create(place=west_kent, dimension="sex", category="male", count=3)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            staff,
            "place,dimension,category,count\nmedway-swale,sex,female,210000\n"
            "medway-swale,age_band,16_24,40000\n",
            illustrative="on",
        )

    job = TargetImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{IMPORT}{job.pk}/"
    assert (job.status, job.done, job.total) == ("done", 2, 2)
    # Sex is replaced whole (male gone), age added, religion (not in the file) kept.
    assert figures(medway) == {
        ("sex", "female"): 210000,
        ("age_band", "16_24"): 40000,
        ("religion", "none"): 9,
    }
    assert figures(west_kent) == {("sex", "male"): 3}
    imported = PopulationTarget.objects.get(place=medway, category="female")
    assert imported.illustrative and imported.source == "Census 2021"

    status = staff.get(response["Location"]).content.decode()
    assert "Imported" in status and "2 of 2" in status
    assert 'http-equiv="refresh"' not in status


def test_a_waiting_import_s_page_refreshes_itself_with_its_progress(staff, medway):
    job = TargetImport.objects.create(filename="census.csv", total=400, done=150)

    html = staff.get(f"{IMPORT}{job.pk}/").content.decode()

    assert '<meta http-equiv="refresh" content="2">' in html
    assert "Waiting to start" in html and "150 of 400" in html
    assert "census.csv" in staff.get(IMPORT).content.decode()  # among recent imports


def test_an_import_already_started_by_another_worker_is_not_run_twice(medway):
    from coproduction.register.tasks import import_targets

    job = TargetImport.objects.create(
        filename="census.csv", rows=[[medway.pk, "sex", "male", 5]], total=1, status="running"
    )

    import_targets.call(job.pk)

    assert not PopulationTarget.objects.exists()


def test_a_failed_import_says_so_and_keeps_the_old_figures(staff, medway):
    from coproduction.register.tasks import import_targets

    PopulationTarget.objects.create(place=medway, dimension="sex", category="male", count=1)
    job = TargetImport.objects.create(
        filename="census.csv", rows=[[medway.pk, "sex", "male", -5]], total=1
    )

    with pytest.raises(IntegrityError):
        import_targets.call(job.pk)

    job.refresh_from_db()
    assert job.status == "failed" and job.error
    assert figures(medway) == {("sex", "male"): 1}
    assert "The import stopped with an error" in staff.get(f"{IMPORT}{job.pk}/").content.decode()


def test_the_example_in_the_guide_imports(medway, west_kent_site):
    guide = (settings.BASE_DIR / "docs" / "register.md").read_text()
    example = guide.split("```csv\n", 1)[1].split("```", 1)[0]

    rows, errors = read_targets(example.encode())

    assert errors == [] and len(rows) == 5
