"""Voting → Ballots: secretaries draft ballots, schedule them, and see results only after close."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from plugins.voting import casting, lifecycle
from plugins.voting.factories import ballot_in_state, close_now
from plugins.voting.models import Ballot

from .conftest import messages_of

pytestmark = pytest.mark.django_db


def at(days):
    return (timezone.localtime() + datetime.timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


def ballot_form(site, classes=(), options=(), **changes):
    """POST data for the ballot form: a new ordinary resolution, with ``changes``."""
    fields = {
        "site": site.pk,
        "title": "Adopt the revised rules",
        "question": "That the co-op adopts the revised rules.",
        "kind": "ordinary",
        "seats": "1",
        "opens_at": at(2),
        "closes_at": at(9),
        "quorum_kind": "none",
        "quorum_value": "",
        "secret": "on",
        "documents": inline_formset([]),
    }
    fields.update(changes)
    fields["eligible_classes"] = inline_formset(
        [
            {"member_class": c.pk, "weight": "1", "cap_percent": ""} if hasattr(c, "pk") else c
            for c in classes
        ]
    )
    fields["options"] = inline_formset([{"label": label, "description": ""} for label in options])
    return nested_form_data({k: v for k, v in fields.items() if v is not None})


def test_a_secretary_drafts_a_resolution_for_two_classes(
    secretary_browser, secretary, voting_site, user_members, worker_members
):
    data = ballot_form(
        voting_site,
        classes=[
            user_members,
            {"member_class": worker_members.pk, "weight": "2", "cap_percent": "40"},
        ],
    )
    response = secretary_browser.post("/admin/voting/ballots/new/", data)
    ballot = Ballot.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/voting/ballots/{ballot.pk}/"
    assert ballot.status == Ballot.Status.DRAFT
    assert ballot.created_by == secretary
    rows = {(c.member_class, c.weight, c.cap_percent) for c in ballot.eligible_classes.all()}
    assert rows == {(user_members, 1, None), (worker_members, 2, 40)}
    assert ballot.options.count() == 0  # For, Against and Abstain come at scheduling
    html = secretary_browser.get(response["Location"]).content.decode()
    assert "Ready to schedule" in html


def document_in(collection_name, title):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4 rules", name="rules.pdf"),
        collection=Collection.objects.get(name=collection_name),
    )


def test_a_draft_carries_its_supporting_documents(secretary_browser, voting_site, user_members):
    # The secretaries' group has a collection of its own for documents.
    document = document_in("Sharing Care co-op: documents", "Revised rules 2026")
    data = ballot_form(voting_site, classes=[user_members])
    data.update(nested_form_data({"documents": inline_formset([{"document": document.pk}])}))
    response = secretary_browser.post("/admin/voting/ballots/new/", data)
    ballot = Ballot.objects.get()
    assert [d.document for d in ballot.documents.all()] == [document]
    html = secretary_browser.get(response["Location"]).content.decode()
    assert "Revised rules 2026" in html and document.url in html


def test_a_document_the_secretary_may_not_choose_is_refused(
    secretary_browser, voting_site, user_members
):
    elsewhere = document_in("Root", "Another co-op's accounts")
    data = ballot_form(voting_site, classes=[user_members])
    data.update(nested_form_data({"documents": inline_formset([{"document": elsewhere.pk}])}))

    response = secretary_browser.post("/admin/voting/ballots/new/", data)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_choice_is_drafted_with_its_options(secretary_browser, voting_site, user_members):
    data = ballot_form(
        voting_site, classes=[user_members], options=["Tuesday", "Thursday"], kind="choose"
    )
    secretary_browser.post("/admin/voting/ballots/new/", data)
    ballot = Ballot.objects.get()
    assert [o.label for o in ballot.options.all()] == ["Tuesday", "Thursday"]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"closes_at": at(1)}, "The ballot must close after it opens."),
        ({"quorum_kind": "count"}, "Give the quorum figure, or choose no quorum."),
        (
            {"quorum_kind": "percent", "quorum_value": "120"},
            "A quorum percentage cannot be more than 100.",
        ),
        ({"seats": "0"}, "There must be at least one seat."),
    ],
)
def test_bad_rules_are_refused_with_a_clear_message(
    secretary_browser, voting_site, user_members, changes, message
):
    data = ballot_form(voting_site, classes=[user_members], **changes)
    response = secretary_browser.post("/admin/voting/ballots/new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    "row, message",
    [
        ({"weight": "0", "cap_percent": ""}, "Each vote&#x27;s weight must be more than 0."),
        ({"weight": "-1", "cap_percent": ""}, "Each vote&#x27;s weight must be more than 0."),
        ({"weight": "1", "cap_percent": "100"}, "A cap is a percentage between 0 and 100"),
        ({"weight": "1", "cap_percent": "0"}, "A cap is a percentage between 0 and 100"),
    ],
)
def test_bad_weights_and_caps_are_refused(
    secretary_browser, voting_site, user_members, row, message
):
    data = ballot_form(voting_site, classes=[{"member_class": user_members.pk, **row}])
    response = secretary_browser.post("/admin/voting/ballots/new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_class_from_another_coop_is_refused(
    secretary_browser, voting_site, user_members, other_class
):
    data = ballot_form(voting_site, classes=[other_class])
    response = secretary_browser.post("/admin/voting/ballots/new/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_superuser_cannot_mix_classes_of_two_coops(
    admin_client, voting_site, user_members, other_class
):
    admin_client.defaults["HTTP_HOST"] = "sharing-care.localhost"
    data = ballot_form(voting_site, classes=[user_members, other_class])
    response = admin_client.post("/admin/voting/ballots/new/", data)
    assert response.status_code == 200
    assert "Carer member is a class of another co-op" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_secretary_cannot_make_a_ballot_for_another_coop(
    secretary_browser, voting_site, other_coop, user_members
):
    data = ballot_form(other_coop["site"], classes=[user_members])
    response = secretary_browser.post("/admin/voting/ballots/new/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Ballot.objects.exists()


def test_scheduling_shows_what_is_missing_and_changes_nothing(
    secretary_browser, voting_site, user_members
):
    ballot = ballot_in_state("draft", site=voting_site, classes=[user_members], kind="elect")
    html = secretary_browser.get(f"/admin/voting/ballots/{ballot.pk}/").content.decode()
    assert "An election needs more candidates than seats." in html
    response = secretary_browser.post(f"/admin/voting/ballots/{ballot.pk}/schedule/")
    assert "Not scheduled: An election needs more candidates than seats." in messages_of(response)
    ballot.refresh_from_db()
    assert ballot.status == Ballot.Status.DRAFT


def test_scheduling_locks_the_rules_and_back_to_draft_unlocks_them(
    secretary_browser, voting_site, user_members
):
    ballot = ballot_in_state("draft", site=voting_site, classes=[user_members])
    response = secretary_browser.post(f"/admin/voting/ballots/{ballot.pk}/schedule/")
    ballot.refresh_from_db()
    assert ballot.status == Ballot.Status.SCHEDULED
    assert [o.code for o in ballot.options.all()] == ["for", "against", "abstain"]
    assert any("is scheduled" in m for m in messages_of(response))

    edit = f"/admin/voting/ballots/edit/{ballot.pk}/"
    response = secretary_browser.get(edit)
    assert response.status_code == 302
    assert any("its rules are locked" in m for m in messages_of(response))
    response = secretary_browser.post(edit, ballot_form(voting_site, title="Changed"))
    ballot.refresh_from_db()
    assert ballot.title != "Changed"
    assert secretary_browser.post(f"/admin/voting/ballots/delete/{ballot.pk}/").status_code == 302
    assert Ballot.objects.filter(pk=ballot.pk).exists()

    secretary_browser.post(f"/admin/voting/ballots/{ballot.pk}/unschedule/")
    ballot.refresh_from_db()
    assert ballot.status == Ballot.Status.DRAFT
    assert secretary_browser.get(edit).status_code == 200


def test_a_draft_is_edited_and_deleted(secretary_browser, voting_site, user_members):
    ballot = ballot_in_state("draft", site=voting_site, classes=[user_members])
    row = {"id": ballot.eligible_classes.get().pk, "member_class": user_members.pk, "weight": "3"}
    data = ballot_form(voting_site, title="Adopt the new rules")
    data.update(
        nested_form_data(
            {"eligible_classes": inline_formset([{**row, "cap_percent": ""}], initial=1)}
        )
    )
    response = secretary_browser.post(f"/admin/voting/ballots/edit/{ballot.pk}/", data)
    assert response.status_code == 302
    ballot.refresh_from_db()
    assert ballot.title == "Adopt the new rules"
    assert ballot.eligible_classes.get().weight == 3
    secretary_browser.post(f"/admin/voting/ballots/delete/{ballot.pk}/")
    assert not Ballot.objects.filter(pk=ballot.pk).exists()


def test_an_open_ballot_shows_turnout_but_never_counts(
    secretary_browser, open_resolution, members, member
):
    for_option = open_resolution.options.get(code="for")
    for membership in members[:3]:
        casting.cast(open_resolution, membership.user, [for_option.pk])
    pages = [
        secretary_browser.get("/admin/voting/ballots/").content.decode(),
        secretary_browser.get(f"/admin/voting/ballots/{open_resolution.pk}/").content.decode(),
        secretary_browser.get(
            f"/admin/voting/ballots/{open_resolution.pk}/electorate/"
        ).content.decode(),
    ]
    assert "3 of 9 voted" in pages[0]
    assert "3 of 9 eligible members have voted." in pages[1]
    for html in pages:
        assert "data-result" not in html
        assert "Outcome" not in html
        assert "<td>For</td>" not in html  # no option is listed with a figure beside it
        assert "Ballot papers" not in html


def test_after_close_the_result_is_shown(secretary_browser, open_resolution, members):
    for_option = open_resolution.options.get(code="for")
    against = open_resolution.options.get(code="against")
    for membership in members[:3]:
        casting.cast(open_resolution, membership.user, [for_option.pk])
    casting.cast(open_resolution, members[3].user, [against.pk])
    close_now(open_resolution)
    html = secretary_browser.get(f"/admin/voting/ballots/{open_resolution.pk}/").content.decode()
    assert "The resolution was carried." in html
    assert "4 of 9 eligible members voted" in html
    assert "<td>For</td><td>3</td>" in html
    assert "<td>Against</td><td>1</td>" in html
    assert "Chosen" not in html and "Elected" not in html
    public = f"http://sharing-care.localhost/plugins/voting/ballots/{open_resolution.pk}/"
    assert f'href="{public}"' in html
    assert f'href="{public}receipts/"' in html


def test_another_coops_ballot_is_not_found(secretary_browser, other_coop, other_class):
    ballot = ballot_in_state("open", site=other_coop["site"], classes=[other_class])
    for url in (
        f"/admin/voting/ballots/{ballot.pk}/",
        f"/admin/voting/ballots/{ballot.pk}/electorate/",
        f"/admin/voting/ballots/edit/{ballot.pk}/",
        f"/admin/voting/ballots/delete/{ballot.pk}/",
    ):
        assert secretary_browser.get(url).status_code == 404, url
    assert (
        secretary_browser.post(f"/admin/voting/ballots/{ballot.pk}/unschedule/").status_code == 404
    )
    assert "Care Together" not in secretary_browser.get("/admin/voting/ballots/").content.decode()
    assert lifecycle.turnout_so_far(ballot) == 0


def test_a_resolution_back_from_scheduling_can_become_a_choice(
    secretary_browser, voting_site, user_members
):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])
    secretary_browser.post(f"/admin/voting/ballots/{ballot.pk}/unschedule/")
    edit = f"/admin/voting/ballots/edit/{ballot.pk}/"
    assert 'value="Against"' not in secretary_browser.get(edit).content.decode()
    data = ballot_form(voting_site, kind="choose", options=["Tuesday", "Thursday"])
    row = {"id": ballot.eligible_classes.get().pk, "member_class": user_members.pk}
    data.update(
        nested_form_data(
            {
                "eligible_classes": inline_formset(
                    [{**row, "weight": "1", "cap_percent": ""}], initial=1
                )
            }
        )
    )
    assert secretary_browser.post(edit, data).status_code == 302
    secretary_browser.post(f"/admin/voting/ballots/{ballot.pk}/schedule/")
    ballot.refresh_from_db()
    assert ballot.status == Ballot.Status.SCHEDULED
    assert [(o.label, o.code) for o in ballot.options.all()] == [
        ("Tuesday", ""),
        ("Thursday", ""),
        ("Abstain", "abstain"),
    ]


def test_a_class_listed_twice_is_refused(secretary_browser, voting_site, user_members):
    data = ballot_form(voting_site, classes=[user_members, user_members])
    response = secretary_browser.post("/admin/voting/ballots/new/", data)
    assert response.status_code == 200
    assert "Each member class can be listed only once." in response.content.decode()
    assert not Ballot.objects.exists()


def test_an_elections_result_names_who_was_elected(
    secretary_browser, voting_site, user_members, members
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        kind="elect",
        seats=1,
        candidates=["Ann Lee", "Bob Shaw"],
    )
    ann = ballot.options.get(label="Ann Lee")
    for membership in members[:2]:
        casting.cast(ballot, membership.user, [ann.pk])
    close_now(ballot)
    html = secretary_browser.get(f"/admin/voting/ballots/{ballot.pk}/").content.decode()
    assert "<td>Ann Lee</td><td>2</td><td>2</td>" in html
    row = html[html.index("<td>Ann Lee</td>") : html.index("<td>Bob Shaw</td>")]
    assert "Elected" in row
