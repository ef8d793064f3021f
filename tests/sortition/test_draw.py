"""The draw, end to end: quotas from the population figures, the steps in order, the public
files, re-running them with plain Python, the report, and erasure leaving them as they were."""

import json
import subprocess

import pytest

from coproduction.factories import PersonFactory
from coproduction.models import Booking, DrawAttempt, Selection
from coproduction.register import personal_data
from coproduction.register.merge import merge_people
from coproduction.sortition import algorithm, draws
from coproduction.taking_part.booking import cancel

from .helpers import assembly_on, places, targets, volunteers

pytestmark = pytest.mark.django_db

SEED = "4 11 23 38 45 49"


@pytest.fixture
def setting(network_site, medway_site, west_kent_site):
    medway, west_kent = places(medway_site, west_kent_site)
    targets(medway, 30_000)
    targets(west_kent, 20_000)
    assembly = assembly_on(
        network_site, title="Health Assembly pilot", min_participants=15, max_participants=20
    )
    pool = volunteers(assembly, [medway, west_kent], 80)
    return assembly, pool


def admin(assembly, rest=""):
    return f"/admin/selection-by-lot/{assembly.pk}/{rest}"


def quotas_from_figures(client, assembly):
    """Press "Fill from population figures" and save what it suggests."""
    page = client.post(admin(assembly, "quotas/"), {"action": "suggest", "size": 20})
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["reserves"] = 5
    data["action"] = "save"
    return client.post(admin(assembly, "quotas/"), data)


def step(client, assembly, action, **data):
    return client.post(admin(assembly), {"action": action, **data}, follow=True)


def messages(response):
    return [str(message) for message in response.context["messages"]]


def test_a_maximum_below_its_minimum_is_refused_on_its_field(admin_client, setting):
    assembly, pool = setting
    page = admin_client.post(admin(assembly, "quotas/"), {"action": "suggest", "size": 20})
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update({"sex__female__min": 9, "sex__female__max": 3, "action": "save"})
    refused = admin_client.post(admin(assembly, "quotas/"), data)
    assert "The maximum is below the minimum (9)." in refused.content.decode()
    assert Selection.objects.get().quotas == {}


def test_quotas_are_suggested_in_proportion_to_the_population(admin_client, setting):
    assembly, pool = setting
    page = admin_client.post(admin(assembly, "quotas/"), {"action": "suggest", "size": 20})
    form = page.context["form"]
    # Medway has 30,000 of the 50,000 people: 12 of 20, so 9 to 15.
    assert form["place__medway-swale__min"].value() == 9
    assert form["place__medway-swale__max"].value() == 15
    assert form["sex__female__min"].value() == 8
    # No population figure for "prefer not to say": no minimum, up to the whole panel.
    assert form["sex__prefer_not__min"].value() == 0
    assert form["sex__prefer_not__max"].value() == 20


def test_the_draw_is_refused_until_the_pool_is_frozen_and_the_seed_published(admin_client, setting):
    assembly, pool = setting
    quotas_from_figures(admin_client, assembly)
    refused = step(admin_client, assembly, "draw")
    assert "This step is not possible now: Taking volunteers." in messages(refused)
    step(admin_client, assembly, "freeze")
    refused = step(admin_client, assembly, "draw")
    assert "This step is not possible now: Pool frozen." in messages(refused)
    assert not DrawAttempt.objects.exists()
    assert Selection.objects.get().result == {}


def test_infeasible_quotas_name_the_categories_that_conflict_and_save_no_draw(
    admin_client, setting
):
    assembly, pool = setting
    quotas_from_figures(admin_client, assembly)
    selection = Selection.objects.get()
    in_16_24 = sum(1 for volunteer in pool if volunteer.age_band == "16_24")
    selection.quotas["age_band"]["16_24"] = {"min": in_16_24 + 1, "max": 20}
    selection.quotas["sex"]["female"]["min"] = 12
    selection.quotas["sex"]["male"]["min"] = 12
    selection.save()
    overview = admin_client.get(admin(assembly)).content.decode()
    assert (
        f"Age 16 to 24 needs at least {in_16_24 + 1} but only {in_16_24} volunteers are in "
        "that group." in overview
    )
    assert "Sex minimums add up to 24, more than the panel of 20." in overview
    step(admin_client, assembly, "freeze")
    refused = step(admin_client, assembly, "seed", seed=SEED, description="A witness")
    assert "Sex minimums add up to 24, more than the panel of 20." in messages(refused)
    assert Selection.objects.get().status == Selection.Status.FROZEN
    assert not DrawAttempt.objects.exists()


def test_a_published_draw_can_be_re_run_from_its_public_files_with_plain_python(
    admin_client, client, setting, tmp_path, django_assert_max_num_queries
):
    assembly, pool = setting
    quotas_from_figures(admin_client, assembly)
    assert "Selection by lot" not in client.get(assembly.url).content.decode()
    step(admin_client, assembly, "freeze")
    step(admin_client, assembly, "seed", seed=SEED, description="Lottery of 9 January 2027")

    # The seed is public before the draw, on the assembly's page and the draw's page.
    assembly_page = client.get(assembly.url).content.decode()
    assert SEED in assembly_page and "Lottery of 9 January 2027" in assembly_page
    public = f"/selection-by-lot/{assembly.pk}/"
    assert Selection.objects.get().pool_sha256 in client.get(public).content.decode()
    assert client.get(public + "result.json").status_code == 404

    drawn = step(admin_client, assembly, "draw")
    assert "The panel and the reserves have been drawn." in messages(drawn)
    assert client.get(public + "result.json").status_code == 404  # not yet published
    step(admin_client, assembly, "publish")

    for name in ("pool.csv", "quotas.json", "result.json", "redraw.py"):
        response = client.get(public + name)
        assert response.status_code == 200, name
        (tmp_path / name).write_bytes(response.content)
    pool_text = (tmp_path / "pool.csv").read_text()
    assert not any(volunteer.person.name in pool_text for volunteer in pool)
    published = json.loads((tmp_path / "result.json").read_text())
    assert len(published["selected"]) == 20 and len(published["reserves"]) == 5

    def rerun(seed):
        run = subprocess.run(
            [
                "python3",
                "-I",
                "redraw.py",
                "--pool",
                "pool.csv",
                "--quotas",
                "quotas.json",
                "--seed",
                seed,
                "--size",
                "20",
                "--reserves",
                "5",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(run.stdout)

    again = rerun(SEED)
    assert again["selected"] == published["selected"]
    assert again["reserves"] == published["reserves"]
    assert again["pool_sha256"] == published["pool_sha256"]
    assert set(rerun("another seed")["selected"]) != set(published["selected"])

    with django_assert_max_num_queries(10):
        page = client.get(public).content.decode()
    assert "python3 redraw.py --pool pool.csv --quotas quotas.json --seed" in page
    assert published["selected"][0] in page

    # The lead's connection to bookings: the people, in the draw's order.
    selected, reserves = draws.panel(assembly)
    by_pseudonym = {volunteer.pseudonym: volunteer.person for volunteer in pool}
    assert selected == [by_pseudonym[pseudonym] for pseudonym in published["selected"]]
    assert reserves == [by_pseudonym[pseudonym] for pseudonym in published["reserves"]]

    # Erasing a selected person changes none of the public files.
    before = {name: client.get(public + name).content for name in ("pool.csv", "result.json")}
    personal_data.erase(selected[0].email)
    after = {name: client.get(public + name).content for name in ("pool.csv", "result.json")}
    assert before == after


def test_a_draw_is_made_once_and_drawing_again_is_an_explicit_logged_step(admin_client, setting):
    assembly, pool = setting
    quotas_from_figures(admin_client, assembly)
    step(admin_client, assembly, "freeze")
    step(admin_client, assembly, "seed", seed=SEED, description="A witness")
    step(admin_client, assembly, "draw")
    second = step(admin_client, assembly, "draw")
    assert "This step is not possible now: Drawn, not yet published." in messages(second)
    assert DrawAttempt.objects.count() == 1

    step(admin_client, assembly, "start_again", reason="The venue changed its dates")
    assert Selection.objects.get().status == Selection.Status.FROZEN
    step(admin_client, assembly, "seed", seed="17", description="A second witness")
    step(admin_client, assembly, "draw")
    attempts = list(DrawAttempt.objects.order_by("number"))
    assert [a.discarded_reason for a in attempts] == ["The venue changed its dates", ""]
    assert [a.seed for a in attempts] == [SEED, "17"]

    step(admin_client, assembly, "publish")
    refused = step(admin_client, assembly, "start_again", reason="Try again")
    assert "This step is not possible now: Result published." in messages(refused)


def test_the_selection_report_shows_each_quota_with_small_numbers_suppressed(
    admin_client, client, setting
):
    assembly, pool = setting
    quotas_from_figures(admin_client, assembly)
    step(admin_client, assembly, "freeze")
    step(admin_client, assembly, "seed", seed=SEED, description="A witness")
    step(admin_client, assembly, "draw")
    report = admin_client.get(admin(assembly, "report/")).content.decode()
    assert "<caption>Age</caption>" in report
    assert "fewer than 5" in report
    assert "Population share" in report
    assert "Age: the panel compared with the population</title>" in report
    step(admin_client, assembly, "publish")
    public = client.get(f"/selection-by-lot/{assembly.pk}/").content.decode()
    assert "<caption>Ethnic group</caption>" in public and "fewer than 5" in public


def test_volunteering_is_in_the_personal_data_export_and_erasure_blanks_it(setting):
    assembly, pool = setting
    person = pool[0].person
    [record] = personal_data.export(person.email)
    [given] = record["assembly_volunteering"]
    assert given["pseudonymous_id"] == pool[0].pseudonym
    assert given["consent_wording"] == "I agree."
    personal_data.erase(person.email)
    pool[0].refresh_from_db()
    assert pool[0].withdrawn_at is not None
    assert (pool[0].age_band, pool[0].sex, pool[0].consent_text) == ("", "", "")
    assert pool[0].pseudonym not in [row[0] for row in draws.pool_rows(assembly)]


def test_the_panel_follows_a_selected_person_merged_into_another_record(admin_client, setting):
    assembly, pool = setting
    quotas_from_figures(admin_client, assembly)
    step(admin_client, assembly, "freeze")
    step(admin_client, assembly, "seed", seed=SEED, description="A witness")
    step(admin_client, assembly, "draw")
    selected, reserves = draws.panel(assembly)
    kept = PersonFactory(email="kept@example.org")
    merge_people(kept, selected[0], by=None)
    assert draws.panel(assembly)[0][0] == kept
    assert draws.panel(assembly)[0][1:] == selected[1:]


def test_a_draw_that_cannot_meet_the_quotas_says_which_and_saves_nothing(
    admin_client, setting, monkeypatch
):
    assembly, pool = setting
    quotas_from_figures(admin_client, assembly)
    step(admin_client, assembly, "freeze")
    step(admin_client, assembly, "seed", seed=SEED, description="A witness")
    unmet = algorithm.Problem(
        "unmet_minimum",
        {"dimension": "age_band", "category": "75_plus", "selected": 1, "min": 2},
    )

    def fail(*args, **kwargs):
        raise algorithm.DrawFailed([unmet])

    monkeypatch.setattr(algorithm, "draw", fail)
    refused = step(admin_client, assembly, "draw")
    assert (
        "The draw could not meet this minimum in its attempts: Age 75 or over, 1 chosen of at "
        "least 2." in messages(refused)
    )
    assert Selection.objects.get().status == Selection.Status.SEED_PUBLISHED
    assert Selection.objects.get().result == {}
    assert not DrawAttempt.objects.exists()


def test_publishing_the_result_gives_the_panel_places_and_the_reserves_the_waiting_list(
    admin_client, setting, mailoutbox, django_capture_on_commit_callbacks
):
    """Publishing books a place for each person drawn and puts the reserves on the waiting
    list in the draw's order, emailing each; a cancellation offers the place to reserve 1."""
    assembly, pool = setting
    quotas_from_figures(admin_client, assembly)
    step(admin_client, assembly, "freeze")
    step(admin_client, assembly, "seed", seed=SEED, description="A witness")
    step(admin_client, assembly, "draw")
    selected, reserves = draws.panel(assembly)
    with django_capture_on_commit_callbacks(execute=True):
        step(admin_client, assembly, "publish")

    bookings = Booking.objects.filter(page=assembly)
    confirmed = bookings.filter(status=Booking.Status.CONFIRMED)
    assert sorted(b.person_id for b in confirmed) == sorted(p.pk for p in selected)
    waiting = bookings.filter(status=Booking.Status.WAITLISTED).order_by("waitlist_position")
    assert [b.person_id for b in waiting] == [p.pk for p in reserves]
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in selected + reserves)

    promoted = cancel(confirmed.first(), notify=False)
    assert promoted.person_id == reserves[0].pk
