"""The public voting pages in a browser at a phone's width: axe finds nothing wrong on any of
them, and a member can vote with the keyboard alone.

Each test makes the co-op, its members and its ballots through the shared fixtures and the
plugin's own services (the real lifecycle), so the pages show what members would see."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.voting import conftest as voting_fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # Chromium must start before the test database is set up. Playwright's sync API gives
    # this thread a new context, and Django keeps a database connection per context: a
    # database set up first would be on the old context's connection, which the live server
    # and the database snapshots (or, outside SQLite, ``serialized_rollback``) do not use.
    pytest.mark.usefixtures("chromium"),
]

# The voting tests' fixtures (that conftest only serves tests/voting/): Sharing Care with
# voting on, its members, and an open resolution.
voting_site = voting_fixtures.voting_site
members = voting_fixtures.members
open_resolution = voting_fixtures.open_resolution

HAVE_YOUR_SAY = "/plugins/voting/"
PASSWORD = "chorus-pass-1"  # UserFactory's password


@pytest.fixture
def coop_url(live_server, voting_site):
    """``url(path)``: an address on Sharing Care's site, served by the live server."""
    port = urlsplit(live_server.url).port

    def url(path):
        return f"http://{voting_site.hostname}:{port}{path}"

    return url


def sign_in(page, coop_url, user):
    """Sign in on the site's own sign-in form."""
    page.goto(coop_url("/account/sign-in/"))
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(coop_url("/account/"))


WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture
def assert_wcag(axe, assert_accessible):
    """Return ``check(page)``: the suite's own axe check, then every WCAG 2.2 A and AA rule
    and axe's best practices (target size among them, which axe leaves out by default),
    failing on any violation at all, however minor axe rates it."""

    def check(page):
        assert_accessible(page)
        options = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}
        results = axe.run(page, options=options)
        assert results.response["violations"] == [], f"{page.url}\n{results.generate_report()}"

    return check


def heading(page):
    return page.get_by_role("heading", level=1)


def focused(page):
    """What has the keyboard focus: its tag, type and accessible text."""
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName.toLowerCase(), type: e.type || '',"
        " text: (e.labels && e.labels[0] ? e.labels[0].innerText : e.innerText || '').trim()}; }"
    )


def tab_to(page, wanted, limit=80):
    """Press Tab until the focus is on an element ``wanted(focused)`` accepts; fail if the
    keyboard never gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if wanted(focused(page)):
            return focused(page)
    raise AssertionError(f"Tab never reached the element on {page.url}")


@pytest.fixture
def closed_choice(voting_site, user_members, worker_members, members):
    """A closed, secret choice between three names, with a few votes cast before the close.

    Returns ``(ballot, receipt)``: one voter's receipt, to look up."""
    from plugins.voting import casting
    from plugins.voting.factories import ballot_in_state, close_now

    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        kind="choose",
        title="Choose a name for the new day centre",
        question="Which name should the new day centre have?",
        candidates=["The Meeting Place", "Riverside", "Sharing Care House"],
        closes_at=timezone.now() + datetime.timedelta(minutes=5),
    )
    options = list(ballot.options.order_by("sort_order"))
    receipts = [
        casting.cast(ballot, membership.user, [options[index % len(options)].pk])
        for index, membership in enumerate(members[:5])
    ]
    return close_now(ballot), receipts[0]


@pytest.fixture
def proposal(voting_site, members):
    """A proposal looking for seconders."""
    from plugins.voting import proposals

    return proposals.propose(
        voting_site,
        members[1],
        "Hold members' meetings in the evening",
        "So that worker members who are on shift in the day can come.",
    )


def test_a_member_votes_with_the_keyboard_alone(
    coop_url, open_resolution, member, browser_page, assert_wcag
):
    from plugins.voting.models import BallotPaper, Elector

    page = browser_page
    sign_in(page, coop_url, member.user)
    page.goto(coop_url(f"{HAVE_YOUR_SAY}ballots/{open_resolution.pk}/"))
    expect(heading(page)).to_have_text("Adopt the revised rules")
    expect(page.get_by_role("group", name="Choose one")).to_be_visible()

    # Tab to the first option, tick it with the space bar...
    radio = tab_to(page, lambda f: f["tag"] == "input" and f["type"] == "radio")
    assert radio["text"] == "For"
    page.keyboard.press("Space")
    expect(page.get_by_label("For", exact=True)).to_be_checked()

    # ...the options are one stop, so the next Tab is the button; Enter shows the vote to check.
    page.keyboard.press("Tab")
    assert focused(page) == {"tag": "button", "type": "submit", "text": "Continue"}
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text("Check your vote before sending it")
    assert not BallotPaper.objects.filter(ballot=open_resolution).exists()

    # "Change" goes back to the paper with the choice still marked.
    page.get_by_role("button", name="Change your vote").click()
    expect(page.get_by_label("For", exact=True)).to_be_checked()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Send my vote").focus()
    page.keyboard.press("Enter")

    expect(heading(page)).to_have_text("Thank you: your vote has been recorded")
    expect(page.get_by_text("You voted: For.")).to_be_visible()
    code = page.locator(".voting-receipt code")
    expect(code).to_be_visible()
    [paper] = BallotPaper.objects.filter(ballot=open_resolution)
    assert code.inner_text().strip() == paper.receipt
    assert Elector.objects.get(ballot=open_resolution, membership=member).voted


def test_the_ballot_paper_and_the_receipt_pass_axe_on_a_phone(
    coop_url, open_resolution, member, browser_page, assert_wcag
):
    page = browser_page
    sign_in(page, coop_url, member.user)

    page.goto(coop_url(HAVE_YOUR_SAY))
    expect(heading(page)).to_have_text("Have your say")
    expect(page.get_by_role("link", name="Vote now")).to_be_visible()
    assert_wcag(page)

    page.goto(coop_url(f"{HAVE_YOUR_SAY}ballots/{open_resolution.pk}/"))
    expect(page.get_by_role("region", name="Your vote")).to_be_visible()
    assert_wcag(page)

    # Sending nothing: the summary links to the choices, and the choices say what is wrong.
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Choose one option before sending your vote.")
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: ")
    choices = page.get_by_role("group", name="Choose one")
    expect(choices).to_have_accessible_description(
        "Error: Choose one option before sending your vote."
    )
    assert_wcag(page)

    page.get_by_label("Against", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    expect(heading(page)).to_have_text("Check your vote before sending it")
    assert_wcag(page)
    page.get_by_role("button", name="Send my vote").click()
    expect(heading(page)).to_have_text("Thank you: your vote has been recorded")
    # The code is big enough to copy out by hand: at least 24px tall on a phone.
    box = page.locator(".voting-receipt code").bounding_box()
    assert box["height"] >= 24
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert_wcag(page)


def test_a_closed_ballot_its_published_votes_and_a_receipt_check_pass_axe_on_a_phone(
    coop_url, closed_choice, browser_page, assert_wcag
):
    ballot, receipt = closed_choice
    page = browser_page

    page.goto(coop_url(f"{HAVE_YOUR_SAY}ballots/{ballot.pk}/"))
    result = page.get_by_role("region", name="The result")
    expect(result.get_by_role("table", name="Votes per option")).to_be_visible()
    assert_wcag(page)

    page.goto(coop_url(f"{HAVE_YOUR_SAY}ballots/{ballot.pk}/receipts/"))
    expect(heading(page)).to_have_text("Published votes")
    expect(page.get_by_role("table", name="5 votes")).to_be_visible()
    assert_wcag(page)

    page.goto(coop_url(f"{HAVE_YOUR_SAY}ballots/{ballot.pk}/check/"))
    expect(heading(page)).to_have_text("Check your receipt code")
    assert_wcag(page)
    page.get_by_role("textbox", name="Your receipt code").fill(receipt.lower())
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".voting-found")).to_contain_text(f"Receipt {receipt} was counted.")
    assert_wcag(page)

    # A code that is not a code: the summary's link takes the keyboard to the field.
    page.get_by_role("textbox", name="Your receipt code").fill("nonsense")
    page.get_by_role("button", name="Check").click()
    page.locator(".error-summary").get_by_role("link").click()
    expect(page.get_by_role("textbox", name="Your receipt code")).to_be_focused()
    assert_wcag(page)


def test_the_proposals_pass_axe_on_a_phone(coop_url, proposal, member, browser_page, assert_wcag):
    page = browser_page
    sign_in(page, coop_url, member.user)

    page.goto(coop_url(f"{HAVE_YOUR_SAY}proposals/"))
    expect(heading(page)).to_have_text("Members' proposals")
    page.get_by_role("link", name=proposal.title).click()
    expect(heading(page)).to_have_text(proposal.title)
    expect(page.get_by_role("button", name="Second this proposal")).to_be_visible()
    assert_wcag(page)

    page.go_back()
    expect(heading(page)).to_have_text("Members' proposals")
    assert_wcag(page)


def test_an_election_ballot_paper_and_its_errors_pass_axe_on_a_phone(
    coop_url, voting_site, user_members, worker_members, members, member, browser_page, assert_wcag
):
    from plugins.voting.factories import ballot_in_state

    ballot = ballot_in_state(
        "open",
        site=voting_site,
        classes=[user_members, worker_members],
        kind="elect",
        seats=2,
        title="Elect two members to the board",
        candidates=["Amara Okafor", "Ben Hughes", "Chen Wei"],
    )
    page = browser_page
    sign_in(page, coop_url, member.user)
    page.goto(coop_url(f"{HAVE_YOUR_SAY}ballots/{ballot.pk}/"))
    paper = page.get_by_role("group", name="Mark up to 2 candidates")
    expect(paper.get_by_role("checkbox")).to_have_count(4)  # three candidates and "I abstain"
    assert_wcag(page)

    # Marking a candidate and abstaining as well: the paper says so, and nothing is recorded.
    page.get_by_label("Amara Okafor").check()
    page.get_by_label("I abstain", exact=False).check()
    page.get_by_role("button", name="Continue").click()
    expect(paper).to_have_accessible_description(
        "Error: You ticked “I abstain” and marked candidates: do one or the other."
    )
    assert_wcag(page)

    # Marking two candidates: the check page lists both, and "Change" keeps them marked.
    page.get_by_label("I abstain", exact=False).uncheck()
    page.get_by_label("Chen Wei").check()
    page.get_by_role("button", name="Continue").click()
    expect(heading(page)).to_have_text("Check your vote before sending it")
    expect(page.locator(".summary-list__value")).to_contain_text(
        re.compile("Amara Okafor.*Chen Wei")
    )
    assert_wcag(page)
    page.get_by_role("button", name="Change candidates").click()
    expect(page.get_by_label("Amara Okafor")).to_be_checked()
    expect(page.get_by_label("Chen Wei")).to_be_checked()
    expect(page.get_by_label("Ben Hughes")).not_to_be_checked()
