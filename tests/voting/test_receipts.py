"""The published receipts: the list, JSON and CSV after close, checking a code, recounting."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from plugins.voting import casting, publication
from plugins.voting.factories import ballot_in_state, close_now
from plugins.voting.models import Ballot, BallotPaper, Option, ResultLine
from tests.voting.web import ballot_url, browser, option

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "recount_ballot.py"


@pytest.fixture
def capped_ballot(voting_site, user_members, worker_members, members):
    """A closed ordinary resolution with weighted, capped worker votes, and a receipt per vote."""
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        weights={worker_members: "1.5"},
        caps={worker_members: 40},
        quorum_kind=Ballot.Quorum.COUNT,
        quorum_value=3,
    )
    users = [m for m in members if m.member_class == user_members]
    workers = [m for m in members if m.member_class == worker_members]
    receipts = {}
    for voter in workers:
        receipts[voter.pk] = casting.cast(ballot, voter.user, [option(ballot, "for").pk])
    for voter, code in zip(users, ["against", "against", "for", "abstain"], strict=False):
        receipts[voter.pk] = casting.cast(ballot, voter.user, [option(ballot, code).pk])
    close_now(ballot)
    ballot.receipts = receipts
    return ballot


def published_json(ballot):
    page = browser().get(ballot_url(ballot, "receipts.json"))
    assert page.status_code == 200
    return json.loads(page.content)


def test_nothing_is_published_before_close(open_resolution, member):
    receipt = casting.cast(open_resolution, member.user, [option(open_resolution, "for").pk])
    listing = browser().get(ballot_url(open_resolution, "receipts/"))
    assert listing.status_code == 200
    assert "when the ballot closes" in listing.content.decode()
    assert receipt not in listing.content.decode()
    assert browser().get(ballot_url(open_resolution, "receipts.json")).status_code == 404
    assert browser().get(ballot_url(open_resolution, "receipts.csv")).status_code == 404
    check = browser().get(ballot_url(open_resolution, "check/"), {"receipt": receipt})
    assert "You can check your receipt code here after the ballot closes" in check.content.decode()
    assert "It voted" not in check.content.decode()


def test_after_close_every_paper_is_listed_by_receipt_with_its_choices(capped_ballot):
    html = browser().get(ballot_url(capped_ballot, "receipts/")).content.decode()
    codes = sorted(capped_ballot.receipts.values())
    positions = [html.index(code) for code in codes]
    assert positions == sorted(positions)
    assert "7 votes" in html
    assert "<td>Against</td>" in html and "<td>1.5</td>" in html
    assert "Worker member" in html  # the class is shown where a cap needs it


def test_the_list_is_paginated_at_100(voting_site, user_members, register):
    from partnerships.factories import MembershipFactory

    voters = [MembershipFactory(member_class=user_members) for _ in range(101)]
    ballot = ballot_in_state("open", site=voting_site, classes=[user_members])
    for voter in voters:
        casting.cast(ballot, voter.user, [option(ballot, "for").pk])
    close_now(ballot)
    first = browser().get(ballot_url(ballot, "receipts/")).content.decode()
    second = browser().get(ballot_url(ballot, "receipts/"), {"page": 2}).content.decode()
    assert first.count("<tr><td><code>") == 100
    assert second.count("<tr><td><code>") == 1
    assert "Page 1 of 2" in first


def test_the_json_has_the_rules_papers_and_result(capped_ballot, worker_members):
    data = published_json(capped_ballot)
    assert data["format"] == "chorus-ballot-receipts/1"
    rules = data["ballot"]
    assert rules["kind"] == "ordinary" and rules["seats"] == 1
    assert rules["quorum_needed"] == 3 and rules["electorate_size"] == 8
    assert {o["code"] for o in rules["options"]} == {"for", "against", "abstain"}
    assert {
        "id": worker_members.pk,
        "name": "Worker member",
        "weight": "1.50",
        "cap_percent": "40.00",
    } in rules["classes"]
    assert [p["receipt"] for p in data["papers"]] == sorted(capped_ballot.receipts.values())
    assert {p["weight"] for p in data["papers"]} == {"1.00", "1.50"}
    assert all(p["member_class"] for p in data["papers"])
    assert data["result"]["turnout"] == 7 and data["result"]["quorum_met"] is True


@pytest.mark.parametrize("name", ["receipts.json", "receipts.csv"])
def test_a_closed_ballots_published_files_may_be_kept_by_a_cdn(capped_ballot, name, settings):
    settings.CHORUS_PAGE_CACHE_SECONDS = 600

    response = browser().get(ballot_url(capped_ballot, name))

    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300", "s-maxage=600"}


def test_a_recount_from_the_published_json_equals_the_published_result(capped_ballot):
    data = published_json(capped_ballot)
    tally = publication.recount(data)
    lines = {line.option_id: line for line in ResultLine.objects.filter(ballot=capped_ballot)}
    assert tally.rounded(4) == {key: f"{line.votes:.4f}" for key, line in lines.items()}
    assert tally.papers == {key: line.papers for key, line in lines.items()}
    assert tally.outcome == Ballot.objects.get(pk=capped_ballot.pk).outcome
    assert publication.agrees(data)


def test_a_tampered_publication_does_not_agree(capped_ballot):
    data = published_json(capped_ballot)
    against = next(o["id"] for o in data["ballot"]["options"] if o["code"] == "against")
    changed = next(p for p in data["papers"] if against not in p["options"])
    changed["options"] = [against]
    assert not publication.agrees(data)


def test_the_example_script_recounts_a_real_published_json(capped_ballot, tmp_path):
    path = tmp_path / "receipts.json"
    path.write_bytes(browser().get(ballot_url(capped_ballot, "receipts.json")).content)

    run = subprocess.run(
        [sys.executable, str(EXAMPLE), str(path)], capture_output=True, text=True, check=False
    )

    assert run.returncode == 0, run.stderr
    assert "The recount agrees with the published result." in run.stdout
    outcome = Ballot.objects.get(pk=capped_ballot.pk).outcome
    assert f"Outcome: {outcome}" in run.stdout

    data = json.loads(path.read_text())
    data["papers"].pop()
    path.write_text(json.dumps(data))
    tampered = subprocess.run(
        [sys.executable, str(EXAMPLE), str(path)], capture_output=True, text=True, check=False
    )
    assert tampered.returncode == 1
    assert "DOES NOT agree" in tampered.stdout


def test_the_csv_lists_papers_with_safe_cells(voting_site, user_members, member):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.CHOOSE_ONE,
        candidates=['=HYPERLINK("http://evil")', "Thursdays"],
    )
    receipt = casting.cast(
        ballot, member.user, [Option.objects.get(ballot=ballot, sort_order=0).pk]
    )
    close_now(ballot)

    page = browser().get(ballot_url(ballot, "receipts.csv"))

    rows = list(csv.reader(io.StringIO(page.content.decode())))
    assert page["Content-Type"].startswith("text/csv")
    assert rows[0] == ["Receipt code", "Weight", "Choices", "Option ids"]
    assert rows[1][0] == receipt and rows[1][1] == "1.00"
    assert rows[1][2] == '\'=HYPERLINK("http://evil")'


def test_a_receipt_code_is_found_however_it_is_typed(capped_ballot, members):
    worker = members[-1]
    code = capped_ballot.receipts[worker.pk]
    typed = code.lower().replace("-", " ")
    page = browser().post(ballot_url(capped_ballot, "check/"), {"receipt": typed})
    html = page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert browser().get(ballot_url(capped_ballot, "check/"), {"receipt": code}).status_code == 200
    assert page.status_code == 200
    assert f"Receipt <code>{code}</code> was counted." in html
    assert "It voted: For." in html
    assert "weight of 1.5" in html


def test_an_unknown_or_malformed_receipt_code_is_explained(capped_ballot):
    unknown = browser().get(ballot_url(capped_ballot, "check/"), {"receipt": "0000-0000-0000"})
    assert unknown.status_code == 404
    assert "No vote has the receipt code" in unknown.content.decode()
    malformed = browser().get(ballot_url(capped_ballot, "check/"), {"receipt": "hello"})
    assert malformed.status_code == 400
    assert "That is not a receipt code" in malformed.content.decode()


def test_a_receipt_of_another_ballot_is_not_found_here(
    capped_ballot, voting_site, user_members, member
):
    other = ballot_in_state("open", site=voting_site, classes=[user_members], title="Other")
    code = casting.cast(other, member.user, [option(other, "for").pk])
    close_now(other)
    page = browser().get(ballot_url(capped_ballot, "check/"), {"receipt": code})
    assert page.status_code == 404


def test_receipts_of_another_sites_ballot_answer_404(capped_ballot, west_kent_site, enable):
    enable("voting", west_kent_site)
    for page in ("receipts/", "receipts.json", "receipts.csv", "check/"):
        url = ballot_url(capped_ballot, page)
        assert browser(host="west-kent.localhost").get(url).status_code == 404, url


def test_an_election_paper_with_no_marks_is_listed_as_an_abstention(
    voting_site, user_members, member
):
    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members],
        kind=Ballot.Kind.ELECT,
        seats=1,
        candidates=["Ada", "Bea"],
    )
    casting.cast(ballot, member.user, [])
    close_now(ballot)
    html = browser().get(ballot_url(ballot, "receipts/")).content.decode()
    assert "Abstain (no candidate marked)" in html
    assert publication.agrees(published_json(ballot))
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1
